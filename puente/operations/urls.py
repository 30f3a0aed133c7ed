"""Operations URLs at the site's root: the health check."""

from django.urls import path

from .views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
]
