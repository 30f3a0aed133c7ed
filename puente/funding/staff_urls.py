"""Staff URLs for funding (under /staff/funding/)."""

from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("", views.call_list, name="calls"),
    path("calls/new/", views.call_edit, name="call-create"),
    path("calls/<int:pk>/", views.call_detail, name="call"),
    path("calls/<int:pk>/edit/", views.call_edit, name="call-edit"),
    path("calls/<int:call_pk>/applications/new/", views.application_edit, name="apply"),
    path("calls/<int:call_pk>/applications/<int:pk>/", views.application_edit, name="application"),
    path("sources/", views.source_list, name="sources"),
    path("sources/new/", views.source_edit, name="source-create"),
    path("sources/<int:pk>/", views.source_edit, name="source-edit"),
    path("proposals/<int:pk>/calls/", views.proposal_calls, name="proposal-calls"),
]
