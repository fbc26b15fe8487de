"""The one term locator: a name is a word, behind proclitics or not, never letters of another word."""

from __future__ import annotations

import pytest

from bilingual.names.entry import Entry
from bilingual.names.glossary import Glossary
from bilingual.names.locate import contains, locate, locate_terms


@pytest.mark.parametrize(
    ("text", "name", "span"),
    [
        ("قال مصر ذلك", "مصر", (4, 7)),
        ("قال مصرف مصر ذلك", "مصر", (9, 12)),  # not inside مصرف ("bank")
        ("قال مصرف ذلك", "مصر", None),
        ("ذهب إلى بمصر", "مصر", (9, 12)),  # ب glued on
        ("وبمصر", "مصر", (2, 5)),
        ("فلمصر", "مصر", (2, 5)),
        ("ومصريون", "مصر", None),
        ("قال للسيسي", "السيسي", (4, 10)),  # ل + ال contracted: the span covers لل
        ("والسيسي", "السيسي", (1, 7)),
        ("السيسيون", "السيسي", None),
        ("درنة.", "درنة", (0, 4)),
        ("«درنة»", "درنة", (1, 5)),
        ("مصرَ", "مصر", (0, 3)),  # a vowel mark after the name is still the name
        ("تمصر", "مصر", None),  # ت is no proclitic
    ],
)
def test_locate(text, name, span):
    assert locate(text, name) == span
    assert contains(text, name) == (span is not None)


def test_locate_terms_takes_each_occurrence_once_in_order():
    gl = Glossary([Entry("Egypt", "مصر", "place")])
    source = "Egypt and Egypt"
    terms = locate_terms(source, "مصرف مصر ومصر", gl.find(source))
    assert [(t.target_start, t.target_end, t.status) for t in terms] == [(5, 8, "enforced"), (10, 13, "enforced")]
    terms = locate_terms(source, "مصرف مصر", gl.find(source))
    assert [t.status for t in terms] == ["enforced", "missing"]
