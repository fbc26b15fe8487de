"""Export speed for a 500-segment document: HTML, DOCX, PDF (and Markdown, TMX, XLIFF).

    python bench/export_speed.py [--segments 500]

Builds a translated document of N segments from our example articles (pseudo-Arabic
translation with every glossary name enforced, so names are marked), then times each
exporter once in one run. Targets (issue 5): HTML under 1 s, DOCX under 3 s, PDF under 20 s.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=500)
    args = parser.parse_args()

    from bilingual.document import Head, RawBlock
    from bilingual.formats import ExportOptions, exporter
    from bilingual.names.load import load_glossary
    from bilingual.read import build_document
    from bilingual.segment import split_sentences
    from bilingual.translation.pipeline import translate_document

    import fake_engines

    paragraphs = [
        p for p in (ROOT / "examples" / "benghazi-talks.txt").read_text(encoding="utf-8").split("\n\n") if p.strip()
    ]
    pieces, blocks, pos, count = [], [], 0, 0
    while count < args.segments:
        for para in paragraphs:
            para = para.strip()
            if pieces:
                pieces.append("\n\n")
                pos += 2
            blocks.append(RawBlock("p", pos, pos + len(para)))
            pieces.append(para)
            pos += len(para)
            count += len(split_sentences(para))
    text = "".join(pieces)
    doc = build_document(text, blocks, head=Head(input_name="bench.txt"))
    doc, _ = translate_document(
        doc, engine=fake_engines.PseudoArabicEngine(), glossary=load_glossary(ROOT / "glossary")
    )
    n = len(doc.segments())
    print(f"document of {n} segments in {len(doc.blocks)} paragraphs")
    targets = {"html": 1.0, "docx": 3.0, "pdf": 20.0}
    for fmt in ("html", "md", "tmx", "xliff", "xliff2", "docx", "pdf"):
        fmt_plugin = exporter(fmt)
        t0 = time.perf_counter()
        data = fmt_plugin.render(doc, ExportOptions())
        seconds = time.perf_counter() - t0
        target = f"(target < {targets[fmt]:.0f} s)" if fmt in targets else ""
        print(f"  {fmt:<7} {seconds:6.2f} s  {len(data) / 1e6:6.2f} MB  {target}")


if __name__ == "__main__":
    main()
