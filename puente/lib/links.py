"""Addresses that leave the site (emails, calendar entries): always from PUENTE_SITE_URL.

Never from the request's Host header, which the person asking controls.
"""

from django.conf import settings


def site_url(path: str) -> str:
    """The public address of `path` (an absolute path such as "/es/pqrsd/consultar/")."""
    return settings.PUENTE_SITE_URL.rstrip("/") + path
