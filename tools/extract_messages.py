"""Extract the tool's UI messages into locales/bilingual.pot and merge them into each catalog.

    python tools/extract_messages.py

Finds every ``_("…")`` and ``ngettext("…", "…", n)`` with literal strings in bilingual/ (and
``_("…")`` in the desk's Jinja templates, ``bilingual/desk/templates/*.html``),
plus the click messages our help and errors show (click looks them up through gettext too),
writes the template, and merges it into locales/*/LC_MESSAGES/bilingual.po: new messages are
added untranslated, vanished ones become obsolete, translations are kept.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
# Messages click itself prints in help and errors, looked up through the same domain.
CLICK_MESSAGES = [
    "Usage:",
    "Options",
    "Commands",
    "Show this message and exit.",
    "Show the version and exit.",
    "Error: {message}",
    "Try '{command} {option}' for help.",
    "Missing argument",
    "Missing option",
    "Missing command.",
    "No such option {name!r}.",
    "No such command {name!r}.",
    "Invalid value for {param_hint}: {message}",
    "Aborted!",
    "{value} is not in the range {range}.",
    "{value!r} is not a valid {number_type}.",
    "Choose from:\n\t{choices}",
    "{name} {filename!r} does not exist.",
    "{name} {filename!r} is a directory.",
    "file",
    "default: {default}",
]


REFUSALS = ("Refused", "ApiError")


def extract() -> list[tuple[str, str | None, list[tuple[str, int]]]]:
    found: dict[tuple[str, str | None], list[tuple[str, int]]] = {}
    for path in sorted((ROOT / "bilingual").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            args = node.args
            if node.func.id == "_" and args and isinstance(args[0], ast.Constant) and isinstance(args[0].value, str):
                found.setdefault((args[0].value, None), []).append((rel, node.lineno))
            elif (  # the web's refusals: Refused(status, "message", **fields), translated per request
                node.func.id in REFUSALS and len(args) >= 2
                and isinstance(args[1], ast.Constant) and isinstance(args[1].value, str)
            ):  # fmt: skip
                found.setdefault((args[1].value, None), []).append((rel, node.lineno))
            elif (
                node.func.id == "ngettext"
                and len(args) >= 2
                and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args[:2])
            ):
                found.setdefault((args[0].value, args[1].value), []).append((rel, node.lineno))
    for path in sorted((ROOT / "bilingual" / "checks").glob("*.py")):  # a finding's title: its check's docstring
        rel = path.relative_to(ROOT).as_posix()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            doc = ast.get_docstring(node) if isinstance(node, ast.FunctionDef) else None
            if doc and any(
                isinstance(d, ast.Call) and getattr(d.func, "id", "") == "register" for d in node.decorator_list
            ):
                found.setdefault((doc.strip().splitlines()[0], None), []).append((rel, node.lineno))
    template_call = re.compile(r"""_\(\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\)""")
    for path in sorted((ROOT / "bilingual" / "desk" / "templates").glob("*.html")):
        rel = path.relative_to(ROOT).as_posix()
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for match in template_call.finditer(line):
                found.setdefault((match.group(1) or match.group(2), None), []).append((rel, lineno))
    for message in CLICK_MESSAGES:
        found.setdefault((message, None), []).append(("click", 0))
    return [(msgid, plural, where) for (msgid, plural), where in found.items()]


def main() -> None:
    from bilingual import __version__

    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {
        "Project-Id-Version": f"bilingual {__version__}",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for msgid, plural, where in extract():
        entry = polib.POEntry(msgid=msgid, msgstr="", occurrences=[(f, str(n)) for f, n in where if n])
        if "{" in msgid:
            entry.flags.append("python-brace-format")
        if plural:
            entry.msgid_plural, entry.msgstr_plural = plural, {0: "", 1: ""}
        pot.append(entry)
    pot.save(str(ROOT / "locales" / "bilingual.pot"))
    print(f"locales/bilingual.pot: {len(pot)} messages")
    for po_path in sorted((ROOT / "locales").glob("*/LC_MESSAGES/bilingual.po")):
        po = polib.pofile(str(po_path), wrapwidth=0)
        po.merge(pot)
        po.save(str(po_path))
        print(
            f"{po_path.relative_to(ROOT)}: {po.percent_translated()}% translated, "
            f"{len(po.untranslated_entries())} untranslated, {len(po.fuzzy_entries())} fuzzy"
        )


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
