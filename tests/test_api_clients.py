"""LibreTranslate's whole API, tried with its real clients over HTTP (uvicorn on 127.0.0.1):
libretranslatepy, deep-translator, libretranslate-aio, transpolibre and a Weblate-style JSON client —
/translate, /translate_file, /languages, /suggest, /spec — and files translated in their own format,
structure kept, the same from the command line. (The `translate` package cannot be installed beside
Translate Toolkit: both own the import name `translate`.)"""

from __future__ import annotations

import io
import os
import sqlite3
import subprocess
import sys
import zipfile

import pytest
from servers import running

from conftest import ROOT

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")
docx = pytest.importorskip("docx")

NAMES = {"Haftar": "حفتر", "Salame": "سلامة", "Cairo": "القاهرة"}


@pytest.fixture(scope="module")
def memory_path(tmp_path_factory):
    return tmp_path_factory.mktemp("memory") / "memory.sqlite3"


@pytest.fixture(scope="module")
def api(memory_path):
    from bilingual.names.load import load_glossary
    from bilingual.serve.api import Settings, make_app
    from bilingual.workspace import Workspace

    import fake_engines

    settings = Settings(engine=fake_engines.PseudoArabicEngine(), glossaries={"default": load_glossary(ROOT / "glossary")},
                        suggestions=True, workspace=Workspace(memory_path=str(memory_path)))  # fmt: skip
    with running(make_app(settings)) as url:
        yield url


def _arabic_names(text: str) -> None:
    assert not [name for name in NAMES if name in text], text
    assert all(arabic in text for arabic in NAMES.values()), text


