"""Serve the translation API: load the glossaries and the engine once, then answer until stopped."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bilingual.engines import EngineOptions, Preparation, load_engine
from bilingual.errors import BilingualError, InputError
from bilingual.i18n import _
from bilingual.names.glossary import Glossary
from bilingual.names.load import load_default_glossary, load_glossary

if TYPE_CHECKING:
    from bilingual.serve.api import Settings


@dataclass(frozen=True)
class ServeRequest:
    host: str = "127.0.0.1"
    port: int = 8765
    engine: str = "argos"
    engine_options: EngineOptions = field(default_factory=EngineOptions)
    glossary: str | None = None
    extra_glossaries: tuple[tuple[str, str], ...] = ()  # (glossary_id, path)
    api_keys: str | None = None  # a file, one key a line
    char_limit: int = 20_000
    req_limit: int = 0
    max_queue: int = 2048
    download: bool = True


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


def loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def settings_for(request: ServeRequest) -> Settings:
    """The server's settings: glossaries loaded, the engine prepared and loaded, keys read."""
    from bilingual.serve import api

    if not loopback(request.host) and not request.api_keys:
        raise InputError(
            _("serving beyond this machine ({host}) needs API keys").format(host=request.host),
            hint=_("pass --api-keys FILE, or serve on 127.0.0.1"),
        )
    glossaries: dict[str, Glossary | None] = {"default": load_default_glossary(request.glossary)}
    for glossary_id, path in request.extra_glossaries:
        glossaries[glossary_id] = load_glossary(path)
    engine = load_engine(request.engine, request.engine_options,
                         prepare=Preparation(download=request.download))  # fmt: skip
    keys = read_keys(request.api_keys) if request.api_keys else frozenset()
    return api.Settings(engine=engine, glossaries=glossaries, api_keys=keys, char_limit=request.char_limit,
                    req_limit=request.req_limit, max_queue=request.max_queue)  # fmt: skip


def serve_api(request: ServeRequest) -> None:
    """Run the server until interrupted; requests in flight are finished on shutdown (uvicorn's graceful stop)."""
    try:
        import uvicorn

        from bilingual.serve.api import make_app
    except ImportError as exc:
        raise BilingualError(_("serving needs the serve extra: {error}").format(error=exc),
                             hint=_("pip install 'bilingual[serve]'")) from exc  # fmt: skip

    app = make_app(settings_for(request))
    uvicorn.run(app, host=request.host, port=request.port, log_level="warning", timeout_graceful_shutdown=30)
