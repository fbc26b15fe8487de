"""Install size and time of bilingual in a clean virtual environment: the core and ``[all]``, now and at
an earlier commit, measured in one run.

    python bench/install_size.py [--before REV]

Each variant gets a new venv (pip upgraded first, not timed); the time is ``pip install`` of the
project (non-editable) with the machine's pip cache as it is; the size is the venv's on disk. For
the earlier commit, torch==2.13.0 is named first, as its README did (argostranslate → stanza →
torch would otherwise pull a multi-GB CUDA build). Needs the package registry.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("torch", "stanza", "spacy", "argostranslate")


def _size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def measure(source: Path, extra: str, pre: list[str], work: Path) -> tuple[float, float, list[str]]:
    venv = work / "venv"
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "-q", "--disable-pip-version-check"]
    subprocess.run([*pip, "install", "--upgrade", "pip"], check=True, capture_output=True)
    started = time.perf_counter()
    subprocess.run([*pip, "install", *pre, f"{source}{extra}"], check=True, capture_output=True)
    seconds = time.perf_counter() - started
    lister = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "--disable-pip-version-check",
        "list",
    ]  # no -q: it hides the list
    listed = subprocess.run(lister, check=True, capture_output=True, text=True).stdout.lower().split()
    return _size_mb(venv), seconds, [name for name in HEAVY if name in listed]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="e5e8a9b", help="the earlier commit to compare with")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bilingual-install-") as tmp:
        work = Path(tmp)
        before = work / "before"
        subprocess.run(
            ["git", "-C", str(ROOT), "worktree", "add", "-q", "--detach", str(before), args.before], check=True
        )
        try:
            rows = []
            for label, source, pre in (("before", before, ["torch==2.13.0"]), ("now", ROOT, [])):
                for extra in ("", "[all]"):
                    size, seconds, heavy = measure(source, extra, pre, work)
                    rows.append((label, extra or "core", size, seconds, heavy))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(before)], check=False)
    print(f"{'commit':8} {'install':6} {'venv MB':>8} {'seconds':>8}  heavy packages")
    for label, extra, size, seconds, heavy in rows:
        print(f"{label:8} {extra:6} {size:8.0f} {seconds:8.1f}  {', '.join(heavy) or '-'}")
    by = {(label, extra): (size, seconds) for label, extra, size, seconds, _heavy in rows}
    for extra in ("core", "[all]"):
        (old_size, old_time), (new_size, new_time) = by[("before", extra)], by[("now", extra)]
        print(f"{extra}: {new_size / old_size:.2f}× the size, {new_time / old_time:.2f}× the time")


if __name__ == "__main__":
    main()
