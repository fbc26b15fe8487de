"""OmegaT auto-fill from our memory: OmegaT's default segmentation against our project's rules.

    python bench/omegat_fill.py [--set bench/devset]

Each article of the set (its hand-marked gold file with the marks removed) is translated by the
tests' pseudo-Arabic engine and exported as an OmegaT project (`export --to omegat`). OmegaT 3.6
then lists its segments (console-createpseudotranslatetmx) twice: with the project's own rules
(ours) and with OmegaT's default rules (the project's segmentation.conf removed), the situation of
a translator who drops our TMX into a project of their own. A segment is filled when our memory
holds exactly its source. Prints per article and in total: OmegaT's segments, how many are filled.
Needs Debian's omegat.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from pathlib import Path

from benchkit import ROOT


def omegat_segments(project: Path, work: Path) -> list[str]:
    from lxml import etree

    out = work / "pseudo.tmx"
    subprocess.run(["omegat", str(project), "--mode=console-createpseudotranslatetmx",
                    f"--pseudotranslatetmx={out}", "--pseudotranslatetype=empty"],
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    sources = [tu.find("tuv/seg") for tu in etree.parse(str(out)).iter("tu")]
    return ["".join(seg.itertext()) for seg in sources if seg is not None]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", default=str(ROOT / "bench" / "devset"))
    args = parser.parse_args()
    if shutil.which("omegat") is None:
        raise SystemExit("omegat is not installed (Debian: apt-get install omegat)")

    from bilingual.formats import exporter
    from bilingual.jobs.project import ProjectRequest, export_project
    from bilingual.jobs.translate import translate_with_memory
    from bilingual.names.load import load_glossary
    from bilingual.read import read_document
    from bilingual.workspace import Workspace

    import fake_engines

    glossary = load_glossary(ROOT / "glossary")
    work = Path(tempfile.mkdtemp(prefix="bench-omegat-"))
    totals = {"ours": [0, 0], "default": [0, 0]}
    print(f"{'article':<26} {'our segments':>12} {'ours: filled':>14} {'default rules: filled':>22}")
    for gold in sorted(Path(args.set).glob("*.gold.txt")):
        name = gold.name.removesuffix(".gold.txt")
        article = work / f"{name}.txt"
        article.write_text(gold.read_text(encoding="utf-8").replace("⟂", ""), encoding="utf-8")
        doc, _ = translate_with_memory(read_document(str(article)), engine=fake_engines.PseudoArabicEngine(),
                                       glossary=glossary, memory=None)  # fmt: skip
        aligned = work / f"{name}.en-ar.xml"
        aligned.write_bytes(exporter("aligned").render(doc, None))
        known = {" ".join(s.source.split()) for s in doc.segments()}
        row = []
        for kind in ("ours", "default"):
            project = work / f"{name}-{kind}"
            export_project(Workspace(use_memory=False), ProjectRequest(documents=(str(aligned),), output=str(project)))
            if kind == "default":
                (project / "omegat" / "segmentation.conf").unlink()
                (project / "omegat" / "segmentation.srx").unlink()
            theirs = omegat_segments(project, work)
            filled = sum(s in known for s in theirs)
            totals[kind][0] += len(theirs)
            totals[kind][1] += filled
            row.append(f"{filled}/{len(theirs)}")
        print(f"{name:<26} {len(known):>12} {row[0]:>14} {row[1]:>22}")
    for kind, (count, filled) in totals.items():
        print(f"{kind:>8} rules: {filled} of {count} OmegaT segments filled from our memory ({filled / count:.1%})")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
