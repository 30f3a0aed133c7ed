"""Property-based tests: whatever bytes arrive, the reader answers with activities, skipped
activities or a FileRefused, never another error; and an import of them writes whole activities
or nothing, never a half."""

import io
import random
from pathlib import Path

import pytest
from django.db import transaction
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from lxml import etree

from puente.iati.data import Activity
from puente.iati.models import ActivitySource, ImportRun
from puente.iati.reader import FileRefused, Skipped, read_activities
from puente.iati.services import run_import
from puente.portfolio.models import Activity as PortfolioActivity
from puente.portfolio.models import Budget, Location, Participation, Transaction

SEED = (Path(__file__).parent / "files" / "cucuta-2.03.xml").read_bytes()
SEED_TREE = etree.fromstring(SEED)
ELEMENTS = sorted({e.tag for e in SEED_TREE.iter() if isinstance(e.tag, str)})
NASTY_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "-1", "1e309", "NaN", "9" * 40, "2026-02-30", "0000-00-00",
                     "12.345,67", "<![CDATA[x]]>", "&amp;", "\u202e", "\x00", "ñ" * 500]),
)  # fmt: skip


def read_all(data: bytes) -> list[Activity | Skipped]:
    try:
        return list(read_activities(io.BytesIO(data)))
    except FileRefused:
        return []


@st.composite
def mutated_files(draw: st.DrawFn) -> bytes:
    """The real test file with its elements' texts and attributes changed, elements dropped,
    duplicated or moved: every shape a careless publisher could produce."""
    tree = etree.fromstring(SEED)
    elements = [e for e in tree.iter() if isinstance(e.tag, str) and e is not tree]
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 12))):
        target = rng.choice(elements)
        action = draw(st.sampled_from(["text", "attribute", "drop", "twin", "move", "rename"]))
        if action == "text":
            target.text = _printable(draw(NASTY_TEXT))
        elif action == "attribute":
            name = draw(st.sampled_from(["code", "ref", "type", "iso-date", "value-date", "currency",
                                         "vocabulary", "percentage", "role", "level", "{http://www.w3.org/XML/1998/namespace}lang"]))  # fmt: skip
            target.set(name, _printable(draw(NASTY_TEXT)))
        elif action == "drop" and target.getparent() is not None:
            target.getparent().remove(target)
        elif action == "twin" and target.getparent() is not None:
            target.addnext(etree.fromstring(etree.tostring(target)))
        elif action == "move" and target.getparent() is not None:
            destination = rng.choice(elements)
            if destination is not target and target not in destination.iterancestors():
                destination.append(target)
        elif action == "rename":
            target.tag = draw(st.sampled_from(ELEMENTS))
    return etree.tostring(tree, xml_declaration=True, encoding="utf-8")


def _printable(text: str) -> str:
    # lxml refuses control characters outright (that path is the byte-level test's).
    return "".join(
        ch for ch in text if ch in "\t\n\r" or ord(ch) >= 32 and ch not in "\ufffe\uffff"
    )


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_random_bytes_are_refused_or_read_never_an_error(data: bytes) -> None:
    read_all(data)


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_a_real_file_cut_or_spliced_anywhere_never_breaks_the_reader(data: st.DataObject) -> None:
    cut = data.draw(st.integers(0, len(SEED)))
    splice = data.draw(st.binary(max_size=40))
    read_all(SEED[:cut] + splice + SEED[cut + data.draw(st.integers(0, 200)) :])


@settings(max_examples=300, deadline=None)
@given(mutated_files())
def test_mutated_activities_are_read_or_skipped_with_a_reason(data: bytes) -> None:
    for item in read_all(data):
        if isinstance(item, Skipped):
            assert item.message and item.element  # says what and where
        else:
            assert item.identifier


PARTS = (Participation, Location, Budget, Transaction)


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(mutated_files())
def test_importing_a_mutated_file_writes_whole_activities_or_nothing(tmp_path, data: bytes) -> None:
    path = tmp_path / "mutated.xml"
    path.write_bytes(data)
    with transaction.atomic():  # each example undone afterwards
        run = run_import(ImportRun.objects.create(source=str(path)))
        assert run.status in ("done", "failed")
        landed = ActivitySource.objects.count()
        assert landed == run.created == PortfolioActivity.objects.count()
        event(f"{run.status}, {landed} landed, {run.skipped} skipped")
        readable = [a for a in read_all(data) if isinstance(a, Activity)]
        if run.status == "done":
            assert run.read == len(read_all(data))
            # Every part of every activity that landed is there: none half-written.
            for activity in PortfolioActivity.objects.all():
                source = next(a for a in readable if a.identifier == activity.iati_identifier)
                assert activity.locations.count() == len(source.places)
                assert activity.budgets.count() == len(source.budgets)
                assert activity.transactions.count() == len(source.transactions)
        for model in PARTS:  # no orphan row outside the activities that landed
            assert not model.objects.exclude(activity__in=PortfolioActivity.objects.all()).exists()
        transaction.set_rollback(True)
