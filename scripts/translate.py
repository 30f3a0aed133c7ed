"""Fills a .po file from a dictionary of translations (used to maintain puente/locale)."""

import runpy
import sys

import polib

po_path, table_path = sys.argv[1], sys.argv[2]
table = runpy.run_path(table_path)
po = polib.pofile(po_path)
missing = []
for entry in po:
    if entry.msgid_plural:
        forms = table["PLURALS"].get(entry.msgid)
        if forms:
            entry.msgstr_plural = {0: forms[0], 1: forms[1]}
        elif not all(entry.msgstr_plural.values()):
            missing.append(entry.msgid)
    elif entry.msgid in table["ES"]:
        entry.msgstr = table["ES"][entry.msgid]
    elif not entry.msgstr:
        missing.append(entry.msgid)
    if "fuzzy" in entry.flags and (entry.msgstr or entry.msgid_plural):
        entry.flags.remove("fuzzy")
po.save()
print("\n".join(f"untranslated: {m!r}" for m in missing) or "complete")
