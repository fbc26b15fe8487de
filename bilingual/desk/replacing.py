"""The desk's search and replace: a preview of every change in a document or the folder, the
replacement applied (only what the preview showed), and one undo for all of it. Each route parses,
calls :mod:`bilingual.jobs.replace`, and answers JSON."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bilingual.desk.guard import allow
from bilingual.desk.pages import json_body, settings_of, text_field, who_of
from bilingual.errors import Refused
from bilingual.jobs import replace


def _request(data: dict[str, Any], who: str) -> replace.ReplaceRequest:
    documents = data.get("documents", [])
    if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
        raise Refused(400, "documents must be a list of names")
    given = data.get("replace")
    if given is not None and not isinstance(given, str):
        raise Refused(400, "{key} must be a string", key="replace")
    return replace.ReplaceRequest(text_field(data, "find"), given, tuple(documents), regex=bool(data.get("regex")),
                                  case=bool(data.get("case")), where=text_field(data, "where", "target"), who=who)  # fmt: skip


def _shown(change: replace.Change) -> dict[str, Any]:
    return {"document": change.document, "segment": change.segment, "source": change.source,
            "before": change.before, "after": change.after, "status": change.status,
            "status_after": change.status_after, "version": change.version, "names_lost": list(change.names_lost)}  # fmt: skip


def _done(done: replace.Replaced) -> dict[str, Any]:
    return {"batch": done.batch, "changed": [_shown(c) for c in done.changed],
            "documents": sorted({c.document for c in done.changed}),
            "left": [{"document": d, "segment": s, "why": w} for d, s, w in done.left]}  # fmt: skip


async def preview(request: Request) -> Response:
    s = settings_of(request)
    data = await json_body(request)
    found = await run_in_threadpool(replace.preview, s.workspace, _request(data, ""))
    return JSONResponse([_shown(c) for c in found])


async def apply(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "edit")
    data = await json_body(request)
    expect = data.get("expect")
    if not isinstance(expect, list) or not all(
        isinstance(e, dict) and all(isinstance(e.get(k), str) for k in ("document", "segment", "version"))
        for e in expect
    ):
        raise Refused(400, "expect must list the preview's document, segment and version of each change")
    wanted = {(e["document"], e["segment"]): e["version"] for e in expect}
    done = await run_in_threadpool(replace.apply, s.workspace, _request(data, who_of(s, data, request)), wanted)
    return JSONResponse(_done(done))


async def undo(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "edit")
    data = await json_body(request)
    done = await run_in_threadpool(lambda: replace.undo(s.workspace, text_field(data, "batch"),
                                                        who=who_of(s, data, request)))  # fmt: skip
    return JSONResponse(_done(done))
