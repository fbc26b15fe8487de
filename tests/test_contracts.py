"""Contract tests: every registered format and engine is tested the moment it is registered.

One base class per plugin kind. Each format declares its identity; an exporter's output is read
back (with the format's own parser, or, for publishing formats, with the tool a reader would use:
lxml for HTML, python-docx for DOCX, pypdf for PDF, a Markdown table reader) and must give
back the same segments.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from lxml import etree

from bilingual.document import Head, RawBlock, TermMatch
from bilingual.formats import REGISTRY, ExportOptions, Format, Role, detect, formats, get
from bilingual.names.entry import Entry
from bilingual.read import build_document


def sample_doc(*, hostile: bool = True):
    odd = "\x0b" if hostile else ""
    text = f'Derna waits. Haftar\'s men & <friends> said "no".\n\nA second paragraph{odd} here.'
    cut = text.index("\n\n")
    doc = build_document(
        text,
        [RawBlock("p", 0, cut), RawBlock("p", cut + 2, len(text))],
        head=Head(input_name="sample.txt", tool_version="0.1.0", engine="test", model_name="m"),
    )
    a, b, c = doc.segments()
    return doc.with_segments(
        {
            a.id: replace(a, target="درنة تنتظر.", terms=(TermMatch("Derna", "place", 0, 5, "درنة", 0, 4),)),
            b.id: replace(b, target="قال رجال حفتر «لا» & <أصدقاء>.", status="approved"),
            c.id: replace(c, target=f"فقرة ثانية{odd} هنا.", status="edited"),
        }
    )


def pairs(doc) -> list[tuple[str, str]]:
    return [(s.source, s.target) for s in doc.segments()]


def test_the_registry_lists_each_class_once_and_every_role_has_a_format():
    assert len(set(REGISTRY)) == len(REGISTRY)
    for role in Role:
        assert formats(role), role
    for role in Role:
        names = [cls.name for cls in formats(role)]
        assert len(names) == len(set(names)), (role, names)


@pytest.mark.parametrize(
    "cls", [c for role in Role for c in formats(role)], ids=lambda c: f"{c.__module__}:{c.__name__}"
)
def test_every_format_declares_itself(cls):
    assert issubclass(cls, Format) and cls.name and cls.roles
    assert cls.extensions and all(ext.startswith(".") for ext in cls.extensions)
    assert "/" in cls.media_type and cls.suffix().startswith(".")


# --- publishing formats are read back with the tools a reader would use ---------------------------


def _html_pairs(data: bytes) -> list[tuple[str, str]]:
    from lxml import html

    root = html.fromstring(data)
    en = {el.get("data-seg"): el.text_content() for el in root.iter() if el.get("id", "").startswith("en-")}
    ar = {el.get("data-seg"): el.text_content() for el in root.iter() if el.get("id", "").startswith("ar-")}
    return [(en[k], ar[k]) for k in en]


def _report_pairs(data: bytes) -> list[tuple[str, str]]:
    from lxml import html

    rows = html.fromstring(data).xpath("//tr[@id]")
    return [(row[1].text_content(), row[2].text_content()) for row in rows]


def _md_pairs(data: bytes) -> list[tuple[str, str]]:
    import html

    out = []
    for line in (r for r in data.decode().splitlines()[4:] if r.startswith("|")):  # the table, not the mark
        cells = re.split(r"(?<!\\)\|", line)[1:-1]
        en, ar = (html.unescape(re.sub(r"\\(.)", r"\1", c.strip().strip("\u2067\u2069"))) for c in cells)
        out.append((en, ar))
    return out


def _docx_pairs(data: bytes) -> list[tuple[str, str]]:
    import io

    import docx

    table = docx.Document(io.BytesIO(data)).tables[0]
    return [(row.cells[0].text, row.cells[1].text) for row in table.rows]


def _pdf_text(data: bytes) -> str:
    """The PDF's text as a reader's tool extracts it (pypdf: pure Python, no system package)."""
    import io

    import pypdf

    return " ".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def _omegat_xliff_pairs(data: bytes) -> list[tuple[str, str]]:
    """OmegaT's view: the English in the target (what it translates), our Arabic offered in alt-trans."""
    out = []
    for tu in etree.fromstring(data).iter("{*}trans-unit"):
        source, target = tu.find("{*}source").text, tu.find("{*}target").text
        assert target == source and tu.find("{*}target").get("state") == "needs-translation"
        out.append((source, tu.find("{*}alt-trans/{*}target").text))
    return out


