"""Load on `bilingual serve` (loopback only, bounded in count and time): 1, 4 and 16 clients.

    python bench/serve_load.py [--sentences 64] [--rounds 2] [--list 8]

Builds the base-size stand-in model (tools/argosmodel.py: 6+6 layers, d_model 512, int8, a copy
model writing Arabic), serves it on 127.0.0.1, and for each client count sends the sentences
``--rounds`` times, first each sentence as its own request (as a CMS does), then in lists of
``--list`` (as Weblate does): throughput in sentences a second, each request's latency p50/p95,
and the server's resident memory after each level. Two references, timed in the same run:

- **raw**: one sentence through CTranslate2 itself (the model's tokenizer, ``translate_batch``
  on one translator using both cores: the fastest a single sentence can go), median of 16; the
  target is one client's p50 for one sentence ≤ 1.5× this;
- **command line**: the same sentences through ``bilingual translate``'s text use case in one
  process (model loaded, one batch); the target is 16 clients ≥ 0.8× this, with p95 no more
  than a few batches' time.

Then a second server with a queue of 8 and 10 requests a minute shows over-limit requests
answered 503 and 429 at once.
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


async def _load(
    url: str, sentences: list[str], clients: int, rounds: int, per_request: int
) -> tuple[float, list[float], list[int]]:
    import httpx

    flat = [s for _round in range(rounds) for s in sentences]
    work = [flat[i : i + per_request] for i in range(0, len(flat), per_request)]
    latencies: list[float] = []
    codes: list[int] = []
    async with httpx.AsyncClient(base_url=url, timeout=300, limits=httpx.Limits(max_connections=clients)) as client:

        async def one_client(mine: list[list[str]]) -> None:
            for texts in mine:
                started = time.perf_counter()
                q = texts[0] if per_request == 1 else texts
                reply = await client.post("/translate", json={"q": q, "source": "en", "target": "ar"})
                latencies.append(time.perf_counter() - started)
                codes.append(reply.status_code)

        started = time.perf_counter()
        await asyncio.gather(*(one_client(work[i::clients]) for i in range(clients)))
        elapsed = time.perf_counter() - started
    return len(flat) / elapsed, latencies, codes


def _raw_one_sentence(engine, sentences: list[str]) -> float:
    """Seconds CTranslate2 itself takes for one sentence (median of 16), the fastest of three ways to
    run it: one translator on one thread, one on every core, and the server's plan."""
    import ctranslate2

    from bilingual.engines.argos.engine import max_decoding_length

    cores = os.cpu_count() or 1
    best = float("inf")
    for inter, intra in {(1, 1), (1, cores), (engine.plan.inter_threads, engine.plan.intra_threads)}:
        translator = ctranslate2.Translator(str(engine.model.path / "model"), device="cpu", inter_threads=inter,
                                            intra_threads=intra)  # fmt: skip
        timings = []
        for text in sentences[:17]:
            started = time.perf_counter()
            tokens = engine.tokenize([text])
            out = translator.translate_batch(tokens, beam_size=engine.options.beam_size,
                                             max_decoding_length=max_decoding_length(len(tokens[0])))  # fmt: skip
            engine.detokenize(out[0].hypotheses[0])
            timings.append(time.perf_counter() - started)
        del translator
        best = min(best, statistics.median(timings[1:]))
    return best


async def _lists_at_once(url: str, sentences: list[str], clients: int, per_request: int) -> list[float]:
    """Seconds until each of ``clients`` lists sent at the same moment is answered, sorted."""
    import httpx

    async with httpx.AsyncClient(base_url=url, timeout=300, limits=httpx.Limits(max_connections=clients)) as client:
        started = time.perf_counter()

        async def one(n: int) -> float:
            texts = [sentences[(n * per_request + i) % len(sentences)] for i in range(per_request)]
            reply = await client.post("/translate", json={"q": texts, "source": "en", "target": "ar"})
            assert reply.status_code == 200, reply.text
            return time.perf_counter() - started

        return sorted(await asyncio.gather(*(one(n) for n in range(clients))))


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
    parser.add_argument("--list", type=int, default=8, help="sentences per request in the second pass")
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
    raw = _raw_one_sentence(engine, sentences)
    print(f"command line, one batch: {reference:.1f} sentences/s;  raw CTranslate2, one sentence: {raw * 1000:.0f} ms")

    process, url = _serve([], env)
    try:
        print(f"{'request':>9} {'clients':>7} {'sent/s':>8} {'vs cli':>7} {'p50 ms':>8} {'p95 ms':>8} {'p50/raw':>8} "
              f"{'server MB':>10}")  # fmt: skip
        for per_request in (1, args.list):
            for clients in (1, 4, 16):
                rate, latencies, codes = asyncio.run(_load(url, sentences, clients, args.rounds, per_request))
                assert set(codes) == {200}, codes
                latencies.sort()
                p50 = statistics.median(latencies)
                p95 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.95))]
                kind = "1 text" if per_request == 1 else f"{per_request} texts"
                print(f"{kind:>9} {clients:>7} {rate:8.1f} {rate / reference:6.2f}× {p50 * 1000:8.0f} "
                      f"{p95 * 1000:8.0f} {p50 / raw:7.2f}× {_rss_mb(process.pid):10.0f}")  # fmt: skip
        done = asyncio.run(_lists_at_once(url, sentences, 16, args.list))
        print(f"16 lists of {args.list} sent at once: answered after {done[0]:.1f} s (first), {statistics.median(done):.1f} s "
              f"(median), {done[-1]:.1f} s (last); one list alone would take {args.list / reference:.1f} s at the "
              "command line's rate")  # fmt: skip
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
