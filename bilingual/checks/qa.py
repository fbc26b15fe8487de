"""QA checks as OmegaT and Okapi users know them: empty targets, numbers, Latin text left behind."""

from __future__ import annotations

import re
from collections import Counter

from bilingual.arabic import mostly_latin
from bilingual.checks.base import QA_CHECKS, Context, Failed, register
from bilingual.document import Segment
from bilingual.i18n import _

UNKNOWN = "⁇"  # what SentencePiece writes for a piece the model's vocabulary lacks


@register(QA_CHECKS)
def unknown_characters(seg: Segment, ctx: Context) -> None:
    """Characters the model could not read (⁇)"""
    if UNKNOWN in seg.target:
        raise Failed(
            _(
                "{n} × {mark} in the translation: the model had no word for some characters of the source; retype them"
            ).format(n=seg.target.count(UNKNOWN), mark=UNKNOWN)
        )


@register(QA_CHECKS)
def empty_target(seg: Segment, ctx: Context) -> None:
    """Empty translation"""
    if seg.source.strip() and not seg.target.strip():
        raise Failed(_("the segment has no translation"))


_NUMBER = re.compile(r"\d+(?:[,.٬٫]\d+)*")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def numbers_in(text: str) -> Counter[str]:
    """Numbers as values: 1,000 → 1000, 12th → 12, ٧٤ → 74, 2.5 and ٢٫٥ → 2.5."""
    text = text.translate(_ARABIC_DIGITS)
    out: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        raw = m.group().replace("٬", ",").replace("٫", ".")
        if re.fullmatch(r"\d{1,3}(,\d{3})+", raw):
            raw = raw.replace(",", "")
        out[raw.replace(",", ".")] += 1
    return out


@register(QA_CHECKS)
def numbers_differ(seg: Segment, ctx: Context) -> None:
    """Numbers differ between source and translation"""
    if not seg.target:
        return
    src, tgt = numbers_in(seg.source), numbers_in(seg.target)
    if src != tgt:
        missing = sorted((src - tgt).elements())
        extra = sorted((tgt - src).elements())
        parts = []
        if missing:
            parts.append(_("missing {numbers}").format(numbers=", ".join(missing)))
        if extra:
            parts.append(_("not in the source {numbers}").format(numbers=", ".join(extra)))
        raise Failed("; ".join(parts), "warning")


_ISOLATED = re.compile("\u2066[^\u2069]*\u2069")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@register(QA_CHECKS)
def untranslated_latin(seg: Segment, ctx: Context) -> None:
    """Untranslated Latin text in the translation"""
    if mostly_latin(seg.target):
        return  # the whole translation left in English: one finding, "Translation left in English"
    words = _LATIN_WORD.findall(_ISOLATED.sub("", seg.target))
    if words:
        raise Failed(_("Latin text left in the Arabic: {words}").format(words=" ".join(words[:8])), "warning")


_DIRECTION = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OWN_ISOLATE = re.compile("\u2066[^\u2066-\u2069\u202a-\u202e]*\u2069")  # a no-translate name, isolated by us


@register(QA_CHECKS)
def direction_controls(seg: Segment, ctx: Context) -> None:
    """Text direction control characters"""
    found = []
    for side, text in ((_("source"), seg.source), (_("translation"), _OWN_ISOLATE.sub("", seg.target))):
        codes = sorted({f"U+{ord(c):04X}" for c in _DIRECTION.findall(text)})
        if codes:
            found.append(f"{side}: {' '.join(codes)}")
    if found:
        raise Failed(
            _("direction controls that can reorder the text (neutralised in published output): {found}").format(
                found="; ".join(found)
            ),
            "warning",
        )


@register(QA_CHECKS)
def untranslated_segment(seg: Segment, ctx: Context) -> None:
    """Translation left in English"""
    if seg.target and mostly_latin(seg.target):
        raise Failed(_("the translation is mostly Latin text: the engine did not translate it"), "warning")
