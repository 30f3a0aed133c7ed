"""Staff URLs for funding (under /staff/funding/)."""

from django.urls import path

from . import staff

app_name = "funding"
urlpatterns = [
    path("", staff.call_list, name="calls"),
    path("calls/new/", staff.call_edit, name="call-create"),
    path("calls/<int:pk>/", staff.call_detail, name="call"),
    path("calls/<int:pk>/edit/", staff.call_edit, name="call-edit"),
    path("calls/<int:call_pk>/applications/new/", staff.application_edit, name="apply"),
    path("calls/<int:call_pk>/applications/<int:pk>/", staff.application_edit, name="application"),
    path("sources/", staff.source_list, name="sources"),
    path("sources/new/", staff.source_edit, name="source-create"),
    path("sources/<int:pk>/", staff.source_edit, name="source-edit"),
    path("proposals/<int:pk>/calls/", staff.proposal_calls, name="proposal-calls"),
]
