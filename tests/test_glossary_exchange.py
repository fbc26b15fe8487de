"""Glossary import merges and export serves every tool: nothing an editor recorded is dropped."""

from __future__ import annotations

import shutil

from bilingual.names.load import load_glossary

from conftest import ROOT, assert_one_line_error

GLOSSARY = ROOT / "glossary"


def _glossary(tmp_path):
    path = tmp_path / "glossary"
    shutil.copytree(GLOSSARY, path)
    return path


def test_a_two_column_sheet_keeps_kind_notes_forbidden_and_sources(run_cli, tmp_path):
    gl = _glossary(tmp_path)
    before = load_glossary(gl).get("Haftar")
    assert before.forbidden and before.sources and before.kind == "person"
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Haftar,خليفة حفتر\nDerna,درنة\nGharyan,غريان\n", encoding="utf-8")
    result = run_cli("glossary", "import", sheet, "--glossary", gl)
    assert result.exit_code == 0, result.stderr
    assert "changed: Haftar (arabic)" in result.stdout and "added: Gharyan" in result.stdout
    assert "1 added, 1 changed, 1 unchanged" in result.stderr
    after = load_glossary(gl).get("Haftar")
    assert after.arabic == "خليفة حفتر"
    assert (after.kind, after.notes, after.forbidden, after.sources) == (
        before.kind,
        before.notes,
        before.forbidden,
        before.sources,
    )


def test_dry_run_writes_nothing(run_cli, tmp_path):
    gl = _glossary(tmp_path)
    snapshot = {p.name: p.read_bytes() for p in gl.iterdir()}
    sheet = tmp_path / "sheet.tsv"
    sheet.write_text("english\tarabic\tkind\nHaftar\tخليفة حفتر\tperson\nGharyan\tغريان\tplace\n", encoding="utf-8")
    result = run_cli("glossary", "import", sheet, "--glossary", gl, "--dry-run")
    assert result.exit_code == 0 and "changed: Haftar (arabic)" in result.stdout and "dry run" in result.stderr
    assert {p.name: p.read_bytes() for p in gl.iterdir()} == snapshot


def test_omegat_and_translate_toolkit_layouts_are_read(run_cli, tmp_path):
    gl = _glossary(tmp_path)
    omegat = tmp_path / "glossary.utf8"
    omegat.write_text("Gharyan\tغريان\ttown south of Tripoli\nHaftar\tحفتر\n", encoding="utf-8")
    assert run_cli("glossary", "import", omegat, "--glossary", gl).exit_code == 0
    got = load_glossary(gl, validate=False)
    assert got.get("Gharyan").notes == "town south of Tripoli" and got.get("Gharyan").kind == "other"
    assert got.get("Haftar").forbidden  # a note-less OmegaT line does not wipe the entry's other fields
    tt = tmp_path / "tt.csv"
    tt.write_text(
        '"location","source","target","id","fuzzy","context","translator_comments","developer_comments"\n'
        '"","Zliten","زليتن","","False","","coastal town",""\n',
        encoding="utf-8",
    )
    result = run_cli("glossary", "import", tt, "--glossary", gl)
    assert result.exit_code == 0, result.stderr
    assert load_glossary(gl, validate=False).get("Zliten").notes == "coastal town"


def test_our_own_formats_round_trip_notes_and_sources(run_cli, tmp_path):
    gl = _glossary(tmp_path)
    entries = {e.key: e for e in load_glossary(gl).entries}
    with_sources = [e for e in entries.values() if e.sources]
    assert with_sources
    for fmt, name in (("csv", "g.csv"), ("tsv", "g.tsv"), ("tbx", "g.tbx"), ("tbx-basic", "g2008.tbx")):
        out = tmp_path / name
        assert run_cli("glossary", "export", out, "--to", fmt, "--glossary", gl).exit_code == 0
        fresh = tmp_path / f"fresh-{fmt}"
        result = run_cli("glossary", "import", out, "--glossary", fresh / "all.po")
        assert result.exit_code == 0, (fmt, result.stderr)
        back = {e.key: e for e in load_glossary(fresh / "all.po", validate=False).entries}
        for key, e in entries.items():
            b = back[key]
            assert (b.arabic, b.kind, b.notes, b.forbidden, b.sources, b.fuzzy, b.no_translate, b.variant_of) == (
                e.arabic,
                e.kind,
                e.notes,
                e.forbidden,
                e.sources,
                e.fuzzy,
                e.no_translate,
                e.variant_of,
            ), (fmt, key)


