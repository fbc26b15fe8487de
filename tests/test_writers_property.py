"""Random sequences of writes from every writer on a real article, with and without a glossary: the
document always reads back, its spans verify, and its statuses follow the segment writer's rules."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilingual.document import is_human
from bilingual.errors import BilingualError
from bilingual.formats.aligned import read_aligned
from bilingual.jobs import desk, respell
from bilingual.jobs.exchange import ApplyRequest, apply_corrections
from bilingual.jobs.glossary import SetRequest, set_entry
from bilingual.jobs.translate import TranslateRequest, translate_articles
from bilingual.workspace import Workspace
from bilingual.writer import is_copy_of_source, verify

import fake_engines
from conftest import EXAMPLES

TEXTS = ["قال حفتر إن المحادثات مستمرة.", "حفتر", "هفتر في درنة", "", "Prices rose.", "ارتفعت \ud83d الأسعار",
         "خليفة حفتر ودرنة"]  # fmt: skip
SPELLINGS = ["حفتر", "هفتار", "حفطر"]

step = st.one_of(
    st.tuples(st.just("save"), st.integers(0, 30), st.sampled_from(TEXTS), st.booleans()),
    st.tuples(st.just("revert"), st.integers(0, 30), st.integers(0, 3), st.booleans()),
    st.tuples(st.just("respell"), st.integers(0, 0), st.sampled_from(SPELLINGS), st.booleans()),
    st.tuples(st.just("set"), st.integers(0, 0), st.sampled_from(SPELLINGS), st.booleans()),
    st.tuples(st.just("apply"), st.integers(0, 30), st.sampled_from(TEXTS), st.booleans()),
    st.tuples(st.just("translate"), st.integers(0, 0), st.just(""), st.booleans()),
)


@pytest.fixture(scope="module")
def base(tmp_path_factory, run_cli_module):
    root = tmp_path_factory.mktemp("writers")
    gl = root / "glossary"
    for english, arabic in (("Haftar", "حفتر"), ("Khalifa Haftar", "خليفة حفتر"), ("Derna", "درنة")):
        assert run_cli_module("glossary", "add", english, arabic, "--kind", "person", "--glossary", gl).exit_code == 0
    return root


@pytest.fixture(scope="module")
def run_cli_module():
    from click.testing import CliRunner

    from bilingual.cli import cli

    return lambda *args: CliRunner().invoke(cli, [str(a) for a in args], catch_exceptions=False)


def _check_rules(path: Path) -> None:
    doc = read_aligned(str(path))
    verify(doc)
    for seg in doc.segments():
        if is_human(seg.status):
            assert seg.target.strip() and not is_copy_of_source(seg.source, seg.target), seg
            assert not (seg.status == "edited" and seg.machine and seg.target == seg.machine), seg
        else:
            assert seg.machine == "", seg


@pytest.mark.parametrize("with_glossary", [True, False])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(step, min_size=1, max_size=8))
def test_any_sequence_of_writes_leaves_a_valid_document(base, tmp_path_factory, with_glossary, steps):
    work = tmp_path_factory.mktemp("run")
    gl = work / "glossary"
    shutil.copytree(base / "glossary", gl)
    article = work / "a.txt"
    article.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    doc_path = work / "a.en-ar.xml"
    glossary = str(gl) if with_glossary else None
    cwd = os.getcwd()
    os.chdir(work if with_glossary else work.parent)  # no ./glossary to fall back on when without
    try:
        workspace = Workspace(glossary_path=glossary, use_memory=False, folder=str(work),
                              loaded_engine=fake_engines.PseudoArabicEngine())  # fmt: skip
        translate_articles(workspace, TranslateRequest(inputs=(str(article),)))
        for kind, n, value, flag in steps:
            segs = read_aligned(str(doc_path)).segments()
            seg = segs[n % len(segs)]
            try:
                if kind == "save":
                    desk.save(workspace, desk.SaveRequest(doc_path.name, seg.id, value,
                                                          desk.segment_version(seg.target, seg.status), approve=flag,
                                                          confirmed=True))  # fmt: skip
                elif kind == "revert":
                    desk.revert_segment(workspace, doc_path.name, seg.id, value)
                elif kind == "respell" and with_glossary:
                    respell.respell_everywhere(workspace, respell.RespellRequest("Haftar", value, apply=flag))
                elif kind == "set" and with_glossary:
                    set_entry(workspace, SetRequest("Haftar", value, variants=flag))
                elif kind == "apply":
                    po = work / "x.po"
                    if flag or not po.exists():
                        from bilingual.jobs.export import ExportRequest, export_document

                        export_document(workspace, ExportRequest(str(doc_path), "po", output=str(po), overwrite=True))
                    catalog = polib.pofile(str(po))
                    entry = next(e for e in catalog if e.msgctxt == seg.id)
                    entry.msgstr = value.replace("\ud83d", "")
                    catalog.save()
                    apply_corrections(workspace, ApplyRequest(str(doc_path), str(po)))
                elif kind == "translate":
                    translate_articles(workspace, TranslateRequest(inputs=(str(article),)))
            except BilingualError:
                pass  # a refusal (no edit, conflict, unwritable text) is fine: the document must still hold
            _check_rules(doc_path)
    finally:
        os.chdir(cwd)
