"""Attacks, class 2: security. A file can make the tool read, run or show nothing it should not."""

from __future__ import annotations

import hashlib
import io
import json
import os
import zipfile

import pytest

from bilingual.errors import ModelError
from bilingual.formats import ExportOptions, Role, get
from bilingual.memory.store import Memory

from conftest import assert_one_line_error

RLO, PDF_, LRI, PDI = "\u202e", "\u202c", "\u2066", "\u2069"


def test_a_po_file_whose_content_is_a_path_is_not_opened_as_that_path(run_cli, tmp_path):
    """polib.pofile(text) opens *text* as a file when one of that name exists."""
    secret = tmp_path / "secret.po"
    secret.write_text('msgid "The secret source."\nmsgstr "السر المكتوم."\n', encoding="utf-8")
    hostile = tmp_path / "hostile.po"
    hostile.write_text(str(secret), encoding="utf-8")
    memory = tmp_path / "m.sqlite3"
    result = run_cli("import", hostile, "--memory", memory)
    if result.exit_code == 0:
        assert "0 added" in result.stdout
    with Memory(memory) as m:
        assert m.get("The secret source.") is None and len(m) == 0


def test_a_po_file_whose_content_is_a_path_does_not_reach_the_glossary(tmp_path):
    from bilingual.names.load import load_glossary

    secret = tmp_path / "secret.po"
    secret.write_text('msgctxt "person"\nmsgid "Planted Name"\nmsgstr "اسم مزروع"\n', encoding="utf-8")
    gl = tmp_path / "glossary"
    gl.mkdir()
    (gl / "people.po").write_text(str(secret) + "\n", encoding="utf-8")
    try:
        loaded = load_glossary(gl)
    except Exception as exc:  # a clean refusal is fine too
        assert type(exc).__name__ == "GlossaryError"
    else:
        assert loaded.get("Planted Name") is None


def _package(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


GOOD = {
    "pkg/metadata.json": json.dumps({"from_code": "en", "to_code": "ar"}).encode(),
    "pkg/model/model.bin": b"x",
    "pkg/sentencepiece.model": b"x",
}


def test_a_zip_bomb_package_is_refused_before_extraction(tmp_path, empty_packages):
    from bilingual.engines.argos import packages

    bomb = tmp_path / "bomb.argosmodel"
    bomb.write_bytes(_package({**GOOD, "pkg/model/model.bin": b"\0" * (64 << 20)}))
    assert bomb.stat().st_size < 1 << 20
    with pytest.raises(ModelError, match="zip bomb"):
        packages.install_file(bomb)
    assert not empty_packages.exists() or not any(empty_packages.iterdir())


def _index(tmp_path, payload: bytes, **meta) -> str:
    pkg = tmp_path / "pkg.argosmodel"
    pkg.write_bytes(payload)
    entry = {
        "type": "translate",
        "from_code": "en",
        "to_code": "ar",
        "package_version": "9",
        "code": "en_ar",
        "links": [pkg.as_uri()],
        **meta,
    }
    index = tmp_path / "index.json"
    index.write_text(json.dumps([entry]))
    return str(index)


def test_a_malformed_checksum_in_the_index_is_an_error_not_no_check(tmp_path, empty_packages):
    from bilingual.engines.argos import packages

    index = _index(tmp_path, _package(GOOD), sha256="not-a-checksum")
    with pytest.raises(ModelError, match="malformed checksum"):
        packages.install_from_index("en", "ar", index=index)
    assert not empty_packages.exists() or not any(empty_packages.iterdir())


def test_a_download_over_the_declared_size_is_stopped_and_removed(tmp_path, empty_packages):
    from bilingual.engines.argos import packages

    payload = _package({**GOOD, "pkg/model/model.bin": os.urandom(400_000)})  # incompressible
    index = _index(tmp_path, payload, size=10_000)
    with pytest.raises(ModelError, match="MB"):
        packages.install_from_index("en", "ar", index=index)
    assert not list(empty_packages.glob(".download-*"))


def test_a_download_past_its_deadline_is_stopped_and_removed(tmp_path):
    from bilingual.engines.argos import index as package_index

    payload = os.urandom(1 << 20)  # sixteen reads
    pkg = tmp_path / "slow.argosmodel"
    pkg.write_bytes(payload)
    ticks = iter(range(10_000))  # a second a read: fast enough, but past the deadline after a few
    meta = {"links": [pkg.as_uri()], "sha256": hashlib.sha256(payload).hexdigest()}
    with pytest.raises(ModelError, match="download failed") as info:
        package_index.download(meta, tmp_path, deadline=3, clock=lambda: next(ticks))
    assert "minutes" in str(info.value) and not list(tmp_path.glob(".download-*"))


HOSTILE = f"Derna {RLO}sevaw{PDF_} and {LRI}unclosed isolate here."


def _doc_with_controls():
    from dataclasses import replace

    from bilingual.document import Head, RawBlock
    from bilingual.read import build_document

    doc = build_document(HOSTILE, [RawBlock("p", 0, len(HOSTILE))], head=Head(input_name="x.txt"))
    seg = doc.segments()[0]
    return doc.with_segments({seg.id: replace(seg, target=f"درنة {RLO}تنتظر{PDF_} هنا.")})


@pytest.mark.parametrize("name", ["html", "md", "report"])
def test_direction_controls_never_reach_a_published_page(name):
    from bilingual.checks import run_checks
    from bilingual.formats import Review

    doc = _doc_with_controls()
    findings = tuple(run_checks(doc, qa=True))
    data = get(name, Role.EXPORT).render(doc, ExportOptions(review=Review(findings))).decode()
    assert RLO not in data and PDF_ not in data
    assert data.count(LRI) + data.count("\u2067") + data.count("\u2068") == data.count(PDI)
    if name == "report":
        assert "Text direction control characters" in data and "U+202E" in data


def test_direction_controls_never_reach_a_docx():
    import docx

    data = get("docx", Role.EXPORT).render(_doc_with_controls(), ExportOptions())
    text = "".join(c.text for t in docx.Document(io.BytesIO(data)).tables for row in t.rows for c in row.cells)
    assert RLO not in text and "تنتظر" in text


def test_direction_controls_are_a_qa_finding_from_the_cli(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(HOSTILE)
    assert (
        run_cli("translate", article, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory", "-q").exit_code == 0
    )
    result = run_cli("check", tmp_path / "a.en-ar.xml", "--qa")
    assert "Text direction control characters" in result.stdout and "U+202E" in result.stdout


def test_unsafe_xml_is_refused_without_expansion(run_cli, tmp_path):
    bomb = tmp_path / "bomb.xlf"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;'
        '&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file source-language="en"'
        ' target-language="ar"><body><trans-unit id="1"><source>&c;</source><target>x</target>'
        "</trans-unit></body></file></xliff>"
    )
    result = run_cli("import", bomb, "--memory", tmp_path / "m.sqlite3")
    with Memory(tmp_path / "m.sqlite3") as m:
        assert all("aaaaaaaaaa" not in row[0] for row in m.rows())
    if result.exit_code != 0:
        assert_one_line_error(result)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "omegat"])
