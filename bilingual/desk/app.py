"""The desk's routes: pages and the actions behind their buttons, each a call to a use case.

Pages are rendered on the server (Jinja2, autoescaped) and one small script of ours
(``static/desk.js``, no framework, nothing fetched from elsewhere) sends the editor's actions as
JSON. Each route parses, calls :mod:`bilingual.jobs.desk`, :mod:`bilingual.jobs.glossary` or
:mod:`bilingual.jobs.export`, and answers; the use cases hold every rule (optimistic versions,
history, the folder as the boundary, the write policy). Mounted at ``/desk`` by
:func:`bilingual.serve.api.make_app`.
"""

from __future__ import annotations

import io
import logging
from importlib import resources
from typing import Any
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from bilingual import i18n, refusals
from bilingual.desk import comments, login, panes, replacing, view
from bilingual.desk.guard import DeskSettings, Guard, allow, language
from bilingual.desk.pages import bounded, json_body, labels, page, settings_of, text_field, who_of
from bilingual.errors import BilingualError, Refused
from bilingual.formats import Role
from bilingual.formats import get as get_format
from bilingual.jobs import desk, glossary, respell
from bilingual.jobs.export import ExportRequest, export_document, export_formats
from bilingual.jobs.project import zipped_project

log = logging.getLogger("bilingual.desk")
KINDS = ("person", "place", "org", "other")


# --- pages --------------------------------------------------------------------------------------


async def index(request: Request) -> Response:
    s = settings_of(request)
    documents = await run_in_threadpool(desk.list_documents, s.workspace.folder)
    waiting = await run_in_threadpool(desk.articles, s.workspace.folder)
    return page(request, "index.html", documents=documents, folder=desk.folder_progress(documents), articles=waiting,
                 can_translate=s.can_translate)  # fmt: skip


async def document(request: Request) -> Response:
    s = settings_of(request)
    name = request.path_params["name"]

    def build() -> tuple[Any, list[view.RowView], str]:
        doc = desk.read_document(s.workspace.folder, name)
        found = desk.findings(s.workspace, name)
        said, damaged = view.comments_or_notice(s.workspace.folder, name)
        return doc, view.rows(doc, found, said), damaged

    doc, table, damaged = await run_in_threadpool(build)
    return page(request, "document.html", name=name, quoted=quote(name), doc=doc, rows=table, damaged=damaged,
                 progress=desk.summarize(name, doc), can_translate=s.can_translate, when=comments.when,
                 checks=view.checks_of(table), exports=[*export_formats(), "omegat"], kinds=KINDS,
                 labels=labels(i18n.translator(language(request)).gettext))  # fmt: skip


# --- actions ------------------------------------------------------------------------------------


async def save(request: Request) -> Response:
    s = settings_of(request)
    data = await json_body(request)
    name = request.path_params["name"]
    allow(request, "approve" if data.get("approve") else "edit")
    saving = desk.SaveRequest(name, text_field(data, "segment"), text_field(data, "target"), text_field(data, "version"),
                              approve=bool(data.get("approve")), who=who_of(s, data, request),
                              confirmed=bool(data.get("confirmed")))  # fmt: skip
    try:
        saved = await run_in_threadpool(desk.save, s.workspace, saving)
    except desk.Conflict as conflict:
        return JSONResponse({"error": str(conflict), "conflict": True, "theirs": conflict.theirs,
                             "mine": conflict.mine, "version": conflict.version}, status_code=409)  # fmt: skip
    except desk.NeedsConfirmation as asking:
        return JSONResponse({"error": asking.message, "confirm": True,
                             "findings": _findings(s, name, asking.findings)}, status_code=409)  # fmt: skip
    return JSONResponse(await run_in_threadpool(_row, s, name, saved))


def _findings(s: DeskSettings, name: str, found: list[Any]) -> list[dict[str, str]]:
    return [{"check": f.check, "title": f.title, "message": f.message, "severity": f.severity, "dismissed": reason}
            for f, reason in desk.with_dismissals(s.workspace.folder, name, found)]  # fmt: skip


def _row(s: DeskSettings, name: str, saved: desk.Saved) -> dict[str, Any]:
    """What the page updates of a row after a save or a revert: text, status, version, names, findings."""
    seg = saved.segment
    return {
        "status": seg.status, "version": saved.version, "target": seg.target, "outcome": saved.outcome,
        "names": [{"english": t.entry, "arabic": t.target, "missing": not t.enforced}
                  for t in sorted(seg.terms, key=lambda t: t.source_start)],
        "findings": _findings(s, name, saved.findings),
    }  # fmt: skip


