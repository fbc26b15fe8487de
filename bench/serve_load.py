"""Load on `bilingual serve` (loopback only, bounded in count and time): 1, 4 and 16 clients.

    python bench/serve_load.py [--sentences 64] [--rounds 2]

Builds the base-size stand-in model (tools/argosmodel.py: 6+6 layers, d_model 512, int8, a copy
model writing Arabic), serves it on 127.0.0.1, and for each client count sends every sentence as
its own request (as a CMS does) ``--rounds`` times: throughput in sentences a second, latency
p50/p99, and the server's resident memory after each level. The reference is the same sentences
translated by ``bilingual translate``'s pipeline in one process (model loaded, one document), timed
in the same run; the target is 16 clients ≥ 0.8× that. Then a second server with a queue of 8
and 10 requests a minute shows over-limit requests answered 503 and 429 at once.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "tools"), str(ROOT / "bench")]

from benchkit import wait_healthy  # noqa: E402


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def _serve(extra: list[str], env: dict[str, str]) -> tuple[subprocess.Popen, str]:

    port = _port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bilingual", "serve", "--port", str(port), "--model", "translate-en_ar-bench",
         "--no-download", "--char-limit", "0", *extra],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    wait_healthy(process, url)
    return process, url


async def _load(url: str, sentences: list[str], clients: int, rounds: int) -> tuple[float, list[float], list[int]]:
    import httpx

    work = [s for _round in range(rounds) for s in sentences]
    latencies: list[float] = []
    codes: list[int] = []
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=httpx.Limits(max_connections=clients)) as client:

        async def one_client(mine: list[str]) -> None:
            for text in mine:
                started = time.perf_counter()
                reply = await client.post("/translate", json={"q": text, "source": "en", "target": "ar"})
                latencies.append(time.perf_counter() - started)
                codes.append(reply.status_code)

        started = time.perf_counter()
        await asyncio.gather(*(one_client(work[i::clients]) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return len(work) / elapsed, latencies, codes


async def _burst(url: str, n: int) -> list[int]:
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=300, limits=httpx.Limits(max_connections=n)) as client:
        replies = await asyncio.gather(*(
            client.post("/translate", json={"q": f"Burst {i} from Derna.", "source": "en", "target": "ar"})
            for i in range(n)
        ))  # fmt: skip
    return [r.status_code for r in replies]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    env = {**os.environ, "ARGOS_PACKAGES_DIR": str(work / "packages"), "BILINGUAL_MEMORY": str(work / "m.sqlite3")}
    os.environ.update(env)
    from argosmodel import BASE, build_package

    from bilingual.engines import EngineOptions, load_engine
    from bilingual.engines.argos import packages
    from bilingual.jobs.text import TextRequest, translate_texts
    from bilingual.segment import split_sentences

    packages.install_file(build_package(work / "base.argosmodel", dims=BASE, name="translate-en_ar-bench",
                                        kind="copy", arabic_output=True))  # fmt: skip
    text = (ROOT / "examples" / "benghazi-talks.txt").read_text(encoding="utf-8")
    pool = [text[s:e] for s, e in split_sentences(text)]
    sentences = [f"{pool[i % len(pool)]} ({i})" for i in range(args.sentences)]
    engine = load_engine("argos", EngineOptions(model="translate-en_ar-bench"))
    translate_texts(TextRequest(tuple(sentences[:4])), engine=engine, glossary=None)  # load the model
    started = time.perf_counter()
    for _round in range(args.rounds):
        translate_texts(TextRequest(tuple(sentences)), engine=engine, glossary=None)
    reference = args.sentences * args.rounds / (time.perf_counter() - started)
    print(f"one process, one document: {reference:.1f} sentences/s (the reference)")

    process, url = _serve([], env)
    try:
        print(f"{'clients':>7} {'sent/s':>8} {'vs ref':>7} {'p50 ms':>8} {'p99 ms':>8} {'server MB':>10}")
        for clients in (1, 4, 16):
            rate, latencies, codes = asyncio.run(_load(url, sentences, clients, args.rounds))
            assert set(codes) == {200}, codes
            latencies.sort()
            p50 = statistics.median(latencies) * 1000
            p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000
            print(
                f"{clients:>7} {rate:8.1f} {rate / reference:6.2f}× {p50:8.0f} {p99:8.0f} {_rss_mb(process.pid):10.0f}"
            )
    finally:
        process.terminate()
        process.wait(timeout=60)

    process, url = _serve(["--queue-limit", "8", "--req-limit", "10"], env)
    try:
        codes = asyncio.run(_burst(url, 64))
        print(f"burst of 64 with a queue of 8 and 10 requests a minute: {codes.count(200)} answered, "
              f"{codes.count(503)} × 503, {codes.count(429)} × 429, other {len(codes) - codes.count(200) - codes.count(503) - codes.count(429)}")  # fmt: skip
    finally:
        process.terminate()
        process.wait(timeout=60)


if __name__ == "__main__":
    main()
