"""Admin for funding sources, calls and applications; staff work in /staff/funding/."""

from django.contrib import admin

from .models import Application, Call, Source

admin.site.register(Source, list_display=["name", "kind"], list_filter=["kind"])
admin.site.register(Call, list_display=["title", "source", "opens_on", "closes_on"])
admin.site.register(Application, list_display=["proposal", "call", "status", "amount_awarded"])
