"""The desk's routes in process (Starlette's TestClient): every page and action, the token, CSRF and
origin rules, the folder as the boundary, size bounds, escaping, errors as messages, Arabic pages."""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import pytest

pytest.importorskip("starlette")
from starlette.testclient import TestClient

from bilingual.desk.guard import DeskSettings
from bilingual.formats.aligned import read_aligned
from bilingual.jobs import desk
from bilingual.memory.store import Memory
from bilingual.serve.api import Settings, make_app
from bilingual.workspace import Workspace

import fake_engines

ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")
HOSTILE = ('Egypt <script>alert("x")</script> said <img src=x onerror=alert(1)> so.\n\n'
           "Read [more](javascript:alert(2)) \u202egnp.exe\u202c in Egypt.\n")  # fmt: skip


@pytest.fixture
def desk_folder(run_cli, tmp_path):
    return make_desk_folder(run_cli, tmp_path)


def make_desk_folder(run_cli, tmp_path):
    """A folder of three translated documents, an article waiting, a glossary and a memory."""
    gl = tmp_path / "glossary"
    assert run_cli("glossary", "add", "Egypt", "مصر", "--kind", "place", "--glossary", gl).exit_code == 0
    assert run_cli("glossary", "add", "Cairo", "القاهرة", "--kind", "place", "--glossary", gl).exit_code == 0
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Egypt said so. The bank agreed.\n\nTalks in Cairo went on.\n")
    (docs / "b.md").write_text("# Egypt votes\n\nVoters in Egypt queued.\n")
    (docs / "hostile.txt").write_text(HOSTILE)
    for name in ("a.txt", "b.md", "hostile.txt"):
        assert run_cli("translate", docs / name, *ENGINE, "--glossary", gl, "--memory", tmp_path / "m.sqlite3",
                       "-q").exit_code == 0  # fmt: skip
    (docs / "waiting.txt").write_text("Cairo waits.\n")
    return docs, gl, tmp_path / "m.sqlite3"


def _client(desk_folder, *, token: str = "", engine: bool = True, **kw) -> TestClient:
    docs, gl, memory = desk_folder
    eng = fake_engines.PseudoArabicEngine() if engine else None
    workspace = Workspace(glossary_path=str(gl), memory_path=str(memory), folder=str(docs), loaded_engine=eng)
    settings = DeskSettings(workspace=workspace, token=token, **kw)
    return TestClient(
        make_app(Settings(engine=eng, glossaries={"default": None}), settings), base_url="http://127.0.0.1"
    )


@pytest.fixture
def client(desk_folder):
    with _client(desk_folder) as c:
        yield c


def _csrf(client: TestClient, path: str = "/desk/") -> dict[str, str]:
    page = client.get(path).text
    return {"X-CSRF-Token": re.search(r'<meta name="csrf" content="([^"]+)"', page).group(1)}


def _version(docs, name, seg_id):
    seg = next(s for s in read_aligned(str(docs / name)).segments() if s.id == seg_id)
    return desk.segment_version(seg.target, seg.status)


