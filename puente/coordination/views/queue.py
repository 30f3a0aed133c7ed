"""Entry offline: rows sent from a device's queue, the service worker that keeps the 5W pages,
and the page shown when a page was not kept."""

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

from django.contrib.staticfiles import finders
from django.http import HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from puente.accounts.roles import AuthedRequest, internal_view
from puente.coordination import services
from puente.coordination.access import get_report_for_writer
from puente.coordination.forms import RowForm
from puente.coordination.models import QueuedWrite, ReportRow

KEY = re.compile(r"^[A-Za-z0-9-]{8,64}$")
# What a queued row may hold: the row form's fields, each a short text.
MAX_BODY = 64 * 1024


def _refused(message: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"status": "refused", "message": message}, status=status)


def _read(request: AuthedRequest) -> dict[str, Any] | str:
    """The queued write, or what is wrong with it."""
    if len(request.body) > MAX_BODY:
        return _("The row is too large to be a 5W row.")
    try:
        body = json.loads(request.body)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return _("The row did not arrive as JSON.")
    if not isinstance(body, dict) or not isinstance(body.get("fields"), dict):
        return _("The row has no fields.")
    if not isinstance(body.get("key"), str) or not KEY.match(body["key"]):
        return _("The row has no valid key: it cannot be told apart from a row sent twice.")
    for name in ("row", "revision"):
        if body.get(name) is not None and not (
            isinstance(body[name], int) and 0 <= body[name] < 2**31
        ):
            return _("“%(name)s” must be a whole number.") % {"name": name}
    if body.get("row") is not None and body.get("revision") is None:
        return _("A changed row must say which revision of it the device read.")
    if not all(isinstance(v, str) for v in body["fields"].values()):
        return _("Every field of the row must be text.")
    return body


def summary(row: ReportRow) -> dict[str, str]:
    """A row as the partner compares it with its own version."""
    return {
        "activity_name": row.activity_name,
        "municipality": row.municipality.name,
        "population": str(row.population or _("population not said")),
        "targeted": number_format(row.targeted),
        "reached": number_format(row.reached),
    }


@require_http_methods(["GET", "POST"])
@internal_view
def rows_sync(request: AuthedRequest, pk: int) -> JsonResponse:
    """One row from a device's queue: saved (201, or 200 when it had already arrived), refused
    by field with the form's own messages (422), or in conflict with the report or the row as
    it now stands (409). Nothing is saved twice: each write carries its key. A GET gives the
    token a page kept from an earlier session needs to send its rows."""
    report = get_report_for_writer(request, pk)
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request)})
    body = _read(request)
    if isinstance(body, str):
        return _refused(body)
    done = QueuedWrite.objects.filter(report=report, key=body["key"]).first()
    if done is not None:  # arrived before, its answer lost on the way back: nothing to write
        return _saved(done.row_id, 200)
    row = ReportRow(report=report)
    if body.get("row"):
        found = ReportRow.objects.filter(pk=body["row"], report=report).first()
        if found is None:
            reason, message = services.ConflictReason.DELETED, services.deleted_row_message()
            gone = {"status": "conflict", "reason": reason, "message": message}
            return JsonResponse(gone, status=409)
        row = found
    # The queue's own revision (the body's) decides conflicts, below, under the report's lock.
    fields = {k: v for k, v in body["fields"].items() if k != "revision"}
    form = RowForm(fields, instance=row)
    if not form.is_valid():
        errors = {field: [str(m) for m in messages_] for field, messages_ in form.errors.items()}
        return JsonResponse({"status": "invalid", "errors": errors}, status=422)
    try:
        row_id, revision, wrote = services.save_queued_row(
            report, form, request.user, body["key"], body.get("revision")
        )
    except services.Conflict as conflict:
        answer: dict[str, Any] = {
            "status": "conflict",
            "reason": conflict.reason,
            "message": conflict.message,
        }
        if conflict.current is not None:
            answer |= {"current": summary(conflict.current), "revision": conflict.current.revision}
        return JsonResponse(answer, status=409)
    return JsonResponse(
        {"status": "saved", "row": row_id, "revision": revision}, status=201 if wrote else 200
    )


def _saved(row_id: int | None, status: int) -> JsonResponse:
    revision = services.revision_of(row_id)
    return JsonResponse({"status": "saved", "row": row_id, "revision": revision}, status=status)


@cache
def _worker_script() -> bytes:
    return Path(str(finders.find("puente/sw.js"))).read_bytes()


@never_cache
@internal_view
def service_worker(request: AuthedRequest) -> HttpResponse:
    """Served from /staff/coordination/ so that it may keep the pages under it, and only them."""
    return HttpResponse(_worker_script(), content_type="text/javascript; charset=utf-8")


@internal_view
def offline(request: AuthedRequest) -> HttpResponse:
    return render(request, "coordination/offline.html")


def queue_words() -> dict[str, str]:
    """The texts the device's queue shows, in the page's language."""
    return {
        "offline": _("No connection: the rows you save stay on this device and are sent when "
                     "the connection returns."),
        "waiting-one": ngettext("%(n)s row waits on this device to be sent.",
                                "%(n)s rows wait on this device to be sent.", 1),
        "waiting-many": ngettext("%(n)s row waits on this device to be sent.",
                                 "%(n)s rows wait on this device to be sent.", 2),
        "stuck-one": ngettext("%(n)s row needs your attention below.",
                              "%(n)s rows need your attention below.", 1),
        "stuck-many": ngettext("%(n)s row needs your attention below.",
                               "%(n)s rows need your attention below.", 2),
        "sent-one": ngettext("%(n)s row sent and saved.", "%(n)s rows sent and saved.", 1),
        "sent-many": ngettext("%(n)s row sent and saved.", "%(n)s rows sent and saved.", 2),
        "kept": _("The row was kept on this device."),
        "no-signal": _("The connection dropped while sending: the rows keep waiting."),
        "signed-out": _("Your session has ended: sign in again to send the rows waiting on this "
                        "device."),
        "refused-other": _("Puente refused the row (answer %(status)s)."),
        "status-waiting": _("Waiting to be sent"),
        "status-refused": _("To correct"),
        "status-conflict": _("Conflict"),
        "theirs": _("Their version: %(activity_name)s in %(municipality)s, %(population)s, "
                    "%(targeted)s targeted, %(reached)s reached."),
        "correct": _("Correct"),
        "send-mine": _("Send mine over it"),
        "keep-theirs": _("Keep their version"),
        "discard": _("Discard"),
        "send-new": _("Send it as a new row"),
        "send-again": _("Send again"),
        "open-report": _("Open its report"),
        "busy": _("Puente could not take the rows just now: they keep waiting and go with the next "
                  "try."),
        "needs-signal": _("This needs the connection: try again when it returns. Rows you save "
                          "here are kept on the device."),
        "saved": _("The row was saved."),
        "discard-confirm": _("Discard the row “%(name)s” from this device? It has not been "
                             "saved in Puente."),
    }  # fmt: skip
