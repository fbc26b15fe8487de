"""An archive on the stand-in model: 1 worker vs 2, and Ray (local, and a running cluster), three runs each.

    python bench/archive_workers.py [--articles 24] [--runs 3] [--ray]

Builds the base-size stand-in model (tools/argosmodel.py), writes ``--articles`` copies of our
example articles, and times ``bilingual translate IN... -o OUT/ --workers N --force`` end to end
(start-up and model loads included), then prints the ratio of the medians and what 1,000 articles
cost in wall time on this machine. With ``--ray``: ``--ray local`` (Ray started and stopped by the
run), and ``--ray auto`` on a cluster started once beforehand (``ray start --head --num-cpus 2``),
which is how a newsroom running archives often would keep it; and Ray's start-up alone
(``ray.init`` on this machine), timed in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=24)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--ray", action="store_true", help="also time --ray local (2 CPUs)")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-archive-"))
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(work / "packages"), "RAY_USAGE_STATS_ENABLED": "0"}
    os.environ.update(env)
    from argosmodel import BASE, build_package

    from bilingual.engines.argos import packages

    packages.install_file(build_package(work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench",
                                        kind="copy", arabic_output=True))  # fmt: skip
    sources = [p for p in sorted((ROOT / "examples").iterdir()) if p.suffix in (".txt", ".md", ".html")
               and ".en-ar." not in p.name and ".ar." not in p.name]  # fmt: skip
    inputs = work / "in"
    inputs.mkdir()
    for i in range(args.articles):
        source = sources[i % len(sources)]
        (inputs / f"{i:04}{source.suffix}").write_text(source.read_text(encoding="utf-8") + f"\n\nNumber {i}.\n")
    files = [str(p) for p in sorted(inputs.iterdir())]
    variants = {"1 worker": ["--workers", "1"], "2 workers": ["--workers", "2"]}
    if args.ray:
        variants["Ray local, 2 actors"] = ["--ray", "local", "--ray-cpus", "2", "--workers", "2"]
        variants["Ray running, 2 actors"] = ["--ray", "auto", "--workers", "2"]
    times: dict[str, list[float]] = {name: [] for name in variants}
    starts: list[float] = []
    for _run in range(args.runs):
        if args.ray:
            starts.append(_ray_start(env))
        for name, flags in variants.items():
            if name.startswith("Ray running"):
                subprocess.run(["ray", "start", "--head", "--num-cpus", "2", "--include-dashboard=false",
                                "--disable-usage-stats"], env=env, check=True, capture_output=True)  # fmt: skip
            started = time.perf_counter()
            out = work / f"out-{len(times[name])}-{name.replace(' ', '-').replace(',', '')}"  # nothing to skip
            subprocess.run([sys.executable, "-m", "bilingual", "translate", *files, "-o", f"{out}/",
                            "--model", "translate-en_ar-bench", "--no-memory", "--no-download", "--force", "-q",
                            *flags], env=env, check=True)  # fmt: skip
            times[name].append(time.perf_counter() - started)
            if name.startswith("Ray running"):
                subprocess.run(["ray", "stop", "--force"], env=env, check=True, capture_output=True)
    for name, seconds in times.items():
        median = statistics.median(seconds)
        runs = ", ".join(f"{s:.1f}" for s in seconds)
        print(f"{name:>20}: {runs} s (median {median:.1f} s) → {median / args.articles * 1000 / 60:.1f} min per "
              f"1,000 articles")  # fmt: skip
    if starts:
        print(f"Ray's start-up on this machine (ray.init, 2 CPUs): {', '.join(f'{s:.1f}' for s in starts)} s")
        for name in ("Ray local, 2 actors", "Ray running, 2 actors"):
            print(f"{name} vs 2 workers: " + ", ".join(
                f"{w / r:.2f}×" for w, r in zip(times["2 workers"], times[name], strict=True)))  # fmt: skip
    one, two = statistics.median(times["1 worker"]), statistics.median(times["2 workers"])
    print(
        f"2 workers vs 1: {one / two:.2f}× faster (per run: "
        + ", ".join(f"{a / b:.2f}" for a, b in zip(times["1 worker"], times["2 workers"], strict=True))
        + ")"
    )


def _ray_start(env: dict[str, str]) -> float:
    """Seconds ``ray.init(num_cpus=2)`` takes in a fresh process (a local start, as --ray local pays)."""
    code = ("import time, ray; t = time.perf_counter(); ray.init(num_cpus=2, include_dashboard=False, "
            "log_to_driver=False); print(time.perf_counter() - t); ray.shutdown()")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], env=env, check=True, capture_output=True, text=True).stdout
    return float(out.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
