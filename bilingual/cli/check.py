"""``bilingual check``: re-check aligned documents against the current glossary."""

from __future__ import annotations

import click

from bilingual.cli.common import glossary_option, say
from bilingual.i18n import _


@click.command(help=_("Re-check aligned documents against the current glossary (missing names, forbidden and "
                      "outdated spellings); --qa adds numbers, Latin text and empty translations."))
@click.argument("documents", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--qa", is_flag=True, help=_("Run the QA checks too."))
@click.option("--strict", is_flag=True, help=_("Exit with code 6 when no glossary is found (nothing could be checked)."))
@glossary_option
def check(documents, qa, strict, glossary_path):
    from bilingual.checks import run_checks
    from bilingual.formats.aligned import read_aligned
    from bilingual.names.load import load_default_glossary
    from bilingual.outcome import RunReport

    glossary = load_default_glossary(glossary_path)
    outcome = RunReport(strict=strict, no_glossary=glossary is None)
    if glossary is None:
        say(_("warning: no glossary found, so no name is checked (pass --glossary PATH, or run where a glossary/ "
              "folder is)"))
    errors = total = 0
    for path in documents:
        doc = read_aligned(path)
        findings = run_checks(doc, glossary=glossary, qa=qa)
        for f in findings:
            click.echo(f"{path}\t{f.segment_id}\t{f.severity}\t{f.title}: {f.message}")
        errors += sum(1 for f in findings if f.severity == "error")
        total += len(findings)
        if glossary is not None and doc.head.glossary_fingerprint and doc.head.glossary_fingerprint != glossary.fingerprint:
            say(_("{path}: translated with another version of the glossary").format(path=path))
    say(_("{n} findings ({errors} errors) in {docs} documents").format(n=total, errors=errors, docs=len(documents)))
    outcome.violations = errors
    outcome.finish()


COMMANDS = [check]
