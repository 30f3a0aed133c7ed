"""Admin for the portal's content (the staff workspace editor comes with the full portal)."""

from django.contrib import admin

from .models import Function, Guideline, Office

admin.site.register(Function, list_display=["number", "theme", "text_es"], list_filter=["theme"])
admin.site.register(Guideline, list_display=["number", "text_es"])
admin.site.register(Office, list_display=["name", "phones"])
