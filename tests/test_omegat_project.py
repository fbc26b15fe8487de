"""Our segmentation for other tools (SRX 2.0, OmegaT's project rules) and the OmegaT project export.

The rules are checked three ways: a reference reading of SRX as OmegaT 3.6 applies it (rule by rule,
first rule deciding), OmegaT's own segmenter fed our SRX file and our segmentation.conf, and a whole
OmegaT project opened in console mode: its segments are ours, every one filled from the project's
memory, and a translator's edit comes back through `bilingual import`.
"""

from __future__ import annotations

import itertools
import shutil
import subprocess
import zipfile
from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from lxml import etree

from bilingual.formats import exporter
from bilingual.formats.srx import omegat_segmentation, srx_document
from bilingual.jobs.translate import translate_with_memory
from bilingual.memory.store import Memory
from bilingual.names.load import load_glossary
from bilingual.read import read_document
from bilingual.segment import break_rules, split_sentences

import fake_engines
from conftest import EXAMPLES, ROOT

HERE = Path(__file__).resolve().parent
OMEGAT_JAR = Path("/usr/share/omegat/OmegaT.jar")
needs_omegat = pytest.mark.skipif(
    shutil.which("omegat") is None or shutil.which("javac") is None or not OMEGAT_JAR.exists(),
    reason="OmegaT (Debian's omegat) and a JDK are not installed",
)
# An article of our own with what OmegaT's default rules cut differently: ranks and titles before
# names, dotted acronyms mid-sentence, a list after a colon, sentences ending inside quotes.
RANKS = """Talks on the Sirte ceasefire resumed on Tuesday, the U.N. mission said. Lt. Gen. Abdelrazek \
Al-Nadouri met Col. Ahmed Al-Mismari in Benghazi before the session.

The agreement has three parts:
1. a joint patrol of the coastal road;
2. an exchange of prisoners held since 2019;
3. a monitoring team led by the A.U. and the U.N.

"We will not retreat from Sirte," Maj. Gen. Khalid Al-Mahjoub told reporters. "The decision is final." \
He added that the U.S. embassy had been informed.

Officials in Tripoli said the talks would continue in the U.K. next month. Analysts at Libya Research \
Inc. expect a deal by Sept. 30. No. 10 Downing Street declined to comment. Dr. Salwa Bugaighis's \
family (in the U.S.) thanked Lt. Col. (ret.) Omar Al-Tantoush.
"""
EDGES = [
    "He left.\n2. The next item came.",
    "Khalifa B. Haftar spoke. P. Smith replied. E. Jones did not.",
    "It cost $5 vs. $7 in Jan. last year. Prices rose to 12. The rest fell.",
    "They said so... Then they left! Why? Nobody knows…",
    "The firm, Acme Co. The board met. Acme Co. said nothing.",
    "Items:\n- one\n- two\n\nNo list here\n- only this line.",
]


