"""Glossary at scale: load time for 100,000 entries and matching time for a 1 MB article.

    python bench/glossary_speed.py [--entries 100000] [--megabytes 1]

Writes a synthetic glossary of N entries (one to three capitalised words each, Arabic
spellings) as a PO file with polib, then measures in one run, each in a fresh process-like
state (the user cache folder is a temporary one):

- cold load: parse and validate the PO file (first use, nothing cached);
- warm load: the same file again (parsed entries cached by content hash);
- automaton build (cold) and automaton load (warm);
- matching: one Aho–Corasick pass over a 1 MB article in which 5% of the words are glossary
  names, with every rule applied (word boundaries, case, possessives, longest match).

Targets (issue 3): matching under 1 s, load under 2 s.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--megabytes", type=float, default=1.0)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-glossary-"))
    os.environ["XDG_CACHE_HOME"] = str(work / "cache")

    import polib

    from bilingual.names.load import load_glossary

    rng = random.Random(7)
    letters, arabic = "abcdefghijklmnopqrstuvwxyz", "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ar"}
    seen: set[str] = set()
    names = []
    while len(names) < args.entries:
        words = [
            "".join(rng.choice(letters) for _ in range(rng.randint(4, 9))).capitalize()
            for _ in range(rng.randint(1, 3))
        ]
        english = " ".join(words)
        if english.lower() in seen:
            continue
        seen.add(english.lower())
        names.append(english)
        po.append(
            polib.POEntry(
                msgctxt=rng.choice(["person", "place", "org"]),
                msgid=english,
                msgstr=" ".join("".join(rng.choice(arabic) for _ in range(5)) for _ in words),
                tcomment="source: synthetic",
            )
        )
    path = work / "big.po"
    po.save(str(path))
    print(f"{args.entries} entries, {path.stat().st_size / 1e6:.1f} MB PO file")

    t0 = time.perf_counter()
    load_glossary(path, matcher=False)  # parse + validate; the entries go to the cache
    cold_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    load_glossary(path)  # entries from the cache; the automaton is built and cached
    cold_automaton = time.perf_counter() - t0

    t0 = time.perf_counter()
    load_glossary(path, matcher=False)
    warm_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    gl = load_glossary(path)
    warm_automaton = time.perf_counter() - t0 - warm_load
    matcher = gl.matcher()

    target = int(args.megabytes * 1_000_000)
    words, size = [], 0
    while size < target:
        word = (
            rng.choice(names) + rng.choice(["", "'s", ",", "."])
            if rng.random() < 0.05
            else "".join(rng.choice(letters) for _ in range(rng.randint(2, 8)))
        )
        words.append(word)
        size += len(word) + 1
    article = " ".join(words)[:target]
    t0 = time.perf_counter()
    found = matcher.find(article)
    matching = time.perf_counter() - t0

    print(f"  load, cold (parse + validate)   {cold_load:6.2f} s   (target < 2 s)")
    print(f"  load, warm (cached)              {warm_load:6.2f} s")
    print(f"  automaton build, cold            {cold_automaton:6.2f} s")
    print(f"  automaton load, warm             {warm_automaton:6.2f} s")
    print(
        f"  match {len(article) / 1e6:.1f} MB article           {matching:6.2f} s   (target < 1 s), {len(found)} names found"
    )
    print(f"  cold load + build + match        {cold_load + cold_automaton + matching:6.2f} s")
    print(f"  warm load + load + match         {warm_load + warm_automaton + matching:6.2f} s")


if __name__ == "__main__":
    main()
