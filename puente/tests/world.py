"""The one test world: a person in every role, and a client signed in as any of them.

Every app's tests import from here; conftest.py turns the usual people into fixtures.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.test import Client

from puente.accounts.roles import Role

PASSWORD = "correct horse battery"


def make_user(username: str, role: Role | None, organisation: object = None) -> User:
    """A person with `role` (none for a signed-in nobody), reporting for `organisation` if given."""
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    if role:
        user.groups.add(Group.objects.get(name=role.value))
    if organisation is not None:
        from puente.directory.models import ReporterAccount

        ReporterAccount.objects.create(user=user, organisation=organisation)
    return user


def client_for(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client
