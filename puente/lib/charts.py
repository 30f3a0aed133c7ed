"""Bars drawn beside a table's figures (includes/bar_cell.html): the table is the chart."""

from collections.abc import Sequence
from decimal import Decimal


def shares(amounts: Sequence[Decimal | int | float]) -> list[float]:
    """Each amount as a share (0-100) of the largest, the length of its bar."""
    largest = float(max(amounts, default=0)) or 1.0
    return [float(amount) / largest * 100 for amount in amounts]
