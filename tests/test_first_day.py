"""A newsroom's first day: the right package name, a first run that leaves nothing behind, and a
memory that never hands one model's output (or text left in English) to another."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
import tomllib

import pytest

import bilingual
from bilingual.errors import install_hint

from conftest import FIXTURE_MODEL, ROOT


def _readme_blocks() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Two commands for a newcomer", 1)[1]
    return re.findall(r"```sh\n(.*?)\n```", section, re.S)


def test_the_distribution_has_a_name_of_its_own_and_every_install_line_uses_it():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == bilingual.DISTRIBUTION != "bilingual"  # `bilingual` on PyPI is another project
    assert project["scripts"] == {"bilingual": "bilingual.cli:main"}
    assert f"'{bilingual.DISTRIBUTION}[cluster]'" in install_hint("cluster")
    wrong = re.compile(r"""pip install[^\n`]*['"]?bilingual\[""")
    for path in [ROOT / "README.md", *(ROOT / "docs").rglob("*.md"), *(ROOT / "bilingual").rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        assert not wrong.search(text), f"{path} sends users to PyPI's other `bilingual`"
        assert "bilingual[" not in text.replace(f"{bilingual.DISTRIBUTION}[", ""), path
    # What users install never carries the test tools.
    extras = project["optional-dependencies"]
    users = {dep for extra in ("all", "publish", "suggest", "serve") for dep in extras[extra]}
    assert not any(dep.startswith(("pytest", "mypy", "ruff", "hypothesis", "playwright")) for dep in users)


def test_the_readme_test_command_installs_the_test_tools_it_needs():
    install, test = _readme_blocks()[:2]
    extras = lambda block: re.search(r"-e '\.\[([a-z,]+)\]'", block).group(1).split(",")
    assert extras(install) == ["all"]  # what a newsroom runs: no test tools
    assert "test" in extras(test) and test.endswith("python -m pytest -q")


def _first_run_env(tmp_path):
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BILINGUAL_", "ARGOS_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / "data"), XDG_CACHE_HOME=str(home / "cache"),
               XDG_CONFIG_HOME=str(home / "config"), TMPDIR=str(tmp_path / "tmp"))  # fmt: skip
    (tmp_path / "tmp").mkdir()
    return env, home


def test_the_readme_main_job_leaves_the_memory_and_the_packages_folder_as_they_were(tmp_path):
    """The README's first command after its install step, in a fresh copy of the examples, as a new user
    with an empty home: the outputs are there; no memory, no installed package, no unpacked model left."""
    env, home = _first_run_env(tmp_path)
    work = tmp_path / "clone"
    (work / "examples").mkdir(parents=True)
    (work / "examples" / "benghazi-talks.txt").write_bytes((ROOT / "examples" / "benghazi-talks.txt").read_bytes())
    (work / "tests" / "fixtures").mkdir(parents=True)
    (work / "tests" / "fixtures" / FIXTURE_MODEL.name).write_bytes(FIXTURE_MODEL.read_bytes())
    (work / "glossary").symlink_to(ROOT / "glossary")
    main_job = _readme_blocks()[0].split("&&", 1)[1]
    done = subprocess.run(["bash", "-c", main_job.replace("bilingual ", f"{sys.executable} -m bilingual ")],
                          cwd=work, env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert (work / "examples" / "benghazi-talks.en-ar.xml").is_file()
    assert (work / "examples" / "benghazi-talks.en-ar.html").is_file()
    data = home / "data"
    left = sorted(str(p.relative_to(home)) for p in data.rglob("*")) if data.exists() else []
    assert not [p for p in left if p.endswith("memory.sqlite3") or "packages" in p], left
    assert list((tmp_path / "tmp").iterdir()) == []  # the unpacked model went with the process
    assert not list(work.rglob("*.lock"))


def test_a_package_file_given_as_model_is_used_without_installing_it(run_cli, tmp_path, monkeypatch, isolated_memory):
    packages = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    article = tmp_path / "a.txt"
    article.write_text("Haftar arrived in Cairo on Monday.\n", encoding="utf-8")
    result = run_cli("translate", article, "--model", FIXTURE_MODEL, "--glossary", ROOT / "glossary")
    assert result.exit_code == 0, result.stderr
    assert not packages.exists() or not any(packages.iterdir())
    assert "حفتر" in (tmp_path / "a.en-ar.xml").read_text(encoding="utf-8")


def test_text_the_engine_left_mostly_latin_never_enters_the_memory(run_cli, tmp_path, isolated_memory):
    article = tmp_path / "a.txt"
    article.write_text("The talks resumed in the morning. The delegates left before noon.\n", encoding="utf-8")
    result = run_cli("translate", article, "--model", FIXTURE_MODEL, "--glossary", ROOT / "glossary")
    assert result.exit_code == 0, result.stderr
    assert "2 segments came back untranslated" in result.stderr
    with sqlite3.connect(isolated_memory) as db:
        assert db.execute("SELECT count(*) FROM segments").fetchone()[0] == 0


@pytest.mark.parametrize("second", ["fake_engines:DropEngine", "fake_engines:PseudoArabicEngine"])
def test_a_machine_text_is_reused_only_by_the_model_that_wrote_it(run_cli, tmp_path, isolated_memory, second):
    article = tmp_path / "a.txt"
    article.write_text("Haftar met Salame in Cairo. The talks ended late.\n", encoding="utf-8")
    first = run_cli("translate", article, "--engine", "fake_engines:PseudoArabicEngine", "--glossary",
                    ROOT / "glossary")  # fmt: skip
    assert first.exit_code == 0 and "2 by the engine, 0 from memory" in first.stderr, first.stderr
    again = run_cli("translate", article, "--overwrite", "--engine", second, "--glossary", ROOT / "glossary")
    assert again.exit_code == 0, again.stderr
    expected = "0 by the engine, 2 from memory" if second.endswith("Pseudo" + "ArabicEngine") else "2 by the engine, 0"
    assert expected in again.stderr, again.stderr


def test_the_server_logs_one_line_a_request_without_its_query_and_has_a_favicon(caplog):
    import logging

    from starlette.testclient import TestClient

    from bilingual.serve.api import Settings, make_app

    import fake_engines

    app = make_app(Settings(engine=fake_engines.PseudoArabicEngine(), glossaries={"default": None}))
    with caplog.at_level(logging.INFO, logger="bilingual.access"), TestClient(app) as client:
        icon = client.get("/favicon.ico")
        client.get("/languages?api_key=secret-key-123")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    lines = [r.getMessage() for r in caplog.records if r.name == "bilingual.access"]
    assert len(lines) == 2 and "GET /favicon.ico 200" in lines[0] and "GET /languages 200" in lines[1]
    assert not any("secret" in line for line in lines)


def test_small_things_a_user_sees(run_cli, tmp_path, isolated_memory):
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "people.po").write_bytes((ROOT / "glossary" / "people.po").read_bytes())
    empty = run_cli("glossary", "list", "--fuzzy", "--glossary", glossary)
    assert empty.exit_code == 0 and empty.stdout == "" and "no fuzzy entries" in empty.stderr
    article = tmp_path / "a.txt"
    article.write_text("The talks resumed in the morning. The delegates left before noon.\n", encoding="utf-8")
    assert run_cli("translate", article, "--model", FIXTURE_MODEL, "--no-memory").exit_code == 0
    checked = run_cli("check", tmp_path / "a.en-ar.xml", "--qa", "--glossary", glossary)
    rows = [line for line in checked.stdout.splitlines() if "\t" in line]
    assert len(rows) == 2 and all("Translation left in English" in row for row in rows), rows  # once a problem
    assert "2 findings (0 errors) in 1 document" in checked.stderr
    assert not list(tmp_path.rglob("*.lock"))


def test_a_first_run_says_it_builds_a_table_and_a_second_run_reads_it(tmp_path, monkeypatch):
    from bilingual.names import cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    heard: list[str] = []
    with cache.telling(heard.append):
        first = cache.lexicon("first-day-test", "1", (), lambda: {"Derna": "درنة"})
        second = cache.lexicon("first-day-test", "1", (), lambda: {"Derna": "wrong"})
    assert first == second == {"Derna": "درنة"} and heard == ["first-day-test"]
    assert cache.BUILDING == []
