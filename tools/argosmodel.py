"""Build genuine Argos Translate packages (.argosmodel) with set weights, for tests and benches.

A package is a zip of one folder holding ``metadata.json``, ``sentencepiece.model`` and a
CTranslate2 ``model/`` directory. The SentencePiece model is trained here on our own example
articles and Arabic sentences; the Transformer's weights are drawn from a seeded normal
distribution and written through ``ctranslate2.specs``, so the model runs through exactly the
same loading and decoding code as a real Argos model. It does not translate well: it is not
trained. Dimensions are parameters: the test fixture is tiny, the bench model is "base"-sized.

Needs only ``ctranslate2``, ``sentencepiece`` and ``numpy`` (all runtime dependencies already).
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [*sorted((ROOT / "examples").glob("*.*")), ROOT / "tools" / "data" / "arabic-news.txt"]
FIXED_TIME = (2026, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Dims:
    layers: int = 2
    d_model: int = 64
    heads: int = 4
    ffn: int = 128
    vocab: int = 0  # 0: exactly the SentencePiece vocabulary; more pads it with filler tokens


TINY = Dims()
BASE = Dims(layers=6, d_model=512, heads=8, ffn=2048, vocab=8000)


def train_sentencepiece(out_prefix: Path, vocab_size: int = 800) -> Path:
    """Train a unigram SentencePiece model on the corpus files; return the .model path."""
    import sentencepiece as spm

    text = io.StringIO()
    for path in CORPUS:
        text.write(path.read_text(encoding="utf-8") + "\n")
    corpus = out_prefix.parent / "corpus.txt"
    corpus.write_text(text.getvalue(), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus), model_prefix=str(out_prefix), vocab_size=vocab_size,
        model_type="unigram", character_coverage=1.0, hard_vocab_limit=False,
        num_threads=1, minloglevel=2, split_digits=True, byte_fallback=False,
    )
    return out_prefix.with_suffix(".model")


def _pieces(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_ct2_model(out_dir: Path, vocab: list[str], dims: Dims, *, seed: int = 1234,
                    quantization: str = "int8") -> None:
    """Write a CTranslate2 Transformer (pre-norm, as OpenNMT-py/Argos) with seeded weights."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    d, ff, v = dims.d_model, dims.ffn, len(vocab)

    def w(*shape):
        return (rng.standard_normal(shape) * 0.02 / max(1.0, d / 512) ** 0.5).astype(np.float32)

    def norm(spec):
        spec.gamma = np.ones(d, np.float32)
        spec.beta = np.zeros(d, np.float32)

    def linear(spec, out_dim, in_dim):
        spec.weight = w(out_dim, in_dim)
        spec.bias = np.zeros(out_dim, np.float32)

    def ffn(spec):
        norm(spec.layer_norm)
        linear(spec.linear_0, ff, d)
        linear(spec.linear_1, d, ff)

    def self_attention(spec):
        norm(spec.layer_norm)
        linear(spec.linear[0], 3 * d, d)
        linear(spec.linear[1], d, d)

    spec = transformer_spec.TransformerSpec.from_config((dims.layers, dims.layers), dims.heads, pre_norm=True)
    spec.encoder.embeddings[0].weight = w(v, d) * 20
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        self_attention(layer.self_attention)
        ffn(layer.ffn)
    spec.decoder.embeddings.weight = w(v, d) * 20
    norm(spec.decoder.layer_norm)
    linear(spec.decoder.projection, v, d)
    for layer in spec.decoder.layer:
        self_attention(layer.self_attention)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], d, d)
        linear(layer.attention.linear[1], 2 * d, d)
        linear(layer.attention.linear[2], d, d)
        ffn(layer.ffn)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization=quantization)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def build_package(out_file: Path, *, dims: Dims = TINY, name: str = "translate-en_ar-fixture",
                  version: str = "0.1", seed: int = 1234, sp_vocab: int = 800) -> Path:
    """Build ``out_file`` (.argosmodel): SentencePiece + CTranslate2 model + metadata, zipped."""
    work = Path(tempfile.mkdtemp(prefix="argosmodel-"))
    try:
        pkg = work / name
        pkg.mkdir()
        sp_model = train_sentencepiece(work / "sp", sp_vocab)
        shutil.copy(sp_model, pkg / "sentencepiece.model")
        vocab = _pieces(sp_model)
        vocab += [f"<filler_{i}>" for i in range(max(0, dims.vocab - len(vocab)))]
        build_ct2_model(pkg / "model", vocab, dims, seed=seed)
        (pkg / "metadata.json").write_text(json.dumps({
            "package_version": version, "argos_version": "1.9", "type": "translate",
            "from_code": "en", "from_name": "English", "to_code": "ar", "to_name": "Arabic",
            "code": name, "links": [],
        }, indent=2) + "\n")
        (pkg / "README.md").write_text(
            f"# {name}\n\nAn untrained English→Arabic test model built by bilingual's tools/argosmodel.py "
            f"({dims.layers}+{dims.layers} layers, d_model {dims.d_model}, vocabulary {len(vocab)}, seed {seed}).\n"
            "It exercises the real loading and decoding code; its output is not a translation.\n")
        out_file.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(out_file, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(pkg.rglob("*")):
                arcname = path.relative_to(work).as_posix()
                info = zipfile.ZipInfo(arcname + ("/" if path.is_dir() else ""), FIXED_TIME)
                info.external_attr = (0o40755 if path.is_dir() else 0o100644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, b"" if path.is_dir() else path.read_bytes())
        return out_file
    finally:
        shutil.rmtree(work, ignore_errors=True)
