"""The Argos Translate engine: an installed Argos package run through CTranslate2 directly.

Creating the engine downloads nothing: its ``prepare`` (called by the use case that loads it,
through :func:`bilingual.engines.base.load_engine`) installs a missing model from the index when
allowed. The package is found where Argos Translate keeps it (:mod:`~bilingual.engines.argos.layout`);
its CTranslate2 model and its SentencePiece model are loaded here, once per process, and a whole
document is translated in token-bounded batches sorted by length. argostranslate itself is never
imported (it pulls in stanza, torch and spaCy).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilingual.engines.argos import packages as models
from bilingual.engines.base import EngineOptions, Preparation
from bilingual.errors import EngineError, ModelError
from bilingual.i18n import _

_LOADED: dict[tuple, Loaded] = {}  # (model path, device, intra, inter) -> the loaded model


@dataclass(frozen=True)
class Loaded:
    translator: Any
    source_sp: Any
    target_sp: Any


@dataclass(frozen=True)
class Plan:
    """How the runtime is used: threads, parallel translators, batch shape (see :func:`choose_plan`)."""

    device: str
    intra_threads: int  # threads inside one translation
    inter_threads: int  # translators working on batches in parallel
    batch_examples: int  # sentences per batch (0: only the token budget limits it)


def choose_plan(device: str, cores: int, *, threads: int = 0, inter_threads: int = 0) -> Plan:
    """The fastest way to run on this machine, chosen on measurement (bench/translate_speed.py).

    On CPU, one thread per translator and one translator per core, fed batches of 8 sentences,
    beat one translator using every core (whose threads spin against each other): measured on 2
    cores with the base-size stand-in, see the README's benchmark table. On a GPU, one translator with large batches. ``--threads``
    and ``--inter-threads`` override.
    """
    if device == "cuda":
        return Plan(device, threads or 1, inter_threads or 1, 0)
    inter = inter_threads or max(1, min(cores, 4) if not threads else max(1, cores // threads))
    intra = threads or max(1, cores // inter)
    return Plan(device, intra, inter, 8 if inter > 1 else 0)


def _load(model: models.InstalledModel, plan: Plan) -> Loaded:
    key = (str(model.path), plan.device, plan.intra_threads, plan.inter_threads)
    if key not in _LOADED:
        import ctranslate2
        import sentencepiece

        try:
            translator = ctranslate2.Translator(
                str(model.path / "model"),
                device=plan.device,
                inter_threads=plan.inter_threads,
                intra_threads=plan.intra_threads,
                compute_type="auto",
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(
                _("cannot load the CTranslate2 model: {error}").format(error=exc),
                path=model.path / "model",
                hint=_("reinstall the package with bilingual models install"),
            ) from exc
        processors = []
        for name in ("sentencepiece.model", model.target_spm or "sentencepiece.model"):
            sp_path = model.path / name
            if not sp_path.is_file():
                raise ModelError(
                    _("package has no {name} (BPE packages are not supported)").format(name=name), path=model.path
                )
            try:
                processors.append(sentencepiece.SentencePieceProcessor(model_file=str(sp_path)))
            except (RuntimeError, OSError) as exc:
                raise ModelError(
                    _("cannot load the SentencePiece model: {error}").format(error=exc), path=sp_path
                ) from exc
        _LOADED[key] = Loaded(translator, processors[0], processors[1])
    return _LOADED[key]


def _device(requested: str) -> str:
    if requested != "auto":
        return requested
    import ctranslate2

    return "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"


def split_long(tokens: list[str], limit: int) -> list[list[str]]:
    """Cut a token list longer than *limit* into pieces, at word starts where possible."""
    if len(tokens) <= limit:
        return [tokens]
    pieces = []
    start = 0
    while start < len(tokens):
        end = min(start + limit, len(tokens))
        if end < len(tokens):
            cut = end
            while cut > start + 1 and not tokens[cut].startswith("▁"):
                cut -= 1
            if tokens[cut].startswith("▁") and cut > start:
                end = cut
        pieces.append(tokens[start:end])
        start = end
    return pieces


def examples_per_batch(plan: Plan, count: int) -> int:
    """Sentences per batch for *count* sentences: a few are spread over every translator (a list of
    8 on two translators: 4 each), so a small request uses every core; a document's many fill
    batches of ``plan.batch_examples``."""
    if plan.batch_examples and plan.inter_threads > 1:
        return min(plan.batch_examples, max(1, -(-count // plan.inter_threads)))
    return plan.batch_examples


def plan_batches(lengths: list[int], budget: int, max_examples: int = 0) -> list[list[int]]:
    """Indices sorted by length, grouped so that longest × count stays within *budget* tokens
    (and a batch holds at most *max_examples* sentences, when given)."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = max(lengths[i], 1)
        full = max_examples and len(current) >= max_examples
        if current and (full or longest * (len(current) + 1) > budget):
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def max_decoding_length(longest_source: int, cap: int = 512) -> int:
    """How many target tokens a batch may produce: generous for Arabic, bounded for safety."""
    return min(cap, math.ceil(longest_source * 1.5) + 10)


