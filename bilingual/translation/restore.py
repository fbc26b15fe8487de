"""Restoring: the glossary Arabic put back into the engine's output, and the fate of every name.

Engines mistreat placeholders: they drop them, repeat them, move them, glue Arabic
proclitics onto them, write their digits as Arabic-Indic digits, put spaces inside the
brackets. :func:`restore` detects each case: repeats are removed, moves are harmless (each
placeholder carries its number), decorations are undone and proclitics re-attached as Arabic
writes them. When a placeholder is lost, the pipeline retries with another placeholder form,
then translates the sentence unmasked and :func:`restore` replaces the model's own spelling
of each name (exact, a known forbidden form, or the closest spelling) with the glossary's.
Whatever cannot be placed is reported ``missing``, never silently wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from bilingual import arabic
from bilingual.document import TermMatch
from bilingual.names.locate import locate
from bilingual.translation.mask import MaskJob, placeholders, placeholders_intact

if TYPE_CHECKING:
    from bilingual.names.entry import Entry

SIMILARITY_THRESHOLD = 0.8
_WORD = re.compile(r"\S+")
_LOOSE_PROCLITIC = re.compile(r"(^|\s)([وف][بلك]?|[بلك])\s+$")


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", text)
    text = re.sub(r" ([،,.:;؛!?؟)\]])", r"\1", text)
    return text.strip()


def _splice(
    text: str, job: MaskJob, replacements: Iterable[tuple[int, int, str, int | None]]
) -> tuple[str, list[TermMatch]]:
    """Replace ``(start, end, written, n)`` ranges of *text* (n None: just delete), tidy, locate terms."""
    pieces, spans, pos = [], {}, 0
    for start, end, written, n in sorted(replacements, key=lambda r: r[0]):
        pieces.append(text[pos:start])
        if n is not None:
            spans[n] = (sum(map(len, pieces)), 0, written.strip())
        pieces.append(written)
        pos = end
    pieces.append(text[pos:])
    raw = "".join(pieces)
    target = _tidy(raw)
    return target, _locate_after_tidy(raw, target, job, spans)


def _restore_placeholders(output: str, job: MaskJob) -> tuple[str, list[TermMatch]]:
    replacements: list[tuple[int, int, str, int | None]] = []
    seen: set[int] = set()
    pos = 0
    for start, end, n, prefix in placeholders(output, job):
        before = output[pos:start]
        pos = end
        if n in seen:  # a repeat: drop it, and proclitics glued to it
            replacements.append((start, end, "", None))  # start already covers the glued prefix
            continue
        seen.add(n)
        entry = job.matches[n - 1].entry
        loose = _LOOSE_PROCLITIC.search(before)
        cut = start  # placeholders() moved start back over the glued prefix already
        if loose and arabic.split_proclitics(loose.group(2) + prefix) is not None:
            # "و [1]", "و ب[1]": a proclitic left standing alone belongs on the name
            prefix = loose.group(2) + prefix
            cut = start - len(before) + loose.start(2)
        written = arabic.attach(prefix, entry.rendering)
        prior = output[cut - 1] if cut > 0 else ""
        if prior and not prior.isspace() and prior not in "([«\"'“":
            written = " " + written
        replacements.append((cut, end, written, n))
    return _splice(output, job, replacements)


def _locate_after_tidy(raw: str, target: str, job: MaskJob, spans: Any) -> list[TermMatch]:
    """Term matches with target offsets found again in the tidied text, in order of occurrence.

    A term's target span covers the name as written, proclitics included (وللجفرة).
    """
    terms = []
    cursor: dict[str, int] = {}
    positions: dict[int, tuple[int, int]] = {}
    for n, (_s, _e, written) in sorted(spans.items(), key=lambda item: item[1][0]):
        found = locate(target, written, cursor.get(written, 0), proclitics=False)
        if found is not None:
            cursor[written] = found[1]
            positions[n] = found
    for n, span in enumerate(job.matches, start=1):
        e = span.entry
        if n in positions:
            start, end = positions[n]
            terms.append(TermMatch(e.english, e.kind, span.start, span.end, e.rendering, start, end, "enforced"))
        else:
            terms.append(TermMatch(e.english, e.kind, span.start, span.end, e.rendering, -1, -1, "missing"))
    return terms


def _find_name(
    words: list[tuple[int, int, str]], taken: list[tuple[int, int]], entry: Entry, model_spelling: str = ""
) -> tuple[int, int, str] | None:
    """The span of *entry*'s name as the model wrote it: (start, end, proclitic prefix).

    Windows of the name's word count (then one more, one fewer) are compared with: the
    model's own spelling of the name (from translating it alone), the glossary spelling and
    the known forbidden forms (exact), then by consonant-skeleton similarity.
    """
    width = len(entry.arabic.split())
    sizes = [width, width + 1, max(1, width - 1)]
    if model_spelling:
        sizes.insert(0, len(model_spelling.split()) or 1)
    exact = {entry.arabic, model_spelling} - {""}
    best = None
    for rank, size in enumerate(dict.fromkeys(sizes)):
        for i in range(len(words) - size + 1):
            start, end = words[i][0], words[i + size - 1][1]
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            text = " ".join(w for _s, _e, w in words[i : i + size]).strip("،,.:;؛!?؟()[]«»\"'“”")
            for prefix, body in _prefixes(text):
                if body in exact:
                    return start, end, prefix
                if entry.no_translate:
                    continue
                for wrong in entry.forbidden:  # a wrong spelling of the name or of one of its words
                    if wrong in body.split() or wrong == body:
                        body = body.replace(wrong, _closest_word(wrong, entry.arabic))
                score = arabic.similarity(body, entry.arabic, at_least=SIMILARITY_THRESHOLD) - 0.01 * rank
                if score >= SIMILARITY_THRESHOLD and (best is None or score > best[0]):
                    best = (score, start, end, prefix)
    return None if best is None else best[1:]


def _closest_word(wrong: str, arabic_name: str) -> str:
    if len(wrong.split()) != 1:
        return arabic_name
    return max(arabic_name.split(), key=lambda w: arabic.similarity(w, wrong))


def _prefixes(word: str) -> list[tuple[str, str]]:
    """(proclitics, rest) readings of *word*: as it is, and without و/ف and ب/ل/ك before it.

    ل before the article contracts (للسيسي), so that reading restores the article.
    """
    out = [("", word)]
    conj = word[:1] if word[:1] in arabic.CONJUNCTIONS else ""
    rest = word[len(conj) :]
    if conj and len(rest) > 1:
        out.append((conj, rest))
    if rest.startswith("لل") and len(rest) > 3:
        out.append((conj + "ل", "ال" + rest[2:]))
    elif rest[:1] in arabic.PREPOSITIONS and len(rest) > 2:
        out.append((conj + rest[0], rest[1:]))
    return out


def _repair_unmasked(unmasked: str, job: MaskJob, spellings: dict[str, str]) -> tuple[str, list[TermMatch]]:
    """Replace the model's own spelling of each name in an unmasked translation."""
    replacements = []  # (start, end, text, n)
    taken: list[tuple[int, int]] = []
    words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(unmasked)]
    for n, span in enumerate(job.matches, start=1):
        if span.entry.no_translate:
            start = unmasked.find(span.entry.arabic)
            found = (
                (start, start + len(span.entry.arabic), "")
                if start >= 0 and not any(start < e and s < start + len(span.entry.arabic) for s, e in taken)
                else None
            )
        else:
            surface = job.source[span.start : span.end]
            spelling = spellings.get(surface, "")
            if spelling and unmasked.strip(" .،") == spelling and len(job.source.split()) > len(surface.split()):
                spelling = ""  # the whole sentence came out as the name's spelling: not a spelling
            found = _find_name(words, taken, span.entry, spelling)
        if found is None:
            continue
        start, end, prefix = found
        text = unmasked[start:end]
        # Keep punctuation stuck to the words we replace.
        lead = len(text) - len(text.lstrip("«\"'“("))
        trail = len(text) - len(text.rstrip("،,.:;؛!?؟)»\"'”"))
        start, end = start + lead, end - trail
        taken.append((start, end))
        replacements.append((start, end, arabic.attach(prefix, span.entry.rendering), n))
    return _splice(unmasked, job, replacements)


def restore(
    output: str, job: MaskJob, *, unmasked: str | None = None, spellings: dict[str, str] | None = None
) -> tuple[str, tuple[TermMatch, ...]]:
    """The final Arabic for a masked sentence, and the fate of every name in it.

    *unmasked* is the engine's translation of the sentence without placeholders, and
    *spellings* maps each name as written in the source to the engine's translation of it
    alone; both are used only when placeholders were lost.
    """
    if not job.matches:
        return output, ()
    if placeholders_intact(output, job) or unmasked is None:
        target, terms = _restore_placeholders(output, job)
    else:
        target, terms = _repair_unmasked(unmasked, job, spellings or {})
    return target, tuple(terms)
