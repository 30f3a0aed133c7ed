"""Staff URLs for agreements (under /staff/agreements/)."""

from django.urls import path

from . import staff

app_name = "agreements"
urlpatterns = [
    path("", staff.agreement_list, name="list"),
    path("new/", staff.agreement_edit, name="create"),
    path("<int:pk>/", staff.agreement_detail, name="detail"),
    path("<int:pk>/edit/", staff.agreement_edit, name="edit"),
    path("<int:pk>/step/", staff.agreement_move, name="move"),
    path("<int:pk>/history/", staff.agreement_history, name="history"),
    path("<int:pk>/documents/", staff.document_add, name="document-add"),
    path("<int:pk>/documents/<int:document_id>/", staff.document_download, name="document"),
]
