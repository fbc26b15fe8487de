"""Shared fixtures. Every test runs with private Argos/XDG folders and no reachable index."""

from __future__ import annotations

import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_MODEL = ROOT / "tests" / "fixtures" / "translate-en_ar-fixture.argosmodel"
EXAMPLES = ROOT / "examples"
SHARED = ROOT.parent / "shared"
SCHEMAS = SHARED / "schemas"

# Isolate before anything imports argostranslate.settings (which reads these at import).
_SESSION_HOME = Path(tempfile.mkdtemp(prefix="bilingual-tests-"))
atexit.register(shutil.rmtree, _SESSION_HOME, ignore_errors=True)  # leave no folder behind per run
for var in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME"):
    os.environ[var] = str(_SESSION_HOME / var.lower())
os.environ["ARGOS_PACKAGES_DIR"] = str(_SESSION_HOME / "no-packages")
os.environ["ARGOS_PACKAGE_INDEX"] = (_SESSION_HOME / "no-index" / "index.json").as_uri()
os.environ.pop("LANGUAGE", None)
os.environ["LC_ALL"] = "C.UTF-8"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture(scope="session")
def installed_model_dir(tmp_path_factory) -> Path:
    """A packages folder with the fixture model installed through our own installer."""
    from bilingual.engines.argos import packages as models

    directory = tmp_path_factory.mktemp("argos-packages")
    models.install_file(FIXTURE_MODEL, directory=directory)
    return directory


@pytest.fixture
def argos_packages(installed_model_dir, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(installed_model_dir))
    return installed_model_dir


@pytest.fixture
def empty_packages(tmp_path, monkeypatch) -> Path:
    directory = tmp_path / "packages"
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(directory))
    return directory


@pytest.fixture
def isolated_memory(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "memory.sqlite3"
    monkeypatch.setenv("BILINGUAL_MEMORY", str(path))
    return path


@pytest.fixture
def run_cli():
    """Invoke the CLI in-process; returns the click Result (stderr kept apart)."""
    from click.testing import CliRunner

    from bilingual.cli import cli

    def run(*args, input=None, env=None):
        runner = CliRunner()
        return runner.invoke(cli, [str(a) for a in args], input=input, env=env, catch_exceptions=False)

    return run


# The official schemas live in ../shared/schemas (beside the checkout in CI).
needs_schemas = pytest.mark.skipif(
    not (SCHEMAS / "tmx14.dtd").exists(), reason="official schemas not beside the checkout (../shared/schemas)"
)


def assert_one_line_error(result, code: int | None = None) -> str:
    """The failure is one line on stderr, no traceback, and a non-zero exit code."""
    assert result.exit_code != 0, result.output
    if code is not None:
        assert result.exit_code == code, (result.exit_code, result.stderr)
    err = result.stderr.strip()
    assert "Traceback" not in result.output and "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.startswith("bilingual: ")
    return err


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """In CI every tool a test needs is installed by .ci/run: a skip there is a hole, so it fails."""
    outcome = yield
    report = outcome.get_result()
    if os.environ.get("CI") and report.skipped:
        report.outcome = "failed"
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.longrepr = f"skipped in CI, where nothing may be: {reason}"
