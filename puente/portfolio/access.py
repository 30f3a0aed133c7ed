"""Access helpers: each returns the object the user may use, or raises (404 or 403)."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from puente.accounts.roles import require_internal_reader

from .models import Activity
from .selectors import can_edit_activity, reads_in_full


def get_activity_for_reader(request: HttpRequest, pk: int) -> Activity:
    """The activity with its finances, documents and history.

    A signed-in reader who may not see it in full is refused with a 403, not a 404: activity
    numbers are no secret, and "not yours" is a clearer answer than "not found".
    """
    require_internal_reader(request)
    activity = get_object_or_404(Activity, pk=pk)
    if not reads_in_full(request.user, activity):
        raise PermissionDenied
    return activity


def get_activity_for_editor(request: HttpRequest, pk: int) -> Activity:
    activity = get_activity_for_reader(request, pk)
    if not can_edit_activity(request.user, activity):
        raise PermissionDenied
    return activity
