"""Schemathesis reads the OpenAPI document and throws generated requests at every endpoint:
no answer may be a 500, and every answer must match what the document promises."""

import secrets

import pytest
import schemathesis
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from puente.portfolio.tests.factories import ActivityFactory, LocationFactory
from puente.territory.models import Municipality
from puente.wsgi import application

# The document itself needs no database: it is read once, when the tests are collected.
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


# Known before the database exists: schemathesis builds some cases while it collects the tests.
LIVE_TOKEN = "pte_" + secrets.token_urlsafe(32)


@schema.auth(refresh_interval=None).apply_to(path_regex="^/api/coordination/")
class PartnerToken:
    """A partner's live token on the write API's operations, so that they are tried, not only
    refused; schemathesis leaves it off the cases that test a missing Authorization header."""

    def get(self, case, context) -> str:  # noqa: ANN001
        return LIVE_TOKEN

    def set(self, case, data: str, context) -> None:  # noqa: ANN001
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture
def activities(db):  # noqa: ANN001, ANN201
    """Something for the filters to find: public and internal activities in two places."""
    from django.core.cache import cache
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    for code in ("54001", "54810"):
        LocationFactory(municipality=Municipality.objects.get(code=code), activity__is_public=True)
    ActivityFactory(is_public=False)
    cache.clear()
    # A partner's live token, so that the write API's operations are tried, not only refused.
    from puente.accounts import tokens
    from puente.accounts.models import ApiToken
    from puente.coordination.tests.factories import partner

    _organisation, reporter = partner("Fundación Frontera Viva", "reporter.schemathesis")
    token, _secret = tokens.create(reporter, "schemathesis", 1)
    ApiToken.objects.filter(pk=token.pk).update(digest=tokens.digest(LIVE_TOKEN))
    # Schemathesis calls the WSGI application itself, which closes the database connection
    # after each request; Django's own test client turns that off, so must we (the test's
    # transaction lives on that connection).
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@hypothesis_settings(
    max_examples=60, deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)  # fmt: skip
def test_every_endpoint_answers_as_its_schema_says(case, activities) -> None:  # noqa: ANN001
    case.call_and_validate()
