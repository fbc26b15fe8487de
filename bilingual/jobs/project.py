"""``export --to omegat``: aligned documents as a ready OmegaT project.

The folder holds ``omegat.project`` (English to Arabic), our segmentation rules as the project's
own (``omegat/segmentation.conf`` for OmegaT 3.x, ``omegat/segmentation.srx`` for later versions),
each article in ``source/``, its translations in ``tm/enforce/`` (approved: OmegaT puts them in
place) and ``tm/auto/`` (machine and edited text: filled in, marked as from a memory), and the
glossary as OmegaT's tab-separated glossary with notes. A translator's work lives in
``omegat/project_save.tmx``; ``bilingual import`` and ``apply`` take it back.

Re-exporting into an earlier project refreshes these files and nothing else: the translator's
work, the translated files and the project's settings stay as they are.
"""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from bilingual import outputs
from bilingual.document import Segment
from bilingual.errors import InputError
from bilingual.formats import ExportOptions, exporter, get
from bilingual.formats.aligned import read_aligned
from bilingual.formats.base import Role
from bilingual.formats.omegat import filters_file, only, project_file, source_text
from bilingual.formats.srx import omegat_segmentation, srx_document
from bilingual.i18n import _
from bilingual.jobs.result import Result
from bilingual.workspace import Workspace

FOLDERS = ("source", "target", "tm/auto", "tm/enforce", "glossary", "omegat", "dictionary")


@dataclass(frozen=True)
class ProjectRequest:
    """Aligned documents into one OmegaT project folder."""

    documents: tuple[str, ...]
    output: str | None = None  # the project folder; None: PROJECT-omegat beside the first document


def default_folder(document: str) -> str:
    p = Path(document)
    return str(p.with_name(p.name.removesuffix(".xml").removesuffix(".en-ar") + "-omegat"))


def export_project(workspace: Workspace, request: ProjectRequest, result: Result | None = None) -> Result:
    """Write (or refresh) the project; every file goes through the write policy's checks first."""
    result = result if result is not None else Result()
    folder = Path(request.output.rstrip("/\\") if request.output else default_folder(request.documents[0]))
    ours = _check_folder(folder)
    files: dict[str, bytes] = {
        "omegat/segmentation.conf": omegat_segmentation(),
        "omegat/segmentation.srx": srx_document(),
    }
    if not ours:  # the project's settings: written once, then the translator's
        files["omegat.project"] = project_file()
        files["omegat/filters.xml"] = filters_file()
    tmx = exporter("tmx")
    stems: set[str] = set()
    for path in request.documents:
        doc = read_aligned(path)
        stem = _unique(Path(path).name.removesuffix(".xml").removesuffix(".en-ar"), stems)
        text, shown = source_text(doc)
        files[f"source/{stem}.txt"] = text
        for folder_name, keep in (("enforce", _approved), ("auto", _translated_not_approved)):
            part = only(shown, keep)
            if part.blocks:
                files[f"tm/{folder_name}/{stem}.tmx"] = tmx.render(part, ExportOptions())
    glossary = workspace.glossary()
    if glossary is not None and glossary.entries:
        files["glossary/names.utf8"] = get("omegat", Role.TERMS).render_terms(list(glossary.entries))
    elif ours and (folder / "glossary" / "names.utf8").is_file():
        result.say(_("kept {path} from the earlier export: no glossary is loaded now (pass --glossary to refresh it)")
                   .format(path=folder / "glossary" / "names.utf8"))  # fmt: skip
    protected = workspace.protected(request.documents)
    for name in FOLDERS:  # a link planted in the project is never followed
        if (folder / name).is_symlink() or (folder / name.split("/")[0]).is_symlink():
            raise InputError(_("is a symbolic link, which is not followed"), path=str(folder / name),
                             hint=_("name a new or empty folder with -o"))  # fmt: skip
    for name in files:  # our own files in the project are replaced; a link among them is refused
        outputs.check(str(folder / name), protected=protected, own=lambda _head: True)
    for name in FOLDERS:
        (folder / name).mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        outputs.write(str(folder / name), data)
    result.wrote(str(folder))
    result.say(
        _(
            "wrote the OmegaT project {path} ({n} documents); open it in OmegaT, then bring the work back with "
            "bilingual import {save}"
        ).format(path=folder, n=len(request.documents), save=folder / "omegat" / "project_save.tmx")
    )
    return result


def zipped_project(workspace: Workspace, documents: tuple[str, ...], name: str) -> bytes:
    """The project of *documents* as a zip holding the folder *name* (the desk's download): written
    by :func:`export_project` into a folder of its own, which is removed afterwards."""
    import tempfile
    import zipfile

    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory(prefix="bilingual-omegat-") as scratch:
        folder = Path(scratch) / name
        export_project(workspace, ProjectRequest(documents, str(folder)))
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(folder.rglob("*")):  # OmegaT wants its folders, empty ones too
                inside = f"{name}/{path.relative_to(folder).as_posix()}"
                if path.is_dir():
                    archive.writestr(inside + "/", b"")
                else:
                    archive.write(path, inside)
    return buffer.getvalue()


def _check_folder(folder: Path) -> bool:
    """Whether *folder* is an earlier project (refreshed); a new or empty folder is fine; anything
    else is someone's and is refused."""
    if folder.exists() and not folder.is_dir():
        raise InputError(_("is a file, not a folder"), path=str(folder), hint=_("name a new or empty folder with -o"))
    if (folder / "omegat.project").is_file():
        return True
    if folder.is_dir() and any(os.scandir(folder)):
        raise InputError(
            _("the folder is not empty and holds no OmegaT project"),
            path=str(folder),
            hint=_("name a new or empty folder with -o"),
        )
    return False


def _unique(stem: str, taken: set[str]) -> str:
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}-{n}", n + 1
    taken.add(name)
    return name


def _approved(seg: Segment) -> bool:
    return seg.status == "approved" and bool(seg.target.strip())


def _translated_not_approved(seg: Segment) -> bool:
    return seg.status != "approved" and bool(seg.target.strip())
