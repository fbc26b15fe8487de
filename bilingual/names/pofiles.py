"""The glossary's PO files: the comment codec, fast readers for what editors' tools write, and polib.

One entry per English form: ``msgid`` the English, ``msgstr`` the Arabic, ``msgctxt`` the
kind (person, place, org, other). Translator comments hold notes, and three structured lines:

    # forbidden: حفطر, هفتر        known wrong spellings the check flags
    # variant-of: Khalifa Haftar    this form is a variant of another entry's name
    # source: Al-Ahram Weekly style guide

Flags: ``fuzzy`` and ``no-translate``. Two readers cover the subset polib and Poedit write
(one regular-expression pass over a whole file, then a block tokenizer); anything else goes
to polib, which also reports syntax errors with their line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bilingual.errors import BilingualError, GlossaryError
from bilingual.i18n import _
from bilingual.names.entry import ENTRY_DEFAULTS, NO_TRANSLATE_FLAG, Entry, normalize_key
from bilingual.names.potext import check_po_syntax, split_comment_breaks

_FIELD = re.compile(r"^(forbidden|variant-of|source)\s*:\s*(.*)$", re.IGNORECASE)
MAX_PO_BYTES = 64 << 20  # a glossary file of 300,000 names is about 30 MB
_POLIB_LINE = re.compile(r"\(line (\d+)\)")


def parse_comment(tcomment: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    if ":" not in (tcomment or ""):
        return (tcomment or "").strip(), (), "", ()
    notes: list[str] = []
    forbidden: list[str] = []
    variant_of = ""
    sources: list[str] = []
    for line in (tcomment or "").splitlines():
        m = _FIELD.match(line.strip())
        if not m:
            notes.append(line)
            continue
        name, value = m.group(1).lower(), m.group(2).strip()
        if name == "forbidden":
            forbidden.extend(v.strip() for v in re.split(r"[,،]", value) if v.strip())
        elif name == "variant-of":
            variant_of = value
        else:
            sources.append(value)
    return "\n".join(notes).strip(), tuple(forbidden), variant_of, tuple(sources)


def compose_comment(entry: Entry) -> str:
    lines = [entry.notes] if entry.notes else []
    if entry.forbidden:
        lines.append("forbidden: " + ", ".join(entry.forbidden))
    if entry.variant_of:
        lines.append("variant-of: " + entry.variant_of)
    lines.extend("source: " + s for s in entry.sources)
    return "\n".join(lines)


def polib_from_text(text: str, *, path: str | Path, error: type[BilingualError] = GlossaryError) -> Any:
    """Parse PO *text* with polib, never letting polib take the text for a file name.

    ``polib.pofile(s)`` opens *s* as a file when a file of that name exists, so a PO file
    whose content is ``/etc/passwd`` would read that file instead. A leading newline makes the
    string no existing path; line numbers are moved back by one.
    """
    import polib

    check_po_syntax(text, path=path, error=error)
    try:
        po = polib.pofile("\n" + text, encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError) as exc:  # polib reports syntax errors as OSError ("... (line N)")
        found = _POLIB_LINE.search(str(exc))
        message = str(exc).split(" (line")[0].strip() or "unreadable PO file"
        raise error(
            _("malformed PO file: {problem}").format(problem=message),
            path=path,
            line=int(found.group(1)) - 1 if found else None,
            hint=_("fix the line shown, or open the file in Poedit"),
        ) from exc
    for entry in po:
        entry.linenum = max(1, entry.linenum - 1)
    return po


def pofile_at(path: Path) -> Any:
    """The PO file at *path* parsed by polib (for editing)."""
    return polib_from_text(read_po_text(path), path=path)


def read_po_text(path: Path) -> str:
    """A PO file's text: UTF-8, line endings normalised; unreadable files are a GlossaryError."""
    from bilingual.encoding import decode_utf8
    from bilingual.fsutil import read_limited

    data = read_limited(path, limit=MAX_PO_BYTES, error=GlossaryError, hint=_("split the glossary into smaller files"))
    text = decode_utf8(data, path=str(path), error=GlossaryError, hint=_("save the PO file as UTF-8"))
    return split_comment_breaks(text.replace("\r\n", "\n"))


_ESCAPES = re.compile(r"\\(.)")
_ESCAPE_MAP = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unquote(literal: str) -> str:
    body = literal.strip()
    if len(body) < 2 or body[0] != '"' or body[-1] != '"':
        raise ValueError(literal)
    body = body[1:-1]
    return _ESCAPES.sub(lambda m: _ESCAPE_MAP.get(m.group(1), m.group(1)), body) if "\\" in body else body


_STR = r'"((?:[^"\\\n]|\\.)*)"'
# One entry as polib writes it when every string fits on one line: comments, flags, context, id, str.
_SIMPLE_BLOCK = re.compile(
    r"((?:# [^\n]*\n|#\n)*)(?:#\. [^\n]*\n|#: [^\n]*\n)*(?:#, ([^\n]*)\n)?"
    r"(?:msgctxt " + _STR + r"\n)?msgid " + _STR + r"\nmsgstr " + _STR
)


