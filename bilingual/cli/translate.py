"""``bilingual translate``: an article in, an aligned English/Arabic XML document out."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bilingual.cli.common import DownloadBar, glossary_option, memory_options, say, wants_progress, write_output
from bilingual.i18n import _


def default_output(input_path: str) -> str:
    if input_path == "-":
        return "-"
    p = Path(input_path)
    return str(p.with_name(p.stem + ".en-ar.xml"))


@click.command(help=_("Translate articles (txt, md, html or - for stdin) into aligned English/Arabic XML. "
                      "Several inputs are translated in one run, with one model load."))
@click.argument("input_paths", metavar="INPUT...", nargs=-1, required=True)
@click.option("-o", "--output", default=None, help=_("Output file (default: INPUT stem + .en-ar.xml beside it; - for stdout). "
                                                     "With several inputs: a folder."))
@click.option("--from", "input_format", type=click.Choice(["txt", "md", "html"]), default=None,
              help=_("Input format (default: from the extension)."))
@click.option("--encoding", default=None, help=_("Input encoding when it is not UTF-8 (e.g. cp1252, latin-1)."))
@click.option("--engine", "engine_name", default="argos", show_default=True,
              help=_("Engine name (entry point in bilingual.engines) or package.module:factory."))
@click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True, help=_("Beam size."))
@click.option("--threads", type=click.IntRange(0, 256), default=0, show_default=True,
              help=_("CPU threads for the model (0: all cores)."))
@click.option("--device", type=click.Choice(["auto", "cpu", "cuda"]), default="auto", show_default=True,
              help=_("Where the model runs."))
@click.option("--batch-tokens", type=click.IntRange(64, 1_000_000), default=4096, show_default=True,
              help=_("Token budget of one batch."))
@glossary_option
@memory_options
@click.option("--strict", is_flag=True, help=_("Exit with code 6 when any glossary name is missing from the translation."))
@click.option("--no-download", is_flag=True, help=_("Never download a model when none is installed."))
@click.option("--index", default=None, help=_("Package index to install a missing model from."))
@click.option("--max-size", type=click.FloatRange(0.001, 1024), default=5.0, show_default=True,
              help=_("Largest input accepted, in MB."))
@click.option("-q", "--quiet", is_flag=True, help=_("No progress bar or summary."))
def translate(input_paths, output, input_format, encoding, engine_name, beam_size, threads, device,
              batch_tokens, glossary_path, memory_path, no_memory, strict, no_download, index, max_size, quiet):
    from bilingual.engines import EngineOptions, load_engine
    from bilingual.errors import InputError
    from bilingual.names.load import load_default_glossary
    from bilingual.outcome import RunReport
    from bilingual.read import read_document

    if len(input_paths) > 1 and output and (output == "-" or not Path(output).is_dir()):
        raise InputError(_("with several inputs, -o must be an existing folder"), path=output)
    max_bytes = int(max_size * 1024 * 1024)
    # Read every input first: a bad one fails the run before any model is loaded or file written.
    docs = [(path, read_document(path, fmt=input_format, encoding=encoding, max_bytes=max_bytes))
            for path in input_paths]
    glossary = load_default_glossary(glossary_path)
    memory = None
    if not no_memory:
        from bilingual.memory.store import open_memory

        memory = open_memory(memory_path)
    if engine_name == "argos":
        from bilingual.engines.argos import packages

        bar = DownloadBar(wants_progress(quiet), _("Downloading model"))
        try:
            packages.ensure_installed("en", "ar", download=not no_download, index=index, progress=bar)
        finally:
            bar.close()
    options = EngineOptions(beam_size=beam_size, threads=threads, device=device, batch_tokens=batch_tokens)
    engine = load_engine(engine_name, options)
    outcome = RunReport(strict=strict)
    try:
        for path, doc in docs:
            into_folder = output and output != "-" and (len(docs) > 1 or Path(output).is_dir())
            out = str(Path(output) / Path(default_output(path)).name) if into_folder else (output or default_output(path))
            outcome.missing_names += _translate_one(doc, out, engine=engine, glossary=glossary, memory=memory,
                                                    quiet=quiet)
    finally:
        if memory is not None:
            memory.close()
    outcome.finish()


def _translate_one(doc, output: str, *, engine, glossary, memory, quiet: bool) -> int:
    from bilingual.formats.aligned import render_aligned
    from bilingual.pipeline import translate_document

    n = len(doc.segments())
    if wants_progress(quiet) and n > 20:
        with click.progressbar(length=n, label=_("Translating"), file=sys.stderr) as progress:
            translated, report = translate_document(doc, engine=engine, glossary=glossary, memory=memory,
                                                    progress=progress.update)
    else:
        translated, report = translate_document(doc, engine=engine, glossary=glossary, memory=memory)
    write_output(output, render_aligned(translated))
    where = _("standard output") if output == "-" else output
    say(_("translated {n} segments ({engine} by the engine, {tm} from memory) → {out}").format(
        n=report.segments, engine=report.from_engine, tm=report.from_memory, out=where), quiet)
    if glossary is not None and len(glossary):
        say(_("glossary names: {found} found, {ok} enforced, {missing} missing").format(
            found=report.terms_found, ok=report.terms_enforced, missing=report.terms_missing), quiet)
        for seg_id, entry in report.missing:
            say(_("  missing: {entry} in segment {seg}").format(entry=entry, seg=seg_id), quiet)
    return report.terms_missing


COMMANDS = [translate]