def test_csv_export_starts_with_a_bom_and_tbx_basic_is_valid(run_cli, tmp_path):
    from lxml import etree

    from conftest import SCHEMAS, needs_schemas  # noqa: F401

    out = tmp_path / "g.csv"
    assert run_cli("glossary", "export", out, "--glossary", GLOSSARY).exit_code == 0
    assert out.read_bytes().startswith("\ufeff".encode())
    tbx = tmp_path / "g.tbx"
    assert run_cli("glossary", "export", tbx, "--to", "tbx-basic", "--glossary", GLOSSARY).exit_code == 0
    if (SCHEMAS / "TBXcoreStructV02.dtd").exists():
        etree.DTD(str(SCHEMAS / "TBXcoreStructV02.dtd")).assertValid(etree.parse(str(tbx)))


def test_two_concurrent_adds_of_one_name_cannot_both_succeed(tmp_path):
    """The check (is the name there?) and the write happen under one lock over the whole glossary."""
    import os
    import subprocess
    import sys

    gl = tmp_path / "glossary"
    env = dict(os.environ)
    outcomes = []
    for round_ in range(3):
        name = f"Round{round_} Name"
        procs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "bilingual",
                    "glossary",
                    "add",
                    name,
                    arabic,
                    "--kind",
                    kind,
                    "--glossary",
                    str(gl),
                ],
                stderr=subprocess.PIPE,
                env=env,
            )
            for arabic, kind in (("اسم أول", "person"), ("اسم ثان", "place"))
        ]
        codes = [p.wait(60) for p in procs]
        outcomes.append(sorted(codes))
        entries = [e for e in load_glossary(gl, validate=False).entries if e.english == name]
        assert len(entries) == 1, entries
    assert all(codes == [0, 4] for codes in outcomes), outcomes
    load_glossary(gl)  # and the glossary still loads (no cross-file duplicate)


def test_sheets_as_newsrooms_head_them_are_read(run_cli, tmp_path):
    """A TSV headed english_variant, arabic, category, notes was refused."""
    from bilingual.names.load import load_glossary

    sheet = tmp_path / "names.tsv"
    sheet.write_text(
        "English Variant\tArabic\tCategory\tNotes\nHaftar\tحفتر\tPerson\tcommander\n"
        "Derna\tدرنة\tLocation\t\nHouse of Representatives\tمجلس النواب\tOrganization\t\n",
        encoding="utf-8",
    )
    result = run_cli("glossary", "import", sheet, "--glossary", tmp_path / "g")
    assert result.exit_code == 0, result.stderr
    got = {e.english: (e.arabic, e.kind, e.notes) for e in load_glossary(tmp_path / "g").entries}
    assert got == {
        "Haftar": ("حفتر", "person", "commander"),
        "Derna": ("درنة", "place", ""),
        "House of Representatives": ("مجلس النواب", "org", ""),
    }


def test_two_columns_for_one_field_are_refused_naming_both(run_cli, tmp_path):
    sheet = tmp_path / "names.csv"
    sheet.write_text("english,arabic,target\nHaftar,حفتر,خليفة\n", encoding="utf-8")
    err = assert_one_line_error(run_cli("glossary", "import", sheet, "--glossary", tmp_path / "g"), 4)
    assert "'arabic' and 'target'" in err and not (tmp_path / "g").exists()


def test_our_csv_without_some_columns_keeps_the_fields_it_lacks(run_cli, tmp_path):
    """Our own CSV re-imported without its no_translate column was refused (the Latin-kept name became an
    error) though the README promises fields a file lacks are kept."""
    from bilingual.names.load import load_glossary

    gl = tmp_path / "g"
    assert run_cli("glossary", "add", "Reuters", "", "--kind", "org", "--no-translate", "--glossary", gl).exit_code == 0
    sheet = tmp_path / "out.csv"
    assert run_cli("glossary", "export", sheet, "--glossary", gl).exit_code == 0
    rows = sheet.read_text(encoding="utf-8-sig").splitlines()
    cut = [",".join(row.split(",")[:4]) for row in rows]  # english, arabic, kind, notes only
    sheet.write_text("\n".join(cut) + "\n", encoding="utf-8")
    assert run_cli("glossary", "import", sheet, "--glossary", gl).exit_code == 0
    (entry,) = load_glossary(gl).entries
    assert entry.no_translate and entry.arabic == "Reuters"


def test_a_dry_run_says_exactly_what_the_run_then_does(run_cli, tmp_path):
    """--dry-run said '2 added' where the real run did 1 added + 1 changed (a name twice in the file)."""
    sheet = tmp_path / "names.csv"
    sheet.write_text("english,arabic,kind,notes\nHaftar,حفتر,person,\nHaftar,حفتر,person,checked\n", encoding="utf-8")
    dry = run_cli("glossary", "import", sheet, "--glossary", tmp_path / "g", "--dry-run")
    real = run_cli("glossary", "import", sheet, "--glossary", tmp_path / "g")
    assert dry.exit_code == real.exit_code == 0
    assert dry.stdout == real.stdout
    assert dry.stderr.replace(" (dry run: nothing was written)", "") == real.stderr
