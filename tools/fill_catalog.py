"""Fill untranslated entries of a catalog from a Python dict file (msgid → translation).

    python tools/fill_catalog.py locales/ar/LC_MESSAGES/bilingual.po TRANSLATIONS.py

For translators who prefer writing a table; Poedit works as well. A plural message takes a list of
Arabic's six forms (zero, one, two, few, many, other). Existing translations
are kept unless the table gives another one.
"""

from __future__ import annotations

import runpy
import sys

import polib


def main() -> None:
    po_path, table_path = sys.argv[1], sys.argv[2]
    table = runpy.run_path(table_path)["AR"]
    po = polib.pofile(po_path, wrapwidth=0)
    filled = 0
    for entry in po:
        given = table.get(entry.msgid)
        if entry.msgid_plural and isinstance(given, (list, tuple)):  # Arabic's six plural forms, in order
            forms = dict(enumerate(given))
            if entry.msgstr_plural != forms:
                entry.msgstr_plural = forms
                if "fuzzy" in entry.flags:
                    entry.flags.remove("fuzzy")
                filled += 1
            continue
        if entry.msgid in table and entry.msgstr != table[entry.msgid]:
            entry.msgstr = table[entry.msgid]
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
            filled += 1
    if filled:
        import time

        po.metadata["PO-Revision-Date"] = time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime())
    po.metadata.setdefault("Last-Translator", "bilingual developers")
    po.metadata.setdefault("Language-Team", "Arabic")
    po.save(po_path)
    print(f"{po_path}: {filled} filled, {len(po.untranslated_entries())} untranslated left")


if __name__ == "__main__":
    main()
