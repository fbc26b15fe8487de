"""Glossary rules: what makes an entry, or a set of entries, invalid or suspicious.

Per entry, as DeepL applies to glossary entries: no empty sides, no control characters or
edge whitespace, length bounds; plus our script rules (the Arabic side is Arabic unless the
entry is ``no-translate``). Over a set: duplicates, conflicts, variants that disagree.
"""

from __future__ import annotations

from dataclasses import replace

from bilingual.characters import describe, problems, repaired, script_of
from bilingual.document import Severity
from bilingual.i18n import _
from bilingual.names.entry import (
    ARABIC_LETTER,
    KINDS,
    LATIN_LETTER,
    MAX_TERM_CHARS,
    Entry,
    GlossaryFinding,
    normalize_key,
)


def validate_entry(entry: Entry) -> list[GlossaryFinding]:
    """Rules for one entry, as DeepL applies to glossary entries, plus our script and character rules."""
    found: list[GlossaryFinding] = []

    def err(message: str, severity: Severity = "error") -> None:
        found.append(GlossaryFinding(severity, f"{entry.english!r}: {message}", entry.file, entry.line))

    for is_english, text in ((True, entry.english), (False, entry.arabic)):
        side = _("English") if is_english else _("Arabic")
        if not text.strip():
            err(_("empty {side} side").format(side=side))
            continue
        if text != text.strip():
            err(_("{side} side has leading or trailing whitespace").format(side=side))
        if len(text) > MAX_TERM_CHARS:
            err(_("{side} side is over {n} characters").format(side=side, n=MAX_TERM_CHARS))
        latin_in_arabic = False
        for char, why in problems(text, script=_script(entry, is_english)):
            if not is_english and not entry.no_translate and script_of(char) == "LATIN":
                latin_in_arabic = True  # one message says what to do about them all
                continue
            err(_("{side} side holds {what}, {char}").format(side=side, what=why, char=describe(char)))
        if latin_in_arabic:
            err(_("Arabic side holds Latin letters (mark the entry no-translate to keep a Latin form)"))
    if entry.kind not in KINDS:
        err(_("unknown kind {kind!r} (use one of {kinds})").format(kind=entry.kind, kinds=", ".join(KINDS)))
    arabic = entry.arabic
    if (
        arabic.strip()
        and not entry.no_translate
        and not ARABIC_LETTER.search(arabic)
        and not LATIN_LETTER.search(arabic)
    ):
        err(_("Arabic side holds no Arabic letters"))
    for wrong in entry.forbidden:
        if wrong == entry.arabic:
            err(_("forbidden form {form!r} is the entry's own spelling").format(form=wrong))
    for char, why in problems(entry.notes, note=True):
        err(_("the note holds {what}, {char}").format(what=why, char=describe(char)))
    return found


def _script(entry: Entry, is_english: bool) -> str:
    """The script a side's letters are expected in: Latin for the English and a no-translate form."""
    return "LATIN" if is_english or entry.no_translate else "ARABIC"


def repair_entry(entry: Entry) -> tuple[Entry, list[str]]:
    """*entry* with what the character policy finds repaired where a repair is sure, and a line per repair.

    Hidden characters are removed, look-alike letters in a Latin name become Latin, a note loses its
    controls (its line breaks are LF already); see :func:`bilingual.characters.repaired`.
    """
    changes: dict[str, str] = {}
    for field, text, is_english in (("english", entry.english, True), ("arabic", entry.arabic, False)):
        fixed = repaired(text, script=_script(entry, is_english))
        if fixed != text:
            changes[field] = fixed
    notes = repaired(entry.notes, note=True)
    if notes != entry.notes:
        changes["notes"] = notes
    said = [_("{field}: {old!r} → {new!r}").format(field=f, old=getattr(entry, f), new=v) for f, v in changes.items()]
    fixed_entry = replace(
        entry,
        english=changes.get("english", entry.english),
        arabic=changes.get("arabic", entry.arabic),
        notes=changes.get("notes", entry.notes),
    )
    return fixed_entry, said


