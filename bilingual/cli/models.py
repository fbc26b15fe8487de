"""``bilingual models``: list, install and remove Argos Translate packages."""

from __future__ import annotations

from pathlib import Path

import click

from bilingual.cli.common import DownloadBar, say, wants_progress
from bilingual.i18n import _


@click.group(help=_("Manage Argos Translate model packages (shared with Argos Translate and LibreTranslate)."))
def models() -> None:
    pass


@models.command("list", help=_("List installed packages, or those in the package index with --available."))
@click.option("--available", is_flag=True, help=_("List the packages in the index instead."))
@click.option("--index", default=None, help=_("Package index: a local file, file:// or https:// URL."))
def list_models(available: bool, index: str | None) -> None:
    from bilingual.engines.argos import packages as m

    if available:
        from bilingual.engines.argos import index as package_index

        for pkg in package_index.available(package_index.load_index(index)):
            click.echo(f"{pkg.from_code}→{pkg.to_code}\t{pkg.package_version}\t{pkg.from_name} → {pkg.to_name}")
        return
    found = m.installed()
    if not found:
        say(_("no packages installed in {path}").format(path=m.packages_dir()))
    for model in found:
        click.echo(f"{model.name}\t{model.pair}\t{model.version}\t{model.path}")


@models.command("install", help=_("Install a package from the index (verified download) or from a file."))
@click.argument("pair", default="en-ar", required=False)
@click.option("--file", "file_path", type=click.Path(dir_okay=False), default=None,
              help=_("Install this .argosmodel file (offline)."))
@click.option("--index", default=None, help=_("Package index: a local file, file:// or https:// URL."))
@click.option("--sha256", default=None, help=_("Expected SHA-256 of the --file package."))
@click.option("-q", "--quiet", is_flag=True, help=_("No progress bar or messages."))
def install(pair: str, file_path: str | None, index: str | None, sha256: str | None, quiet: bool) -> None:
    from bilingual.engines.argos import packages as m

    if file_path:
        model = m.install_file(Path(file_path), expected_sha256=sha256)
    else:
        src, _sep, tgt = pair.replace("_", "-").partition("-")
        if not tgt:
            raise click.BadParameter(_("give a pair such as en-ar"), param_hint="PAIR")
        bar = DownloadBar(wants_progress(quiet), _("Downloading"))
        try:
            model = m.install_from_index(src, tgt, index=index, progress=bar)
        finally:
            bar.close()
    say(_("installed {name} ({pair}, version {version}) in {path}").format(
        name=model.name, pair=model.pair, version=model.version or "?", path=model.path.parent), quiet)


@models.command("remove", help=_("Remove an installed package, by folder name or pair (en-ar)."))
@click.argument("name")
def remove(name: str) -> None:
    from bilingual.engines.argos import packages as m

    for model in m.remove(name):
        say(_("removed {name}").format(name=model.name))


COMMANDS = [models]
