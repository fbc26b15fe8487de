"""``bilingual serve [FOLDER]``: the editors' desk over FOLDER and LibreTranslate's HTTP API, with the
glossary enforced."""

from __future__ import annotations

import click

from bilingual.cli.common import glossary_option, memory_options, workspace_of
from bilingual.i18n import _


@click.command(help=_("Serve the editors' desk over the aligned documents in FOLDER (default: this folder) at "
                      "/desk/, and LibreTranslate's HTTP API (/translate, /languages, /detect, /frontend/settings, "
                      "/health) with the glossary enforced, for CMSs, Weblate and LibreTranslate's clients. "
                      "Listens on 127.0.0.1 unless told; another address needs --token-file."))  # fmt: skip
@click.argument("folder", required=False, default=".", type=click.Path(file_okay=False))
@click.option("--host", default="127.0.0.1", show_default=True, help=_("Address to listen on."))
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True, help=_("Port."))
@click.option(
    "--engine", "engine_name", default="argos", show_default=True, help=_("Engine name or package.module:factory.")
)
@click.option("--model", "model_name", default=None, help=_("Installed model to use."))
@click.option("--glossary-id", "extra", multiple=True, metavar="ID=PATH",
              help=_("Another glossary requests may choose with glossary_id (repeatable)."))  # fmt: skip
@click.option("--api-keys", type=click.Path(dir_okay=False), default=None,
              help=_("A file of API keys, one a line: requests without one of them get 403."))  # fmt: skip
@click.option("--char-limit", type=click.IntRange(0), default=20_000, show_default=True,
              help=_("Characters in one request, all texts together (0: no limit)."))  # fmt: skip
@click.option("--req-limit", type=click.IntRange(0), default=0, show_default=True,
              help=_("Requests a minute per API key or client address (0: no limit)."))  # fmt: skip
@click.option("--queue-limit", type=click.IntRange(1), default=2048, show_default=True,
              help=_("Texts waiting for the engine, at most; past it requests get 503 at once. "
                     "Also the most texts one request may send (more: 400)."))  # fmt: skip
@click.option("--no-download", is_flag=True, help=_("Never download a model when none is installed."))
@click.option("--token-file", type=click.Path(dir_okay=False), default=None,
              help=_("A file holding the token every desk request must show (and the API accepts as a key)."))  # fmt: skip
@click.option("--token", default="", envvar="BILINGUAL_DESK_TOKEN",
              help=_("The token itself (or BILINGUAL_DESK_TOKEN); a file keeps it out of the process list."))  # fmt: skip
@click.option("--users", type=click.Path(dir_okay=False), default=None,
              help=_("A users file (TOML) giving each editor an account and a role: translator, reviewer or admin "
                     "(see bilingual users). Without one, the desk is one person's with one token."))  # fmt: skip
@click.option("--editor", "who", default="", help=_("Your name, as the desk's history records each save."))
@click.option(
    "--suggestions",
    is_flag=True,
    help=_("Take /suggest: a better translation sent by a client is recorded in the memory as an edit."),
)
@click.option("--disable-files-translation", "no_files", is_flag=True, help=_("Refuse /translate_file (403)."))
@glossary_option
@memory_options
def serve(folder: str, host: str, port: int, engine_name: str, model_name: str | None, extra: tuple[str, ...],
          api_keys: str | None, char_limit: int, req_limit: int, queue_limit: int, no_download: bool,
          token_file: str | None, token: str, users: str | None, who: str, suggestions: bool, no_files: bool, glossary_path: str | None,
          memory_path: str | None, no_memory: bool) -> None:  # fmt: skip
    from bilingual.engines import EngineOptions
    from bilingual.serve.start import ServeRequest, serve_api

    pairs = []
    for item in extra:
        glossary_id, sep, path = item.partition("=")
        if not sep or not glossary_id or not path:
            raise click.BadParameter(_("give ID=PATH"), param_hint="--glossary-id")
        pairs.append((glossary_id, path))
    workspace = workspace_of(glossary_path, memory_path, no_memory, folder=folder, engine_name=engine_name,
                             engine_options=EngineOptions(model=model_name or ""), download=not no_download)  # fmt: skip
    serve_api(workspace, ServeRequest(host=host, port=port, extra_glossaries=tuple(pairs), api_keys=api_keys,
                                      char_limit=char_limit, req_limit=req_limit, max_queue=queue_limit,
                                      token=token, token_file=token_file, users=users, who=who, suggestions=suggestions,
                                      files=not no_files))  # fmt: skip


