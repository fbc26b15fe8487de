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
        return
    default = m.default_model_name()
    click.echo("\t".join((_("name"), _("pair"), _("version"), _("size"), _("licence"), _("quality"), _("path"))))
    for model in found:
        mark = " *" if model.name == default else ""
        click.echo(f"{model.name}{mark}\t{model.pair}\t{model.version or '-'}\t{model.size / 1e6:.0f} MB\t"
                   f"{model.license or '-'}\t{model.quality or '-'}\t{model.path}")


@models.command("install", help=_("Install a package from the index (verified download), from a file, or "
                                  "hf:ORG/NAME (a Hugging Face Marian model: downloaded, converted, installed)."))
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
    elif pair.startswith("hf:"):
        import tempfile

        from bilingual.engines.argos import convert as c

        repo = pair[3:]
        folder = c.download_hf(repo)
        package = Path(tempfile.mkdtemp(prefix="bilingual-hf-")) / "model.argosmodel"
        c.convert(folder, package, name="translate-en_ar-" + repo.rsplit("/", 1)[-1], source=f"hf:{repo}")
        model = m.install_file(package)
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


@models.command("convert", help=_("Convert a Hugging Face Marian folder or an OPUS-MT zip into an installable "
                                  "package (needs the convert extra: transformers, torch)."))
@click.argument("src", type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help=_("The package to write."))
@click.option("--name", default="", help=_("Package name (default: from the source)."))
@click.option("--quantization", type=click.Choice(["int8", "int8_float16", "float16", "none"]), default="int8",
              show_default=True, help=_("Weight type in the converted model."))
@click.option("--target-prefix", default="", help=_("The token that names the target language in a multilingual "
                                                    "model, e.g. >>ara<< for OPUS-MT tc-big."))
@click.option("--prefix-side", type=click.Choice(["source", "decoder"]), default="source", show_default=True,
              help=_("Where the model expects that token: first in the source (OPUS-MT) or first in the output."))
@click.option("--license", "license_", default="", help=_("The model's licence, recorded in the package."))
@click.option("--source", "source_", default="", help=_("Where the model comes from, recorded in the package."))
@click.option("--quality", default="", help=_("A published quality figure, shown by models list."))
def convert(src, output, name, quantization, target_prefix, prefix_side, license_, source_, quality):
    from bilingual.engines.argos.convert import convert as run

    package = run(Path(src), Path(output), name=name, quantization=quantization, target_prefix=target_prefix,
                  prefix_side=prefix_side, license=license_, source=source_, quality=quality)
    say(_("wrote {path}: install it with bilingual models install --file {path}").format(path=package))


COMMANDS = [models]
