"""Public URLs of the IATI app: the department's files (under /iati/, no language prefix)."""

from django.urls import path

from .views import public

urlpatterns = [
    path("activities.xml", public.public_activity_file, name="iati-activities"),
    path("organisation.xml", public.public_organisation_file, name="iati-organisation"),
]
