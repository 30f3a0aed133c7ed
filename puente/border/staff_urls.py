"""Staff border URLs (under /staff/border/)."""

from django.urls import path

from .views import staff

app_name = "border-staff"
urlpatterns = [
    path("obstacles/", staff.obstacle_list, name="obstacles"),
    path("obstacles/new/", staff.obstacle_edit, name="obstacle-create"),
    path("obstacles/<int:pk>/", staff.obstacle_detail, name="obstacle"),
    path("obstacles/<int:pk>/edit/", staff.obstacle_edit, name="obstacle-edit"),
    path("meetings/", staff.meeting_list, name="meetings"),
    path("meetings/new/", staff.meeting_edit, name="meeting-create"),
    path("meetings/<int:pk>/", staff.meeting_detail, name="meeting"),
    path("meetings/<int:pk>/edit/", staff.meeting_edit, name="meeting-edit"),
    path("commitments/", staff.commitment_list, name="commitments"),
    path("studies/", staff.study_list, name="studies"),
    path("studies/new/", staff.study_edit, name="study-create"),
    path("studies/<int:pk>/edit/", staff.study_edit, name="study-edit"),
    path("studies/<int:pk>/file/", staff.study_file, name="study-file"),
]
