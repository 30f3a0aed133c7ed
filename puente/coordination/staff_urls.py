"""Staff URLs for coordination (under /staff/coordination/)."""

from django.urls import path

from .views import needs, picture, queue, reports, review

app_name = "coordination"
urlpatterns = [
    path("", picture.dashboard, name="dashboard"),
    path("gaps/", picture.gaps, name="gaps"),
    path("5w/", picture.matrix, name="matrix"),
    path("overlaps/", picture.overlaps, name="overlaps"),
    path("overlaps/decide/", picture.overlap_decide, name="overlap-decide"),
    path("governor-report.pdf", picture.governor_report, name="governor-report"),
    path("reports/", reports.report_list, name="reports"),
    path("reports/start/", reports.report_start, name="report-start"),
    path("reports/review/", review.review_many, name="reports-review"),
    path("reports/template.xlsx", reports.template_download, name="template"),
    path("reports/<int:pk>/", reports.report_detail, name="report"),
    path("reports/<int:pk>/upload/", reports.report_upload, name="report-upload"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="report-submit"),
    path("reports/<int:pk>/review/", reports.report_review, name="report-review"),
    path("reports/<int:pk>/correct/", reports.report_correct, name="report-correct"),
    path("reports/<int:pk>/rows/confirm/", reports.rows_confirm, name="rows-confirm"),
    path("reports/<int:pk>/rows/sync/", queue.rows_sync, name="rows-sync"),
    path("reports/<int:pk>/rows/new/", reports.row_edit, name="row-create"),
    path("reports/<int:pk>/rows/<int:row_id>/", reports.row_edit, name="row-edit"),
    path("reports/<int:pk>/rows/<int:row_id>/delete/", reports.row_delete, name="row-delete"),
    path("sw.js", queue.service_worker, name="service-worker"),
    path("offline/", queue.offline, name="offline"),
    path("needs/", needs.need_list, name="needs"),
    path("needs/new/", needs.need_edit, name="need-create"),
    path("needs/<int:pk>/", needs.need_edit, name="need-edit"),
]
