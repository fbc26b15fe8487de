"""The first run of ``glossary suggest``: from a clean cache, with the shipped tables and without.

    python bench/first_run.py [--runs 3] [--article examples/benghazi-talks.txt]

Each run is a fresh process with an empty cache folder (``XDG_CACHE_HOME``) and an empty glossary;
"shipped" is the tool as installed (the places and Arabic-word tables read from the package),
"built" the same run with the shipped tables hidden (what a machine with other library versions
does once). Prints each run's wall time and peak memory (the process's maximum resident set) and
the ratio of the medians.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from benchkit import ROOT

RUN = """
import sys
from pathlib import Path
if sys.argv[1] == "built":
    from bilingual.discovery import gazetteer, spelling
    gazetteer.SHIPPED = spelling.SHIPPED = Path("/nonexistent/table.json.gz")
from bilingual.cli import main
sys.argv = ["bilingual", "glossary", "suggest", sys.argv[2], "--glossary", sys.argv[3], "--dry-run"]
main()
"""


def one(mode: str, article: str) -> tuple[float, float]:
    with tempfile.TemporaryDirectory() as work:
        env = {**os.environ, "XDG_CACHE_HOME": f"{work}/cache", "XDG_DATA_HOME": f"{work}/data"}
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-c", RUN, mode, article, f"{work}/glossary"], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
        if status != 0:
            raise SystemExit(f"glossary suggest failed ({mode})")
        return elapsed, usage.ru_maxrss / 1024  # KB on Linux → MB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--article", default=str(ROOT / "examples" / "benghazi-talks.txt"))
    args = parser.parse_args()
    medians = {}
    for mode in ("shipped", "built"):
        runs = [one(mode, args.article) for _ in range(args.runs)]
        for i, (seconds, mb) in enumerate(runs, 1):
            print(f"{mode:8} run {i}: {seconds:5.1f} s, peak {mb:4.0f} MB")
        medians[mode] = statistics.median(s for s, _ in runs)
    print(f"first run, built / shipped: {medians['built'] / medians['shipped']:.1f}x the time")


if __name__ == "__main__":
    main()
