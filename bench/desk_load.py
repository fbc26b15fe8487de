"""The editors' desk under load (loopback only): first paint of a 2,700-segment document, save
latency, and the server's memory with 50 documents opened.

    python bench/desk_load.py [--segments 2700] [--runs 3] [--saves 60]

Builds a folder of 50 aligned documents from our example articles (pseudo-Arabic translation,
every glossary name enforced): one of ``--segments`` segments and 49 of about 60. Serves it with
``bilingual serve FOLDER`` in its own process, then, ``--runs`` times each:
- first paint: the system Chromium (Playwright) opens the big document in a fresh context;
  the browser's ``first-contentful-paint`` and the page's load event, in ms;
- save latency: ``--saves`` approvals of one segment each (the save rewrites the whole aligned
  file atomically, records the memory and the history), p50 and p95 in ms, on the big document
  and on a small one;
- search and replace over the 50 documents: the preview of a word of the big document's Arabic
  across the folder, the replacement of everything it showed, and its undo, in ms, with the count
  of segments changed;
- memory: the server's resident memory after every one of the 50 document pages was opened
  (a fresh server each run).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from benchkit import wait_healthy  # noqa: E402


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _build(folder: Path, segments: int) -> tuple[str, str, int]:
    from benchkit import article_document

    from bilingual.formats.aligned import render_aligned

    big = article_document(segments, "big.txt")
    (folder / "big.en-ar.xml").write_bytes(render_aligned(big))
    small = render_aligned(article_document(60, "small.txt"))
    for i in range(49):
        (folder / f"small-{i:02d}.en-ar.xml").write_bytes(small)
    return "big.en-ar.xml", "small-00.en-ar.xml", len(big.segments())


def _serve(folder: Path, work: Path):  # type: ignore[no-untyped-def]

    port = _port()
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), str(ROOT / "tests")]))
    process = subprocess.Popen(
        [sys.executable, "-m", "bilingual", "serve", str(folder), "--port", str(port), "--engine",
         "fake_engines:PseudoArabicEngine", "--glossary", str(ROOT / "glossary"), "--memory", str(work / "m.sqlite3")],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_healthy(process, url)
    return process, url


def _stop(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    process.terminate()
    try:
        process.wait(30)
    except subprocess.TimeoutExpired:
        process.kill()


def _first_paint(url: str, name: str, runs: int) -> list[tuple[float, float]]:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        for _ in range(runs):
            page = browser.new_context().new_page()
            page.goto(f"{url}/desk/doc/{name}", wait_until="load", timeout=120_000)
            fcp = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1")
            load = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
            out.append((fcp, load))
            page.context.close()
        browser.close()
    return out


def _saves(url: str, name: str, count: int, run: int) -> list[float]:
    import httpx

    from bilingual.jobs.desk import segment_version

    with httpx.Client(base_url=url, timeout=60) as client:
        page = client.get(f"/desk/doc/{name}").text
        csrf = re.search(r'<meta name="csrf" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        rows = re.findall(r'data-seg="([^"]+)" data-status="([^"]+)" data-version="([^"]+)"', page)
        times = []
        for i in range(count):
            seg_id, _status, version = rows[i % len(rows)]
            target = f"نص المحرر رقم {run}-{i}."  # a new text each run: an unchanged save costs nothing
            t0 = time.perf_counter()
            answer = client.post(f"/desk/doc/{name}/save", headers={"X-CSRF-Token": csrf},
                                 json={"segment": seg_id, "target": target, "version": version, "approve": True,
                                       "confirmed": True})  # fmt: skip
            times.append((time.perf_counter() - t0) * 1000)
            assert answer.status_code == 200, answer.text
            rows[i % len(rows)] = (seg_id, "approved", segment_version(target, "approved"))
    return times


def _replacements(url: str, big: str, runs: int) -> None:
    import httpx

    with httpx.Client(base_url=url, timeout=300) as client:
        page = client.get(f"/desk/doc/{big}").text
        csrf = re.search(r'<meta name="csrf" content="([^"]+)"', page).group(1)  # type: ignore[union-attr]
        words = re.findall(r"[\u0621-\u064a]{4,}", page)
        word = max(set(words), key=words.count)  # the big document's most frequent Arabic word
        for i in range(runs):
            ask = {"find": word, "replace": word + "ـ", "documents": []}
            t0 = time.perf_counter()
            shown = client.post("/desk/replace/preview", json=ask, headers={"X-CSRF-Token": csrf}).json()
            t1 = time.perf_counter()
            expect = [{k: c[k] for k in ("document", "segment", "version")} for c in shown]
            done = client.post("/desk/replace/apply", json={**ask, "expect": expect}, headers={"X-CSRF-Token": csrf})
            t2 = time.perf_counter()
            undone = client.post("/desk/replace/undo", json={"batch": done.json()["batch"]},
                                 headers={"X-CSRF-Token": csrf})  # fmt: skip
            t3 = time.perf_counter()
            assert undone.status_code == 200, undone.text
            documents = len({c["document"] for c in shown})
            print(f"  replace run {i + 1}: {len(shown)} segments in {documents} documents: preview "
                  f"{(t1 - t0) * 1000:6.0f} ms, apply {(t2 - t1) * 1000:6.0f} ms, undo {(t3 - t2) * 1000:6.0f} ms")  # fmt: skip


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=2700)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--saves", type=int, default=60)
    parser.add_argument("--no-replace", dest="replace", action="store_false", help="skip search and replace")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "desk"
        folder.mkdir()
        big, small, n = _build(folder, args.segments)
        size = (folder / big).stat().st_size / 1e6
        print(f"folder: 50 documents; {big}: {n} segments, {size:.1f} MB aligned XML")
        process, url = _serve(folder, work)
        try:
            import httpx

            page = httpx.get(f"{url}/desk/doc/{big}", timeout=120)
            print(f"document page: {len(page.content) / 1e6:.2f} MB of HTML")
            for i, (fcp, load) in enumerate(_first_paint(url, big, args.runs), 1):
                print(f"  run {i}: first contentful paint {fcp:6.0f} ms, load event {load:6.0f} ms")
            for label, name in (("big", big), ("small", small)):
                for i in range(args.runs):
                    times = _saves(url, name, args.saves, i)
                    print(f"  save ({label} document) run {i + 1}: p50 {statistics.median(times):6.1f} ms, "
                          f"p95 {_pct(times, 0.95):6.1f} ms over {len(times)} saves")  # fmt: skip
            if args.replace:
                _replacements(url, big, args.runs)
        finally:
            _stop(process)
        for i in range(args.runs):
            process, url = _serve(folder, work)
            try:
                import httpx

                start = _rss_mb(process.pid)
                for doc in sorted(p.name for p in folder.glob("*.en-ar.xml")):
                    assert httpx.get(f"{url}/desk/doc/{doc}", timeout=120).status_code == 200
                print(f"  memory run {i + 1}: {start:.0f} MB at start, {_rss_mb(process.pid):.0f} MB after "
                      f"opening 50 documents")  # fmt: skip
            finally:
                _stop(process)


if __name__ == "__main__":
    main()
