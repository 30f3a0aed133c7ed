"""Staff PQRSD URLs (under /staff/pqrsd/)."""

from django.urls import path

from .views import staff

app_name = "pqrsd-staff"
urlpatterns = [
    path("", staff.inbox, name="inbox"),
    path("<int:pk>/", staff.detail, name="detail"),
    path("<int:pk>/erase/", staff.erase, name="erase"),
    path("<int:pk>/<slug:step>/", staff.act, name="act"),
    path("<int:pk>/files/<int:attachment_id>/", staff.attachment, name="attachment"),
    path("reports/", staff.report, name="report"),
    path("reports/publish/", staff.publish_report, name="publish"),
]
