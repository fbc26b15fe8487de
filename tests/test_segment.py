"""Sentence segmentation of English news prose, with offsets."""

from __future__ import annotations

import pytest

from bilingual.segment import split_sentences

from conftest import EXAMPLES, SHARED


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Col. Ahmed Al-Mismari spoke. He left.", ["Col. Ahmed Al-Mismari spoke.", "He left."]),
        ("Maj. Gen. Khalifa Haftar arrived. Talks began.", ["Maj. Gen. Khalifa Haftar arrived.", "Talks began."]),
        (
            "Dr. Ziad Akl and Mr. Salame met at St. Mark's. It rained.",
            ["Dr. Ziad Akl and Mr. Salame met at St. Mark's.", "It rained."],
        ),
        ("Khalifa B. Haftar said so. Then he left.", ["Khalifa B. Haftar said so.", "Then he left."]),
        (
            "The U.S. envoy arrived. The U.N. Security Council met.",
            ["The U.S. envoy arrived.", "The U.N. Security Council met."],
        ),
        (
            "Washington stepped back from the U.S. The region noticed.",
            ["Washington stepped back from the U.S.", "The region noticed."],
        ),
        ("Some 2.5 million people and 1,000 vehicles. Done.", ["Some 2.5 million people and 1,000 vehicles.", "Done."]),
        ("He waited... Nothing came. Then… More.", ["He waited...", "Nothing came.", "Then…", "More."]),
        ("He said: “Derna is a lair.” Al-Mismari left.", ["He said: “Derna is a lair.”", "Al-Mismari left."]),
        ("“One. Two. Three,” he said. Next.", ["“One.", "Two.", "Three,” he said.", "Next."]),
        ("“Why?” he asked. Nobody knew.", ["“Why?” he asked.", "Nobody knew."]),
        ("It ended (as expected.) New talks follow.", ["It ended (as expected.)", "New talks follow."]),
        ("It was No. 5 on the list. No. That was wrong.", ["It was No. 5 on the list.", "No.", "That was wrong."]),
        ("Really?! Yes.", ["Really?!", "Yes."]),
        ("See e.g. the report. It helps.", ["See e.g. the report.", "It helps."]),
        ("no terminal punctuation here", ["no terminal punctuation here"]),
        ("   padded.   ", ["padded."]),
    ],
)
def test_split(text, expected):
    assert sentences(text) == expected


def test_offsets_cover_everything_but_whitespace():
    text = (EXAMPLES / "benghazi-talks.txt").read_text(encoding="utf-8")
    spans = split_sentences(text)
    pos = 0
    for s, e in spans:
        assert text[pos:s].strip() == ""
        pos = e
    assert text[pos:].strip() == ""


def hand_gold(name: str) -> list[str]:
    """The sentences of an example as a person marked them (bench/examples-gold, ⟂ after each)."""
    raw = (EXAMPLES.parent / "bench" / "examples-gold" / f"{name}.gold.txt").read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in raw.split("⟂") if p.strip()]


@pytest.mark.parametrize(
    "name, reader", [("benghazi-talks", "txt"), ("border-patrols", "md"), ("sirte-report", "html")]
)
def test_our_examples_match_the_hand_made_gold(name, reader):
    from bilingual.read import read_document

    path = next(EXAMPLES.glob(f"{name}.*"))
    got = [" ".join(s.source.split()) for s in read_document(str(path)).segments()]
    assert got == hand_gold(name)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "The deal has three parts:\n1. a salary table;\n2. The fund for the south;\n3. an audit by March 1.",
            [
                "The deal has three parts:",
                "1. a salary table;",
                "2. The fund for the south;",
                "3. an audit by March 1.",
            ],
        ),
        ("They will:\n(1) meet. Then report;\n(2) publish", ["They will:", "(1) meet.", "Then report;", "(2) publish"]),
        (
            "• exchange readings at 6 a.m. each day;\n• set up a committee",
            ["• exchange readings at 6 a.m. each day;", "• set up a committee"],
        ),
        (
            "Lt. Gen. (ret.) Sherif Ali spoke. Adm. Lee, Capt. Omar and Sgt. Sami agreed.",
            ["Lt. Gen. (ret.) Sherif Ali spoke.", "Adm. Lee, Capt. Omar and Sgt. Sami agreed."],
        ),
        ("Gov. Ali met Sen. Brown and Rep. Diaz. They left.", ["Gov. Ali met Sen. Brown and Rep. Diaz.", "They left."]),
        (
            "It was founded by John Smith Jr. The company grew.",
            ["It was founded by John Smith Jr.", "The company grew."],
        ),
        (
            "Shares of Acme Inc. rose 2.5 per cent. It was the best day.",
            ["Shares of Acme Inc. rose 2.5 per cent.", "It was the best day."],
        ),
        (
            "The meeting is at 11 a.m. If it goes well, they sign.",
            ["The meeting is at 11 a.m.", "If it goes well, they sign."],
        ),
        (
            "A line that ends here:\nnot a list, just wrapped text.",
            ["A line that ends here:\nnot a list, just wrapped text."],
        ),
    ],
)
def test_newsroom_rules(text, expected):
    assert sentences(text) == expected


@pytest.mark.skipif(
    not (SHARED / "examples" / "al-ahram-weekly-derna.txt").exists(), reason="shared example not beside the checkout"
)
def test_shared_example_sentence_boundaries():
    text = (SHARED / "examples" / "al-ahram-weekly-derna.txt").read_text(encoding="utf-8")
    got = sentences(text)
    assert len(got) == 53
    # The quotation holding three sentences is split into three, closing quote kept.
    assert got[10].startswith("In a statement to the press he said: “The joint")
    assert got[10].endswith("defeat terrorism.")
    assert got[11].startswith("Derna has become a terrorist lair")
    assert got[12].endswith("eliminate this terrorist lair.”")
    # A quote ending in ”. keeps the full stop in the same sentence.
    assert got[25].endswith("in Abu Dhabi”.")
    # Quoted sentences attributed after the quote are not split at the comma.
    assert got[17] == "“Only one missile was fired from the camp and it did not explode,” said Al-Musiri."
    assert got[51] == "“During the last three months alone 300 vehicles were destroyed.”"


def test_a_run_without_full_stop_is_cut_into_translatable_pieces():
    from bilingual.segment import MAX_SEGMENT_CHARS

    text = " ".join(["word"] * 30000)
    spans = split_sentences(text)
    assert all(0 < e - s <= MAX_SEGMENT_CHARS for s, e in spans)
    assert " ".join(text[s:e] for s, e in spans) == text  # cut at spaces only, nothing lost
    table = "| a | b |\n" * 3000
    cells = split_sentences(table)
    assert all(text_piece.endswith("|") for text_piece in (table[s:e] for s, e in cells))
