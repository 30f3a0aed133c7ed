"""Every URL of the project × every role: who may use it and who is refused.

The table is checked against the URL configuration itself: a new view without a rule here fails
`test_every_url_has_a_rule`, so nobody can add a page and forget who may see it.
"""

import pytest
from django.test import Client

from .world import build_world, url_for, url_names

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "viewer", "reporter A", "reporter B", "proposer", "staff", "administrator"]
WHO = {
    "everyone": set(ROLES),
    # One's own account pages: anyone signed in.
    "signed-in": set(ROLES) - {"anonymous"},
    # The staff workspace: the Secretariat, its viewers, and partner reporters (their own data).
    "internal": {"viewer", "reporter A", "reporter B", "staff", "administrator"},
    # Internal records of the office (agreements, calls, needs): not for partners or proposers.
    "office": {"viewer", "staff", "administrator"},
    "secretariat": {"staff", "administrator"},
    # People and roles: administrators alone.
    "administrators": {"administrator"},
    "proposals": {"proposer", "staff", "administrator"},
    # Reading an activity in full (finances, uploaded documents, history): the office, and the
    # reporter of an organisation taking part. The world's activity is not public.
    "activity-readers": {"viewer", "reporter A", "staff", "administrator"},
    # Writing an activity: the Secretariat, and the reporter of an organisation taking part in it
    # (reporter A's organisation takes part; reporter B's does not).
    "activity-writers": {"reporter A", "staff", "administrator"},
    # A 5W report of organisation A: the office reads it, reporter A and the Secretariat write it.
    "report-readers": {"viewer", "reporter A", "staff", "administrator"},
    "report-writers": {"reporter A", "staff", "administrator"},
    # Opening a month's report: any partner reporter for its own organisation, or the Secretariat.
    "report-openers": {"reporter A", "reporter B", "staff", "administrator"},
    # The 5W write API answers personal tokens alone, never a session (puente/api/tests).
    "api-token": set(),
}
# name: (who may, method). POST-only actions are checked with a POST.
RULES: dict[str, tuple[str, str]] = {
    **dict.fromkeys(
        [
            "accessibility",
            "set_language",
            "healthz",
            "login",
            "login-code",
            "staff-home",
            "iati-activities",
            "iati-organisation",
            "api:activities",
            "api:api-root",
            "api:map_municipalities",
            "api:municipalities",
            "api:openapi-json",
            "api:openapi-view",
            "api:organisations",
            "directory:logo",
            "portal:home",
            "portal:secretariat",
            "portal:partners",
            "portal:contact",
            "portal:contact-form",
            "portal:secretary-photo",
            "portal:search",
            "portal:announcements",
            "portal:announcements-rss",
            "portal:announcements-atom",
            "portal:announcement",
            "portal:announcement-image",
            "portal:announcement-document",
            "portal:gallery",
            "portal:album",
            "portal:photo",
            "portal:photo-image",
            "portal:activities",
            "portal:activity",
            "portal:map",
            "portal:resources",
            "portal:opendata",
            "portal:opendata-file",
            "pqrsd:file",
            "pqrsd:filed",
            "pqrsd:track",
            "pqrsd:tracked-attachment",
            "pqrsd:reports",
            "pqrsd:report-year",
            "pqrsd:report-month",
            "events:list",
            "events:month",
            "events:feed",
            "events:cancel",
            "events:ics",
            "events:material",
            "events:registered",
            "events:detail",
            "border:obstacles",
            "border:obstacle",
            "border:studies",
            "border:study-file",
            "invitation",
        ],
        ("everyone", "GET"),
    ),  # fmt: skip
    "logout": ("everyone", "POST"),
    **dict.fromkeys(
        ["account-security", "account-password", "account-2fa-setup", "account-2fa-off"],
        ("signed-in", "GET"),
    ),
    "account-recovery-codes": ("signed-in", "POST"),
    "account-digest": ("signed-in", "POST"),
    **dict.fromkeys(
        [
            "api:coordination-periods",
            "api:coordination-reports",
            "api:coordination-report",
            "api:coordination-gaps",
        ],
        ("api-token", "GET"),
    ),
    **dict.fromkeys(
        ["api:coordination-report-open", "api:coordination-report-submit"], ("api-token", "POST")
    ),
    "api:coordination-report-rows": ("api-token", "PUT"),
    # Making an API token: those who write 5W reports; revoking one's own (others' are not found).
    "account-token-create": ("report-openers", "POST"),
    "account-token-revoke": ("signed-in", "GET"),
    # One's own notices (someone else's notice is not found: see test_cycle_notices).
    "notices": ("signed-in", "GET"),
    "notice-open": ("signed-in", "GET"),
    "notices-read": ("signed-in", "POST"),
    **dict.fromkeys(
        [
            "portfolio:dashboard",
            "portfolio:list",
            "portfolio:rates",
            "portfolio:shared-indicators",
            "portfolio:iptt",
            "portfolio:iptt_export",
            "portfolio:iptt_pdf",
            "portfolio:shared-indicator",
            "portfolio:export",
            "directory:list",
            "directory:detail",
            "coordination:dashboard",
            "coordination:gaps",
            "coordination:matrix",
            "coordination:reports",
            "coordination:template",
        ],
        ("internal", "GET"),
    ),  # fmt: skip
    **dict.fromkeys(
        [
            "portfolio:edit",
            "portfolio:result_add",
            "portfolio:indicator_add",
            "portfolio:period_add",
            "portfolio:document_add",
            "portfolio:document_edit",
            "portfolio:result_edit",
            "portfolio:result_delete",
            "portfolio:indicator_edit",
            "portfolio:indicator_delete",
            "portfolio:period_edit",
            "portfolio:period_delete",
        ],
        ("activity-writers", "GET"),
    ),  # fmt: skip
    **dict.fromkeys(
        [
            "portfolio:detail",
            "portfolio:history",
            "portfolio:document_download",
            "iati:record",
            "iati:record-xml",
        ],
        ("activity-readers", "GET"),
    ),
    "portfolio:stage": (
        "secretariat",
        "POST",
    ),  # partners edit, the Secretariat moves the lifecycle
    "portfolio:document_delete": ("activity-writers", "POST"),
    "coordination:report": ("report-readers", "GET"),
    **dict.fromkeys(
        ["coordination:row-create", "coordination:row-edit", "coordination:row-delete"],
        ("report-writers", "GET"),
    ),
    **dict.fromkeys(
        [
            "coordination:report-upload",
            "coordination:report-submit",
            "coordination:report-correct",
            "coordination:rows-confirm",
            "coordination:rows-sync",
        ],
        ("report-writers", "POST"),
    ),
    "coordination:report-start": ("report-openers", "POST"),
    # Entry offline: the service worker and its page for pages not kept, for anyone inside.
    **dict.fromkeys(["coordination:service-worker", "coordination:offline"], ("internal", "GET")),
    "coordination:report-review": ("secretariat", "POST"),
    "coordination:reports-review": ("secretariat", "GET"),
    "coordination:overlap-decide": ("secretariat", "POST"),
    "directory:invite": ("secretariat", "GET"),
    "directory:review": ("secretariat", "POST"),
    **dict.fromkeys(
        [
            "agreements:list",
            "agreements:detail",
            "agreements:history",
            "agreements:document",
            "funding:calls",
            "funding:call",
            "funding:sources",
            "coordination:needs",
            "coordination:overlaps",
            "coordination:governor-report",
        ],
        ("office", "GET"),
    ),  # fmt: skip
    **dict.fromkeys(
        [
            "concepts:proposals",
            "concepts:create",
            "concepts:proposal",
            "concepts:document",
            "concepts:pdf",
        ],
        ("proposals", "GET"),
    ),  # fmt: skip
    **dict.fromkeys(
        [
            "portfolio:create",
            "portfolio:spreadsheet",
            "portfolio:spreadsheet_template",
            "directory:create",
            "directory:edit",
            "directory:merge",
            "iati:imports",
            "iati:run",
            "iati:review",
            "agreements:create",
            "agreements:edit",
            "agreements:move",
            "agreements:document-add",
            "concepts:assess",
            "concepts:criteria",
            "concepts:to-activity",
            "funding:call-create",
            "funding:call-edit",
            "funding:apply",
            "funding:application",
            "funding:source-create",
            "funding:source-edit",
            "funding:proposal-calls",
            "coordination:need-create",
            "coordination:need-edit",
            "content:announcements",
            "content:announcement-create",
            "content:announcement-edit",
            "content:announcement-preview",
            "content:announcement-delete",
            "content:announcement-history",
            "content:office",
            "content:secretariat",
            "content:messages",
            "content:message",
            "content:albums",
            "content:album-create",
            "content:album-edit",
            "content:album-delete",
            "content:album-history",
            "pqrsd-staff:inbox",
            "pqrsd-staff:detail",
            "pqrsd-staff:erase",
            "pqrsd-staff:attachment",
            "pqrsd-staff:report",
            "events-staff:list",
            "events-staff:create",
            "events-staff:figures",
            "events-staff:personal-data",
            "events-staff:registrations",
            "events-staff:edit",
            "events-staff:delete",
            "border-staff:obstacles",
            "border-staff:obstacle-create",
            "border-staff:obstacle",
            "border-staff:obstacle-edit",
            "border-staff:meetings",
            "border-staff:meeting-create",
            "border-staff:meeting",
            "border-staff:meeting-edit",
            "border-staff:commitments",
            "border-staff:studies",
            "border-staff:study-create",
            "border-staff:study-edit",
            "border-staff:study-file",
        ],
        ("secretariat", "GET"),
    ),  # fmt: skip
    **dict.fromkeys(["people", "person-invite", "person"], ("administrators", "GET")),
    **dict.fromkeys(
        ["person-roles", "person-active", "person-2fa-reset"], ("administrators", "POST")
    ),
    "pqrsd-staff:act": ("secretariat", "POST"),
    "pqrsd-staff:publish": ("secretariat", "POST"),
}


