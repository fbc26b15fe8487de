"""How OmegaT 3.6 sees our files (issue 29, item 3), checked with OmegaT itself in console mode.

- XLIFF 1.2: OmegaT's own filter keeps ``<source>`` as it is and offers the text of ``<target>`` to
  translate, so our usual file shows the machine's Arabic as the source. ``--to xliff-omegat`` puts the
  English in the target; with our TMX in the project, OmegaT fills it with our Arabic, and the
  translator's edits come back through ``import``.
- PO: OmegaT offers a PO header as segments; the project we export tells its PO filter to skip it.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from lxml import etree
from test_omegat_project import RANKS, _translated, needs_omegat

from bilingual.formats.aligned import read_aligned
from bilingual.memory.store import Memory

from conftest import SCHEMAS, needs_schemas


def _pseudo(project: Path, tmp_path: Path) -> Counter[str]:
    """The segments OmegaT offers in *project*: its pseudo-translated memory's source texts."""
    out = tmp_path / f"pseudo-{len(list(tmp_path.glob('pseudo-*')))}.tmx"
    done = subprocess.run(
        ["omegat", str(project), "--mode=console-createpseudotranslatetmx", f"--pseudotranslatetmx={out}",
         "--pseudotranslatetype=equal"],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    return Counter(tu.find("tuv/seg").text for tu in etree.parse(str(out)).iter("tu"))


def _project(run_cli, aligned: Path, tmp_path: Path) -> Path:
    """Our OmegaT project for *aligned*, its article taken out of source/ (the test puts in its own file)."""
    project = tmp_path / "project"
    assert run_cli("export", aligned, "--to", "omegat", "-o", project).exit_code == 0
    for f in (project / "source").iterdir():
        f.unlink()
    return project


@needs_omegat
def test_omegat_shows_the_english_of_our_omegat_xliff_and_the_edits_come_back(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    segments = read_aligned(str(aligned)).segments()
    english = Counter(" ".join(s.source.split()) for s in segments)
    project = _project(run_cli, aligned, tmp_path)
    # the cause: our usual XLIFF shows the machine's Arabic (the target) as the text to translate
    assert run_cli("export", aligned, "--to", "xliff", "-o", project / "source" / "ranks.xlf").exit_code == 0
    shown = _pseudo(project, tmp_path)
    assert (
        not set(shown) & set(english) and sum(bool(re.search("[\u0600-\u06ff]", t)) for t in shown) > len(english) / 2
    )
    (project / "source" / "ranks.xlf").unlink()
    # the OmegaT flavour: the English, one segment a unit
    xlf = project / "source" / "ranks.omegat.xlf"
    assert run_cli("export", aligned, "--to", "xliff-omegat", "-o", xlf).exit_code == 0
    assert _pseudo(project, tmp_path) == english
    # OmegaT fills every target from our memory (tm/auto), and takes the translator's edit
    edit = "نص حرره المترجم في أوميغا تي."
    (project / "omegat" / "project_save.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" o-tmf="OmegaT TMX" '
        'adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="sentence" srclang="EN"/>'
        f'<body><tu><tuv xml:lang="EN"><seg>{escape(" ".join(segments[1].source.split()))}</seg></tuv>'
        f'<tuv xml:lang="AR" changeid="editor"><seg>{edit}</seg></tuv></tu></body></tmx>\n',
        encoding="utf-8",
    )
    done = subprocess.run(["omegat", str(project), "--mode=console-translate"], capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    back = project / "target" / "ranks.omegat.xlf"
    targets = [t.text for t in etree.parse(str(back)).iter("{*}target") if t.getparent().tag.endswith("trans-unit")]
    assert targets[1] == edit
    assert [t for i, t in enumerate(targets) if i != 1] == [s.target for i, s in enumerate(segments) if i != 1]
    done = run_cli("import", back, "--memory", tmp_path / "memory.sqlite3")
    assert done.exit_code == 0, done.output
    assert "1 updated" in done.stdout
    with Memory(tmp_path / "memory.sqlite3") as m:
        assert (m.get(segments[1].source).target, m.get(segments[1].source).status) == (edit, "edited")
        assert all(m.get(s.source).status == "mt" for i, s in enumerate(segments) if i != 1)


@needs_schemas
def test_the_omegat_xliff_is_valid_xliff_1_2(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    assert run_cli("export", aligned, "--to", "xliff-omegat", "-o", tmp_path / "r.xlf").exit_code == 0
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff-core-1.2-strict.xsd")))
    assert schema.validate(etree.parse(str(tmp_path / "r.xlf"))), schema.error_log


@needs_omegat
def test_a_po_file_in_our_project_shows_its_entries_and_never_its_header(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    project = _project(run_cli, aligned, tmp_path)
    assert run_cli("export", aligned, "--to", "po", "-o", project / "source" / "ranks.po").exit_code == 0
    shown = _pseudo(project, tmp_path)
    english = Counter(" ".join(s.source.split()) for s in read_aligned(str(aligned)).segments())
    assert shown == english
    assert not [s for s in shown if re.search(r"Content-Type|Plural-Forms|Language:", s)]
    # the cause: without the project's filter setting OmegaT offers the header's lines to translate
    (project / "omegat" / "filters.xml").unlink()
    assert any("Plural-Forms" in s for s in _pseudo(project, tmp_path))


def test_exporting_again_without_a_glossary_says_the_old_one_is_kept(run_cli, tmp_path):
    from conftest import ROOT

    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    project = tmp_path / "p"
    assert run_cli("export", aligned, "--to", "omegat", "-o", project, "--glossary", ROOT / "glossary").exit_code == 0
    (tmp_path / "empty").mkdir()
    again = run_cli("export", aligned, "--to", "omegat", "-o", project, "--glossary", tmp_path / "empty")
    assert again.exit_code == 0 and "no glossary is loaded now" in again.stderr
