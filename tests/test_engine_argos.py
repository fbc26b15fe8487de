"""The Argos engine, run on the real fixture model through the real loading code."""

from __future__ import annotations

import sys
from dataclasses import replace

import pytest

from bilingual.engines import EngineOptions, available_engines, load_engine
from bilingual.engines.argos.engine import max_decoding_length, plan_batches, split_long
from bilingual.errors import EngineError, ModelError


def test_translates_in_order_and_deterministically(argos_packages):
    engine = load_engine("argos", EngineOptions(beam_size=2))
    texts = ["Haftar met Al-Sisi.", "Derna is in eastern Libya, on the coast.", "Yes."]
    first = engine.translate_batch(texts)
    assert first == texts  # the fixture model copies its input: each output belongs to its own input
    assert engine.translate_batch(texts) == first
    assert engine.translate_batch(list(reversed(texts))) == list(reversed(first))
    assert engine.model_name == "translate-en_ar-fixture"
    assert engine.model_checksum.startswith("sha256:")
    assert "argostranslate.translate" not in sys.modules


def test_long_input_is_split_and_joined(argos_packages):
    engine = load_engine("argos", EngineOptions(beam_size=1, max_input_tokens=32))
    text = " ".join(f"word{i % 10}" for i in range(300))
    out = engine.translate_batch([text, "Short one."])
    assert out == [text, "Short one."]  # cut at word starts, translated in pieces, joined in order


def test_batches_of_mixed_lengths_keep_their_order(argos_packages):
    engine = load_engine("argos", EngineOptions(beam_size=2, batch_tokens=64))
    texts = [("Derna " * n).strip() + "." for n in (9, 1, 5, 14, 2, 7, 3)]
    assert engine.translate_batch(texts) == texts


def test_the_engine_never_downloads(empty_packages, monkeypatch):
    from bilingual.engines.argos import packages

    monkeypatch.setattr(packages, "install_from_index", lambda *a, **k: pytest.fail("the engine downloaded"))
    with pytest.raises(ModelError, match="no en→ar model is installed") as info:
        load_engine("argos", EngineOptions())
    assert "bilingual models install --file" in str(info.value)


def test_missing_model_without_download(empty_packages):
    from bilingual.engines.argos import packages

    with pytest.raises(ModelError, match="no en→ar model is installed"):
        packages.ensure_installed("en", "ar", download=False)


def test_missing_model_offline_names_the_fix(empty_packages):
    from bilingual.engines.argos import packages

    with pytest.raises(ModelError) as info:
        packages.ensure_installed("en", "ar", download=True)
    assert "none could be downloaded" in str(info.value)
    assert "bilingual models install --file" in str(info.value)
    assert not empty_packages.exists() or not [p for p in empty_packages.iterdir() if not p.name.startswith(".")]


def test_plan_batches_sorts_and_bounds():
    lengths = [5, 50, 7, 49, 6, 1]
    batches = plan_batches(lengths, budget=100)
    flat = [i for b in batches for i in b]
    assert sorted(flat) == list(range(6))
    assert [lengths[i] for i in flat] == sorted(lengths)
    for b in batches:
        assert max(lengths[i] for i in b) * len(b) <= 100 or len(b) == 1


def test_split_long_prefers_word_starts():
    tokens = ["▁a", "b", "c", "▁d", "e", "▁f", "g", "h", "▁i"]
    pieces = split_long(tokens, 4)
    assert sum(pieces, []) == tokens
    assert all(p[0].startswith("▁") for p in pieces)
    assert max_decoding_length(10) == 25 and max_decoding_length(10_000) == 512


def test_unknown_engine_and_plugin_path():
    assert "argos" in available_engines()
    with pytest.raises(EngineError, match="unknown engine"):
        load_engine("nope")
    with pytest.raises(EngineError, match="cannot import"):
        load_engine("no_such_module_xyz:factory")
    engine = load_engine("fake_engines:UpperEngine")
    assert engine.translate_batch(["abc"]) == ["ABC"]


def test_characters_the_vocabulary_lacks_never_come_out_as_question_marks(argos_packages):
    """’ “ ” — é came out as ⁇ (27 in one article); Argos Translate copies them through."""
    from bilingual.engines import EngineOptions
    from bilingual.engines.argos.engine import ArgosEngine

    engine = ArgosEngine(EngineOptions())
    assert not engine.covered("“") and not engine.covered("é")  # the fixture's vocabulary lacks them
    out = engine.translate_batch(["He said “no” — José’s café in Derna…", "Plain text."])
    assert "⁇" not in out[0] and "José’s" in out[0] and "café" in out[0] and '"no"' in out[0]
    assert out[1] == engine.translate_batch(["Plain text."])[0]


def test_a_question_mark_left_in_a_translation_is_a_qa_finding_and_said(run_cli, tmp_path):
    from bilingual.checks import run_checks
    from bilingual.document import Head, RawBlock
    from bilingual.read import build_document

    doc = build_document("Café.", [RawBlock("p", 0, 5)], head=Head())
    (seg,) = doc.segments()
    doc = doc.with_segments({seg.id: replace(seg, target="مقهى ⁇.")})
    assert [f.check for f in run_checks(doc, qa=True)] == ["unknown_characters"]
    article = tmp_path / "a.txt"
    article.write_text("Caf\u00e9 talk.")
    result = run_cli("translate", article, "--engine", "test_engine_argos:unk_engine", "--no-memory")
    assert result.exit_code == 0 and "1 segments hold ⁇" in result.stderr


class _Unk:
    name, model_name, model_version, model_checksum = "unk", "", "", ""

    def translate_batch(self, texts):
        return ["حديث ⁇ مقهى" for _text in texts]


def unk_engine(options):
    return _Unk()
