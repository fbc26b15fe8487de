"""Translation memory: lookup throughput, and re-running an unchanged batch of articles.

    python bench/memory_speed.py [--sizes 10000,100000,1000000] [--rounds 3] [--articles 100]

1. Grows one memory to each size (random sentences of 8–25 words from a 5,000-word vocabulary),
   then, ``--rounds`` times at each size: opening it as this tool left it and after a change
   elsewhere (the full check), exact lookups of stored sentences, and near-match lookups of
   stored sentences with a word added; the desk's memory pane (three near matches) and its
   concordance (two English words; an Arabic text). Targets: open not growing with the size, 10,000
   exact lookups/s or more, a near match and the pane under 100 ms at 1,000,000 segments. Prints the ratios of
   the largest size to the smallest.
2. A new article (sentences the memory has never seen) and one sentence from stdin, each
   translated by one `bilingual translate` process with an empty memory and with the largest
   one: the process's CPU and wall time, and their ratios (target: close to 1).
3. Writes a batch of synthetic news articles (sentences drawn from templates with our
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
    """Each size in ``--sizes``: one memory grown to it, then open, exact and near lookups timed
    ``--rounds`` times (the fill is not timed against anything)."""
    from bilingual.memory.store import Memory, normalize

    rng = random.Random(3)
    words = [("".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))) for _ in range(5000)]
    path = work / "lookup.sqlite3"
    stored: list[str] = []
    rows = {}
    for size in args.sizes:
        fresh = [" ".join(rng.choice(words) for _ in range(rng.randint(8, 25))).capitalize() + "."
                 for _ in range(size - len(stored))]  # fmt: skip
        memory = Memory(path)
        now = time.time()
        memory.db.execute("BEGIN")
        memory.db.executemany(
            "INSERT OR IGNORE INTO segments (source_key, source, target, status, origin, created, updated)"
            " VALUES (?, ?, ?, 'approved', 'bench', ?, ?)",
            ((normalize(s), s, "ترجمة " + s[:10], now, now) for s in fresh),
        )
        memory.db.execute("COMMIT")
        memory.close()
        stored += fresh
        for _round in range(args.rounds):
            rows.setdefault(size, []).append(_measure(path, stored, args, random.Random(_round)))
    print(
        f"{'segments':>10} {'open ms':>8} {'full check ms':>14} {'exact hits/s':>13} {'near ms':>8} {'near found':>10}"
        f" {'pane ms':>8} {'concordance ms':>15}"
    )
    for size, measured in rows.items():
        for opened, checked, hit_rate, near_ms, found, pane_ms, concord_ms in measured:
            print(f"{size:>10,} {opened:8.1f} {checked:14.1f} {hit_rate:13,.0f} {near_ms:8.2f} {found:>10}"
                  f" {pane_ms:8.2f} {concord_ms:15.2f}")  # fmt: skip
    first, last = min(rows), max(rows)
    for column, name in ((0, "open"), (3, "near match"), (5, "memory pane")):
        ratios = [b[column] / a[column] for a, b in zip(rows[first], rows[last], strict=True)]
        print(f"{name} at {last:,} / at {first:,}: " + ", ".join(f"{r:.2f}×" for r in ratios))


def _measure(path: Path, stored: list[str], args, rng: random.Random) -> tuple:
    from bilingual.memory.store import Memory

    opened = []
    for outside in (False, True, False):  # as this tool left it; changed elsewhere (read whole)
        if outside:
            os.utime(path, ns=(time.time_ns(), time.time_ns()))
        t0 = time.perf_counter()
        Memory(path).close()
        opened.append((outside, time.perf_counter() - t0))
    as_left = min(s for o, s in opened if not o) * 1000
    changed = min(s for o, s in opened if o) * 1000
    memory = Memory(path)
    probes = [rng.choice(stored) for _ in range(args.lookups)]
    t0 = time.perf_counter()
    hits = sum(memory.get(p) is not None for p in probes)
    hit_rate = args.lookups / (time.perf_counter() - t0)
    assert hits == args.lookups
    unseen = [s + " Extra." for s in probes[: args.near]]
    t0 = time.perf_counter()
    found = sum(memory.near(p) is not None for p in unseen)
    near_ms = (time.perf_counter() - t0) / len(unseen) * 1000
    t0 = time.perf_counter()
    for p in unseen:  # the desk's memory pane: three matches, best first
        memory.near_matches(p, 3)
    pane_ms = (time.perf_counter() - t0) / len(unseen) * 1000
    t0 = time.perf_counter()
    for p in unseen:  # the concordance: two English words of a stored sentence; an Arabic text
        memory.concordance(" ".join(p.split()[1:3]))
        memory.concordance("ترجمة " + p[:4])
    concord_ms = (time.perf_counter() - t0) / len(unseen) / 2 * 1000
    memory.close()
    return as_left, changed, hit_rate, near_ms, f"{found}/{len(unseen)}", pane_ms, concord_ms


def model_environment(args, work: Path, memory: Path) -> dict[str, str]:
    """The environment of a `bilingual` process on ``args.model`` (installed once) and ``memory``."""
    from bilingual.engines.argos import packages as models

    env = dict(
        os.environ,
        ARGOS_PACKAGES_DIR=str(work / "packages"),
        BILINGUAL_MEMORY=str(memory),
        XDG_CACHE_HOME=str(work / "cache"),
    )
    if (work / "packages").exists():
        return env
    os.environ["ARGOS_PACKAGES_DIR"] = env["ARGOS_PACKAGES_DIR"]
    if args.model == "fixture":
        models.install_file(ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel")
    else:
        sys.path.insert(0, str(ROOT / "tools"))
        from argosmodel import BASE, build_package

        models.install_file(
            build_package(work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench", kind="random")
        )
    return env


def with_memory(args, work: Path, big: Path) -> None:
    """A new article (sentences the memory has not seen), and one sentence from stdin, translated
    by one `bilingual translate` process each with an empty memory and with the largest one: the
    process's CPU time and wall time, best of ``--rounds``."""
    import resource

    costs: dict[str, list[tuple[float, float, float]]] = {}
    for name, memory in (("empty", work / "empty.sqlite3"), (f"{max(args.sizes):,}", big)):
        env = model_environment(args, work, memory)
        for round_ in range(args.rounds):
            article = work / f"new-{name}-{round_}.txt"
            article.write_text(articles(1, random.Random(1000 + round_))[0], encoding="utf-8")
            base = [sys.executable, "-m", "bilingual", "translate", "--beam-size", "2", "-q"]
            runs = []
            for command, stdin in (([*base, str(article)], None), ([*base, "-"], "One more sentence.\n")):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                subprocess.run(command, check=True, env=env, input=stdin, text=True, capture_output=True)
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                runs.append(
                    (time.perf_counter() - t0, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
                )
            costs.setdefault(name, []).append((runs[0][1], runs[0][0], runs[1][0]))
    print(
        f"one process per run, {args.model} model: {'memory':>10} {'article CPU s':>14} {'article s':>10} {'one sentence s':>15}"
    )
    for name, rows in costs.items():
        for cpu, wall, one in rows:
            print(f"{'':>37}{name:>10} {cpu:14.2f} {wall:10.2f} {one:15.2f}")
    empty, full = costs["empty"], costs[f"{max(args.sizes):,}"]
    for column, label in ((0, "a new article's CPU"), (2, "one sentence's time")):
        ratios = [b[column] / a[column] for a, b in zip(empty, full, strict=True)]
        print(f"{label} with {max(args.sizes):,} segments / with none: " + ", ".join(f"{r:.2f}×" for r in ratios))


def rerun(args, work: Path) -> None:
    batch = work / "batch"
    batch.mkdir()
    texts = articles(args.articles, random.Random(11))
    for i, text in enumerate(texts):
        (batch / f"article-{i:03d}.txt").write_text(text, encoding="utf-8")
    env = model_environment(args, work, work / "batch.sqlite3")
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
    parser.add_argument("--sizes", type=lambda v: [int(n) for n in v.split(",")], default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--lookups", type=int, default=20_000)
    parser.add_argument("--near", type=int, default=200, help="near-match lookups per round")
    parser.add_argument("--articles", type=int, default=100, help="0 skips the re-run measurement")
    parser.add_argument("--model", choices=["base", "fixture"], default="base")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-memory-"))
    lookups(args, work)
    with_memory(args, work, work / "lookup.sqlite3")
    if args.articles:
        rerun(args, work)


if __name__ == "__main__":
    main()
