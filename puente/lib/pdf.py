"""What every PDF Puente prints shares: the office's line and text made safe for ReportLab."""

OFFICE = "Gobernación de Norte de Santander · Secretaría de Fronteras y Cooperación Internacional"


def paragraph_text(value: str) -> str:
    """Plain text for a ReportLab paragraph: its mini-markup must not read the user's <, > and &."""
    return (
        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>")
    )
