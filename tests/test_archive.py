"""Archive jobs: documents in several processes or on Ray, resumable, the same outputs as one process."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from bilingual.formats.aligned import parse_aligned

from conftest import ROOT

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


def _articles(folder, n):
    folder.mkdir()
    for i in range(n):
        (folder / f"a{i:02}.txt").write_text(f"Article {i} from Derna. Haftar spoke in Cairo.\n\nMore on day {i}.\n")
    return sorted(str(p) for p in folder.iterdir())


def _targets(folder):
    return {p.name: [s.target for s in parse_aligned(p.read_bytes()).segments()] for p in sorted(folder.iterdir())}


def test_workers_translate_skip_what_is_up_to_date_and_force_redoes_it(run_cli, tmp_path):
    inputs = _articles(tmp_path / "in", 6)
    out = tmp_path / "out"
    args = ("translate", *inputs, "-o", f"{out}/", *ENGINE, "--glossary", ROOT / "glossary", "--no-memory")
    first = run_cli(*args, "--workers", "2")
    assert first.exit_code == 0, first.stderr
    assert "6 translated, 0 up to date" in first.stderr
    assert "documents/s" not in first.stderr  # progress is for a terminal, never a log or a pipe
    stamps = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    again = run_cli(*args, "--workers", "2")
    assert "0 translated, 6 up to date" in again.stderr
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == stamps  # nothing rewritten
    with open(inputs[2], "a") as handle:
        handle.write("A late line.\n")
    changed = run_cli(*args, "--workers", "2")
    assert "1 translated, 5 up to date" in changed.stderr
    assert run_cli(*args, "--workers", "2", "--force").stderr.count("translated, 0 up to date") == 1
    assert all("حفتر" in " ".join(t) for t in _targets(out).values())


def test_a_killed_archive_run_finishes_the_rest_and_leaves_the_finished_untouched(tmp_path):
    inputs = _articles(tmp_path / "in", 8)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests")}
    command = [sys.executable, "-m", "bilingual", "translate", *inputs, "-o", f"{out}/", "--engine",
               "test_archive:slow_engine", "--no-memory", "--workers", "2"]  # fmt: skip
    process = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and (not out.exists() or len(list(out.glob("*.xml"))) < 2):
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the run and its workers, mid-flight
    process.wait(timeout=30)
    finished = {p.name: p.read_bytes() for p in out.glob("*.xml")}
    assert 2 <= len(finished) < 8
    for data in finished.values():
        parse_aligned(data)  # every output there is whole (atomic writes)
    rerun = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{8 - len(finished)} translated, {len(finished)} up to date" in rerun.stderr
    assert {n: (out / n).read_bytes() for n in finished} == finished
    assert len(_targets(out)) == 8 and not list(out.glob(".*.tmp"))


class _Slow:
    name, model_name, model_version, model_checksum = "slow", "", "", ""

    def translate_batch(self, texts):
        time.sleep(0.4)
        return [f"ترجمة {len(t)}" for t in texts]


def slow_engine(options):
    return _Slow()


def test_ray_local_gives_the_same_targets_as_the_local_run(run_cli, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setenv("PYTHONPATH", str(ROOT / "tests"))  # Ray's workers import the test engine
    monkeypatch.setenv("RAY_USAGE_STATS_ENABLED", "0")
    inputs = _articles(tmp_path / "in", 4)
    common = (*ENGINE, "--glossary", ROOT / "glossary", "--no-memory")
    assert run_cli("translate", *inputs, "-o", f"{tmp_path / 'local'}/", "--workers", "1", *common).exit_code == 0
    result = run_cli("translate", *inputs, "-o", f"{tmp_path / 'ray'}/", "--ray", "local", "--ray-cpus", "2",
                     "--workers", "2", *common)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "Ray started on this machine in" in result.stderr and "--ray auto" in result.stderr
    assert _targets(tmp_path / "ray") == _targets(tmp_path / "local")
    again = run_cli("translate", *inputs, "-o", f"{tmp_path / 'ray'}/", "--ray", "local", "--ray-cpus", "2", *common)
    assert "0 translated, 4 up to date" in again.stderr
    # --force redoes every document on Ray too: an output an actor finds up to date is not kept (it
    # was, so a forced run rewrote nothing). The marker below survives only if the actor skipped it.
    marked = tmp_path / "ray" / sorted(_targets(tmp_path / "ray"))[0]
    marked.write_bytes(marked.read_bytes() + b"<!-- kept by a skipped task -->\n")
    from bilingual.formats.aligned import read_aligned

    read_aligned(str(marked))  # still a whole, readable document: up to date
    forced = run_cli("translate", *inputs, "-o", f"{tmp_path / 'ray'}/", "--ray", "local", "--ray-cpus", "2",
                     "--force", *common)  # fmt: skip
    assert forced.exit_code == 0 and "4 translated, 0 up to date" in forced.stderr
    assert b"kept by a skipped task" not in marked.read_bytes()
    assert _targets(tmp_path / "ray") == _targets(tmp_path / "local")
    import ray

    assert not ray.is_initialized()  # the job stopped the cluster it started


def test_progress_says_counts_rate_and_time_left_and_the_summary_lists_what_needs_review(tmp_path):
    from bilingual.jobs.archive import ArchiveRequest, translate_archive
    from bilingual.jobs.result import Result
    from bilingual.jobs.translate import TranslateRequest

    inputs = _articles(tmp_path / "in", 4)
    with open(inputs[1], "a") as handle:
        handle.write("Salame flew to Tripoli.\n")  # names the engine below loses
    from bilingual.workspace import Workspace

    request = TranslateRequest(inputs=tuple(inputs), output=f"{tmp_path / 'out'}/")
    workspace = Workspace(
        glossary_path=str(ROOT / "glossary"), use_memory=False, engine_name="fake_engines:MumbleEngine"
    )
    result = translate_archive(workspace, ArchiveRequest(request, workers=2), Result())
    progress = [m.text for m in result.messages if m.level == "progress"]
    assert [line.split("]")[0] for line in progress] == ["[1/4", "[2/4", "[3/4", "[4/4"]
    assert all("documents/s" in line and "segments/s" in line for line in progress)
    assert all("left" in line for line in progress[:-1]) and "left" not in progress[-1]
    warnings = [m.text for m in result.messages if m.level == "warning"]
    review = [item for item in result.items if item.outcome == "needs review"]
    assert review and any("documents need review" in w or "document needs review" in w for w in warnings)
    assert all("names missing" in w for w in warnings if w.startswith("  "))


def test_an_archive_without_a_glossary_warns(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    inputs = _articles(tmp_path / "in", 2)
    done = run_cli("translate", *inputs, "-o", "out/", *ENGINE, "--no-memory", "--workers", "1")
    assert done.exit_code == 0 and "no glossary found" in done.stderr


def test_ray_on_a_terminal_shows_our_progress_and_none_of_ray_s_own_lines(tmp_path):
    """`--ray local` as a user runs it, stderr a terminal (a pseudo-terminal here): progress lines with the
    time left, and none of Ray's INFO/WARNING lines or its core workers' output."""
    import pty

    pytest.importorskip("ray")
    inputs = _articles(tmp_path / "in", 4)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "RAY_USAGE_STATS_ENABLED": "0"}
    env.pop("BILINGUAL_DEBUG", None)
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "bilingual", "translate", *inputs, "-o", f"{tmp_path / 'out'}/",
                                *ENGINE, "--glossary", str(ROOT / "glossary"), "--no-memory", "--ray", "local",
                                "--ray-cpus", "2", "--workers", "2"], env=env, stderr=slave,
                               stdout=subprocess.DEVNULL, stdin=subprocess.DEVNULL)  # fmt: skip
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # EIO: the process and its children closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.wait(timeout=300) == 0
    os.close(master)
    said = b"".join(chunks).decode("utf-8", "replace").replace("\r", "")
    lines = [line for line in said.splitlines() if line.strip()]
    assert [line.split("]")[0] for line in lines if line.startswith("[")] == ["[1/4", "[2/4", "[3/4", "[4/4"], said
    assert "about" in said and "left" in said and "4 translated, 0 up to date" in said
    for noise in ("INFO", "WARNING", "core_worker", "raylet", "streaming_executor", "Progress bars"):
        assert noise not in said, said


def test_a_node_that_cannot_load_the_engine_fails_the_ray_run_on_one_line_without_ray_s_tracebacks(tmp_path):
    """An actor whose engine does not load there (a node without the model) once flooded standard output
    with Ray's tracebacks and ended on an error line holding a flattened traceback."""
    pytest.importorskip("ray")
    inputs = _articles(tmp_path / "in", 3)
    script = (
        "import os, sys; os.environ['BILINGUAL_TEST_DRIVER_PID'] = str(os.getpid()); "
        "from bilingual.cli import main; sys.argv = ['bilingual'] + sys.argv[1:]; main()"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "RAY_USAGE_STATS_ENABLED": "0"}
    env.pop("BILINGUAL_DEBUG", None)
    done = subprocess.run([sys.executable, "-c", script, "translate", *inputs, "-o", f"{tmp_path / 'out'}/",
                           "--engine", "fake_engines:DriverOnlyEngine", "--no-memory", "--ray", "local",
                           "--ray-cpus", "2", "--workers", "2"], env=env, capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    assert done.returncode == 1, done.stderr
    errors = [line for line in done.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1, done.stderr
    assert "the Ray run failed: ModelError: no installed en→ar model is named 'stand-in' on this node" in errors[0]
    assert "Ray's own log is in" in errors[0]
    for noise in ("Traceback", 'File "', "raylet", "ActorDiedError"):
        assert noise not in done.stdout and noise not in done.stderr, (done.stdout, done.stderr)
