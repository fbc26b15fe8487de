"""The benches' measuring code, on gold people wrote: what they report must be right."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import gold  # noqa: E402
import segmentation  # noqa: E402


def test_every_gold_set_loads_and_its_names_occur_in_its_text():
    from bilingual.discovery.lexicon import fold

    sets = gold.sets()
    assert set(sets) == {
        "examples",
        "tuning",
        "dev set",
        "dev set, held out (07–10)",
        "dev set, written after the rules (11–13)",
        "new set",
        "fresh set",
        "final set",
        "fourth set",
        "fifth set",
        "seventh set",
        "sixth set",
        "eighth set",
        "ninth set",
        "tenth set",
        "eleventh set",
        "twelfth set",
        "thirteenth set",
        "fourteenth set",
        "fifteenth set",
        "sixteenth set",
        "seventeenth set",
        "eighteenth set",
        "nineteenth set",
        "twentieth set",
        "twenty-first set",
        "twenty-second set",
        "twenty-third set",
        "twenty-fourth set",
        "twenty-fifth set",
        "twenty-sixth set",
        "twenty-seventh set",
        "twenty-eighth set",
        "twenty-ninth set",
        "thirtieth set",
        "thirty-first set",
        "thirty-second set",
        "thirty-third set",
    }
    assert len(sets["dev set"]) >= 6 and all(len(a.text.split()) >= 500 for a in sets["dev set"])
    for later in ("new set", "fresh set", "final set", "fourth set", "fifth set", "sixth set"):
        # each a short news report; the fifth and sixth sets' run 217–257 words (left as measured)
        assert len(sets[later]) >= 6 and all(len(a.text.split()) >= 200 for a in sets[later])
    for articles in sets.values():
        for article in articles:
            text = fold(article.text)  # a dateline in capitals, a curly apostrophe
            missing = [e for e, _a, _k in article.names if fold(e) not in text]
            assert not missing, (article.name, missing)
            assert all(arabic and kind in ("person", "place", "org", "other") for _e, arabic, kind in article.names)


def test_the_scorer_counts_boundaries_as_people_marked_them():
    examples = gold.sets()["examples"]
    perfect = segmentation.score(segmentation.ours, examples)
    assert perfect["F1"] == 1.0 and perfect["errors"] == 0  # the examples are what the rules are tuned on
    whole = segmentation.score(lambda text: [text], examples)  # never splits: every inner boundary missed
    assert whole["P"] == 1.0 and whole["in R"] == 0.0 and whole["errors"] > 0
    words = segmentation.score(str.split, examples)  # splits everywhere: precision collapses
    assert words["R"] == 1.0 and words["P"] < 0.2


def _keeps_every_character(split) -> None:
    text = gold.sets()["examples"][0].text.split("\n\n")[1]
    pieces = split(text)
    assert len(pieces) >= 2 and "".join(pieces).replace(" ", "") == text.replace(" ", "").replace("\n", "")


def test_pysbd_runs_and_keeps_every_character():
    _keeps_every_character(segmentation.pysbd_split)  # pySBD is in the test extra


def test_icu_runs_where_installed_and_is_said_missing_where_not(monkeypatch, capsys):
    if importlib.util.find_spec("icu") is not None:  # .ci/run installs PyICU (the bench extra)
        _keeps_every_character(segmentation.icu_split)
        assert "ICU BreakIterator" in segmentation.available()
    monkeypatch.setitem(sys.modules, "icu", None)  # as on a machine without PyICU
    splitters = segmentation.available()
    assert "ICU BreakIterator" not in splitters and {"bilingual", "pySBD"} <= set(splitters)
    assert "(ICU BreakIterator not installed: icu;" in capsys.readouterr().out
