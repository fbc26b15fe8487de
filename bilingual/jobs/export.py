"""Export an aligned document: exchange files for translators, side-by-side documents, the review page."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO

from bilingual import outputs
from bilingual.checks import NAME_FAULTS, run_checks
from bilingual.corrections import read_units, unapplied
from bilingual.document import Comment, Document
from bilingual.errors import BilingualError, InputError, ViolationsFound
from bilingual.formats import PUBLISHING, ExportOptions, Format, Review, Role, format_names, get
from bilingual.formats.aligned import read_aligned
from bilingual.i18n import _
from bilingual.jobs.comments import DamagedComments, read_comments
from bilingual.jobs.result import Result
from bilingual.names.glossary import Glossary
from bilingual.workspace import Workspace


def export_formats() -> list[str]:
    """The names ``export --to`` takes (every exporter but the aligned document itself)."""
    return [name for name in format_names(Role.EXPORT) if name != "aligned"]


BIG_EXPORT = 500  # segments: a PDF or DOCX of this many takes seconds, and says so on a terminal


@dataclass(frozen=True)
class ExportRequest:
    """Export one aligned document to one format (and, for publishing formats, the Arabic-only copy)."""

    document: str
    format: str
    output: str | None = None  # a file, a folder, - for stdout; None: beside the document
    options: ExportOptions = field(default_factory=ExportOptions)
    arabic_only: bool = False
    overwrite: bool = False
    strict: bool = False  # refuse when a segment's names are not as the glossary writes them
    stdout: BinaryIO | None = field(default=None, compare=False)


def default_output(doc_path: str, suffix: str, *, arabic_only: bool = False) -> str:
    """ARTICLE.en-ar.xml → ARTICLE.en-ar.EXT beside it, or ARTICLE.ar.EXT for the Arabic-only one."""
    p = Path(doc_path)
    stem = p.name.removesuffix(".xml").removesuffix(".en-ar")
    return str(p.with_name(stem + (".ar" if arabic_only else ".en-ar") + suffix))


def review_of(doc: Document, glossary: Glossary | None) -> Review:
    """The review report's findings, with the glossary's state against the document's."""
    if glossary is None:
        state = "none loaded"
    elif glossary.fingerprint == doc.head.glossary_fingerprint:
        state = "current"
    else:
        state = "changed since translation"
    return Review(tuple(run_checks(doc, glossary=glossary, qa=True)), state)


def keep_editors_work(doc: Document, output: str) -> None:
    """Refuse to replace an exchange file that holds translations the document lacks: an editor
    may have worked in it since the last export (re-exporting once they are applied is fine)."""
    if output == outputs.STDOUT or not os.path.isfile(output):  # a FIFO or device is written, never read
        return
    try:
        pending = unapplied(doc, read_units(output))
    except BilingualError:
        raise InputError(
            _("the output exists and cannot be read as an exchange file"),
            path=output,
            hint=_("pass --overwrite to replace it, or name another output with -o"),
        ) from None
    if pending:
        raise InputError(
            _("the output holds {n} translations the document lacks (an editor's work?)").format(n=pending),
            path=output,
            hint=_("bring them in with bilingual apply, or pass --overwrite"),
        )


def export_document(workspace: Workspace, request: ExportRequest, result: Result | None = None) -> Result:
    """Render the document in the format; every output is checked by the write policy first."""
    result = result if result is not None else Result()
    if request.arabic_only and request.format not in PUBLISHING:
        raise InputError(_("--arabic-only applies to html, pdf, docx and md"), path=request.document)
    exporter = get(request.format, Role.EXPORT)
    doc = read_aligned(request.document)
    options = replace(request.options, arabic_only=False)
    glossary = workspace.glossary()
    if request.format == "report":
        options = replace(options, review=review_of(doc, glossary))
    options = replace(options, comments=_comments_beside(request.document, result))
    suffix = exporter.suffix()
    targets = [(outputs.output_path(request.output, default_output(request.document, suffix)), options)]
    if request.arabic_only:
        targets.append((_arabic_only_path(request, targets[0][0], suffix), replace(options, arabic_only=True)))
    _tell_name_faults(doc, glossary, result, strict=request.strict)
    protected = workspace.protected((request.document,))
    for target, _options in targets:
        _check(target, exporter, doc, protected, request.overwrite)
    big = len(doc.segments()) >= BIG_EXPORT
    advice = exporter.advice(doc)
    if advice:
        result.warn(advice)
    for target, target_options in targets:
        if big and target != outputs.STDOUT:
            result.progress(_("rendering {n} segments into {path}…").format(n=len(doc.segments()), path=target))
        outputs.write(target, exporter.render(doc, target_options), stdout=request.stdout)
        result.wrote(target)
        if target != outputs.STDOUT:
            result.say(_("wrote {path}").format(path=target))
    return result


def _comments_beside(document: str, result: Result) -> tuple[Comment, ...]:
    """The editors' comments kept beside the document (none for standard input); a damaged file of
    them is said and left as it is."""
    if document == "-":
        return ()
    try:
        return tuple(read_comments(document))
    except DamagedComments as exc:
        result.warn(f"{exc.path}: {exc.message} ({_('exported without comments')})")
        return ()


def _tell_name_faults(doc: Document, glossary: Glossary | None, result: Result, *, strict: bool) -> None:
    """Say how many segments publish a name not as the glossary writes it; with *strict*, refuse."""
    faulty = sorted(
        {f.segment_id for f in run_checks(doc, glossary=glossary, qa=False) if f.check in NAME_FAULTS}
        | {s.id for s in doc.segments() if any(not t.enforced for t in s.terms)},
        key=lambda i: tuple(int(n) for n in i[1:].split(".s")),
    )
    if not faulty:
        return
    message = _("{n} segments have names not as the glossary writes them (missing, forbidden spelling): {ids}").format(
        n=len(faulty), ids=" ".join(faulty[:10]) + (" …" if len(faulty) > 10 else "")
    )
    if strict:
        raise ViolationsFound(message, path=doc.head.input_name or None,
                              hint=_("correct them (bilingual check lists them), or export without --strict"))  # fmt: skip
    result.warn(_("warning: {message}").format(message=message))


def _arabic_only_path(request: ExportRequest, output: str, suffix: str) -> str:
    if request.output is not None and output != outputs.STDOUT:
        stem = Path(output).name.removesuffix(suffix).removesuffix(".en-ar")
        return str(Path(output).with_name(stem + ".ar" + suffix))
    return default_output(request.document, suffix, arabic_only=True)


def _check(target: str, exporter: Format, doc: Document, protected: outputs.Protected, overwrite: bool) -> None:
    outputs.check(
        target,
        protected=protected,
        overwrite=overwrite,
        own=type(exporter).is_own_output,
        what=_("an earlier {format} export of bilingual").format(format=exporter.name),
    )
    if not overwrite and Role.UNITS in exporter.roles:
        keep_editors_work(doc, target)
