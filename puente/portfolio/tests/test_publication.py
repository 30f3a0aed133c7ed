"""Publication is the Secretariat's decision: partners edit their activities, never their publication."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from puente.accounts.roles import Role
from puente.portfolio import services
from puente.portfolio.forms import ActivityForm
from puente.portfolio.models import Activity, OrganisationRole
from puente.portfolio.tests.factories import ParticipationFactory, activity_form_data
from puente.tests.world import client_for, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_activity():  # noqa: ANN201
    """An unpublished activity that reporter A's organisation implements, and that reporter."""
    participation = ParticipationFactory(role=OrganisationRole.IMPLEMENTING)
    activity = participation.activity
    activity.is_public = False
    activity.save()
    reporter = make_user("r.socio", Role.REPORTER, organisation=participation.organisation)
    return activity, reporter


def edit(client, activity, **changes):  # noqa: ANN001, ANN003, ANN201
    data = activity_form_data(
        title_es=activity.title_es, revision=str(activity.revision), **changes
    )
    return client.post(reverse("portfolio:edit", args=[activity.pk]), data)


def test_a_partner_reporter_is_not_offered_the_publication_box(partner_activity):
    activity, reporter = partner_activity
    page = client_for(reporter).get(reverse("portfolio:edit", args=[activity.pk])).content.decode()
    assert 'name="title_es"' in page and 'name="is_public"' not in page


def test_a_forged_publication_from_a_partner_reporter_changes_nothing(partner_activity):
    activity, reporter = partner_activity
    response = edit(client_for(reporter), activity, is_public="on", title_en="Edited by partner")
    assert response.status_code == 302  # the partner's other edits land
    activity.refresh_from_db()
    assert activity.title_en == "Edited by partner" and activity.is_public is False


def test_a_partner_reporter_cannot_withdraw_a_published_activity(partner_activity):
    activity, reporter = partner_activity
    Activity.objects.filter(pk=activity.pk).update(is_public=True)
    activity.refresh_from_db()
    edit(client_for(reporter), activity, title_en="Still public")
    assert Activity.objects.get(pk=activity.pk).is_public is True


def test_the_service_refuses_publication_from_anyone_but_the_secretariat(partner_activity):
    activity, reporter = partner_activity
    form = ActivityForm(activity_form_data(is_public="on"), instance=activity, can_publish=True)
    assert form.is_valid(), form.errors
    with pytest.raises(PermissionDenied):
        services.save_activity(form, [], reporter, activity.revision)
    assert Activity.objects.get(pk=activity.pk).is_public is False


def test_the_secretariat_publishes(partner_activity, staff_client):
    activity, _reporter = partner_activity
    assert edit(staff_client, activity, is_public="on").status_code == 302
    assert Activity.objects.get(pk=activity.pk).is_public is True
