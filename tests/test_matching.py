"""Finding glossary names in English text."""

from __future__ import annotations

import pytest

from bilingual.names.entry import Entry
from bilingual.names.match import Matcher

ENTRIES = [
    Entry("Haftar", "حفتر"),
    Entry("Khalifa Haftar", "خليفة حفتر"),
    Entry("Al-Sisi", "السيسي"),
    Entry("Derna", "درنة", "place"),
    Entry("Chad", "تشاد", "place"),
    Entry("Al-Qaeda", "القاعدة", "org"),
    Entry("Abu Dhabi", "أبوظبي", "place"),
    Entry("Al Harish", "الهريش", "place"),
]
MATCHER = Matcher(ENTRIES)


def found(text):
    return [(text[s.start : s.end], s.entry.english) for s in MATCHER.find(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Al-Sisi, al-Sisi, Al Sisi and AL-SISI spoke.",
            [("Al-Sisi", "Al-Sisi"), ("al-Sisi", "Al-Sisi"), ("Al Sisi", "Al-Sisi"), ("AL-SISI", "Al-Sisi")],
        ),
        ("Field Marshal Khalifa Haftar met Haftar.", [("Khalifa Haftar", "Khalifa Haftar"), ("Haftar", "Haftar")]),
        ("Haftar's men and Haftar’s aides.", [("Haftar's", "Haftar"), ("Haftar’s", "Haftar")]),
        ("“Derna,” he said (Derna). DERNA!", [("Derna", "Derna"), ("Derna", "Derna"), ("DERNA", "Derna")]),
        ("Hafters and Dernas and Haftarism", []),
        ("A chad of paper; Chad the country.", [("Chad", "Chad")]),
        ("They all Sisi fans; the Al-Qaeda-linked group.", [("Al-Qaeda", "Al-Qaeda")]),
        ("in Abu-Dhabi and Al-Harish", [("Abu-Dhabi", "Abu Dhabi"), ("Al-Harish", "Al Harish")]),
        ("Cairo-Derna road", [("Derna", "Derna")]),
    ],
)
def test_matching_rules(text, expected):
    assert found(text) == expected


def test_never_the_word_all_for_al():
    assert found("all Qaeda, All-Qaeda, al Qaeda") == [("al Qaeda", "Al-Qaeda")]


def test_many_entries():
    entries = [Entry(f"Name{i} Surname{i}", "اسم") for i in range(20000)] + ENTRIES
    matcher = Matcher(entries)
    text = "Name19999 Surname19999 met Haftar and Name5 Surname5."
    assert [s.entry.english for s in matcher.find(text)] == ["Name19999 Surname19999", "Haftar", "Name5 Surname5"]