async def history(request: Request) -> Response:
    s = settings_of(request)
    steps = await run_in_threadpool(desk.history, s.workspace.folder, request.path_params["name"],
                                    request.query_params.get("segment", ""))  # fmt: skip
    return JSONResponse(steps)


async def revert(request: Request) -> Response:
    s = settings_of(request)
    data = await json_body(request)
    allow(request, "edit")
    step = data.get("step")
    if not isinstance(step, int):
        raise Refused(400, "step must be a number")
    name = request.path_params["name"]
    saved = await run_in_threadpool(lambda: desk.revert_segment(
        s.workspace, name, text_field(data, "segment"), step, who=who_of(s, data, request)))  # fmt: skip
    return JSONResponse({"reverted": True, **(await run_in_threadpool(_row, s, name, saved))})


async def dismiss(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "dismiss")
    data = await json_body(request)
    await run_in_threadpool(lambda: desk.dismiss_finding(
        s.workspace.folder, request.path_params["name"], text_field(data, "segment"), text_field(data, "check"), text_field(data, "reason"),
        who=who_of(s, data, request)))  # fmt: skip
    return JSONResponse({"dismissed": True})


async def export(request: Request) -> Response:
    s = settings_of(request)
    name, fmt = request.path_params["name"], request.path_params["fmt"]
    if fmt == "omegat":  # a whole OmegaT project, as a zip
        stem = name.removesuffix(desk.SUFFIX) + "-omegat"
        data = await run_in_threadpool(zipped_project, s.workspace, (str(desk.document_path(s.workspace.folder, name)),),
                                       stem)  # fmt: skip
        return Response(data, media_type="application/zip",
                        headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(stem + '.zip')}"})  # fmt: skip
    if fmt not in export_formats():  # the format registry's exporters, each with its media type and suffix
        raise Refused(404, "no export format {format!r}", format=fmt)
    exporter = get_format(fmt, Role.EXPORT)
    path = desk.document_path(s.workspace.folder, name)
    out = io.BytesIO()
    await run_in_threadpool(export_document, s.workspace, ExportRequest(str(path), fmt, output="-", stdout=out))
    filename = name.removesuffix(desk.SUFFIX) + ".en-ar" + exporter.suffix()
    return Response(out.getvalue(), media_type=exporter.media_type,
                    headers={"content-disposition": f"attachment; filename*=UTF-8''{quote(filename)}"})  # fmt: skip


async def add_article(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "translate")
    if not s.can_translate:
        raise Refused(503, "no translation engine is loaded: install a model, then restart bilingual serve")
    if request.headers.get("content-type", "").startswith("application/json"):
        name, data = text_field(await json_body(request), "name"), None
    else:
        name, data = request.query_params.get("name", ""), await bounded(request, s.max_upload)
    done = await run_in_threadpool(desk.add_article, s.workspace, desk.AddArticleRequest(name, data))
    written = [p for p in done.outputs if p.endswith(desk.SUFFIX)]
    target = "/desk/doc/" + quote(written[0].rsplit("/", 1)[-1]) if written else "/desk/"
    return JSONResponse({"document": target, "messages": [m.text for m in done.messages]})


# --- the glossary panel -------------------------------------------------------------------------


async def glossary_search(request: Request) -> Response:
    s = settings_of(request)
    found = await run_in_threadpool(glossary.search_entries, s.workspace, request.query_params.get("q", ""))
    return JSONResponse([{"english": e.english, "arabic": e.arabic, "kind": e.kind, "note": e.notes,
                          "no_translate": e.no_translate, "forbidden": list(e.forbidden)} for e in found])  # fmt: skip


def _kind(data: dict[str, Any]) -> Any:
    kind = data.get("kind") or None
    if kind is not None and kind not in KINDS:
        raise Refused(400, "kind must be one of {kinds}", kinds=", ".join(KINDS))
    return kind


async def glossary_add(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "glossary")
    data = await json_body(request)
    adding = glossary.AddRequest(text_field(data, "english"), text_field(data, "arabic", ""), _kind(data) or "other",
                                 note=text_field(data, "note", ""),
                                 no_translate=bool(data.get("no_translate")))  # fmt: skip
    await run_in_threadpool(glossary.add_entry, s.workspace, adding)
    return JSONResponse({"added": adding.english})


