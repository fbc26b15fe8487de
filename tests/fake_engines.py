"""Engines for tests: well-behaved and adversarial ones (placeholders dropped, mangled …).

Loaded through the real plugin path, as ``--engine fake_engines:NAME``.
"""

from __future__ import annotations

import random
import re


class _Base:
    model_name = "fake"
    model_version = "0"
    model_checksum = ""

    def __init__(self, options=None) -> None:
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.one(t) for t in texts]


class UpperEngine(_Base):
    name = "upper"

    def one(self, text: str) -> str:
        return text.upper()