def test_root_leads_to_the_index_which_counts_each_document(client):
    page = client.get("/")
    assert page.url.path == "/desk/" and page.status_code == 200
    row = re.search(r'<tr data-doc="a.en-ar.xml">(.*?)</tr>', page.text, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", row)[:4] == ["11", "3", "0", "0"]  # words, segments, approved, edited
    assert 'data-role="progress" data-total="3" data-approved="0"' in row
    assert 'href="/desk/doc/a.en-ar.xml"' in row
    assert 'data-name="waiting.txt"' in page.text  # an article of the folder not translated yet


def test_progress_counts_approved_words_per_document_and_for_the_folder(client, desk_folder):
    docs, _gl, _memory = desk_folder
    page = client.get("/desk/doc/a.en-ar.xml").text
    version = re.search(r'data-seg="p2.s1" data-status="mt" data-version="([^"]+)" data-words="5"', page).group(1)
    saved = client.post("/desk/doc/a.en-ar.xml/save", json={"segment": "p2.s1", "target": "ومضت المحادثات في القاهرة.",
                                                            "version": version, "approve": True}, headers=_csrf(client))  # fmt: skip
    assert saved.status_code == 200, saved.text
    index = client.get("/desk/").text
    row = re.search(r'<tr data-doc="a.en-ar.xml">(.*?)</tr>', index, re.S).group(1)
    assert 'data-total="3" data-approved="1"' in row and "5 of 11 words approved" in row and ">45%<" in row
    folder = re.search(r"<tr data-folder>(.*?)</tr>", index, re.S).group(1)
    total = sum(d.segments for d in desk.list_documents(str(docs)))
    assert f'data-total="{total}" data-approved="1"' in folder
    assert 'data-role="progress" data-total="3" data-approved="1"' in client.get("/desk/doc/a.en-ar.xml").text


def test_the_document_page_has_one_row_per_segment_with_names_marked(client, desk_folder):
    docs, _gl, _memory = desk_folder
    page = client.get("/desk/doc/a.en-ar.xml").text
    ids = re.findall(r'data-seg="([^"]+)" data-status="mt"', page)
    assert ids == [s.id for s in read_aligned(str(docs / "a.en-ar.xml")).segments()]
    assert page.count('data-role="target" dir="rtl" lang="ar"') == 3
    assert '<mark class="name enforced" data-arabic="مصر" title="مصر">Egypt</mark>' in page
    assert '<span class="chip found" title="Cairo" lang="ar" dir="rtl">القاهرة</span>' in page


def test_a_name_missing_from_the_arabic_is_marked_missing(client, desk_folder):
    docs, _gl, _memory = desk_folder
    seg_id = "p1.s1"
    done = client.post("/desk/doc/a.en-ar.xml/save", headers=_csrf(client),
                       json={"segment": seg_id, "target": "قالت ذلك.", "version": _version(docs, "a.en-ar.xml", seg_id)})  # fmt: skip
    assert done.status_code == 200 and done.json()["names"] == [{"english": "Egypt", "arabic": "مصر", "missing": True}]
    page = client.get("/desk/doc/a.en-ar.xml").text
    assert 'data-missing data-qa="' in page and '<mark class="name missing"' in page


def test_a_save_without_the_page_s_csrf_token_or_from_another_origin_is_refused(client, desk_folder):
    docs, _gl, _memory = desk_folder
    body = {"segment": "p1.s1", "target": "x", "version": _version(docs, "a.en-ar.xml", "p1.s1")}
    assert client.post("/desk/doc/a.en-ar.xml/save", json=body).status_code == 403
    wrong = client.post("/desk/doc/a.en-ar.xml/save", json=body, headers={"X-CSRF-Token": "guess"})
    assert wrong.status_code == 403
    elsewhere = client.post("/desk/doc/a.en-ar.xml/save", json=body,
                            headers={**_csrf(client), "Origin": "http://evil.example"})  # fmt: skip
    assert elsewhere.status_code == 403
    assert read_aligned(str(docs / "a.en-ar.xml")).segments()[0].status == "mt"


def test_approving_writes_the_file_the_memory_and_the_history(client, desk_folder):
    docs, _gl, memory = desk_folder
    answer = client.post("/desk/doc/a.en-ar.xml/save", headers=_csrf(client), json={
        "segment": "p1.s2", "target": "وافق المصرف.", "version": _version(docs, "a.en-ar.xml", "p1.s2"),
        "approve": True, "who": "Huda"})  # fmt: skip
    assert answer.status_code == 200 and answer.json()["status"] == "approved"
    seg = read_aligned(str(docs / "a.en-ar.xml")).segments()[1]
    assert (seg.target, seg.status) == ("وافق المصرف.", "approved")
    assert answer.json()["version"] == desk.segment_version(seg.target, seg.status)
    with Memory(memory) as m:
        assert m.get("The bank agreed.").status == "approved"
    (step,) = client.get("/desk/doc/a.en-ar.xml/history", params={"segment": "p1.s2"}).json()
    assert step["who"] == "Huda" and step["after"] == "وافق المصرف."


def test_the_second_save_from_the_same_version_gets_409_with_both_texts(client, desk_folder):
    docs, _gl, _memory = desk_folder
    opened = _version(docs, "a.en-ar.xml", "p1.s2")
    headers = _csrf(client)
    first = client.post("/desk/doc/a.en-ar.xml/save", headers=headers,
                        json={"segment": "p1.s2", "target": "وافق المصرف.", "version": opened})  # fmt: skip
    second = client.post("/desk/doc/a.en-ar.xml/save", headers=headers,
                         json={"segment": "p1.s2", "target": "وافق البنك.", "version": opened})  # fmt: skip
    assert first.status_code == 200 and second.status_code == 409
    assert (second.json()["theirs"], second.json()["mine"]) == ("وافق المصرف.", "وافق البنك.")
    assert read_aligned(str(docs / "a.en-ar.xml")).segments()[1].target == "وافق المصرف."


def test_revert_puts_back_the_text_before_a_save(client, desk_folder):
    docs, _gl, _memory = desk_folder
    machine = read_aligned(str(docs / "a.en-ar.xml")).segments()[0].target
    headers = _csrf(client)
    client.post("/desk/doc/a.en-ar.xml/save", headers=headers,
                json={"segment": "p1.s1", "target": "قالت مصر ذلك.", "version": _version(docs, "a.en-ar.xml", "p1.s1")})  # fmt: skip
    assert client.post("/desk/doc/a.en-ar.xml/revert", headers=headers,
                       json={"segment": "p1.s1", "step": 0}).status_code == 200  # fmt: skip
    assert read_aligned(str(docs / "a.en-ar.xml")).segments()[0].target == machine
    assert client.post("/desk/doc/a.en-ar.xml/revert", headers=headers,
                       json={"segment": "p1.s1", "step": "0"}).status_code == 400  # fmt: skip


def test_a_dismissed_finding_keeps_its_reason_on_the_page(client):
    page = client.get("/desk/doc/hostile.en-ar.xml").text
    seg_id, check = re.search(r'data-seg="([^"]+)"[^>]*data-qa="([a-z_]+)', page).groups()
    headers = _csrf(client)
    assert client.post("/desk/doc/hostile.en-ar.xml/dismiss", headers=headers,
                       json={"segment": seg_id, "check": check, "reason": ""}).status_code == 400  # fmt: skip
    assert client.post("/desk/doc/hostile.en-ar.xml/dismiss", headers=headers,
                       json={"segment": seg_id, "check": check, "reason": "quoted on purpose"}).status_code == 200  # fmt: skip
    assert "quoted on purpose" in client.get("/desk/doc/hostile.en-ar.xml").text


def test_the_glossary_panel_searches_adds_and_sets_note_kind_and_no_translate(client, desk_folder):
    _docs, _gl, _memory = desk_folder
    assert [e["english"] for e in client.get("/desk/glossary", params={"q": "cai"}).json()] == ["Cairo"]
    headers = _csrf(client)
    added = client.post("/desk/glossary/add", headers=headers,
                        json={"english": "Reuters", "arabic": "", "kind": "org", "no_translate": True})  # fmt: skip
    assert added.status_code == 200
    assert client.post("/desk/glossary/add", headers=headers,
                       json={"english": "Reuters", "arabic": "رويترز", "kind": "org"}).status_code == 400  # fmt: skip
    assert client.post("/desk/glossary/set", headers=headers,
                       json={"english": "Cairo", "note": "capital", "kind": "place"}).status_code == 200  # fmt: skip
    latin = client.post("/desk/glossary/set", headers=headers, json={"english": "Reuters", "no_translate": False})
    assert latin.status_code == 400, latin.json()  # its "Arabic" is Latin: respell it first
    assert client.post("/desk/glossary/set", headers=headers,
                       json={"english": "Cairo", "no_translate": True}).status_code == 200  # fmt: skip
    found = {e["english"]: e for e in client.get("/desk/glossary").json()}
    assert found["Cairo"]["note"] == "capital" and found["Cairo"]["arabic"] == "القاهرة"
    assert found["Cairo"]["no_translate"] is True and found["Reuters"]["no_translate"] is True
    assert client.post("/desk/glossary/add", headers=headers,
                       json={"english": "X", "arabic": "س", "kind": "planet"}).status_code == 400  # fmt: skip


def test_respelling_previews_then_changes_every_document(client, desk_folder):
    docs, _gl, _memory = desk_folder
    headers = _csrf(client)
    preview = client.post("/desk/glossary/respell", headers=headers,
                          json={"english": "Egypt", "arabic": "مصرُ", "forbid_old": True}).json()  # fmt: skip
    assert preview["applied"] is False and set(preview["documents"]) == {"a.en-ar.xml", "b.en-ar.xml",
                                                                       "hostile.en-ar.xml"}  # fmt: skip
    assert "مصرُ" not in (docs / "b.en-ar.xml").read_text()  # a preview changes nothing
    done = client.post("/desk/glossary/respell", headers=headers,
                       json={"english": "Egypt", "arabic": "مصرُ", "forbid_old": True, "apply": True}).json()  # fmt: skip
    assert done["applied"] is True and done["segments"] == preview["segments"]
    from bilingual.formats.aligned import read_aligned

    assert len(preview["sentences"]) == preview["segments"]
    for said in preview["sentences"]:  # each sentence as the preview showed it after
        now = next(s for s in read_aligned(str(docs / said["document"])).segments() if s.id == said["segment"])
        assert "مصر" in said["before"] and now.target == said["after"] != said["before"]
    for name in ("a.en-ar.xml", "b.en-ar.xml"):
        assert "مصرُ" in (docs / name).read_text(encoding="utf-8")
    assert client.get("/desk/glossary", params={"q": "Egypt"}).json()[0]["forbidden"] == ["مصر"]


@pytest.mark.parametrize(("fmt", "head"), [
    ("html", b"<!DOCTYPE html"), ("pdf", b"%PDF"), ("docx", b"PK"), ("md", b"#"), ("xliff", b"<?xml"),
    ("po", b"#"), ("tmx", b"<?xml"), ("xliff2", b"<?xml"), ("report", b"<!DOCTYPE html"), ("omegat", b"PK"),
    ("xliff-omegat", b"<?xml")])  # fmt: skip
def test_every_export_button_answers_the_document_in_its_format(client, fmt, head):
    if fmt == "pdf":
        pytest.importorskip("weasyprint")
    answer = client.get(f"/desk/doc/a.en-ar.xml/export/{fmt}")
    assert answer.status_code == 200 and answer.content.lstrip()[: len(head)].upper() == head.upper()
    assert "attachment" in answer.headers["content-disposition"]
    assert client.get("/desk/doc/a.en-ar.xml/export/exe").status_code == 404
    page = client.get("/desk/doc/a.en-ar.xml").text  # the menu is the format registry's exporters
    assert f'data-format="{fmt}"' in page


def test_the_export_menu_offers_the_omegat_project_as_a_zip_of_the_project_the_cli_writes(client, desk_folder,
                                                                                          run_cli, tmp_path):  # fmt: skip
    import io
    import zipfile

    docs, gl, _memory = desk_folder
    answer = client.get("/desk/doc/a.en-ar.xml/export/omegat")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/zip"
    assert "a-omegat.zip" in answer.headers["content-disposition"]
    names = set(zipfile.ZipFile(io.BytesIO(answer.content)).namelist())
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "omegat", "-o", tmp_path / "cli",
                   "--glossary", gl).exit_code == 0  # fmt: skip
    cli = {f"a-omegat/{p.relative_to(tmp_path / 'cli').as_posix()}" + ("/" if p.is_dir() else "")
           for p in (tmp_path / "cli").rglob("*")}  # fmt: skip
    assert names == cli
    archive = zipfile.ZipFile(io.BytesIO(answer.content))
    assert archive.read("a-omegat/source/a.txt") == (tmp_path / "cli" / "source" / "a.txt").read_bytes()
    assert "OmegaT project" in client.get("/desk/doc/a.en-ar.xml").text
    assert not list(Path(tempfile.gettempdir()).glob("bilingual-omegat-*"))  # nothing left behind


