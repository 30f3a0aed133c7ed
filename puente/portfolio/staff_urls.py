"""Staff workspace URLs of the portfolio (under /staff/portfolio/)."""

from django.urls import path

from .views import (
    activities,
    dashboard,
    documents,
    indicators,
    iptt,
    rates,
    results,
    spreadsheet,
)

app_name = "portfolio"
urlpatterns = [
    path("", dashboard.portfolio_dashboard, name="dashboard"),
    path("activities/", activities.activity_list, name="list"),
    path("exchange-rates/", rates.exchange_rates, name="rates"),
    path("indicators/", indicators.shared_indicators, name="shared-indicators"),
    path("indicator-tracking/", iptt.iptt, name="iptt"),
    path("indicator-tracking/export.xlsx", iptt.iptt_export, name="iptt_export"),
    path("indicator-tracking/export.pdf", iptt.iptt_pdf, name="iptt_pdf"),
    path("indicators/<int:pk>/", indicators.shared_indicator, name="shared-indicator"),
    path("activities/export.<str:fmt>", activities.activity_export, name="export"),
    path("spreadsheet/", spreadsheet.portfolio_spreadsheet, name="spreadsheet"),
    path("spreadsheet/template.xlsx", spreadsheet.portfolio_template, name="spreadsheet_template"),
    path("activities/new/", activities.activity_create, name="create"),
    path("activities/<int:pk>/", activities.activity_detail, name="detail"),
    path("activities/<int:pk>/edit/", activities.activity_edit, name="edit"),
    path("activities/<int:pk>/stage/", activities.activity_stage, name="stage"),
    path("activities/<int:pk>/history/", activities.activity_history, name="history"),
    path("activities/<int:pk>/results/new/", results.result_add, name="result_add"),
    path(
        "activities/<int:pk>/results/<int:result_id>/indicators/new/",
        results.indicator_add,
        name="indicator_add",
    ),
    path(
        "activities/<int:pk>/indicators/<int:indicator_id>/periods/new/",
        results.period_add,
        name="period_add",
    ),
    path(
        "activities/<int:pk>/results/<int:result_id>/edit/",
        results.result_edit,
        name="result_edit",
    ),
    path(
        "activities/<int:pk>/results/<int:result_id>/delete/",
        results.result_delete,
        name="result_delete",
    ),
    path(
        "activities/<int:pk>/indicators/<int:indicator_id>/edit/",
        results.indicator_edit,
        name="indicator_edit",
    ),
    path(
        "activities/<int:pk>/indicators/<int:indicator_id>/delete/",
        results.indicator_delete,
        name="indicator_delete",
    ),
    path(
        "activities/<int:pk>/periods/<int:period_id>/edit/",
        results.period_edit,
        name="period_edit",
    ),
    path(
        "activities/<int:pk>/periods/<int:period_id>/delete/",
        results.period_delete,
        name="period_delete",
    ),
    path("activities/<int:pk>/documents/new/", documents.document_add, name="document_add"),
    path(
        "activities/<int:pk>/documents/<int:document_id>/edit/",
        documents.document_edit,
        name="document_edit",
    ),
    path(
        "activities/<int:pk>/documents/<int:document_id>/",
        documents.document_download,
        name="document_download",
    ),
    path(
        "activities/<int:pk>/documents/<int:document_id>/delete/",
        documents.document_delete,
        name="document_delete",
    ),
]
