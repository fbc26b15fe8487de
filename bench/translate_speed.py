"""Sentences per second: `bilingual translate` end to end vs raw CTranslate2 loops.

    python bench/translate_speed.py [--sentences 50] [--beam-size 2] [--repeats 2]

Builds a stand-in Argos package of Transformer "base" dimensions (6+6 layers, d_model 512,
8 heads, FFN 2048, 8,000-token vocabulary: about 60M parameters, int8) with seeded random
weights (tools/argosmodel.py), installs it in a temporary ARGOS_PACKAGES_DIR, and measures in
one run, on the same sentences and the same loaded model:

1. ours: read the article file → segment → (empty glossary) → translate → write aligned XML;
2. raw: a CTranslate2 ``translate_batch`` loop over the same pre-tokenized sentences, in
   the same length-sorted batches with the same token budget and decoding limits;
3. one at a time: ``translate_batch([sentence])`` per sentence, same limits.

Random weights never emit end-of-sentence, so every sentence decodes to its length limit in
all three: the comparison is fair, the absolute numbers are pessimistic.
Targets (issue 2): ours within 1.15× of raw; at least 3× faster than one at a time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=2)
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--batch-tokens", type=int, default=4096)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
    from argosmodel import BASE, build_package

    t0 = time.perf_counter()
    package = build_package(work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench", kind="random")
    print(f"built stand-in model in {time.perf_counter() - t0:.1f} s "
          f"({package.stat().st_size / 1e6:.1f} MB package)")

    from bilingual.engines import EngineOptions, load_engine
    from bilingual.engines.argos import packages as models
    from bilingual.engines.argos.engine import max_decoding_length, plan_batches
    from bilingual.formats.aligned import render_aligned
    from bilingual.fsutil import write_bytes
    from bilingual.pipeline import translate_document
    from bilingual.read import read_document
    from bilingual.segment import split_sentences

    models.install_file(package)
    # The article: our example articles, repeated until there are enough sentences.
    texts = [(ROOT / "examples" / "benghazi-talks.txt").read_text(encoding="utf-8")]
    paragraphs = []
    while sum(len(split_sentences(p)) for p in paragraphs) < args.sentences:
        paragraphs.extend(t for t in texts[0].split("\n\n") if t.strip())
    article = work / "article.txt"
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")

    options = EngineOptions(beam_size=args.beam_size, batch_tokens=args.batch_tokens)
    engine = load_engine("argos", options)  # loads the model once (as in one CLI run)
    sentences = [s.source for s in read_document(str(article)).segments()]
    n = len(sentences)
    tokens = engine.tokenize(sentences)
    translator = engine.translator
    engine.translate_batch(sentences[:4])  # warm-up, all three share it

    def ours() -> None:
        doc = read_document(str(article))
        translated, _ = translate_document(doc, engine=engine)
        write_bytes(work / "article.en-ar.xml", render_aligned(translated))

    def raw() -> None:
        for batch in plan_batches([len(t) for t in tokens], args.batch_tokens):
            inputs = [tokens[i] for i in batch]
            translator.translate_batch(inputs, beam_size=args.beam_size, max_batch_size=0,
                                       max_decoding_length=max_decoding_length(max(map(len, inputs))))

    def one_at_a_time() -> None:
        for t in tokens:
            translator.translate_batch([t], beam_size=args.beam_size,
                                       max_decoding_length=max_decoding_length(len(t)))

    # raw and ours alternate, best of --repeats each; one-at-a-time runs once (it is the slow one).
    timings: dict[str, float] = {}
    plan = [("raw batch loop", raw), ("bilingual translate", ours)] * args.repeats + [("one at a time", one_at_a_time)]
    for name, fn in plan:
        t0 = time.perf_counter()
        fn()
        timings[name] = min(timings.get(name, float("inf")), time.perf_counter() - t0)
    print(f"{n} sentences, {sum(map(len, tokens))} source tokens, beam {args.beam_size}, "
          f"budget {args.batch_tokens} tokens, {os.cpu_count()} cores")
    for name, seconds in timings.items():
        print(f"  {name:<20} {seconds:7.2f} s  {n / seconds:7.1f} sentences/s")
    ratio_raw = timings["bilingual translate"] / timings["raw batch loop"]
    speedup = timings["one at a time"] / timings["bilingual translate"]
    print(f"ours / raw batch loop = {ratio_raw:.3f}x (target <= 1.15)")
    print(f"one-at-a-time / ours  = {speedup:.2f}x faster (target >= 3)")


if __name__ == "__main__":
    main()
