"""Hostile characters and encodings (issue 27, class "characters"): one policy from Unicode properties for
names, their Arabic spelling and notes; UTF-16/32 without a byte-order mark is read as such or refused."""

from __future__ import annotations

import pytest

from conftest import assert_one_line_error

# Each case: where the character goes, the text, and the name the refusal must carry.
CASES = [
    ("english", "Haft\U000e0041ar", "U+E0041 TAG LATIN CAPITAL LETTER A"),
    ("english", "Haftar\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
    ("english", "Haf\ufe00tar", "U+FE00 VARIATION SELECTOR-1"),
    ("english", "Haf\u206atar", "U+206A INHIBIT SYMMETRIC SWAPPING"),
    ("english", "Haf\u206dtar", "U+206D ACTIVATE ARABIC FORM SHAPING"),
    ("english", "Haf\u2800tar", "U+2800 BRAILLE PATTERN BLANK"),
    ("english", "Haf\u180btar", "U+180B MONGOLIAN FREE VARIATION SELECTOR ONE"),
    ("english", "Haf\ufff9tar", "U+FFF9 INTERLINEAR ANNOTATION ANCHOR"),
    ("english", "\u0422\u043e\u0440\u0435", "CYRILLIC CAPITAL LETTER TE"),  # "Tope" wholly in Cyrillic look-alikes
    ("english", "Haf\u3164tar", "U+3164 HANGUL FILLER"),
    ("arabic", "حف\U000e0020تر", "U+E0020 TAG SPACE"),
    ("arabic", "حفتر\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
    ("arabic", "حف\u206bتر", "U+206B ACTIVATE SYMMETRIC SWAPPING"),
    ("arabic", "حف\u2800تر", "U+2800 BRAILLE PATTERN BLANK"),
    ("arabic", "حفт\u0440", "CYRILLIC SMALL LETTER TE"),
    ("arabic", "حف\ufffaتر", "U+FFFA INTERLINEAR ANNOTATION SEPARATOR"),
    ("note", "see \U000e0067\U000e0062 here", "U+E0067 TAG LATIN SMALL LETTER G"),
    ("note", "marked \u206e here", "U+206E NATIONAL DIGIT SHAPES"),
    ("note", "a \ufffb end", "U+FFFB INTERLINEAR ANNOTATION TERMINATOR"),
    ("note", "private \ue000 use", "U+E000"),
]


def _args(where: str, text: str) -> list[str]:
    if where == "english":
        return [text, "حفتر"]
    if where == "arabic":
        return ["Haftar", text]
    return ["Haftar", "حفتر", "--note", text]


@pytest.mark.parametrize("where, text, named", CASES)
def test_a_hidden_or_look_alike_character_is_refused_by_name(run_cli, tmp_path, where, text, named):
    gl = tmp_path / "g"
    err = assert_one_line_error(
        run_cli("glossary", "add", *_args(where, text), "--kind", "person", "--glossary", gl), 4
    )
    assert named in err and not (gl / "people.po").exists()


def test_what_a_note_may_hold_is_kept():
    """A note is free text: emoji sequences with their joiner and selector, tabs, line breaks, any script."""
    from bilingual.names.entry import Entry
    from bilingual.names.rules import validate_entry

    note = "checked ✔️ by 👩\u200d💻\tthe desk\nпроверено"
    assert validate_entry(Entry("Haftar", "حفتر", "person", notes=note)) == []


def test_check_fix_repairs_what_a_file_already_holds(run_cli, tmp_path):
    gl = tmp_path / "g"
    gl.mkdir()
    (gl / "people.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# seen \U000e0041\u206a\nmsgctxt "person"\nmsgid "Haf\ufe0ftar"\nmsgstr "حف\u2800تر"\n\n'
        'msgctxt "person"\nmsgid "\u0422\u043e\u0440\u0435"\nmsgstr "توبي"\n',
        encoding="utf-8",
    )
    assert run_cli("glossary", "check", "--glossary", gl).exit_code != 0
    fixed = run_cli("glossary", "check", "--fix", "--glossary", gl)
    assert fixed.exit_code == 0, fixed.stderr
    from bilingual.names.load import load_glossary

    loaded = load_glossary(gl)
    assert loaded.get("Haftar").arabic == "حفتر" and loaded.get("Haftar").notes == "seen"
    assert loaded.get("Tope") is not None  # the look-alikes turned back into the Latin letters they imitate
    assert run_cli("glossary", "check", "--glossary", gl).exit_code == 0


ARTICLE = "Haftar spoke in Derna on Monday.\n\nThe talks resume in Cairo."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_without_a_byte_order_mark_are_read_as_such(tmp_path, codec):
    """UTF-16 without a BOM was translated as garbage (one NUL-laden "sentence") with exit 0."""
    from bilingual.read import read_document

    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.encode(codec))
    doc = read_document(str(path))
    assert [s.source for s in doc.segments()] == ["Haftar spoke in Derna on Monday.", "The talks resume in Cairo."]


def test_arabic_utf16_without_a_byte_order_mark_is_read_as_such(tmp_path):
    from bilingual.read import read_document

    path = tmp_path / "a.txt"
    path.write_bytes("قال حفتر في درنة يوم الاثنين.\n\nتستأنف المحادثات في القاهرة.".encode("utf-16-le"))
    assert len(read_document(str(path)).segments()) == 2


def test_a_file_full_of_zero_bytes_that_is_no_text_is_refused(run_cli, tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Haftar\x00\x00\x01\x00spoke\x00\x00\x00\x00 in Derna\x00\x00.\x00\x00\x00" * 20)
    result = run_cli("translate", path, "-o", tmp_path / "out.xml", "--engine", "fake_engines:UpperEngine",
                     "--no-memory")  # fmt: skip
    err = assert_one_line_error(result, 1)
    assert "a.txt" in err and "zero bytes" in err and not (tmp_path / "out.xml").exists()


def test_a_utf16_glossary_sheet_is_refused_by_name(run_cli, tmp_path):
    sheet = tmp_path / "in.csv"
    sheet.write_bytes("english,arabic,kind\nHaftar,حفتر,person\n".encode("utf-16-le"))
    err = assert_one_line_error(run_cli("glossary", "import", sheet, "--glossary", tmp_path / "g"), 4)
    assert "in.csv" in err and "UTF-16" in err
