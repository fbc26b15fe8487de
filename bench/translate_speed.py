"""Throughput: `bilingual translate` end to end against the best raw CTranslate2 configuration found here.

    python bench/translate_speed.py [--sentences 60] [--beam-size 2] [--kind copy|random]

Builds a stand-in Argos package of Transformer "base" dimensions (6+6 layers, d_model 512, 8
heads, FFN 2048, 8,000-token vocabulary, int8; tools/argosmodel.py). The default stand-in is the
hand-set *copy* model, writing an Arabic piece for each Latin one: its output follows its
input in length and script and decoding stops at </s>, as a real model's does (random weights decode every sentence to the length limit, which distorts
batching; ``--kind random`` keeps that case). In one run, on the same sentences:

1. raw configurations: CTranslate2 translators with inter_threads × intra_threads over the
   machine's cores and batches of 1, 2, 4, 8 sentences or the token budget, fed asynchronously;
   the best of them is "best raw";
2. ours: read the article → segment → translate (our plan, chosen from the machine) → write XML;
3. our previous plan: one translator using every core, token-budget batches, synchronous;
4. one sentence at a time, as Argos Translate's own loop does.

Prints each time and the ratios (ours / best raw: target <= 1.10), with cores and settings.
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
    parser.add_argument("--sentences", type=int, default=60)
    parser.add_argument("--beam-size", type=int, default=2)
    parser.add_argument("--batch-tokens", type=int, default=4096)
    parser.add_argument("--kind", choices=("copy", "random"), default="copy")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="bench-translate-"))
    os.environ["ARGOS_PACKAGES_DIR"] = str(work / "packages")
    import ctranslate2
    from argosmodel import BASE, build_package

    from bilingual.engines import EngineOptions, load_engine
    from bilingual.engines.argos import packages
    from bilingual.engines.argos.engine import max_decoding_length, plan_batches
    from bilingual.formats.aligned import render_aligned
    from bilingual.fsutil import write_bytes
    from bilingual.read import read_document
    from bilingual.segment import split_sentences
    from bilingual.translation.pipeline import translate_document

    # arabic_output: the copy model writes an Arabic piece for each Latin one, as a real model
    # writes Arabic (an English copy would be caught as untranslated and retried).
    package = build_package(
        work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench", kind=args.kind, arabic_output=True
    )
    model = packages.install_file(package)
    text = (ROOT / "examples" / "benghazi-talks.txt").read_text(encoding="utf-8")
    paragraphs: list[str] = []
    while sum(len(split_sentences(p)) for p in paragraphs) < args.sentences:
        paragraphs.extend(t for t in text.split("\n\n") if t.strip())
    article = work / "article.txt"
    article.write_text("\n\n".join(paragraphs), encoding="utf-8")

    engine = load_engine("argos", EngineOptions(beam_size=args.beam_size, batch_tokens=args.batch_tokens))
    sentences = [s.source for s in read_document(str(article)).segments()]
    tokens = engine.tokenize(sentences)
    cores = os.cpu_count() or 1
    plan = engine.plan

    def raw(translator, examples: int, asynchronous: bool = True) -> None:
        pending = []
        for batch in plan_batches([len(t) for t in tokens], args.batch_tokens, examples):
            inputs = [tokens[i] for i in batch]
            out = translator.translate_batch(
                inputs,
                beam_size=args.beam_size,
                max_batch_size=0,
                asynchronous=asynchronous,
                max_decoding_length=max_decoding_length(max(map(len, inputs))),
            )
            pending.append(out)
        if asynchronous:
            for out in pending:
                for future in out:
                    future.result()

    def ours() -> None:
        translated, _ = translate_document(read_document(str(article)), engine=engine)
        write_bytes(work / "article.en-ar.xml", render_aligned(translated))

    def timed(fn) -> float:
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    translators = {}
    for inter in sorted({1, 2, cores} - {0}):
        for intra in sorted({1, max(1, cores // inter)}):
            if inter * intra <= cores:
                translators[(inter, intra)] = ctranslate2.Translator(
                    str(model.path / "model"), device="cpu", inter_threads=inter, intra_threads=intra
                )
    ours()  # loads our model; warms caches for everybody
    results: dict[str, float] = {}
    for (inter, intra), translator in translators.items():
        for examples in (1, 2, 4, 8, 0):
            name = f"raw inter {inter} intra {intra} batch {examples or 'budget'}"
            raw(translator, examples)  # warm-up of this configuration
            results[name] = timed(lambda t=translator, e=examples: raw(t, e))
    best_raw = min(results, key=results.__getitem__)
    ours_time = min(timed(ours), timed(ours))
    previous = translators.get((1, cores)) or ctranslate2.Translator(
        str(model.path / "model"), device="cpu", inter_threads=1, intra_threads=cores
    )
    previous_time = timed(lambda: raw(previous, 0, asynchronous=False))

    def one_at_a_time() -> None:
        for t in tokens:
            previous.translate_batch([t], beam_size=args.beam_size, max_decoding_length=max_decoding_length(len(t)))

    single_time = timed(one_at_a_time)

    n = len(sentences)
    print(
        f"{n} sentences, {sum(map(len, tokens))} source tokens, beam {args.beam_size}, {cores} cores, "
        f"stand-in: base-size {args.kind} model"
    )
    print(
        f"our plan: inter_threads {plan.inter_threads}, intra_threads {plan.intra_threads}, "
        f"batch {plan.batch_examples or 'token budget'}, asynchronous"
    )
    for name, seconds in sorted(results.items(), key=lambda kv: kv[1]):
        print(f"  {name:<40} {seconds:7.2f} s")
    print(f"  {'bilingual translate (end to end)':<40} {ours_time:7.2f} s")
    print(f"  {'previous plan (1 translator, all cores)':<40} {previous_time:7.2f} s")
    print(f"  {'one sentence at a time (Argos loop)':<40} {single_time:7.2f} s")
    print(f"ours / best raw ({best_raw}) = {ours_time / results[best_raw]:.3f}x (target <= 1.10)")
    print(f"previous plan / ours = {previous_time / ours_time:.2f}x faster now")
    print(f"one at a time / ours = {single_time / ours_time:.2f}x faster")


if __name__ == "__main__":
    main()
