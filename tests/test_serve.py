"""The LibreTranslate-compatible API: real clients against a running server, every route in process,
LibreTranslate's error shapes, and bad input the server survives. Loopback only, bounded loops."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time

import pytest

from conftest import ROOT

httpx = pytest.importorskip("httpx")
pytest.importorskip("starlette")

GLOSSARY_NAMES = {"Haftar": "حفتر", "Salame": "سلامة", "Cairo": "القاهرة"}
WEBLATE = [f"Haftar said [X{n}X] to {{{{name}}}} in Cairo: %s and {{0}} ({n})." for n in range(20)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`bilingual serve` in its own process on 127.0.0.1, with the repository's glossary and a test engine."""
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "BILINGUAL_MEMORY": "/nonexistent/memory.sqlite3"}
    # The server's log (a line a request) goes to a file: a pipe nobody reads would fill and stall it.
    log = tmp_path_factory.mktemp("serve") / "server.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bilingual", "serve", "--port", str(port), "--engine",
         "fake_engines:PseudoArabicEngine", "--glossary", str(ROOT / "glossary"), "--char-limit", "1000000"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=open(log, "wb"),
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.2)
    else:
        process.kill()
        process.wait(timeout=30)
        raise AssertionError(log.read_text(errors="replace"))
    yield url
    assert "POST /translate 200" in log.read_text(errors="replace")  # the request log, a line a request
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def _arabic_names_in(text: str) -> None:
    for english in GLOSSARY_NAMES:
        if english in text:
            raise AssertionError(f"{english} left in {text!r}")
    assert all(arabic in text for arabic in GLOSSARY_NAMES.values()), text


def test_libretranslatepy_gets_arabic_with_the_glossary_s_spellings(server):
    lt = pytest.importorskip("libretranslatepy").LibreTranslateAPI(server)
    _arabic_names_in(lt.translate("Haftar met Salame in Cairo.", "en", "ar"))
    assert lt.detect("Haftar met Salame in Cairo.")[0]["language"] == "en"
    assert {"code": "en", "name": "English", "targets": ["ar"]} in lt.languages()


def test_deep_translator_puts_everything_in_the_query_string_and_gets_arabic(server):
    libre = pytest.importorskip("deep_translator").LibreTranslator
    translator = libre(source="en", target="ar", api_key="unused", custom_url=server + "/")
    _arabic_names_in(translator.translate("Haftar met Salame in Cairo."))


def test_a_weblate_batch_of_twenty_keeps_every_placeholder(server):
    reply = httpx.post(server + "/translate", json={"q": WEBLATE, "source": "en", "target": "ar", "format": "text"},
                       timeout=60)  # fmt: skip
    assert reply.status_code == 200, reply.text
    body = reply.json()
    assert len(body["translatedText"]) == 20
    for n, (sent, got) in enumerate(zip(WEBLATE, body["translatedText"], strict=True)):
        for token in (f"[X{n}X]", "{{name}}", "%s", "{0}"):
            assert sent.count(token) == got.count(token) == 1, (token, got)
        assert "حفتر" in got and "القاهرة" in got
    assert [row["english"] for row in body["names"][0]] == ["Haftar", "Cairo"]
    assert reply.headers["X-Bilingual-Glossary"].startswith("sha256:")


def test_libretranslate_s_error_shapes(server):
    cases = [
        ({"source": "en", "target": "ar"}, 400, "missing q"),
        ({"q": "x", "source": "en", "target": "fr"}, 400, "fr is not supported"),
        ({"q": "x", "source": "de", "target": "ar"}, 400, "de is not supported"),
        ({"q": "x", "source": "en", "target": "ar", "format": "xml"}, 400, "xml format is not supported"),
        ({"q": "x", "source": "en", "target": "ar", "glossary_id": "nope"}, 400, "unknown glossary_id"),
    ]
    for form, status, words in cases:
        reply = httpx.post(server + "/translate", data=form, timeout=10)
        assert reply.status_code == status and words in reply.json()["error"], (form, reply.text)
    reply = httpx.get(server + "/translate", timeout=10)
    assert reply.status_code == 405 and "error" in reply.json()


