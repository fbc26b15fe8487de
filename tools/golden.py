"""Regenerate the reviewed golden files under tests/data (review the diff before committing).

    python tools/golden.py aligned

(Sentence gold is never generated: bench/examples-gold and bench/devset are marked by hand.)
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def aligned() -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from test_aligned import sample_doc

    from bilingual.formats.aligned import render_aligned

    (ROOT / "tests" / "data" / "aligned-sample.xml").write_bytes(render_aligned(sample_doc()))
    print("wrote tests/data/aligned-sample.xml")


if __name__ == "__main__":
    {"aligned": aligned}[sys.argv[1] if len(sys.argv) > 1 else "aligned"]()
