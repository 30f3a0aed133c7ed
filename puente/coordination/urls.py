"""Staff URLs for coordination (under /staff/coordination/)."""

from django.urls import path

from . import picture, reporting, staff

app_name = "coordination"
urlpatterns = [
    path("", picture.dashboard, name="dashboard"),
    path("gaps/", picture.gaps, name="gaps"),
    path("5w/", picture.matrix, name="matrix"),
    path("overlaps/", picture.overlaps, name="overlaps"),
    path("overlaps/decide/", picture.overlap_decide, name="overlap-decide"),
    path("governor-report.pdf", picture.governor_report, name="governor-report"),
    path("reports/", reporting.report_list, name="reports"),
    path("reports/start/", reporting.report_start, name="report-start"),
    path("reports/template.xlsx", reporting.template_download, name="template"),
    path("reports/<int:pk>/", reporting.report_detail, name="report"),
    path("reports/<int:pk>/upload/", reporting.report_upload, name="report-upload"),
    path("reports/<int:pk>/submit/", reporting.report_submit, name="report-submit"),
    path("reports/<int:pk>/review/", reporting.report_review, name="report-review"),
    path("reports/<int:pk>/correct/", reporting.report_correct, name="report-correct"),
    path("reports/<int:pk>/rows/new/", reporting.row_edit, name="row-create"),
    path("reports/<int:pk>/rows/<int:row_id>/", reporting.row_edit, name="row-edit"),
    path("reports/<int:pk>/rows/<int:row_id>/delete/", reporting.row_delete, name="row-delete"),
    path("needs/", staff.need_list, name="needs"),
    path("needs/new/", staff.need_edit, name="need-create"),
    path("needs/<int:pk>/", staff.need_edit, name="need-edit"),
]
