"""The names glossary: PO files that editors own, loaded, validated and edited safely.

One entry per English form: ``msgid`` the English, ``msgstr`` the Arabic, ``msgctxt`` the
kind (person, place, org, other). Translator comments hold notes, and three structured lines:

    # forbidden: حفطر, هفتر        known wrong spellings the check flags
    # variant-of: Khalifa Haftar    this form is a variant of another entry's name
    # source: Al-Ahram Weekly style guide

Flags: ``fuzzy`` (not reviewed: not enforced until an editor clears it) and ``no-translate``
(kept in Latin script, wrapped in bidi isolates). Validation follows DeepL's glossary rules:
no duplicates, no empty sides, no control characters or edge whitespace, length bounds.
"""

from __future__ import annotations

import hashlib
import operator
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from bilingual.i18n import _
from bilingual.errors import BilingualError, GlossaryError

KINDS = ("person", "place", "org", "other")
KIND_FILES = {"person": "people.po", "place": "places.po", "org": "organisations.po", "other": "other.po"}
MAX_TERM_CHARS = 200
NO_TRANSLATE_FLAG = "no-translate"
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
ARABIC_LETTER = re.compile("[\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff]")
LATIN_LETTER = re.compile("[A-Za-z\u00c0-\u024f]")
_BAD_CHARS = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
_FIELD = re.compile(r"^(forbidden|variant-of|source)\s*:\s*(.*)$", re.IGNORECASE)
_POLIB_LINE = re.compile(r"\(line (\d+)\)")


@dataclass(frozen=True)
class Entry:
    english: str
    arabic: str
    kind: str = "person"
    notes: str = ""
    forbidden: tuple[str, ...] = ()
    variant_of: str = ""
    sources: tuple[str, ...] = ()
    fuzzy: bool = False
    no_translate: bool = False
    file: str = ""
    line: int | None = None

    @cached_property
    def key(self) -> str:
        return normalize_key(self.english)

    @property
    def rendering(self) -> str:
        """What goes into the Arabic text: the Arabic, or the Latin form in bidi isolates."""
        return f"\u2066{self.arabic}\u2069" if self.no_translate else self.arabic


_ENTRY_DEFAULTS = {"kind": "person", "notes": "", "forbidden": (), "variant_of": "", "sources": (),
                   "fuzzy": False, "no_translate": False, "file": "", "line": None}


@dataclass(frozen=True)
class Finding:
    severity: str  # "error" | "warning"
    message: str
    file: str = ""
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}: " if self.file and self.line else (f"{self.file}: " if self.file else "")
        return f"{where}{self.severity}: {self.message}"


_KEY_FOLD = str.maketrans({"’": "'", "-": " ", "‐": " ", "‑": " ", "–": " "})


def normalize_key(english: str) -> str:
    """Case-, hyphen- and space-insensitive key of an English form (what matching compares)."""
    if not english.isascii():
        english = unicodedata.normalize("NFC", english)
    return " ".join(english.translate(_KEY_FOLD).split()).casefold()


# --- reading ------------------------------------------------------------------------------------

def _parse_comment(tcomment: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]]:
    if ":" not in (tcomment or ""):
        return (tcomment or "").strip(), (), "", ()
    notes, forbidden, variant_of, sources = [], [], "", []
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


def _compose_comment(entry: Entry) -> str:
    lines = [entry.notes] if entry.notes else []
    if entry.forbidden:
        lines.append("forbidden: " + ", ".join(entry.forbidden))
    if entry.variant_of:
        lines.append("variant-of: " + entry.variant_of)
    lines.extend("source: " + s for s in entry.sources)
    return "\n".join(lines)


def _pofile(path: Path):
    import polib

    try:
        return polib.pofile(str(path), encoding="utf-8", wrapwidth=78)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        line = _POLIB_LINE.search(str(exc))
        message = str(exc).split(" (line")[0].replace(str(path), "").strip() or "unreadable PO file"
        raise GlossaryError(f"malformed PO file: {message}", path=path,
                            line=int(line.group(1)) if line else None,
                            hint="fix the line shown, or open the file in Poedit") from exc


_ESCAPES = re.compile(r'\\(.)')
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
    r"(?:msgctxt " + _STR + r"\n)?msgid " + _STR + r"\nmsgstr " + _STR)


