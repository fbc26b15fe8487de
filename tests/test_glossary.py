"""The glossary store: loading, validation, safe editing, PO round trip."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest

from bilingual.errors import GlossaryError
from bilingual.names import edit as g
from bilingual.names import pofiles as po
from bilingual.names import rules
from bilingual.names.entry import Entry
from bilingual.names.glossary import Glossary
from bilingual.names.load import load_glossary

from conftest import ROOT

GLOSSARY = ROOT / "glossary"


def entry(english="Haftar", arabic="حفتر", kind="person", **kw):
    return Entry(english, arabic, kind, **kw)


def test_shipped_glossary_is_clean():
    gl = load_glossary(GLOSSARY)
    assert len(gl) >= 70
    assert rules.check_entries(gl.entries) == []
    assert gl.get("haftar").arabic == "حفتر"
    assert gl.get("Al Sisi").arabic == "السيسي"
    assert gl.fingerprint.startswith("sha256:")


@pytest.mark.parametrize(
    "bad, message",
    [
        (entry(arabic=""), "empty Arabic side"),
        (entry(english=" Haftar"), "leading or trailing whitespace"),
        (entry(arabic="حفتر\x07"), "control character"),
        (entry(arabic="\u200fحفتر"), "a direction (bidi) control, U+200F"),
        (entry(arabic="Haftar"), "Latin letters"),
        (entry(arabic="123"), "no Arabic letters"),
        (entry(kind="animal"), "unknown kind"),
        (entry(english="H" * 201), "over 200 characters"),
        (entry(forbidden=("حفتر",)), "is the entry's own spelling"),
    ],
)
def test_entry_rules(bad, message):
    assert any(message in f.message for f in rules.check_entries([bad]))


def test_same_arabic_variants_are_one_name_and_a_different_arabic_is_a_conflict():
    found = rules.check_entries([entry(), entry(english="HAFTAR")])
    assert [f.severity for f in found] == ["warning"] and "same Arabic (loaded as one)" in found[0].message
    found = rules.check_entries([entry("Al-Ali", "العلي"), entry("Al Ali", "العلي")])
    assert [f.severity for f in found] == ["warning"]
    found = rules.check_entries([entry(), entry(english="haftar", arabic="هفتر")])
    assert found[0].severity == "error" and "conflicts" in found[0].message


def test_a_spreadsheet_with_case_and_hyphen_variants_translates(tmp_path):
    """TRIPOLI/Tripoli and Al Ali/Al-Ali with one Arabic used to stop translate; they load as one name."""
    path = tmp_path / "sheet.po"
    path.write_text(
        'msgctxt "place"\nmsgid "Tripoli"\nmsgstr "طرابلس"\n\nmsgctxt "place"\nmsgid "TRIPOLI"\n'
        'msgstr "طرابلس"\n\nmsgctxt "person"\nmsgid "Al Ali"\nmsgstr "العلي"\n\n'
        'msgctxt "person"\nmsgid "Al-Ali"\nmsgstr "العلي"\n',
        encoding="utf-8",
    )
    gl = load_glossary(path)
    assert [s.entry.arabic for s in gl.find("Al-Ali left TRIPOLI for Tripoli.")] == ["العلي", "طرابلس", "طرابلس"]


def test_variants_that_disagree_warn():
    found = rules.check_entries([entry("Khalifa Haftar", "خليفة حفتر"), entry("Haftar", "هفتر")])
    assert [f.severity for f in found] == ["warning"] and "variants disagree" in found[0].message
    found = rules.check_entries([entry("Al-Musiri", "المسيري"), entry("Al-Mussiri", "المصيري", variant_of="Al-Musiri")])
    assert any("variants disagree" in f.message for f in found)
    assert rules.check_entries([entry("Khalifa Haftar", "خليفة حفتر"), entry("Haftar", "حفتر")]) == []


def test_no_translate_keeps_latin_in_isolates():
    e = entry("Al-Ahram Weekly", "Al-Ahram Weekly", "other", no_translate=True)
    assert rules.check_entries([e]) == []
    assert e.rendering == "\u2066Al-Ahram Weekly\u2069"


def test_malformed_po_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.po"
    bad.write_text('msgid ""\nmsgstr ""\n\nmsgctxt "person"\nmsgid "Haftar"\nmsgstr "حفتر\n', encoding="utf-8")
    with pytest.raises(GlossaryError) as info:
        load_glossary(bad)
    assert str(bad) in str(info.value) and ":" in str(info.value) and "malformed PO" in str(info.value)
    assert info.value.line is not None


def test_conflict_across_files_fails_loading(tmp_path):
    folder = tmp_path / "gl"
    folder.mkdir()
    for name, arabic in (("a.po", "حفتر"), ("b.po", "هفتر")):  # as two editors' files arrive, unchecked
        (folder / name).write_text(f'msgctxt "person"\nmsgid "Haftar"\nmsgstr "{arabic}"\n', encoding="utf-8")
    with pytest.raises(GlossaryError, match="conflicts"):
        load_glossary(folder)


def _fields(entries):
    return [
        (e.english, e.arabic, e.kind, e.notes, e.forbidden, e.variant_of, e.sources, e.fuzzy, e.no_translate, e.line)
        for e in entries
    ]


def test_both_fast_readers_agree_with_polib():
    """Each fast reader must really read our files (not hand them on to polib) and agree with polib."""
    for path in sorted(GLOSSARY.glob("*.po")):
        text = po.read_po_text(path)
        by_polib = _fields(po._entries_with_polib(path, text))
        whole = po._whole_file_entries(path, text)
        blocks = po._fast_entries(path, text)
        assert whole is not None and blocks is not None, path
        assert _fields(whole) == by_polib and _fields(blocks) == by_polib


def test_fast_block_reader_handles_what_the_whole_file_pass_does_not(tmp_path):
    path = tmp_path / "wrapped.po"
    path.write_text(
        'msgid ""\nmsgstr ""\n"Language: ar\\n"\n\n# a note\n#, fuzzy\nmsgctxt "person"\n'
        'msgid ""\n"Omar "\n"Al-Mukhtar"\nmsgstr "عمر المختار"\n',
        encoding="utf-8",
    )
    text = po.read_po_text(path)
    assert po._whole_file_entries(path, text) is None
    blocks = po._fast_entries(path, text)
    assert blocks is not None and _fields(blocks) == _fields(po._entries_with_polib(path, text))
    assert blocks[0].english == "Omar Al-Mukhtar" and blocks[0].fuzzy and blocks[0].notes == "a note"


def test_edit_round_trips_through_polib_keeping_comments_and_order(tmp_path):
    path = tmp_path / "people.po"
    shutil.copy(GLOSSARY / "people.po", path)
    before = polib.pofile(str(path))
    with g.edit_glossary(path) as f:
        old = next(e for e in f.entries() if e.english == "Haftar")
        f.upsert(g.set_arabic(old, "حفتر"))  # same spelling: nothing should change
    assert path.read_text(encoding="utf-8") == (GLOSSARY / "people.po").read_text(encoding="utf-8")
    with g.edit_glossary(path) as f:
        f.upsert(entry("Zaid Test", "زيد تست", notes="new one"))
    after = polib.pofile(str(path))
    assert [e.msgid for e in after][:-1] == [e.msgid for e in before]
    assert [e.tcomment for e in after][:-1] == [e.tcomment for e in before]
    assert after[-1].tcomment == "new one" and after[-1].msgctxt == "person"


def test_invalid_edit_writes_nothing(tmp_path):
    path = tmp_path / "people.po"
    shutil.copy(GLOSSARY / "people.po", path)
    original = path.read_bytes()
    with pytest.raises(GlossaryError, match="nothing was written"), g.edit_glossary(path) as f:
        f.upsert(entry("Someone", "Latin"))
    assert path.read_bytes() == original


def test_fuzzy_entries_are_not_enforced():
    gl = Glossary([entry(), entry("Derna", "درنة", "place", fuzzy=True)])
    assert [s.entry.english for s in gl.find("Haftar reached Derna.")] == ["Haftar"]


def test_fingerprint_follows_the_spellings():
    a = Glossary([entry()]).fingerprint
    assert a == Glossary([entry()]).fingerprint
    assert a != Glossary([entry(arabic="هفتر")]).fingerprint


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext's msgfmt is installed by .ci/run")
def test_po_files_pass_msgfmt_check(tmp_path):
    """msgfmt --check is what Poedit runs on save: our files and our edits must pass it."""
    path = tmp_path / "people.po"
    shutil.copy(GLOSSARY / "people.po", path)
    with g.edit_glossary(path) as f:
        f.upsert(entry("Zaid Test", "زيد تست", notes="line one\nline two", forbidden=("زيد",)))
    files = [*GLOSSARY.glob("*.po"), path, ROOT / "locales" / "ar" / "LC_MESSAGES" / "bilingual.po"]
    for po_file in files:
        done = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(po_file)], capture_output=True, text=True)
        assert done.returncode == 0 and "warning" not in done.stderr, (po_file, done.stderr)


def test_cached_findings_follow_the_message_language(tmp_path):
    """An Arabic run must not make a later English run print Arabic (the cache key holds the language)."""
    import os
    import subprocess
    import sys

    bad = tmp_path / "g.po"
    bad.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "place"\nmsgid "Derna"\nmsgstr "Derna"\n',
        encoding="utf-8",
    )
    seen = {}
    for lang in ("ar", "en"):
        env = dict(
            os.environ, LANGUAGE=lang, XDG_CACHE_HOME=str(tmp_path / "cache"), XDG_DATA_HOME=str(tmp_path / "data")
        )
        done = subprocess.run(
            [sys.executable, "-m", "bilingual", "check", str(tmp_path / "x.xml"), "--glossary", str(bad)],
            capture_output=True,
            text=True,
            env=env,
        )
        assert done.returncode == 4
        seen[lang] = done.stderr
    assert "الجانب العربي" in seen["ar"]
    assert "Arabic side holds Latin letters" in seen["en"] and "الجانب العربي" not in seen["en"]


def test_a_tampered_cache_file_is_ignored(tmp_path, monkeypatch):
    """Whoever can write the cache folder cannot plant entries (or code): unsigned files are not read."""
    import marshal

    from bilingual.names import cache

    monkeypatch.setattr(cache, "cache_dir", lambda: tmp_path / "cache")
    path = tmp_path / "g"
    shutil.copytree(GLOSSARY, path)
    first = load_glossary(path)
    [entries_file] = (tmp_path / "cache").glob("*.entries")
    rows, findings = marshal.loads(entries_file.read_bytes()[32:])
    forged = [tuple(["Derna", "مزورة", *row[2:]]) if row[0] == "Derna" else row for row in rows]
    entries_file.write_bytes(b"\0" * 32 + marshal.dumps((forged, findings)))
    for automaton in (tmp_path / "cache").glob("*.automaton"):
        automaton.write_bytes(b"\0" * 32 + b"cos\nsystem\n(S'touch " + str(tmp_path / "pwned").encode() + b"'\ntR.")
    again = load_glossary(path)
    assert again.get("Derna").arabic == first.get("Derna").arabic == "درنة"
    assert again.find("Derna waits.")[0].entry.arabic == "درنة"
    assert not (tmp_path / "pwned").exists()


def test_an_in_memory_glossary_touches_no_file(monkeypatch):
    from bilingual.names import cache

    monkeypatch.setattr(cache, "read", lambda *a, **k: pytest.fail("Glossary.find read the cache"))
    monkeypatch.setattr(cache, "write", lambda *a, **k: pytest.fail("Glossary.find wrote the cache"))
    gl = Glossary([Entry("Derna", "درنة", "place")])
    assert [s.entry.arabic for s in gl.find("Derna waits for Derna.")] == ["درنة", "درنة"]


def test_default_kind_is_the_same_everywhere(tmp_path):
    """The entry model and every reader agree: a name of no stated kind is 'other'."""
    from bilingual.formats import Role, get

    assert Entry("Derna", "درنة").kind == "other"
    (tmp_path / "g.po").write_text('msgid "Derna"\nmsgstr "درنة"\n', encoding="utf-8")
    assert po.entries_from_po(tmp_path / "g.po")[0].kind == "other"
    assert get("csv", Role.TERMS).parse_terms("Derna,درنة\n".encode(), path="x.csv")[0].entry.kind == "other"
