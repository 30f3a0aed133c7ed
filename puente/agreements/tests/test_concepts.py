"""Proposals get a numbered viability concept within working days; favourable ones become projects."""

import io
from datetime import date, datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pypdf import PdfReader

from puente.agreements import services
from puente.agreements.models import Concept, Criterion, Decision, Proposal
from puente.lib.workdays import BOGOTA
from puente.portfolio.lifecycle import Stage
from puente.territory.models import Municipality, TargetPopulation
from puente.tests.world import client_for

from .factories import ProposalFactory, make_proposer

pytestmark = pytest.mark.django_db


def proposal_form(**extra) -> dict:
    data = {
        "title": "Brigadas de salud en la frontera",
        "objective": "Llevar atención primaria a veredas de Puerto Santander y Cúcuta.",
        "populations": [TargetPopulation.objects.first().pk],
        "people": "900",
        "municipalities": [m.pk for m in Municipality.objects.filter(code__in=["54553", "54001"])],
        "budget": "500000000",
        "cofinancing": "100000000",
        "currency": "COP",
        "source_sought": "Cooperación suiza",
        "documents-TOTAL_FORMS": "1",
        "documents-INITIAL_FORMS": "0",
        "documents-0-title": "Formulación",
        "documents-0-file": SimpleUploadedFile("f.pdf", b"%PDF-1.4 prueba", "application/pdf"),
    }
    data.update(extra)
    return data


@pytest.mark.parametrize(
    ("filed", "received", "due"),
    [
        # Friday 18 Dec at 19:00: received Monday 21; 15 working days skip 25 Dec, 1 Jan, 11 Jan.
        (datetime(2026, 12, 18, 19, 0, tzinfo=BOGOTA), date(2026, 12, 21), date(2027, 1, 14)),
        # Wednesday of Holy Week 2026 (Thursday 2 and Friday 3 April are holidays).
        (datetime(2026, 4, 1, 9, 0, tzinfo=BOGOTA), date(2026, 4, 1), date(2026, 4, 24)),
    ],
)
def test_the_concept_is_due_in_working_days_after_receipt(filed, received, due, settings):
    settings.PUENTE_CONCEPT_WORKING_DAYS = 15
    proposer, organisation = make_proposer()
    from django.utils import timezone

    timezone_now = timezone.now
    try:
        timezone.now = lambda: filed  # the moment of filing
        response = client_for(proposer).post("/staff/concepts/new/", proposal_form())
    finally:
        timezone.now = timezone_now
    assert response.status_code == 302, response.content.decode()[:3000]
    proposal = Proposal.objects.get()
    assert (proposal.received_on, proposal.due_on) == (received, due)
    assert proposal.organisation == organisation and proposal.submitted_by == proposer
    assert proposal.documents.get().content_type == "application/pdf"


def test_a_proposer_sees_only_its_own_proposals(db):
    mine = ProposalFactory()
    other, _org = make_proposer("oficina.educacion")
    other_client = client_for(other)
    assert other_client.get(mine.get_absolute_url()).status_code == 404
    assert mine.title not in other_client.get("/staff/concepts/").content.decode()
    assert other_client.get(f"/staff/concepts/{mine.pk}/assess/").status_code == 403
    assert Client().get("/staff/concepts/").status_code == 302  # to the login page


def test_a_fake_attachment_is_refused_and_nothing_is_filed():
    proposer, _org = make_proposer()
    fake = SimpleUploadedFile("f.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = client_for(proposer).post(
        "/staff/concepts/new/", proposal_form(**{"documents-0-file": fake})
    )
    assert response.status_code == 400
    assert "No se guardó nada" in response.content.decode()
    assert not Proposal.objects.exists()


def assessment(decision: str = "", scores: bool = True, **extra) -> dict:
    data: dict = {"decision": decision, "summary": "Proyecto pertinente y bien formulado."}
    if scores:
        for criterion in Criterion.objects.filter(active=True):
            data[f"score-{criterion.pk}-score"] = "4"
            data[f"score-{criterion.pk}-rationale"] = f"Cumple: {criterion.name_es}."
    data.update(extra)
    return data