def _simple_fields(m: re.Match) -> tuple[str, str | None, str, str, str]:
    comment_lines = m.group(1)
    comment = "\n".join(line[2:] if line.startswith("# ") else line[1:]
                         for line in comment_lines.split("\n") if line) if comment_lines else ""
    ctx, msgid, msgstr = m.group(3), m.group(4), m.group(5)
    unq = (lambda v: _ESCAPES.sub(lambda e: _ESCAPE_MAP.get(e.group(1), e.group(1)), v) if v and "\\" in v else v)
    return comment, unq(ctx), unq(msgid), unq(msgstr), m.group(2) or ""


def _syntax(message: str, path: Path, line: int) -> GlossaryError:
    return GlossaryError(_("malformed PO file: {problem}").format(problem=message), path=path, line=line,
                         hint=_("fix the line shown, or open the file in Poedit"))


def _unquote_at(literal: str, path: Path, line: int) -> str:
    try:
        return _unquote(literal)
    except ValueError:
        raise _syntax("a string is not closed with a double quote", path, line) from None


_Q = r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"'
# A whole file of entries as polib writes them when every string fits on one line.
_SIMPLE_ENTRY = re.compile(r"(?m)^((?:#[^\n]*\n)*)(?:msgctxt " + _Q + r"\n)?msgid " + _Q + r"\nmsgstr " + _Q + "$")


def _make_entry(**fields) -> Entry:
    """Build an Entry without the frozen dataclass's per-field ``object.__setattr__`` (hot path)."""
    entry = object.__new__(Entry)
    entry.__dict__.update(_ENTRY_DEFAULTS, **fields)
    return entry


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
    new, defaults, entry_dict = object.__new__, _ENTRY_DEFAULTS, None
    for m in _SIMPLE_ENTRY.finditer(text, body_start):
        start = m.start()
        if start != pos:
            gap = text[pos:start]
            if gap.strip():
                return None
            line += gap.count("\n")
        hashes, ctx, msgid, msgstr = m.groups()
        notes, forbidden, variant_of, sources, flags = "", (), "", (), ""
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
                notes, forbidden, variant_of, sources = _parse_comment("\n".join(comments))
        entry = new(Entry)
        entry_dict = entry.__dict__
        entry_dict.update(defaults)
        english = _unescape(msgid) if "\\" in msgid else msgid
        entry_dict["key"] = normalize_key(english)  # fills the cached property up front (hot path)
        entry_dict.update(english=english, arabic=_unescape(msgstr) if "\\" in msgstr else msgstr,
                          kind=(_unescape(ctx) if "\\" in ctx else ctx) if ctx else "other",
                          notes=notes, forbidden=forbidden, variant_of=variant_of, sources=sources,
                          fuzzy="fuzzy" in flags, no_translate=NO_TRANSLATE_FLAG in flags, file=file, line=line)
        entries.append(entry)
        line += m.group().count("\n")
        pos = m.end()
    if text[pos:].strip():
        return None
    return entries


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
            notes, forbidden, variant_of, sources = _parse_comment(comment)
            flags = flag_line.split(", ") if flag_line else ()
            entries.append(Entry(
                english=msgid, arabic=msgstr, kind=ctx or "other", notes=notes, forbidden=forbidden,
                variant_of=variant_of, sources=sources, fuzzy="fuzzy" in flags,
                no_translate=NO_TRANSLATE_FLAG in flags, file=str(path), line=start_line))
            continue
        comments, flags, fields = [], [], {}
        current = None
        for offset, line in enumerate(lines):
            if not line:
                continue
            if line.startswith("#"):
                if line.startswith(("#~", "#|")):
                    return None
                if line.startswith("#,"):
                    flags.extend(f.strip() for f in line[2:].split(","))
                elif line.startswith(("#.", "#:")):
                    pass
                else:
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
        if "msgid" not in fields:
            if fields or flags:
                return None
            continue
        if fields["msgid"] == "" and "msgctxt" not in fields:
            continue  # the header
        if "msgstr" not in fields:
            return None
        notes, forbidden, variant_of, sources = _parse_comment("\n".join(comments))
        entries.append(Entry(
            english=fields["msgid"], arabic=fields["msgstr"], kind=fields.get("msgctxt") or "other",
            notes=notes, forbidden=forbidden, variant_of=variant_of, sources=sources,
            fuzzy="fuzzy" in flags, no_translate=NO_TRANSLATE_FLAG in flags, file=str(path), line=start_line))
    return entries


