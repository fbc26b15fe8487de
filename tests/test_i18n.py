"""The tool speaks Arabic: every UI message is in the template and translated."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import polib

from conftest import ROOT


def test_every_message_in_the_code_is_in_the_template_and_translated():
    sys.path.insert(0, str(ROOT / "tools"))
    from extract_messages import extract

    template = {e.msgid for e in polib.pofile(str(ROOT / "locales" / "bilingual.pot"))}
    in_code = {msgid for msgid, _plural, _where in extract()}
    assert in_code - template == set(), "run python tools/extract_messages.py"
    catalog = polib.pofile(str(ROOT / "locales" / "ar" / "LC_MESSAGES" / "bilingual.po"))
    assert catalog.untranslated_entries() == [] and catalog.fuzzy_entries() == []
    assert {e.msgid for e in catalog if not e.obsolete} >= in_code
    placeholders = lambda s: sorted(p for p in __import__("re").findall(r"\{[^}]*\}", s))
    for entry in catalog:
        if entry.msgid_plural:
            # Arabic's six forms; zero, one and two may spell the number out, the others carry it.
            forms = [entry.msgstr_plural[i] for i in range(6)]
            assert all(set(placeholders(f)) <= set(placeholders(entry.msgid_plural)) for f in forms), entry.msgid
            assert all(placeholders(f) == placeholders(entry.msgid_plural) for f in forms[3:]), entry.msgid
            continue
        assert placeholders(entry.msgid) == placeholders(entry.msgstr), entry.msgid


def test_counts_are_said_with_arabic_plural_forms(tmp_path):
    from bilingual.i18n import translator

    arabic = translator("ar")
    said = [arabic.ngettext("{n} document", "{n} documents", n).format(n=n) for n in (0, 1, 2, 3, 11, 100)]
    assert said == ["لا مستندات", "مستند واحد", "مستندان", "3 مستندات", "11 مستندًا", "100 مستند"]


def test_help_in_arabic(tmp_path):
    env = dict(os.environ, LANGUAGE="ar", XDG_CACHE_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "bilingual", "--help"], capture_output=True, text=True, env=env)
    assert done.returncode == 0
    assert "الاستخدام:" in done.stdout and "ترجم مقالات" in done.stdout
    done = subprocess.run([sys.executable, "-m", "bilingual", "translate"], capture_output=True, text=True, env=env)
    assert done.returncode == 2 and "وسيط ناقص" in done.stderr
    env["LANGUAGE"] = "en"
    done = subprocess.run([sys.executable, "-m", "bilingual", "--help"], capture_output=True, text=True, env=env)
    assert "Usage:" in done.stdout


def test_a_bad_input_in_arabic_is_said_in_arabic(tmp_path):
    """LANGUAGE=ar on a bad input: the whole error line is Arabic but for the file's name."""
    env = dict(os.environ, LANGUAGE="ar", XDG_CACHE_HOME=str(tmp_path))
    bad = tmp_path / "names.csv"
    bad.write_text("english,arabic\nHaftar\n", encoding="utf-8")
    glossary = tmp_path / "glossary"
    done = subprocess.run([sys.executable, "-m", "bilingual", "glossary", "import", str(bad), "--glossary",
                           str(glossary)], capture_output=True, text=True, env=env, cwd=tmp_path)  # fmt: skip
    assert done.returncode == 4, done.stderr
    line = done.stderr.strip().replace(str(bad), "")
    assert len(done.stderr.strip().splitlines()) == 1
    latin = [w for w in re.findall(r"[A-Za-z]{3,}", line) if w not in ("bilingual", "CSV", "csv")]
    assert latin == [], line