def test_an_uploaded_article_is_translated_and_never_written_over_another(client, desk_folder):
    docs, _gl, _memory = desk_folder
    headers = _csrf(client)
    done = client.post("/desk/translate", params={"name": "new.txt"}, content="Egypt and Cairo met.\n", headers=headers)
    assert done.status_code == 200 and done.json()["document"] == "/desk/doc/new.en-ar.xml"
    assert "القاهرة" in (docs / "new.en-ar.xml").read_text(encoding="utf-8")
    again = client.post("/desk/translate", params={"name": "a.txt"}, content="Other.\n", headers=headers)
    assert again.status_code == 400 and (docs / "a.txt").read_text().startswith("Egypt said so.")
    picked = client.post("/desk/translate", json={"name": "waiting.txt"}, headers=headers)
    assert picked.status_code == 200 and (docs / "waiting.en-ar.xml").is_file()
    for bad in ("../escape.txt", ".hidden.txt", "x.exe"):
        assert client.post("/desk/translate", params={"name": bad}, content="x", headers=headers).status_code == 400
    assert not (docs.parent / "escape.txt").exists()


def test_without_a_model_the_desk_reviews_but_cannot_translate(desk_folder):
    with _client(desk_folder, engine=False) as c:
        assert c.get("/desk/doc/a.en-ar.xml").status_code == 200
        assert "cannot translate" in c.get("/desk/").text
        assert c.post("/desk/translate", json={"name": "waiting.txt"}, headers=_csrf(c)).status_code == 503
        assert c.post("/translate", json={"q": "x", "source": "en", "target": "ar"}).status_code == 503