def _variants_message() -> str:
    return _("variants disagree: {a!r} → {a_ar} but {b!r} → {b_ar}")


def check_entries(entries: list[Entry]) -> list[GlossaryFinding]:
    """Every finding over a set of entries: per-entry rules, duplicates, conflicts, variants."""
    per_entry = [f for entry in entries for f in validate_entry(entry)]
    return per_entry + check_set(entries)


def check_set(entries: list[Entry]) -> list[GlossaryFinding]:
    """The findings over a set as a whole: duplicates, conflicts, variants naming no entry."""
    found: list[GlossaryFinding] = []
    by_key: dict[str, Entry] = {}
    for entry in entries:
        other = by_key.get(entry.key)
        if other is not None:
            where = f"{other.file}:{other.line}" if other.file else _("another entry")
            if other.arabic == entry.arabic:
                # TRIPOLI/Tripoli, Al Ali/Al-Ali with one Arabic: one name written two ways (common in
                # newsroom spreadsheets). Loaded as one; only a different Arabic is a conflict.
                found.append(
                    GlossaryFinding(
                        "warning",
                        _(
                            "{english!r}: the same name as the entry at {where}, with the same Arabic (loaded as one)"
                        ).format(english=entry.english, where=where),
                        entry.file,
                        entry.line,
                    )
                )
            else:
                found.append(
                    GlossaryFinding(
                        "error",
                        _("{english!r}: conflicts with the entry at {where} ({a} ≠ {b})").format(
                            english=entry.english, where=where, a=other.arabic, b=entry.arabic
                        ),
                        entry.file,
                        entry.line,
                    )
                )
        else:
            by_key[entry.key] = entry
    for entry in entries:
        if entry.variant_of and normalize_key(entry.variant_of) not in by_key:
            found.append(
                GlossaryFinding(
                    "warning",
                    _("{english!r}: variant-of {name!r} names no entry").format(
                        english=entry.english, name=entry.variant_of
                    ),
                    entry.file,
                    entry.line,
                )
            )
    # Variants that disagree: the short form's Arabic should end the long form's Arabic,
    # and explicit variants should share their Arabic.
    persons = [e for e in entries if e.kind == "person" and " " not in e.key]
    surnames = {e.key: e for e in persons}
    for entry in entries:
        if entry.kind == "person" and " " in entry.key:
            last = entry.key.rsplit(" ", 1)[1]
            short = surnames.get(last)
            if short and not entry.arabic.endswith(short.arabic):
                found.append(
                    GlossaryFinding(
                        "warning",
                        _variants_message().format(
                            a=entry.english, a_ar=entry.arabic, b=short.english, b_ar=short.arabic
                        ),
                        entry.file,
                        entry.line,
                    )
                )
        if entry.variant_of:
            target = by_key.get(normalize_key(entry.variant_of))
            if (
                target
                and target.arabic != entry.arabic
                and not target.arabic.endswith(entry.arabic)
                and not entry.arabic.endswith(target.arabic)
            ):
                found.append(
                    GlossaryFinding(
                        "warning",
                        _variants_message().format(
                            a=entry.english, a_ar=entry.arabic, b=target.english, b_ar=target.arabic
                        ),
                        entry.file,
                        entry.line,
                    )
                )
    return found


def is_fuzzy_entry_finding(entries: list[Entry], finding: GlossaryFinding) -> bool:
    """Fuzzy (unreviewed) entries are not enforced, so their own problems do not block loading."""
    return (finding.file, finding.line) in {(e.file, e.line) for e in entries if e.fuzzy}


def blocking(findings: list[GlossaryFinding], entries: list[Entry]) -> list[GlossaryFinding]:
    """The errors that stop a glossary from being used (those of reviewed entries)."""
    fuzzy = {(e.file, e.line) for e in entries if e.fuzzy}
    return [f for f in findings if f.severity == "error" and (f.file, f.line) not in fuzzy]