# What a character the model's vocabulary lacks becomes for it (it would otherwise come out as ⁇).
FALLBACKS = {"’": "'", "‘": "'", "‚": ",", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"', "—": " - ", "–": "-",
             "―": " - ", "…": "...", "′": "'", "″": '"', "«": '"', "»": '"', "‹": "'", "›": "'", "\u00a0": " ",
             "\u2009": " ", "\u202f": " ", "•": "-", "·": "-"}  # fmt: skip
_WORD = re.compile(r"\w[\w'’-]*")


def _plain(char: str) -> str:
    """*char* without its accents (é → e, ß stays): what an English vocabulary surely has."""
    return "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)) or char


class ArgosEngine:
    """Translate with an installed Argos Translate package (CTranslate2 + SentencePiece)."""

    name = "argos"

    @staticmethod
    def prepare(options: EngineOptions, preparation: Preparation) -> None:
        """Install the pair's model from the package index when none is (and downloads are allowed)."""
        models.ensure_installed(
            options.from_code,
            options.to_code,
            download=preparation.download,
            index=preparation.index,
            progress=preparation.progress,
            name=options.model or None,
        )

    def __init__(self, options: EngineOptions | None = None, *, package_path: Path | None = None) -> None:
        import os

        self.options = options or EngineOptions()
        if package_path is not None:
            model = next(
                (m for m in models.installed(Path(package_path).parent) if m.path == Path(package_path)),
                models.InstalledModel(
                    Path(package_path).name, Path(package_path), self.options.from_code, self.options.to_code, ""
                ),
            )
        elif models.is_package_path(self.options.model):
            model = models.use_package(self.options.model)
        else:
            found = models.find(self.options.from_code, self.options.to_code, self.options.model or None)
            if found is None:
                raise ModelError(
                    _("no {pair} model is installed").format(pair=f"{self.options.from_code}→{self.options.to_code}"),
                    hint=models.install_hint(),
                )
            model = found
        self.model = model
        self.model_name = model.name
        self.model_version = model.version
        self.model_checksum = models.model_checksum(model)
        self.cores = os.cpu_count() or 1
        self._loaded: Loaded | None = None
        self._covered: dict[str, bool] = {}  # loads on first use: a run served from memory never loads it

    @property
    def plan(self) -> Plan:
        return choose_plan(
            _device(self.options.device),
            self.cores,
            threads=self.options.threads,
            inter_threads=self.options.inter_threads,
        )

    @property
    def translator(self) -> Any:
        return self._load().translator

    @property
    def sp(self) -> Any:
        return self._load().source_sp

    def _load(self) -> Loaded:
        if self._loaded is None:
            self._loaded = _load(self.model, self.plan)
        return self._loaded

    def covered(self, char: str) -> bool:
        """Whether the source vocabulary has *char* (SentencePiece would not make it ``<unk>``)."""
        known = self._covered.get(char)
        if known is None:
            sp = self._load().source_sp
            known = self._covered[char] = sp.unk_id() not in sp.encode(char)
        return known

    def normalize(self, text: str) -> tuple[str, dict[str, str]]:
        """*text* with each character the vocabulary lacks replaced by one it has (typographic
        punctuation by ASCII, accented letters without their accents), and the words to put back:
        ``{"Jose": "José"}``, for words the model copies into its output."""
        if text.isascii():
            return text, {}
        out = []
        for char in text:
            if char.isascii() or self.covered(char):
                out.append(char)
            else:
                out.append(FALLBACKS.get(char) or _plain(char))
        normalized = "".join(out)
        if normalized == text:
            return text, {}
        words = {}
        for found in _WORD.finditer(text):
            word = found.group()
            plain = "".join(c if c.isascii() or self.covered(c) else FALLBACKS.get(c) or _plain(c) for c in word)
            if plain != word and any(c.isalpha() and not c.isascii() for c in word):
                words[plain] = word
        return normalized, words

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        tokens = self._load().source_sp.encode(texts, out_type=str)
        prefix = self.model.source_prefix
        return [[prefix, *t] for t in tokens] if prefix else tokens

    def detokenize(self, tokens: list[str]) -> str:
        return self._load().target_sp.decode(tokens)

    def translate_tokens(
        self, sources: list[list[str]], *, beam_size: int | None = None, **decoding: Any
    ) -> list[list[str]]:
        """Translate pre-tokenized inputs in sorted, token-bounded batches, fed to the parallel
        translators asynchronously so every core works (one model load)."""
        results: list[list[str]] = [[] for _source in sources]
        prefix = self.model.target_prefix
        plan = self.plan
        pending = []
        try:
            examples = examples_per_batch(plan, len(sources))
            for batch in plan_batches([len(s) for s in sources], self.options.batch_tokens, examples):
                inputs = [sources[i] for i in batch]
                kwargs = dict(decoding)
                if prefix:
                    kwargs["target_prefix"] = [[prefix]] * len(inputs)
                futures = self.translator.translate_batch(
                    inputs,
                    beam_size=beam_size or self.options.beam_size,
                    max_batch_size=0,
                    asynchronous=True,
                    max_decoding_length=max_decoding_length(max(len(s) for s in inputs)),
                    **kwargs,
                )
                pending.append((batch, futures))
            for batch, futures in pending:
                for i, future in zip(batch, futures, strict=True):
                    hyp = future.result().hypotheses[0]
                    results[i] = hyp[1:] if prefix and hyp[:1] == [prefix] else hyp
        except RuntimeError as exc:
            raise EngineError(_("CTranslate2 failed: {error}").format(error=exc)) from exc
        return results

    def translate_batch(self, texts: list[str], **decoding: Any) -> list[str]:
        if not texts:
            return []
        limit = self.options.max_input_tokens
        prepared = [self.normalize(text) for text in texts]
        pieces: list[list[str]] = []
        owners: list[int] = []
        for n, tokens in enumerate(self.tokenize([text for text, _words in prepared])):
            for piece in split_long(tokens, limit):
                pieces.append(piece)
                owners.append(n)
        translated = self.translate_tokens(pieces, **decoding)
        joined: list[list[str]] = [[] for _text in texts]
        for owner, tokens in zip(owners, translated, strict=True):
            joined[owner].append(self.detokenize(tokens))
        out = [" ".join(p for p in parts if p) for parts in joined]
        return [_put_back(text, words) for text, (_normalized, words) in zip(out, prepared, strict=True)]

    def retry_batch(self, texts: list[str]) -> list[str]:
        """A second try for sentences that came back untranslated: a wider beam, repetition
        penalised, and no unknown token (what a model falls back on when it copies its input)."""
        return self.translate_batch(
            texts, beam_size=max(5, self.options.beam_size + 2), repetition_penalty=1.2, disable_unk=True
        )


def _put_back(text: str, words: dict[str, str]) -> str:
    """The original spelling of words the model copied unaccented (Jose → José), whole words only."""
    for plain, word in words.items():
        text = re.sub(rf"(?<!\w){re.escape(plain)}(?!\w)", word, text)
    return text
