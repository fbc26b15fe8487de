"""Our sentence splitter's rules for other tools: SRX 2.0 (Okapi, memoQ, Trados, OmegaT's import)
and OmegaT 3.x's own project segmentation file (``omegat/segmentation.conf``).

Both are written from :func:`bilingual.segment.break_rules`, which is made from the splitter's own
tables, so the rules never drift from what ``translate`` does.
"""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from bilingual.document import Document
from bilingual.formats.base import ExportOptions, Format, Role
from bilingual.segment import break_rules

SRX_NAMESPACE = "http://www.lisa.org/srx20"
RULE_NAME = "English news (bilingual)"
LANGUAGE_PATTERN = "[Ee][Nn].*"  # English source texts, in SRX's and OmegaT's language codes


def srx_document() -> bytes:
    """The rules as an SRX 2.0 file: one language rule for English, mapped from every English code."""
    rules = "".join(
        f'      <rule break="{"yes" if is_break else "no"}">\n'
        f"        <beforebreak>{escape(before)}</beforebreak>\n"
        f"        <afterbreak>{escape(after)}</afterbreak>\n"
        "      </rule>\n"
        for is_break, before, after in break_rules()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<srx xmlns="{SRX_NAMESPACE}" version="2.0">\n'
        '  <header segmentsubflows="yes" cascade="no">\n'
        '    <formathandle type="start" include="no"/>\n'
        '    <formathandle type="end" include="yes"/>\n'
        '    <formathandle type="isolated" include="yes"/>\n'
        "  </header>\n"
        "  <body>\n"
        "    <languagerules>\n"
        f"    <languagerule languagerulename={quoteattr(RULE_NAME)}>\n{rules}    </languagerule>\n"
        "    </languagerules>\n"
        "    <maprules>\n"
        f"      <languagemap languagepattern={quoteattr(LANGUAGE_PATTERN)} languagerulename={quoteattr(RULE_NAME)}/>\n"
        "    </maprules>\n"
        "  </body>\n"
        "</srx>\n"
    ).encode()


def _bean_string(name: str, value: str, indent: str) -> str:
    return f'{indent}<void property="{name}">\n{indent} <string>{escape(value)}</string>\n{indent}</void>\n'


def omegat_segmentation() -> bytes:
    """The rules as OmegaT 3.x stores a project's own segmentation (``omegat/segmentation.conf``,
    Java's XMLEncoder form of its SRX object): English texts take our rules, nothing else changes."""
    pad = "         "
    rules = "".join(
        '       <void method="add">\n        <object class="org.omegat.core.segmentation.Rule">\n'
        + _bean_string("afterbreak", after, pad)
        + _bean_string("beforebreak", before, pad)
        + f'{pad}<void property="breakRule">\n{pad} <boolean>{"true" if is_break else "false"}</boolean>\n{pad}</void>\n'
        "        </object>\n       </void>\n"
        for is_break, before, after in break_rules()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<java version="1.8.0" class="java.beans.XMLDecoder">\n'
        ' <object class="org.omegat.core.segmentation.SRX">\n'
        '  <void property="mappingRules">\n'
        '   <void method="add">\n'
        '    <object class="org.omegat.core.segmentation.MapRule">\n'
        + _bean_string("language", RULE_NAME, "     ")
        + _bean_string("pattern", "EN.*", "     ")
        + '     <void property="rules">\n      <object class="java.util.ArrayList">\n'
        + rules
        + "      </object>\n     </void>\n    </object>\n   </void>\n  </void>\n"
        + _bean_string("segmentSubflows", "true", "  ").replace("<string>true</string>", "<boolean>true</boolean>")
        + _bean_string("version", "0.2.2", "  ")
        + " </object>\n</java>\n"
    ).encode("utf-8")


class SrxFormat(Format):
    """``export --to srx``: the splitter's rules (the document only names the output)."""

    name = "srx"
    roles = frozenset({Role.EXPORT})
    extensions = (".srx",)
    media_type = "application/xml"
    of_document = False

    @classmethod
    def sniff(cls, head: bytes) -> bool:
        return b"<srx" in head and SRX_NAMESPACE.encode() in head

    def render(self, doc: Document, options: ExportOptions) -> bytes:
        return srx_document()
