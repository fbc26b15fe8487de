"""Attacks on the server (issue 27, class "the desk and the API"): every bad request is a 4xx in the
front end's shape, never a 500; one client's bad text never reaches a shared batch; limits hold per
client address when no keys are configured; the desk's history survives a cut line."""

from __future__ import annotations

import json
import re

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from bilingual.desk.guard import DeskSettings
from bilingual.formats.aligned import read_aligned
from bilingual.jobs import desk
from bilingual.serve.api import Settings, make_app
from bilingual.workspace import Workspace

import fake_engines

DEEP = "[" * 100_000 + "]" * 100_000
DOC = "a.en-ar.xml"


@pytest.fixture
def folder(run_cli, tmp_path):
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Egypt said so. The bank agreed.\n\nTalks in Cairo went on.\n", encoding="utf-8")
    done = run_cli("translate", docs / "a.txt", "--engine", "fake_engines:PseudoArabicEngine", "--no-memory", "-q")
    assert done.exit_code == 0, done.stderr
    return docs


def _client(folder, tmp_path, **settings) -> TestClient:
    engine = fake_engines.PseudoArabicEngine()
    workspace = Workspace(memory_path=str(tmp_path / "m.sqlite3"), folder=str(folder), loaded_engine=engine)
    app = make_app(Settings(engine=engine, glossaries={"default": None}, **settings), DeskSettings(workspace=workspace))
    return TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False)


@pytest.fixture
def client(folder, tmp_path):
    with _client(folder, tmp_path) as c:
        yield c


def _csrf(client) -> dict[str, str]:
    page = client.get(f"/desk/doc/{DOC}").text
    return {"X-CSRF-Token": re.search(r'<meta name="csrf" content="([^"]+)"', page).group(1)}


def _version(folder, seg_id):
    seg = next(s for s in read_aligned(str(folder / DOC)).segments() if s.id == seg_id)
    return desk.segment_version(seg.target, seg.status)


@pytest.mark.parametrize("path", ["/desk/doc/a%00.en-ar.xml", "/desk/doc/" + "a" * 300 + ".en-ar.xml",
                                  "/desk/doc/a%00.en-ar.xml/history", "/desk/doc/a%01.en-ar.xml/export/tmx"])  # fmt: skip
def test_a_nul_or_overlong_document_name_is_404(client, path):
    assert client.get(path).status_code == 404


def test_a_nul_document_name_in_a_save_is_404(client):
    answer = client.post("/desk/doc/a%00.en-ar.xml/save", headers=_csrf(client),
                         json={"segment": "p1.s1", "target": "نص", "version": "x"})  # fmt: skip
    assert answer.status_code == 404 and "error" in answer.json()


def test_json_nested_a_hundred_thousand_deep_is_400_on_both_front_ends(client):
    desk_answer = client.post(f"/desk/doc/{DOC}/save", content=DEEP,
                              headers={**_csrf(client), "content-type": "application/json"})  # fmt: skip
    api_answer = client.post("/translate", content='{"q": ' + DEEP + ', "source": "en", "target": "ar"}',
                             headers={"content-type": "application/json"})  # fmt: skip
    assert (desk_answer.status_code, api_answer.status_code) == (400, 400)
    assert "error" in desk_answer.json() and "error" in api_answer.json()


@pytest.mark.parametrize("alternatives", ["²", "9" * 5000, "-1", "٣"])
def test_odd_alternatives_are_never_a_500(client, alternatives):
    answer = client.post("/translate", json={"q": "Cairo waits.", "source": "en", "target": "ar",
                                             "alternatives": alternatives})  # fmt: skip
    assert answer.status_code == 200 and answer.json()["translatedText"]


def test_a_lone_surrogate_is_refused_before_the_shared_batch(client):
    """One client's lone surrogate failed the engine batch it shared (715 of 719 of another's failed)."""
    body = b'{"q": ["Cairo waits.", "Bad \\ud800 text."], "source": "en", "target": "ar"}'
    bad = client.post("/translate", content=body, headers={"content-type": "application/json"})
    assert bad.status_code == 400 and "surrogate" in bad.json()["error"]
    good = client.post("/translate", json={"q": "Cairo waits.", "source": "en", "target": "ar"})
    assert good.status_code == 200
    saved = client.post(f"/desk/doc/{DOC}/save", headers={**_csrf(client), "content-type": "application/json"},
                        content=b'{"segment": "p1.s1", "target": "\\udc00", "version": "x"}')  # fmt: skip
    assert saved.status_code == 400 and "surrogate" in saved.json()["error"]


