"""Public IATI files: the department's activities and its organisation file, as IATI 2.03.

Kept like every public page (portal.pagecache): a publication or a withdrawal shows at once.
"""

import io

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from puente.iati.exporter import export_activities, own_public_activities
from puente.iati.writer import write_activities, write_organisation_file


def public_activity_file(request: HttpRequest) -> HttpResponse:
    """The department's public activities as IATI 2.03 (what the IATI Registry points at)."""
    if not own_public_activities().exists():
        # IATI files hold at least one activity: an empty one would not validate.
        return HttpResponse(
            _("The department has no public activity to publish yet."),
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    out = io.BytesIO()
    write_activities(export_activities(own_public_activities()), out, timezone.now())
    return HttpResponse(out.getvalue(), content_type="application/xml; charset=utf-8")


def public_organisation_file(request: HttpRequest) -> HttpResponse:
    out = io.BytesIO()
    write_organisation_file(
        settings.PUENTE_IATI_ORG_REF, settings.PUENTE_IATI_ORG_NAME, "11", out, timezone.now()
    )
    return HttpResponse(out.getvalue(), content_type="application/xml; charset=utf-8")