def entries_from_po(path: Path) -> list[Entry]:
    """The glossary entries of one PO file (fast path first, polib for everything else)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"not valid UTF-8 at byte offset {exc.start}", path=path,
                            hint="save the PO file as UTF-8") from exc
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror}", path=path) from exc
    text = text.replace("\r\n", "\n")
    fast = _whole_file_entries(path, text)
    if fast is None:
        fast = _fast_entries(path, text)
    if fast is not None:
        return fast
    return _entries_with_polib(path)


def _entries_with_polib(path: Path) -> list[Entry]:
    entries = []
    for po_entry in _pofile(path):
        if po_entry.obsolete:
            continue
        notes, forbidden, variant_of, sources = _parse_comment(po_entry.tcomment)
        entries.append(Entry(
            english=po_entry.msgid, arabic=po_entry.msgstr, kind=po_entry.msgctxt or "other",
            notes=notes, forbidden=forbidden, variant_of=variant_of, sources=sources,
            fuzzy="fuzzy" in po_entry.flags, no_translate=NO_TRANSLATE_FLAG in po_entry.flags,
            file=str(path), line=po_entry.linenum,
        ))
    return entries


def po_files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(path.glob("*.po"))
    if path.is_file():
        return [path]
    raise GlossaryError(_("no such glossary file or folder"), path=path)


# --- validation ---------------------------------------------------------------------------------

def validate_entry(entry: Entry) -> list[Finding]:
    """Rules for one entry, as DeepL applies to glossary entries, plus our script rules."""
    found: list[Finding] = []

    def err(message: str, severity: str = "error") -> None:
        found.append(Finding(severity, f"{entry.english!r}: {message}", entry.file, entry.line))  # noqa

    for is_english, text in ((True, entry.english), (False, entry.arabic)):
        if text and text == text.strip() and len(text) <= MAX_TERM_CHARS and not _BAD_CHARS.search(text):
            continue  # the common case: nothing to report on this side
        side = _("English") if is_english else _("Arabic")
        if not text.strip():
            err(_("empty {side} side").format(side=side))
            continue
        if text != text.strip():
            err(_("{side} side has leading or trailing whitespace").format(side=side))
        if CONTROL.search(text):
            err(_("{side} side holds a control character").format(side=side))
        if BIDI_CONTROLS.search(text):
            err(_("{side} side holds a stray bidi control character").format(side=side))
        if len(text) > MAX_TERM_CHARS:
            err(_("{side} side is over {n} characters").format(side=side, n=MAX_TERM_CHARS))
    if entry.kind not in KINDS:
        err(_("unknown kind {kind!r} (use one of {kinds})").format(kind=entry.kind, kinds=", ".join(KINDS)))
    if entry.arabic.strip() and not entry.no_translate:
        if LATIN_LETTER.search(entry.arabic):
            err(_("Arabic side holds Latin letters (mark the entry no-translate to keep a Latin form)"))
        elif not ARABIC_LETTER.search(entry.arabic):
            err(_("Arabic side holds no Arabic letters"))
    for wrong in entry.forbidden:
        if wrong == entry.arabic:
            err(_("forbidden form {form!r} is the entry's own spelling").format(form=wrong))
    return found


def _related(a: Entry, b: Entry) -> bool:
    """Whether two entries are variants of one name (explicitly, or surname/Al- forms)."""
    if normalize_key(a.variant_of) == b.key or normalize_key(b.variant_of) == a.key:
        return True
    if a.kind != b.kind or a.kind != "person":
        return False
    short, long_ = sorted((a, b), key=lambda e: len(e.key))
    return long_.key.endswith(" " + short.key) and " " not in short.key


def _variants_message() -> str:
    return _("variants disagree: {a!r} → {a_ar} but {b!r} → {b_ar}")


def check_entries(entries: list[Entry]) -> list[Finding]:
    """Every finding over a set of entries: per-entry rules, duplicates, conflicts, variants."""
    found: list[Finding] = []
    by_key: dict[str, Entry] = {}
    for entry in entries:
        found.extend(validate_entry(entry))
        other = by_key.get(entry.key)
        if other is not None:
            where = f"{other.file}:{other.line}" if other.file else _("another entry")
            if other.arabic == entry.arabic:
                found.append(Finding("error", _("{english!r}: duplicate of the entry at {where}").format(
                    english=entry.english, where=where), entry.file, entry.line))
            else:
                found.append(Finding("error", _("{english!r}: conflicts with the entry at {where} ({a} ≠ {b})").format(
                    english=entry.english, where=where, a=other.arabic, b=entry.arabic), entry.file, entry.line))
        else:
            by_key[entry.key] = entry
    for entry in entries:
        if entry.variant_of and normalize_key(entry.variant_of) not in by_key:
            found.append(Finding("warning", _("{english!r}: variant-of {name!r} names no entry").format(
                english=entry.english, name=entry.variant_of), entry.file, entry.line))
    # Variants that disagree: the short form's Arabic should end the long form's Arabic,
    # and explicit variants should share their Arabic.
    persons = [e for e in entries if e.kind == "person" and " " not in e.key]
    surnames = {e.key: e for e in persons}
    for entry in entries:
        if entry.kind == "person" and " " in entry.key:
            last = entry.key.rsplit(" ", 1)[1]
            short = surnames.get(last)
            if short and not entry.arabic.endswith(short.arabic):
                found.append(Finding("warning", _variants_message().format(
                    a=entry.english, a_ar=entry.arabic, b=short.english, b_ar=short.arabic), entry.file, entry.line))
        if entry.variant_of:
            target = by_key.get(normalize_key(entry.variant_of))
            if target and target.arabic != entry.arabic and not target.arabic.endswith(entry.arabic) \
                    and not entry.arabic.endswith(target.arabic):
                found.append(Finding("warning", _variants_message().format(
                    a=entry.english, a_ar=entry.arabic, b=target.english, b_ar=target.arabic), entry.file, entry.line))
    return found


# --- the glossary -------------------------------------------------------------------------------

@dataclass
class Glossary:
    """Entries from one PO file or a folder of them, with the matcher built on demand."""

    entries: list[Entry]
    paths: list[Path] = field(default_factory=list)
    root: Path | None = None
    cache_key: str = ""
    _matcher: object = None
    _by_key: dict | None = None
    _fingerprint: str | None = None

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def enforced_entries(self) -> list[Entry]:
        return [e for e in self.entries if not e.fuzzy]

    @property
    def fingerprint(self) -> str:
        """``sha256:HEX`` over the enforced entries (what a translation depends on), computed once."""
        if self._fingerprint is None:
            self._fingerprint = self._compute_fingerprint()
        return self._fingerprint

    def _compute_fingerprint(self) -> str:
        digest = hashlib.sha256()
        for e in sorted(self.enforced_entries, key=lambda e: (e.key, e.kind)):
            digest.update("\x1f".join((e.kind, e.key, e.arabic, str(e.no_translate),
                                       ",".join(e.forbidden))).encode("utf-8") + b"\x1e")
        return "sha256:" + digest.hexdigest()

    def matcher(self):
        """The Aho–Corasick matcher over the enforced entries (cached with the entries)."""
        if self._matcher is None:
            import pickle

            from bilingual.matching import Matcher

            entries = self.enforced_entries
            cache = _cache_dir() / f"{self.cache_key}.automaton" if self.cache_key else None
            if cache is not None and cache.is_file():
                try:
                    with open(cache, "rb") as handle:
                        self._matcher = Matcher(entries, pickle.load(handle))
                except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ValueError):
                    self._matcher = None
            if self._matcher is None:
                with _no_gc():
                    self._matcher = Matcher(entries)
                if cache is not None:
                    _write_cache(cache.name, self._matcher.automaton)
        return self._matcher

    def find(self, text: str):
        """Every glossary name in *text*, longest first, non-overlapping (TermSpan list)."""
        if not self.entries:
            return []
        return self.matcher().find(text)

    def get(self, english: str) -> Entry | None:
        """The entry for an English form (case/hyphen/space-insensitive), from a dict built once."""
        if self._by_key is None:
            self._by_key = {}
            for entry in self.entries:
                self._by_key.setdefault(entry.key, entry)
        return self._by_key.get(normalize_key(english))


CACHE_VERSION = "1"


def _cache_dir() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bilingual")) / "glossary"


_CACHED_FIELDS = ("english", "arabic", "kind", "notes", "forbidden", "variant_of", "sources", "fuzzy",
                  "no_translate", "file", "line")


def _read_cached(files: list[Path]) -> tuple[str, tuple | None]:
    """The cache key of these files' contents, and the cached (entries, findings) if any."""
    import marshal

    digest = hashlib.sha256(CACHE_VERSION.encode())
    for file in files:
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise GlossaryError(f"cannot read: {exc.strerror}", path=file) from exc
        digest.update(str(file.resolve()).encode() + b"\0" + hashlib.sha256(data).digest())
    key = digest.hexdigest()
    try:
        with open(_cache_dir() / f"{key}.marshal", "rb") as handle:
            rows, finding_rows = marshal.load(handle)
    except (OSError, EOFError, ValueError, TypeError):
        return key, None
    names = _CACHED_FIELDS
    entries = []
    for row in rows:
        entry = object.__new__(Entry)
        entry.__dict__.update(zip(names, row))
        entries.append(entry)
    return key, (entries, [Finding(*row) for row in finding_rows])


