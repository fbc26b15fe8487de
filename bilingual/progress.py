"""How far a long job has come: counts, rate and time left, as one status line (a value; no printing)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from bilingual.i18n import _


def duration(seconds: float) -> str:
    """A rough span a person reads at a glance: 45 s, 3 min 10 s, 2 h 05 min."""
    seconds = max(0, round(seconds))
    if seconds < 60:
        return _("{s} s").format(s=seconds)
    if seconds < 3600:
        return _("{m} min {s:02d} s").format(m=seconds // 60, s=seconds % 60)
    return _("{h} h {m:02d} min").format(h=seconds // 3600, m=seconds % 3600 // 60)


@dataclass
class Pace:
    """Documents (and their segments) done out of *total*, since the job started."""

    total: int
    started: float = field(default_factory=time.perf_counter)
    done: int = 0
    segments: int = 0

    def advance(self, segments: int = 0) -> None:
        self.done += 1
        self.segments += segments

    def line(self, what: str) -> str:
        """``[3/40] out/a.en-ar.xml — 0.52 documents/s, 14.1 segments/s, about 1 min 07 s left``."""
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else 0.0
        line = _("[{n}/{total}] {what} — {docs:.2f} documents/s, {segs:.1f} segments/s").format(
            n=self.done, total=self.total, what=what, docs=rate, segs=self.segments / elapsed
        )
        if self.done < self.total:
            line += _(", about {left} left").format(left=duration(left))
        return line
