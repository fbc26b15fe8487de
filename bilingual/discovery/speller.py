"""The learned speller: a small character-level model from a romanised word to Arabic, run by
CTranslate2 (the translation runtime), as one more signal for a name no table holds.

It is trained here on the name pairs we ship (``tools/train_speller.py``) and proposes a few
spellings; the caller keeps the model's best only where Arabic text attests it, or where nothing
else reads the word (the rule's letter-by-letter spelling being the other choice). Without the
model folder or CTranslate2 it proposes nothing.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

MODEL = Path(__file__).resolve().parent / "data" / "speller"
_LATIN = re.compile("[a-z]{2,20}")
_ARABIC = re.compile("[\u0621-\u064a]{2,30}")


@cache
def _translator() -> Any:
    if not (MODEL / "model.bin").is_file():
        return None
    try:
        import ctranslate2
    except ImportError:
        return None
    return ctranslate2.Translator(str(MODEL), device="cpu", inter_threads=1, intra_threads=1)


def available() -> bool:
    return _translator() is not None


@cache
def candidates(word: str, n: int = 4) -> tuple[tuple[str, float], ...]:
    """The model's *n* best Arabic spellings of one lower-case romanised word, with their log-probabilities."""
    translator = _translator()
    if translator is None or not _LATIN.fullmatch(word):
        return ()
    result = translator.translate_batch(
        [[*word, "</s>"]], beam_size=n, num_hypotheses=n, return_scores=True, max_decoding_length=32
    )[0]
    found = (
        ("".join(t for t in tokens if t != "<s>"), score)
        for tokens, score in zip(result.hypotheses, result.scores, strict=True)
    )
    return tuple((text, score) for text, score in found if _ARABIC.fullmatch(text))
