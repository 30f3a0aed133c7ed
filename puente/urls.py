"""Root URLs: the public site by language, staff pages under /staff/, the API under /api/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from puente.api.urls import api
from puente.directory.views import InvitationAccept
from puente.iati.views import public_activity_file, public_organisation_file
from puente.portal.accessibility import set_preference, switch_language
from puente.portal.views import healthz, staff_home

urlpatterns = [
    path("", RedirectView.as_view(url="/es/", permanent=False)),
    path("healthz", healthz, name="healthz"),
    path("accesibilidad/", set_preference, name="accessibility"),
    path("idioma/<str:language>/", switch_language, name="set_language"),
    path("api/", api.urls),
    path("iati/activities.xml", public_activity_file, name="iati-activities"),
    path("iati/organisation.xml", public_organisation_file, name="iati-organisation"),
    path("staff/", staff_home, name="staff-home"),
    path("staff/", include("puente.accounts.urls")),
    path(
        "staff/invitation/<str:uidb64>/<str:token>/", InvitationAccept.as_view(), name="invitation"
    ),
    path("staff/portfolio/", include("puente.portfolio.urls")),
    path("staff/directory/", include("puente.directory.urls")),
    path("staff/iati/", include("puente.iati.urls")),
    path("staff/portal/", include("puente.portal.staff_urls")),
    path("staff/pqrsd/", include("puente.requests.staff_urls")),
    path("staff/events/", include("puente.events.staff_urls")),
    path("staff/border/", include("puente.border.staff_urls")),
    path("staff/agreements/", include("puente.agreements.urls")),
    path("staff/concepts/", include("puente.agreements.concept_urls")),
    path("staff/funding/", include("puente.funding.urls")),
    path("staff/coordination/", include("puente.coordination.urls")),
    path("staff/admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("puente.portal.urls")),
    path("pqrsd/", include("puente.requests.urls")),
    path(_("events/"), include("puente.events.urls")),
    path(_("border/"), include("puente.border.urls")),
)

# A 500 page that needs no database, and a 503 when the database is what failed.
handler500 = "puente.operations.errors.server_error"