@pytest.fixture
def world():
    return build_world()


def clients(world) -> dict[str, Client]:  # noqa: ANN001
    made = {}
    for role, user in world.users.items():
        client = Client(raise_request_exception=True)  # a 500 fails the test at once
        if user is not None:
            client.force_login(user)
        made[role] = client
    return made


def refused(role: str, response) -> bool:  # noqa: ANN001
    if response.status_code == 401:  # the API's answer to a call without a token
        return True
    if role == "anonymous":
        return response.status_code == 302 and "/staff/login/" in response["Location"]
    return response.status_code == 403


def test_every_url_has_a_rule():
    missing = [name for name, _route in url_names() if name not in RULES]
    stale = sorted(set(RULES) - {name for name, _route in url_names()})
    assert missing == [], f"add these URLs to RULES with who may use them: {missing}"
    assert stale == [], f"these rules name URLs that no longer exist: {stale}"


def test_each_role_gets_exactly_what_its_rule_allows(world):
    by_role = clients(world)
    wrong = []
    for name, route in url_names():
        who, method = RULES[name]
        url = url_for(name, route, world)
        for role, client in by_role.items():
            if name == "logout":  # signing out must not sign the shared clients out
                client = clients(world)[role]
            if method == "PUT":
                response = client.put(url, {}, content_type="application/json")
            else:
                response = client.post(url, {}) if method == "POST" else client.get(url)
            allowed = role in WHO[who]
            if allowed == refused(role, response):
                wrong.append(f"{name} {method} as {role}: {response.status_code}")
    assert wrong == []


