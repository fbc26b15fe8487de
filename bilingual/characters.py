"""The character policy: which characters a name, its Arabic spelling or an editor's note may hold.

One policy, from Unicode properties rather than a list of bad characters. A glossary entry is matched
against text editors type and read, so what nobody sees (or sees as something else) is refused by
name: controls, direction controls, format characters (tags, deprecated format characters,
interlinear annotations, zero-width characters, the byte-order mark), variation selectors and the
other default-ignorable code points, blanks that are not spaces (Hangul fillers, the braille blank),
private-use, unassigned and surrogate code points. Letters are held to the side's expected script:
Latin on the English side, Arabic on the Arabic side (Latin when the entry is ``no-translate``), so a
Cyrillic "а" in "Haftаr" (mixed) and a name written wholly in look-alike Cyrillic letters
(whole-script) are both named. A note is free text: there, emoji sequences keep their joiners and
presentation selectors, line breaks and tabs are text, and any script is welcome.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bilingual.i18n import _

# Letters of other scripts that look like Latin ones: what ``glossary check --fix`` can turn back.
CONFUSABLES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧοναρ",
    "aeopcyxijsdqwABEKMHOPCTXIJSABEZHIKMNOPTYXovap",
)

# Characters that are a name's or a spelling's ordinary stuff: checked with one regular expression, so
# a glossary of thousands of entries is not looked at character by character.
_PLAIN = re.compile(
    r"[ -~\u00c0-\u024f\u2018\u2019\u2010\u2013\u060c\u0621-\u065f\u0660-\u0669\u0670-\u06d3\u06fa-\u06ff]*"
)

# Unicode's Deprecated property (PropList.txt); unicodedata does not carry it.
_DEPRECATED = frozenset([0x149, 0x673, 0xF77, 0xF79, 0x17A3, 0x17A4, *range(0x206A, 0x2070), 0x2329, 0x232A, 0xE0001])
# Other_Default_Ignorable_Code_Point and Variation_Selector that are not format characters.
_VARIATION = ((0xFE00, 0xFE0F), (0xE0100, 0xE01EF), (0x180B, 0x180D), (0x180F, 0x180F))
_BLANKS = frozenset([0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x17B4, 0x17B5, 0x034F])
_BIDI_CONTROLS = frozenset([0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Prepended concatenation marks (the Arabic number sign …): format characters that are visible text.
_PREPENDED = frozenset([*range(0x0600, 0x0606), 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD])


@lru_cache(maxsize=4096)
def hidden_class(char: str) -> str | None:
    """What is wrong with *char* in a name or a spelling, as words for a message; None when it is fine.

    Ordered from the most specific property to the most general, so the message names the class an
    editor can look up (a tag character, not just "a format character")."""
    code = ord(char)
    category = unicodedata.category(char)
    if category == "Cc":
        return _("a control character")
    if code in _BIDI_CONTROLS:
        return _("a direction (bidi) control")
    if 0xE0000 <= code <= 0xE007F:
        return _("a tag character")
    if any(lo <= code <= hi for lo, hi in _VARIATION):
        return _("a variation selector")
    if code in _DEPRECATED:
        return _("a deprecated character")
    if 0xFFF9 <= code <= 0xFFFB:
        return _("an interlinear annotation character")
    if category == "Cf" and code not in _PREPENDED:
        return _("an invisible format character")
    if code in _BLANKS:
        return _("a blank that is not a space")
    if category == "Zs" and char != " ":
        return _("a space other than the plain space")
    if category in ("Zl", "Zp"):
        return _("a line or paragraph separator")
    if category == "Co":
        return _("a private-use character")
    if category == "Cs":
        return _("a lone surrogate")
    if category == "Cn":
        return _("an unassigned code point")
    return None


def _note_allows(text: str, at: int) -> bool:
    """Whether the character at *at* of a note is text there: line breaks and tabs, and the joiners and
    presentation selectors of an emoji sequence (next to a symbol)."""
    char = text[at]
    if char in "\n\t":
        return True
    if char in "\u200d\ufe0e\ufe0f" or 0x1F3FB <= ord(char) <= 0x1F3FF:
        before = text[at - 1] if at else ""
        return bool(before) and (unicodedata.category(before) == "So" or before in "\u200d\ufe0f")
    return False


def script_of(char: str) -> str:
    """The script of a letter (LATIN, ARABIC, CYRILLIC …), from its Unicode name; '' for other characters."""
    return unicodedata.name(char, "").split(" ", 1)[0] if char.isalpha() else ""


def problems(text: str, *, script: str | None = None, note: bool = False) -> list[tuple[str, str]]:
    """Each offending character of *text* once, with what is wrong with it, in order.

    *script* is the script the side's letters are expected in (``LATIN``, ``ARABIC``); a letter of
    another script is named ("a CYRILLIC letter among LATIN ones"). *note*: free text (see module).
    """
    if _PLAIN.fullmatch(text) and (script != "ARABIC" or not re.search("[A-Za-z\u00c0-\u024f]", text)):
        return []
    found: dict[str, str] = {}
    for at, char in enumerate(text):
        if char in found:
            continue
        why = hidden_class(char)
        if why is not None and not (note and _note_allows(text, at)):
            found[char] = why
        elif why is None and script and not note and char.isalpha() and (got := script_of(char)) != script:
            found[char] = _("a {got} letter among {script} ones").format(got=got or "?", script=script)
    return list(found.items())


def describe(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``: how a message names a character nobody can see."""
    name = unicodedata.name(char, "") or _CONTROL_NAMES.get(ord(char), "CONTROL CHARACTER")
    return f"U+{ord(char):04X} {name}"


_CONTROL_NAMES = {0x00: "NULL", 0x07: "BELL", 0x08: "BACKSPACE", 0x09: "CHARACTER TABULATION", 0x0A: "LINE FEED",
                  0x0B: "LINE TABULATION", 0x0C: "FORM FEED", 0x0D: "CARRIAGE RETURN", 0x1B: "ESCAPE", 0x7F: "DELETE",
                  0x85: "NEXT LINE"}  # fmt: skip


def repaired(text: str, *, script: str | None = None, note: bool = False) -> str:
    """*text* with what :func:`problems` finds repaired where a repair is sure: hidden characters removed
    (other spaces become the plain space), look-alike letters in a Latin text made Latin. A letter of
    another script with no Latin look-alike stays for the editor to decide."""
    out = []
    for at, char in enumerate(text):
        why = hidden_class(char)
        if why is None or (note and _note_allows(text, at)):
            out.append(char)
        elif unicodedata.category(char) in ("Zs", "Zl", "Zp"):
            out.append(" ")
    fixed = "".join(out)
    if script == "LATIN" and not note:
        fixed = fixed.translate(CONFUSABLES)
    return fixed