def test_auto_source_html_and_alternatives(server):
    reply = httpx.post(server + "/translate", timeout=10, json={
        "q": "<p>Haftar <b>met</b> Salame in <i>Cairo</i> &amp; left.</p>", "source": "auto", "target": "ar",
        "format": "html", "alternatives": 2})  # fmt: skip
    body = reply.json()
    assert reply.status_code == 200 and body["detectedLanguage"]["language"] == "en" and body["alternatives"] == []
    html = body["translatedText"]
    for tag in ("<p>", "<b>", "</b>", "<i>", "</i>", "</p>", "&amp;"):
        assert html.count(tag) == 1, html
    assert html.index("<i>") < html.index("القاهرة") < html.index("</i>")
    settings = httpx.get(server + "/frontend/settings", timeout=10).json()
    assert settings["language"]["target"]["code"] == "ar" and settings["keyRequired"] is False


def test_bad_input_gets_its_error_and_the_server_keeps_serving(server):
    big = httpx.post(server + "/translate", data={"q": "x" * (10 * 1024 * 1024), "source": "en", "target": "ar"},
                     timeout=60)  # fmt: skip
    assert big.status_code == 413 and "over" in big.json()["error"]
    bad_json = httpx.post(server + "/translate", content=b'{"q": "x",', timeout=10,
                          headers={"content-type": "application/json"})  # fmt: skip
    assert bad_json.status_code == 400 and "JSON" in bad_json.json()["error"]
    latin1 = httpx.post(server + "/translate", content="q=caf\xe9&source=en&target=ar".encode("latin-1"), timeout=10,
                        headers={"content-type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert latin1.status_code == 400 and "UTF-8" in latin1.json()["error"]
    with socket.create_connection(("127.0.0.1", int(server.rsplit(":", 1)[1])), timeout=5) as s:  # gone mid-request
        s.sendall(b"POST /translate HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n"
                  b'{"q": "Haftar')  # fmt: skip
    assert httpx.get(server + "/health", timeout=10).status_code == 200
    assert (
        httpx.post(server + "/translate", data={"q": "Cairo.", "source": "en", "target": "ar"}, timeout=10)
        .json()["translatedText"]
        .startswith("القاهرة")
    )


def test_ten_thousand_tiny_requests_all_answered(server):
    async def hammer() -> list[int]:
        limits = httpx.Limits(max_connections=16)
        async with httpx.AsyncClient(base_url=server, limits=limits, timeout=60) as client:
            gate = asyncio.Semaphore(16)

            async def one(n: int) -> int:
                async with gate:
                    reply = await client.post("/translate", data={"q": f"Cairo {n}.", "source": "en", "target": "ar"})
                    return reply.status_code

            return await asyncio.gather(*(one(n) for n in range(10_000)))

    codes = asyncio.run(hammer())
    assert set(codes) <= {200, 503} and codes.count(200) > 9_000
    assert httpx.get(server + "/health", timeout=10).status_code == 200


def test_a_connection_idle_as_long_as_a_client_pool_keeps_it_still_answers(server):
    """httpx and aiohttp keep an idle connection 5-15 s and reuse it; a server closing it after 5 s resets requests."""
    import http.client

    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=10)
    try:
        conn.request("GET", "/health")
        assert conn.getresponse().read() == b'{"status":"ok"}'
        time.sleep(6)  # idle past uvicorn's default keep-alive (5 s); the same socket is used again
        conn.request("GET", "/health")
        assert conn.getresponse().read() == b'{"status":"ok"}'
    finally:
        conn.close()


# --- every route in process (Starlette's TestClient), with limits a running server would take long to reach


def _client(**settings):
    from starlette.testclient import TestClient

    from bilingual.names.load import load_glossary
    from bilingual.serve.api import Settings, make_app

    import fake_engines

    glossary = load_glossary(ROOT / "glossary")
    made = Settings(engine=settings.pop("engine", fake_engines.PseudoArabicEngine()),
                    glossaries={"default": glossary, "none": None}, **settings)  # fmt: skip
    return TestClient(make_app(made))


def test_api_keys_rate_and_character_limits(tmp_path):
    with _client(api_keys=frozenset({"k1"}), req_limit=3, char_limit=50) as client:
        assert client.post("/translate", data={"q": "Cairo.", "source": "en", "target": "ar"}).status_code == 403
        ok = client.post("/translate", data={"q": "Cairo.", "source": "en", "target": "ar", "api_key": "k1"})
        assert ok.status_code == 200 and ok.json()["translatedText"].startswith("القاهرة")
        long = client.post("/translate", data={"q": "x" * 51, "source": "en", "target": "ar", "api_key": "k1"})
        assert long.status_code == 400 and "exceeds text limit (50)" in long.json()["error"]
        third = client.post("/translate", data={"q": "a", "source": "en", "target": "ar", "api_key": "k1"})
        assert third.status_code == 200
        limited = client.post("/translate", data={"q": "a", "source": "en", "target": "ar", "api_key": "k1"})
        assert limited.status_code == 429 and "error" in limited.json()
        plain = client.post("/translate", json={"q": "Cairo.", "source": "en", "target": "ar", "glossary_id": "none"})
        assert plain.status_code == 403  # the key is checked before the glossary
    with _client() as client:
        unenforced = client.post("/translate", json={"q": "Cairo.", "source": "en", "target": "ar",
                                                      "glossary_id": "none"})  # fmt: skip
        assert unenforced.status_code == 200 and unenforced.json()["names"] == []
        assert client.post("/detect", data={"q": "قال حفتر"}).json()[0]["language"] == "ar"
        assert client.get("/health").json() == {"status": "ok"}


class _Slow:
    name, model_name, model_version, model_checksum = "slow", "", "", ""

    def translate_batch(self, texts):
        time.sleep(0.5)
        return ["نص" for _t in texts]


def test_over_the_queue_limit_requests_are_refused_at_once_not_queued():
    async def flood() -> list[int]:
        from bilingual.serve.api import Settings, make_app

        app = make_app(Settings(engine=_Slow(), glossaries={"default": None}, max_queue=4))
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            replies = await asyncio.gather(*(
                c.post("/translate", data={"q": f"t {n}", "source": "en", "target": "ar"}) for n in range(20)
            ))  # fmt: skip
            return [r.status_code for r in replies]

    codes = asyncio.run(flood())
    assert codes.count(503) >= 10 and codes.count(200) >= 4


def test_serving_beyond_loopback_needs_a_token_which_the_api_takes_as_a_key(run_cli, tmp_path):
    result = run_cli("serve", "--host", "0.0.0.0", "--engine", "fake_engines:PseudoArabicEngine")
    assert result.exit_code == 1 and "needs a token" in result.stderr
    from bilingual.serve.start import ServeRequest, settings_for
    from bilingual.workspace import Workspace

    token = tmp_path / "token"
    token.write_text("a-token-long-enough-to-guard\n")
    workspace = Workspace(engine_name="fake_engines:PseudoArabicEngine", folder=str(tmp_path))
    made = settings_for(workspace, ServeRequest(host="0.0.0.0", token_file=str(token)))
    assert made.api_keys == {"a-token-long-enough-to-guard"}


def test_requests_are_merged_into_engine_batches():
    from bilingual.serve.api import Settings, make_app

    import fake_engines

    engine = fake_engines.PseudoArabicEngine()

    async def many() -> list[int]:
        settings = Settings(engine=engine, glossaries={"default": None}, window=0.05)
        app = make_app(settings)
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            await asyncio.gather(*(
                c.post("/translate", data={"q": f"Text number {n}.", "source": "en", "target": "ar"}) for n in range(32)
            ))  # fmt: skip
            assert settings.batcher is not None
            return settings.batcher.batches

    batches = asyncio.run(many())
    assert sum(batches) == 32 and len(batches) < 32 and max(batches) > 1


def test_stopping_the_server_finishes_the_request_in_flight(tmp_path):
    """SIGTERM while a request is being translated: it is answered, then the server ends."""
    import threading

    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tests"), "BILINGUAL_MEMORY": "/nonexistent/memory.sqlite3"}
    process = subprocess.Popen([sys.executable, "-m", "bilingual", "serve", "--port", str(port), "--engine",
                                "test_serve:slower_engine"], cwd=tmp_path, env=env, stderr=subprocess.PIPE)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.1)
    answers: list[int] = []
    thread = threading.Thread(
        target=lambda: answers.append(
            httpx.post(
                url + "/translate", data={"q": "A slow one.", "source": "en", "target": "ar"}, timeout=30
            ).status_code
        )
    )
    thread.start()
    time.sleep(0.6)  # the request is in the engine by now (2 s a batch), even on a loaded machine
    process.send_signal(signal.SIGTERM)
    thread.join(timeout=30)
    assert answers == [200]
    assert process.wait(timeout=30) == 0