PUBLISHING_READERS = {"html": _html_pairs, "report": _report_pairs, "md": _md_pairs, "docx": _docx_pairs,
                      "xliff-omegat": _omegat_xliff_pairs}  # fmt: skip


@pytest.mark.parametrize("name", [c.name for c in formats(Role.EXPORT)])
class TestExportContract:
    def test_renders_every_layout(self, name):
        fmt = get(name, Role.EXPORT)
        for options in (
            ExportOptions(),
            ExportOptions(layout="rows", align="paragraph"),
            ExportOptions(layout="interleaved", digits="arabic-indic", arabic_only=True),
        ):
            data = fmt.render(sample_doc(), options)
            assert isinstance(data, bytes)
            if not fmt.of_document:  # the same rules whatever the document
                assert data == fmt.render(sample_doc(hostile=True), options) and data
                continue
            assert "درنة".encode() in data or name in ("pdf", "docx")  # compressed containers

    def test_knows_its_own_output_and_no_one_else_s(self, name):
        """The write policy replaces a file without --overwrite only when the format says it made it."""
        fmt = get(name, Role.EXPORT)
        doc = sample_doc(hostile=name != "pdf")
        assert type(fmt).is_own_output(fmt.render(doc, ExportOptions(typography=False)))
        for stranger in (
            b"",
            b"Derna waits.\n",
            b"<html><body>a page</body></html>",
            b"%PDF-1.7 by someone",
            b"PK\x03\x04 not ours",
            b'msgid ""\nmsgstr ""\n',
        ):
            if name in ("po",) and stranger.startswith(b"msgid"):
                continue  # a PO file is a PO file: export keeps an editor's unapplied work in it apart
            assert not type(fmt).is_own_output(stranger), stranger

    def test_round_trip_gives_back_the_segments(self, name, tmp_path):
        fmt = get(name, Role.EXPORT)
        if not fmt.of_document:  # what it holds (the segmentation rules) comes back whole
            from bilingual.segment import break_rules

            root = etree.fromstring(fmt.render(sample_doc(), ExportOptions()))
            rules = [(r.get("break") == "yes", r[0].text, r[1].text) for r in root.iter("{*}rule")]
            assert rules == break_rules() and type(fmt).sniff(etree.tostring(root))
            return
        if Role.DOCUMENT in fmt.roles:
            doc = sample_doc()
            back = fmt.parse_document(fmt.render(doc, ExportOptions()), path="x" + fmt.suffix())
            assert back.blocks == doc.blocks and back.head == doc.head
        elif Role.UNITS in fmt.roles:
            doc = sample_doc()
            units = fmt.parse(fmt.render(doc, ExportOptions()), path="x" + fmt.suffix()).units
            assert [(u.id, u.source, u.target, u.status) for u in units] == [
                (s.id, s.source, s.target, "mt" if s.status == "mt" else s.status) for s in doc.segments()
            ]
        elif name == "pdf":
            doc = sample_doc(hostile=False)
            flat = " ".join(_pdf_text(fmt.render(doc, ExportOptions(typography=False))).split())
            for source, _target in pairs(doc):
                assert " ".join(source.split()) in flat
            for word in ("درنة", "تنتظر", "فقرة", "ثانية"):
                assert word in flat
        else:
            doc = sample_doc(hostile=False)
            data = fmt.render(doc, ExportOptions(typography=False))
            assert PUBLISHING_READERS[name](data) == pairs(doc)


