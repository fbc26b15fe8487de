"""Typography: the post-edit applied to Arabic text before it is published.

Two steps: :func:`typeset_inline` changes one character for one (offsets of term spans stay
valid); :func:`typeset_piece` works on one laid-out piece and may change its length.
"""

from __future__ import annotations

import re

LRI, PDI = "\u2066", "\u2069"
_TO_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_TO_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_AR = "\u0600-\u06ff"
# A run of Latin words, numbers among them kept whole: "1,200" and "3.5%" inside the run, or the
# isolate would end at the comma and the number display as "200,… 1".
_LATIN_WORD = r"[A-Za-z0-9][A-Za-z0-9'’.\-]*(?:,[0-9][0-9.]*)*%?"
_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9'’.\-]*(?:,[0-9][0-9.]*)*%?(?:[ ]+" + _LATIN_WORD + ")*")
_ISOLATE = re.compile(f"{LRI}[^{PDI}]*{PDI}")


def typeset_inline(text: str, *, digits: str = "western") -> str:
    """Length-preserving typography over a whole target: punctuation, quotes, digits.

    Each change replaces one character with one, so offsets (term spans) stay valid.
    ``,`` ``;`` ``?`` in Arabic context become ، ؛ ؟ (not between digits: 1,000 stays);
    straight and English curly double quotes become « »; digits become western, or
    Arabic-Indic with ``digits="arabic-indic"``, with the Arabic separators and percent sign
    (١٬٢٠٠, ٣٫٥٪) — never inside bidi-isolated Latin text.
    """
    chars = list(text)
    isolated = [False] * len(chars)
    for m in _ISOLATE.finditer(text):
        for i in range(m.start(), m.end()):
            isolated[i] = True
    opening = True
    for i, ch in enumerate(chars):
        if isolated[i]:
            continue
        prev = chars[i - 1] if i else ""
        nxt = chars[i + 1] if i + 1 < len(chars) else ""
        between_digits = prev.isdigit() and nxt.isdigit()
        if digits == "arabic-indic" and between_digits and ch in ",.":
            chars[i] = "٬" if ch == "," else "٫"  # Arabic thousands and decimal separators (U+066C, U+066B)
        elif digits == "arabic-indic" and ch == "%" and prev.isdigit():
            chars[i] = "٪"  # U+066A ARABIC PERCENT SIGN
        elif ch == "," and not between_digits:
            chars[i] = "،"
        elif ch == ";":
            chars[i] = "؛"
        elif ch == "?":
            chars[i] = "؟"
        elif ch in '"“”':
            chars[i] = "«" if (ch == "“" or (ch == '"' and opening)) else "»"
            opening = chars[i] == "»"
        elif ch.isdigit():
            chars[i] = ch.translate(_TO_ARABIC_INDIC if digits == "arabic-indic" else _TO_WESTERN)
    return "".join(chars)


def typeset_piece(text: str) -> str:
    """Changes that move offsets, applied to one piece: doubled marks, stray spaces, Latin isolates.

    Machine translation emits "؟?" and "??": one Arabic question mark stays. A space before
    ، ؛ ؟ ! . : is removed. Latin words are wrapped in bidi isolates (LRI … PDI) so they
    keep their order inside right-to-left text.
    """
    text = re.sub(r"[؟?]{2,}", "؟", text)
    text = re.sub(r"[،,]{2,}", "،", text)
    text = re.sub(r"[ \t]+([،؛؟!.:»])", r"\1", text)
    text = re.sub(r"(«)[ \t]+", r"\1", text)
    out, pos = [], 0
    for m in _ISOLATE.finditer(text):
        out.append(_LATIN_RUN.sub(lambda r: f"{LRI}{r.group()}{PDI}", text[pos : m.start()]))
        out.append(m.group())
        pos = m.end()
    out.append(_LATIN_RUN.sub(lambda r: f"{LRI}{r.group()}{PDI}", text[pos:]))
    return "".join(out)


# --- direction controls: never let the text reorder the page --------------------------------------

EMBEDDINGS = re.compile("[\u202a-\u202e]")  # LRE RLE PDF LRO RLO: deprecated, and how "Trojan source" works
ISOLATE_OPEN, ISOLATE_CLOSE = "\u2066\u2067\u2068", "\u2069"
DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def neutralise_bidi(text: str) -> str:
    """*text* with embeddings and overrides removed and isolates balanced, so it cannot reorder what
    surrounds it. Our own isolates (a no-translate name in LRI … PDI) are balanced and stay."""
    if not DIRECTION_CONTROLS.search(text):
        return text
    text = EMBEDDINGS.sub("", text)
    out: list[str] = []
    depth = 0
    for ch in text:
        if ch in ISOLATE_OPEN:
            depth += 1
        elif ch == ISOLATE_CLOSE:
            if depth == 0:
                continue  # a close with nothing open
            depth -= 1
        out.append(ch)
    if depth:
        out.extend(ISOLATE_CLOSE * depth)  # close what the text left open, inside its own piece
    return "".join(out)