class _Slower(_Slow):
    def translate_batch(self, texts):
        time.sleep(2)
        return ["نص" for _t in texts]


def slower_engine(options):
    return _Slower()


def test_the_api_sees_an_editors_glossary_edit_at_the_next_request(tmp_path):
    """One workspace per server: the default glossary is read again when its files change (it was
    loaded once at start, so a respelling made on the desk never reached the API)."""
    import shutil

    from starlette.testclient import TestClient

    from bilingual.jobs.glossary import SetRequest, set_entry
    from bilingual.serve.api import Settings, make_app
    from bilingual.workspace import Workspace

    import fake_engines

    gl = tmp_path / "glossary"
    shutil.copytree(ROOT / "glossary", gl)
    workspace = Workspace(glossary_path=str(gl), use_memory=False)
    settings = Settings(engine=fake_engines.PseudoArabicEngine(), glossaries={}, workspace=workspace)
    with TestClient(make_app(settings)) as client:
        ask = {"q": "Haftar spoke.", "source": "en", "target": "ar"}
        assert "حفتر" in client.post("/translate", json=ask).json()["translatedText"]
        set_entry(workspace, SetRequest("Haftar", "حفطر"))
        assert "حفطر" in client.post("/translate", json=ask).json()["translatedText"]


class _Exploding:
    """An engine that fails on a text holding BOOM (any exception class), and translates the rest."""

    name, model_name, model_version, model_checksum = "exploding", "", "", ""

    def __init__(self, exc: BaseException) -> None:
        self.exc = exc

    def translate_batch(self, texts):
        if any("BOOM" in t for t in texts):
            raise self.exc
        return ["نص " + t for t in texts]


