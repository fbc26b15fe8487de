"""Interchange tested with the tools themselves: OmegaT 3.6 (console mode and its glossary readers),
Translate Toolkit's converters and TBX storage, and gettext's msgfmt. `.ci/run` installs them.

Each round trip: units go out, a translator (or the tool) changes some, the tool's output comes
back through `bilingual import`, and we count what came back as edits and what stayed machine.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path
from xml.sax.saxutils import escape

import polib
import pytest

from bilingual.corrections import import_units, read_units
from bilingual.formats import Role, exporter, get
from bilingual.jobs.translate import translate_with_memory
from bilingual.memory.store import Memory
from bilingual.names.load import load_glossary
from bilingual.read import read_document

import fake_engines
from conftest import EXAMPLES, ROOT

HERE = Path(__file__).resolve().parent
needs_omegat = pytest.mark.skipif(
    shutil.which("omegat") is None or shutil.which("javac") is None,
    reason="OmegaT (Debian's omegat) and a JDK are not installed",
)
needs_toolkit = pytest.mark.skipif(shutil.which("po2xliff") is None, reason="translate-toolkit is not installed")
EDITS = ("استؤنفت المحادثات بين الفصائل الليبية في القاهرة يوم الثلاثاء.", "التقى حفتر وفدًا مصريًا.")
# Round-trip figures are written only when asked (BILINGUAL_ROUNDTRIP_FIGURES=path.jsonl).
FIGURES = os.environ.get("BILINGUAL_ROUNDTRIP_FIGURES", "")

OMEGAT_PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat><project version="1.0">
<source_dir>__DEFAULT__</source_dir><target_dir>__DEFAULT__</target_dir><tm_dir>__DEFAULT__</tm_dir>
<glossary_dir>__DEFAULT__</glossary_dir><glossary_file>__DEFAULT__</glossary_file>
<dictionary_dir>__DEFAULT__</dictionary_dir><source_lang>EN</source_lang><target_lang>AR</target_lang>
<source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
<target_tok>org.omegat.tokenizer.LuceneArabicTokenizer</target_tok>
<sentence_seg>false</sentence_seg><support_default_translations>true</support_default_translations>
<remove_tags>false</remove_tags></project></omegat>
"""


@pytest.fixture
def machine(tmp_path):
    """The example article translated by the machine, and the memory that saw it."""
    glossary = load_glossary(ROOT / "glossary")
    memory = Memory(tmp_path / "m.sqlite3")
    doc, _ = translate_with_memory(
        read_document(str(EXAMPLES / "benghazi-talks.txt")),
        engine=fake_engines.PseudoArabicEngine(),
        glossary=glossary,
        memory=memory,
    )
    yield doc, memory, glossary
    memory.close()


def _record(tool: str, route: str, out: int, edited: int, result, memory, doc) -> None:
    """Round-trip figures for the README and the closing note."""
    if not FIGURES:
        return
    machine_left = sum(1 for s in doc.segments() if memory.get(s.source).status == "mt")
    with open(FIGURES, "a", encoding="utf-8") as handle:
        handle.write(
            json.dumps(
                {
                    "tool": tool,
                    "route": route,
                    "units out": out,
                    "units edited": edited,
                    "back as edits": result.added + result.updated,
                    "machine stayed machine": machine_left,
                    "not taken": dict(result.reasons()),
                },
                ensure_ascii=False,
            )
            + "\n"
        )


def _omegat_project(tmp_path) -> Path:
    project = tmp_path / "omegat-project"
    for folder in ("source", "target", "tm", "glossary", "omegat", "dictionary"):
        (project / folder).mkdir(parents=True)
    (project / "omegat.project").write_text(OMEGAT_PROJECT, encoding="utf-8")
    return project


def _project_save(project: Path, pairs: list[tuple[str, str]]) -> None:
    """What OmegaT keeps of a translator's work: project_save.tmx, keyed by the text OmegaT shows."""
    tus = "".join(
        f'<tu><tuv xml:lang="EN"><seg>{escape(src)}</seg></tuv><tuv xml:lang="AR" changeid="editor" '
        f'changedate="20261125T120000Z"><seg>{escape(tgt)}</seg></tuv></tu>'
        for src, tgt in pairs
    )
    (project / "omegat" / "project_save.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" o-tmf="OmegaT TMX" '
        'adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="sentence" srclang="EN"/>'
        f"<body>{tus}</body></tmx>\n",
        encoding="utf-8",
    )