def test_only_documents_inside_the_folder_are_served(client, desk_folder, tmp_path):
    docs, _gl, _memory = desk_folder
    outside = tmp_path / "secret.en-ar.xml"
    outside.write_bytes((docs / "a.en-ar.xml").read_bytes())
    (docs / "link.en-ar.xml").symlink_to(outside)
    for path in ("/desk/doc/..%2Fsecret.en-ar.xml", "/desk/doc/link.en-ar.xml", "/desk/doc/a.txt",
                 "/desk/doc/nothing.en-ar.xml"):  # fmt: skip
        answer = client.get(path)
        assert answer.status_code == 404 and "Traceback" not in answer.text, path
    assert client.get("/desk/static/../app.py").status_code == 404


def test_a_missing_document_is_404_in_the_arabic_interface_too(client, monkeypatch):
    from bilingual import i18n

    monkeypatch.setattr(i18n, "_translations", i18n.translator("ar"))  # messages in Arabic, as LANGUAGE=ar gives
    answer = client.get("/desk/doc/nothing.en-ar.xml")
    assert answer.status_code == 404 and "Traceback" not in answer.text


def test_bodies_over_the_bound_are_refused(desk_folder):
    with _client(desk_folder, max_body=1000, max_upload=2000) as c:
        headers = _csrf(c)
        big = c.post("/desk/doc/a.en-ar.xml/save", headers=headers,
                     json={"segment": "p1.s1", "target": "ا" * 2000, "version": "x"})  # fmt: skip
        assert big.status_code == 413
        upload = c.post("/desk/translate", params={"name": "big.txt"}, content=b"word " * 1000, headers=headers)
        assert upload.status_code == 413 and not (desk_folder[0] / "big.txt").exists()