def _paragraphs() -> list[str]:
    texts = [RANKS, *EDGES]
    for path in sorted(EXAMPLES.glob("*.txt")) + sorted((ROOT / "bench" / "devset").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    return [p for text in texts for p in text.split("\n\n") if p.strip()]


def _ours(paragraph: str) -> list[str]:
    return [paragraph[s:e] for s, e in split_sentences(paragraph)]


def omegat_split(text: str, rules) -> list[str]:
    """OmegaT 3.6's Segmenter (breakParagraph, getBreaks), read from its bytecode: each rule's
    before-break matches in turn, its after-break matcher moved on only while it starts earlier;
    the first rule in the list decides a place."""
    import regex

    decided: dict[int, bool] = {}
    for is_break, before, after in rules:
        afters = regex.compile(after, regex.V0 | regex.DOTALL).finditer(text)
        found = next(afters, None)
        for match in regex.compile(before, regex.V0 | regex.DOTALL).finditer(text):
            while found is not None and found.start() < match.end():
                found = next(afters, None)
            if found is None:
                break
            if found.start() == match.end():
                decided.setdefault(match.end(), is_break)
    cuts = [0, *sorted(p for p, b in decided.items() if b), len(text)]
    return [text[s:e].strip() for s, e in itertools.pairwise(cuts) if text[s:e].strip()]


def test_the_rules_cut_every_paragraph_as_the_splitter_does():
    pytest.importorskip("regex")
    rules = break_rules()
    paragraphs = _paragraphs()
    assert len(paragraphs) > 100
    differ = [p for p in paragraphs if omegat_split(p, rules) != _ours(p)]
    assert not differ, differ[:3]


def test_the_srx_file_is_srx_2_0_with_every_rule(tmp_path):
    root = etree.fromstring(srx_document())
    ns = {"s": "http://www.lisa.org/srx20"}
    rules = root.findall(".//s:languagerule/s:rule", ns)
    assert [(r.get("break") == "yes", r.findtext("s:beforebreak", namespaces=ns),
             r.findtext("s:afterbreak", namespaces=ns)) for r in rules] == break_rules()  # fmt: skip
    assert root.find(".//s:languagemap", ns).get("languagepattern") == "[Ee][Nn].*"
    if OMEGAT_JAR.exists():  # the SRX 2.0 schema OmegaT ships
        with zipfile.ZipFile(OMEGAT_JAR) as jar:
            schema = etree.XMLSchema(etree.fromstring(jar.read("schemas/srx20.xsd")))
        assert schema.validate(root), schema.error_log


@pytest.fixture(scope="module")
def probe(tmp_path_factory) -> Path:
    classes = tmp_path_factory.mktemp("probe")
    subprocess.run(["javac", "-d", str(classes), "-cp", str(OMEGAT_JAR), str(HERE / "tools" / "SegmentationProbe.java")],
                   check=True, capture_output=True, timeout=120)  # fmt: skip
    return classes


def _omegat_segments(probe: Path, mode: str, rules: Path, paragraphs: list[str], tmp_path: Path) -> list[list[str]]:
    source = tmp_path / "paragraphs.txt"
    source.write_text("\0".join(paragraphs), encoding="utf-8")
    done = subprocess.run(
        ["java", "-cp", f"{OMEGAT_JAR}:/usr/share/omegat/lib/*:{probe}", "SegmentationProbe", mode, str(rules),
         str(source)], capture_output=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.decode("utf-8").split("\n")[:-1]
    return [[s.replace("\u0002", "\n").strip() for s in line.split("\u0001") if s.strip()] for line in lines]


@needs_omegat
def test_omegat_s_own_segmenter_cuts_as_we_do_with_our_srx_and_our_project_rules(probe, tmp_path):
    paragraphs = _paragraphs()
    (tmp_path / "rules.srx").write_bytes(srx_document())
    (tmp_path / "project" / "omegat").mkdir(parents=True)
    (tmp_path / "project" / "omegat" / "segmentation.conf").write_bytes(omegat_segmentation())
    for mode, rules in (("srx", tmp_path / "rules.srx"), ("project", tmp_path / "project")):
        theirs = _omegat_segments(probe, mode, rules, paragraphs, tmp_path)
        differ = [(p, t) for p, t in zip(paragraphs, theirs, strict=True) if t != _ours(p)]
        assert not differ, (mode, differ[:2])


def _translated(tmp_path: Path, name: str, text: str, suffix: str = ".txt") -> tuple[Path, Memory]:
    """An article translated by the pseudo-Arabic engine into an aligned document beside it."""
    article = tmp_path / f"{name}{suffix}"
    article.write_text(text, encoding="utf-8")
    memory = Memory(tmp_path / "memory.sqlite3")
    doc, _ = translate_with_memory(read_document(str(article)), engine=fake_engines.PseudoArabicEngine(),
                                   glossary=load_glossary(ROOT / "glossary"), memory=memory)  # fmt: skip
    aligned = tmp_path / f"{name}.en-ar.xml"
    aligned.write_bytes(exporter("aligned").render(doc, None))
    return aligned, memory


def _omegat(project: Path, *args: str) -> None:
    done = subprocess.run(["omegat", str(project), *args], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Finished" in done.stdout + done.stderr, done.stdout[-2000:] + done.stderr[-2000:]


@needs_omegat
def test_an_exported_project_opens_in_omegat_with_our_segments_all_filled_and_edits_come_back(run_cli, tmp_path):
    from bilingual.formats.aligned import read_aligned

    ranks, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    talks, memory = _translated(tmp_path, "talks", (EXAMPLES / "benghazi-talks.txt").read_text(encoding="utf-8"))
    memory.close()
    project = tmp_path / "project"
    done = run_cli("export", ranks, talks, "--to", "omegat", "-o", f"{project}/", "--glossary", ROOT / "glossary")
    assert done.exit_code == 0, done.output
    assert (project / "glossary" / "names.utf8").read_text(encoding="utf-8").count("\n") > 10
    segments = [s for path in (ranks, talks) for s in read_aligned(str(path)).segments()]
    # OmegaT's segments are ours, one for one
    pseudo = tmp_path / "pseudo.tmx"
    _omegat(project, "--mode=console-createpseudotranslatetmx", f"--pseudotranslatetmx={pseudo}",
            "--pseudotranslatetype=equal")  # fmt: skip
    theirs = Counter(seg.text for seg in etree.parse(str(pseudo)).iter("seg"))
    assert theirs == Counter(" ".join(s.source.split()) for s in segments for _side in (0, 1))
    # every segment filled from the project's memory: no English sentence is left in the targets
    _omegat(project, "--mode=console-translate")
    translated = "".join((project / "target" / f"{n}.txt").read_text(encoding="utf-8") for n in ("ranks", "talks"))
    assert all(s.target in translated for s in segments)
    assert not [s.source for s in segments if " ".join(s.source.split()) in translated]
    # a translator's edit in OmegaT (its project_save.tmx) comes back through `bilingual import`
    edit = "نص حرره المترجم في أوميغا تي."
    first = " ".join(segments[0].source.split())
    (project / "omegat" / "project_save.tmx").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="OmegaT" o-tmf="OmegaT TMX" '
        'adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="sentence" srclang="EN"/>'
        f'<body><tu><tuv xml:lang="EN"><seg>{escape(first)}</seg></tuv><tuv xml:lang="AR" changeid="editor">'
        f"<seg>{edit}</seg></tuv></tu></body></tmx>\n",
        encoding="utf-8",
    )
    done = run_cli("import", project / "omegat" / "project_save.tmx", "--memory", tmp_path / "memory.sqlite3")
    assert done.exit_code == 0, done.output
    with Memory(tmp_path / "memory.sqlite3") as back:
        assert back.get(segments[0].source).target == edit and back.get(segments[0].source).status == "edited"
    # exporting again refreshes our files and keeps the translator's work
    assert run_cli("export", ranks, talks, "--to", "omegat", "-o", project).exit_code == 0
    assert edit in (project / "omegat" / "project_save.tmx").read_text(encoding="utf-8")


def test_approved_text_goes_where_omegat_enforces_it_and_the_rest_where_it_fills_in(run_cli, tmp_path):
    from bilingual.formats.aligned import read_aligned
    from bilingual.writer import write_target

    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    doc = read_aligned(str(aligned))
    first = doc.segments()[0]
    approved = write_target(first, "نص معتمد.", glossary=None, by="editor", approve=True)
    aligned.write_bytes(exporter("aligned").render(doc.with_segments({first.id: approved}), None))
    assert run_cli("export", aligned, "--to", "omegat", "-o", tmp_path / "p").exit_code == 0
    enforce = (tmp_path / "p" / "tm" / "enforce" / "ranks.tmx").read_text(encoding="utf-8")
    auto = (tmp_path / "p" / "tm" / "auto" / "ranks.tmx").read_text(encoding="utf-8")
    assert "نص معتمد." in enforce and "نص معتمد." not in auto
    assert enforce.count("<tu ") == 1 and auto.count("<tu ") == len(doc.segments()) - 1


def test_a_folder_that_is_not_a_project_is_never_written_into(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    folder = tmp_path / "someone"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    done = run_cli("export", aligned, "--to", "omegat", "-o", folder)
    assert done.exit_code != 0 and "not empty" in done.stderr and str(folder) in done.stderr
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_srx_export_and_one_document_at_a_time_elsewhere(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    assert run_cli("export", aligned, "--to", "srx", "-o", tmp_path / "rules.srx").exit_code == 0
    assert (tmp_path / "rules.srx").read_bytes() == srx_document()
    done = run_cli("export", aligned, aligned, "--to", "tmx")
    assert done.exit_code == 2 and "OmegaT project" in done.stderr


def test_a_link_planted_in_a_project_is_never_written_through(run_cli, tmp_path):
    aligned, memory = _translated(tmp_path, "ranks", RANKS)
    memory.close()
    project = tmp_path / "p"
    assert run_cli("export", aligned, "--to", "omegat", "-o", project).exit_code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("someone's", encoding="utf-8")
    conf = project / "omegat" / "segmentation.conf"
    conf.unlink()
    conf.symlink_to(victim)
    done = run_cli("export", aligned, "--to", "omegat", "-o", project)
    assert done.exit_code != 0 and "symbolic link" in done.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    conf.unlink()
    shutil.rmtree(project / "source")
    (project / "source").symlink_to(elsewhere)
    done = run_cli("export", aligned, "--to", "omegat", "-o", project)
    assert done.exit_code != 0 and "symbolic link" in done.stderr
    assert victim.read_text(encoding="utf-8") == "someone's" and not any(elsewhere.iterdir())
