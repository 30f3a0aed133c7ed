"""The HTTP API (django-ninja) over the apps below it."""