def test_a_hostile_article_is_shown_as_text(client):
    page = client.get("/desk/doc/hostile.en-ar.xml")
    body = page.text.split('<main id="rows">', 1)[1]
    assert "<script" not in body and "<img" not in body and "javascript:" not in body.replace("javascript:alert(2)", "")
    assert "&lt;script&gt;" in body and '<span class="ctl" title="U+202E">RLO</span>' in body
    assert "script-src 'self'" in page.headers["content-security-policy"]


def test_a_token_guards_every_desk_request(desk_folder):
    token = "t0ken-for-the-desk-only"
    with _client(desk_folder, token=token) as c:
        assert c.get("/desk/").status_code == 401
        assert c.get("/desk/doc/a.en-ar.xml").status_code == 401
        assert c.get("/desk/", headers={"Authorization": f"Bearer {token}"}).status_code == 200
        opened = c.get("/desk/?token=wrong", follow_redirects=False)
        assert opened.status_code == 401
        opened = c.get(f"/desk/?token={token}", follow_redirects=False)
        assert opened.status_code == 303 and "token" not in opened.headers["location"]
        assert c.get("/desk/doc/a.en-ar.xml").status_code == 200  # the cookie now
        assert "httponly" in opened.headers["set-cookie"].lower()


def test_without_a_token_only_loopback_host_names_are_answered(client):
    """DNS rebinding: a page on evil.example whose name now points at 127.0.0.1 is not this desk."""
    assert client.get("/desk/", headers={"Host": "evil.example:8765"}).status_code == 403
    assert client.get("/desk/", headers={"Host": "127.0.0.1:8765"}).status_code == 200
    assert client.get("/desk/", headers={"Host": "localhost:8765"}).status_code == 200
    assert client.get("/desk/", headers={"Host": "[::1]:8765"}).status_code == 200


