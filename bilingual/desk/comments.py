"""The desk's comments: a segment's comments for the next editor (add, resolve, reopen) and the
folder's comments on one page. Each route parses, calls :mod:`bilingual.jobs.comments`, and answers."""

from __future__ import annotations

import time
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bilingual.desk.guard import allow
from bilingual.desk.pages import json_body, page, settings_of, text_field, who_of
from bilingual.document import Comment
from bilingual.jobs import comments


def shown(comment: Comment) -> dict[str, Any]:
    """A comment as the page's script shows it."""
    return {"id": comment.id, "segment": comment.segment, "text": comment.text, "who": comment.who,
            "when": when(comment.when), "resolved": comment.resolved, "resolved_by": comment.resolved_by}  # fmt: skip


def when(seconds: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M", time.gmtime(seconds)) + " UTC" if seconds else ""


async def add(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "comment")
    data = await json_body(request)
    comment = await run_in_threadpool(lambda: comments.add_comment(
        s.workspace.folder, request.path_params["name"], text_field(data, "segment"), text_field(data, "text"),
        who=who_of(s, data, request)))  # fmt: skip
    return JSONResponse(shown(comment))


async def resolve(request: Request) -> Response:
    s = settings_of(request)
    allow(request, "comment")
    data = await json_body(request)
    comment = await run_in_threadpool(lambda: comments.resolve_comment(
        s.workspace.folder, request.path_params["name"], text_field(data, "id"),
        resolved=data.get("resolved", True) is not False, who=who_of(s, data, request)))  # fmt: skip
    return JSONResponse(shown(comment))


async def of_document(request: Request) -> Response:
    s = settings_of(request)
    found = await run_in_threadpool(comments.of_document, s.workspace.folder, request.path_params["name"])
    return JSONResponse([shown(c) for c in found])


async def folder(request: Request) -> Response:
    """Every comment of the folder's documents: open ones first, each linking to its row."""
    s = settings_of(request)
    found = await run_in_threadpool(comments.of_folder, s.workspace.folder)
    show = request.query_params.get("show", "open")
    listed = [(name, c) for name, c in found if show == "all" or not c.resolved]
    return page(request, "comments.html", comments=listed, show=show, when=when,
                open_count=sum(not c.resolved for _n, c in found), total=len(found))  # fmt: skip
