"""`puente iati validate` judges files as the IATI Validator does: each by its own version's
schema (the IATI standard's own pass/fail files prove it), the codelists, and the ruleset."""

import hashlib
import os
import re
import tarfile
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from puente.iati.validator import errors, validate

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "iati"
# The IATI standard's single-source-of-truth test files ship in the pyIATI sdist on PyPI.
PYIATI = "https://pypi.org/simple/pyiati/"
PYIATI_SHA256 = "b6f8f0d596746bd774ed3e84cdad50dfa7dd501ac70e6399f2bb0244bfd5b0ef"
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "puente-tests"


def ssot_folders() -> Path | None:
    """The SSOT folders, fetched once into a cache; None where PyPI cannot be reached."""
    target = CACHE / "pyIATI-0.4.1-test-data"
    if target.exists():
        return target
    try:
        index = urllib.request.urlopen(PYIATI, timeout=30).read().decode()  # noqa: S310
        url = re.search(r'href="([^"]*pyIATI-0\.4\.1\.tar\.gz)[^"]*"', index).group(1)  # type: ignore[union-attr]
        body = urllib.request.urlopen(url, timeout=60).read()  # noqa: S310
    except (OSError, AttributeError):
        return None
    assert hashlib.sha256(body).hexdigest() == PYIATI_SHA256, "pyIATI sdist changed"
    CACHE.mkdir(parents=True, exist_ok=True)
    archive = CACHE / "pyIATI-0.4.1.tar.gz"
    archive.write_bytes(body)
    partial = target.with_suffix(".partial")
    with tarfile.open(archive) as sdist:
        members = [m for m in sdist.getmembers() if "/test_data/" in m.name and "/ssot-" in m.name]
        sdist.extractall(partial, members=members, filter="data")
    (partial / "pyIATI-0.4.1" / "iati" / "resources" / "test_data").rename(target)
    return target


def test_the_iati_standards_own_files_are_judged_as_its_schemas_judge_them():
    folders = ssot_folders()
    if folders is None:
        pytest.skip("PyPI cannot be reached to fetch the pyIATI sdist")
    wrong, judged = [], 0
    for folder in sorted(folders.glob("*/ssot-*")):
        version = folder.parent.name.replace("-", ".")
        for path in sorted(folder.glob("*.xml")):
            schema = [p for p in validate(path, version) if p.rule.startswith(("schema", "xml"))]
            judged += 1
            if (not schema) != folder.name.endswith("-pass"):
                wrong.append(f"{folder.parent.name}/{folder.name}/{path.name}: {schema[:1]}")
    assert judged > 500 and wrong == []


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ACTIVITY = """<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="{version}" generated-datetime="2026-01-01T00:00:00Z">
 <iati-activity xml:lang="es" default-currency="COP" last-updated-datetime="2026-01-01T00:00:00Z">
  <iati-identifier>CO-DEMO-54-0001</iati-identifier>
  <reporting-org ref="CO-DEMO-54" type="11"><narrative>Gobernación</narrative></reporting-org>
  <title><narrative>Agua en Tibú</narrative></title>
  <description><narrative>Acueducto veredal.</narrative></description>
  <participating-org role="1" type="11" ref="CO-DEMO-54"><narrative>Gobernación</narrative></participating-org>
  <activity-status code="2"/>
  <activity-date type="1" iso-date="{start}"/>
  <activity-date type="3" iso-date="2026-12-31"/>
  <recipient-country code="CO"/>
  <sector code="14030" percentage="{first}"/>
  <sector code="14031" percentage="50"/>
 </iati-activity>
</iati-activities>
"""


def test_a_2_01_file_is_judged_by_the_2_01_schema():
    if not (SHARED / "2.01-example-annotated.xml").exists():
        pytest.skip("../shared/ is not here")
    problems = validate(SHARED / "2.01-example-annotated.xml")
    assert [p for p in problems if p.rule.startswith("schema")] == []


def test_an_element_new_in_2_03_is_refused_in_a_2_01_file(tmp_path):
    text = ACTIVITY.format(version="{v}", start="2026-01-01", first=50).replace(
        '<sector code="14031" percentage="50"/>',
        '<sector code="14031" percentage="50"/><tag vocabulary="1" code="A1"/>',
    )
    newer = write(tmp_path / "new.xml", text.replace("{v}", "2.03"))
    older = write(tmp_path / "old.xml", text.replace("{v}", "2.01"))
    assert not [p for p in validate(newer) if p.rule.startswith("schema")]
    assert [p.rule for p in validate(older) if p.rule.startswith("schema")] == ["schema 2.01"]


def test_a_start_after_the_end_and_sectors_over_100_percent_are_errors(tmp_path, capsys):
    path = write(
        tmp_path / "bad.xml", ACTIVITY.format(version="2.03", start="2027-06-01", first=100)
    )
    found = {p.rule for p in errors(validate(path))}
    assert {"11.1.2", "2.1.2"} <= found
    with pytest.raises(SystemExit) as exit_code:
        call_command("iati", "validate", str(path))
    assert exit_code.value.code == 1
    out = capsys.readouterr().out
    assert re.search(r"line 3: error \(11\.1\.2\): The planned start date", out)


def test_folders_are_walked_to_the_bottom_and_warnings_are_counted(tmp_path, capsys):
    good = ACTIVITY.format(version="2.03", start="2026-01-01", first=50)
    write(tmp_path / "a" / "b" / "deep.xml", good)
    # An identifier not starting with the reporting organisation's: a warning, not an error.
    write(tmp_path / "warned.xml", good.replace("CO-DEMO-54-0001", "OTRO-0001"))
    call_command("iati", "validate", str(tmp_path))
    out = capsys.readouterr().out.splitlines()
    assert f"{tmp_path / 'a' / 'b' / 'deep.xml'}: valid" in out
    assert f"{tmp_path / 'warned.xml'}: valid, 1 warning" in out


def test_a_file_that_is_not_iati_says_so(tmp_path):
    path = write(tmp_path / "codes.xml", "<codelist name='Sector'/>")
    [problem] = validate(path)
    assert "not an IATI file" in problem.message


def test_an_unknown_version_is_an_error_and_checked_as_the_latest(tmp_path):
    path = write(tmp_path / "v.xml", ACTIVITY.format(version="2.09", start="2026-01-01", first=50))
    assert [p.message for p in errors(validate(path))] == [
        "IATI has no version “2.09”; the file was checked against 2.03"
    ]


def test_bytes_outside_the_declared_encoding_are_a_problem_not_a_crash(tmp_path):
    path = tmp_path / "latin.xml"
    path.write_bytes(
        b'<?xml version="1.0" encoding="UTF-8"?><iati-activities>\xff\xfe</iati-activities>'
    )
    [problem] = validate(path)
    assert problem.rule == "xml" and problem.severity == "error"
