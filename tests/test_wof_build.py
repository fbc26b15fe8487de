"""Building the localities table from Who's On First (``tools/build_name_data.py --wof``): records
read from a checked-out repository and from a bare clone alike, and only what the table may hold —
the Arab world's current places whose Arabic is plain letters and sounds like the English."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import build_name_data

pytest.importorskip("wordfreq")


def _record(folder: Path, n: int, **props: object) -> None:
    path = folder / "data" / str(n) / f"{n}.geojson"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"type": "Feature", "properties": props}, ensure_ascii=False), encoding="utf-8")


def _repo(tmp_path: Path) -> Path:
    repo = tmp_path / "whosonfirst-data-admin-xx"
    _record(repo, 1, **{"wof:country": "YE", "wof:placetype": "locality", "wof:name": "Al Mukalla",
                        "name:ara_x_preferred": ["المكلا"], "gn:population": 144137})  # fmt: skip
    _record(repo, 2, **{"wof:country": "OM", "wof:placetype": "county", "wof:name": "Mirbat",
                        "name:ara_x_preferred": ["ولاية مرباط"]})  # fmt: skip
    _record(repo, 3, **{"wof:country": "IR", "wof:placetype": "locality", "wof:name": "Gash",
                        "name:ara_x_preferred": ["غاش"]})  # fmt: skip  # not the Arab world
    _record(repo, 4, **{"wof:country": "EG", "wof:placetype": "locality", "wof:name": "El-Tor",
                        "name:ara_x_preferred": ["Aţ Ţūr"]})  # fmt: skip  # Latin letters for Arabic
    _record(repo, 5, **{"wof:country": "MA", "wof:placetype": "localadmin", "wof:name": "Imsouane",
                        "name:ara_x_preferred": ["إيموزار"]})  # fmt: skip  # a commune named for another place
    _record(repo, 6, **{"wof:country": "SY", "wof:placetype": "locality", "wof:name": "Busayrah",
                        "name:ara_x_preferred": ["البصيرة"], "mz:is_current": 0})  # fmt: skip  # not current
    _record(repo, 7, **{"wof:country": "LB", "wof:placetype": "campus", "wof:name": "Saint Joseph",
                        "name:ara_x_preferred": ["سان جوزيف"]})  # fmt: skip  # a kind the table skips
    return repo


def test_the_table_keeps_the_arab_world_s_sounding_names_only(tmp_path):
    rows = build_name_data.wof_places([_repo(tmp_path)])
    assert rows == {
        ("al mukalla", "المكلا", "ye"): ("locality", 144137),  # read without its article as a word
        ("mirbat", "مرباط", "om"): ("county", 0),  # ولاية dropped: the English has no such word
    }


def test_a_bare_clone_is_read_like_a_checkout(tmp_path):
    work = _repo(tmp_path)
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "add", "."], check=True)
    subprocess.run(
        ["git", "-C", str(work), "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "t"], check=True
    )
    bare = tmp_path / "bare.git"
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(bare)], check=True)
    assert build_name_data.wof_places([bare]) == build_name_data.wof_places([work])
