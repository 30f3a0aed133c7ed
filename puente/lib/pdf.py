"""What every PDF Puente prints shares: the office's line above its title, the small type, and
text made safe for ReportLab."""

from reportlab.lib.styles import ParagraphStyle, StyleSheet1, getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, Spacer
from reportlab.platypus.flowables import Flowable

OFFICE = "Gobernación de Norte de Santander · Secretaría de Fronteras y Cooperación Internacional"


def paragraph_text(value: str) -> str:
    """Plain text for a ReportLab paragraph: its mini-markup must not read the user's <, > and &."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )


def opening(title: str) -> tuple[StyleSheet1, ParagraphStyle, list[Flowable]]:
    """ReportLab's styles, the small type of notes and the office line, and a story that starts
    with the office line and `title` (plain text)."""
    styles = getSampleStyleSheet()
    small = ParagraphStyle("small", parent=styles["BodyText"], fontSize=9, leading=11)
    story: list[Flowable] = [
        Paragraph(paragraph_text(OFFICE), small),
        Spacer(1, 0.3 * cm),
        Paragraph(paragraph_text(title), styles["Title"]),
    ]
    return styles, small, story
