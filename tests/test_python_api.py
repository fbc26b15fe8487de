"""The guide's Python examples (docs/guide.md) run as written."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT


def _python_blocks() -> list[str]:
    readme = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    section = readme.split("\n## Python\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_readme_python_examples_run_as_written(argos_packages, tmp_path):
    blocks = _python_blocks()
    assert len(blocks) == 2
    shutil.copytree(ROOT / "examples", tmp_path / "examples", ignore=shutil.ignore_patterns("*.en-ar.*", "*.ar.*"))
    shutil.copytree(ROOT / "glossary", tmp_path / "glossary")
    shutil.copytree(ROOT / "tests" / "fixtures", tmp_path / "tests" / "fixtures")
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(argos_packages), "BILINGUAL_MEMORY": str(tmp_path / "m.sqlite3")}
    first = subprocess.run(
        [sys.executable, "-c", blocks[0]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert first.returncode == 0, first.stderr
    rows = [line.split() for line in first.stdout.splitlines()[:-1]]
    assert rows and all(r[-1] in ("enforced", "missing") for r in rows)
    assert ["p1.s1", "Cairo", "القاهرة", "enforced"] in rows
    html = (tmp_path / "benghazi-talks.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in html and "القاهرة" in html
    second = subprocess.run(
        [sys.executable, "-c", blocks[1]], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert second.returncode == 0, second.stderr
    words = second.stdout.split()
    assert words[0] == "17" and "out/benghazi-talks.en-ar.xml" in second.stdout and words[-1] == "0"
    assert (tmp_path / "out" / "benghazi-talks.en-ar.xml").is_file()


def test_import_bilingual_imports_nothing_heavy():
    code = "import sys, bilingual; print(len([m for m in sys.modules if m.startswith('bilingual')]))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "1"