def _omegat_translate(project: Path) -> None:
    done = subprocess.run(
        ["omegat", str(project), "--mode=console-translate"], capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0 and "Finished" in done.stdout + done.stderr, done.stdout[-2000:] + done.stderr[-2000:]


def _omegat_round_trip(machine, tmp_path, fmt: str, keyed_by_target: bool):
    """Our export in an OmegaT project, a translator's two edits in project_save.tmx, OmegaT's
    console translation, and its target file imported back: (target file, import result)."""
    doc, memory, glossary = machine
    project = _omegat_project(tmp_path)
    suffix = exporter(fmt).suffix()
    (project / "source" / f"article{suffix}").write_bytes(exporter(fmt).render(doc, None))
    segments = doc.segments()
    # OmegaT shows an XLIFF's target as the text to translate, a PO's msgid.
    key = (lambda s: s.target) if keyed_by_target else (lambda s: s.source)
    _project_save(project, [(key(segments[0]), EDITS[0]), (key(segments[5]), EDITS[1])])
    _omegat_translate(project)
    back = project / "target" / f"article{suffix}"
    return back, import_units(read_units(str(back)), memory, origin="omegat", glossary=glossary)


@needs_omegat
def test_omegat_xliff_round_trip_keeps_the_translator_s_edits(machine, tmp_path):
    """OmegaT 3.6 translates our XLIFF's targets and leaves every state as it found it."""
    doc, memory, _glossary = machine
    segments = doc.segments()
    back, result = _omegat_round_trip(machine, tmp_path, "xliff", keyed_by_target=True)
    assert EDITS[0] in back.read_text(encoding="utf-8")
    assert result.updated == 2 and len(result.skipped) == len(segments) - 2
    assert memory.get(segments[0].source).target == EDITS[0] and memory.get(segments[0].source).status == "edited"
    assert all(memory.get(s.source).status == "mt" for i, s in enumerate(segments) if i not in (0, 5))
    _record("OmegaT 3.6", "XLIFF 1.2 in source/", len(segments), 2, result, memory, doc)


@needs_omegat
def test_omegat_po_round_trip_approves_nothing_it_did_not_touch(machine, tmp_path):
    """OmegaT clears every fuzzy flag and empties the targets it has no translation for."""
    doc, memory, _glossary = machine
    segments = doc.segments()
    back, result = _omegat_round_trip(machine, tmp_path, "po", keyed_by_target=False)
    po = polib.pofile(back.read_text(encoding="utf-8"))
    assert not any("fuzzy" in e.flags for e in po)
    assert result.updated == 2
    assert all(memory.get(s.source).status == "mt" for i, s in enumerate(segments) if i not in (0, 5))
    _record("OmegaT 3.6", "PO in source/", len(segments), 2, result, memory, doc)


@needs_omegat
def test_omegat_reads_our_tmx_and_auto_fills_from_it(machine, tmp_path):
    """Our TMX in tm/auto: OmegaT fills every segment with our text; the translator's edit wins where there is one."""
    doc, _memory, _glossary = machine
    project = _omegat_project(tmp_path)
    (project / "tm" / "auto").mkdir()
    (project / "tm" / "auto" / "article.tmx").write_bytes(exporter("tmx").render(doc, None))
    segments = doc.segments()
    (project / "source" / "article.txt").write_text("\n\n".join(s.source for s in segments) + "\n", encoding="utf-8")
    _project_save(project, [(segments[0].source, EDITS[0])])
    _omegat_translate(project)
    lines = [line for line in (project / "target" / "article.txt").read_text(encoding="utf-8").split("\n\n") if line]
    assert lines[0].strip() == EDITS[0]
    assert [line.strip() for line in lines[1:]] == [s.target for s in segments[1:]]  # our TMX was read


@needs_omegat
@pytest.mark.parametrize("fmt, name", [("tbx-basic", "names.tbx"), ("omegat", "names.utf8")])
def test_omegat_reads_our_glossary_exports(run_cli, tmp_path, fmt, name):
    out = tmp_path / name
    assert run_cli("glossary", "export", out, "--to", fmt, "--glossary", ROOT / "glossary").exit_code == 0
    classes = tmp_path / "classes"
    jar = "/usr/share/omegat/OmegaT.jar"
    subprocess.run(
        ["javac", "-d", str(classes), "-cp", jar, str(HERE / "tools" / "GlossaryProbe.java")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    project = _omegat_project(tmp_path)
    done = subprocess.run(
        ["java", "-cp", f"{jar}:/usr/share/omegat/lib/*:{classes}", "GlossaryProbe", str(out), str(project)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    read = {line.split("\t")[0]: line.split("\t")[1] for line in done.stdout.splitlines()}
    entries = load_glossary(ROOT / "glossary").entries
    assert len(read) == len({e.english for e in entries})
    assert all(read[e.english] == e.arabic for e in entries), "OmegaT read another Arabic"


@needs_toolkit
def test_po2xliff_po2tmx_xliff2po_round_trips(machine, tmp_path):
    doc, memory, glossary = machine
    segments = doc.segments()
    po = polib.pofile(exporter("po").render(doc, None).decode())
    for entry, text in zip((po[0], po[5]), EDITS, strict=True):
        entry.msgstr = text
        entry.flags.remove("fuzzy")
    po_path = tmp_path / "article.po"
    po.save(str(po_path))
    for tool, args, out_name in (("po2xliff", [], "via-po2xliff.xlf"), ("po2tmx", ["-l", "ar"], "via-po2tmx.tmx")):
        out = tmp_path / out_name
        subprocess.run([tool, *args, str(po_path), str(out)], check=True, capture_output=True, timeout=120)
        with Memory(tmp_path / f"{tool}.sqlite3") as fresh:
            fresh.record_document(doc, origin="test", glossary_fingerprint="")
            result = import_units(read_units(str(out)), fresh, origin=tool, glossary=glossary)
            assert result.updated == 2, (tool, result)
            assert fresh.get(segments[0].source).target == EDITS[0]
            assert all(fresh.get(s.source).status == "mt" for i, s in enumerate(segments) if i not in (0, 5))
            _record("Translate Toolkit 3.8", tool, len(segments), 2, result, fresh, doc)
    xliff = tmp_path / "article.xlf"
    xliff.write_bytes(exporter("xliff").render(doc, None).replace(segments[0].target.encode(), EDITS[0].encode(), 1))
    back = tmp_path / "via-xliff2po.po"
    subprocess.run(["xliff2po", str(xliff), str(back)], check=True, capture_output=True, timeout=120)
    result = import_units(read_units(str(back)), memory, origin="xliff2po", glossary=glossary)
    assert result.updated == 1 and memory.get(segments[0].source).target == EDITS[0]
    _record("Translate Toolkit 3.8", "xliff2po", len(segments), 1, result, memory, doc)


@needs_toolkit
def test_xliff2po_keeps_edge_whitespace(tmp_path):
    """xml:space="preserve" on our units: Translate Toolkit no longer strips spaces and tabs."""
    from dataclasses import replace

    from bilingual.document import Head, RawBlock
    from bilingual.read import build_document

    text = "Derna waits.\tIt waits."
    doc = build_document(text, [RawBlock("p", 0, len(text))], head=Head())
    seg = doc.segments()[0]
    doc = doc.with_segments({seg.id: replace(seg, source=" Derna\twaits. ", target=" درنة\tتنتظر. ")})
    xliff = tmp_path / "ws.xlf"
    xliff.write_bytes(exporter("xliff").render(doc, None))
    back = tmp_path / "ws.po"
    subprocess.run(["xliff2po", str(xliff), str(back)], check=True, capture_output=True, timeout=120)
    entry = next(e for e in polib.pofile(str(back)) if e.msgid)
    assert (entry.msgid, entry.msgstr) == (" Derna\twaits. ", " درنة\tتنتظر. ")


@needs_toolkit
def test_translate_toolkit_tbx_storage_both_ways(run_cli, tmp_path):
    python = "/usr/bin/python3"
    ours = tmp_path / "ours.tbx"
    assert run_cli("glossary", "export", ours, "--to", "tbx-basic", "--glossary", ROOT / "glossary").exit_code == 0
    read = subprocess.run(
        [
            python,
            "-c",
            (
                "import sys, json; from translate.storage import tbx\n"
                "f = tbx.tbxfile.parsefile(sys.argv[1])\n"
                "print(json.dumps([[u.source, u.target] for u in f.units], ensure_ascii=False))"
            ),
            str(ours),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    pairs = json.loads(read.stdout)
    entries = load_glossary(ROOT / "glossary").entries
    assert [tuple(p) for p in pairs] == [(e.english, e.arabic) for e in entries]
    theirs = tmp_path / "theirs.tbx"
    subprocess.run(
        [
            python,
            "-c",
            (
                "import sys; from translate.storage import tbx\n"
                "f = tbx.tbxfile(sourcelanguage='en', targetlanguage='ar')\n"
                "u = f.addsourceunit('Gharyan'); u.target = 'غريان'\n"
                "u = f.addsourceunit('Zliten'); u.target = 'زليتن'\n"
                "f.savefile(sys.argv[1])"
            ),
            str(theirs),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    glossary = tmp_path / "glossary"
    result = run_cli("glossary", "import", theirs, "--glossary", glossary / "all.po")
    assert result.exit_code == 0, result.stderr
    got = load_glossary(glossary / "all.po", validate=False)
    assert got.get("Gharyan").arabic == "غريان" and got.get("Zliten").arabic == "زليتن"


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="gettext is not installed")
def test_po_exports_pass_msgfmt_check(machine, tmp_path):
    doc, _memory, _glossary = machine
    path = tmp_path / "article.po"
    path.write_bytes(get("po", Role.EXPORT).render(doc, None))
    done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
    assert done.returncode == 0 and "warning" not in done.stderr, done.stderr
