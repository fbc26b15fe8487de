"""What an OmegaT project made from our documents holds: the project file, each article as the
plain text OmegaT reads, and the documents with their sources as OmegaT will show them.

OmegaT's segments are ours one for one: the project segments with our own rules
(:mod:`bilingual.formats.srx`), and each article is written a block a paragraph, a list item a
line, a sentence's own line breaks as spaces (OmegaT would end a paragraph there).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from bilingual.document import Document, Segment
from bilingual.segment import is_list_item

PROJECT_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <source_dir_excludes>
      <mask>**/.svn/**</mask>
      <mask>**/CVS/**</mask>
      <mask>**/.git/**</mask>
    </source_dir_excludes>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>EN</source_lang>
    <target_lang>AR</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneArabicTokenizer</target_tok>
    <sentence_seg>true</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


def project_file() -> bytes:
    """``omegat.project``: English to Arabic, Lucene's tokenizers for both, sentence segmentation
    on (with the project's own rules), the standard folders."""
    return PROJECT_FILE.encode("utf-8")


#: The project's filter settings: OmegaT's PO filter skips a PO file's header (else it offers the
#: header as segments, and typing into one empties Content-Type, Language and Plural-Forms); every
#: other filter keeps OmegaT's defaults.
FILTERS_FILE = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<filters removeTags="false" removeSpacesNonseg="false" preserveSpaces="false" ignoreFileContext="false">
  <filter className="org.omegat.filters2.po.PoFilter" enabled="true">
    <files sourceFilenameMask="*.po" targetFilenamePattern="${filename}"/>
    <files sourceFilenameMask="*.pot" targetFilenamePattern="${nameOnly}.po"/>
    <option name="skipHeader" value="true"/>
  </filter>
</filters>
"""


def filters_file() -> bytes:
    """``omegat/filters.xml``: a PO file put in ``source/`` shows its entries, never its header."""
    return FILTERS_FILE.encode("utf-8")


def as_shown(source: str) -> str:
    """A segment's English as OmegaT shows it: its line breaks and runs of spaces made one space."""
    return " ".join(source.split())


def source_text(doc: Document) -> tuple[bytes, Document]:
    """The article as OmegaT reads it (UTF-8 text: a blank line between blocks, a list item a line),
    and the document with each segment's source as OmegaT will show it (for the project's memory)."""
    blocks: list[str] = []
    changed: dict[str, Segment] = {}
    for block in doc.blocks:
        line = ""
        previous: Segment | None = None
        for seg in block.segments:
            shown = as_shown(seg.source)
            if not shown:
                continue
            if shown != seg.source:
                changed[seg.id] = replace(seg, source=shown)
            if previous is not None:
                line += "\n" if is_list_item(shown) else " "
            line += shown
            previous = seg
        if line:
            blocks.append(line)
    return ("\n\n".join(blocks) + "\n").encode("utf-8"), doc.with_segments(changed)


def only(doc: Document, keep: Callable[[Segment], bool]) -> Document:
    """*doc* with the segments *keep* accepts (blocks left without any dropped)."""
    blocks = tuple(replace(b, segments=tuple(s for s in b.segments if keep(s))) for b in doc.blocks)
    return replace(doc, blocks=tuple(b for b in blocks if b.segments))
