"""Property-based tests of the 5W spreadsheet route: whatever a partner uploads (random bytes, a
random zip, the template filled with any values at all), the answer is a list of errors by row
and column or a refusal, never a crash; and the report keeps all of the file or none of it."""

import datetime
import io
import math
import zipfile

import pytest
from django.db import transaction
from django.test import Client
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from puente.coordination.models import Report, ReportRow
from puente.coordination.selectors import vocabulary
from puente.coordination.spreadsheet import COLUMNS, Refused, read_upload
from puente.tests.world import client_for

from .factories import filled_template, partner, row
from .test_reports import start, upload

pytestmark = pytest.mark.django_db
SLOW = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow]

CELL = st.one_of(
    st.none(),
    st.text(max_size=60),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
    st.sampled_from(["Cúcuta", "cucuta", "CÚCUTA ", "Cucutá", "54001", "122", "Venezolana",
                     "=1+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)", "+57", "-0", "1,5", "1.5e3"]),
)  # fmt: skip


def check(parsed) -> None:  # noqa: ANN001
    headers = {c.header for c in COLUMNS}
    for error in parsed.errors:
        assert error.line >= 2 and error.message  # says where and what
        assert error.column in headers, error


def parse(data: bytes):  # noqa: ANN201
    try:
        parsed = read_upload(data, vocabulary())
    except Refused as refusal:
        assert str(refusal)  # a refusal says why
        return None
    check(parsed)
    return parsed


@settings(max_examples=200, deadline=None, suppress_health_check=SLOW)
@given(st.binary(max_size=4000))
def test_random_bytes_are_refused_with_a_reason(data: bytes) -> None:
    parse(data)


@settings(max_examples=100, deadline=None, suppress_health_check=SLOW)
@given(st.dictionaries(st.text(min_size=1, max_size=30), st.binary(max_size=500), max_size=6))
def test_a_random_zip_is_refused_with_a_reason(members: dict[str, bytes]) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name.replace("\x00", "_"), content)
    assert parse(buffer.getvalue()) is None or not members


@st.composite
def sheets(draw: st.DrawFn) -> list[dict]:
    """Rows of the template: mostly good values, any cell possibly replaced by anything."""
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        values = row()
        for column in COLUMNS:
            if draw(st.booleans()) and draw(st.booleans()):
                value = draw(CELL)
                if isinstance(value, float) and not math.isfinite(value):
                    value = str(value)  # openpyxl cannot write inf/nan cells
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("", value)  # nor control characters
                values[column.key] = value
        rows.append(values)
    return rows


@settings(max_examples=120, deadline=None, suppress_health_check=SLOW)
@given(sheets())
def test_any_values_in_the_template_give_errors_by_row_and_column(rows: list[dict]) -> None:
    parsed = parse(filled_template(rows))
    if parsed is None:
        event("refused whole")
        return
    assert len(parsed.rows) + len(parsed.lines_with_errors) == len(rows)
    event("clean" if not parsed.errors else "errors")


@settings(max_examples=40, deadline=None, suppress_health_check=SLOW)
@given(sheets(), st.booleans())
def test_an_upload_keeps_all_of_the_file_or_none_of_it(rows: list[dict], clean_only: bool) -> None:
    with transaction.atomic():
        _organisation, reporter = partner("Socio Azar", "r.azar")
        client: Client = client_for(reporter)
        report = start(client)
        earlier = filled_template([row(activity_name="Lo que ya estaba")])
        assert upload(client, report, earlier).status_code == 302
        data = filled_template(rows)
        response = upload(client, report, data, **({"clean_only": "on"} if clean_only else {}))
        assert response.status_code in (302, 400)  # never a 500
        names = sorted(
            ReportRow.objects.filter(report=report).values_list("activity_name", flat=True)
        )
        parsed = parse(data)
        if response.status_code == 400:
            assert names == ["Lo que ya estaba"]  # untouched
        else:
            assert parsed is not None
            assert names == sorted(r.activity_name for r in parsed.rows)
        assert Report.objects.count() == 1
        transaction.set_rollback(True)