def test_glossary_exports_never_hold_a_live_spreadsheet_formula_and_read_back_exactly(fmt):
    """Names, notes and sources starting with = + - @ went into CSV/TSV/OmegaT exports as live formulas."""
    import csv
    import io

    from bilingual.formats import Role, get
    from bilingual.names.entry import Entry

    entries = [
        Entry('=HYPERLINK("http://x","Haftar")', "حفتر", "person", notes="+1 checked", sources=("@SUM(A1)",)),
        Entry("Sirte", "سرت", "place", notes="-2 spellings seen", forbidden=("=سرتة",)),
        Entry("Derna", "درنة", "place", notes="'=already quoted"),
        Entry("'Ain Zara", "عين زارة", "place", notes="an apostrophe that stays"),
    ]
    terms = get(fmt, Role.TERMS)
    data = terms.render_terms(entries)
    text = data.decode("utf-8").lstrip("\ufeff")
    rows = [line.split("\t") for line in text.splitlines()] if fmt != "csv" else list(csv.reader(io.StringIO(text)))
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    back = [item.entry for item in terms.parse_terms(data, path=f"x.{fmt}")]
    fields = (
        ("english", "arabic", "notes") if fmt == "omegat" else ("english", "arabic", "notes", "sources", "forbidden")
    )
    assert [[getattr(e, f) for f in fields] for e in back] == [[getattr(e, f) for f in fields] for e in entries]


def _glossary_with_cache(tmp_path):
    from bilingual.names import cache
    from bilingual.names.load import load_glossary

    gl = tmp_path / "g"
    gl.mkdir()
    (gl / "places.po").write_text('msgctxt "place"\nmsgid "Derna"\nmsgstr "درنة"\n', encoding="utf-8")
    return gl, cache.cache_dir(), load_glossary


def test_the_cache_never_follows_a_planted_link(tmp_path):
    """As root, a link planted at a cache file overwrote its target (a system file)."""
    import shutil

    gl, folder, load_glossary = _glossary_with_cache(tmp_path)
    shutil.rmtree(folder, ignore_errors=True)
    load_glossary(gl)
    victim = tmp_path / "victim"
    victim.write_text("system file")
    (gl / "places.po").write_text('msgctxt "place"\nmsgid "Derna"\nmsgstr "درنه"\n', encoding="utf-8")  # new key
    for name in [p.name for p in folder.iterdir()]:
        (folder / name).unlink()
    from bilingual.names import cache

    key = cache.cache_key([gl / "places.po"], "en")
    for suffix in (".entries", ".automaton"):
        (folder / f"{key}{suffix}").symlink_to(victim)
    assert load_glossary(gl).get("Derna").arabic == "درنه"
    assert victim.read_text() == "system file"
    assert not any(p.is_symlink() for p in folder.iterdir())


def test_the_cache_folder_is_private_and_a_planted_one_is_not_used_as_is(tmp_path):
    import shutil
    import stat

    gl, folder, load_glossary = _glossary_with_cache(tmp_path)
    shutil.rmtree(folder, ignore_errors=True)
    folder.parent.mkdir(parents=True, exist_ok=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    folder.symlink_to(elsewhere)  # a link where the cache folder goes
    load_glossary(gl)
    assert not folder.is_symlink() and list(elsewhere.iterdir()) == []
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir())
    shutil.rmtree(folder)
    folder.mkdir(mode=0o777)
    os.chmod(folder, 0o777)  # pre-created world-writable
    load_glossary(gl)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_download_that_trickles_is_stopped_and_removed(tmp_path, monkeypatch):
    """A server sending a byte now and then was never stopped: each 64 KiB read waited for a full chunk."""
    from bilingual.engines.argos import index as package_index

    class Trickle(io.RawIOBase):
        headers: dict = {}

        def read1(self, n=-1):
            return b"x"

        read = read1

    monkeypatch.setattr(package_index, "_open", lambda link, timeout=30.0: Trickle())
    ticks = iter(range(100_000))
    with pytest.raises(ModelError, match="too slow") as info:
        package_index.download({"links": ["https://example.invalid/p"]}, tmp_path, clock=lambda: next(ticks))
    assert "KB/s" in str(info.value) and not list(tmp_path.glob(".download-*"))
