"""A department office files a proposal; staff assess it, issue a viable concept and turn it into a
portfolio project; the office reads the decision and downloads the PDF."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, expect

from puente.agreements.models import Criterion, Proposal
from puente.agreements.tests.factories import make_proposer
from puente.territory.models import Municipality

from .conftest import assert_accessible, screenshot

pytestmark = pytest.mark.browser
PASSWORD = "a long office password 54"


def sign_in(browser: Browser, base_url: str, username: str) -> Page:
    page = browser.new_context(base_url=base_url, locale="es-CO").new_page()
    page.goto("/staff/login/")
    page.get_by_label("Nombre de usuario").fill(username)
    page.get_by_label("Contraseña").fill(PASSWORD)
    page.get_by_role("button", name="Ingresar").click()
    return page


def test_a_proposal_becomes_a_viable_concept_and_a_portfolio_project(
    staff_page: Page, browser: Browser, live_server, settings, tmp_path
) -> None:
    settings.MEDIA_ROOT = tmp_path
    proposer, _organisation = make_proposer()
    proposer.set_password(PASSWORD)
    proposer.save()

    office = sign_in(browser, live_server.url, proposer.username)
    office.wait_for_url("**/staff/concepts/")  # a proposer lands on its proposals
    office.get_by_role("link", name="Radicar una propuesta").click()
    project = office.get_by_role("group", name="El proyecto")
    project.get_by_label("Título").fill("Brigadas de salud en veredas de frontera")
    project.get_by_label("Objetivo").fill("Atención primaria en Puerto Santander.")
    project.get_by_role("checkbox").first.check()
    puerto_santander = Municipality.objects.get(code="54553")
    project.get_by_label("Municipios").select_option(value=str(puerto_santander.pk))
    money = office.get_by_role("group", name="Recursos")
    money.get_by_label("Presupuesto total").fill("600000000")
    money.get_by_label("Cofinanciación ofrecida").fill("150000000")
    office.locator("#id_documents-0-title").fill("Documento técnico")
    office.locator("#id_documents-0-file").set_input_files(
        files=[{"name": "proyecto.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 x"}]
    )
    assert_accessible(office)
    office.get_by_role("button", name="Radicar la propuesta").click()
    expect(office.locator(".messages")).to_contain_text("La propuesta quedó radicada")
    expect(office.get_by_text("Radicada", exact=True)).to_be_visible()
    proposal = Proposal.objects.get()

    staff_page.goto("/staff/concepts/")
    staff_page.get_by_role("link", name=proposal.title).click()
    staff_page.get_by_role("link", name="Evaluar la propuesta").click()
    assert Criterion.objects.filter(active=True).count() == 7  # the whole checklist is scored
    for criterion in Criterion.objects.filter(active=True):
        staff_page.locator(f"#id_score-{criterion.pk}-score").select_option("4")
        staff_page.locator(f"#id_score-{criterion.pk}-rationale").fill("Cumple con lo esperado.")
    staff_page.get_by_label("Viable", exact=True).check()
    staff_page.get_by_label("Resumen de la evaluación").fill("Proyecto pertinente y sostenible.")
    assert_accessible(staff_page)
    staff_page.get_by_role("button", name="Emitir el concepto").click()
    expect(staff_page.locator(".messages")).to_contain_text("se notificó al proponente")
    number = proposal.__class__.objects.get().concept.number
    expect(staff_page.get_by_role("heading", name=f"Concepto {number}: Viable")).to_be_visible()
    staff_page.get_by_role("button", name="Crear el proyecto del portafolio").click()
    expect(staff_page.locator(".messages")).to_contain_text("Se creó el proyecto del portafolio")
    expect(staff_page.get_by_role("heading", level=1)).to_contain_text(proposal.title)
    screenshot(staff_page, "concept-project")

    office.reload()
    expect(office.get_by_role("heading", name=f"Concepto {number}: Viable")).to_be_visible()
    with office.expect_download() as download:
        office.get_by_role("link", name="Descargar el concepto (PDF)").click()
    assert download.value.suggested_filename == f"{number}.pdf"
    assert_accessible(office)
    screenshot(office, "concept-proposer")
    assert get_user_model().objects.get(pk=proposer.pk).email  # the office was written to
    office.context.close()


def test_the_agreement_and_concept_pages_pass_axe(staff_page: Page) -> None:
    from datetime import date, timedelta

    from puente.agreements.models import Obligation
    from puente.agreements.tests.factories import AgreementFactory, ProposalFactory
    from puente.agreements.workflow import Step

    agreement = AgreementFactory(step=Step.IN_FORCE, ends_on=date.today() + timedelta(days=9))
    Obligation.objects.create(agreement=agreement, description="Informe", responsible="IDS",
                              due_on=date.today() - timedelta(days=2))  # fmt: skip
    proposal = ProposalFactory()
    for url in [
        "/staff/agreements/",
        "/staff/agreements/new/",
        agreement.get_absolute_url(),
        f"/staff/agreements/{agreement.pk}/edit/",
        f"/staff/agreements/{agreement.pk}/history/",
        "/staff/concepts/",
        "/staff/concepts/new/",
        "/staff/concepts/criteria/",
        proposal.get_absolute_url(),
        f"/staff/concepts/{proposal.pk}/assess/",
        "/staff/portfolio/",  # the dashboard with every panel
    ]:
        staff_page.goto(url)
        expect(staff_page.locator("h1")).to_be_visible()
        assert_accessible(staff_page)
    screenshot(staff_page, "dashboard-panels")
    staff_page.goto(agreement.get_absolute_url())
    screenshot(staff_page, "agreement-detail")


def test_the_funding_and_needs_pages_pass_axe(staff_page: Page) -> None:
    from puente.coordination.models import Need, Service
    from puente.funding.demo import create_demo_funding
    from puente.funding.models import Call
    from puente.territory.models import TargetPopulation

    create_demo_funding()
    Need.objects.create(
        municipality=Municipality.objects.get(code="54810"), service=Service.objects.first(),
        population=TargetPopulation.objects.first(), people_affected=300, people_excluded=80,
        severity=3, source="Mesa municipal", evidence_date="2026-10-01",
    )  # fmt: skip
    call = Call.objects.first()
    for url in [
        "/staff/funding/",
        "/staff/funding/?status=upcoming",
        call.get_absolute_url(),
        "/staff/funding/calls/new/",
        f"/staff/funding/calls/{call.pk}/applications/new/",
        "/staff/funding/sources/",
        "/staff/coordination/needs/",
        "/staff/coordination/needs/new/",
    ]:
        staff_page.goto(url)
        expect(staff_page.locator("h1")).to_be_visible()
        assert_accessible(staff_page)
    staff_page.goto(call.get_absolute_url())
    screenshot(staff_page, "funding-call")
