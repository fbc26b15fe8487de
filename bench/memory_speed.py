"""Translation memory: lookup throughput, and re-running an unchanged batch of articles.

    python bench/memory_speed.py [--segments 100000] [--lookups 20000] [--articles 100]

1. Fills a memory with N distinct segments (one transaction), then times exact lookups of
   stored sentences (hits) and of unseen ones (misses), and near-match (FTS5) lookups.
   Target (issue 4): 10,000 lookups/s or more.
2. Writes a batch of synthetic news articles (sentences drawn from templates with our
   glossary's names, places and numbers), translates them all with `bilingual translate`,
   then runs the same command again on the unchanged batch. Target: the re-run under 5% of
   the first run's time. Both runs are one process each, as a user would run them, so the
   ratio includes start-up. The model (``--model``) is by default the base-size stand-in of
   bench/translate_speed.py (60M parameters: a realistic cost per sentence); ``fixture`` uses
   the tiny copy model, whose translations cost almost nothing, so the ratio then mostly
   compares start-up and file writing.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATES = [
    "{person} met {person2} in {place} on {day} to discuss the ceasefire.",
    "Forces loyal to {person} said they had detained {n} suspects near {place}.",
    "The {org} said {n} families had returned to {place} since {month}.",
    "According to sources in {place}, {person} will travel to {place2} next week.",
    "\u201cWe will not retreat from {place},\u201d {person} told reporters.",
    "Talks between the two sides resumed in {place} after a pause of {n} days.",
    "{person} accused the {org} of delaying the agreement signed in {place2}.",
    "Analysts in {place} expect the talks to continue until {month}.",
    "Some {n},{n3:03d} people were displaced by the fighting around {place}.",
    "The {org} confirmed that {n} vehicles crossed the border near {place}.",
    "Residents of {place} said the shelling stopped on {day}.",
    "{person}'s spokesman denied the reports from {place2}.",
]


def articles(count: int, rng: random.Random) -> list[str]:
    from bilingual.names.load import load_glossary

    gl = load_glossary(ROOT / "glossary")
    people = [e.english for e in gl.entries if e.kind == "person"]
    places = [e.english for e in gl.entries if e.kind == "place"]
    orgs = [e.english for e in gl.entries if e.kind == "org" and " " in e.english]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October"]
    out = []
    for _ in range(count):
        paragraphs = []
        for _p in range(4):
            sentences = [
                rng.choice(TEMPLATES).format(
                    person=rng.choice(people),
                    person2=rng.choice(people),
                    place=rng.choice(places),
                    place2=rng.choice(places),
                    org=rng.choice(orgs),
                    day=rng.choice(days),
                    month=rng.choice(months),
                    n=rng.randint(2, 999),
                    n3=rng.randint(0, 999),
                )
                for _s in range(4)
            ]
            paragraphs.append(" ".join(sentences))
        out.append("\n\n".join(paragraphs) + "\n")
    return out


def lookups(args, work: Path) -> None:
    from bilingual.memory.store import Memory, normalize

    rng = random.Random(3)
    words = [("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))) for _ in range(5000)]
    sources = [
        " ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + "." for _ in range(args.segments)
    ]
    memory = Memory(work / "lookup.sqlite3")
    t0 = time.perf_counter()
    now = time.time()
    memory.db.execute("BEGIN")
    memory.db.executemany(
        "INSERT OR IGNORE INTO segments (source_key, source, target, status, origin, created, updated)"
        " VALUES (?, ?, ?, 'approved', 'bench', ?, ?)",
        ((normalize(s), s, "ترجمة " + s[:10], now, now) for s in sources),
    )
    memory.db.execute("COMMIT")
    fill = time.perf_counter() - t0
    stored = len(memory)
    probes = [rng.choice(sources) for _ in range(args.lookups)]
    t0 = time.perf_counter()
    hits = sum(memory.get(p) is not None for p in probes)
    hit_rate = args.lookups / (time.perf_counter() - t0)
    unseen = [s + " Extra." for s in probes]
    t0 = time.perf_counter()
    misses = sum(memory.get(p) is None for p in unseen)
    miss_rate = args.lookups / (time.perf_counter() - t0)
    near_n = min(1000, args.lookups)
    t0 = time.perf_counter()
    found = sum(memory.near(p) is not None for p in unseen[:near_n])
    near_rate = near_n / (time.perf_counter() - t0)
    memory.close()
    path = work / "lookup.sqlite3"
    opened = []
    for outside in (False, True, False, True, False, True):  # alternating, best of three each
        if outside:  # changed by something other than this tool: the whole file is checked again
            os.utime(path, ns=(time.time_ns(), time.time_ns()))
        t0 = time.perf_counter()
        Memory(path).close()
        opened.append((outside, time.perf_counter() - t0))
    as_left = min(s for o, s in opened if not o)
    changed = min(s for o, s in opened if o)
    print(f"memory of {stored} segments (filled in {fill:.1f} s)")
    print(
        f"  open, as this tool left it  {as_left * 1000:7.1f} ms;  after a change elsewhere (full check) "
        f"{changed * 1000:7.1f} ms  ({changed / as_left:.0f}x)"
    )
    print(f"  exact lookups, hits     {hit_rate:9.0f} /s  ({hits} of {args.lookups} found)   target >= 10,000/s")
    print(f"  exact lookups, misses   {miss_rate:9.0f} /s  ({misses} of {args.lookups} not found)")
    print(f"  near-match lookups      {near_rate:9.0f} /s  ({found} of {near_n} with a note)")


def rerun(args, work: Path) -> None:
    from bilingual.engines.argos import packages as models

    batch = work / "batch"
    batch.mkdir()
    texts = articles(args.articles, random.Random(11))
    for i, text in enumerate(texts):
        (batch / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")
    env = dict(
        os.environ,
        ARGOS_PACKAGES_DIR=str(work / "packages"),
        BILINGUAL_MEMORY=str(work / "batch.sqlite3"),
        XDG_CACHE_HOME=str(work / "cache"),
    )
    os.environ["ARGOS_PACKAGES_DIR"] = env["ARGOS_PACKAGES_DIR"]
    if args.model == "fixture":
        models.install_file(ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel")
    else:
        sys.path.insert(0, str(ROOT / "tools"))
        from argosmodel import BASE, build_package

        models.install_file(
            build_package(work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench", kind="random")
        )
    command = [
        sys.executable,
        "-m",
        "bilingual",
        "translate",
        *sorted(map(str, batch.glob("*.txt"))),
        "--glossary",
        str(ROOT / "glossary"),
        "--beam-size",
        "2",
        "-q",
    ]
    timings = []
    for _ in range(2):
        t0 = time.perf_counter()
        subprocess.run(command, check=True, env=env)
        timings.append(time.perf_counter() - t0)
    sentences = sum(len(t.split(". ")) for t in texts)
    print(f"batch of {args.articles} articles (~{sentences} sentences), {args.model} model, one process per run")
    print(f"  first run                {timings[0]:7.2f} s")
    print(f"  re-run, unchanged        {timings[1]:7.2f} s  = {timings[1] / timings[0]:.1%} of the first (target < 5%)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=100_000)
    parser.add_argument("--lookups", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=100, help="0 skips the re-run measurement")
    parser.add_argument("--model", choices=["base", "fixture"], default="base")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    lookups(args, work)
    if args.articles:
        rerun(args, work)


if __name__ == "__main__":
    main()
