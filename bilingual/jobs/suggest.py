"""Find the names an article holds that the glossary lacks, and propose spellings for review."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bilingual.discovery import suggest as discovery
from bilingual.discovery.lexicon import fold
from bilingual.engines import EngineOptions, load_engine
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.names import cache
from bilingual.names.edit import edit_glossary
from bilingual.names.entry import Entry
from bilingual.names.load import load_glossary
from bilingual.read import read_document
from bilingual.translation.pipeline import run_engine
from bilingual.workspace import Workspace


@dataclass(frozen=True)
class SuggestRequest:
    article: str
    dry_run: bool = False
    ask_engine: str | None = None  # also ask this engine for names spelled by rule or read from Arabic text
    ask_model: str | None = None
    region: str | None = None  # whose press a name by ear is spelled for; None: told by the article
    verbose: bool = False


def suggest_names(workspace: Workspace, request: SuggestRequest, result: Result | None = None) -> Result:
    """Propose the missing names; people and places become fuzzy entries (never replacing one), and
    organisations are listed to translate. Every capitalised run not proposed is counted with its reason."""
    result = result if result is not None else Result()
    root = workspace.glossary_root()
    known = load_glossary(root, validate=False, matcher=False).entries if root.exists() else []
    doc = read_document(request.article)
    # Every entry, reviewed or not, counts as known: suggest only what is missing altogether.
    left: dict[str, str] = {}

    def building(name: str) -> None:
        result.say(_("building the {name} table once (later runs read it)…")
                   .format(name=name))  # fmt: skip

    with cache.telling(building):
        proposals = discovery.propose([s.source for s in doc.segments()], {fold(e.english) for e in known}, left,
                                      region=request.region)  # fmt: skip
    if request.ask_engine:
        engine = load_engine(request.ask_engine, EngineOptions(model=request.ask_model or ""))
        proposals = discovery.with_engine(proposals, lambda texts: run_engine(engine, texts))
    for p in proposals:
        result.item(p.name, "proposed", p.source)
        line = f"{p.name}\t{p.arabic or _('(to translate)')}\t{p.kind}\t{p.source}\t{p.confidence:.2f}"
        result.data(line + ("\t" + ", ".join(p.variants) if p.variants else ""))
    writable = [p for p in proposals if p.arabic]
    to_translate = len(proposals) - len(writable)
    result.counts["proposed"] = len(proposals)
    result.counts["to_translate"] = to_translate
    result.counts["not_proposed"] = len(left)
    for text, reason in left.items():
        result.item(text, "not proposed", reason)
        if request.verbose:
            result.say(_("  not proposed: {text} ({reason})").format(text=text, reason=reason))
    if left:
        result.say(
            _("{n} capitalised words or runs were not proposed{hint}").format(
                n=len(left), hint="" if request.verbose else " " + _("(--verbose lists them with the reason)")
            )
        )
    if request.dry_run or not writable:
        result.say(
            _("{n} names missing from the glossary ({m} organisations to translate)").format(
                n=len(proposals), m=to_translate
            )
        )
        return result
    note = _("suggested by bilingual glossary suggest from {file}").format(file=Path(request.article).name)
    present = variants = 0
    with edit_glossary(root) as editing:  # one lock, one check; an editor's entry is never replaced
        for p in writable:
            if editing.find(p.name) is not None:
                present += 1 + len(p.variants)  # its written forms are left out with it
                continue
            editing.upsert(
                Entry(
                    p.name,
                    p.arabic,
                    p.kind,
                    note,
                    sources=(f"suggest: {p.source}, confidence {p.confidence:.2f}",),
                    fuzzy=True,
                )
            )
            for variant in p.variants:  # A.K. Mansour, written so elsewhere, is the same name
                if editing.find(variant) is not None:
                    present += 1
                    continue
                editing.upsert(Entry(variant, p.arabic, p.kind, note, variant_of=p.name,
                                     sources=(f"suggest: a written form of {p.name}",), fuzzy=True))  # fmt: skip
                variants += 1
    written = len(writable) + sum(len(p.variants) for p in writable) - present
    result.counts["written"] = written
    result.counts["variants_written"] = variants
    result.say(
        _("{n} names written as fuzzy entries for review; {m} organisations to translate were not written").format(
            n=written, m=to_translate
        )
    )
    if variants:
        result.say(_("{n} of them are other written forms of a proposed name (U.N. and UN)").format(n=variants))
    if present:
        result.say(
            _("{n} names were left out: the glossary holds them already (its entries are never replaced)").format(
                n=present
            )
        )
    return result
