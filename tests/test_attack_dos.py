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
