"""Public PQRSD URLs (under the language prefix, with words in the page's language)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from .views import public

app_name = "pqrsd"
urlpatterns = [
    path(_("file/"), public.file_request, name="file"),
    path(_("filed/"), public.filed, name="filed"),
    path(_("track/"), public.track, name="track"),
    path(_("track/files/<int:pk>/"), public.tracked_attachment, name="tracked-attachment"),
    path(_("reports/"), public.report_list, name="reports"),
    path(_("reports/<int:year>/"), public.report_detail, name="report-year"),
    path(_("reports/<int:year>/<int:month>/"), public.report_detail, name="report-month"),
]
