"""The command line: a thin click layer over the library.

Every :class:`~bilingual.errors.BilingualError` becomes one line on stderr and its exit code
here, in one place. Heavy libraries are imported inside commands, never at import time, so
``bilingual --help`` stays fast.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from bilingual import __version__
from bilingual.errors import BilingualError, dependency_error
from bilingual.i18n import _, activate

activate()  # the edge: load the message catalog before any help text is built

EXIT_INTERNAL = 70


class BilingualGroup(click.Group):
    """A click group that reports our errors as one line and an exit code, never a traceback."""

    def main(
        self,
        args: Any = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        """click's own errors (a bad option, a missing file) as one line naming the fix, like ours."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "bilingual"
            message = " ".join(exc.format_message().split())  # click lists choices on several lines
            click.echo(
                f"bilingual: {_('error')}: {message} ({_('see {command} --help').format(command=where)})", err=True
            )
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            click.echo(f"bilingual: {_('error')}: {' '.join(exc.format_message().split())}", err=True)
            sys.exit(exc.exit_code)
        except click.Abort:
            click.echo(f"bilingual: {_('interrupted')}", err=True)
            sys.exit(130)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BilingualError as exc:
            click.echo(f"bilingual: {_('error')}: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo(f"bilingual: {_('interrupted')}", err=True)
            ctx.exit(130)
        except BrokenPipeError:
            ctx.exit(1)
        except OSError as exc:
            mapped = dependency_error(exc)
            click.echo(f"bilingual: {_('error')}: {mapped}", err=True)
            ctx.exit(mapped.exit_code if mapped is not None else 1)
        except Exception as exc:  # a bug: say so in one line unless asked for the traceback
            if os.environ.get("BILINGUAL_DEBUG"):
                raise
            click.echo(
                f"bilingual: {_('internal error')}: {type(exc).__name__}: {exc} "
                f"({_('set BILINGUAL_DEBUG=1 for the traceback')})",
                err=True,
            )
            ctx.exit(EXIT_INTERNAL)


@click.group(
    cls=BilingualGroup,
    context_settings={"help_option_names": ["-h", "--help"]},
    help=_(
        "Offline English→Arabic translation and bilingual publishing.\n\n"
        "Exit codes: 0 success, 1 bad input or file error, 2 bad command line, "
        "3 model or engine problem, 4 glossary problem, 5 translation memory problem, "
        "6 violations found (--strict, check)."
    ),
)
@click.version_option(__version__, "-V", "--version", prog_name="bilingual", message="%(prog)s %(version)s")
def cli() -> None:
    pass


def _register() -> None:
    from bilingual.cli import check, exchange, export, glossary, models, replace, serve, translate

    for module in (translate, models, glossary, check, export, exchange, replace, serve):
        for command in module.COMMANDS:
            cli.add_command(command)


_register()


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM unwinds like Ctrl-C, so every ``finally`` runs: temporary files and folders are removed."""
    raise KeyboardInterrupt


def main() -> None:
    import logging
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    said = logging.StreamHandler()  # the library's warnings (a planted journal set aside …): one line each
    said.setFormatter(logging.Formatter("bilingual: %(message)s"))
    logging.getLogger("bilingual").addHandler(said)
    cli.main(prog_name="bilingual")


if __name__ == "__main__":  # pragma: no cover
    main()
