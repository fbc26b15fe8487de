"""The API's text use case, engine cost removed: time per text at 64 and at 4,096 texts in one batch.

    python bench/text_batches.py [--small 64] [--large 4096] [--rounds 5]

Each text is a sentence or two with glossary names (the repository's glossary); the engine is the
tests' pseudo-Arabic one, which costs next to nothing, so what is timed is the tool's own work:
building one document of the texts, masking and restoring names, splitting the answers back. Linear
work costs the same per text at both sizes (ratio about 1); work that scans the batch once per text
grows with it (issue 32 measured 0.17 ms at 64 and 0.54 ms at 4,096: a ratio of 3.2). The best of
``--rounds`` runs of each size is kept, small and large alternating, so both see the same machine.
"""

from __future__ import annotations

import argparse
import time

from benchkit import ROOT


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=64)
    parser.add_argument("--large", type=int, default=4096)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    from bilingual.jobs.text import TextRequest, translate_texts
    from bilingual.names.load import load_glossary

    import fake_engines

    glossary = load_glossary(ROOT / "glossary")
    engine = fake_engines.PseudoArabicEngine()
    base = ["Haftar met Salame in Cairo on Monday.", "The talks in Derna resumed. Sisi said [X1X] was %s.",
            "Forces loyal to Haftar left Sirte.", "<b>Derna</b> waits for {{name}}."]  # fmt: skip

    def per_text(n: int) -> float:
        texts = tuple(f"{base[i % len(base)]} ({i})" for i in range(n))
        start = time.perf_counter()
        result = translate_texts(TextRequest(texts), engine=engine, glossary=glossary)
        took = time.perf_counter() - start
        assert len(result.translations) == n
        return took / n

    per_text(args.small)  # warm up: imports, the glossary's matcher
    small = min(per_text(args.small) for _ in range(args.rounds))
    large = min(per_text(args.large) for _ in range(args.rounds))
    print(f"per text at {args.small:>5} texts: {small * 1000:.3f} ms")
    print(f"per text at {args.large:>5} texts: {large * 1000:.3f} ms")
    print(f"ratio (large / small, linear ≈ 1): {large / small:.2f}")


if __name__ == "__main__":
    main()