def test_no_write_goes_through_for_a_role_without_the_right(world):
    """A forged POST to any write page by a role that may not use it is refused, not half-done."""
    by_role = clients(world)
    wrong = []
    for name, route in url_names():
        who, _method = RULES[name]
        if who == "everyone":
            continue
        url = url_for(name, route, world)
        for role, client in by_role.items():
            response = client.post(url, {"title": "x"})
            # 405: a route that takes no POST (the API's reads, its PUT) did nothing either.
            if role not in WHO[who] and not (
                refused(role, response) or response.status_code == 405
            ):
                wrong.append(f"{name} POST as {role}")
    assert wrong == []


def test_only_the_secretariat_changes_an_activitys_publication(world):
    """Every role that may edit the activity posts its whole form with "public" ticked."""
    from django.urls import reverse

    from puente.portfolio.forms import INLINES
    from puente.portfolio.models import Activity
    from puente.portfolio.tests.factories import activity_form_data

    pk = world.ids["activity"]
    published_by = set()
    for role, client in clients(world).items():
        if role not in WHO["activity-writers"]:
            continue
        Activity.objects.filter(pk=pk).update(is_public=False)
        activity = Activity.objects.get(pk=pk)
        data = activity_form_data(revision=str(activity.revision), is_public="on")
        data.update({f"{prefix}-TOTAL_FORMS": "0" for prefix, _t, _c in INLINES})  # no new rows
        assert client.post(reverse("portfolio:edit", args=[pk]), data).status_code == 302, role
        if Activity.objects.get(pk=pk).is_public:
            published_by.add(role)
    assert published_by == WHO["secretariat"]
