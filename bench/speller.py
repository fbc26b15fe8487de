"""The learned speller against the rules alone, on every gold set, in one run (issue 31, item 4).

    python bench/speller.py [--model build/speller]

For each way of using the model (``off``: the rules alone; ``fallback``: the model's spelling for
a word Arabic text does not attest, instead of the rule's; ``attested``: also over the word list's
reading when Arabic text attests the model's own) it prints, per set, the person and place names
spelled as the gold and the howlers (as ``bench/suggest.py`` counts them), then each mode against
``off``. The model is trained by ``tools/train_speller.py`` without any word of the gold lists.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from gold import sets  # noqa: E402
from suggest import howler, proposals_for, same  # noqa: E402

MODES = ("off", "fallback", "attested")


def score(articles: list) -> tuple[int, int, int]:  # type: ignore[type-arg]
    """(spelled as the gold, person and place names found, howlers)."""
    from bilingual.discovery.lexicon import fold

    exact = spelled = howlers = 0
    for article in articles:
        gold = {fold(e): (a, k) for e, a, k in article.names}
        got = {fold(p.name): p for p in proposals_for(article.text)}
        for key in gold.keys() & got.keys():
            arabic, kind = gold[key]
            howlers += bool(howler(got[key].arabic, arabic, got[key].kind, kind))
            if kind in ("person", "place"):
                spelled += 1
                exact += same(got[key].arabic, arabic)
    return exact, spelled, howlers


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None, help="the converted model folder (default: the shipped one)")
    args = parser.parse_args()
    from bilingual.discovery import speller, spelling

    if args.model:
        speller.MODEL = Path(args.model).resolve()
    if not speller.available():
        sys.exit(f"no speller model at {speller.MODEL}: run tools/train_speller.py")
    table: dict[str, dict[str, tuple[int, int, int]]] = {}
    for mode in MODES:
        spelling.LEARNED = mode
        speller.candidates.cache_clear()
        table[mode] = {name: score(articles) for name, articles in sets().items()}
    print(f"{'set':<44}" + "".join(f"{m:>26}" for m in MODES))
    for name in table["off"]:
        cells = "".join(
            f"{f'{e}/{n} = {e / max(1, n):.0%}, {h} howlers':>26}" for e, n, h in (table[m][name] for m in MODES)
        )
        print(f"{name:<44}{cells}")
    for mode in MODES[1:]:
        gained = sum(table[mode][s][0] for s in table["off"]) - sum(table["off"][s][0] for s in table["off"])
        howls = sum(table[mode][s][2] for s in table["off"]) - sum(table["off"][s][2] for s in table["off"])
        print(f"{mode} against off: {gained:+d} names spelled as the gold, {howls:+d} howlers, over every set")


if __name__ == "__main__":
    main()
