"""Regenerate the reviewed golden files under tests/data (review the diff before committing).

    python tools/golden.py segments
    python tools/golden.py aligned
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def segments() -> None:
    from bilingual.segment import split_sentences

    for name in ("benghazi-talks",):
        text = (ROOT / "examples" / f"{name}.txt").read_text(encoding="utf-8")
        lines = [text[s:e] for s, e in split_sentences(text)]
        (ROOT / "tests" / "data" / f"{name}.sentences").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote tests/data/{name}.sentences ({len(lines)} sentences)")


def aligned() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_aligned import sample_doc

    from bilingual.formats.aligned import render_aligned

    (ROOT / "tests" / "data" / "aligned-sample.xml").write_bytes(render_aligned(sample_doc()))
    print("wrote tests/data/aligned-sample.xml")


if __name__ == "__main__":
    {"segments": segments, "aligned": aligned}[sys.argv[1] if len(sys.argv) > 1 else "segments"]()
