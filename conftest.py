"""Fixtures shared by every app's tests: reference data once per run, users in each role."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from puente.accounts.roles import Role
from puente.tests.world import client_for, make_user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):  # noqa: ANN001
    """Loads the reference data (geography, codelists, populations) into the test database."""
    from puente.territory.services import load_reference_data

    with django_db_blocker.unblock():
        load_reference_data()
        for role in Role:
            Group.objects.get_or_create(name=role.value)


@pytest.fixture
def staff_user(db):  # noqa: ANN001, ANN201
    return make_user("ana.staff", Role.STAFF)


@pytest.fixture
def staff_client(staff_user) -> Client:  # noqa: ANN001
    return client_for(staff_user)


@pytest.fixture
def viewer_client(db) -> Client:  # noqa: ANN001
    return client_for(make_user("victor.viewer", Role.VIEWER))


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (pages such as the IATI file are cached)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Spanish: a request in English leaves English active in the thread."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def media_in_a_temporary_folder(settings, tmp_path):  # noqa: ANN001, ANN201
    """Uploads and generated images of a test never land in the developer's var/media."""
    settings.MEDIA_ROOT = tmp_path / "media"
