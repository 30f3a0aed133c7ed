"""The technical viability concept as a numbered PDF (ReportLab), in Spanish as it is issued."""

import io
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from django.utils import timezone, translation
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from reportlab.lib import colors
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from puente.lib.pdf import OFFICE, opening
from puente.lib.pdf import paragraph_text as _text

from .models import MAX_SCORE, Concept, Decision

DECISION_COLOURS = {
    Decision.VIABLE: colors.HexColor("#1e6b30"),
    Decision.CONDITIONAL: colors.HexColor("#8a5a00"),
    Decision.NOT_VIABLE: colors.HexColor("#a4161a"),
}


def render_concept(concept: Concept) -> bytes:
    with translation.override("es"):
        return _render(concept)


def _render(concept: Concept) -> bytes:
    proposal = concept.proposal
    styles, small, story = opening(_("Technical viability concept No. %s") % concept.number)
    cell = ParagraphStyle("cell", parent=small, fontSize=8.5, leading=10.5)
    story += [
        Paragraph(
            _("Issued on %(date)s by %(who)s")
            % {
                "date": timezone.localtime(concept.issued_at).strftime("%Y-%m-%d %H:%M"),
                "who": _text(_signer(concept)),
            },
            small,
        ),
        Spacer(1, 0.4 * cm),
        Paragraph(_("The proposal"), styles["Heading2"]),
    ]

    def money(amount: Decimal) -> str:
        return f"{number_format(amount, 0, force_grouping=True)} {proposal.currency_id}"

    facts = [
        (_("Proposer"), proposal.organisation.name),
        (_("Title"), proposal.title),
        (_("Objective"), proposal.objective),
        (_("Municipalities"), ", ".join(m.name for m in proposal.municipalities.all())),
        (_("Population"), ", ".join(str(p) for p in proposal.populations.all())),
        (_("Total budget"), money(proposal.budget)),
        (_("Co-financing offered"), money(proposal.cofinancing)),
        (_("Source of funding sought"), proposal.source_sought or "—"),
        (_("Received on"), proposal.received_on.isoformat()),
    ]
    story.append(_table([[Paragraph(f"<b>{_text(k)}</b>", cell), Paragraph(_text(v), cell)]
                         for k, v in facts], [4.5 * cm, 12 * cm]))  # fmt: skip
    story += [Spacer(1, 0.4 * cm), Paragraph(_("Assessment"), styles["Heading2"])]
    header = [
        Paragraph(f"<b>{_text(h)}</b>", cell) for h in (_("Criterion"), _("Score"), _("Rationale"))
    ]
    rows = [header]
    total = 0
    scores = list(concept.scores.select_related("criterion"))
    for score in scores:
        total += score.score
        rows.append([Paragraph(_text(score.criterion.name_es), cell),
                     Paragraph(f"{score.score} / {MAX_SCORE}", cell),
                     Paragraph(_text(score.rationale), cell)])  # fmt: skip
    rows.append([Paragraph(f"<b>{_('Total')}</b>", cell),
                 Paragraph(f"<b>{total} / {MAX_SCORE * len(scores)}</b>", cell), ""])  # fmt: skip
    story.append(_table(rows, [5 * cm, 2 * cm, 9.5 * cm], header=True))
    colour = DECISION_COLOURS[Decision(concept.decision)].hexval()[2:]
    story += [
        Spacer(1, 0.4 * cm),
        Paragraph(_("Decision"), styles["Heading2"]),
        Paragraph(
            f'<font color="#{colour}"><b>{_text(concept.get_decision_display())}</b></font>',
            styles["Heading3"],
        ),  # fmt: skip
        Paragraph(_text(concept.summary), styles["BodyText"]),
    ]
    if concept.decision == Decision.CONDITIONAL:
        story += [Paragraph(f"<b>{_('Conditions')}</b>", styles["BodyText"]),
                  Paragraph(_text(concept.conditions), styles["BodyText"])]  # fmt: skip
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=LETTER, title=f"{_('Technical viability concept')} {concept.number}",
        author=OFFICE, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm,
    )  # fmt: skip
    document.build(story, onFirstPage=_footer(concept), onLaterPages=_footer(concept))
    return buffer.getvalue()


def _signer(concept: Concept) -> str:
    issuer = concept.issued_by
    return (issuer.get_full_name() or issuer.get_username()) if issuer else ""


def _table(rows: list, widths: list[float], header: bool = False) -> Table:  # type: ignore[type-arg]
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#c9d1d9")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f2f5f8")))
    table.setStyle(TableStyle(style))
    return table


def _footer(concept: Concept) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, document: Any) -> None:
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        canvas.drawString(2 * cm, 1.2 * cm, f"{concept.number} · {OFFICE}")
        canvas.drawRightString(LETTER[0] - 2 * cm, 1.2 * cm, _("Page %d") % document.page)
        canvas.restoreState()

    return draw
