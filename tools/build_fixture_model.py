"""Build the test fixture model: tests/fixtures/translate-en_ar-fixture.argosmodel.

    python tools/build_fixture_model.py [--out PATH]

What it is: a genuine Argos Translate package (CTranslate2 Transformer, 1+1 layers,
d_model 128, int8; SentencePiece unigram model of about 650 pieces) whose weights are set by
hand, not trained, so that it copies its input and stops with </s> (tools/argosmodel.py
explains how). It does not translate: its "Arabic" is the English copied, so placeholders pass
through a real decode and output depends on input. Data: the SentencePiece model is trained on
our own example articles (examples/), our own Arabic sentences (tools/data/arabic-news.txt) and
one line holding every printable ASCII character and Arabic letter.
Time: about two seconds on one core. Size: under 1 MB. Rebuilding gives the same model
(fixed seeds, one SentencePiece thread), though zip bytes may differ between library versions.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from argosmodel import ROOT, build_package


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel")
    args = parser.parse_args()
    started = time.perf_counter()
    path = build_package(args.out, kind="copy")
    print(f"wrote {path} ({path.stat().st_size / 1024:.0f} KiB) in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
