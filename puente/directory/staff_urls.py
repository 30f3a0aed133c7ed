"""Staff URLs of the directory (under /staff/directory/)."""

from django.urls import path

from puente.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.organisation_list, name="list"),
    path("new/", views.organisation_edit, name="create"),
    path("<int:pk>/", views.organisation_detail, name="detail"),
    path("<int:pk>/edit/", views.organisation_edit, name="edit"),
    path("<int:pk>/merge/", views.organisation_merge, name="merge"),
    path("<int:pk>/reviewed/", views.organisation_review, name="review"),
    path("<int:pk>/invite/", views.organisation_invite, name="invite"),
    path("<int:pk>/logo/", views.organisation_logo, name="logo"),
]