@pytest.mark.parametrize("exc", [RuntimeError("disk on fire"), KeyboardInterrupt()])
def test_an_engine_failure_fails_its_request_only_and_never_the_server(exc, caplog):
    from starlette.testclient import TestClient

    from bilingual.serve.api import Settings, make_app

    with TestClient(make_app(Settings(engine=_Exploding(exc), glossaries={"default": None}))) as client:
        bad = client.post("/translate", json={"q": "BOOM goes the engine.", "source": "en", "target": "ar"})
        assert bad.status_code == 503 and bad.json()["error"].startswith("engine 'exploding' failed")
        good = client.post("/translate", json={"q": "Cairo waits.", "source": "en", "target": "ar"})
        assert good.status_code == 200  # the server still answers


def test_one_clients_bad_text_does_not_fail_the_batch_it_shares():
    """Requests merged into one engine batch: the batch fails, each request is tried alone."""
    import asyncio

    from bilingual.serve.batcher import Batcher

    async def both() -> list[object]:
        batcher = Batcher(_Exploding(RuntimeError("bad text")), 64, 64, 0.2)
        await batcher.start()
        try:
            return await asyncio.gather(
                batcher.translate(("BOOM.",), markup="text", glossary=None),
                batcher.translate(("Cairo waits.",), markup="text", glossary=None),
                return_exceptions=True,
            )
        finally:
            await batcher.stop()

    bad, good = asyncio.run(both())
    assert isinstance(bad, Exception) and not isinstance(good, Exception)
    assert good.translations == ["نص Cairo waits."]


def test_a_bug_is_a_500_with_a_request_id_and_one_log_line(caplog, monkeypatch):
    from starlette.testclient import TestClient

    from bilingual.serve import api
    from bilingual.serve.api import Settings, make_app

    def broken(*args, **kwargs):
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr(api, "check_languages", broken)
    monkeypatch.delenv("BILINGUAL_DEBUG", raising=False)
    app = make_app(Settings(engine=fake_engines_engine(), glossaries={"default": None}))
    with TestClient(app, raise_server_exceptions=False) as client, caplog.at_level("ERROR", logger="bilingual.serve"):
        answer = client.post("/translate", json={"q": "Cairo.", "source": "en", "target": "ar"},
                             headers={"accept-language": "ar"})  # fmt: skip
    assert answer.status_code == 500
    ident = answer.json()["error"].split("(الطلب ")[1].split(")")[0]
    lines = [r for r in caplog.records if r.name == "bilingual.serve"]
    assert len(lines) == 1 and ident in lines[0].getMessage() and lines[0].exc_info is None


def fake_engines_engine():
    import fake_engines

    return fake_engines.PseudoArabicEngine()


