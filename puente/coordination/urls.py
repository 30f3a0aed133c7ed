"""Staff URLs for coordination (under /staff/coordination/)."""

from django.urls import path

from . import staff

app_name = "coordination"
urlpatterns = [
    path("needs/", staff.need_list, name="needs"),
    path("needs/new/", staff.need_edit, name="need-create"),
    path("needs/<int:pk>/", staff.need_edit, name="need-edit"),
]
