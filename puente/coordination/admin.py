"""Admin for the services list; staff keep the needs register in /staff/coordination/needs/."""

from django.contrib import admin

from .models import Service

admin.site.register(Service, list_display=["name_es", "dac_categories", "order"])
