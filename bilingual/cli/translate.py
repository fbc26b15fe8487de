"""``bilingual translate``: an article in, an aligned English/Arabic XML document out."""

from __future__ import annotations

import click

from bilingual.cli.common import (
    DownloadBar,
    glossary_option,
    memory_options,
    progress_bars,
    run,
    wants_progress,
    workspace_of,
)
from bilingual.i18n import _


@click.command(
    help=_(
        "Translate articles (txt, md, html, docx or - for stdin) into aligned English/Arabic XML. "
        "Several inputs are translated in one run, with one model load."
    )
)
@click.argument("input_paths", metavar="INPUT...", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    default=None,
    help=_(
        "Output file (default: INPUT stem + .en-ar.xml beside it; - for stdout). "
        "A folder (existing, or ending in /) takes the outputs; with "
        "several inputs it must be a folder, created if needed."
    ),
)
@click.option(
    "--overwrite",
    is_flag=True,
    help=_("Replace an existing output even when it holds edited or approved segments (they are otherwise kept)."),
)
@click.option(
    "--from",
    "input_format",
    type=click.Choice(["txt", "md", "html", "docx"]),
    default=None,
    help=_("Input format (default: from the extension)."),
)
@click.option("--encoding", default=None, help=_("Input encoding when it is not UTF-8 (e.g. cp1252, latin-1)."))
@click.option(
    "--engine",
    "engine_name",
    default="argos",
    show_default=True,
    help=_("Engine name (entry point in bilingual.engines) or package.module:factory."),
)
@click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True, help=_("Beam size."))
@click.option(
    "--model",
    "model_name",
    default=None,
    help=_(
        "Model to use: an installed model's name, or a package file (.argosmodel) or folder used as it is, "
        "without installing it (default: $BILINGUAL_MODEL, then model = … in config.toml in the user "
        "config folder, then the newest installed)."
    ),
)
@click.option(
    "--threads",
    type=click.IntRange(0, 256),
    default=0,
    show_default=True,
    help=_("Threads per translator (0: chosen from the machine)."),
)
@click.option(
    "--inter-threads",
    type=click.IntRange(0, 64),
    default=0,
    show_default=True,
    help=_("Translators working in parallel (0: chosen from the machine: one per core on CPU)."),
)
@click.option(
    "--device",
    type=click.Choice(["auto", "cpu", "cuda"]),
    default="auto",
    show_default=True,
    help=_("Where the model runs."),
)
@click.option(
    "--batch-tokens",
    type=click.IntRange(64, 1_000_000),
    default=4096,
    show_default=True,
    help=_("Token budget of one batch."),
)
@glossary_option
@memory_options
@click.option(
    "--strict", is_flag=True, help=_("Exit with code 6 when any glossary name is missing from the translation.")
)
@click.option("--no-download", is_flag=True, help=_("Never download a model when none is installed."))
@click.option("--index", default=None, help=_("Package index to install a missing model from."))
@click.option(
    "--max-size",
    type=click.FloatRange(0.001, 1024),
    default=5.0,
    show_default=True,
    help=_("Largest input accepted, in MB."),
)
@click.option(
    "--workers",
    type=click.IntRange(1, 256),
    default=None,
    help=_(
        "Archive mode: translate the documents in N processes (threads shared out among them), "
        "into the -o folder; outputs already up to date are skipped (--force redoes them)."
    ),
)
@click.option(
    "--ray",
    "ray_address",
    default=None,
    metavar="ADDRESS|local",
    help=_(
        "Archive mode on a Ray cluster (an actor per worker): its address, auto for the cluster "
        "running on this machine (ray start --head), or local to start one for this run. Needs the cluster extra."
    ),
)
@click.option("--ray-cpus", type=click.IntRange(0, 4096), default=0, help=_("CPUs of a --ray local cluster."))
@click.option("--force", is_flag=True, help=_("Archive mode: translate again outputs that are up to date."))
@click.option(
    "--to-format",
    is_flag=True,
    help=_(
        "Write each article translated in its own format (ARTICLE.ar.docx, .html, .md, .txt: headings, "
        "lists, tables, emphasis and links kept, right-to-left set) instead of an aligned document."
    ),
)
@click.option("-q", "--quiet", is_flag=True, help=_("No progress bar or summary."))
def translate(
    input_paths: tuple[str, ...],
    output: str | None,
    overwrite: bool,
    input_format: str | None,
    encoding: str | None,
    engine_name: str,
    beam_size: int,
    model_name: str | None,
    threads: int,
    inter_threads: int,
    device: str,
    batch_tokens: int,
    glossary_path: str | None,
    memory_path: str | None,
    no_memory: bool,
    strict: bool,
    no_download: bool,
    index: str | None,
    max_size: float,
    workers: int | None,
    ray_address: str | None,
    ray_cpus: int,
    force: bool,
    to_format: bool,
    quiet: bool,
) -> None:
    from bilingual.engines import EngineOptions
    from bilingual.jobs.translate import TranslateRequest, translate_articles

    bar = DownloadBar(wants_progress(quiet), _("Downloading model"))
    request = TranslateRequest(
        inputs=tuple(input_paths),
        output=output,
        overwrite=overwrite,
        input_format=input_format,
        encoding=encoding,
        strict=strict,
        max_bytes=int(max_size * 1024 * 1024),
        progress=progress_bars(quiet, _("Translating")),
    )
    options = EngineOptions(beam_size=beam_size, threads=threads, inter_threads=inter_threads, device=device,
                            batch_tokens=batch_tokens, model=model_name or "")  # fmt: skip
    workspace = workspace_of(glossary_path, memory_path, no_memory, engine_name=engine_name, engine_options=options,
                             download=not no_download, index=index, download_progress=bar)  # fmt: skip
    try:
        if workers is not None or ray_address is not None:
            from bilingual.jobs.archive import ArchiveRequest, translate_archive

            archive = ArchiveRequest(request, workers=workers or 1, ray=ray_address, ray_cpus=ray_cpus, force=force)
            run(translate_archive, workspace, archive, quiet=quiet)
        elif to_format:
            from bilingual.jobs.files import translate_in_format

            run(translate_in_format, workspace, request, quiet=quiet)
        else:
            if force:
                raise click.UsageError(_("--force applies to archive mode (--workers or --ray)"))
            run(translate_articles, workspace, request, quiet=quiet)
    finally:
        bar.close()


COMMANDS = [translate]
