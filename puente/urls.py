"""Root URLs: the public site by language, staff pages under /staff/, the API under /api/.

Every app brings its routes in two modules: `urls.py` (public) and `staff_urls.py` (staff).
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from puente.accounts.views.account import InvitationAccept, staff_home
from puente.api.urls import api
from puente.portal.views.accessibility import set_preference, switch_language

urlpatterns = [
    path("", RedirectView.as_view(url="/es/", permanent=False)),
    path("", include("puente.operations.urls")),
    path("accesibilidad/", set_preference, name="accessibility"),
    path("idioma/<str:language>/", switch_language, name="set_language"),
    path("api/", api.urls),
    path("iati/", include("puente.iati.urls")),
    path("staff/", staff_home, name="staff-home"),
    path("staff/", include("puente.accounts.staff_urls")),
    path(
        "staff/invitation/<str:uidb64>/<str:token>/", InvitationAccept.as_view(), name="invitation"
    ),
    path("staff/portfolio/", include("puente.portfolio.staff_urls")),
    path("staff/directory/", include("puente.directory.staff_urls")),
    path("staff/iati/", include("puente.iati.staff_urls")),
    path("staff/portal/", include("puente.portal.staff_urls")),
    path("staff/pqrsd/", include("puente.requests.staff_urls")),
    path("staff/events/", include("puente.events.staff_urls")),
    path("staff/border/", include("puente.border.staff_urls")),
    path("staff/", include("puente.agreements.staff_urls")),
    path("staff/funding/", include("puente.funding.staff_urls")),
    path("staff/coordination/", include("puente.coordination.staff_urls")),
    path("staff/admin/", admin.site.urls),
]
urlpatterns += i18n_patterns(
    path("", include("puente.portal.urls")),
    path("pqrsd/", include("puente.requests.urls")),
    path(_("events/"), include("puente.events.urls")),
    path(_("border/"), include("puente.border.urls")),
)

# A 500 page that needs no database, and a 503 when the database is what failed.
handler500 = "puente.operations.views.server_error"
