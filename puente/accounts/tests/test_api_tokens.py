"""Personal API tokens on "My account": made with the secret shown once, kept hashed, revoked."""

import re

import pytest

from puente.accounts import tokens
from puente.accounts.models import AccountEvent, ApiToken
from puente.accounts.roles import Role
from puente.directory.tests.factories import OrganisationFactory
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(db):  # noqa: ANN001, ANN201
    return make_user("lucia", Role.REPORTER, organisation=OrganisationFactory(name="Frontera Viva"))


def test_a_token_is_shown_once_and_stored_only_as_its_digest(reporter) -> None:
    client = client_for(reporter)
    page = client.post("/staff/account/tokens/", {"name": "nuestro sistema", "days": "30"})
    assert page.status_code == 200
    secret = re.search(r"data-token>(pte_[\w-]+)<", page.content.decode()).group(1)
    assert page.headers["Cache-Control"].startswith("max-age=0")  # never kept by a browser cache
    token = ApiToken.objects.get(user=reporter)
    assert token.digest == tokens.digest(secret) and secret not in token.digest
    assert secret[:10] == token.prefix
    assert tokens.check(secret) == token
    account = client.get("/staff/account/").content.decode()
    assert "nuestro sistema" in account and f"{token.prefix}…" in account
    assert secret not in account  # never shown again
    assert AccountEvent.objects.filter(user=reporter, kind="token-created").exists()


def test_revoking_asks_first_then_stops_the_token(reporter) -> None:
    token, secret = tokens.create(reporter, "sync", 90)
    client = client_for(reporter)
    confirm = client.get(f"/staff/account/tokens/{token.pk}/revoke/")
    assert "¿Revocar la clave «sync»?" in confirm.content.decode()
    assert tokens.check(secret) is not None  # asking changed nothing
    done = client.post(f"/staff/account/tokens/{token.pk}/revoke/", follow=True)
    assert "La clave «sync» quedó revocada." in done.content.decode()
    assert tokens.check(secret) is None


def test_nobody_revokes_someone_elses_token(reporter) -> None:
    token, secret = tokens.create(reporter, "sync", 90)
    other = client_for(make_user("ana.staff", Role.STAFF))
    assert other.post(f"/staff/account/tokens/{token.pk}/revoke/").status_code == 404
    assert tokens.check(secret) is not None


def test_a_viewer_has_no_tokens_section_and_may_not_make_one() -> None:
    viewer = client_for(make_user("victor", Role.VIEWER))
    assert "Claves de API" not in viewer.get("/staff/account/").content.decode()
    assert viewer.post("/staff/account/tokens/", {"name": "x", "days": "30"}).status_code == 403
    assert not ApiToken.objects.exists()


def test_a_deactivated_persons_token_stops(reporter) -> None:
    _token, secret = tokens.create(reporter, "sync", 90)
    reporter.is_active = False
    reporter.save()
    assert tokens.check(secret) is None


def test_a_malformed_or_unknown_secret_is_refused() -> None:
    assert tokens.check("") is None
    assert tokens.check("Bearer nothing") is None
    assert tokens.check("pte_" + "x" * 43) is None
    assert tokens.check("pte_" + "x" * 500) is None