def _write_cache(name: str, value, *, marshal: bool = False) -> None:
    import contextlib
    import marshal as marshal_module
    import pickle

    from bilingual.fsutil import write_bytes

    data = marshal_module.dumps(value) if marshal else pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    with contextlib.suppress(OSError, BilingualError):
        write_bytes(_cache_dir() / name, data)


def load_glossary(path: str | Path, *, validate: bool = True) -> Glossary:
    """Load a PO file or a folder of them; invalid entries or conflicts are a GlossaryError.

    Parsed entries and their check results are cached by content hash in the user cache
    folder, so an unchanged glossary of 100,000 entries loads in a fraction of a second.
    """
    path = Path(path)
    files = po_files(path)
    with _no_gc():  # building 100,000 objects otherwise triggers repeated full collections
        return _load(path, files, validate)


@contextmanager
def _no_gc() -> Iterator[None]:
    import gc

    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(path: Path, files: list[Path], validate: bool) -> Glossary:
    key, cached = _read_cached(files)
    if cached is None:
        entries: list[Entry] = []
        for file in files:
            entries.extend(entries_from_po(file))
        findings = check_entries(entries)
        row_of = operator.itemgetter(*_CACHED_FIELDS)
        rows = [row_of(e.__dict__) for e in entries]
        _write_cache(f"{key}.marshal", (rows, [(f.severity, f.message, f.file, f.line) for f in findings]),
                     marshal=True)
    else:
        entries, findings = cached
    if validate:
        hard = [f for f in findings if f.severity == "error" and not _entry_is_fuzzy(entries, f)]
        if hard:
            first = hard[0]
            more = f" and {len(hard) - 1} more" if len(hard) > 1 else ""
            raise GlossaryError(first.message + more, path=first.file or path, line=first.line,
                                hint=_("run bilingual glossary check"))
    return Glossary(entries, files, path, cache_key=key)


