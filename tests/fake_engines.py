"""Engines for tests: a well-behaved one and adversarial ones, loaded through the plugin path.

They "translate" word by word into pseudo-Arabic (a letter map, like a model transliterating
names it does not know, so their spelling of a name is close to, not equal to, the
glossary's) and mistreat placeholders in the ways real engines do.
"""

from __future__ import annotations

import random
import re
import zlib

TOKEN = re.compile(r"\[\d+\]|\{\d+\}|ZX\d+|[A-Za-z]+(?:[-'’][A-Za-z]+)*|\d+(?:[.,]\d+)*|\S")
PLACEHOLDER = re.compile(r"^(?:\[(\d+)\]|ZX(\d+)|\{(\d+)\})$")
DIGRAPHS = {"kh": "خ", "sh": "ش", "th": "ث", "dh": "ذ", "gh": "غ", "ou": "و", "ee": "ي", "ch": "تش"}
LETTERS = dict(zip("abcdefghijklmnopqrstuvwxyz", "ابكديفجهيجكلمنوبقرستوفوكيز"))
WORDS = {
    "the": "",
    "of": "",
    "and": "و",
    "in": "في",
    "to": "إلى",
    "met": "التقى",
    "said": "قال",
    "with": "مع",
    "army": "الجيش",
    "city": "المدينة",
    "talks": "المحادثات",
    "on": "على",
    "a": "",
    "was": "كان",
    "is": "",
    "that": "أن",
    "by": "من قبل",
    "from": "من",
    "for": "من أجل",
}
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def transliterate(word: str) -> str:
    """A naive English→Arabic letter map (how an untrained system spells an unknown name)."""
    lower = word.lower().replace("’", "'")
    if lower.startswith(("al-", "el-")):
        return "ال" + transliterate(word[3:])
    out, i = [], 0
    while i < len(lower):
        pair = lower[i : i + 2]
        if pair in DIGRAPHS:
            out.append(DIGRAPHS[pair])
            i += 2
            continue
        ch = lower[i]
        out.append(LETTERS.get(ch, "" if ch in "-'" else ch))
        i += 1
    return "".join(out)


def word_for(token: str) -> str:
    if token.lower() in WORDS:
        return WORDS[token.lower()]
    if token[0].isalpha():
        return transliterate(token)
    return {",": "،", "?": "؟", ";": "؛"}.get(token, token)


class _Base:
    model_name = "fake"
    model_version = "0"
    model_checksum = ""

    def __init__(self, options=None) -> None:
        self.calls: list[list[str]] = []

    def translate_batch(self, texts: list[str]) -> list[str]:
        self.calls.append(list(texts))
        return [self.one(t) for t in texts]

    def one(self, text: str) -> str:
        rng = random.Random(zlib.crc32(text.encode("utf-8")))
        out = []
        for token in TOKEN.findall(text):
            if PLACEHOLDER.match(token):
                out.extend(self.placeholder(token, rng))
            else:
                word = word_for(token)
                if word:
                    out.append(word)
        return " ".join(out)

    def placeholder(self, token: str, rng: random.Random) -> list[str]:
        return [token]


class UpperEngine(_Base):
    """Not Arabic at all: upper-cases the input (for plugin tests)."""

    name = "upper"

    def one(self, text: str) -> str:
        return text.upper()


class MumbleEngine(_Base):
    """Loses everything: every sentence becomes the same word."""

    name = "mumble"

    def one(self, text: str) -> str:
        return "كلام"


class PseudoArabicEngine(_Base):
    """Keeps every placeholder as it is."""

    name = "pseudo"


class DropEngine(_Base):
    """Drops each placeholder with a fixed probability (seeded by the text)."""

    name = "drop"

    def __init__(self, options=None, rate: float = 0.2) -> None:
        super().__init__(options)
        self.rate = rate

    def placeholder(self, token, rng):
        return [] if rng.random() < self.rate else [token]


class DuplicateEngine(_Base):
    name = "duplicate"

    def placeholder(self, token, rng):
        return [token, token]


class ReorderEngine(_Base):
    """Writes the words in reverse order (placeholders move)."""

    name = "reorder"

    def one(self, text):
        return " ".join(reversed(super().one(text).split()))


class DecorateEngine(_Base):
    """Glues proclitics on, writes Arabic-Indic digits, pads brackets with spaces."""

    name = "decorate"

    def placeholder(self, token, rng):
        m = PLACEHOLDER.match(token)
        n = (m.group(1) or m.group(2) or m.group(3)).translate(ARABIC_INDIC)
        glue = rng.choice(["و", "ل", "ب", "وب", "ال", ""])
        if m.group(1):
            return [f"{glue}[ {n} ]"]
        return [f"{glue}ZX{n}" if m.group(2) else f"{glue}{{ {n} }}"]


class IgnoreEngine(DropEngine):
    """Ignores placeholders altogether and spells every name its own way."""

    name = "ignore"

    def __init__(self, options=None) -> None:
        super().__init__(options, rate=1.0)


def drop20(options=None):
    return DropEngine(options, rate=0.2)


class SurrogateEngine(_Base):
    """Answers with half of a broken emoji: text no document can store."""

    name = "surrogate"

    def one(self, text: str) -> str:
        return "كلام \ud83d"


class DriverOnlyEngine(PseudoArabicEngine):
    """Loads in the process named by BILINGUAL_TEST_DRIVER_PID only: a worker elsewhere (a Ray actor
    on a node without the model) fails to load it, as a real engine does."""

    def __init__(self, options=None) -> None:
        import os

        from bilingual.errors import ModelError

        if str(os.getpid()) != os.environ.get("BILINGUAL_TEST_DRIVER_PID"):
            raise ModelError("no installed en→ar model is named 'stand-in' on this node")
        super().__init__(options)