USERS_FILE = click.option("--users", "path", type=click.Path(dir_okay=False), required=True,
                          help=_("The users file (TOML) that bilingual serve --users reads."))  # fmt: skip


@click.group(help=_("The desk's accounts: add an editor with a role (translator edits and comments; reviewer also "
                    "approves and changes the glossary; admin), revoke one, list them. A running desk reads the "
                    "file again when it changes."))  # fmt: skip
def users() -> None:
    pass


@users.command("add", help=_("Add NAME (or give them a new token or password). Prints a new token once, unless "
                             "--password asks for a password instead (stored as an argon2 hash)."))  # fmt: skip
@click.argument("name")
@click.option(
    "--role", type=click.Choice(["translator", "reviewer", "admin"]), required=True, help=_("What they may do.")
)
@click.option(
    "--password", "with_password", is_flag=True, help=_("Sign in with a password (asked twice) instead of a token.")
)
@USERS_FILE
def users_add(name: str, role: str, with_password: bool, path: str) -> None:
    from bilingual import accounts

    def add() -> None:
        password = click.prompt(_("Password"), hide_input=True, confirmation_prompt=True) if with_password else ""
        token = "" if with_password else accounts.new_token()
        hashed = accounts.hash_password(password) if password else ""
        user = accounts.User(name.strip(), role, token, hashed)
        before: list[accounts.User] = []

        def change(found: list[accounts.User]) -> list[accounts.User]:
            before.extend(u for u in found if u.name == user.name)
            return [*(u for u in found if u.name != user.name), user]

        accounts.change_users(path, change)
        if before:
            click.echo(_("{name} was in the file already ({role}): their old token and password no longer sign in.")
                       .format(name=user.name, role=before[0].role), err=True)  # fmt: skip
        if token:
            click.echo(token)
            click.echo(_("{name} ({role}) signs in with the token above: it is shown only now.").format(name=user.name,
                       role=role), err=True)  # fmt: skip
        else:
            click.echo(_("{name} ({role}) signs in with the password at /desk/login.").format(name=user.name, role=role),
                       err=True)  # fmt: skip

    add()


@users.command("revoke", help=_("Take NAME's token and password away: their next request is refused (kept in the "
                                "file as revoked, so the history's name still means someone)."))  # fmt: skip
@click.argument("name")
@USERS_FILE
def users_revoke(name: str, path: str) -> None:
    from bilingual import accounts
    from bilingual.errors import NotFound

    def revoke() -> None:
        def change(found: list[accounts.User]) -> list[accounts.User]:
            if not any(u.name == name for u in found):
                raise NotFound(_("no user {name} in the users file").format(name=name), path=path)
            return [accounts.User(u.name, u.role, revoked=True) if u.name == name else u for u in found]

        accounts.change_users(path, change)
        click.echo(_("{name} is revoked.").format(name=name), err=True)

    revoke()


@users.command("list", help=_("The users, their roles and how they sign in (never a token)."))
@USERS_FILE
def users_list(path: str) -> None:
    from bilingual import accounts

    def show() -> None:
        for u in accounts.read_users_file(path):
            way = _("revoked") if u.revoked else _("password") if u.password else _("token") if u.token else "-"
            click.echo(f"{u.name}\t{u.role}\t{way}")

    show()


COMMANDS = [serve, users]
