"""Build genuine Argos Translate packages (.argosmodel) with set weights, for tests and benches.

A package is a zip of one folder holding ``metadata.json``, ``sentencepiece.model`` and a
CTranslate2 ``model/`` directory. The SentencePiece model is trained here on our own example
articles and Arabic sentences. The Transformer's weights are written through
``ctranslate2.specs``, so the model runs through exactly the same loading and decoding code as a
real Argos model. Two kinds:

- ``copy`` (the test fixture): weights set by hand so the model copies its input, token by
  token, and ends with </s>. Token identities and positions live in separate dimensions; the
  decoder's cross-attention matches its own position against the encoder's, and its value path
  carries the token across. Output depends on input (order bugs show), placeholders such as
  ``[1]`` pass through a real decode, and decoding stops like a real model's.
- ``copy`` at "base" size (the bench's realistic stand-in): the same construction in 6+6 layers,
  d_model 512, 8 heads, FFN 2048, so output lengths follow the input and decoding stops;
- ``random``: seeded random weights, for timing only (every sentence decodes to its length limit).

Neither translates: they are not trained.

Needs only ``ctranslate2``, ``sentencepiece`` and ``numpy`` (all runtime dependencies already).
"""

from __future__ import annotations

import io
import json
import math
import shutil
import string
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = [*sorted((ROOT / "examples").glob("*.*")), ROOT / "tools" / "data" / "arabic-news.txt"]
# Every printable ASCII character and every Arabic letter and digit, so none is unknown.
COVERAGE = string.printable.strip() + " " + "".join(map(chr, range(0x0621, 0x064B))) + "٠١٢٣٤٥٦٧٨٩،؛؟«»"
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
    text.write(" ".join(COVERAGE) + "\n")
    corpus = out_prefix.parent / "corpus.txt"
    corpus.write_text(text.getvalue(), encoding="utf-8")
    spm.SentencePieceTrainer.train(
        input=str(corpus),
        model_prefix=str(out_prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        num_threads=1,
        minloglevel=2,
        split_digits=True,
        byte_fallback=False,
    )
    return out_prefix.with_suffix(".model")


def _pieces(sp_model: Path) -> list[str]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def build_ct2_model(
    out_dir: Path, vocab: list[str], dims: Dims, *, seed: int = 1234, quantization: str = "int8"
) -> None:
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


COPY_TINY = Dims(layers=1, d_model=128, heads=1, ffn=4)
POSITION_DIMS = 32  # 8 sinusoid pairs, as cos, sin, -cos, -sin


def _arabic_pairing(vocab: list[str]) -> list[int]:
    """For each token, the token the model writes for it: Latin-letter pieces become Arabic-letter
    pieces (round robin), everything else (digits, brackets, punctuation, </s>) stays itself."""
    arabic = [i for i, piece in enumerate(vocab) if any("\u0621" <= c <= "\u064a" for c in piece)]
    out = list(range(len(vocab)))
    latin = [
        i
        for i, piece in enumerate(vocab)
        if any(c.isascii() and c.isalpha() for c in piece) and not piece.startswith("<")
    ]
    for n, i in enumerate(latin):
        out[i] = arabic[n % len(arabic)] if arabic else i
    return out


def build_copy_model(
    out_dir: Path, vocab: list[str], dims: Dims = COPY_TINY, *, seed: int = 7, arabic_output: bool = False
) -> None:
    """Write a CTranslate2 Transformer of *dims* whose set weights copy the input (see module doc).

    Token codes fill the first ``d - 32`` dimensions, position codes the last 32. Every
    sublayer but the first decoder layer's cross-attention is silent (zero weights: computed at
    full cost, adding nothing), so a "base"-sized copy model costs what a real one costs per
    token while its output length follows its input. Each attention head reads positions in
    its first 32 query/key dimensions and carries its own slice of the token code as values.
    """
    import numpy as np
    from ctranslate2.specs import transformer_spec

    d, heads = dims.d_model, dims.heads
    head_dim = d // heads
    assert head_dim >= POSITION_DIMS, "each head needs room for the position code"
    token_dims, pairs = d - POSITION_DIMS, POSITION_DIMS // 4
    rng = np.random.default_rng(seed)
    tokens = np.zeros((len(vocab), d), np.float32)
    for row in tokens:  # balanced ±1 codes: mean zero, so layer norms only rescale them
        code = np.array([1.0, -1.0] * (token_dims // 2))
        rng.shuffle(code)
        row[:token_dims] = code
    positions = np.zeros((1024, d), np.float32)
    for k, period in enumerate(np.geomspace(2.5, 2000, pairs)):
        angle = 2 * math.pi / period * np.arange(1024)
        for i, column in enumerate((np.cos(angle), np.sin(angle), -np.cos(angle), -np.sin(angle))):
            positions[:, token_dims + 4 * k + i] = column
    where = np.zeros((d, d), np.float32)  # each head's query/key: the position code
    for h in range(heads):
        where[h * head_dim : h * head_dim + POSITION_DIMS, token_dims:] = np.eye(POSITION_DIMS)
    what = np.zeros((d, d), np.float32)  # values and output: the token code, head by head
    what[:token_dims, :token_dims] = np.eye(token_dims)
    # Logits are q·k/√head_dim: keep them as sharp as the 1-head, d 128 original.
    sharp = 3.0 * (head_dim / 128) ** 0.25

    def zeros(*shape):
        return np.zeros(shape, np.float32)

    def norm(spec):
        spec.gamma, spec.beta = np.ones(d, np.float32), zeros(d)

    def linear(spec, weight):
        spec.weight, spec.bias = weight.astype(np.float32), zeros(weight.shape[0])

    def silent(attention, parts):  # a sublayer that adds nothing to the residual stream
        norm(attention.layer_norm)
        for lin, rows in zip(attention.linear, parts):
            linear(lin, zeros(rows, d))

    def silent_ffn(ffn):
        norm(ffn.layer_norm)
        linear(ffn.linear_0, zeros(dims.ffn, d))
        linear(ffn.linear_1, zeros(d, dims.ffn))

    spec = transformer_spec.TransformerSpec.from_config((dims.layers, dims.layers), heads, pre_norm=True)
    spec.encoder.embeddings[0].weight = tokens / math.sqrt(d)  # CTranslate2 scales by √d
    spec.encoder.position_encodings.encodings = positions
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        silent(layer.self_attention, (3 * d, d))
        silent_ffn(layer.ffn)
    spec.decoder.embeddings.weight = zeros(len(vocab), d)  # the decoder sees positions only
    spec.decoder.position_encodings.encodings = positions
    norm(spec.decoder.layer_norm)
    for n, layer in enumerate(spec.decoder.layer):
        silent(layer.self_attention, (3 * d, d))
        if n == 0:
            norm(layer.attention.layer_norm)
            linear(layer.attention.linear[0], sharp * where)  # query: where am I
            linear(layer.attention.linear[1], np.concatenate([sharp * where, what]))  # keys: where; values: what
            linear(layer.attention.linear[2], 4.0 * what)
        else:
            silent(layer.attention, (d, 2 * d, d))
        silent_ffn(layer.ffn)
    projection = tokens
    if arabic_output:
        # The token written for source token i is pairing[i]: its output row carries the codes of
        # every source token that maps to it (a few each), so it wins when any of them is read.
        projection = np.zeros_like(tokens)
        for i, j in enumerate(_arabic_pairing(vocab)):
            projection[j] += tokens[i]
    linear(spec.decoder.projection, projection)
    spec.config.add_source_eos = True  # the source's </s> is copied last: decoding stops
    _save(spec, vocab, out_dir)


def _save(spec, vocab: list[str], out_dir: Path) -> None:
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.validate()
    spec.optimize(quantization="int8")
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def build_package(
    out_file: Path,
    *,
    dims: Dims = TINY,
    name: str = "translate-en_ar-fixture",
    version: str = "0.2",
    seed: int = 1234,
    sp_vocab: int = 800,
    kind: str = "copy",
    arabic_output: bool = False,
) -> Path:
    """Build ``out_file`` (.argosmodel): SentencePiece + CTranslate2 model + metadata, zipped."""
    work = Path(tempfile.mkdtemp(prefix="argosmodel-"))
    try:
        pkg = work / name
        pkg.mkdir()
        sp_model = train_sentencepiece(work / "sp", sp_vocab)
        shutil.copy(sp_model, pkg / "sentencepiece.model")
        vocab = _pieces(sp_model)
        vocab += [f"<filler_{i}>" for i in range(max(0, dims.vocab - len(vocab)))]
        if kind == "copy":
            build_copy_model(pkg / "model", vocab, COPY_TINY if dims == TINY else dims, arabic_output=arabic_output)
        else:
            build_ct2_model(pkg / "model", vocab, dims, seed=seed)
        (pkg / "metadata.json").write_text(
            json.dumps(
                {
                    "package_version": version,
                    "argos_version": "1.9",
                    "type": "translate",
                    "from_code": "en",
                    "from_name": "English",
                    "to_code": "ar",
                    "to_name": "Arabic",
                    "code": name,
                    "links": [],
                },
                indent=2,
            )
            + "\n"
        )
        copy_dims = COPY_TINY if dims == TINY else dims
        what = (
            f"a {copy_dims.layers}+{copy_dims.layers}-layer Transformer (d_model {copy_dims.d_model}, "
            f"{copy_dims.heads} heads) whose hand-set weights copy the input"
            if kind == "copy"
            else f"{dims.layers}+{dims.layers} layers, d_model {dims.d_model}, seeded random weights (seed {seed})"
        )
        (pkg / "README.md").write_text(
            f"# {name}\n\nAn untrained test model built by bilingual's tools/argosmodel.py: {what}; "
            f"vocabulary {len(vocab)}.\nIt exercises the real loading and decoding code; "
            "its output is not a translation.\n"
        )
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