def article_docx() -> bytes:
    """A Word article: a heading, a paragraph with a bold name and a link, a bullet, a table."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading("Haftar in Cairo", level=1)
    paragraph = document.add_paragraph("Yesterday ")
    paragraph.add_run("Haftar").bold = True
    paragraph.add_run(" met ")
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), document.part.relate_to("https://example.org/salame",
             "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink", is_external=True))  # fmt: skip
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Salame"
    run.append(text)
    link.append(run)
    paragraph._p.append(link)
    paragraph.add_run(" in Cairo.")
    document.add_paragraph("Derna was quiet.", style="List Bullet")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Haftar", "Cairo"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def check_translated_docx(data: bytes) -> None:
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(data))
    heading, body, bullet = document.paragraphs[:3]
    assert heading.style.name == "Heading 1" and heading.text == "حفتر في القاهرة"
    assert bullet.style.name == "List Bullet" and "درنة" in bullet.text
    bold = [run for run in body.runs if run.bold]
    assert [run.text for run in bold] == ["حفتر"]  # the bold run is still the name, still bold
    link = body._p.find(qn("w:hyperlink"))
    assert link is not None and "".join(t.text for t in link.iter(qn("w:t"))) == "سلامة"
    assert document.part.rels[link.get(qn("r:id"))].target_ref == "https://example.org/salame"
    assert [c.text for c in document.tables[0].rows[0].cells] == ["حفتر", "القاهرة"]
    for paragraph in (heading, body, bullet):
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:rtl")) is not None
    _arabic_names(body.text + heading.text)


def test_libretranslatepy_posts_for_languages_and_translates(api):
    lt = pytest.importorskip("libretranslatepy").LibreTranslateAPI(api + "/")
    assert {"code": "en", "name": "English", "targets": ["ar"]} in lt.languages()  # 2.1.1 POSTs /languages
    _arabic_names(lt.translate("Haftar met Salame in Cairo.", "en", "ar"))
    assert lt.detect("Haftar met Salame in Cairo.")[0]["language"] == "en"


def test_deep_translator_with_its_documented_settings(api):
    libre = pytest.importorskip("deep_translator").LibreTranslator
    translator = libre(source="en", target="ar", api_key="any", use_free_api=False, custom_url=api + "/")
    _arabic_names(translator.translate("Haftar met Salame in Cairo."))


def test_libretranslate_aio_translates_text_and_a_word_file_and_suggests(api, memory_path, tmp_path):
    aio = pytest.importorskip("libretranslate_aio")
    client = aio.LibreTranslate(api)
    _arabic_names(client.translate("Haftar met Salame in Cairo.", source="en", target="ar").translated_text)
    assert [lang.code for lang in client.languages()] == ["en", "ar"]
    path = tmp_path / "article.docx"
    path.write_bytes(article_docx())
    done = client.translate_file(path, source="en", target="ar")
    reply = httpx.get(done.translated_file_url, timeout=30)
    assert reply.status_code == 200 and 'filename="article.ar.docx"' in reply.headers["content-disposition"]
    check_translated_docx(reply.content)
    assert client.suggest("Salame arrived.", "وصل سلامة.", source="en", target="ar") is True
    again = httpx.post(api + "/suggest", timeout=10,
                       data={"q": "Salame arrived.", "s": "جاء سلامة.", "source": "en", "target": "ar"})  # fmt: skip
    assert again.status_code == 409  # another client's suggestion never replaces an editor's text unsaid
    with sqlite3.connect(memory_path) as db:
        assert db.execute(
            "SELECT target, status, origin FROM segments WHERE source = 'Salame arrived.'"
        ).fetchone() == ("وصل سلامة.", "edited", "suggest")


def test_transpolibre_translates_a_po_file_through_the_api(api, tmp_path):
    polib = pytest.importorskip("polib")
    pytest.importorskip("transpolibre")
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "ar"}
    po.append(polib.POEntry(msgid="Haftar met Salame in Cairo.", msgstr=""))
    po.save(str(tmp_path / "ar.po"))
    done = subprocess.run([sys.executable, "-m", "transpolibre.main", "-s", "en", "-t", "ar", "-u", api, "-f",
                           str(tmp_path / "ar.po")], cwd=tmp_path, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    _arabic_names(polib.pofile(str(tmp_path / "ar.po"))[0].msgstr)


def test_a_weblate_style_json_client_sends_a_file_and_reads_the_spec(api):
    files = {"file": ("page.html", b'<p>Yesterday <b>Haftar</b>&apos;s men met <a href="x">Salame</a> in Cairo.</p>')}
    reply = httpx.post(api + "/translate_file", data={"source": "en", "target": "ar"}, files=files, timeout=30)
    assert reply.status_code == 200, reply.text
    page = httpx.get(reply.json()["translatedFileUrl"], timeout=30).text
    assert "<b>حفتر</b>" in page and '<a href="x">سلامة</a>' in page and 'dir="rtl"' in page
    spec = httpx.get(api + "/spec", timeout=10).json()
    assert spec["openapi"].startswith("3.") and {"/translate", "/translate_file", "/suggest", "/languages"} <= set(
        spec["paths"]
    )
    assert set(spec["paths"]["/languages"]) == {"get", "post"}
    assert httpx.post(api + "/languages", timeout=10).json() == httpx.get(api + "/languages", timeout=10).json()


def test_html_keeps_markup_and_spacing_exactly_as_sent(api):
    sent = '<p>Yesterday <b>Haftar</b>&apos;s men met <a href="x.html">Salame</a> in Cairo.</p>'
    got = httpx.post(api + "/translate", json={"q": sent, "source": "en", "target": "ar", "format": "html"},
                     timeout=30).json()["translatedText"]  # fmt: skip
    assert "<b>حفتر</b>&apos;" in got and '<a href="x.html">سلامة</a>' in got, got
    assert got.startswith("<p>") and got.endswith("</p>") and "<p> " not in got and " </p>" not in got


def test_file_routes_answer_as_libretranslate_does(api):
    def post(data, files):
        return httpx.post(api + "/translate_file", data=data, files=files, timeout=30)

    txt = {"file": ("a.txt", b"Hello")}
    assert post({"target": "ar"}, txt).json()["error"] == "Invalid request: missing source parameter"
    assert post({"source": "en"}, txt).json()["error"] == "Invalid request: missing target parameter"
    assert post({"source": "en", "target": "zz"}, txt).json()["error"] == "zz is not supported"
    reply = post({"source": "en", "target": "ar"}, {"file": ("program.exe", b"MZ\x90\x00")})
    assert reply.status_code == 400 and reply.json()["error"] == "Invalid request: file format not supported"
    reply = post({"source": "en", "target": "ar"}, None)
    assert reply.status_code == 400 and "error" in reply.json()
    assert httpx.get(api + "/download_file/..", timeout=10).status_code in (400, 404)
    assert httpx.get(api + "/download_file/" + "a" * 24, timeout=10).status_code == 404
    missing = httpx.post(api + "/suggest", data={"q": "Hello", "source": "en", "target": "ar"}, timeout=10)
    assert missing.status_code == 400 and missing.json()["error"] == "Invalid request: missing s parameter"


def test_suggestions_and_files_are_refused_when_the_server_is_told_so():
    from starlette.testclient import TestClient

    from bilingual.serve.api import Settings, make_app

    import fake_engines

    settings = Settings(engine=fake_engines.PseudoArabicEngine(), glossaries={"default": None}, files=False)
    with TestClient(make_app(settings)) as client:
        assert client.post("/suggest", data={"q": "a", "s": "ب", "source": "en", "target": "ar"}).status_code == 403
        reply = client.post("/translate_file", data={"source": "en", "target": "ar"}, files={"file": ("a.txt", b"x")})
        assert reply.status_code == 403
        settings_page = client.get("/frontend/settings").json()
        assert settings_page["suggestions"] is False and settings_page["filesTranslation"] is False


@pytest.mark.parametrize("name", ["article.docx", "page.html", "notes.md", "plain.txt"])
def test_translate_to_format_on_the_command_line_is_the_api_s_translation(run_cli, tmp_path, name):
    from bilingual.jobs.files import FileRequest, translate_file
    from bilingual.names.load import load_glossary

    import fake_engines

    data = {
        "article.docx": article_docx(),
        "page.html": b"<html><body><h1>Haftar in Cairo</h1><ul><li><i>Salame</i> left.</li></ul></body></html>",
        "notes.md": b"# Haftar in Cairo\n\n- **Salame** left [Cairo](https://x.org).\n\n| a | b |\n|---|---|\n| Haftar | Cairo |\n",
        "plain.txt": b"Haftar met Salame.\n\nCairo was calm.\n",
    }[name]
    (tmp_path / name).write_bytes(data)
    env = {"PYTHONPATH": str(ROOT / "tests") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    result = run_cli("translate", tmp_path / name, "--to-format", "--engine", "fake_engines:PseudoArabicEngine",
                     "--glossary", ROOT / "glossary", env=env)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    stem, suffix = name.rsplit(".", 1)
    written = (tmp_path / f"{stem}.ar.{suffix}").read_bytes()
    same = translate_file(FileRequest(data, name), engine=fake_engines.PseudoArabicEngine(),
                          glossary=load_glossary(ROOT / "glossary"))  # fmt: skip
    if suffix == "docx":
        check_translated_docx(written)
        with zipfile.ZipFile(io.BytesIO(written)) as a, zipfile.ZipFile(io.BytesIO(same.data)) as b:
            assert a.read("word/document.xml") == b.read("word/document.xml")
        return
    assert written == same.data
    text = written.decode("utf-8")
    _arabic_names(text) if "Salame" in data.decode() and "Cairo" in data.decode() else None
    if suffix == "md":
        assert text.splitlines()[0] == "# حفتر في القاهرة" and "- **سلامة**" in text and "](https://x.org)" in text
        assert "| حفتر | القاهرة |" in text and "|---|---|" in text
    if suffix == "html":
        assert '<html lang="ar" dir="rtl">' in text and "<li><i>سلامة</i>" in text
    again = run_cli("translate", tmp_path / name, "--to-format", "--engine", "fake_engines:PseudoArabicEngine",
                    "--glossary", ROOT / "glossary", env=env)  # fmt: skip
    assert again.exit_code != 0 and "--overwrite" in again.stderr  # an existing file is replaced only when told
