"""Build the test fixture model: tests/fixtures/translate-en_ar-fixture.argosmodel.

    python tools/build_fixture_model.py [--out PATH]

What it is: a genuine Argos Translate package (CTranslate2 Transformer, 2+2 layers,
d_model 64, int8; SentencePiece unigram model of about 800 pieces) whose weights are seeded
random numbers, not trained. Data: the SentencePiece model is trained on our own example
articles (examples/) and our own Arabic sentences (tools/data/arabic-news.txt).
Time: about two seconds on one core. Size: under 1 MB. Rebuilding gives the same model
(same seed, one SentencePiece thread), though zip bytes may differ between library versions.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argosmodel import ROOT, TINY, build_package  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel")
    args = parser.parse_args()
    started = time.perf_counter()
    path = build_package(args.out, dims=TINY)
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