@pytest.mark.parametrize("name", [c.name for c in formats(Role.UNITS)])
def test_units_formats_are_told_apart_by_content(name):
    """An exchange file is recognised by what it holds, whatever it is called (XLIFF 1.2 and 2 share .xlf)."""
    fmt = get(name, Role.UNITS)
    data = fmt.render(sample_doc(), ExportOptions())
    assert detect("corrected.xlf", data[:4096], Role.UNITS).name == name
    assert detect("no-extension", data[:4096], Role.UNITS).name == name


ALL_FIELDS = ("english", "arabic", "kind", "notes", "forbidden", "variant_of", "sources", "fuzzy", "no_translate")
# What each glossary format can say; an import keeps every other field as it is.
CARRIED = {"omegat": {"english", "arabic", "notes"}}


@pytest.mark.parametrize("name", [c.name for c in formats(Role.TERMS)])
def test_term_format_round_trip(name):
    fmt = get(name, Role.TERMS)
    entries = [
        Entry(
            "Khalifa Haftar",
            "خليفة حفتر",
            "person",
            'Field marshal, "LNA"',
            ("هفتر", "حفطر"),
            sources=("Al-Ahram Weekly style guide", "AFP"),
        ),
        Entry("Al-Ahram Weekly", "Al-Ahram Weekly", "other", no_translate=True),
        Entry("Al-Sisi", "السيسي", "person", variant_of="Abdel-Fattah Al-Sisi"),
        Entry("Derna", "درنة", "place", fuzzy=True),
    ]
    back = fmt.parse_terms(fmt.render_terms(entries), path="x" + fmt.suffix())
    carried = CARRIED.get(name, set(ALL_FIELDS))
    assert all(set(i.fields) <= set(ALL_FIELDS) for i in back)
    assert [{f: getattr(i.entry, f) for f in carried} for i in back] == [
        {f: getattr(e, f) for f in carried} for e in entries
    ]
    if name != "omegat":
        assert all(set(i.fields) == set(ALL_FIELDS) for i in back), name


@pytest.mark.parametrize("name", [c.name for c in formats(Role.ARTICLE)])
def test_article_formats_find_every_paragraph(name):
    fmt = get(name, Role.ARTICLE)
    sources = {
        "txt": "First one. Second.\n\nThird here.",
        "md": "# First one\n\nSecond *here*.\n\n- Third here.",
        "html": "<html><body><h1>First one</h1><p>Second <b>here</b>.</p><ul><li>Third here.</li></ul></body></html>",
    }
    if fmt.binary:  # a Word file made here with python-docx
        import io

        docx = pytest.importorskip("docx")
        made = docx.Document()
        made.add_heading("First one", level=0)
        made.add_paragraph("Second here.")
        made.add_paragraph("Third here.", style="List Bullet")
        data = io.BytesIO()
        made.save(data)
        plain, blocks = fmt.read_article_bytes(data.getvalue(), path="x.docx")
    else:
        plain, blocks = fmt.read_article(sources[name])
    texts = [plain[b.start : b.end] for b in blocks]
    assert len(texts) in (2, 3) and texts[-1] == "Third here." and texts[0].startswith("First one")


def test_every_engine_in_the_registry_loads(argos_packages):
    from bilingual.engines import Engine, EngineOptions, available_engines, load_engine

    for name in available_engines():
        engine = load_engine(name, EngineOptions(beam_size=1))
        assert isinstance(engine, Engine)
        out = engine.translate_batch(["Derna waits.", "Cairo watches."])
        assert len(out) == 2 and all(isinstance(t, str) for t in out)
        assert out[0] != out[1]  # output depends on the input


@pytest.mark.parametrize("name", [c.name for c in formats(Role.TERMS)])
def test_term_formats_know_their_own_export(name):
    fmt = get(name, Role.TERMS)
    assert type(fmt).is_own_output(fmt.render_terms([Entry("Derna", "درنة", "place")]))
    assert not type(fmt).is_own_output(b"%PDF-1.7 an editor's report")
    assert not type(fmt).is_own_output(b"a spreadsheet of someone's, with no tab or our header\n")