def _simple_fields(m: re.Match) -> tuple[str, str | None, str, str, str]:
    comment_lines = m.group(1)
    comment = (
        "\n".join(line[2:] if line.startswith("# ") else line[1:] for line in comment_lines.split("\n") if line)
        if comment_lines
        else ""
    )
    ctx, msgid, msgstr = m.group(3), m.group(4), m.group(5)
    unq = lambda v: _ESCAPES.sub(lambda e: _ESCAPE_MAP.get(e.group(1), e.group(1)), v) if v and "\\" in v else v
    return comment, unq(ctx), unq(msgid), unq(msgstr), m.group(2) or ""


def _syntax(message: str, path: Path, line: int) -> GlossaryError:
    return GlossaryError(
        _("malformed PO file: {problem}").format(problem=message),
        path=path,
        line=line,
        hint=_("fix the line shown, or open the file in Poedit"),
    )


def _unquote_at(literal: str, path: Path, line: int) -> str:
    try:
        return _unquote(literal)
    except ValueError:
        raise _syntax("a string is not closed with a double quote", path, line) from None


_Q = r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'
# A whole file of entries as polib writes them when every string fits on one line.
_SIMPLE_ENTRY = re.compile(r"(?m)^((?:#[^\n]*\n)*)(?:msgctxt " + _Q + r"\n)?msgid " + _Q + r"\nmsgstr " + _Q + "$")


def _unescape(value: str | None) -> str | None:
    if value and "\\" in value:
        return _ESCAPES.sub(lambda e: _ESCAPE_MAP.get(e.group(1), e.group(1)), value)
    return value


def _whole_file_entries(path: Path, text: str) -> list[Entry] | None:
    """One regular-expression pass over a file made only of simple entries; None otherwise."""
    body_start = 0
    if text.startswith(("#", 'msgid ""')) and 'msgid ""\nmsgstr ""' in text[:2000]:
        end = text.find("\n\n")
        body_start = len(text) if end < 0 else end + 2
    entries = []
    pos = body_start
    line = text.count("\n", 0, body_start) + 1
    file = str(path)
    new, defaults, entry_dict = object.__new__, ENTRY_DEFAULTS, None
    for m in _SIMPLE_ENTRY.finditer(text, body_start):
        start = m.start()
        if start != pos:
            gap = text[pos:start]
            if gap.strip():
                return None
            line += gap.count("\n")
        hashes, ctx, msgid, msgstr = m.groups()
        notes, variant_of, flags = "", "", ""
        forbidden: tuple[str, ...] = ()
        sources: tuple[str, ...] = ()
        if hashes:
            comments = []
            for c in hashes.split("\n"):
                if c.startswith("#,"):
                    flags = c
                elif c.startswith(("#~", "#|")):
                    return None
                elif c and not c.startswith(("#.", "#:")):
                    comments.append(c[2:] if c.startswith("# ") else c[1:])
            if comments:
                notes, forbidden, variant_of, sources = parse_comment("\n".join(comments))
        entry = new(Entry)
        entry_dict = entry.__dict__
        entry_dict.update(defaults)
        english = _unescape(msgid) or ""
        entry_dict["key"] = normalize_key(english)  # fills the cached property up front (hot path)
        entry_dict.update(
            english=english,
            arabic=_unescape(msgstr) if "\\" in msgstr else msgstr,
            kind=(_unescape(ctx) if "\\" in ctx else ctx) if ctx else "other",
            notes=notes,
            forbidden=forbidden,
            variant_of=variant_of,
            sources=sources,
            fuzzy="fuzzy" in flags,
            no_translate=NO_TRANSLATE_FLAG in flags,
            file=file,
            line=line,
        )
        entries.append(entry)
        line += m.group().count("\n")
        pos = m.end()
    if text[pos:].strip():
        return None
    return entries


def _block_tokens(lines: list[str], path: Path, start_line: int) -> tuple[list[str], list[str], dict[str, str]] | None:
    """(comments, flags, keyword → string) of one entry's lines; None for what polib must read."""
    comments: list[str] = []
    flags: list[str] = []
    fields: dict[str, str] = {}
    current = None
    for offset, line in enumerate(lines):
        if not line:
            continue
        if line.startswith("#"):
            if line.startswith(("#~", "#|")):
                return None
            if line.startswith("#,"):
                flags.extend(f.strip() for f in line[2:].split(","))
            elif not line.startswith(("#.", "#:")):
                comments.append(line[2:] if line.startswith("# ") else line[1:])
            current = None
            continue
        where = start_line + offset
        if line.startswith('"'):
            if current is None:
                raise _syntax("a string outside any msgid or msgstr", path, where)
            fields[current] += _unquote_at(line, path, where)
            continue
        keyword, _sep, literal = line.partition(" ")
        if keyword.startswith(("msgid_plural", "msgstr[")):
            return None  # plural entries: polib reads them
        if keyword not in ("msgctxt", "msgid", "msgstr"):
            raise _syntax(f"unknown keyword {keyword[:20]!r}", path, where)
        current = keyword
        fields[keyword] = _unquote_at(literal, path, where)
    return comments, flags, fields