def _entry_is_fuzzy(entries: list[Entry], finding: Finding) -> bool:
    """Fuzzy (unreviewed) entries are not enforced, so their own problems do not block loading."""
    return (finding.file, finding.line) in {(e.file, e.line) for e in entries if e.fuzzy}


def default_glossary_path(explicit: str | None) -> Path | None:
    if explicit:
        return Path(explicit)
    here = Path("glossary")
    return here if here.is_dir() else None


def load_default_glossary(explicit: str | None = None) -> Glossary | None:
    path = default_glossary_path(explicit)
    if path is None:
        return None
    if explicit and not path.exists():
        raise GlossaryError(_("no such glossary file or folder"), path=path,
                            hint=_("create it with bilingual glossary add, or pass another --glossary"))
    return load_glossary(path)


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


def _new_pofile(path: Path):
    import polib

    from bilingual import __version__

    po = polib.POFile(wrapwidth=78)
    po.metadata = dict(PO_HEADER, **{"X-Generator": f"bilingual {__version__}"})
    po.header = "Names glossary: English form → Arabic spelling. Edit with Poedit or `bilingual glossary`."
    po.fpath = str(path)
    return po


def _apply(po_entry, entry: Entry) -> None:
    po_entry.msgid = entry.english
    po_entry.msgstr = entry.arabic
    po_entry.msgctxt = entry.kind
    po_entry.tcomment = _compose_comment(entry)
    flags = [f for f in po_entry.flags if f not in ("fuzzy", NO_TRANSLATE_FLAG)]
    if entry.fuzzy:
        flags.append("fuzzy")
    if entry.no_translate:
        flags.append(NO_TRANSLATE_FLAG)
    po_entry.flags = flags