def test_a_server_error_is_a_message_on_the_page_and_a_log_line(client, monkeypatch, caplog):
    def broken(*_args, **_kw):
        raise RuntimeError("disk on fire /secret/path")

    monkeypatch.setattr(desk, "list_documents", broken)
    page = client.get("/desk/")
    assert page.status_code == 500 and "could not do that" in page.text
    assert "Traceback" not in page.text and "/secret/path" not in page.text
    assert any("disk on fire" in r.getMessage() for r in caplog.records)


def test_the_interface_speaks_arabic_when_the_browser_asks(client):
    page = client.get("/desk/", headers={"Accept-Language": "ar-EG,ar;q=0.9,en;q=0.5"}).text
    assert '<html lang="ar" dir="rtl">' in page and "المستندات" in page
    english = client.get("/desk/", headers={"Accept-Language": "en-GB"}).text
    assert '<html lang="en" dir="ltr">' in english
    chosen = client.get("/desk/doc/a.en-ar.xml?lang=ar", headers={"Accept-Language": "en"})
    assert '<html lang="ar"' in chosen.text
    assert '<html lang="ar"' in client.get("/desk/", headers={"Accept-Language": "en"}).text  # the cookie


def test_the_desk_serves_its_font(client):
    pytest.importorskip("fontpkg_amiri")
    font = client.get("/desk/font/400.woff")
    assert font.status_code == 200 and font.content[:4] in (b"wOFF", b"\x00\x01\x00\x00")


def test_serving_beyond_loopback_needs_a_token(run_cli, tmp_path):
    result = run_cli("serve", str(tmp_path), "--host", "0.0.0.0", *ENGINE)
    assert result.exit_code == 1 and "needs a token" in result.stderr
    short = tmp_path / "token"
    short.write_text("abc\n")
    result = run_cli("serve", str(tmp_path), "--host", "0.0.0.0", "--token-file", short, *ENGINE)
    assert result.exit_code == 1 and "too short" in result.stderr
    assert os.environ.get("BILINGUAL_DESK_TOKEN") is None


def test_a_save_answers_with_fresh_findings_and_names(client, desk_folder):
    """Issue 26: through the real server, a save's answer carries the row's findings and names now."""
    docs, _gl, _memory = desk_folder
    headers = _csrf(client)
    answer = client.post("/desk/doc/a.en-ar.xml/save", headers=headers, json={
        "segment": "p1.s2", "target": "The bank agreed today.", "version": _version(docs, "a.en-ar.xml", "p1.s2")})  # fmt: skip
    assert answer.status_code == 200
    assert "untranslated_segment" in {f["check"] for f in answer.json()["findings"]}
    answer = client.post("/desk/doc/a.en-ar.xml/save", headers=headers, json={
        "segment": "p1.s2", "target": "وافق البنك.", "version": answer.json()["version"], "approve": True})  # fmt: skip
    assert answer.json()["status"] == "approved"
    assert "untranslated_segment" not in {f["check"] for f in answer.json()["findings"]}


