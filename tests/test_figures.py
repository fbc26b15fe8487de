"""The region's public figures as the press spells them (issue 31): a figure's whole name in any
romanisation, and the words of it an article writes, come from the figures table, not the ear."""

from __future__ import annotations

import pytest

from bilingual.discovery import figures, lexicon
from bilingual.discovery.suggest import propose

pytest.importorskip("wordfreq")


def _by_name(sentences: list[str]) -> dict[str, object]:
    return {p.name: p for p in propose(sentences, set())}


@pytest.mark.parametrize(
    ("sentence", "name", "arabic"),
    [
        ("Iraqi Prime Minister Mohammed Shia al-Sudani opened the new bridge on Sunday.",
         "Mohammed Shia al-Sudani", "محمد شياع السوداني"),  # Shia by ear is شيا; the press writes شياع
        ("Egypt's foreign minister, Badr Abdelatty, flew to Rome on Monday.", "Badr Abdelatty", "بدر عبد العاطي"),
        ("Yemen's Rashad Al-Alimi told the council that talks would resume.", "Rashad Al-Alimi", "رشاد العليمي"),
        ("The EU's Kaja Kallas said the mission would be extended.", "Kaja Kallas", "كايا كالاس"),
    ],
)  # fmt: skip
def test_a_figure_is_spelled_as_the_press_spells_them_not_by_ear(sentence, name, arabic):
    found = _by_name([sentence])
    assert name in found, found
    proposal = found[name]
    assert (proposal.arabic, proposal.kind, proposal.source) == (arabic, "person", "figure"), proposal  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("written", "arabic"),
    [
        ("Muhammad Shia Al Sudani", "محمد شياع السوداني"),  # another romanisation, the article apart
        ("Mohamed al-Sudani", "محمد السوداني"),  # fewer words: the Arabic keeps the words written
        ("Abdelfattah El-Sisi", "عبد الفتاح السيسي"),
        ("Mohamed Ben Salman", "محمد بن سلمان"),
        ("Minni Minnawi", "مني مناوي"),  # the table's Minni Arko Minnawi, as the article writes him
    ],
)
def test_a_figure_is_found_in_any_romanisation_and_keeps_the_words_written(written, arabic):
    assert figures.spelled(written) == arabic


def test_one_word_or_a_stranger_sharing_a_figure_s_ends_is_not_a_figure():
    assert figures.spelled("Sudani") == ""  # a surname alone is many people's
    assert figures.spelled("Ahmed Hassan") == ""
    assert figures.spelled("Mohammed Karim al-Sudani") == ""  # not a word of the table's name: someone else
    assert figures.spelled("Mohammed Rashid") == ""  # not Mohammed bin Rashid: "son of" is never dropped
    assert figures.spelled("Khaled bin Zayed") == ""  # not Khaled bin Mohamed bin Zayed


def test_every_row_of_the_figures_table_is_whole_and_each_name_is_one_person():
    rows = lexicon.read_table("figures.tsv")
    assert len(rows) > 250
    assert all(len(row) == 4 and all(cell.strip() for cell in row) for row in rows), [r for r in rows if len(r) != 4]
    seen: dict[str, str] = {}
    for english, arabic, _country, _role in rows:
        key = "".join(figures._keys(english))
        assert seen.setdefault(key, arabic) == arabic, (english, arabic, seen[key])


def test_a_stranger_who_shares_a_figure_s_surname_is_not_given_the_figure_s_article():
    found = _by_name(["CAIRO — Fatima Bashir, a teacher in Egypt, said classes would resume.",
                      "Sudan's former president Omar Bashir was not in court."])  # fmt: skip
    assert found["Fatima Bashir"].arabic == "فاطمة بشير", found  # type: ignore[attr-defined]  # was البشير
    assert found["Omar Bashir"].arabic == "عمر البشير", found  # type: ignore[attr-defined]  # the figure, whole