def _fast_entries(path: Path, text: str) -> list[Entry] | None:
    """Read the PO subset that polib and Poedit write for a glossary, quickly.

    Returns None on anything outside that subset (plural forms, obsolete or previous
    entries, odd syntax): the caller then parses with polib, which also reports errors.
    """
    entries = []
    line_no = 1
    for block in text.split("\n\n"):
        lines = block.split("\n")
        start_line = line_no
        line_no += len(lines) + 1
        while lines and not lines[0]:
            lines.pop(0)
            start_line += 1
        simple = _SIMPLE_BLOCK.fullmatch("\n".join(lines))
        if simple is not None:
            comment, ctx, msgid, msgstr, flag_line = _simple_fields(simple)
            if msgid == "" and ctx is None:
                continue  # the header
            flags = flag_line.split(", ") if flag_line else ()
            entries.append(_entry(msgid, msgstr, ctx, comment, flags, path, start_line))
            continue
        tokens = _block_tokens(lines, path, start_line)
        if tokens is None:
            return None
        comments, flags, fields = tokens
        if "msgid" not in fields:
            if fields or flags:
                return None
            continue
        if fields["msgid"] == "" and "msgctxt" not in fields:
            continue  # the header
        if "msgstr" not in fields:
            return None
        comment = "\n".join(comments)
        entries.append(
            _entry(fields["msgid"], fields["msgstr"], fields.get("msgctxt"), comment, flags, path, start_line)
        )
    return entries


def _entry(msgid: str, msgstr: str, ctx: str | None, comment: str, flags: Sequence[str], path: Path,
           line: int) -> Entry:  # fmt: skip
    """An entry from a PO entry's parts, as both fast readers find them."""
    notes, forbidden, variant_of, sources = parse_comment(comment)
    return Entry(msgid, msgstr, ctx or "other", notes, forbidden, variant_of, sources, "fuzzy" in flags,
                 NO_TRANSLATE_FLAG in flags, str(path), line)  # fmt: skip


def entries_from_po(path: Path) -> list[Entry]:
    """The glossary entries of one PO file (fast path first, polib for everything else)."""
    text = read_po_text(path)
    check_po_syntax(text, path=path)
    fast = _whole_file_entries(path, text)
    if fast is None:
        fast = _fast_entries(path, text)
    if fast is not None:
        return fast
    return _entries_with_polib(path, text)


def _entries_with_polib(path: Path, text: str) -> list[Entry]:
    entries = []
    for po_entry in polib_from_text(text, path=path):
        if po_entry.obsolete:
            continue
        notes, forbidden, variant_of, sources = parse_comment(po_entry.tcomment)
        entries.append(
            Entry(
                english=po_entry.msgid,
                arabic=po_entry.msgstr,
                kind=po_entry.msgctxt or "other",
                notes=notes,
                forbidden=forbidden,
                variant_of=variant_of,
                sources=sources,
                fuzzy="fuzzy" in po_entry.flags,
                no_translate=NO_TRANSLATE_FLAG in po_entry.flags,
                file=str(path),
                line=po_entry.linenum,
            )
        )
    return entries


def po_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.po"))
    if path.is_file():
        return [path]
    raise GlossaryError(_("no such glossary file or folder"), path=path)


# --- writing ------------------------------------------------------------------------------------

PO_HEADER = {
    "Project-Id-Version": "bilingual names glossary",
    "PO-Revision-Date": "",
    "Last-Translator": "newsroom editors",
    "Language-Team": "Arabic desk",
    "Language": "ar",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);",
}


def new_pofile(path: Path) -> Any:
    import polib

    from bilingual import __version__

    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(PO_HEADER, **{"X-Generator": f"bilingual {__version__}"})
    po.header = "Names glossary: English form → Arabic spelling. Edit with Poedit or `bilingual glossary`."
    po.fpath = str(path)
    return po


def store_entry(po_entry: Any, entry: Entry) -> None:
    """Write *entry*'s fields into a polib entry (comment lines and flags included)."""
    po_entry.msgid = entry.english
    po_entry.msgstr = entry.arabic
    po_entry.msgctxt = entry.kind
    po_entry.tcomment = compose_comment(entry)
    flags = [f for f in po_entry.flags if f not in ("fuzzy", NO_TRANSLATE_FLAG)]
    if entry.fuzzy:
        flags.append("fuzzy")
    if entry.no_translate:
        flags.append(NO_TRANSLATE_FLAG)
    po_entry.flags = flags
