"""Access helpers: each returns the object the user may use, or raises (404 or 403)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from puente.accounts.roles import require_internal_reader

from .models import Activity
from .selectors import can_edit_activity, visible_activities


def get_activity_for_reader(request: HttpRequest, pk: int) -> Activity:
    require_internal_reader(request)
    return get_object_or_404(visible_activities(request.user), pk=pk)


def get_activity_for_editor(request: HttpRequest, pk: int) -> Activity:
    activity = get_activity_for_reader(request, pk)
    if not can_edit_activity(request.user, activity):
        raise PermissionDenied
    return activity