def test_a_save_without_a_glossary_leaves_a_readable_document(desk_folder, tmp_path, monkeypatch):
    """Served without --glossary (and no ./glossary): a short text on a segment with a name."""
    docs, _gl, memory = desk_folder
    monkeypatch.chdir(tmp_path / "desk")
    settings = DeskSettings(workspace=Workspace(memory_path=str(memory), folder=str(docs)))
    with TestClient(make_app(Settings(engine=None, glossaries={"default": None}), settings),
                    base_url="http://127.0.0.1") as c:  # fmt: skip
        answer = c.post("/desk/doc/a.en-ar.xml/save", headers=_csrf(c), json={
            "segment": "p1.s1", "target": "نعم", "version": _version(docs, "a.en-ar.xml", "p1.s1")})  # fmt: skip
        assert answer.status_code == 200 and answer.json()["names"][0]["missing"] is True
    read_aligned(str(docs / "a.en-ar.xml"))  # before the writer: "offsets of p1.s1 do not fit … damaged"


def test_a_lone_surrogate_is_a_400_and_the_document_is_untouched(client, desk_folder):
    docs, _gl, _memory = desk_folder
    before = (docs / "a.en-ar.xml").read_bytes()
    version = _version(docs, "a.en-ar.xml", "p1.s1")
    body = '{"segment": "p1.s1", "target": "\\ud83d x", "version": "' + version + '"}'
    answer = client.post("/desk/doc/a.en-ar.xml/save", headers={**_csrf(client), "Content-Type": "application/json"},
                         content=body.encode())  # fmt: skip
    assert answer.status_code == 400 and "surrogate" in answer.json()["error"]
    assert (docs / "a.en-ar.xml").read_bytes() == before
    assert client.get("/desk/doc/a.en-ar.xml").status_code == 200


def test_a_revert_answers_with_the_row(client, desk_folder):
    docs, _gl, _memory = desk_folder
    headers = _csrf(client)
    machine = read_aligned(str(docs / "a.en-ar.xml")).segments()[0].target
    client.post("/desk/doc/a.en-ar.xml/save", headers=headers, json={
        "segment": "p1.s1", "target": "قالت مصر ذلك.", "version": _version(docs, "a.en-ar.xml", "p1.s1")})  # fmt: skip
    answer = client.post("/desk/doc/a.en-ar.xml/revert", headers=headers, json={"segment": "p1.s1", "step": 0})
    assert answer.status_code == 200
    assert (answer.json()["target"], answer.json()["status"]) == (machine, "mt")


def test_the_desk_refuses_in_the_pages_language(client, desk_folder):
    """The desk's refusals were English on an Arabic page; they come from the catalog now."""
    client.cookies.set("bilingual_lang", "ar")
    answer = client.post("/desk/doc/a.en-ar.xml/revert", headers=_csrf(client), json={"segment": "p1.s1", "step": "x"})
    assert answer.status_code == 400 and answer.json()["error"] == "يجب أن تكون الخطوة رقمًا"
    wrong = client.post("/desk/glossary/add", headers=_csrf(client), json={"english": "X", "kind": "planet"})
    assert wrong.status_code == 400 and wrong.json()["error"].startswith("يجب أن يكون النوع واحدًا من")
    page = client.get("/desk/doc/a.en-ar.xml/export/nothing")
    assert page.status_code == 404 and "لا صيغة تصدير باسم" in page.text
    client.cookies.set("bilingual_lang", "en")
    assert "no export format" in client.get("/desk/doc/a.en-ar.xml/export/nothing").text