def test_the_server_keeps_its_memory_open_across_requests(tmp_path, monkeypatch):
    """Opening a memory is paid once per server thread, not per request (issue 32); closing the
    workspace closes (and stamps) every kept connection."""
    import threading
    from collections import Counter

    from bilingual.memory import store
    from bilingual.workspace import Workspace

    opened: list[tuple[str, int]] = []
    real_init = store.Memory.__init__

    def counting(self, *args, **kwargs):
        opened.append((str(args[0]), threading.get_ident()))
        real_init(self, *args, **kwargs)

    monkeypatch.setattr(store.Memory, "__init__", counting)

    def serve_ten(keep: bool) -> Counter[int]:
        opened.clear()
        workspace = Workspace(memory_path=str(tmp_path / "m.sqlite3"), keep_memory_open=keep)
        with _client(suggestions=True, workspace=workspace) as client:
            for n in range(10):
                reply = client.post(
                    "/suggest", data={"q": f"Sentence {n}.", "s": f"جملة {n}.", "source": "en", "target": "ar"}
                )
                assert reply.status_code == 200, reply.text
        assert {path for path, _thread in opened} == {str(tmp_path / "m.sqlite3")}
        workspace.close()
        return Counter(thread for _path, thread in opened)

    assert sum(serve_ten(keep=False).values()) == 10  # without it: one open per request
    per_thread = serve_ten(keep=True)
    assert set(per_thread.values()) == {1}  # with it: once per server thread, whatever the requests
    workspace = Workspace(memory_path=str(tmp_path / "m.sqlite3"), keep_memory_open=True)
    with workspace.memory() as memory:  # this thread's own connection, kept too
        assert memory is not None and memory.get("Sentence 0.").target == "جملة 0."
    with workspace.memory() as same:
        assert same is memory
    workspace.close()
    assert not workspace._kept
    with store.Memory(tmp_path / "m.sqlite3") as again:
        assert len(again) == 10


class _Rounds:
    """An engine with two translators fed 8 sentences each (the 2-core plan) that records its batches."""

    name, model_name, model_version, model_checksum = "rounds", "", "", ""

    def __init__(self) -> None:
        from bilingual.engines.argos.engine import Plan

        self.plan = Plan("cpu", 1, 2, 8)
        self.batches: list[int] = []

    def translate_batch(self, texts):
        self.batches.append(len(texts))
        time.sleep(0.05 * len(texts) / 8)
        return ["نص" for _t in texts]


def test_each_request_is_answered_with_its_own_batch_not_everyone_s():
    """Sixteen lists of eight sent at once: the engine never takes more than one round (2 translators
    × 8 = 16 texts) in a batch, so the first lists are answered long before the last, and a list longer
    than the cap goes alone (issue 32, item 2). Before, all 128 texts went as one batch and every
    request waited for all of them."""
    from bilingual.serve.api import Settings, make_app

    engine = _Rounds()

    async def lists() -> list[float]:
        app = make_app(Settings(engine=engine, glossaries={"default": None}))
        transport = httpx.ASGITransport(app=app)
        async with app.router.lifespan_context(app), httpx.AsyncClient(transport=transport, base_url="http://t") as c:
            started = time.perf_counter()

            async def one(n: int) -> float:
                texts = [f"Sentence {n}-{i}." for i in range(8)]
                reply = await c.post("/translate", json={"q": texts, "source": "en", "target": "ar"})
                assert reply.status_code == 200 and len(reply.json()["translatedText"]) == 8
                return time.perf_counter() - started

            done = sorted(await asyncio.gather(*(one(n) for n in range(16))))
            long = await c.post("/translate", json={"q": [f"Long {i}." for i in range(40)], "source": "en",
                                                    "target": "ar"})  # fmt: skip
            assert long.status_code == 200 and len(long.json()["translatedText"]) == 40
            return done

    done = asyncio.run(lists())
    sentences = [b for b in engine.batches if b != 40]
    assert sum(sentences) == 128 and max(sentences) <= 16 and 40 in engine.batches
    assert done[0] < done[-1] / 2, done


def test_a_list_longer_than_the_queue_is_refused_as_too_long_not_busy():
    """With --char-limit 0 a q list is bounded by the queue: more texts than the server ever takes
    get 400 with the limit named, not 503 "busy", which a client would retry forever."""
    with _client(char_limit=0, max_queue=16) as client:
        reply = client.post("/translate", json={"q": ["Cairo."] * 17, "source": "en", "target": "ar"})
        assert reply.status_code == 400 and "17 texts" in reply.json()["error"] and "(16)" in reply.json()["error"]
        fits = client.post("/translate", json={"q": ["Cairo."] * 16, "source": "en", "target": "ar"})
        assert fits.status_code == 200 and len(fits.json()["translatedText"]) == 16
