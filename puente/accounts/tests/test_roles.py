"""Roles: who holds a role, and which organisation a login reports for (asked once a request)."""

import pytest
from django.contrib.auth.models import User

from puente.accounts.roles import Role, account_organisation_id, users_with_role
from puente.directory.models import ReporterAccount
from puente.directory.tests.factories import OrganisationFactory
from puente.tests.world import make_user

pytestmark = pytest.mark.django_db


def test_users_with_a_role_are_the_active_members_of_its_groups():
    ana = make_user("ana.uno", Role.STAFF)
    admin = make_user("admin.uno", Role.ADMINISTRATOR)
    make_user("victor.uno", Role.VIEWER)
    gone = make_user("ido.uno", Role.STAFF)
    gone.is_active = False
    gone.save()
    assert list(users_with_role(Role.STAFF, Role.ADMINISTRATOR)) == [admin, ana]
    assert gone in users_with_role(Role.STAFF, active=None)


def test_a_reporters_organisation_is_read_once_and_kept_on_the_user(django_assert_num_queries):
    organisation = OrganisationFactory()
    reporter = User.objects.get(pk=make_user("r.uno", Role.REPORTER, organisation=organisation).pk)
    with django_assert_num_queries(1):
        assert account_organisation_id(reporter) == organisation.pk
        assert account_organisation_id(reporter) == organisation.pk


def test_a_login_without_an_organisation_has_none_and_asks_once(django_assert_num_queries):
    staff = User.objects.get(pk=make_user("ana.dos", Role.STAFF).pk)
    with django_assert_num_queries(1):
        assert account_organisation_id(staff) is None
        assert account_organisation_id(staff) is None


def test_each_request_asks_afresh():
    """Kept on the user object of one request, not per process: a login tied to an organisation
    later sees it on its next request (a fresh user object)."""
    organisation = OrganisationFactory()
    reporter = make_user("r.dos", Role.REPORTER)
    assert account_organisation_id(User.objects.get(pk=reporter.pk)) is None
    ReporterAccount.objects.create(user=reporter, organisation=organisation)
    assert account_organisation_id(User.objects.get(pk=reporter.pk)) == organisation.pk