def test_nan_or_infinity_in_a_body_is_not_json(client):
    """Python's JSON reader takes NaN and Infinity, which no JSON answer can carry back."""
    for body in (b'{"q": "Cairo waits.", "source": "en", "target": "ar", "alternatives": NaN}',
                 b'{"q": "Cairo waits.", "source": "en", "target": "ar", "alternatives": -Infinity}'):  # fmt: skip
        bad = client.post("/translate", content=body, headers={"content-type": "application/json"})
        assert bad.status_code == 400, bad.text


@pytest.mark.parametrize("name", ["a\x00.txt", "a" * 300 + ".txt", "a\r\nX-Evil: 1.txt"])
def test_odd_upload_names_are_answered_never_a_500(client, name):
    upload = client.post("/translate_file", data={"source": "en", "target": "ar"},
                         files={"file": (name, b"Cairo waits.", "text/plain")})  # fmt: skip
    assert upload.status_code in (200, 400), upload.text
    if upload.status_code == 200:
        download = client.get(upload.json()["translatedFileUrl"].replace("http://127.0.0.1", ""))
        assert download.status_code == 200 and "\n" not in download.headers["content-disposition"]
    on_desk = client.post(
        "/desk/translate", headers=_csrf(client), files={"file": (name, b"Cairo waits.", "text/plain")}
    )
    assert 400 <= on_desk.status_code < 500


def test_a_history_whose_last_line_was_cut_still_serves_and_appends_on_a_new_line(client, folder):
    """A cut last line made every history request a 500 from then on."""
    headers = _csrf(client)
    first = client.post(f"/desk/doc/{DOC}/save", headers=headers,
                        json={"segment": "p1.s1", "target": "قالت مصر ذلك.", "version": _version(folder, "p1.s1")})  # fmt: skip
    assert first.status_code == 200
    log = folder / ".bilingual" / "history" / "a.jsonl"
    with open(log, "ab") as handle:
        handle.write(b'{"segment": "p1.s2", "before": "cut he')  # a crash in the middle of a line
    assert client.get(f"/desk/doc/{DOC}/history?segment=p1.s1").status_code == 200
    second = client.post(f"/desk/doc/{DOC}/save", headers=headers,
                         json={"segment": "p1.s2", "target": "وافق البنك.", "version": _version(folder, "p1.s2")})  # fmt: skip
    assert second.status_code == 200
    for seg_id in ("p1.s1", "p1.s2"):
        assert [r["segment"] for r in client.get(f"/desk/doc/{DOC}/history?segment={seg_id}").json()] == [seg_id]
    lines = log.read_bytes().split(b"\n")
    assert (
        lines[1].startswith(b'{"segment": "p1.s2", "before": "cut he')
        and json.loads(lines[2])["after"] == "وافق البنك."
    )


def test_a_damaged_dismissals_file_serves_the_page_and_is_never_written_over(client, folder):
    headers = _csrf(client)
    state = folder / ".bilingual" / "dismissed"
    state.mkdir(parents=True, exist_ok=True)
    (state / "a.json").write_text('[{"segment": "p1.s1", "check": "x", "reason": "kept by a pers', encoding="utf-8")
    assert client.get(f"/desk/doc/{DOC}").status_code == 200
    answer = client.post(f"/desk/doc/{DOC}/dismiss", headers=headers,
                         json={"segment": "p1.s1", "check": "numbers", "reason": "fine"})  # fmt: skip
    assert answer.status_code == 400 and "damaged" in answer.json()["error"]
    assert (state / "a.json").read_text(encoding="utf-8").endswith("kept by a pers")


def test_reverting_a_segment_the_document_no_longer_has_is_4xx(client, folder):
    headers = _csrf(client)
    client.post(f"/desk/doc/{DOC}/save", headers=headers,
                json={"segment": "p1.s1", "target": "قالت مصر ذلك.", "version": _version(folder, "p1.s1")})  # fmt: skip
    log = folder / ".bilingual" / "history" / "a.jsonl"
    log.write_text(log.read_text(encoding="utf-8").replace('"p1.s1"', '"p9.s9"'), encoding="utf-8")
    answer = client.post(f"/desk/doc/{DOC}/revert", headers=headers, json={"segment": "p9.s9", "step": 0})
    assert 400 <= answer.status_code < 500 and "error" in answer.json()


def test_without_keys_the_request_limit_is_per_client_address_not_per_made_up_key(folder, tmp_path):
    """With no keys configured, a new api_key per request bypassed --req-limit."""
    with _client(folder, tmp_path, req_limit=3) as client:
        codes = [client.post("/translate", json={"q": "Cairo.", "source": "en", "target": "ar",
                                                 "api_key": f"made-up-{n}"}).status_code for n in range(5)]  # fmt: skip
    assert codes == [200, 200, 200, 429, 429]
