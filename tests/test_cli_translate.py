"""`bilingual translate` end to end, through the CLI, with the fixture model installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from bilingual.formats.aligned import parse_aligned, schema

from conftest import EXAMPLES, ROOT, SHARED, assert_one_line_error


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "benghazi-talks.txt"
    path.write_bytes((EXAMPLES / "benghazi-talks.txt").read_bytes())
    return path


def test_translate_example_gives_valid_aligned_document(run_cli, argos_packages, article):
    result = run_cli("translate", article, "--no-memory")
    assert result.exit_code == 0, result.stderr
    out = article.with_name("benghazi-talks.en-ar.xml")
    data = out.read_bytes()
    assert schema().validate(etree.fromstring(data))
    doc = parse_aligned(data)
    source = article.read_text(encoding="utf-8")
    raw = (ROOT / "bench" / "examples-gold" / "benghazi-talks.gold.txt").read_text(encoding="utf-8")
    golden = [" ".join(p.split()) for p in raw.split("⟂") if p.strip()]  # marked by hand
    assert [" ".join(s.source.split()) for s in doc.segments()] == golden  # one segment per sentence
    # Joining the segments by their offsets gives back the input: only whitespace in between.
    pos, rebuilt = 0, []
    for seg in doc.segments():
        assert source[seg.start : seg.end] == seg.source
        assert source[pos : seg.start].strip() == ""
        rebuilt.append(source[pos : seg.start] + seg.source)
        pos = seg.end
    assert "".join(rebuilt) + source[pos:] == source
    assert all(s.target and s.status == "mt" for s in doc.segments())
    # The fixture copies its input through a real CTranslate2 decode: names come back as the glossary says.
    first = doc.segments()[0]
    assert first.target.startswith("Talks between rival Libyan factions resumed in القاهرة on Tuesday")
    assert all(t.enforced for s in doc.segments() for t in s.terms)
    assert doc.head.engine == "argos" and doc.head.model_name == "translate-en_ar-fixture"
    assert "translated 17 segments" in result.stderr


@pytest.mark.parametrize("name", ["border-patrols.md", "sirte-report.html"])
def test_markdown_and_html_inputs(run_cli, argos_packages, tmp_path, name):
    out = tmp_path / "out.xml"
    result = run_cli("translate", EXAMPLES / name, "-o", out, "--no-memory", "-q")
    assert result.exit_code == 0, result.stderr
    doc = parse_aligned(out.read_bytes())
    assert doc.head.input_format in ("md", "html")
    assert doc.segments()


def test_stdout_and_stdin(run_cli, argos_packages):
    result = run_cli("translate", "-", "-o", "-", "--no-memory", "-q", input="Derna waits. Cairo watches.")
    assert result.exit_code == 0, result.stderr
    doc = parse_aligned(result.stdout_bytes)
    assert [s.source for s in doc.segments()] == ["Derna waits.", "Cairo watches."]


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "nothing to translate"),
        (b"  \n\n \t ", "nothing to translate"),
        ("Caf\u00e9.".encode("latin-1"), "not valid UTF-8 at byte offset 3"),
        (b"ok \xc3\x28 bad", "not valid UTF-8 at byte offset 3"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(run_cli, argos_packages, tmp_path, data, message):
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    result = run_cli("translate", path, "--no-memory")
    err = assert_one_line_error(result, 1)
    assert message in err and str(path) in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_existing_output_is_kept_when_translation_fails(run_cli, empty_packages, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Derna waits.")
    out = tmp_path / "out.xml"
    out.write_bytes((Path(__file__).parent / "data" / "aligned-sample.xml").read_bytes())  # an earlier output
    before = out.read_bytes()
    result = run_cli("translate", path, "-o", out, "--no-memory", "--no-download")
    err = assert_one_line_error(result, 3)
    assert "bilingual models install --file" in err
    assert out.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "out.xml"]


def test_missing_model_offline_download_fails_cleanly(run_cli, empty_packages, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Derna waits.")
    result = run_cli("translate", path, "--no-memory")
    err = assert_one_line_error(result, 3)
    assert "could be downloaded" in err and "--file" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt"]


def test_control_characters_and_huge_sentence(run_cli, argos_packages, tmp_path):
    path = tmp_path / "odd.txt"
    path.write_text("Derna\x0b waits\x00 here.\n\n" + " ".join(["word"] * 30000), encoding="utf-8")
    out = tmp_path / "odd.xml"
    result = run_cli(
        "translate",
        path,
        "-o",
        out,
        "--no-memory",
        "-q",
        "--beam-size",
        "1",
        "--max-size",
        "1",
        "--batch-tokens",
        "100000",
    )
    assert result.exit_code == 0, result.stderr
    data = out.read_bytes()
    assert schema().validate(etree.fromstring(data))
    doc = parse_aligned(data)
    assert doc.segments()[0].source == "Derna\x0b waits\x00 here."
    # the 150,000-character "sentence" is cut at word breaks into pieces the engine can take
    rest = doc.segments()[1:]
    assert all(0 < len(s.source) <= 1000 and s.target for s in rest)
    assert " ".join(s.source for s in rest) == " ".join(["word"] * 30000)


def test_ten_megabyte_file_is_refused_cleanly(run_cli, argos_packages, tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"Haftar met Al-Sisi in Cairo. " * 360_000)
    result = run_cli("translate", path, "--no-memory")
    err = assert_one_line_error(result, 1)
    assert "MB limit" in err and "--max-size" in err


def test_engine_plugin_by_dotted_path(run_cli, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("The city waits.")
    result = run_cli("translate", path, "-o", "-", "--engine", "fake_engines:UpperEngine", "--no-memory", "-q")
    assert result.exit_code == 0, result.stderr
    assert parse_aligned(result.stdout_bytes).segments()[0].target == "THE CITY WAITS."


def test_unknown_engine_is_exit_3(run_cli, tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("Derna waits.")
    assert "unknown engine" in assert_one_line_error(run_cli("translate", path, "--engine", "nope", "--no-memory"), 3)


def test_models_cli(run_cli, empty_packages):
    from conftest import FIXTURE_MODEL

    assert run_cli("models", "install", "--file", FIXTURE_MODEL).exit_code == 0
    listed = run_cli("models", "list")
    assert "translate-en_ar-fixture\ten→ar\t0.2" in listed.stdout
    bad = run_cli("models", "install", "--file", ROOT / "pyproject.toml")
    assert "not a zip" in assert_one_line_error(bad, 3)
    assert run_cli("models", "remove", "en-ar").exit_code == 0
    assert run_cli("models", "list").stdout == ""


def test_installed_command_runs_and_help_is_light():
    """The console script works, and --help imports neither ctranslate2 nor argostranslate."""
    env = dict(os.environ)
    done = subprocess.run(["bilingual", "--version"], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and done.stdout.startswith("bilingual ")
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom bilingual.cli import cli\n"
        "r = CliRunner().invoke(cli, ['--help'])\nassert r.exit_code == 0\n"
        "heavy = [m for m in ('ctranslate2', 'argostranslate', 'lxml', 'weasyprint', 'docx') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == ""
    done = subprocess.run([sys.executable, "-m", "bilingual", "--help"], capture_output=True, text=True, env=env)
    assert done.returncode == 0 and "translate" in done.stdout


@pytest.mark.skipif(
    not (SHARED / "examples" / "al-ahram-weekly-derna.txt").exists(), reason="shared example not beside the checkout"
)
def test_shared_example_translates(run_cli, argos_packages, tmp_path):
    out = tmp_path / "derna.xml"
    result = run_cli(
        "translate",
        SHARED / "examples" / "al-ahram-weekly-derna.txt",
        "-o",
        out,
        "--no-memory",
        "-q",
        "--beam-size",
        "1",
    )
    assert result.exit_code == 0, result.stderr
    doc = parse_aligned(out.read_bytes())
    assert len(doc.blocks) == 1 and len(doc.segments()) == 53


def test_writing_to_a_device_does_not_replace_it(run_cli, tmp_path):
    """-o /dev/null (or a FIFO) is written directly: an atomic rename would replace the device."""
    import stat as st

    path = tmp_path / "in.txt"
    path.write_text("The city waits.")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    received = []
    reader = threading.Thread(target=lambda: received.append(open(fifo, "rb").read()))
    reader.start()
    result = run_cli("translate", path, "-o", fifo, "--engine", "fake_engines:UpperEngine", "--no-memory", "-q")
    reader.join(timeout=10)
    assert result.exit_code == 0, result.stderr
    assert st.S_ISFIFO(fifo.stat().st_mode)  # still a pipe, not a regular file
    assert b"THE CITY WAITS." in received[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.txt", "pipe"]


def test_a_long_list_of_untranslated_segments_says_how_many_it_leaves_out(run_cli, tmp_path):
    """The list stops at ten ids; it once stopped there without a word about the rest."""
    article = tmp_path / "a.txt"
    article.write_text(" ".join(f"Sentence number {i} waits here." for i in range(12)) + "\n", encoding="utf-8")
    result = run_cli("translate", article, "--engine", "fake_engines:UpperEngine", "--no-memory")
    assert result.exit_code == 0, result.stderr
    line = next(x for x in result.stderr.splitlines() if "came back untranslated" in x)
    assert line.startswith("12 segments") and "… and 2 more (bilingual check --qa lists them all)" in line
