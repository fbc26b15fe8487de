"""Translate a file in its own format: LibreTranslate's ``/translate_file`` and ``translate --to-format``.

The file is taken apart by :mod:`bilingual.formats.inplace`, its texts translated in one batch with
the glossary (the text use case), and put back together: a DOCX comes back a DOCX with its headings,
lists, tables and each run's formatting, right-to-left; an HTML page the same page; Markdown its
markers; plain text its lines. No memory is read or written: the aligned document (``translate``)
is where editors' work lives.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from bilingual import outputs
from bilingual.encoding import decode
from bilingual.engines import Engine
from bilingual.errors import InputError
from bilingual.formats.inplace import Taken, take_apart
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.jobs.text import TextRequest, TextResult, translate_texts
from bilingual.jobs.translate import TranslateRequest
from bilingual.names.glossary import Glossary
from bilingual.read import read_bytes
from bilingual.translation.report import NameRow
from bilingual.workspace import Workspace


def file_extensions() -> list[str]:
    """The extensions of the article formats the registry knows (LibreTranslate's ``supportedFilesFormat``)."""
    from bilingual.formats import Role, formats

    return sorted({ext for fmt in formats(Role.ARTICLE) for ext in fmt.extensions})


@dataclass(frozen=True)
class FileRequest:
    data: bytes
    name: str  # the file's name as sent: its extension says its format


@dataclass
class FileResult:
    data: bytes
    name: str  # ARTICLE.ar.docx for ARTICLE.docx
    media_type: str
    names: list[NameRow] = field(default_factory=list)
    untranslated: int = 0


def file_format(name: str, head: bytes = b"") -> str:
    """``txt``, ``md``, ``html`` or ``docx``: the article format the registry tells by the file's name
    (and first bytes); anything else is refused."""
    from bilingual.errors import BilingualError
    from bilingual.formats import Role, detect

    if Path(name).suffix.lower() not in file_extensions():
        raise InputError(_("file format not supported"), path=name, hint=_("send txt, md, html or docx"))
    try:
        return detect(name, head, Role.ARTICLE).name
    except BilingualError as exc:
        raise InputError(_("file format not supported"), path=name, hint=_("send txt, md, html or docx")) from exc


def translated_name(name: str) -> str:
    """ARTICLE.docx → ARTICLE.ar.docx (the name only, never a folder)."""
    path = Path(Path(name).name)
    return f"{path.stem}.ar{path.suffix.lower()}"


def take_file(request: FileRequest) -> Taken:
    fmt = file_format(request.name, request.data[:512])
    content = request.data if fmt == "docx" else decode(request.data, path=request.name)
    return take_apart(content, fmt, path=request.name)


def finish_file(request: FileRequest, taken: Taken, translated: TextResult) -> FileResult:
    data = taken.rebuild(translated.translations)
    names = [row for rows in translated.names for row in rows]
    return FileResult(data, translated_name(request.name), taken.media_type, names, translated.untranslated)


def translate_file(request: FileRequest, *, engine: Engine, glossary: Glossary | None) -> FileResult:
    """One file translated in its own format (one engine batch)."""
    taken = take_file(request)
    translated = translate_texts(TextRequest(tuple(taken.texts), markup=taken.markup), engine=engine, glossary=glossary)
    return finish_file(request, taken, translated)


def default_output(input_path: str) -> str:
    return str(Path(input_path).with_name(translated_name(input_path)))


def translate_in_format(workspace: Workspace, request: TranslateRequest, result: Result | None = None) -> Result:
    """``translate --to-format``: each input written beside it (or into ``-o``) as ARTICLE.ar.EXT.

    Every input is read and every output checked before a model loads; an existing file is replaced
    only with ``--overwrite`` (nothing tells a translated article of ours from the editor's own file).
    """
    result = result if result is not None else Result()
    inputs = list(request.inputs)
    if outputs.STDOUT in inputs or request.output == outputs.STDOUT:
        raise InputError(_("--to-format writes files: name the inputs and an output folder, not -"))
    planned = outputs.plan(inputs, request.output, default_output)
    glossary = workspace.glossary()
    protected = workspace.protected(inputs)
    files = []
    for path, (out, _note) in zip(inputs, planned, strict=True):
        file_format(path)
        files.append(FileRequest(read_bytes(path, max_bytes=request.max_bytes), os.path.basename(path)))
        outputs.check(out, protected=protected, overwrite=request.overwrite, what=_("a translated article"))
    if glossary is None:
        result.warn_no_glossary()
    engine = workspace.engine()
    for file, (out, note) in zip(files, planned, strict=True):
        if note:
            result.say(note)
        done = translate_file(file, engine=engine, glossary=glossary)
        outputs.write(out, done.data)
        result.wrote(out)
        missing = sum(1 for row in done.names if row.status != "enforced")
        result.say(_("{input} → {output} ({n} names, {missing} missing)").format(
            input=file.name, output=out, n=len(done.names), missing=missing))  # fmt: skip
    return result
