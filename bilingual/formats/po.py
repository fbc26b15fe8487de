"""Gettext PO export and import, for editors who work in Poedit.

``msgctxt`` is the segment id, ``msgid`` the English, ``msgstr`` the Arabic. Machine output
is marked ``fuzzy``; the names the glossary enforced are listed in a translator comment.
On import an entry that is no longer fuzzy (and has a translation) is approved.
"""

from __future__ import annotations

from bilingual.errors import FormatError
from bilingual.formats import ExportOptions, Format, Unit


class PoFormat(Format):
    name = "po"
    extensions = (".po",)
    media_type = "text/x-gettext-translation"
    can_import = True

    def render(self, doc, options: ExportOptions | None = None) -> bytes:
        import polib

        stamp = self.stamp(doc)
        po = polib.POFile(wrapwidth=0)
        po.header = f"Translation of {doc.head.input_name or 'a document'} by bilingual"
        po.metadata = {
            "Project-Id-Version": doc.head.input_name or "document",
            "Language": doc.tgt_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "X-Generator": f"bilingual {stamp['tool_version']}",
            "X-Bilingual-Engine": stamp["engine"] or "-",
            "X-Bilingual-Model": f"{stamp['model'] or '-'} {stamp['model_version']} {stamp['model_checksum']}".strip(),
            "X-Bilingual-Glossary": stamp["glossary"] or "-",
        }
        for seg in doc.segments():
            names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
            entry = polib.POEntry(msgctxt=seg.id, msgid=seg.source, msgstr=seg.target,
                                  tcomment=("names: " + "; ".join(names)) if names else "",
                                  comment=f"status: {seg.status}")
            if seg.status == "mt":
                entry.flags.append("fuzzy")
            po.append(entry)
        return str(po).encode("utf-8")

    def parse(self, data: bytes, *, path: str) -> list[Unit]:
        import polib

        try:
            po = polib.pofile(data.decode("utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise FormatError(f"malformed PO file: {exc}", path=path) from exc
        units = []
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            recorded = entry.comment.removeprefix("status: ").strip() if entry.comment else ""
            if "fuzzy" in entry.flags or not entry.msgstr:
                status = "mt"
            elif recorded in ("edited", "approved"):
                status = recorded  # exported as such and not reopened
            else:
                status = "approved"  # an editor cleared the fuzzy flag
            units.append(Unit(entry.msgctxt or "", entry.msgid, entry.msgstr, status, entry.linenum))
        return units
