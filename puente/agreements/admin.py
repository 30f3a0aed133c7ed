"""Admin for agreements and concepts; staff work in /staff/agreements/ and /staff/concepts/."""

from django.contrib import admin

from .models import Agreement, Criterion, Proposal

admin.site.register(
    Agreement, list_display=["title", "kind", "step", "ends_on"], list_filter=["kind", "step"]
)
admin.site.register(Proposal, list_display=["title", "organisation", "status", "due_on"])
admin.site.register(Criterion, list_display=["order", "name_es", "active"])
