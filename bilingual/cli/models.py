"""``bilingual models``: list, install and remove Argos Translate packages."""

from __future__ import annotations

import click

from bilingual.cli.common import DownloadBar, run, wants_progress, workspace_of
from bilingual.i18n import _


@click.group(help=_("Manage Argos Translate model packages (shared with Argos Translate and LibreTranslate)."))
def models() -> None:
    pass


@models.command("list", help=_("List installed packages, or those in the package index with --available."))
@click.option("--available", is_flag=True, help=_("List the packages in the index instead."))
@click.option("--index", default=None, help=_("Package index: a local file, file:// or https:// URL."))
def list_models(available: bool, index: str | None) -> None:
    from bilingual.jobs.models import ModelsListRequest
    from bilingual.jobs.models import list_models as job

    run(job, workspace_of(index=index), ModelsListRequest(available=available))


@models.command(
    "install",
    help=_(
        "Install a package from the index (verified download), from a file, or "
        "hf:ORG/NAME (a Hugging Face Marian model: downloaded, converted, installed)."
    ),
)
@click.argument("pair", default="en-ar", required=False)
@click.option(
    "--file",
    "file_path",
    type=click.Path(dir_okay=False),
    default=None,
    help=_("Install this .argosmodel file (offline)."),
)
@click.option("--index", default=None, help=_("Package index: a local file, file:// or https:// URL."))
@click.option("--sha256", default=None, help=_("Expected SHA-256 of the --file package."))
@click.option("-q", "--quiet", is_flag=True, help=_("No progress bar or messages."))
def install(pair: str, file_path: str | None, index: str | None, sha256: str | None, quiet: bool) -> None:
    from bilingual.jobs.models import InstallRequest, install_model

    if not file_path and not pair.startswith("hf:") and "-" not in pair.replace("_", "-"):
        raise click.BadParameter(_("give a pair such as en-ar"), param_hint="PAIR")
    bar = DownloadBar(wants_progress(quiet), _("Downloading"))
    try:
        run(
            install_model,
            workspace_of(index=index),
            InstallRequest(pair=pair, file=file_path, sha256=sha256, progress=bar),
            quiet=quiet,
        )
    finally:
        bar.close()


@models.command("remove", help=_("Remove an installed package, by folder name or pair (en-ar)."))
@click.argument("name")
def remove(name: str) -> None:
    from bilingual.jobs.models import RemoveModelRequest, remove_model

    run(remove_model, workspace_of(), RemoveModelRequest(name=name))


@models.command(
    "convert",
    help=_(
        "Convert a Hugging Face Marian folder or an OPUS-MT zip into an installable "
        "package (needs the convert extra: transformers, torch)."
    ),
)
@click.argument("src", type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help=_("The package to write."))
@click.option("--name", default="", help=_("Package name (default: from the source)."))
@click.option(
    "--quantization",
    type=click.Choice(["int8", "int8_float16", "float16", "none"]),
    default="int8",
    show_default=True,
    help=_("Weight type in the converted model."),
)
@click.option(
    "--target-prefix",
    default="",
    help=_("The token that names the target language in a multilingual model, e.g. >>ara<< for OPUS-MT tc-big."),
)
@click.option(
    "--prefix-side",
    type=click.Choice(["source", "decoder"]),
    default="source",
    show_default=True,
    help=_("Where the model expects that token: first in the source (OPUS-MT) or first in the output."),
)
@click.option("--license", "license_", default="", help=_("The model's licence, recorded in the package."))
@click.option("--source", "source_", default="", help=_("Where the model comes from, recorded in the package."))
@click.option("--quality", default="", help=_("A published quality figure, shown by models list."))
@click.option("--overwrite", is_flag=True, help=_("Replace an existing file that is not an earlier package."))
def convert(
    src: str,
    output: str,
    name: str,
    quantization: str,
    target_prefix: str,
    prefix_side: str,
    license_: str,
    source_: str,
    quality: str,
    overwrite: bool,
) -> None:
    from bilingual.jobs.models import ConvertRequest, convert_model

    run(
        convert_model,
        workspace_of(),
        ConvertRequest(
            source=src,
            output=output,
            name=name,
            quantization=quantization,
            target_prefix=target_prefix,
            prefix_side=prefix_side,
            license=license_,
            origin=source_,
            quality=quality,
            overwrite=overwrite,
        ),
    )


COMMANDS = [models]
