"""Attacks, class 3: denial of service. Every input finishes in time linear in its size, with bounded memory.

Linear time is asserted as a ratio measured in one run: four times the input must take about four
times as long (quadratic work takes sixteen). The bound, 8, sits a factor of two from each. The
small and large inputs are timed back to back in each of five rounds and the median of the five
ratios is kept, so a burst of load on a busy machine (which slows both of a round alike, or one
round only) never makes a linear function look quadratic.
"""

from __future__ import annotations

import time

import pytest

from bilingual.errors import FormatError, InputError

from conftest import assert_one_line_error

MAX_RATIO = 8.0  # four times the input: linear about 4, quadratic about 16
SCALE = 4
ROUNDS = 5


def _time(fn, arg) -> float:
    start = time.perf_counter()
    fn(arg)
    return time.perf_counter() - start


def _ratio(fn, small: int) -> float:
    """The median over five rounds of time(SCALE × small) / time(small), each round timing both."""
    fn(small)  # warm up (imports, caches)
    ratios = sorted(_time(fn, small * SCALE) / max(_time(fn, small), 1e-6) for _round in range(ROUNDS))
    return ratios[ROUNDS // 2]


def test_placeholder_search_is_linear_on_long_arabic_runs():
    from bilingual.names.entry import Entry
    from bilingual.names.match import TermSpan
    from bilingual.translation.mask import mask, placeholders_intact
    from bilingual.translation.restore import restore

    job = mask(
        "Haftar met Sisi.",
        [TermSpan(0, 6, Entry("Haftar", "حفتر", "person")), TermSpan(11, 15, Entry("Sisi", "السيسي", "person"))],
    )

    def run(n: int) -> None:
        text = "ب" * n + " [1] " + "ت" * n
        placeholders_intact(text, job)
        restore(text, job)

    assert _ratio(run, 20_000) < MAX_RATIO


def test_an_engine_that_returns_millions_of_characters_is_restored_in_linear_time():
    from bilingual.names.entry import Entry
    from bilingual.names.match import TermSpan
    from bilingual.translation.mask import mask
    from bilingual.translation.restore import restore

    job = mask("Haftar met.", [TermSpan(0, 6, Entry("Haftar", "حفتر", "person"))])

    def run(n: int) -> None:
        restore("كلمة " * n, job, unmasked="كلمة " * n, spellings={"Haftar": "حفتر"})

    assert _ratio(run, 10_000) < MAX_RATIO


def test_a_huge_markdown_table_is_cut_into_bounded_segments_in_linear_time():
    from bilingual.document import Head
    from bilingual.formats.markdown import parse_markdown_article
    from bilingual.read import build_document
    from bilingual.segment import MAX_SEGMENT_CHARS

    def run(rows: int):
        text = "| Town | Distance | Note |\n|---|---|---|\n" + "| Derna | 290 km | coast road |\n" * rows
        plain, blocks = parse_markdown_article(text)
        return build_document(plain, blocks, head=Head())

    doc = run(20_000)
    assert max(len(s.source) for s in doc.segments()) <= MAX_SEGMENT_CHARS
    assert _ratio(run, 10_000) < MAX_RATIO


def test_sentence_splitting_is_linear_on_hostile_text():
    from bilingual.segment import split_sentences

    def run(n: int) -> None:
        split_sentences("Dr. A. B. " * n + "x" * n + " U.S. " * n)

    assert _ratio(run, 20_000) < MAX_RATIO


def test_reading_a_device_stops_at_the_limit(run_cli, tmp_path):
    result = run_cli(
        "translate",
        "/dev/zero",
        "--from",
        "txt",
        "--max-size",
        "1",
        "--no-memory",
        "--engine",
        "fake_engines:PseudoArabicEngine",
    )
    assert "limit" in assert_one_line_error(result, 1)


def test_reading_stdin_stops_at_the_limit():
    import subprocess
    import sys

    producer = subprocess.Popen(["cat", "/dev/zero"], stdout=subprocess.PIPE)
    done = subprocess.run(
        [sys.executable, "-m", "bilingual", "translate", "-", "--max-size", "1", "--no-memory"],
        stdin=producer.stdout,
        capture_output=True,
        text=True,
        timeout=60,
    )
    producer.kill()
    assert done.returncode == 1 and "limit" in done.stderr


def test_an_offset_in_an_aligned_document_cannot_make_it_allocate(tmp_path):
    from bilingual.formats.aligned import parse_aligned

    data = (
        '<document xmlns="urn:bilingual:aligned:1" version="1" src-lang="en" tgt-lang="ar"><head>'
        '<input name="x" sha256="" format="txt"/><engine name="" model="" model-version="" model-checksum=""/>'
        '<glossary fingerprint=""/><tool name="bilingual" version="0"/></head><body>'
        '<paragraph id="p1" kind="p" start="0" end="400000000"><segment id="p1.s1" status="mt" start="0" '
        'end="400000000"><source xml:lang="en">Derna.</source><target xml:lang="ar" dir="rtl">درنة.</target>'
        "</segment></paragraph></body></document>"
    ).encode()
    with pytest.raises(FormatError, match="offsets"):
        parse_aligned(data, path="x.xml")


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path):
    from bilingual.read import read_bytes

    big = tmp_path / "big.txt"
    with open(big, "wb") as handle:
        handle.seek(50 * 1024 * 1024)
        handle.write(b"x")
    with pytest.raises(InputError, match="limit"):
        read_bytes(str(big), max_bytes=1024 * 1024)


# --- Word documents: the zip and its XML are bounded before python-docx parses anything (issue 27) ---


