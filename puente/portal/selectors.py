"""Reads the public pages share."""

from django.db.models import Count, Q, QuerySet

from puente.directory.models import Organisation


def public_partners() -> QuerySet[Organisation]:
    """Organisations taking part in at least one public activity, with how many."""
    return Organisation.objects.annotate(
        public_activities=Count(
            "participations__activity",
            filter=Q(participations__activity__is_public=True),
            distinct=True,
        )
    ).filter(public_activities__gt=0)
