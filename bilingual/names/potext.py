"""A PO file as text: the syntax ``msgfmt -c`` holds to, and the repairs of comments other tools break.

Both run before any parser sees the text: polib accepts an unterminated string or a NUL (and
stores the text cut short), and takes a CR inside a comment for the end of a line.
"""

from __future__ import annotations

import re
from pathlib import Path

from bilingual.errors import BilingualError, GlossaryError
from bilingual.i18n import _

_PO_STRING = r'"(?:[^"\\\n]|\\(?:[\\"\'?abfnrtv]|[0-7]{1,3}|x[0-9A-Fa-f]+))*"'
_PO_LINE = re.compile(
    r"[ \t]*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)[ \t]+"
    + _PO_STRING
    + r"|"
    + _PO_STRING
    + r")?[ \t]*\r?"
)
_NUL_ESCAPE = re.compile(r"\\(?:0{1,3}(?![0-7])|x0+(?![0-9A-Fa-f]))")


def check_po_syntax(text: str, *, path: str | Path, error: type[BilingualError] = GlossaryError) -> None:
    """Refuse what ``msgfmt -c`` refuses, line by line: unterminated strings, bad escapes, NUL characters.

    polib accepts an unterminated string (and stores it cut short) and a NUL (which truncates it);
    an editor's file is never half-read.
    """
    for number, line in enumerate(text.split("\n"), start=1):
        if "\x00" in line or _NUL_ESCAPE.search(line.split("#", 1)[0] if line.lstrip().startswith("#") else line):
            raise error(
                _("malformed PO file: {problem}").format(problem="a NUL character"),
                path=path,
                line=number,
                hint=_("fix the line shown, or open the file in Poedit"),
            )
        if not _PO_LINE.fullmatch(line):
            raise error(
                _("malformed PO file: {problem}").format(
                    problem="not a comment, keyword or complete string (an unterminated string or a bad escape?)"
                ),
                path=path,
                line=number,
                hint=_("fix the line shown, or open the file in Poedit"),
            )


_COMMENT_BREAKS = re.compile("[\r\v\f\x85\u2028\u2029]")
_COMMENT_MARK = re.compile(r"#[.:,|~]? ?")
_COMMENT_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")


def split_comment_breaks(text: str) -> str:
    """A comment line cut by a line break other than LF (CR, VT, FF, NEL, LS, PS) goes on as another
    comment line of its kind: polib takes those breaks for the end of a line, so one such note made
    every later edit of the file fail as malformed while reading it still worked."""
    if not _COMMENT_BREAKS.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        mark = _COMMENT_MARK.match(line)
        if mark is None or not _COMMENT_BREAKS.search(line):
            lines.append(line)
            continue
        first, *rest = _COMMENT_BREAKS.split(line)
        lines.append(first)
        lines.extend(mark.group(0) + part for part in rest)
    return "\n".join(lines)


def repair_po_text(text: str) -> tuple[str, list[int]]:
    """*text* with control characters (NUL …) removed from comment lines and their other line breaks
    made comment lines; the numbers of the lines repaired (for ``glossary check --fix``)."""
    repaired, lines = [], []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        if line.startswith("#") and (_COMMENT_CONTROL.search(line) or _COMMENT_BREAKS.search(line)):
            line = split_comment_breaks(_COMMENT_CONTROL.sub("", line))
            lines.append(number)
        repaired.append(line)
    return "\n".join(repaired), lines
