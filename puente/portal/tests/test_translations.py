"""Spanish is complete: every message in the catalogue is translated and compiled."""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_every_spanish_message_is_translated_and_none_is_fuzzy():
    po = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    assert po.untranslated_entries() == []
    assert po.fuzzy_entries() == []
    plurals = int(po.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    for entry in po:
        if entry.msgid_plural:
            assert len([f for f in entry.msgstr_plural.values() if f]) == plurals, entry.msgid


def test_the_compiled_catalogue_matches_the_source():
    po = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    mo = polib.mofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.mo"))
    compiled = {(e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in mo}
    for entry in po.translated_entries():
        assert compiled.get((entry.msgctxt, entry.msgid)) == (entry.msgstr, entry.msgstr_plural), (
            f"django.mo is out of date for {entry.msgid!r}: run `puente compilemessages`"
        )


def test_no_string_in_the_code_or_templates_is_missing_from_the_catalogue(tmp_path, settings):
    """makemessages over a copy of the package: a new string without a translation fails here."""
    import contextlib
    import shutil

    from django.core.management import call_command

    package = LOCALE.parent
    copy = tmp_path / "puente"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo", "static"))
    settings.LOCALE_PATHS = [copy / "locale"]  # makemessages must write into the copy only
    with contextlib.chdir(tmp_path):
        call_command("makemessages", locale=["es"], no_obsolete=True, verbosity=0)
    po = polib.pofile(str(copy / "locale" / "es" / "LC_MESSAGES" / "django.po"))
    missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
    assert missing == [], f"run `puente makemessages -l es -l en` and translate: {missing}"


def test_djangos_blank_choice_reads_in_spanish_on_a_spanish_page(staff_client):
    """Django 6.1's "- Select an option -" has no Spanish in Django's catalogue; ours has it."""
    from django.urls import reverse

    page = staff_client.get(reverse("portfolio:create")).content.decode()
    assert "- Seleccione una opción -" in page and "Select an option" not in page
