"""Gettext PO export and import, for editors who work in Poedit.

``msgctxt`` is the segment id, ``msgid`` the English, ``msgstr`` the Arabic. Machine output
is marked ``fuzzy``; the names the glossary enforced are listed in a translator comment.
On import a fuzzy entry is unreviewed and a cleared one reviewed; neither is an approval (tools
such as OmegaT clear every fuzzy flag): import compares the text with the machine's.
"""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from bilingual.document import SegmentStatus, is_human, text_version
from bilingual.encoding import decode_utf8
from bilingual.errors import FormatError
from bilingual.formats import notes as comment_notes
from bilingual.formats.base import ExportOptions, Format, Role, Skip, Unit, UnitFile
from bilingual.i18n import _

if TYPE_CHECKING:
    from bilingual.document import Document

#: header fields an editor's tool may wipe (OmegaT shows the header as segments): said on import
HEADER_KEPT = ("Content-Type", "Language", "Plural-Forms")
PLURAL_FORMS_AR = "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"


class PoFormat(Format):
    name = "po"
    extensions = (".po",)
    media_type = "text/x-gettext-translation"
    roles = frozenset({Role.EXPORT, Role.UNITS})

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        """A PO file: its first keyword line is msgctxt or msgid (comments may come first)."""
        text = head.decode("utf-8", "replace").lstrip("\ufeff")
        return re.search(r'(?m)^(msgctxt|msgid)\s+"', text) is not None and not text.lstrip().startswith("<")

    def render(self, doc: Document, options: ExportOptions | None = None) -> bytes:
        import polib

        stamp = self.stamp(doc)
        po = polib.POFile(wrapwidth=0)
        po.header = f"Translation of {doc.head.input_name or 'a document'} by bilingual"
        po.metadata = {
            "Project-Id-Version": doc.head.input_name or "document",
            # msgfmt -c (Poedit's check) wants these three; the revision date is the export's.
            "PO-Revision-Date": time.strftime("%Y-%m-%d %H:%M+0000", time.gmtime()),
            "Last-Translator": "bilingual (machine translation) <>",
            "Language-Team": "Arabic <>",
            "Language": doc.tgt_lang,
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": PLURAL_FORMS_AR,
            "X-Generator": f"bilingual {stamp['tool_version']}",
            "X-Bilingual-Engine": stamp["engine"] or "-",
            "X-Bilingual-Model": f"{stamp['model'] or '-'} {stamp['model_version']} {stamp['model_checksum']}".strip(),
            "X-Bilingual-Glossary": stamp["glossary"] or "-",
        }
        for seg in doc.segments():
            names = [f"{t.entry} → {t.target}" for t in seg.terms if t.enforced]
            entry = polib.POEntry(
                msgctxt=seg.id,
                msgid=seg.source,
                msgstr=seg.target,
                tcomment="\n".join(
                    (["names: " + "; ".join(names)] if names else [])
                    + comment_notes.po_lines(options.comments_on(seg.id) if options is not None else [])
                ),
                comment=f"status: {seg.status}\nbase: {text_version(seg.target)}\nsource: {text_version(seg.source)}",
            )
            if not is_human(seg.status):  # machine text, whether new or from the memory
                entry.flags.append("fuzzy")
            po.append(entry)
        return str(po).encode("utf-8")

    def parse(self, data: bytes, *, path: str) -> UnitFile:
        """Units of a PO file; a fuzzy entry is unreviewed, a non-fuzzy one reviewed (but not explicitly
        approved: tools such as OmegaT clear every fuzzy flag, so import compares with the machine text)."""
        from bilingual.names.pofiles import polib_from_text

        text = decode_utf8(data, path=path, error=FormatError, hint=_("save the PO file as UTF-8"))
        po = polib_from_text(text, path=path, error=FormatError)
        units, skipped = [], []
        translator = po.metadata.get("Last-Translator", "").split("<")[0].strip()
        if translator.startswith("bilingual"):
            translator = ""  # our own export's header: the author of a bare comment line is unknown
        for entry in po:
            if entry.obsolete or not entry.msgid:
                continue
            uid = entry.msgctxt or ""
            if entry.msgid_plural:
                skipped.append(
                    Skip(uid or entry.msgid[:40], "plural entry (a sentence has no plural forms)", entry.linenum)
                )
                continue
            said = tuple(comment_notes.from_po(entry.tcomment or "", who=translator))
            if not entry.msgstr.strip() and not said:
                skipped.append(Skip(uid or entry.msgid[:40], "empty translation", entry.linenum))
                continue
            ours = dict(
                line.split(": ", 1)
                for line in (entry.comment or "").splitlines()
                if line.startswith(("status: ", "base: ", "source: "))
            )
            recorded = ours.get("status", "").strip()
            status: SegmentStatus
            if "fuzzy" in entry.flags:
                status = "mt"
            elif recorded == "edited":
                status = "edited"  # exported as such and not reopened
            else:
                status = "approved"  # the fuzzy flag is cleared
            # explicit: only our own record that the segment was approved when exported
            units.append(
                Unit(
                    uid,
                    entry.msgid,
                    entry.msgstr,
                    status,
                    entry.linenum,
                    explicit=recorded == "approved",
                    base=ours.get("base", "").strip(),
                    source_base=ours.get("source", "").strip(),
                    comments=said,  # an entry left untranslated may still carry a comment
                )
            )
        language, notices = po.metadata.get("Language", ""), []
        lost = [key for key in HEADER_KEPT if not po.metadata.get(key, "").strip()]
        if lost and _ours(po):
            # a tool emptied the header (OmegaT offers it as a segment): our own file is English to
            # Arabic in UTF-8 whatever it now says
            language = language or "ar"
            notices.append(
                _(
                    "the PO header lost {fields} (a tool overwrote it); read as bilingual's own English-to-Arabic "
                    "file in UTF-8"
                ).format(fields=", ".join(lost))
            )
        return UnitFile(units, skipped, "", language, notices)


def _ours(po: Any) -> bool:
    """Whether *po* is a file we exported: our generator in the header, or our records on its entries."""
    if po.metadata.get("X-Generator", "").startswith("bilingual"):
        return True
    entries = [e for e in po if e.msgid and not e.obsolete]
    return bool(entries) and all("base: " in (e.comment or "") for e in entries)
