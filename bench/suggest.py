"""`glossary suggest` on an empty glossary, against the names people listed: examples vs dev set.

    python bench/suggest.py [--show] [--sets=examples,tuning] [--without-doubtful-rules]

For each gold article (bench/gold.py) the proposals are compared with the hand-made name list
by English form (case, hyphens and apostrophes folded): precision, recall, and the share of the
person and place names found whose Arabic is exactly the gold spelling. Organisations are
proposed for translation (no Arabic), so they count for precision and recall only.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from gold import sets  # noqa: E402


def proposals_for(text: str):
    from bilingual.discovery.suggest import propose
    from bilingual.document import Head
    from bilingual.formats.text import split_paragraphs
    from bilingual.read import build_document

    plain, blocks = split_paragraphs(text)
    doc = build_document(plain, blocks, head=Head())
    return propose([s.source for s in doc.segments()], set())


def drop_doubtful_rules() -> None:
    """Take out the rules added while their author knew that held-out articles 07–10 held such
    names, with no tuning error behind them (README, "Finding the names a glossary lacks")."""
    from bilingual.discovery import lexicon, romanize

    for word in ("north", "south", "east", "west", "northern", "southern", "eastern", "western"):
        lexicon.FEATURES_BEFORE.pop(word, None)
    romanize.KNOWN.pop("leila", None)
    for place in ("saudi arabia", "mediterranean"):
        lexicon.places().pop(place, None)
    lexicon.HIJRI = frozenset()


def main() -> None:
    from bilingual.discovery.lexicon import fold

    if "--without-doubtful-rules" in sys.argv:
        drop_doubtful_rules()
    show = "--show" in sys.argv
    only = [a.split("=", 1)[1] for a in sys.argv if a.startswith("--sets=")]
    for set_name, articles in sets().items():
        if only and set_name not in only[0].split(","):
            continue
        tp = fp = fn = exact = spelled = 0
        for article in articles:
            gold = {fold(e): (e, a, k) for e, a, k in article.names}
            got = {fold(p.name): p for p in proposals_for(article.text)}
            hits = gold.keys() & got.keys()
            tp, fp, fn = tp + len(hits), fp + len(got.keys() - gold.keys()), fn + len(gold.keys() - got.keys())
            for key in hits:
                _e, arabic, kind = gold[key]
                if kind in ("person", "place"):
                    spelled += 1
                    exact += got[key].arabic.replace(" ", "") == arabic.replace(" ", "")
                    if show and got[key].arabic.replace(" ", "") != arabic.replace(" ", ""):
                        print(f"    spelling {article.name}: {got[key].name} {got[key].arabic} (gold {arabic})")
            if show:
                for key in sorted(got.keys() - gold.keys()):
                    print(f"    extra {article.name}: {got[key].name} [{got[key].kind}]")
                for key in sorted(gold.keys() - got.keys()):
                    print(f"    missed {article.name}: {gold[key][0]}")
        precision, recall = tp / max(1, tp + fp), tp / max(1, tp + fn)
        print(
            f"{set_name}: precision {precision:.2f}, recall {recall:.2f} ({tp} of {tp + fn} gold names, "
            f"{fp} extra); person/place names spelled as the gold: {exact}/{spelled} = "
            f"{exact / max(1, spelled):.0%}"
        )


if __name__ == "__main__":
    main()
