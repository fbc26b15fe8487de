"""The Argos Translate engine: an installed Argos package run through CTranslate2 directly.

The engine downloads nothing: the command line makes sure a model is installed before it
creates one (:func:`bilingual.engines.argos.packages.ensure_installed`). The package is found
through ``argostranslate.package``; its CTranslate2 model and its
SentencePiece model are loaded here, once per process, and a whole document is translated
in token-bounded batches sorted by length. ``argostranslate.translate`` is never imported
(it pulls in stanza, torch and spaCy).
"""

from __future__ import annotations

import math
from pathlib import Path

from bilingual.engines.argos import packages as models
from bilingual.engines.base import EngineOptions
from bilingual.errors import EngineError, ModelError
from bilingual.i18n import _

_LOADED: dict[tuple, tuple] = {}  # (model path, device, threads) -> (translator, sp)


def _load(model_path: Path, device: str, threads: int):
    key = (str(model_path), device, threads)
    if key not in _LOADED:
        import ctranslate2
        import sentencepiece

        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        try:
            translator = ctranslate2.Translator(
                str(model_path / "model"), device=device, inter_threads=1,
                intra_threads=threads, compute_type="auto",
            )
        except (RuntimeError, ValueError) as exc:
            raise ModelError(f"cannot load the CTranslate2 model: {exc}", path=model_path / "model",
                             hint="reinstall the package with bilingual models install") from exc
        sp_path = model_path / "sentencepiece.model"
        if not sp_path.is_file():
            raise ModelError("package has no sentencepiece.model (BPE packages are not supported)",
                             path=model_path)
        try:
            sp = sentencepiece.SentencePieceProcessor(model_file=str(sp_path))
        except (RuntimeError, OSError) as exc:
            raise ModelError(f"cannot load the SentencePiece model: {exc}", path=sp_path) from exc
        _LOADED[key] = (translator, sp)
    return _LOADED[key]


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


def plan_batches(lengths: list[int], budget: int) -> list[list[int]]:
    """Indices sorted by length, grouped so that longest × count stays within *budget* tokens."""
    order = sorted(range(len(lengths)), key=lambda i: lengths[i])
    batches: list[list[int]] = []
    current: list[int] = []
    for i in order:
        longest = max(lengths[i], 1)
        if current and longest * (len(current) + 1) > budget:
            batches.append(current)
            current = []
        current.append(i)
    if current:
        batches.append(current)
    return batches


def max_decoding_length(longest_source: int, cap: int = 512) -> int:
    """How many target tokens a batch may produce: generous for Arabic, bounded for safety."""
    return min(cap, math.ceil(longest_source * 1.5) + 10)


class ArgosEngine:
    """Translate with an installed Argos Translate package (CTranslate2 + SentencePiece)."""

    name = "argos"

    def __init__(self, options: EngineOptions | None = None, *, package_path: Path | None = None) -> None:
        self.options = options or EngineOptions()
        if package_path is not None:
            model = models.InstalledModel(Path(package_path).name, Path(package_path),
                                          self.options.from_code, self.options.to_code, "")
        else:
            found = models.find(self.options.from_code, self.options.to_code)
            if found is None:
                raise ModelError(_("no {pair} model is installed").format(
                    pair=f"{self.options.from_code}→{self.options.to_code}"), hint=models.install_hint())
            model = found
        self.model = model
        self.model_name = model.name
        self.model_version = model.version
        self.model_checksum = models.model_checksum(model)
        self._loaded = None  # the model loads on first use: a run served from memory never loads it

    @property
    def translator(self):
        return self._load()[0]

    @property
    def sp(self):
        return self._load()[1]

    def _load(self):
        if self._loaded is None:
            self._loaded = _load(self.model.path, self.options.device, self.options.threads)
        return self._loaded

    def tokenize(self, texts: list[str]) -> list[list[str]]:
        return self.sp.encode(texts, out_type=str)

    def detokenize(self, tokens: list[str]) -> str:
        return self.sp.decode(tokens)

    def translate_tokens(self, sources: list[list[str]]) -> list[list[str]]:
        """Translate pre-tokenized inputs in sorted, token-bounded batches."""
        results: list[list[str]] = [[] for _source in sources]
        prefix = self.model.target_prefix
        for batch in plan_batches([len(s) for s in sources], self.options.batch_tokens):
            inputs = [sources[i] for i in batch]
            kwargs = {}
            if prefix:
                kwargs["target_prefix"] = [[prefix]] * len(inputs)
            try:
                out = self.translator.translate_batch(
                    inputs, beam_size=self.options.beam_size, max_batch_size=0,
                    max_decoding_length=max_decoding_length(max(len(s) for s in inputs)), **kwargs,
                )
            except RuntimeError as exc:
                raise EngineError(f"CTranslate2 failed: {exc}") from exc
            for i, result in zip(batch, out, strict=True):
                hyp = result.hypotheses[0]
                results[i] = hyp[1:] if prefix and hyp[:1] == [prefix] else hyp
        return results

    def translate_batch(self, texts: list[str]) -> list[str]:
        if not texts:
            return []
        limit = self.options.max_input_tokens
        pieces: list[list[str]] = []
        owners: list[int] = []
        for n, tokens in enumerate(self.tokenize(texts)):
            for piece in split_long(tokens, limit):
                pieces.append(piece)
                owners.append(n)
        translated = self.translate_tokens(pieces)
        joined: list[list[str]] = [[] for _text in texts]
        for owner, tokens in zip(owners, translated, strict=True):
            joined[owner].append(self.detokenize(tokens))
        return [" ".join(p for p in parts if p) for parts in joined]
