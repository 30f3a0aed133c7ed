"""The person's notices: the page under the bell, opening one, marking them all read."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from puente.accounts.roles import AuthedRequest, signed_in_view
from puente.lib.paging import page_of

from ..models import Notice


@signed_in_view
def notice_list(request: AuthedRequest) -> HttpResponse:
    notices = Notice.objects.filter(recipient=request.user)
    unread = request.GET.get("unread") == "1"
    if unread:
        notices = notices.filter(read_at__isnull=True)
    page, query = page_of(request, notices)
    context = {"page": page, "query": query, "unread_only": unread}
    return render(request, "accounts/notices.html", context)


@signed_in_view
def notice_open(request: AuthedRequest, pk: int) -> HttpResponse:
    """Marks the notice read and goes where it points (someone else's notice is not found)."""
    notice = get_object_or_404(Notice, pk=pk, recipient=request.user)
    if notice.read_at is None:
        Notice.objects.filter(pk=pk).update(read_at=timezone.now())
    # Notices are written by Puente with site paths; checked anyway, as a redirect target.
    if not url_has_allowed_host_and_scheme(notice.url, allowed_hosts=None):
        return redirect("notices")
    return redirect(notice.url)


@require_POST
@signed_in_view
def notices_read(request: AuthedRequest) -> HttpResponse:
    marked = Notice.objects.filter(recipient=request.user, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    if marked:
        messages.success(request, _("All your notices are marked as read."))
    return redirect("notices")
