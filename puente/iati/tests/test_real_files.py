"""Real publishers' files (IATI 1.0x and 2.01) import without a crash, every activity counted."""

from pathlib import Path

import pytest

from puente.iati.models import ImportRun
from puente.iati.services import run_import
from puente.portfolio.models import Activity

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).resolve().parents[4] / "shared" / "data" / "iati"
REAL_FILES = sorted(SHARED.glob("*.xml")) if SHARED.is_dir() else []


@pytest.mark.skipif(not REAL_FILES, reason="the shared IATI files are not beside this checkout")
@pytest.mark.parametrize("path", REAL_FILES, ids=lambda p: p.name)
def test_a_real_file_imports_and_every_activity_is_accounted_for(path):
    run = run_import(ImportRun.objects.create(source=str(path)))
    assert run.status == "done", run.message
    assert run.read > 0
    assert run.read == run.created + run.updated + run.unchanged + run.filtered_out + run.skipped
    assert Activity.objects.count() == run.created
