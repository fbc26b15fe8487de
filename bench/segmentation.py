"""Sentence boundaries against hand-made gold: ours, pySBD and ICU, on the examples and on the dev set.

    python bench/segmentation.py

For every paragraph of every gold article (bench/gold.py), each splitter cuts the paragraph's
text into sentences; a boundary is the position (in non-space characters) where a sentence
ends. Precision, recall and F1 are given over all boundaries and over the boundaries inside
paragraphs (the end of a paragraph is free). The examples are what the rules were tuned on; the
dev set was never looked at while tuning. Speed is characters per second.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from gold import paragraph_texts, sets  # noqa: E402


def ours(text: str) -> list[str]:
    from bilingual.segment import split_sentences

    return [text[s:e] for s, e in split_sentences(text)]


def pysbd_split(text: str) -> list[str]:
    import pysbd

    return [s.strip() for s in pysbd.Segmenter(language="en", clean=False).segment(text) if s.strip()]


def icu_split(text: str) -> list[str]:
    import icu

    breaker = icu.BreakIterator.createSentenceInstance(icu.Locale("en_US"))
    breaker.setText(text)
    out, start = [], 0
    for end in breaker:
        if text[start:end].strip():
            out.append(text[start:end].strip())
        start = end
    return out


def boundaries(sentences: list[str]) -> list[int]:
    """Cumulative non-space character counts at each sentence's end."""
    out, total = [], 0
    for sentence in sentences:
        total += sum(1 for c in sentence if not c.isspace())
        out.append(total)
    return out


def score(splitter, articles) -> dict[str, float]:
    tp = fp = fn = tp_in = fp_in = fn_in = 0
    for article in articles:
        for text, gold in zip(paragraph_texts(article), article.paragraphs, strict=True):
            want, got = set(boundaries(gold)), set(boundaries(splitter(text)))
            last = max(want)
            tp += len(want & got)
            fp += len(got - want)
            fn += len(want - got)
            tp_in += len((want & got) - {last})
            fp_in += len(got - want - {last})
            fn_in += len(want - got - {last})

    def prf(t, p, n):
        precision = t / (t + p) if t + p else 1.0
        recall = t / (t + n) if t + n else 1.0
        return precision, recall, (2 * precision * recall / (precision + recall) if precision + recall else 0.0)

    all_p, all_r, all_f = prf(tp, fp, fn)
    in_p, in_r, in_f = prf(tp_in, fp_in, fn_in)
    return {"P": all_p, "R": all_r, "F1": all_f, "in P": in_p, "in R": in_r, "in F1": in_f, "errors": fp + fn}


def speed(splitter, articles) -> float:
    text = "\n\n".join(a.text for a in articles)
    text = (text + "\n\n") * max(1, 1_000_000 // len(text))
    start = time.perf_counter()
    for paragraph in text.split("\n\n"):
        if paragraph.strip():
            splitter(paragraph)
    return len(text) / (time.perf_counter() - start)


SPLITTERS = {"bilingual": ours, "pySBD": pysbd_split, "ICU BreakIterator": icu_split}


def available() -> dict:
    """The splitters that can run here; each one that cannot is said, not silently dropped."""
    splitters = dict(SPLITTERS)
    for name, splitter in SPLITTERS.items():
        try:
            splitter("One. Two.")
        except ImportError as exc:
            print(f"({name} not installed: {exc.name}; pip install -e '.[bench]', PyICU needs libicu-dev)")
            del splitters[name]
    return splitters


def main() -> None:
    splitters = available()
    for set_name, articles in sets().items():
        n = sum(len(p) for a in articles for p in a.paragraphs)
        print(f"\n{set_name}: {len(articles)} articles, {n} gold sentences")
        print(
            f"  {'splitter':<18} {'P':>6} {'R':>6} {'F1':>6}   inside paragraphs: {'P':>6} {'R':>6} {'F1':>6}"
            f"  errors  chars/s"
        )
        for name, splitter in splitters.items():
            s = score(splitter, articles)
            print(
                f"  {name:<18} {s['P']:6.3f} {s['R']:6.3f} {s['F1']:6.3f}   {'':<19}{s['in P']:6.3f} "
                f"{s['in R']:6.3f} {s['in F1']:6.3f}  {s['errors']:6d}  {speed(splitter, articles):,.0f}"
            )


if __name__ == "__main__":
    main()
