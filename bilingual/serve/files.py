"""LibreTranslate's file routes: ``POST /translate_file`` and ``GET /download_file/{name}``.

A multipart upload (``file``, ``source``, ``target``, ``api_key``, our ``glossary_id``) of txt, md, html or
docx is translated in its own format with the glossary (:mod:`bilingual.jobs.files`), through the
server's batcher like any text, and answered as LibreTranslate answers: ``{"translatedFileUrl": …}``,
where the file waits to be downloaded. Translated files are kept in the server's memory — the newest,
up to a bound — never on disk, so a server leaves nothing behind.
"""

from __future__ import annotations

import re
import secrets
from collections import OrderedDict
from collections.abc import AsyncGenerator

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from bilingual.bodies import BodyTooLarge, read_bounded
from bilingual.errors import BilingualError
from bilingual.jobs.files import FileRequest, finish_file, take_file
from bilingual.jobs.text import TextResult
from bilingual.serve.batcher import Overloaded
from bilingual.serve.parameters import ApiError, Settings, check_key, check_languages, check_rate, glossary_of

_KEY = re.compile(r"[A-Za-z0-9_-]{16,64}")
TEXTS_PER_BATCH = 256  # a long file goes to the batcher in groups, so it never fills the queue alone


class Downloads:
    """Translated files waiting to be fetched: the newest first kept, within a total size."""

    def __init__(self, limit_bytes: int = 128 * 1024 * 1024) -> None:
        self.limit = limit_bytes
        self.files: OrderedDict[str, tuple[str, str, bytes]] = OrderedDict()

    def keep(self, name: str, media_type: str, data: bytes) -> str:
        key = secrets.token_urlsafe(18)
        self.files[key] = (name, media_type, data)
        while sum(len(d) for _n, _m, d in self.files.values()) > self.limit and len(self.files) > 1:
            self.files.popitem(last=False)
        return key

    def get(self, key: str) -> tuple[str, str, bytes] | None:
        return self.files.get(key)


async def _form(request: Request, settings: Settings) -> dict[str, object]:
    try:
        body = await read_bounded(request, settings.max_file)
    except BodyTooLarge:
        raise ApiError(413, "Invalid request: the file is over {limit} bytes", limit=settings.max_file) from None
    if not request.headers.get("content-type", "").lower().startswith("multipart/form-data"):
        raise ApiError(400, "Invalid request: send the file as multipart/form-data")

    async def stream() -> AsyncGenerator[bytes, None]:
        yield body

    try:
        form = await MultiPartParser(request.headers, stream(), max_files=1, max_fields=16,
                                     max_part_size=64 * 1024).parse()  # fmt: skip
    except MultiPartException as exc:
        raise ApiError(400, "Invalid request: {reason}", reason=exc.message) from None
    return dict(form.items())


async def translate_file(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    if not settings.files:
        raise ApiError(403, "Files translation are disabled on this server.")
    params = await _form(request, settings)
    key = check_key(settings, params)
    check_rate(settings, key, request)
    upload = params.get("file")
    if not isinstance(upload, UploadFile):
        raise ApiError(400, "Invalid request: missing file parameter")
    check_languages(params)
    glossary = glossary_of(settings, params)
    if settings.batcher is None:
        raise ApiError(503, "No translation model is loaded: install one, then restart the server")
    name = (upload.filename or "file.txt").replace("\x00", "")[-200:]
    file = FileRequest(await upload.read(), name)
    try:
        taken = await run_in_threadpool(take_file, file)
    except BilingualError as exc:
        message = "Invalid request: file format not supported" if "not supported" in exc.message else exc.message
        raise ApiError(400, message) from None
    done = TextResult()
    try:
        for at in range(0, len(taken.texts), TEXTS_PER_BATCH):
            part = await settings.batcher.translate(tuple(taken.texts[at : at + TEXTS_PER_BATCH]),
                                                    markup=taken.markup, glossary=glossary)  # fmt: skip
            done.translations += part.translations
            done.names += part.names
            done.untranslated += part.untranslated
    except Overloaded:
        raise ApiError(503, "The server is busy: too many texts are waiting; try again shortly") from None
    result = await run_in_threadpool(finish_file, file, taken, done)
    if settings.downloads is None:
        settings.downloads = Downloads()
    stored = settings.downloads.keep(result.name, result.media_type, result.data)
    url = str(request.url_for("download_file", filename=stored))
    return JSONResponse({"translatedFileUrl": url})


async def download_file(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    key = request.path_params["filename"]
    if not settings.files:
        raise ApiError(400, "Files translation are disabled on this server.")
    if not _KEY.fullmatch(key):
        raise ApiError(400, "Invalid filename")
    found = settings.downloads.get(key) if settings.downloads is not None else None
    if found is None:
        raise ApiError(404, "Invalid filename: no such translated file (it may have expired)")
    name, media_type, data = found
    ascii_name = name.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return Response(data, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="{ascii_name}"'})  # fmt: skip
