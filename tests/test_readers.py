"""Readers: text, Markdown, HTML, stdin; encodings; bad input."""

from __future__ import annotations

import pytest

from bilingual.errors import InputError
from bilingual.read import decode, read_document

from conftest import EXAMPLES, assert_one_line_error


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_text_paragraphs_split_on_blank_lines(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"One. Two.\n\n  \nThree.\nStill three.\n"))
    assert [b.kind for b in doc.blocks] == ["p", "p"]
    assert [s.source for s in doc.segments()] == ["One.", "Two.", "Three.", "Still three."]
    for seg in doc.segments():
        assert doc.text[seg.start : seg.end] == seg.source


def test_single_long_paragraph_stays_one_paragraph(tmp_path):
    text = " ".join(f"Sentence number {i} is here." for i in range(200))
    doc = read_document(write(tmp_path, "long.txt", text.encode()))
    assert len(doc.blocks) == 1 and len(doc.segments()) == 200


def test_bom_and_crlf(tmp_path):
    doc = read_document(write(tmp_path, "w.txt", b"\xef\xbb\xbfFirst line.\r\n\r\nSecond para.\r\n"))
    assert doc.text == "First line.\n\nSecond para.\n"
    assert len(doc.blocks) == 2


def test_latin1_is_an_error_naming_the_offset(tmp_path):
    path = write(tmp_path, "l.txt", "Caf\u00e9 talks.".encode("latin-1"))
    with pytest.raises(InputError) as info:
        read_document(path)
    assert "byte offset 3" in str(info.value) and "--encoding" in str(info.value)
    assert read_document(path, encoding="latin-1").segments()[0].source == "Café talks."


def test_invalid_utf8(tmp_path):
    with pytest.raises(InputError, match="byte offset 5"):
        read_document(write(tmp_path, "bad.txt", b"Hello\xff\xfe world."))


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  "])
def test_empty_or_whitespace_only(tmp_path, data):
    with pytest.raises(InputError, match="nothing to translate"):
        read_document(write(tmp_path, "e.txt", data))


def test_size_limit(tmp_path):
    path = write(tmp_path, "big.txt", b"Word. " * 2_000_000)
    with pytest.raises(InputError, match="over the 5.0 MB limit"):
        read_document(path)


def test_ten_megabyte_file_reads_when_allowed(tmp_path):
    path = write(tmp_path, "big.txt", (b"Haftar met Al-Sisi in Cairo. " * 12) + b"\n\n")
    data = (tmp_path / "big.txt").read_bytes() * 30_000  # about 10 MB
    (tmp_path / "big.txt").write_bytes(data)
    doc = read_document(path, max_bytes=20 * 1024 * 1024)
    assert len(doc.blocks) == 30_000 and len(doc.segments()) == 360_000


def test_markdown_blocks_and_marks():
    doc = read_document(str(EXAMPLES / "border-patrols.md"))
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "h1" and "h2" in kinds and kinds.count("li") == 3
    first = doc.blocks[0]
    para = doc.blocks[2]
    assert "**" not in doc.text and "[" not in doc.text
    strong = [m for m in para.marks if m.kind == "strong"]
    assert doc.text[strong[0].start : strong[0].end] == "Oweinat Mountain"
    link = [m for b in doc.blocks for m in b.marks if m.kind == "link"][0]
    assert link.href == "https://example.org/statement"
    assert doc.text[link.start : link.end] == "ministry statement"
    assert first.segments[0].source == "Egypt tightens its western border"


def test_html_body_only():
    doc = read_document(str(EXAMPLES / "sirte-report.html"))
    assert "tracking" not in doc.text and "Home" not in doc.text and "Copyright" not in doc.text
    assert [b.kind for b in doc.blocks] == ["h1", "p", "p", "li", "li"]
    bold = doc.blocks[1].marks[0]
    assert doc.text[bold.start : bold.end] == "Libyan National Army"


def test_stdin(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"From stdin. Two.")))
    doc = read_document("-")
    assert doc.head.input_name == "<stdin>"
    assert len(doc.segments()) == 2


def test_unknown_extension(tmp_path):
    with pytest.raises(InputError, match="--from"):
        read_document(write(tmp_path, "a.xyz", b"x"))


def test_control_characters_survive_reading():
    assert decode(b"A\x0bB\x00C.", path="x") == "A\x0bB\x00C."


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read_as_such(tmp_path, codec):
    """A UTF-16 file with a byte-order mark (Notepad's "Unicode") was 'not valid UTF-8'."""
    import codecs

    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32-le": codecs.BOM_UTF32_LE,
           "utf-32-be": codecs.BOM_UTF32_BE}[codec]  # fmt: skip
    path = tmp_path / "a.txt"
    path.write_bytes(bom + "Derna waits. Café talk.\n\nSecond paragraph.".encode(codec))
    doc = read_document(str(path))
    assert [s.source for s in doc.segments()] == ["Derna waits.", "Café talk.", "Second paragraph."]


def test_a_word_article_is_read_with_its_headings_paragraphs_and_lists(tmp_path, run_cli):
    """DOCX articles ended in 'cannot tell the format' → 'not valid UTF-8'."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_heading("Talks resume in Cairo", level=0)
    document.add_heading("Background", level=1)
    document.add_paragraph("Haftar met Salame. They spoke for an hour.")
    document.add_paragraph("Security first", style="List Bullet")
    document.add_paragraph("   ")
    path = tmp_path / "article.docx"
    document.save(str(path))
    doc = read_document(str(path))
    assert [(b.kind, [s.source for s in b.segments]) for b in doc.blocks] == [
        ("h1", ["Talks resume in Cairo"]),
        ("h2", ["Background"]),
        ("p", ["Haftar met Salame.", "They spoke for an hour."]),
        ("li", ["Security first"]),
    ]
    result = run_cli("translate", path, "--engine", "fake_engines:PseudoArabicEngine", "--no-memory")
    assert result.exit_code == 0 and (tmp_path / "article.en-ar.xml").is_file()


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.7\n%...", "a PDF"),
        (b"\x89PNG\r\n\x1a\n....", "an image"),
        (b"\xff\xd8\xff\xe0....", "an image"),
        (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/vnd.oasis.opendocument.text", "an OpenDocument file"),
    ],
)
def test_files_that_are_no_article_get_one_line_saying_what_to_do(tmp_path, run_cli, data, what):
    path = tmp_path / "story.bin"
    path.write_bytes(data)
    err = assert_one_line_error(run_cli("translate", path, "--no-memory"), 1)
    assert f"this is {what}" in err and "(" in err
