"""Refusals and missing pages answer in the site's look and language, saying what to do next."""

import pytest
from django.urls import reverse

from puente.accounts.roles import Role
from puente.directory.tests.factories import OrganisationFactory
from puente.portfolio.models import OrganisationRole
from puente.portfolio.tests.factories import ParticipationFactory
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db


def test_a_partner_refused_another_partners_activity_is_told_why_and_where_to_go(client):
    activity = ParticipationFactory(
        role=OrganisationRole.IMPLEMENTING, activity__is_public=False
    ).activity
    other = make_user("r.otro", Role.REPORTER, organisation=OrganisationFactory())
    response = client_for(other).get(reverse("portfolio:detail", args=[activity.pk]))
    page = response.content.decode()
    assert response.status_code == 403
    assert "No puede abrir esta página" in page and "r.otro" in page
    assert reverse("staff-home") in page and 'lang="es"' in page


def test_a_missing_page_offers_the_search_and_the_way_home(client):
    response = client.get("/es/no-existe-esta-pagina/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "Página no encontrada" in page and 'role="search"' in page
    assert reverse("portal:home") in page


def test_a_secretariat_member_refused_is_not_told_the_partners_rule(staff_client):
    page = staff_client.get("/staff/admin/", follow=True).content.decode()
    assert "Un administrador puede darle a su cuenta el rol" in page
    assert "Un socio ve" not in page
