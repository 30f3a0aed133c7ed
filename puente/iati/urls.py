"""Staff URLs of the IATI app (under /staff/iati/)."""

from django.urls import path

from . import views

app_name = "iati"
urlpatterns = [
    path("", views.import_list, name="imports"),
    path("<int:pk>/", views.import_run, name="run"),
]