def test_an_incomplete_concept_is_not_issued_and_says_what_is_missing(staff_client):
    proposal = ProposalFactory()
    response = staff_client.post(
        f"/staff/concepts/{proposal.pk}/assess/",
        assessment("conditional", scores=False, issue="1"),
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "El concepto no se emitió" in page
    assert "un puntaje y su justificación para «Sostenibilidad»" in page
    assert "las condiciones" in page
    assert Concept.objects.get().number is None  # saved as a draft, not issued


def test_a_score_without_rationale_is_refused(staff_client):
    proposal = ProposalFactory()
    criterion = Criterion.objects.first()
    data = assessment("viable", **{f"score-{criterion.pk}-rationale": ""})
    response = staff_client.post(f"/staff/concepts/{proposal.pk}/assess/", data)
    assert response.status_code == 400
    assert "Dé el puntaje y su justificación" in response.content.decode()


def test_issuing_numbers_freezes_a_pdf_and_tells_the_proposer(
    staff_client, settings, django_capture_on_commit_callbacks
):
    proposal = ProposalFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"/staff/concepts/{proposal.pk}/assess/", assessment("viable", issue="1")
        )
    assert response.status_code == 302
    concept = Concept.objects.get()
    year = concept.issued_at.year
    assert concept.number == f"CTV-{year}-0001"
    (email,) = mail.outbox
    assert email.to == [proposal.submitted_by.email] and concept.number in email.subject

    proposer = client_for(proposal.submitted_by)
    page = proposer.get(proposal.get_absolute_url()).content.decode()
    assert f"Concepto {concept.number}" in page and "Viable" in page
    pdf = proposer.get(f"/staff/concepts/{proposal.pk}/concept.pdf")
    assert pdf["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(b"".join(pdf.streaming_content))).pages[0].extract_text()
    assert f"Concepto técnico de viabilidad N.º {concept.number}" in text
    assert "Instituto Departamental de Salud" in text and "Sostenibilidad" in text
    assert "28 / 35" in text  # seven criteria scored 4 of 5

    # Issued means frozen: the assessment page no longer changes it.
    staff_client.post(f"/staff/concepts/{proposal.pk}/assess/", assessment("not-viable"))
    assert Concept.objects.get().decision == Decision.VIABLE


def test_the_next_concept_takes_the_next_number(staff_user):
    first = ProposalFactory()
    second = ProposalFactory(organisation=first.organisation, submitted_by=first.submitted_by)
    for proposal in (first, second):
        concept = Concept.objects.create(
            proposal=proposal, decision=Decision.NOT_VIABLE, summary="No cumple."
        )
        for criterion in Criterion.objects.filter(active=True):
            concept.scores.create(criterion=criterion, score=1, rationale="Insuficiente.")
        services.issue_concept(concept, staff_user)
    numbers = sorted(Concept.objects.values_list("number", flat=True))
    assert [n[-4:] for n in numbers] == ["0001", "0002"]


def issued(proposal: Proposal, decision: str, by) -> Concept:  # noqa: ANN001
    concept = Concept.objects.create(proposal=proposal, decision=decision, summary="Resumen",
                                     conditions="Ajustar el presupuesto.")  # fmt: skip
    for criterion in Criterion.objects.filter(active=True):
        concept.scores.create(criterion=criterion, score=3, rationale="Aceptable.")
    return services.issue_concept(concept, by)


def test_a_favourable_proposal_becomes_a_portfolio_project_once(staff_client, staff_user):
    proposal = ProposalFactory()
    issued(proposal, Decision.CONDITIONAL, staff_user)
    response = staff_client.post(f"/staff/concepts/{proposal.pk}/project/")
    proposal.refresh_from_db()
    activity = proposal.activity
    assert response["Location"] == f"/staff/portfolio/activities/{activity.pk}/"
    assert activity.title_es == proposal.title and activity.stage == Stage.NEGOTIATION
    assert {loc.municipality.code for loc in activity.locations.all()} == {"54810", "54001"}
    assert activity.budgets.get().amount == proposal.budget
    assert activity.participations.get().organisation == proposal.organisation
    assert activity.beneficiaries.get().count == 1200
    again = staff_client.post(f"/staff/concepts/{proposal.pk}/project/", follow=True)
    assert "ya es un proyecto del portafolio" in again.content.decode()


def test_a_not_viable_proposal_does_not_become_a_project(staff_client, staff_user):
    proposal = ProposalFactory()
    issued(proposal, Decision.NOT_VIABLE, staff_user)
    response = staff_client.post(f"/staff/concepts/{proposal.pk}/project/", follow=True)
    assert "Solo una propuesta con concepto favorable" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.activity is None


def test_staff_edit_the_checklist_and_retired_criteria_leave_the_next_assessments(staff_client):
    proposal = ProposalFactory()
    criteria = list(Criterion.objects.all())
    data = {"form-TOTAL_FORMS": str(len(criteria) + 1), "form-INITIAL_FORMS": str(len(criteria))}
    for n, c in enumerate(criteria):
        data.update({f"form-{n}-id": c.pk, f"form-{n}-order": c.order, f"form-{n}-name_es": c.name_es,
                     f"form-{n}-name_en": c.name_en, f"form-{n}-guidance": ""})  # fmt: skip
        if n:  # keep only the first one in use
            continue
        data[f"form-{n}-active"] = "on"
    n = len(criteria)
    data.update({f"form-{n}-order": "9", f"form-{n}-name_es": "Enfoque de género",
                 f"form-{n}-active": "on"})  # fmt: skip
    assert staff_client.post("/staff/concepts/criteria/", data).status_code == 302
    page = staff_client.get(f"/staff/concepts/{proposal.pk}/assess/").content.decode()
    assert "Enfoque de género" in page and "Sostenibilidad" not in page


def test_a_deleted_concept_does_not_make_the_next_number_collide(staff_user):
    first = ProposalFactory()
    proposals = [first] + [
        ProposalFactory(organisation=first.organisation, submitted_by=first.submitted_by)
        for _ in range(2)
    ]
    one, two = (issued(p, Decision.NOT_VIABLE, staff_user) for p in proposals[:2])
    one.delete()  # e.g. a proposal withdrawn and removed by an administrator
    three = issued(proposals[2], Decision.NOT_VIABLE, staff_user)
    assert (two.number[-4:], three.number[-4:]) == ("0002", "0003")


def test_the_page_says_the_proposer_was_notified_only_when_the_email_went_out(
    staff_client, monkeypatch
):
    from smtplib import SMTPException

    def refuse(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise SMTPException("relay refused")

    sent = ProposalFactory()
    refused = ProposalFactory(organisation=sent.organisation, submitted_by=sent.submitted_by)
    response = staff_client.post(
        f"/staff/concepts/{sent.pk}/assess/", assessment("viable", issue="1"), follow=True
    )
    assert "se notificó al proponente por correo" in response.content.decode()
    assert len(mail.outbox) == 1

    monkeypatch.setattr("puente.agreements.emails.send_mail", refuse)
    response = staff_client.post(
        f"/staff/concepts/{refused.pk}/assess/", assessment("viable", issue="1"), follow=True
    )
    page = response.content.decode()
    assert "ningún correo llegó al proponente" in page and "notificó" not in page
    assert Concept.objects.get(proposal=refused).is_issued  # the concept stays issued
