"""Links out of an activity: documents and related activities."""

from ..data import Activity, DocumentLink, Narrative, Related
from .common import Element, ElementError, add_narratives, children, first_text, sub


def read_document_link(element: Element, activity: Activity) -> None:
    url = (element.get("url") or "").strip()
    if not url.startswith(("http://", "https://")):
        raise ElementError(element, f"document URL “{url[:80]}” is not a web address")
    activity.documents.append(
        DocumentLink(
            url=url,
            format=(element.get("format") or "").strip(),
            title=first_text(children(element).get("title"), activity.default_lang),
            categories=[(c.get("code") or "").strip() for c in element.iterchildren("category")],
        )
    )


def read_related_activity(element: Element, activity: Activity) -> None:
    ref = (element.get("ref") or "").strip()
    if ref:
        activity.related.append(Related(ref, (element.get("type") or "").strip()))


def write_documents_and_relations(activity: Activity, parent: Element) -> None:
    for document in activity.documents:
        element = sub(
            parent,
            "document-link",
            format=document.format or "application/octet-stream",
            url=document.url,
        )
        add_narratives(
            sub(element, "title"),
            [Narrative(document.title or document.url, activity.default_lang)],
            activity.default_lang,
        )
        for code in document.categories:
            sub(element, "category", code=code)
    for related in activity.related:
        sub(parent, "related-activity", ref=related.ref, type=related.type)
