"""The coordination report for the Governor: figures, charts and the gap table, as a PDF."""

import io
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import Flowable

from puente.lib.pdf import OFFICE, opening
from puente.lib.pdf import paragraph_text as _text
from puente.portfolio.models import Activity
from puente.portfolio.rollup import Rollup
from puente.territory.models import sector_label

from .analysis import Figures, GapCell

BLUE = colors.HexColor("#00527a")
STATUS_COLOURS = {
    "uncovered": colors.HexColor("#a4161a"),
    "partial": colors.HexColor("#8a5a00"),
    "covered": colors.HexColor("#1e6b30"),
    "unassessed": colors.grey,
}


PlanResults = list[tuple[Activity, list[Rollup]]]
MAX_PLANS = 10  # the report's plans, by title


def render_report(
    start: date,
    end: date,
    figures: Figures,
    cells: list[GapCell],
    plans: PlanResults = (),  # type: ignore[assignment]
) -> bytes:
    with translation.override("es"):
        return _render(start, end, figures, cells, list(plans))


def _number(value: int | Decimal) -> str:
    return number_format(value, 0, force_grouping=True)


def bar_chart(title: str, items: list[tuple[str, int]], width: float = 16 * cm) -> Drawing:
    """A horizontal bar chart of the largest items (ten at most), labelled with their values."""
    items = items[:10] or [(_("No data"), 0)]
    height = 1.0 * cm + 0.62 * cm * len(items)
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 5.5 * cm, 0.3 * cm
    chart.width, chart.height = width - 7 * cm, height - 1.1 * cm
    chart.data = [[value for _label, value in reversed(items)]]
    chart.categoryAxis.categoryNames = [label[:38] for label, _v in reversed(items)]
    chart.categoryAxis.labels.fontSize = 7.5
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = BLUE
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(0, height - 0.45 * cm, title, fontName="Helvetica-Bold", fontSize=9.5))
    return drawing


def _render(
    start: date, end: date, figures: Figures, cells: list[GapCell], plans: PlanResults
) -> bytes:
    styles, small, story = opening(
        _("Cooperation in the territory: who does what, where, for whom")
    )
    cell_style = ParagraphStyle("cell", parent=small, fontSize=7.5, leading=9)
    span = f"{date_format(start, 'F Y')} – {date_format(end, 'F Y')}"
    story += [
        Paragraph(
            _("Report for the Governor · %(span)s · prepared on %(date)s")
            % {"span": span, "date": date_format(timezone.localdate(), "j F Y")},
            small,
        ),
        Spacer(1, 0.4 * cm),
        Paragraph(
            _(
                "%(partners)s partners reported %(activities)s activities that reached "
                "%(people)s people "
                "(approved 5W reports)."
            )
            % {
                "partners": _number(figures.partners),
                "activities": _number(figures.activities),
                "people": _number(figures.reached),
            },
            styles["BodyText"],
        ),
        Spacer(1, 0.3 * cm),
        bar_chart(
            _("People reached by municipality"), [(n, v) for _pk, n, v in figures.by_municipality]
        ),
        Spacer(1, 0.3 * cm),
        bar_chart(
            _("People reached by sector"),
            [(sector_label(c, n), v) for c, n, v in figures.by_sector],
        ),
        Spacer(1, 0.3 * cm),
        bar_chart(
            _("People reached by population"), [(n, v) for _c, n, v in figures.by_population]
        ),
        Spacer(1, 0.4 * cm),
        Paragraph(_("Needs against coverage"), styles["Heading2"]),
    ]
    assessed = [c for c in cells if c.needs]
    if assessed:
        header = [
            _("Municipality"),
            _("Service"),
            _("People affected"),
            _("Reached"),
            _("Activities"),
            _("Partners"),
            _("Status"),
        ]
        data = [header] + [
            [
                Paragraph(_text(c.municipality.name), cell_style),
                Paragraph(_text(c.service.name_es), cell_style),
                _number(c.people_affected),
                _number(c.reached),
                str(c.activities),
                str(c.partners),
                c.status_label,
            ]
            for c in assessed
        ]
        table = Table(
            data,
            colWidths=[3.4 * cm, 3.6 * cm, 2.2 * cm, 2.0 * cm, 1.8 * cm, 1.6 * cm, 2.4 * cm],
            repeatRows=1,
        )
        style = [
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef2")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("ALIGN", (2, 1), (5, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ]
        for index, c in enumerate(assessed, start=1):
            style.append(("TEXTCOLOR", (6, index), (6, index), STATUS_COLOURS[c.status]))
        table.setStyle(TableStyle(style))
        story.append(table)
    else:
        story.append(Paragraph(_("No open needs are recorded."), small))
    story += _plan_results(plans, range(start.year, end.year + 1), styles, cell_style)
    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        title=_("Coordination report"),
        author=OFFICE,
        leftMargin=1.8 * cm,
        rightMargin=1.8 * cm,
        topMargin=1.5 * cm,
        bottomMargin=1.5 * cm,
    ).build(story)
    return buffer.getvalue()


def _figure(value: Decimal | None) -> str:
    return "—" if value is None else _number(value)


def _plan_results(
    plans: PlanResults, years: range, styles: Any, cell_style: ParagraphStyle
) -> list[Flowable]:
    """The plans' results, as their pages add them up: target and actual of each shared
    indicator in the report's years and over the whole period."""
    story: list[Flowable] = [
        Spacer(1, 0.4 * cm),
        Paragraph(
            _("Results of the plans (their projects' shared indicators)"), styles["Heading2"]
        ),
    ]
    shown = [(plan, found) for plan, found in plans if found]
    if not shown:
        story.append(
            Paragraph(_("No plan has projects measuring a shared indicator yet."), cell_style)
        )
    for plan, found in shown:
        story.append(Paragraph(_text(plan.title), styles["Heading3"]))
        header: list[object] = [_("Indicator"), *[str(y) for y in years]]
        data: list[list[object]] = [[*header, _("Life of the plan"), _("% of target")]]
        spans: list[tuple[object, ...]] = []
        for rollup in found:
            name = Paragraph(_text(f"{rollup.shared.name} ({rollup.shared.unit})"), cell_style)
            if rollup.refused:
                why = Paragraph(_text(_("Not added up: ") + " ".join(rollup.refused)), cell_style)
                data.append([name, why, *[""] * (len(years) + 1)])
                spans.append(("SPAN", (1, len(data) - 1), (-1, len(data) - 1)))
                continue
            cells = [rollup.years.get(y) for y in years]
            total = rollup.total
            data.append([
                name,
                *[f"{_figure(c.actual)} / {_figure(c.target)}" if c else "—" for c in cells],
                f"{_figure(total.actual)} / {_figure(total.target)}",
                "—" if total.achieved is None else f"{number_format(total.achieved, 1)} %",
            ])  # fmt: skip
        table = Table(data, repeatRows=1)
        table.setStyle(TableStyle([
            ("FONTSIZE", (0, 0), (-1, -1), 7.5),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e6eef2")),
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("ALIGN", (1, 1), (-1, -1), "RIGHT"),
            *spans,
        ]))  # fmt: skip
        story.append(table)
    story.append(Paragraph(_("Each cell: actual / target."), cell_style))
    if len(plans) >= MAX_PLANS:
        more = _("The first %s plans by title; each plan's page has its own.") % MAX_PLANS
        story.append(Paragraph(more, cell_style))
    return story
