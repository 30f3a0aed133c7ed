"""`puente iati pull`: activities from the IATI Datastore, tested against a local fake of it."""

import io
import json
import re
from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pytest
from django.core.management import call_command
from django.utils import timezone

from puente.iati import datastore
from puente.iati.models import ActivitySource, ImportRun
from puente.portfolio.models import Activity
from puente.tests.local_server import serving

pytestmark = pytest.mark.django_db


def activity_xml(identifier: str, title: str, country: str, updated: str) -> str:
    return (
        f'<iati-activity last-updated-datetime="{updated}" xml:lang="es" default-currency="USD">'
        f"<iati-identifier>{identifier}</iati-identifier>"
        '<reporting-org ref="XM-DAC-41122" type="40"><narrative>UNICEF</narrative></reporting-org>'
        f"<title><narrative>{title}</narrative></title>"
        '<participating-org role="4" ref="XM-DAC-41122"><narrative>UNICEF</narrative>'
        '</participating-org><activity-status code="2"/>'
        '<activity-date type="2" iso-date="2026-01-01"/>'
        f'<recipient-country code="{country}"/></iati-activity>'
    )


class FakeDatastore:
    """Answers /activity/select as the Datastore's Solr does: q, sort by id, cursorMark paging."""

    def __init__(self) -> None:
        self.docs: dict[str, dict] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.failing = False
        self.garbled = b""

    def publish(
        self,
        identifier: str,
        title: str,
        country: str = "CO",
        when: str = "2026-11-01T00:00:00Z",
        xml: str | None = None,
    ) -> None:  # noqa: E501
        self.docs[identifier] = {
            "iati_identifier": identifier,
            "iati_xml": xml if xml is not None else activity_xml(identifier, title, country, when),
            "dataset_iati_version": "2.03",
            "country": country,
            "updated": when,
        }

    def __call__(self, path: str) -> tuple[int, bytes]:
        if self.failing:
            return 503, b"Service Unavailable"
        if self.garbled:
            return 200, self.garbled
        url = urlparse(path)
        assert url.path == "/datastore/activity/select"
        params = {k: v[0] for k, v in parse_qs(url.query).items()}
        matching = sorted(
            (d for d in self.docs.values() if self._matches(d, params["q"])),
            key=lambda d: d["iati_identifier"],
        )
        start = 0 if params["cursorMark"] == "*" else int(params["cursorMark"])
        page = matching[start : start + int(params["rows"])]
        following = str(start + len(page)) if page else params["cursorMark"]
        fields = params["fl"].split(",")
        answer = {
            "response": {
                "numFound": len(matching),
                "docs": [{f: d[f] for f in fields} for d in page],
            },
            "nextCursorMark": following,
        }
        return 200, json.dumps(answer).encode()

    @staticmethod
    def _matches(doc: dict, q: str) -> bool:
        country = re.search(r"recipient_country_code:(\w+)", q)
        since = re.search(r"last_updated_datetime:\[(\S+) TO \*\]", q)
        return (not country or doc["country"] == country[1]) and (
            not since or doc["updated"] >= since[1]
        )


@pytest.fixture
def fake(settings):
    server = FakeDatastore()
    with serving(answer=server, seen=server.seen) as port:
        settings.PUENTE_IATI_DATASTORE_URL = f"http://127.0.0.1:{port}/datastore"
        settings.PUENTE_IATI_DATASTORE_KEY = "a-key"
        settings.PUENTE_FETCH_ALLOWED_HOSTS = ["127.0.0.1"]
        yield server


def pull(*args: str) -> str:
    out = io.StringIO()
    call_command("iati", "pull", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_a_country_is_pulled_page_by_page_and_waits_for_review(fake, monkeypatch):
    monkeypatch.setattr(datastore, "ROWS", 2)  # three pages for five activities
    for n in range(4):
        fake.publish(f"XM-DAC-41122-CO-{n}", f"Agua para la escuela {n}")
    fake.publish("XM-DAC-41122-PE-1", "Agua en Lima", country="PE")
    said = pull("--country", "co")
    assert "IATI Datastore: CO: everything" in said
    assert "4 created" in said
    assert set(Activity.objects.values_list("iati_identifier", flat=True)) == {
        f"XM-DAC-41122-CO-{n}" for n in range(4)
    }
    assert not Activity.objects.public().exists()  # imported activities wait for review
    source = ActivitySource.objects.get(activity__iati_identifier="XM-DAC-41122-CO-0")
    assert source.source.startswith("datastore:recipient_country_code:CO")
    # The subscription key goes with every request; the pages follow the cursor.
    assert all(headers.get("Ocp-Apim-Subscription-Key") == "a-key" for _, headers in fake.seen)
    assert len(fake.seen) == 3


def test_the_next_pull_asks_only_for_what_changed_since_the_last(fake):
    fake.publish("XM-DAC-41122-CO-1", "Agua para la escuela", when="2026-01-05T00:00:00Z")
    pull("--country", "CO")
    first = ImportRun.objects.get()
    fake.seen.clear()
    fake.publish(
        "XM-DAC-41122-CO-1",
        "Agua y saneamiento para la escuela",
        when=timezone.now().strftime("%Y-%m-%dT%H:%M:%SZ"),
    )  # noqa: E501
    said = pull("--country", "CO")
    since = (first.started_at - timedelta(days=7)).strftime("%Y-%m-%dT%H:%M:%SZ")
    q = parse_qs(urlparse(fake.seen[0][0]).query)["q"][0]
    assert q == (
        f"recipient_country_code:CO AND (last_updated_datetime:[{since} TO *] "
        "OR (*:* -last_updated_datetime:[* TO *]))"
    )
    assert "1 updated" in said
    assert Activity.objects.get().title_es == "Agua y saneamiento para la escuela"
    assert "everything" in pull("--country", "CO", "--full")


def test_an_activity_the_datastore_garbles_is_reported_and_the_others_land(fake):
    fake.publish("XM-DAC-41122-CO-1", "Agua para la escuela")
    fake.publish("XM-DAC-41122-CO-2", "", xml="<iati-activity><title>sin cerrar")
    pull("--country", "CO")
    run = ImportRun.objects.get()
    assert run.created == 1
    (problem,) = run.problems
    assert problem["identifier"] == "XM-DAC-41122-CO-2"
    assert "malformed" in problem["message"]


def test_a_datastore_that_fails_fails_the_run_and_says_why(fake):
    fake.failing = True
    with pytest.raises(Exception, match="503"):
        pull("--publisher", "XM-DAC-41122")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and "503" in run.message
    assert run.label == "IATI Datastore: XM-DAC-41122"
    assert not Activity.objects.exists()


def test_a_pull_must_say_of_what():
    with pytest.raises(Exception, match="--country CO, --publisher REF"):
        pull()


@pytest.mark.parametrize("answer", [b'{"response": []}', b"<html>maintenance</html>", b"[1, 2]"])
def test_an_answer_that_is_not_the_datastore_s_fails_the_run_with_the_page(fake, answer):
    fake.garbled = answer
    with pytest.raises(Exception, match="page 1"):
        pull("--country", "CO")
    run = ImportRun.objects.get()
    assert run.status == ImportRun.Status.FAILED and run.message.startswith("page 1:")


@pytest.mark.parametrize(
    "args", [("--publisher", 'X" OR *:* OR reporting_org_ref:"Y'), ("--country", "C*")]
)
def test_a_publisher_or_country_that_is_not_a_code_is_refused_before_any_request(fake, args):
    with pytest.raises(Exception, match="is not"):
        pull(*args)
    assert fake.seen == [] and not ImportRun.objects.exists()
