"""Reads of the IATI app: imported activities waiting for review, by run and publisher."""

from django.db.models import Count, QuerySet, Value
from django.db.models.functions import Coalesce, Lower, NullIf

from puente.lib.textsearch import words_of
from puente.portfolio.models import Activity

from .models import ImportRun

# The publisher filter's value for activities whose file named no reporting organisation
# ("" already means "all publishers").
NO_REFERENCE = "-"


def awaiting_review(run_id: int | None = None, publisher: str = "", q: str = "") -> QuerySet:
    """Imported activities nobody has published yet, newest import first."""
    waiting = Activity.objects.filter(source__awaiting_review=True, is_public=False)
    if run_id:
        waiting = waiting.filter(source__run_id=run_id)
    if publisher:
        ref = "" if publisher == NO_REFERENCE else publisher
        waiting = waiting.filter(source__publisher_ref=ref)
    for term in words_of(q):
        waiting = waiting.filter(search_text__contains=term)
    # By title as the page shows it: Spanish, else the English one an import stored.
    title = Lower(Coalesce(NullIf("title_es", Value("")), "title_en"))
    return waiting.select_related("source__run", "reporting_org").order_by(
        "-source__run_id", title, "id"
    )


def runs_awaiting_review() -> list[tuple[ImportRun, int]]:
    """Import runs with activities still waiting, with how many, for the review list's filter."""
    counts = dict(
        Activity.objects.filter(source__awaiting_review=True, is_public=False)
        .order_by()
        .values_list("source__run_id")
        .annotate(n=Count("id"))
        .values_list("source__run_id", "n")
    )
    runs = ImportRun.objects.filter(pk__in=[pk for pk in counts if pk])
    return [(run, counts[run.pk]) for run in runs]


def publishers_awaiting_review() -> list[tuple[str, int]]:
    """Publishers (IATI organisation references) of waiting activities, with how many."""
    return list(
        Activity.objects.filter(source__awaiting_review=True, is_public=False)
        .values_list("source__publisher_ref")
        .annotate(n=Count("id"))
        .values_list("source__publisher_ref", "n")
        .order_by("source__publisher_ref")
    )
