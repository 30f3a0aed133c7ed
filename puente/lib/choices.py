"""Drop-down lists of names in the order people read them: by the label shown, accents and case
ignored ("Ábrego" among the A's, "Cúcuta" before "Cucutilla", "ACNUR" under A though its full
name starts with "Alto"), whatever the database's collation (SQLite sorts accents last)."""

from collections.abc import Iterable, Iterator
from typing import Any

from django.forms import ModelChoiceField
from django.forms.models import ModelChoiceIterator

from .names import fold


class ByLabel(ModelChoiceIterator):
    def __iter__(self) -> Iterator[tuple[Any, Any]]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        # Read whole and sorted here: these lists are a few hundred names at most.
        yield from sorted(
            (self.choice(obj) for obj in self.queryset), key=lambda choice: fold(str(choice[1]))
        )


def by_label(*fields: Any) -> None:
    """These model choice fields list their choices by label."""
    for field in fields:
        assert isinstance(field, ModelChoiceField), field  # noqa: S101 (a programming error)
        field.iterator = ByLabel


def sorted_by_label[T: tuple[Any, str]](choices: Iterable[T]) -> list[T]:
    """(value, label) pairs in the order people read the labels."""
    return sorted(choices, key=lambda choice: fold(str(choice[1])))
