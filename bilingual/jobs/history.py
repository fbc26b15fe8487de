"""The desk's history of saves beside each document (``.bilingual/history/DOC.jsonl``): one JSON
line a save, appended whole, read back skipping what is not a save. Every writer of a segment
(a desk save, a replacement, a respelling) adds its line here after the document is written."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from bilingual.encoding import BadJson, load_json


def append_history(log: Path, seg_id: str, *, before: tuple[str, str], after: tuple[str, str], who: str,
                   batch: str = "") -> None:  # fmt: skip
    """Add one save to the history: the whole line in one ``write`` (appends never interleave), after a
    line break when a crash cut the last line short (the cut line stays, skipped by readers)."""
    line = json.dumps({"segment": seg_id, "before": before[0], "before_status": before[1], "after": after[0],
                       "after_status": after[1], "who": who, "when": time.time(), **({"batch": batch} if batch else {})},
                      ensure_ascii=False)  # fmt: skip
    fd = os.open(log, os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    try:
        size = os.fstat(fd).st_size
        cut = size > 0 and os.pread(fd, 1, size - 1) != b"\n"
        data = (b"\n" if cut else b"") + (line + "\n").encode("utf-8")
        written = os.write(fd, data)
        while written < len(data):  # a regular file takes it whole; a full disk may not
            written += os.write(fd, data[written:])
        os.fsync(fd)
    finally:
        os.close(fd)


def history_rows(path: Path) -> list[dict[str, object]]:
    """The history's saves, oldest first; a line cut short or not a save (half a character too) is skipped."""
    rows = []
    for line in path.read_bytes().split(b"\n"):
        try:
            row = load_json(line) if line.strip() else None
        except BadJson:  # cut short, NaN, half a character: no save the desk wrote
            continue
        if isinstance(row, dict) and isinstance(row.get("segment"), str) and isinstance(row.get("before"), str):
            rows.append(row)
    return rows
