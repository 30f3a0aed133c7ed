"""URLs of the public site (mounted under the language prefix)."""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [path("", views.home, name="home")]
