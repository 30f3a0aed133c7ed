"""Links out of an activity: documents and related activities."""

from ..data import Activity, DocumentLink, Related
from .common import Element, ElementError, first_text


def read_document_link(element: Element, activity: Activity) -> None:
    url = (element.get("url") or "").strip()
    if not url.startswith(("http://", "https://")):
        raise ElementError(element, f"document URL “{url[:80]}” is not a web address")
    activity.documents.append(
        DocumentLink(
            url=url,
            format=(element.get("format") or "").strip(),
            title=first_text(element.find("title"), activity.default_lang),
            categories=[(c.get("code") or "").strip() for c in element.iterchildren("category")],
        )
    )


def read_related_activity(element: Element, activity: Activity) -> None:
    ref = (element.get("ref") or "").strip()
    if ref:
        activity.related.append(Related(ref, (element.get("type") or "").strip()))
