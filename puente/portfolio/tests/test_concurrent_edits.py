"""Two staff members edit the same activity at the same moment: one edit lands, the other is
told (409) and nothing of it is written; neither is silently lost inside the other."""

import threading

import pytest
from django.contrib.auth.models import Group
from django.db import connections
from django.test import Client
from django.urls import reverse

from puente.accounts.roles import Role
from puente.portfolio.models import Activity
from puente.portfolio.tests.factories import ActivityFactory
from puente.tests.world import make_user

from .test_activity_form import form_data


def editor(username: str) -> Client:
    client = Client()
    client.force_login(make_user(username, Role.STAFF))
    return client


def test_two_people_saving_at_once_one_is_told(transactional_db) -> None:  # noqa: ANN001
    from puente.territory.services import load_reference_data

    load_reference_data()  # a transactional test starts from empty tables
    for role in Role:  # the groups too, when an earlier transactional test flushed them
        Group.objects.get_or_create(name=role.value)
    activity = ActivityFactory(title_es="Original")
    url = reverse("portfolio:edit", args=[activity.pk])
    ana, luis = editor("ana.staff"), editor("luis.staff")
    # Both open the form on the same revision ...
    revision = str(Activity.objects.get(pk=activity.pk).revision)
    assert f'name="revision" value="{revision}"' in ana.get(url).content.decode()
    assert f'name="revision" value="{revision}"' in luis.get(url).content.decode()

    # ... and press Save in the same instant.
    start, answers = threading.Barrier(2), {}

    def save(name: str, client: Client) -> None:
        try:
            start.wait(timeout=30)
            answers[name] = client.post(
                url, form_data(title_es=f"Edición de {name}", revision=revision)
            )
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=pair) for pair in (("ana", ana), ("luis", luis))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(r.status_code for r in answers.values()) == [302, 409]
    (winner,) = [name for name, r in answers.items() if r.status_code == 302]
    (loser,) = [r for r in answers.values() if r.status_code == 409]
    assert "Otra persona guardó esta actividad mientras usted la editaba" in loser.content.decode()
    saved = Activity.objects.get(pk=activity.pk)
    assert saved.title_es == f"Edición de {winner}"
    assert saved.revision == int(revision) + 1
    # One history entry for the edit that landed, none for the one refused.
    assert saved.history.filter(history_type="~").count() == 1
    assert saved.budgets.count() == 1  # the refused form's rows did not land beside the first's


@pytest.fixture(autouse=True)
def _no_kept_pages(settings):  # noqa: ANN001, ANN202
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
