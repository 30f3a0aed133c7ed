"""A fresh `make run` shows every module with content: plans above projects, concepts and
applications in each state, the Secretary's and the team's (generated) pictures."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

from puente.agreements.models import Concept, Proposal
from puente.funding.models import Application
from puente.portal.models import Album, Office
from puente.portfolio.models import Activity, Level
from puente.portfolio.rollup import rollups

pytestmark = pytest.mark.django_db


def test_a_fresh_demo_shows_every_module(settings, tmp_path, client):
    settings.VAR_DIR = tmp_path
    call_command("seed_demo", activities=60, verbosity=0)
    # plans and programmes above the projects
    plan = Activity.objects.get(level=Level.PLAN)
    programmes = Activity.objects.filter(level=Level.PROGRAMME)
    assert {p.parent_id for p in programmes} == {plan.pk} and programmes.count() == 3
    for programme in programmes:
        assert programme.children.filter(level=Level.PROJECT).exists(), programme.title
        # and its results add up: one shared indicator measured by its projects
        (rollup,) = rollups(programme, Activity.objects.all())
        assert not rollup.refused and rollup.years[2025].target, programme.title

    # every project's creation is in its history, so a later change reads as one; and the
    # demo's people each have a name of their own, by which the history names them
    project = Activity.objects.filter(level=Level.PROJECT).first()
    assert project.history.filter(history_type="+").exists()
    assert project.budgets.first().history.exists()
    names = {
        u.get_full_name() for u in get_user_model().objects.filter(username__in=["staff", "socio"])
    }
    assert len(names) == 2 and "Demo" not in names

    # proposals and concepts in every state, applications to the calls
    assert set(Proposal.objects.values_list("status", flat=True)) == {
        "submitted", "assessing", "issued"
    }  # fmt: skip
    issued = Concept.objects.exclude(number=None)
    assert set(issued.values_list("decision", flat=True)) == {"viable", "not-viable"}
    assert all(concept.pdf for concept in issued)
    assert set(Application.objects.values_list("status", flat=True)) == {
        "drafting", "submitted", "awarded"
    }  # fmt: skip

    # the Secretary's and the team's pictures (generated, marked demo)
    assert Office.objects.get().secretary_photo
    response = client.get(reverse("portal:secretary-photo"))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    team = Album.objects.get(title_es__startswith="El equipo")
    assert team.is_published and team.photos.count() == 1

    # a second run (make run twice) adds nothing
    counts = (Activity.objects.count(), Proposal.objects.count(), Application.objects.count())
    call_command("seed_demo", activities=60, verbosity=0)
    assert (
        Activity.objects.count(),
        Proposal.objects.count(),
        Application.objects.count(),
    ) == counts
