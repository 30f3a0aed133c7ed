"""The indicator tracking table as a PDF: the page's figures, each share with its standing in
words as well as colour (a printout is often black and white)."""

import io
from collections.abc import Sequence
from decimal import Decimal

from django.template.defaultfilters import floatformat
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from puente.lib.pdf import OFFICE, opening, paragraph_text

from .iptt import IpttRow, standing_label
from .models import Dimension
from .rollup import FAR_BEHIND, ON_TRACK, OVERSHOOT, Figures

# More rows make a PDF nobody prints; the XLSX takes up to iptt.EXPORT_LIMIT.
PDF_LIMIT = 1_000
YEARS_SHOWN = 6  # more columns would not fit a landscape page
STANDING_COLOURS = {
    "on": colors.HexColor("#1e6b30"),
    "behind": colors.HexColor("#8a5a00"),
    "far": colors.HexColor("#a4161a"),
}


def render_iptt(
    rows: Sequence[IpttRow], years: Sequence[int], split: str, filters: Sequence[str]
) -> bytes:
    with translation.override("es"):
        return _render(rows, years, split, filters)


def _number(value: Decimal | None) -> str:
    return "—" if value is None else floatformat(value, "-2g")  # as the page writes figures


def _cell(figures: Figures, style: ParagraphStyle, standing: str | None = None) -> Paragraph:
    """Target → actual, then the share achieved; with `standing` ("" for none yet, as a
    project's life before it ends), the standing in words and colour."""
    lines = [f"{_number(figures.target)} → {_number(figures.actual)}"]
    achieved = figures.achieved
    if achieved is not None:
        share = f"{floatformat(achieved, '-1g')} %"
        if standing is not None:
            share += f" · {standing_label(standing) if standing else _('to date')}"
        colour = STANDING_COLOURS.get(standing or "")
        lines.append(f'<font color="{colour.hexval()}">{share}</font>' if colour else share)
    return Paragraph("<br/>".join(lines), style)


def _render(
    rows: Sequence[IpttRow], years: Sequence[int], split: str, filters: Sequence[str]
) -> bytes:
    _styles, small, story = opening(_("Indicator tracking"))
    cell = ParagraphStyle("cell", parent=small, fontSize=7.5, leading=9)
    story += [
        Paragraph(
            ngettext(
                "Prepared on %(date)s · %(n)s indicator",
                "Prepared on %(date)s · %(n)s indicators",
                len(rows),
            )
            % {
                "date": date_format(timezone.localdate()),
                "n": number_format(len(rows), force_grouping=True),
            },
            small,
        ),
    ]
    if filters:
        story.append(
            Paragraph(
                paragraph_text(_("Filters: %(filters)s") % {"filters": "; ".join(filters)}), small
            )
        )
    story.append(
        Paragraph(
            _(
                "Each cell: target → actual, then the share achieved. On track from %(on)s %% "
                "of the target, far behind below %(far)s %% (where less is better: on track "
                "at or below the target, far behind above %(over)s %% of it). Before a project "
                "ends, its life's share is to date."
            )
            % {"on": ON_TRACK, "far": FAR_BEHIND, "over": OVERSHOOT},
            small,
        )
    )
    if len(years) > YEARS_SHOWN:
        years = years[-YEARS_SHOWN:]
        story.append(
            Paragraph(
                _("The last %(n)s years are shown; the XLSX export holds every year.")
                % {"n": YEARS_SHOWN},
                small,
            )
        )
    story.append(Spacer(1, 0.3 * cm))
    header = [_("Activity and indicator"), _("Unit")]
    if split:
        header.append(str(Dimension(split).label))
    header += [str(year) for year in years] + [_("Life of project")]
    data: list[list[object]] = [[Paragraph(f"<b>{paragraph_text(h)}</b>", cell) for h in header]]
    spans: list[tuple[object, ...]] = []
    for row in rows:
        ascending = row.indicator.ascending
        activity = row.indicator.result.activity
        name = Paragraph(
            # As the page lists them: the activity, then its indicator.
            f"{paragraph_text(activity.title)}<br/><b>{paragraph_text(row.indicator.title)}</b>",
            cell,
        )
        line: list[object] = [name, Paragraph(paragraph_text(row.unit), cell)]
        if split:
            line.append("")
        line += [_cell(f, cell, f.standing(ascending)) for f in row.cells(years)]
        line.append(_cell(row.total, cell, row.total.standing(ascending) if row.complete else ""))
        data.append(line)
        parts = row.part_rows(years, split) if split else []
        for category, cells, total in parts:
            part: list[object] = ["", "", Paragraph(paragraph_text(category), cell)]
            part += [_cell(f, cell) for f in cells]
            part.append(_cell(total, cell))
            data.append(part)
        if split and not parts:  # said, as the page does, rather than an empty column
            data.append(["", "", Paragraph(_("No figures for this split."), cell)])
            spans.append(("SPAN", (2, len(data) - 1), (-1, len(data) - 1)))
    if not rows:
        data.append(
            [Paragraph(_("No indicator matches these filters."), cell)] + [""] * (len(header) - 1)
        )
    fixed = [6.5 * cm, 1.8 * cm] + ([2.4 * cm] if split else [])
    usable = landscape(LETTER)[0] - 3 * cm - sum(fixed)
    widths = fixed + [usable / (len(years) + 1)] * (len(years) + 1)
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef3")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *spans,
        ])
    )  # fmt: skip
    story.append(table)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=landscape(LETTER),
        leftMargin=1.5 * cm,
        rightMargin=1.5 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
        title=_("Indicator tracking"),
        author=OFFICE,
    )
    document.build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return buffer.getvalue()


def _page_number(canvas: Canvas, document: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawRightString(
        document.pagesize[0] - document.rightMargin,
        0.8 * cm,
        _("Page %(n)s") % {"n": canvas.getPageNumber()},
    )
    canvas.restoreState()
