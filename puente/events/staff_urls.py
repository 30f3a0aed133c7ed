"""Staff event URLs (under /staff/events/)."""

from django.urls import path

from .views import staff

app_name = "events-staff"
urlpatterns = [
    path("", staff.event_list, name="list"),
    path("new/", staff.event_edit, name="create"),
    path("figures/", staff.figures, name="figures"),
    path("personal-data/", staff.personal_data, name="personal-data"),
    path("<int:pk>/", staff.registrations, name="registrations"),
    path("<int:pk>/edit/", staff.event_edit, name="edit"),
    path("<int:pk>/delete/", staff.event_delete, name="delete"),
]
