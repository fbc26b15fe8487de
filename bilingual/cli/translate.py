"""``bilingual translate``: an article in, an aligned English/Arabic XML document out."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from bilingual.cli.common import (
    DownloadBar,
    glossary_option,
    memory_options,
    names_folder,
    say,
    wants_progress,
    write_output,
)
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
                                                     "A folder (existing, or ending in /) takes the outputs; with "
                                                     "several inputs it must be a folder, created if needed."))
@click.option("--overwrite", is_flag=True, help=_("Replace an existing output even when it holds edited or approved "
                                                  "segments (they are otherwise kept)."))
@click.option("--from", "input_format", type=click.Choice(["txt", "md", "html"]), default=None,
              help=_("Input format (default: from the extension)."))
@click.option("--encoding", default=None, help=_("Input encoding when it is not UTF-8 (e.g. cp1252, latin-1)."))
@click.option("--engine", "engine_name", default="argos", show_default=True,
              help=_("Engine name (entry point in bilingual.engines) or package.module:factory."))
@click.option("--beam-size", type=click.IntRange(1, 16), default=4, show_default=True, help=_("Beam size."))
@click.option("--model", "model_name", default=None,
              help=_("Installed model to use (default: $BILINGUAL_MODEL, then model = … in config.toml in the user "
                     "config folder, then the newest installed)."))
@click.option("--threads", type=click.IntRange(0, 256), default=0, show_default=True,
              help=_("Threads per translator (0: chosen from the machine)."))
@click.option("--inter-threads", type=click.IntRange(0, 64), default=0, show_default=True,
              help=_("Translators working in parallel (0: chosen from the machine: one per core on CPU)."))
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
def translate(input_paths, output, overwrite, input_format, encoding, engine_name, beam_size, model_name, threads,
              inter_threads, device,
              batch_tokens, glossary_path, memory_path, no_memory, strict, no_download, index, max_size, quiet):
    from bilingual.engines import EngineOptions, load_engine
    from bilingual.errors import InputError
    from bilingual.names.load import load_default_glossary
    from bilingual.outcome import RunReport
    from bilingual.read import read_document

    if len(input_paths) > 1 and output == "-":
        raise InputError(_("with several inputs, -o must be a folder, not standard output"), path=output)
    outputs = plan_outputs(list(input_paths), output)
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
            packages.ensure_installed("en", "ar", download=not no_download, index=index, progress=bar,
                                      name=model_name)
        finally:
            bar.close()
    options = EngineOptions(beam_size=beam_size, threads=threads, inter_threads=inter_threads, device=device,
                            batch_tokens=batch_tokens, model=model_name or "")
    engine = load_engine(engine_name, options)
    outcome = RunReport(strict=strict)
    previous = {out: _previous_output(out, overwrite) for out, _note in outputs}
    if glossary is None:
        say(_("warning: no glossary found, so no name will be enforced (pass --glossary PATH, or run where a "
              "glossary/ folder is)"))
        outcome.no_glossary = True
    try:
        for (_path, doc), (out, note) in zip(docs, outputs, strict=True):
            if note:
                say(note, quiet)
            outcome.missing_names += _translate_one(doc, out, engine=engine, glossary=glossary, memory=memory,
                                                    previous=previous[out], quiet=quiet)
    finally:
        if memory is not None:
            memory.close()
    outcome.finish()


def plan_outputs(inputs: list[str], output: str | None) -> list[tuple[str, str]]:
    """Where each input's document goes, and a note when a name had to change.

    An output never replaces an input, and no two outputs of one run share a path: a clash
    of names (``a/x.txt b/x.txt -o out/``) gets ``-2``, ``-3`` … and is said.
    """
    from bilingual.errors import InputError

    into_folder = names_folder(output) or (output not in (None, "-") and len(inputs) > 1)
    planned: list[tuple[str, str]] = []
    taken: set[str] = set()
    sources = {os.path.realpath(p) for p in inputs if p != "-"}
    for path in inputs:
        if into_folder:
            out = str(Path(output) / Path(default_output(path if path != "-" else "stdin.txt")).name)  # type: ignore[arg-type]
        else:
            out = output or default_output(path)
        note = ""
        if out != "-":
            base, n = out, 1
            while os.path.realpath(out) in taken:
                n += 1
                out = base.removesuffix(".en-ar.xml") + f"-{n}.en-ar.xml"
                note = _("{input}: another input has the same name; writing {output}").format(input=path, output=out)
            if os.path.realpath(out) in sources:
                raise InputError(_("the output would replace an input"), path=out,
                                 hint=_("name another output with -o"))
            taken.add(os.path.realpath(out))
        planned.append((out, note))
    return planned


def _previous_output(out: str, overwrite: bool):
    """The document already at *out*, whose editors' segments this run keeps; None when there is none.

    With ``--overwrite`` nothing is kept, and the editors' segments being replaced are counted aloud.
    """
    from bilingual.errors import BilingualError, InputError
    from bilingual.formats.aligned import read_aligned

    if out == "-" or not os.path.isfile(out):
        return None
    try:
        previous = read_aligned(out)
    except BilingualError as exc:
        if overwrite:
            return None
        raise InputError(_("the output exists and is not an aligned document"), path=out,
                         hint=_("pass --overwrite to replace it, or name another output with -o")) from exc
    if overwrite:
        human = sum(1 for s in previous.segments() if s.status in ("edited", "approved"))
        if human:
            say(_("{out}: replacing {n} edited or approved segments (--overwrite)").format(out=out, n=human))
        return None
    return previous


def _translate_one(doc, output: str, *, engine, glossary, memory, previous, quiet: bool) -> int:
    from bilingual.formats.aligned import render_aligned
    from bilingual.memory.reuse import carry_over
    from bilingual.pipeline import translate_document

    n = len(doc.segments())
    if wants_progress(quiet) and n > 20:
        with click.progressbar(length=n, label=_("Translating"), file=sys.stderr) as progress:
            translated, report = translate_document(doc, engine=engine, glossary=glossary, memory=memory,
                                                    progress=progress.update)
    else:
        translated, report = translate_document(doc, engine=engine, glossary=glossary, memory=memory)
    if previous is not None:
        translated, kept = carry_over(translated, previous, glossary)
        if kept:
            say(_("kept {n} edited or approved segments of the existing {out} (--overwrite replaces them)").format(
                n=kept, out=output), quiet)
    write_output(output, render_aligned(translated))
    where = _("standard output") if output == "-" else output
    say(_("translated {n} segments ({engine} by the engine, {tm} from memory) → {out}").format(
        n=report.segments, engine=report.from_engine, tm=report.from_memory, out=where), quiet)
    if report.untranslated:
        ids = " ".join(report.untranslated[:10])
        if len(report.untranslated) > 10:
            ids += " " + _("… and {m} more (bilingual check --qa lists them all)").format(m=len(report.untranslated) - 10)
        say(_("{n} segments came back untranslated (mostly Latin) after a retry, marked for review: {ids}").format(
            n=len(report.untranslated), ids=ids), quiet)
    if glossary is not None and len(glossary):
        say(_("glossary names: {found} found, {ok} enforced, {missing} missing").format(
            found=report.terms_found, ok=report.terms_enforced, missing=report.terms_missing), quiet)
        for seg_id, entry in report.missing:
            say(_("  missing: {entry} in segment {seg}").format(entry=entry, seg=seg_id), quiet)
    return report.terms_missing


COMMANDS = [translate]
