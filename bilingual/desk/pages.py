"""What every desk route shares: the page renderer (Jinja2, autoescaped, in the page's language, with
the script's own words), the JSON body of an action (bounded, an object, no lone surrogate) and who
does it (the signed-in account, else the name the page gives)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from starlette.requests import Request
from starlette.responses import HTMLResponse

from bilingual import i18n
from bilingual.bodies import BadJson, BodyTooLarge, load_json, read_bounded
from bilingual.desk import view
from bilingual.desk.guard import LANG_COOKIE, DeskSettings, language
from bilingual.errors import Refused


@lru_cache(maxsize=1)
def templates() -> Any:
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(loader=PackageLoader("bilingual", "desk/templates"), autoescape=select_autoescape(default=True))
    env.filters["boxed"] = view.boxed
    return env


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    settings: DeskSettings = request.app.state.desk
    lang = language(request)
    translate = i18n.translator(lang).gettext
    html = templates().get_template(template).render(
        _=translate, lang=lang, dir="rtl" if lang == "ar" else "ltr", csrf=settings.csrf, who=settings.who,
        ui=ui_text(translate), account=request.scope.get("bilingual_account"), **context,
    )  # fmt: skip
    answer = HTMLResponse(html, status_code=status)
    if request.query_params.get("lang") in ("ar", "en"):
        answer.set_cookie(LANG_COOKIE, lang, samesite="strict", path="/")
    return answer


def ui_text(_: Any) -> dict[str, str]:
    """The script's own words, in the page's language (the script holds none)."""
    return {
        "saved": _("saved"), "approved": _("approved"), "edited": _("edited"), "unchanged": _("unchanged"),
        "saving": _("saving…"), "conflict": _("Someone else changed this segment since you opened it."),
        "theirs": _("Their text (now on disk)"), "mine": _("Your text"), "keep_theirs": _("Keep theirs"),
        "keep_mine": _("Save mine over theirs"), "reason": _("Why does this finding not apply?"),
        "respell_to": _("New Arabic spelling for {english}:"), "will_change": _("This changes {n} segments:"),
        "apply": _("Apply"), "cancel": _("Cancel"), "nothing": _("No segment uses this name yet."),
        "revert": _("Revert to this"), "no_history": _("No earlier text."), "failed": _("failed:"),
        "missing": _("missing"), "found": _("in the Arabic"), "added": _("added"),
        "dismissed": _("dismissed:"), "dismiss": _("Dismiss"), "approve_anyway": _("Approve anyway"),
        "fresh": _("Translated again with the current glossary and model:"), "use": _("Use it"),
        "respell": _("Respell"), "preview": _("Preview the change"),
        "forbid_old": _("flag the old spelling from now on"), "latin": _("keep in Latin script"),
        "someone": _("someone"), "resolve": _("Resolve"), "reopen": _("Reopen"), "add_comment": _("Add the comment"),
        "comment_for_next": _("A comment for the next editor"),
        "will_replace": _("{n} changes in {d} documents:"), "replaced": _("{n} segments changed."),
        "undone": _("The replacement was undone: {n} segments put back."),
        "names_lost": _("the glossary names no longer in it:"),
        "from_memory": _("From the memory"), "insert": _("Insert"), "no_match": _("The memory holds nothing like it."),
        **labels(_),
    }  # fmt: skip


def labels(_: Any) -> dict[str, str]:
    """Segment statuses as the page names them."""
    return {
        "mt": _("machine translation"),
        "tm": _("from the memory"),
        "edited": _("edited"),
        "approved": _("approved"),
    }


async def json_body(request: Request) -> dict[str, Any]:
    settings: DeskSettings = request.app.state.desk
    body = await bounded(request, settings.max_body)
    try:
        data = load_json(body or b"{}")
    except BadJson as bad:
        if str(bad) == "a lone surrogate":
            raise Refused(400, "the text holds a lone surrogate (half of a broken character): remove it") from None
        raise Refused(400, "the request body is not JSON") from None
    if not isinstance(data, dict):
        raise Refused(400, "the request body must be a JSON object")
    return data


async def bounded(request: Request, limit: int) -> bytes:
    try:
        return await read_bounded(request, limit)
    except BodyTooLarge:
        raise Refused(413, "the request is over {limit} bytes", limit=limit) from None


def text_field(data: dict[str, Any], key: str, default: str | None = None) -> str:
    value = data.get(key, default)
    if not isinstance(value, str):
        raise Refused(400, "{key} must be a string", key=key)
    return value


def settings_of(request: Request) -> DeskSettings:
    settings: DeskSettings = request.app.state.desk
    return settings


def who_of(settings: DeskSettings, data: dict[str, Any], request: Request | None = None) -> str:
    """Who does it: the signed-in account, else the name the page gives, else the one the server was started with."""
    account = request.scope.get("bilingual_account") if request is not None else None
    if account is not None:
        return str(account.name)
    given = data.get("who")
    return (given.strip()[:80] if isinstance(given, str) and given.strip() else settings.who) or ""