class GlossaryFile:
    """One PO file opened for editing under a lock; saved atomically by :func:`edit`."""

    def __init__(self, path: Path) -> None:
        import polib

        self.path = path
        self.po = _pofile(path) if path.exists() else _new_pofile(path)
        self._polib = polib

    def find(self, english: str):
        key = normalize_key(english)
        return next((e for e in self.po if not e.obsolete and normalize_key(e.msgid) == key), None)

    def upsert(self, entry: Entry) -> None:
        existing = self.find(entry.english)
        if existing is None:
            existing = self._polib.POEntry(msgid=entry.english, msgstr=entry.arabic)
            self.po.append(existing)
        _apply(existing, entry)

    def remove(self, english: str) -> bool:
        existing = self.find(english)
        if existing is None:
            return False
        self.po.remove(existing)
        return True

    def entries(self) -> list[Entry]:
        out = []
        for e in self.po:
            if e.obsolete:
                continue
            notes, forbidden, variant_of, sources = _parse_comment(e.tcomment)
            out.append(Entry(e.msgid, e.msgstr, e.msgctxt or "other", notes, forbidden, variant_of, sources,
                             "fuzzy" in e.flags, NO_TRANSLATE_FLAG in e.flags, str(self.path), e.linenum))
        return out

    def snapshot(self) -> list[tuple]:
        return [(e.msgctxt, e.msgid, e.msgstr, e.tcomment, tuple(e.flags), e.obsolete) for e in self.po]

    def text(self) -> str:
        import time

        from bilingual import __version__

        for key, value in PO_HEADER.items():
            self.po.metadata.setdefault(key, value)
        self.po.metadata["PO-Revision-Date"] = time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime())
        self.po.metadata["X-Generator"] = f"bilingual {__version__}"
        return str(self.po)


@contextmanager
def edit(path: Path, *, others: list[Entry] | None = None) -> Iterator[GlossaryFile]:
    """Lock *path*, re-read it, let the caller change it, validate, and write it atomically.

    *others* are entries of the other files of the glossary, checked for conflicts too.
    """
    from bilingual.fsutil import locked, write_text

    path.parent.mkdir(parents=True, exist_ok=True)
    with locked(path):
        gfile = GlossaryFile(path)
        before = gfile.snapshot() if path.exists() else None
        yield gfile
        if gfile.snapshot() == before:
            return  # nothing changed: the file stays as it is, byte for byte
        entries = gfile.entries()
        findings = [f for f in check_entries((others or []) + entries) if f.severity == "error"]
        mine = [f for f in findings if f.file in ("", str(path)) or f.file == str(path)]
        relevant = [f for f in (mine or findings) if not _entry_is_fuzzy(entries, f)]
        if relevant:
            raise GlossaryError(relevant[0].message, path=path, hint=_("nothing was written"))
        write_text(path, gfile.text())


def file_for(root: Path, entry_or_kind: str) -> Path:
    """The PO file an entry of this kind goes to, when the glossary is a folder."""
    if root.suffix == ".po":
        return root
    return root / KIND_FILES.get(entry_or_kind, "other.po")


def locate(root: Path, english: str) -> tuple[Path, Entry] | None:
    """The file and entry holding *english* in the glossary at *root*."""
    if not root.exists():
        return None
    for file in po_files(root):
        for entry in entries_from_po(file):
            if entry.key == normalize_key(english):
                return file, entry
    return None


def entries_except(root: Path, file: Path) -> list[Entry]:
    if not root.exists() or root.suffix == ".po":
        return []
    return [e for f in po_files(root) if f != file for e in entries_from_po(f)]


def set_arabic(entry: Entry, arabic: str) -> Entry:
    return replace(entry, arabic=arabic, fuzzy=False)