def _docx_with(tmp_path, replace: dict[str, bytes | None], name: str = "a.docx"):
    """A real Word document (python-docx) with members replaced (bytes) or removed (None)."""
    import zipfile

    docx = pytest.importorskip("docx")
    plain = tmp_path / "plain.docx"
    document = docx.Document()
    document.add_paragraph("Haftar spoke in Derna.")
    document.save(str(plain))
    out = tmp_path / name
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                continue
            dst.writestr(info, src.read(info.filename))
        for member, data in replace.items():
            if data is not None:
                dst.writestr(member, data)
    return out


W = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b"]>"
    + W
    + b"<w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
)


@pytest.mark.parametrize(
    "members, said",
    [
        ({"word/document.xml": LAUGHS}, "declares a document type"),
        ({"word/document.xml": W + b"<w:p>" + b"<w:r>" * 50_000 + b"</w:r>" * 50_000 + b"</w:p></w:body></w:document>"},
         "not a readable Word document"),
        ({"word/document.xml": None}, "no word/document.xml"),
        ({"[Content_Types].xml": None}, "not a readable Word document"),
        ({"word/document.xml": W + b"<w:p/>" * 150_000 + b"</w:body></w:document>"}, "150,000 paragraphs"),
    ],
    ids=["billion-laughs", "deep-nesting", "no-document-part", "no-content-types", "too-many-paragraphs"],
)  # fmt: skip
def test_a_hostile_word_document_is_one_line_not_exit_70(run_cli, tmp_path, members, said):
    path = _docx_with(tmp_path, members)
    out = tmp_path / "out.xml"
    result = run_cli("translate", path, "-o", out, "--engine", "fake_engines:UpperEngine", "--no-memory")
    err = assert_one_line_error(result, 1)
    assert "a.docx" in err and said in err, err
    assert not out.exists()


def test_a_word_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    """A 1 MB zip bomb peaked at 2.1 GB; 0.35 MB holding 40 million empty paragraphs reached 5.7 GB."""
    import resource

    from bilingual.read import read_document

    for members in (
        {"word/media/image1.png": bytes(300 << 20)},
        {"word/document.xml": W + b"<w:p/>" * 40_000_000 + b"</w:body></w:document>"},
    ):
        path = _docx_with(tmp_path, members)
        assert path.stat().st_size < 2 << 20
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        with pytest.raises(InputError, match="zip bomb"):
            read_document(str(path))
        grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024
        assert grown_mb < 100, grown_mb


@pytest.mark.parametrize(
    "command, name",
    [(["glossary", "import"], "names.csv"), (["glossary", "import"], "names.tbx"), (["import"], "fixes.po")],
)
def test_a_gigabyte_glossary_or_exchange_file_is_refused_before_it_is_read(run_cli, tmp_path, command, name):
    """A 1 GB glossary import peaked at 6.7 GB of memory: nothing bounded what an import reads."""
    import resource

    big = tmp_path / name
    with open(big, "wb") as handle:
        handle.write(b"english,arabic,kind\n")
        handle.seek(1 << 30)
        handle.write(b"\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    extra = ["--glossary", tmp_path / "g"] if command[0] == "glossary" else ["--memory", tmp_path / "m.sqlite"]
    err = assert_one_line_error(run_cli(*command, big, *extra))
    assert name in err and "limit" in err
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 100


def test_the_archive_s_up_to_date_check_never_holds_an_input_whole(run_cli, tmp_path):
    """The up-to-date check read a 1.5 GB input whole to hash it."""
    import resource

    from bilingual.formats.aligned import read_aligned
    from bilingual.jobs.archive import Fingerprint, up_to_date

    src, out = tmp_path / "a.txt", tmp_path / "a.xml"
    src.write_text("Haftar spoke in Derna.", encoding="utf-8")
    run = run_cli("translate", src, "-o", out, "--engine", "fake_engines:UpperEngine", "--no-memory", "-q")
    assert run.exit_code == 0, run.stderr
    head = read_aligned(str(out)).head
    fingerprint = Fingerprint(head.glossary_fingerprint, head.engine, head.model_checksum)
    assert up_to_date(str(src), str(out), fingerprint)
    with open(src, "r+b") as handle:  # the same start, now 600 MB
        handle.seek(600 << 20)
        handle.write(b"\n")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert not up_to_date(str(src), str(out), fingerprint, max_bytes=4 << 30)  # hashed as a stream
    assert not up_to_date(str(src), str(out), fingerprint)  # over the input limit: not even hashed
    assert (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024 < 100


def test_an_element_with_a_flood_of_attributes_is_refused_in_linear_time(run_cli, tmp_path):
    """160,000 attributes on one element took 39 s, 300,000 over 120 s: libxml2 compares every pair."""
    from bilingual.formats.html import parse_html_article

    def run(n: int) -> None:
        with pytest.raises(InputError, match="attributes"):
            parse_html_article(
                "<html><body><p " + " ".join(f'a{i}="x>"' for i in range(n)) + ">Haftar.</p></body></html>"
            )

    assert _ratio(run, 40_000) < MAX_RATIO
    page = tmp_path / "flood.html"
    page.write_text("<p " + " ".join(f"a{i}" for i in range(160_000)) + ">Haftar spoke.</p>", encoding="utf-8")
    err = assert_one_line_error(run_cli("translate", page, "-o", tmp_path / "o.xml", "--engine",
                                        "fake_engines:UpperEngine", "--no-memory"), 1)  # fmt: skip
    assert "flood.html" in err and "160,000 attributes" in err


@pytest.mark.parametrize("hostile", ["<a" * 50_000, "<!--x" * 50_000, '<p a="' * 50_000, "<p " + "a " * 900])
def test_the_attribute_count_is_linear_on_malformed_pages(hostile):
    from bilingual.formats.html import _most_attributes

    assert _ratio(lambda n: _most_attributes(hostile * n), 4) < MAX_RATIO
