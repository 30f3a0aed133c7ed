"""Each kind of agreement walks its own steps; forbidden moves are refused; every move is recorded."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from puente.agreements import services
from puente.agreements.models import Agreement, StepRecord
from puente.agreements.workflow import DEPARTMENTAL, TREATY, WORKFLOWS, Kind, Step, check_move

from .factories import AgreementFactory

pytestmark = pytest.mark.django_db

S = Step
TREATY_PATH = [S.NATIONAL_EXECUTIVE, S.SIGNATURE, S.CONGRESS, S.COURT_REVIEW, S.IN_FORCE,
               S.EXTENDED, S.EXTENDED, S.CLOSED]  # fmt: skip
DEPARTMENTAL_PATH = [S.LEGAL_REVIEW, S.SIGNATURE, S.IN_FORCE, S.EXTENDED, S.CLOSED]


def walk(agreement: Agreement, path: list[Step], user) -> None:  # noqa: ANN001
    end = agreement.ends_on
    for target in path:
        new_end = None
        if target == S.EXTENDED:
            end = new_end = end.replace(year=end.year + 1)
        services.move(agreement, target, user, note="Acta del comité", new_end=new_end)


def test_a_treaty_goes_through_the_foreign_ministry_congress_and_the_court(staff_user):
    treaty = AgreementFactory(kind=Kind.TREATY, title="Acuerdo de cooperación fronteriza")
    walk(treaty, TREATY_PATH, staff_user)
    assert treaty.step == S.CLOSED
    records = list(treaty.steps.values_list("from_step", "to_step"))
    assert records[:5] == [("draft", "national-executive"), ("national-executive", "signature"),
                           ("signature", "congress"), ("congress", "court-review"),
                           ("court-review", "in-force")]  # fmt: skip
    assert treaty.current_end == date(2028, 12, 31)  # extended twice


@pytest.mark.parametrize("kind", [k for k in Kind if k != Kind.TREATY])
def test_departmental_agreements_go_through_legal_review_and_signature(kind, staff_user):
    agreement = AgreementFactory(kind=kind)
    walk(agreement, DEPARTMENTAL_PATH, staff_user)
    assert agreement.step == S.CLOSED
    assert StepRecord.objects.filter(agreement=agreement).count() == len(DEPARTMENTAL_PATH)


@pytest.mark.parametrize("kind", list(Kind))
def test_every_move_not_in_the_table_is_refused(kind):
    table = WORKFLOWS[kind]
    for step in Step:
        for target in Step:
            if step in table and target in table[step]:
                check_move(kind, step, target)  # allowed: no error
            else:
                with pytest.raises(ValidationError):
                    check_move(kind, step, target)


def test_a_convention_cannot_skip_legal_review_nor_a_treaty_skip_congress(staff_user):
    convention = AgreementFactory()
    with pytest.raises(ValidationError, match="Revisión jurídica"):
        services.move(convention, S.SIGNATURE, staff_user)
    treaty = AgreementFactory(kind=Kind.TREATY, step=S.SIGNATURE)
    with pytest.raises(ValidationError):
        services.move(treaty, S.IN_FORCE, staff_user)
    assert not StepRecord.objects.exists()
    assert Agreement.objects.get(pk=treaty.pk).step == S.SIGNATURE


def test_in_force_needs_the_dates_and_an_extension_needs_a_later_end_and_a_reason(staff_user):
    undated = AgreementFactory(step=S.SIGNATURE, signed_on=None)
    with pytest.raises(ValidationError, match="fecha de firma"):
        services.move(undated, S.IN_FORCE, staff_user)
    running = AgreementFactory(step=S.IN_FORCE)
    with pytest.raises(ValidationError, match="nueva fecha"):
        services.move(running, S.EXTENDED, staff_user, note="Más tiempo", new_end=date(2026, 6, 1))
    with pytest.raises(ValidationError, match="por qué"):
        services.move(running, S.EXTENDED, staff_user, new_end=date(2027, 6, 30))
    with pytest.raises(ValidationError, match="por qué"):
        services.move(running, S.TERMINATED, staff_user)
    assert running.extensions.count() == 0 and running.step == S.IN_FORCE


def test_each_move_is_dated_attributed_and_in_the_history(staff_client, staff_user):
    agreement = AgreementFactory()
    response = staff_client.post(
        f"/staff/agreements/{agreement.pk}/step/", {"target": "legal-review", "note": "Enviado"}
    )
    assert response.status_code == 302
    record = agreement.steps.get()
    assert (record.by, record.note, record.to_step) == (staff_user, "Enviado", "legal-review")
    page = staff_client.get(agreement.get_absolute_url()).content.decode()
    assert "Borrador → <strong>Revisión jurídica</strong>" in page
    history = staff_client.get(f"/staff/agreements/{agreement.pk}/history/").content.decode()
    assert "Borrador → Revisión jurídica. Enviado" in history


def test_a_refused_move_says_what_is_allowed_and_changes_nothing(staff_client):
    agreement = AgreementFactory()
    response = staff_client.post(f"/staff/agreements/{agreement.pk}/step/", {"target": "in-force"})
    assert response.status_code == 400
    assert "Escoja una opción válida" in response.content.decode()
    assert Agreement.objects.get(pk=agreement.pk).step == S.DRAFT


def test_the_tables_reach_an_end_from_every_step():
    for table in (TREATY, DEPARTMENTAL):
        for step, targets in table.items():
            assert step in (S.CLOSED, S.TERMINATED) or S.TERMINATED in targets


@pytest.mark.parametrize("kind", list(Kind))
def test_every_allowed_move_goes_through_the_service(kind, staff_user):
    """Each (step, next step) pair of the kind's table, done for real: recorded and attributed."""
    for step, targets in WORKFLOWS[kind].items():
        for target in targets:
            agreement = AgreementFactory(kind=kind, step=step)
            new_end = date(2030, 1, 1) if target == S.EXTENDED else None
            record = services.move(agreement, target, staff_user, note="Motivo", new_end=new_end)
            assert agreement.step == target and (record.from_step, record.by) == (step, staff_user)


def test_an_agreement_is_signed_only_with_its_parties_date_and_signed_copy(staff_user):
    unsigned = AgreementFactory(step=S.LEGAL_REVIEW, signed_on=None, signing_papers=False)
    with pytest.raises(ValidationError) as refusal:
        services.move(unsigned, S.SIGNATURE, staff_user)
    message = " ".join(refusal.value.messages)
    assert "al menos dos" in message and "la fecha de firma" in message
    assert "la copia firmada" in message
    assert Agreement.objects.get(pk=unsigned.pk).step == S.LEGAL_REVIEW
    ready = AgreementFactory(step=S.LEGAL_REVIEW)
    services.move(ready, S.SIGNATURE, staff_user)
    assert ready.step == S.SIGNATURE


def test_a_document_that_is_not_the_signed_copy_does_not_count(staff_user):
    from puente.agreements.models import AgreementDocument

    agreement = AgreementFactory(step=S.LEGAL_REVIEW)
    AgreementDocument.objects.filter(agreement=agreement).update(is_signed_copy=False)
    with pytest.raises(ValidationError, match="copia firmada"):
        services.move(agreement, S.SIGNATURE, staff_user)
