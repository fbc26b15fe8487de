"""Serve the translation API and the editors' desk: load the glossaries and the engine once, then
answer until stopped.

Rules: beyond 127.0.0.1 the server needs a token (the desk's pages and, as an API key, the API's
routes); without a model the desk still reviews and the API answers 503.
"""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.engines import Engine
from bilingual.errors import BilingualError, EngineError, InputError, ModelError, install_hint
from bilingual.i18n import _
from bilingual.names.glossary import Glossary
from bilingual.names.load import load_glossary
from bilingual.workspace import Workspace
from bilingual.writer import check_writable

if TYPE_CHECKING:
    from bilingual.desk.guard import DeskSettings
    from bilingual.serve.api import Settings

log = logging.getLogger("bilingual.serve")


@dataclass(frozen=True)
class ServeRequest:
    host: str = "127.0.0.1"
    port: int = 8765
    extra_glossaries: tuple[tuple[str, str], ...] = ()  # (glossary_id, path)
    api_keys: str | None = None  # a file, one key a line
    char_limit: int = 20_000
    req_limit: int = 0
    max_queue: int = 2048
    desk: bool = True  # the desk over the workspace's folder; False: the API alone
    token: str = ""  # needed by every desk request (and accepted as an API key); required beyond loopback
    token_file: str | None = None
    who: str = ""  # the editor's name the desk's history records (a page may give its own)
    users: str | None = None  # a users file: the desk's accounts and roles (bilingual.accounts)
    suggestions: bool = False  # /suggest records an editor's better translation in the memory
    files: bool = True  # /translate_file


def read_keys(path: str) -> frozenset[str]:
    """The API keys in *path*: one a line; blank lines and # comments skipped."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("cannot read the API keys: {error}").format(error=exc), path=path) from exc
    keys = frozenset(line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#"))
    if not keys:
        raise InputError(_("the API keys file holds no key"), path=path, hint=_("write one key a line"))
    return keys


def read_token(request: ServeRequest) -> str:
    if request.token_file:
        try:
            token = Path(request.token_file).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(_("cannot read the token: {error}").format(error=exc), path=request.token_file) from exc
        if not token:
            raise InputError(_("the token file is empty"), path=request.token_file, hint=_("write the token in it"))
        return token
    return request.token.strip()


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings_for(workspace: Workspace, request: ServeRequest) -> Settings:
    """The server's settings: glossaries loaded, the workspace's engine prepared and loaded, keys read."""
    from bilingual.serve import api

    token = read_token(request)
    if not loopback(request.host) and not token and not (request.users and request.desk):
        raise InputError(
            _("serving beyond this machine ({host}) needs a token").format(host=request.host),
            hint=_("pass --users FILE or --token-file FILE (or --token), or serve on 127.0.0.1"),
        )
    if len(token) < 16 and token:
        raise InputError(_("the token is too short to guard anything"), hint=_("use 16 characters or more"))
    workspace.glossary()  # loaded now: a broken glossary stops the start, not the first request
    glossaries: dict[str, Glossary | None] = {}  # "default" is the workspace's, read again when it changes
    for glossary_id, path in request.extra_glossaries:
        glossaries[glossary_id] = load_glossary(path)
    try:
        engine: Engine | None = workspace.engine()
    except (ModelError, EngineError) as exc:
        if not request.desk:
            raise
        log.warning("%s", _("no translation model, so the desk only reviews and /translate answers 503: {error}")
                    .format(error=exc))  # fmt: skip
        engine = None
    keys = read_keys(request.api_keys) if request.api_keys else frozenset()
    if token:
        keys |= {token}
    return api.Settings(engine=engine, glossaries=glossaries, api_keys=keys, char_limit=request.char_limit,
                        req_limit=request.req_limit, max_queue=request.max_queue, files=request.files,
                        suggestions=request.suggestions and workspace.use_memory, workspace=workspace)  # fmt: skip


def desk_settings(workspace: Workspace, request: ServeRequest) -> DeskSettings | None:
    from bilingual.desk.guard import DeskSettings

    if not request.desk:
        return None
    if not Path(workspace.folder).is_dir():
        raise InputError(_("not a folder"), path=workspace.folder, hint=_("give the folder of aligned documents"))
    workspace.folder = str(Path(workspace.folder).resolve())
    check_writable(request.who, where="--editor")  # the name each save is recorded under, when no one signs in
    accounts = None
    if request.users:
        from bilingual.accounts import Accounts

        accounts = Accounts(request.users)
        if not accounts.count:
            raise InputError(_("the users file names nobody who can sign in"), path=request.users,
                             hint=_("add one: bilingual users add NAME --role reviewer --users FILE"))  # fmt: skip
    return DeskSettings(workspace=workspace, who=request.who, token=read_token(request), accounts=accounts)


# How long an idle connection stays open. Longer than the pools of HTTP clients keep one (httpx, aiohttp and
# urllib3 5-15 s; proxies and load balancers 60 s): with uvicorn's default of 5 s the server closed a connection
# just as a client reused it, and that request failed with a reset instead of an answer.
KEEP_ALIVE_S = 75


def serve_api(workspace: Workspace, request: ServeRequest) -> None:
    """Run the server until interrupted; requests in flight are finished on shutdown (uvicorn's graceful stop)."""
    try:
        import uvicorn

        from bilingual.serve.access import log_requests
        from bilingual.serve.api import make_app
    except ImportError as exc:
        raise BilingualError(_("serving needs the serve extra: {error}").format(error=exc),
                             hint=install_hint("serve")) from exc  # fmt: skip

    workspace.keep_memory_open = True  # opened once per thread, not per request
    settings = settings_for(workspace, request)
    desk = desk_settings(workspace, request)
    app = make_app(settings, desk)
    log_requests()
    if desk is not None:
        address = f"http://{request.host}:{request.port}/desk/" + ("?token=…" if desk.token else "")
        print(_("The editors' desk: {address} (documents in {folder})").format(address=address, folder=workspace.folder),
              flush=True)  # fmt: skip
    try:
        uvicorn.run(app, host=request.host, port=request.port, log_level="warning", timeout_graceful_shutdown=30,
                    timeout_keep_alive=KEEP_ALIVE_S)  # fmt: skip
    finally:
        workspace.close()
