"""Export speed: HTML, DOCX, PDF (and Markdown, TMX, XLIFF), and PDF against Chromium printing our HTML.

    python bench/export_speed.py [--segments 500] [--pdf-runs 3] [--weasyprint]

Builds a translated document of N segments from our example articles (pseudo-Arabic
translation with every glossary name enforced, so names are marked), then times each
exporter once in one run. Targets: HTML under 1 s, DOCX under 3 s, PDF under 20 s, and the PDF
export at most 1.5× the time Chromium takes to print our own HTML of the same document (timed
in the same run, ``--pdf-runs`` times each), with this process under 400 MB (its peak resident
memory is printed, and Chromium's as a child process). ``--weasyprint`` also times the fallback.
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
    parser.add_argument("--pdf-runs", type=int, default=3)
    parser.add_argument("--weasyprint", action="store_true", help="also time the WeasyPrint fallback")
    parser.add_argument("--pdf-only", action="store_true", help="(internal) one PDF export, then peak memory")
    args = parser.parse_args()

    from benchkit import article_document

    from bilingual.formats import ExportOptions, exporter

    doc = article_document(args.segments)
    n = len(doc.segments())
    if args.pdf_only:
        import resource

        exporter("pdf").render(doc, ExportOptions())
        me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        print(f"{me:.0f} {child:.0f}")
        return
    print(f"document of {n} segments in {len(doc.blocks)} paragraphs")
    targets = {"html": 1.0, "docx": 3.0, "pdf": 20.0}
    took: dict[str, float] = {}
    for fmt in ("html", "md", "tmx", "xliff", "xliff2", "docx", "pdf"):
        fmt_plugin = exporter(fmt)
        t0 = time.perf_counter()
        data = fmt_plugin.render(doc, ExportOptions())
        seconds = took[fmt] = time.perf_counter() - t0
        target = f"(target < {targets[fmt]:.0f} s)" if fmt in targets else ""
        print(f"  {fmt:<7} {seconds:6.2f} s  {len(data) / 1e6:6.2f} MB  {target}")
    print(f"  DOCX / HTML: {took['docx'] / took['html']:.2f}× (target ≤ 2)")
    _pdf_against_chromium(doc, args.pdf_runs, weasyprint=args.weasyprint)


def _pdf_against_chromium(doc, runs: int, *, weasyprint: bool) -> None:
    import os

    from bilingual.formats import ExportOptions, exporter
    from bilingual.formats.html import render_html
    from bilingual.formats.pdf import _weasyprint, chromium, print_with_chromium

    browser = chromium()
    if browser is None:
        print("no Chromium here: the PDF is printed by WeasyPrint")
        return
    html = render_html(doc, ExportOptions())
    ours, theirs = [], []
    for _run in range(runs):
        t0 = time.perf_counter()
        exporter("pdf").render(doc, ExportOptions())
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        print_with_chromium(html, browser)  # Chromium printing our own HTML, nothing else
        theirs.append(time.perf_counter() - t0)
    ratios = ", ".join(f"{a / b:.2f}" for a, b in zip(ours, theirs, strict=True))
    print(
        f"  pdf export {', '.join(f'{t:.1f}' for t in ours)} s; Chromium printing our HTML "
        f"{', '.join(f'{t:.1f}' for t in theirs)} s; ratio {ratios} (target ≤ 1.5)"
    )
    if weasyprint:
        t0 = time.perf_counter()
        _weasyprint(html)
        alone = time.perf_counter() - t0
        print(
            f"  WeasyPrint (the fallback): {alone:.1f} s = {alone / min(theirs):.1f}× Chromium's best "
            "(target ≤ 3, or the export says before it starts that Chromium is faster)"
        )
    # Memory in a process of its own that builds the document and exports the PDF once, nothing else.
    import subprocess

    segments = str(len(doc.segments()))
    done = subprocess.run([sys.executable, __file__, "--segments", segments, "--pdf-only"], capture_output=True,
                          text=True, check=True)  # fmt: skip
    me, child = done.stdout.split()[-2:]
    if weasyprint:
        alone = subprocess.run(
            [sys.executable, __file__, "--segments", segments, "--pdf-only"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "BILINGUAL_PDF_ENGINE": "weasyprint"},
        )
        print(f"  peak memory of a process printing it with WeasyPrint: {alone.stdout.split()[-2]} MB (target < 400)")
    print(
        f"  peak memory of a process that builds the document and exports its PDF: {me} MB (target < 400); "
        f"Chromium, its child: {child} MB ({os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