async def glossary_set(request: Request) -> Response:
    """A note, a kind or no-translate changed (a new spelling goes through respell, which previews)."""
    s = settings_of(request)
    allow(request, "glossary")
    data = await json_body(request)
    english = text_field(data, "english")
    entry = glossary.open_glossary(s.workspace, validate=False).get(english)
    if entry is None:
        raise Refused(404, "no entry {english!r}", english=english)
    english = entry.english
    note = data.get("note")
    no_translate = data.get("no_translate")
    setting = glossary.SetRequest(english, entry.arabic, kind=_kind(data),
                                  note=note if isinstance(note, str) else None,
                                  no_translate=no_translate if isinstance(no_translate, bool) else None)  # fmt: skip
    await run_in_threadpool(glossary.set_entry, s.workspace, setting)
    return JSONResponse({"set": english})


async def glossary_respell(request: Request) -> Response:
    s = settings_of(request)
    data = await json_body(request)
    respelling = respell.RespellRequest(
        text_field(data, "english"),
        text_field(data, "arabic").strip(),
        forbid_old=bool(data.get("forbid_old")),
        apply=bool(data.get("apply")),
    )
    if not respelling.arabic:
        raise Refused(400, "the new spelling is empty")
    if respelling.apply:
        allow(request, "glossary")
    done = await run_in_threadpool(respell.respell_everywhere, s.workspace, respelling)
    changes: dict[str, list[str]] = {}
    for item in done.items:
        if item.outcome == "to respell" and item.id not in changes.get(item.where, []):
            changes.setdefault(item.where, []).append(item.id)
    moving = [{"english": i.id, "change": i.reason} for i in done.items if i.outcome == "variant"]
    texts = {(i.where, i.id, i.outcome): i.reason for i in done.items if i.outcome in ("before", "after")}
    sentences = [{"document": doc, "segment": seg, "before": texts.get((doc, seg, "before"), ""),
                  "after": texts.get((doc, seg, "after"), "")} for doc, ids in changes.items() for seg in ids]  # fmt: skip
    return JSONResponse({"applied": respelling.apply, "documents": changes, "segments": done.counts["segments"],
                         "variants": moving, "sentences": sentences})  # fmt: skip


async def font(request: Request) -> Response:
    from bilingual.formats.html import font_files

    fonts = await run_in_threadpool(font_files)
    weight = int(request.path_params["weight"])
    if weight not in fonts:
        raise Refused(404, "no such font")
    data, media = fonts[weight]
    return Response(data, media_type=media, headers={"cache-control": "max-age=86400"})


# --- errors -------------------------------------------------------------------------------------


def _error_page(request: Request, status: int, message: str) -> Response:
    return page(request, "error.html", status=status, message=message)


def desk_app(settings: DeskSettings) -> Starlette:
    static = resources.files("bilingual") / "desk" / "static"
    app = Starlette(
        routes=[
            Route("/", index),
            Route("/doc/{name}", document),
            Route("/doc/{name}/save", save, methods=["POST"]),
            Route("/doc/{name}/history", history),
            Route("/doc/{name}/revert", revert, methods=["POST"]),
            Route("/doc/{name}/dismiss", dismiss, methods=["POST"]),
            Route("/doc/{name}/export/{fmt}", export),
            Route("/doc/{name}/matches", panes.segment_matches),
            Route("/memory", panes.concordance),
            Route("/doc/{name}/retranslate", panes.retranslate, methods=["POST"]),
            Route("/doc/{name}/comments", comments.of_document),
            Route("/doc/{name}/comment", comments.add, methods=["POST"]),
            Route("/doc/{name}/comment/resolve", comments.resolve, methods=["POST"]),
            Route("/comments", comments.folder),
            Route("/replace/preview", replacing.preview, methods=["POST"]),
            Route("/replace/apply", replacing.apply, methods=["POST"]),
            Route("/replace/undo", replacing.undo, methods=["POST"]),
            Route("/translate", add_article, methods=["POST"]),
            Route("/login", login.page),
            Route("/login", login.sign_in, methods=["POST"]),
            Route("/logout", login.sign_out, methods=["POST"]),
            Route("/glossary", glossary_search),
            Route("/glossary/add", glossary_add, methods=["POST"]),
            Route("/glossary/set", glossary_set, methods=["POST"]),
            Route("/glossary/respell", glossary_respell, methods=["POST"]),
            Route("/font/{weight:int}.woff", font),
            Mount("/static", app=StaticFiles(directory=str(static))),
        ],
        middleware=[
            Middleware(Guard, settings=settings),
            Middleware(refusals.Failures, language=language, page=_error_page),
        ],
        exception_handlers={BilingualError: refusals.handler(language=language, page=_error_page)},
    )
    app.state.desk = settings
    return app


def home(request: Request) -> Response:
    return RedirectResponse("/desk/", status_code=307)
