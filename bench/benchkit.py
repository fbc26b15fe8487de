"""What several benches share: a long translated document made of our example article, and a
server started in its own process that answers /health."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def article_document(segments: int, name: str = "bench.txt") -> Any:
    """A document of about *segments* segments (examples/benghazi-talks.txt over and over, whole
    paragraphs), translated by the tests' pseudo-Arabic engine with the repository's glossary, so
    every glossary name is enforced and marked."""
    from bilingual.document import Head, RawBlock
    from bilingual.names.load import load_glossary
    from bilingual.read import build_document
    from bilingual.segment import split_sentences
    from bilingual.translation.pipeline import translate_document

    import fake_engines

    text = (ROOT / "examples" / "benghazi-talks.txt").read_text(encoding="utf-8")
    paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
    pieces: list[str] = []
    blocks, pos, count = [], 0, 0
    while count < segments:
        for para in paragraphs:
            if pieces:
                pieces.append("\n\n")
                pos += 2
            blocks.append(RawBlock("p", pos, pos + len(para)))
            pieces.append(para)
            pos += len(para)
            count += len(split_sentences(para))
            if count >= segments:
                break
    doc = build_document("".join(pieces), blocks, head=Head(input_name=name))
    doc, _ = translate_document(
        doc, engine=fake_engines.PseudoArabicEngine(), glossary=load_glossary(ROOT / "glossary")
    )
    return doc


def wait_healthy(process: subprocess.Popen, url: str, seconds: float = 30) -> None:  # type: ignore[type-arg]
    """Return once *url*/health answers 200; kill the process and exit with its stderr if it does
    not within *seconds*."""
    import httpx

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/health", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    process.kill()
    err = process.communicate()[1]
    raise SystemExit(f"the server did not answer within {seconds:.0f} s: {(err or b'').decode()[-2000:]}")
