"""Side-by-side publishing: typography, HTML in a real browser, PDF, DOCX, Markdown, report."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from bilingual.document import Head, RawBlock, Segment, TermMatch
from bilingual.formats import ExportOptions, exporter, typography
from bilingual.names.load import load_glossary
from bilingual.read import build_document, read_document
from bilingual.translation.pipeline import translate_document

import fake_engines
from conftest import EXAMPLES, ROOT

HOSTILE = 'Derna said <script>window.pwned=1</script> and " onmouseover="window.pwned=2" x.'


def translated(name="border-patrols.md"):
    doc, _ = translate_document(
        read_document(str(EXAMPLES / name)),
        engine=fake_engines.PseudoArabicEngine(),
        glossary=load_glossary(ROOT / "glossary"),
    )
    return doc


def hostile_doc():
    text = "Heading here\n\n" + HOSTILE + " Second sentence with 74 dead in 2015."
    doc = build_document(
        text,
        [RawBlock("h1", 0, 12), RawBlock("p", 14, len(text))],
        head=Head(input_name="<b>x</b>.txt", tool_version="0"),
    )
    s0, s1, s2 = doc.segments()
    return doc.with_segments(
        {
            s0.id: replace(s0, target="عنوان هنا"),
            s1.id: replace(
                s1,
                target='قالت درنة <script>window.pwned=3</script> "اقتباس" ؟?',
                terms=(TermMatch("Derna", "place", 0, 5, "درنة", 5, 9, "enforced"),),
            ),
            s2.id: replace(s2, target="جملة ثانية مع ٧٤ قتيلا."),
        }
    )


@pytest.mark.parametrize(
    "text, expected",
    [
        ("لماذا؟?", "لماذا؟"),
        ("لماذا ??", "لماذا؟"),
        ("قال, ثم ذهب ; انتهى", "قال، ثم ذهب؛ انتهى"),
        ('قال "نعم" أمس', "قال «نعم» أمس"),
        ("وصل 1,000 جندي", "وصل 1,000 جندي"),
        ("عام ٢٠١٥", "عام 2015"),
        ("مع GNA أمس", "مع \u2066GNA\u2069 أمس"),
        ("صحيفة \u2066Al-Ahram Weekly\u2069 قالت", "صحيفة \u2066Al-Ahram Weekly\u2069 قالت"),
    ],
)
def test_typography(text, expected):
    assert typography.typeset_piece(typography.typeset_inline(text)) == expected


def test_arabic_indic_digits_on_request():
    assert typography.typeset_inline("عام 2015 و 12", digits="arabic-indic") == "عام ٢٠١٥ و ١٢"
    assert typography.typeset_inline("\u2066GNA 2\u2069 و 3", digits="arabic-indic") == "\u2066GNA 2\u2069 و ٣"


def test_html_is_escaped_and_semantic():
    html = exporter("html").render(hostile_doc(), ExportOptions()).decode()
    assert "<script>window.pwned" not in html and "&lt;script&gt;window.pwned=1&lt;/script&gt;" in html
    assert 'onmouseover="window' not in html
    assert '<div class="ar" lang="ar" dir="rtl">' in html and "<article>" in html
    assert '<span class="term" title="Derna">درنة</span>' in html
    assert 'id="ar-p2.s1"' in html and "@page" in html and 'font-family: "Amiri"' in html
    assert '<h1 class="seg"' in html  # the heading block is a heading on both sides


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PROBE = """
<script>
window.addEventListener("load", function () {
  var pairs = Array.from(document.querySelectorAll(".pair"));
  var result = {
    pwned: window.pwned === undefined ? null : window.pwned,
    html_dir: getComputedStyle(document.documentElement).direction,
    ar_dirs: Array.from(document.querySelectorAll("div.ar")).map(function (e) { return getComputedStyle(e).direction; }),
    ar_align: Array.from(document.querySelectorAll("div.ar")).map(function (e) { return getComputedStyle(e).textAlign; }),
    rows: pairs.map(function (p) {
      var en = p.querySelector(".en") || p.querySelector(".ar"), ar = p.querySelector(".ar");
      return {en_top: en.getBoundingClientRect().top, ar_top: ar.getBoundingClientRect().top,
              en_bottom: en.getBoundingClientRect().bottom, en_left: en.getBoundingClientRect().left,
              ar_left: ar.getBoundingClientRect().left};
    }),
    text: document.body.innerText,
    hover: (function () {
      var ar = document.querySelector('.ar [data-seg]');
      if (!ar) return null;
      ar.dispatchEvent(new MouseEvent("mouseover", {bubbles: true}));
      var partner = document.querySelector('.en [data-seg="' + ar.dataset.seg + '"]');
      return partner ? partner.classList.contains("hl") : null;
    })(),
    font: document.fonts.check("16px Amiri")
  };
  document.body.setAttribute("data-probe", JSON.stringify(result));
});
</script>
"""


def run_chromium(html_path, width, *, screenshot=None):
    args = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={html_path.parent / 'chromium-profile'}",
        f"--window-size={width},1000",
        "--virtual-time-budget=3000",
    ]
    if screenshot:
        subprocess.run(args + [f"--screenshot={screenshot}", html_path.as_uri()], capture_output=True, timeout=120)
    done = subprocess.run(args + ["--dump-dom", html_path.as_uri()], capture_output=True, text=True, timeout=120)
    match = re.search(r'data-probe="([^"]*)"', done.stdout)
    assert match, done.stderr[-2000:]
    return json.loads(
        match.group(1).replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    )


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt-get install chromium)")
def test_html_in_a_real_browser(tmp_path):
    html = exporter("html").render(hostile_doc(), ExportOptions()).decode()
    page = tmp_path / "page.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    wide = run_chromium(page, 1280, screenshot=tmp_path / "wide.png")
    assert wide["pwned"] is None  # nothing in the source ran as script
    assert "<script>window.pwned=1</script>" in wide["text"] and 'onmouseover="window.pwned=2"' in wide["text"]
    assert set(wide["ar_dirs"]) == {"rtl"} and set(wide["ar_align"]) == {"right"}
    assert wide["html_dir"] == "ltr"
    assert wide["hover"] is True  # pointing at an Arabic sentence highlights its English partner
    for row in wide["rows"]:  # each English sentence's partner is on the same row, to its right
        assert abs(row["en_top"] - row["ar_top"]) < 2 and row["ar_left"] > row["en_left"]
    narrow = run_chromium(page, 420)
    for row in narrow["rows"]:  # on a phone the columns stack: Arabic under English
        assert row["ar_top"] >= row["en_bottom"] - 1
    assert (tmp_path / "wide.png").stat().st_size > 5000


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt-get install chromium)")
def test_arabic_only_html_is_rtl(tmp_path):
    html = exporter("html").render(translated(), ExportOptions(arabic_only=True)).decode()
    page = tmp_path / "ar.html"
    page.write_text(html.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    result = run_chromium(page, 1000)
    assert result["html_dir"] == "rtl" and "Egypt tightens" not in result["text"]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils is installed by .ci/run")
def test_pdf_text_is_logical_and_joined(tmp_path):
    doc = translated()
    pdf = tmp_path / "out.pdf"
    pdf.write_bytes(exporter("pdf").render(doc, ExportOptions()))
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "Egyptian border guards" in text
    for word in ("جبل العوينات", "السلوم", "ليبيا", "القاهرة"):
        assert word in text  # logical order, and real letters
    assert not re.search("[\ufb50-\ufdff\ufe70-\ufeff]", text)  # no isolated presentation forms
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "Pages:" in info and "A4" in info
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "Amiri" in fonts


def test_docx_bidi_properties(tmp_path):
    import docx
    from docx.oxml.ns import qn

    doc = translated()
    path = tmp_path / "out.docx"
    path.write_bytes(exporter("docx").render(doc, ExportOptions()))
    reopened = docx.Document(str(path))
    table = reopened.tables[0]
    assert len(table.rows) == len(doc.segments())
    for row, seg in zip(table.rows, doc.segments()):
        en, ar = row.cells
        assert en.text == seg.source
        paragraph = ar.paragraphs[0]
        assert paragraph._p.pPr.find(qn("w:bidi")) is not None
        assert paragraph._p.pPr.find(qn("w:jc")) is None  # start edge of an RTL paragraph: the right
        for run in paragraph.runs:
            assert run._r.rPr.find(qn("w:rtl")) is not None
            assert run._r.rPr.find(qn("w:rFonts")).get(qn("w:cs")) == "Amiri"
    arabic_text = "".join(row.cells[1].text for row in table.rows)
    assert "جبل العوينات" in arabic_text


# The order ECMA-376 gives a run's and a paragraph's properties (CT_RPr, CT_PPr), as far as we write them.
RUN_PROPERTIES = ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "color", "sz", "szCs", "u", "rtl", "cs", "lang"]
PARAGRAPH_PROPERTIES = ["pStyle", "keepNext", "keepLines", "bidi", "spacing", "ind", "jc"]


def test_docx_properties_are_in_the_schema_s_order():
    """Word validates a part against its schema and calls an out-of-order run "unreadable content";
    the Arabic runs had their size after rtl and lang."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    for options in (ExportOptions(), ExportOptions(layout="interleaved", mark_names="bold")):
        data = exporter("docx").render(translated(), options)
        body = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))
        for tag, order in (("rPr", RUN_PROPERTIES), ("pPr", PARAGRAPH_PROPERTIES)):
            for props in body.iter(w + tag):
                names = [child.tag.removeprefix(w) for child in props]
                assert names == sorted(names, key=order.index), names


def libreoffice_writer() -> bool:
    """Whether LibreOffice *Writer* is installed (a machine with Calc alone has soffice too, and
    converts no DOCX): Writer's registry sits in the installation beside soffice's program folder."""
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    program = Path(os.path.realpath(soffice)).parent
    return (program.parent / "share" / "registry" / "writer.xcd").is_file()


@pytest.mark.skipif(
    not libreoffice_writer() or shutil.which("pdftotext") is None,
    reason="LibreOffice Writer and poppler are installed by .ci/run",
)
def test_docx_converts_with_libreoffice_without_loss(tmp_path):
    doc = translated("sirte-report.html")
    path = tmp_path / "out.docx"
    path.write_bytes(exporter("docx").render(doc, ExportOptions()))
    subprocess.run(
        [
            "soffice",
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(path),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / "out.pdf"), "-"], capture_output=True, text=True
    ).stdout
    # Lines of right-to-left text come out of pdftotext with their end punctuation moved: compare letters.
    squeezed = re.sub(r"[\s\u202a-\u202e\u2066-\u2069.,،؛:!?؟«»\"]+", "", text)
    for seg in doc.segments():
        for term in seg.terms:
            if term.enforced:
                assert term.target.replace(" ", "") in squeezed


def test_markdown_table_and_escaping():
    md = exporter("md").render(hostile_doc(), ExportOptions()).decode()
    lines = md.splitlines()
    assert lines[2] == "| English | العربية |"
    rows = [line for line in lines if line.startswith("| ") and "English" not in line and "---" not in line]
    assert len(rows) == 3 and all(line.count(" | ") == 1 for line in rows)
    assert "<script>" not in md and "&lt;script&gt;" in md
    interleaved = exporter("md").render(hostile_doc(), ExportOptions(layout="interleaved")).decode()
    assert '<div dir="rtl" lang="ar">' in interleaved


def test_paragraph_alignment_joins_sentences():
    doc = translated()
    html = exporter("html").render(doc, ExportOptions(align="paragraph")).decode()
    assert html.count('class="pair') == len(doc.blocks)


def test_review_report_lists_what_to_check():
    doc = hostile_doc()
    s = doc.segments()
    doc = doc.with_segments(
        {
            s[0].id: replace(s[0], target=""),
            s[2].id: replace(s[2], terms=(TermMatch("Derna", "place", 0, 5, "درنة", -1, -1, "missing"),)),
        }
    )
    from bilingual.checks import run_checks
    from bilingual.formats import Review
    from bilingual.names.load import load_glossary

    findings = tuple(run_checks(doc, glossary=load_glossary(ROOT / "glossary"), qa=True))
    html = exporter("report").render(doc, ExportOptions(review=Review(findings, "current"))).decode()
    assert "Empty translation" in html
    assert "Numbers differ between source and translation: missing 2015" in html
    assert 'Derna → <span lang="ar">درنة</span> (missing)' in html
    assert "&lt;script&gt;" in html and "<script>window" not in html


def test_export_cli_writes_bilingual_and_arabic_only(run_cli, tmp_path):
    from bilingual.formats.aligned import render_aligned

    doc_path = tmp_path / "a.en-ar.xml"
    doc_path.write_bytes(render_aligned(translated()))
    r = run_cli("export", doc_path, "--to", "html", "--arabic-only", "--digits", "arabic-indic")
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "a.en-ar.html").exists() and (tmp_path / "a.ar.html").exists()
    assert "٤٠" in (tmp_path / "a.en-ar.html").read_text(encoding="utf-8")
    assert 'dir="rtl"' in (tmp_path / "a.ar.html").read_text(encoding="utf-8")[:200]


def test_inline_markup_of_the_source_is_carried_to_html(tmp_path):
    md = tmp_path / "a.md"
    md.write_text(
        "Colonel **Ahmed Al-Mismari** spoke *today*. See [the text](https://example.org/x) "
        "and [this](javascript:alert(1)).\n",
        encoding="utf-8",
    )
    doc, _ = translate_document(
        read_document(str(md)), engine=fake_engines.PseudoArabicEngine(), glossary=load_glossary(ROOT / "glossary")
    )
    html = exporter("html").render(doc, ExportOptions()).decode()
    assert '<strong><span class="term" title="أحمد المسماري">Ahmed Al-Mismari</span></strong>' in html
    assert "<em>today</em>" in html
    assert '<a href="https://example.org/x" rel="noopener">the text</a>' in html
    assert 'href="javascript' not in html  # an unsafe link is never a link


def test_unsafe_link_from_html_source_is_dropped(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(
        '<p>Read <a href="javascript:alert(1)">this</a> and <a href="https://x.org">that</a>.</p>', encoding="utf-8"
    )
    doc, _ = translate_document(read_document(str(page)), engine=fake_engines.PseudoArabicEngine())
    html = exporter("html").render(doc, ExportOptions()).decode()
    assert 'href="javascript' not in html and '<a href="https://x.org" rel="noopener">that</a>' in html


def test_the_embedded_font_rules_are_css_not_escaped_html():
    """The @font-face rules were HTML-escaped (font-family: &#34;Amiri&#34;): every export carried 1.1 MB of a font
    no browser or WeasyPrint could use; CI's system Amiri hid it."""
    from bilingual.formats.html import font_css, render_html

    doc = build_document("Derna waits.", [RawBlock("p", 0, 12)], head=Head(input_name="a.txt"))
    style = render_html(doc, ExportOptions()).split("<style>", 1)[1].split("</style>", 1)[0]
    pytest.importorskip("fontpkg_amiri")  # the publish extra; without it there is no font to embed
    assert font_css() and '@font-face { font-family: "Amiri"' in style and "&#34;" not in style


def test_arabic_indic_digits_take_the_arabic_separators():
    """--digits arabic-indic wrote ١,٢٠٠ and ٣.٥ instead of ١٬٢٠٠ and ٣٫٥."""
    out = typography.typeset_inline("بلغ 1,200 شخص و3.5% من السكان عام 2023, قال.", digits="arabic-indic")
    assert out == "بلغ ١٬٢٠٠ شخص و٣٫٥٪ من السكان عام ٢٠٢٣، قال."
    assert typography.typeset_inline("1,200 و3.5%", digits="western") == "1,200 و3.5%"


def test_markdown_arabic_cells_are_right_to_left_for_any_renderer():
    """The Markdown table's Arabic cells had no direction: final punctuation landed at the wrong end."""
    from bilingual.formats import render

    doc = build_document("Derna waits.", [RawBlock("p", 0, 12)], head=Head(input_name="a.txt"))
    (seg,) = doc.segments()
    doc = doc.with_segments({seg.id: replace(seg, target="درنة تنتظر.")})
    table = [line for line in render(doc, "md").decode().splitlines() if line.startswith("| Derna")]
    assert table == ["| Derna waits. | \u2067درنة تنتظر.\u2069 |"]


def test_a_proclitic_stays_in_the_name_s_styled_span_so_the_word_joins():
    """لـ + حكومة printed as an isolated ل then حكومة in the PDF: the name's span cut the word's text run."""
    from bilingual.formats.layout import segment_sides

    source, target = "for the Government.", "للحكومة."
    seg = Segment("p1.s1", 0, len(source), source, target,
                  terms=(TermMatch("Government", "org", 8, 18, "الحكومة", 0, 7, "enforced"),))  # fmt: skip
    _en, ar = segment_sides(seg, typography=False, digits="western")
    assert [(p.text, bool(p.term)) for p in ar] == [("للحكومة", True), (".", False)]
    seg = replace(seg, target="قالت وبحكومة.", terms=(TermMatch("Government", "org", 8, 18, "حكومة", 7, 12),))
    _en, ar = segment_sides(seg, typography=False, digits="western")
    assert [p.text for p in ar if p.term] == ["وبحكومة"]


def _translated_article(tmp_path, text: str):
    path = tmp_path / "article.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(str(path))
    return doc.with_segments({s.id: replace(s, target=f"ترجمة {n} للجملة.") for n, s in enumerate(doc.segments())})


def test_the_headline_is_the_title_everywhere_never_the_file_name(tmp_path):
    """Titles were file names: 'article' for article.txt in the HTML <title>, masthead, DOCX and Markdown."""
    import io

    from bilingual.formats import render

    doc = _translated_article(tmp_path, "Talks resume in Cairo\n\nHaftar met Salame. They spoke.\n")
    assert [b.kind for b in doc.blocks] == ["h1", "p"]
    html = render(doc, "html").decode()
    assert "<title>Talks resume in Cairo</title>" in html and '<h1 lang="en">Talks resume in Cairo</h1>' in html
    assert render(doc, "md").decode().startswith("# Talks resume in Cairo\n")
    docx = pytest.importorskip("docx")
    assert docx.Document(io.BytesIO(render(doc, "docx"))).core_properties.title == "Talks resume in Cairo"
    body_only = _translated_article(tmp_path, "Haftar met Salame in Cairo on Tuesday. They spoke.\n")
    assert "<title>Haftar met Salame in Cairo on Tuesday</title>" in render(body_only, "html").decode()


def test_an_arabic_title_is_typeset_in_arabic_and_the_arabic_only_page_reads_as_an_article(tmp_path):
    from bilingual.formats import render

    doc = _translated_article(tmp_path, "Talks resume in Cairo\n\nHaftar met Salame. They spoke.\n")
    html = render(doc, "html", title="محادثات في القاهرة").decode()
    assert '<h1 class="ar-title" lang="ar" dir="rtl">محادثات في القاهرة</h1>' in html and '<h1 lang="en">' not in html
    arabic = render(doc, "html", arabic_only=True).decode()
    assert '<h1 class="ar-title" lang="ar" dir="rtl">ترجمة 0 للجملة.</h1>' in arabic
    # one paragraph of two sentences, not one paragraph per sentence
    assert arabic.count('class="pair') == 2 and "ترجمة 1 للجملة. ترجمة 2 للجملة." in arabic


def test_stamps_and_name_marks_are_the_user_s_choice(tmp_path):
    import io

    from bilingual.formats import render

    doc = _translated_article(tmp_path, "Haftar met Salame.\n")
    (seg,) = doc.segments()
    doc = doc.with_segments({seg.id: replace(seg, target="التقى حفتر سلامة.",
                                             terms=(TermMatch("Haftar", "person", 0, 6, "حفتر", 6, 10),))})  # fmt: skip
    doc = replace(doc, head=replace(doc.head, model_checksum="sha256:abc", engine="argos", model_name="m"))
    assert "sha256:abc" in render(doc, "html").decode()
    bare = render(doc, "html", colophon=False).decode()
    assert "sha256:abc" not in bare and '<p class="meta">' not in bare and "<footer" not in bare
    assert 'class="layout-columns names-bold' in render(doc, "html", mark_names="bold").decode()
    docx = pytest.importorskip("docx")
    for mark, underline, bold in (("underline", True, None), ("bold", None, True), ("none", None, None)):
        made = docx.Document(io.BytesIO(render(doc, "docx", mark_names=mark)))
        runs = [r for p in made.tables[0].rows[0].cells[1].paragraphs for r in p.runs if r.text == "حفتر"]
        assert [(r.underline, r.bold) for r in runs] == [(underline, bold)], mark


def test_docx_rows_stay_on_one_page_and_both_scripts_share_a_line_height(tmp_path):
    """DOCX rows split across pages, and Arabic lines were set about twice as far apart as English."""
    import io

    from bilingual.formats import render

    docx = pytest.importorskip("docx")
    doc = _translated_article(tmp_path, "Haftar met Salame. They spoke.\n")
    made = docx.Document(io.BytesIO(render(doc, "docx")))
    table = made.tables[0]
    assert all(
        row._tr.trPr is not None
        and row._tr.trPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}cantSplit") is not None
        for row in table.rows
    )
    en, ar = table.rows[0].cells[0].paragraphs[0], table.rows[0].cells[1].paragraphs[0]
    # Word sets "single" spacing from a font's Windows metrics; Amiri's are 2.76 × its size (Latin
    # fonts' about 1.15), so unless the paragraph sets its own spacing an Arabic line stands about
    # three times as far from the next as an English one.
    pitch_ar, pitch_en = _word_line_pitch(ar, amiri=True), _word_line_pitch(en, amiri=False)
    assert pitch_ar / pitch_en <= 1.3, (pitch_ar, pitch_en)


def _word_line_pitch(paragraph, *, amiri: bool) -> float:
    """The distance in points between two lines of *paragraph* as Word lays it out: the paragraph's
    own spacing when it sets one, else single spacing from the font's Windows metrics."""
    sizes = [r.font.size.pt for r in paragraph.runs if r.font.size is not None]
    size = max(sizes) if sizes else paragraph.style.font.size.pt  # English runs take Normal's 10.5 pt
    if paragraph.paragraph_format.line_spacing is not None:
        return paragraph.paragraph_format.line_spacing.pt
    if not amiri:
        return 1.15 * size
    fontpkg_amiri = pytest.importorskip("fontpkg_amiri")
    ttlib = pytest.importorskip("fontTools.ttLib")
    font = ttlib.TTFont(str(fontpkg_amiri.ROOT / "files" / "Amiri-Regular.ttf"))
    return (font["OS/2"].usWinAscent + font["OS/2"].usWinDescent) / font["head"].unitsPerEm * size


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt-get install chromium)")
def test_the_pdf_is_printed_by_chromium_and_stamped_as_ours(tmp_path, monkeypatch):
    """A 2,679-segment document took 40–49 s in WeasyPrint where Chromium prints our HTML in 9–10 s: the
    PDF is printed by Chromium where it is installed, WeasyPrint the fallback; either is told as ours."""
    import io

    from pypdf import PdfReader

    from bilingual.formats import render
    from bilingual.formats.pdf import PdfFormat

    doc = _translated_article(tmp_path, "Talks resume in Cairo\n\nHaftar met Salame. They spoke.\n")
    for engine in ("chromium", "weasyprint"):
        monkeypatch.setenv("BILINGUAL_PDF_ENGINE", engine)
        data = render(doc, "pdf")
        reader = PdfReader(io.BytesIO(data))
        assert reader.metadata["/Creator"].startswith("bilingual ") and len(reader.pages) >= 1, engine
        assert PdfFormat.is_own_output(data), engine
        text = reader.pages[0].extract_text()
        assert "Talks resume in Cairo" in text and "ترجمة" in text, engine


def test_the_embedded_font_is_cut_to_what_arabic_text_uses(tmp_path):
    """Every HTML export carried 1.1 MB of font (both weights, every script Amiri covers)."""
    pytest.importorskip("fontpkg_amiri")
    pytest.importorskip("fontTools")
    from bilingual.formats import render

    plain = _translated_article(tmp_path, "Haftar met Salame in Cairo. They spoke.\n")
    html = render(plain, "html").decode()
    assert html.count("@font-face") == 1 and "font-weight: 400" in html and "font/woff" in html
    assert len(html) < 450_000
    headed = _translated_article(tmp_path, "Talks resume in Cairo\n\nHaftar met Salame.\n")
    assert render(headed, "html").decode().count("@font-face") == 2  # headings are bold: Bold comes too


def test_a_number_inside_a_latin_run_stays_whole_in_its_isolate():
    """The isolate around a Latin run ended at the comma of "1,200", which then displayed as "200,… 1"."""
    out = typography.typeset_piece("قال إن the Libyan 1,200 troops of 3.5% ذلك")
    assert "\u2066the Libyan 1,200 troops of 3.5%\u2069" in out


_RENDER_JOIN = """
import sys
from dataclasses import replace
from pathlib import Path
from bilingual.document import Head, RawBlock, TermMatch
from bilingual.formats import render
from bilingual.read import build_document

doc = build_document("By the Government.", [RawBlock("p", 0, 18)], head=Head(input_name="a.txt"))
(seg,) = doc.segments()
term = (TermMatch("Government", "org", 7, 17, "الحكومة", 1, 8),) if sys.argv[2] == "span" else ()
doc = doc.with_segments({seg.id: replace(seg, target="بالحكومة", terms=term)})
open(sys.argv[1], "wb").write(render(doc, "pdf", colophon=False, mark_names="none", title="x"))
"""


def _ink_widths(pgm: bytes) -> list[int]:
    """The width of the ink in the right (Arabic) half of a page, line band by line band."""
    _magic, size, _max, pixels = pgm.split(b"\n", 3)
    width, height = map(int, size.split())
    bands, current = [], None
    for y in range(height):
        row = pixels[y * width : (y + 1) * width]
        ink = [x for x in range(width // 2, width) if row[x] < 128]
        if ink:
            current = (min(ink), max(ink)) if current is None else (min(current[0], ink[0]), max(current[1], ink[-1]))
        elif current is not None:
            bands.append(current[1] - current[0])
            current = None
    return bands


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is installed by .ci/run")
def test_a_glossary_name_after_a_proclitic_is_printed_joined_with_no_arabic_font_installed(tmp_path):
    """ب + الحكومة printed as an isolated ب then الحكومة (the name's span cut the word's text run), and the
    embedded font never applied: rendered by WeasyPrint on a fontconfig with no font at all, the word
    with its name span marked takes exactly the width of the same word unmarked."""
    config = tmp_path / "fonts.conf"
    config.write_text('<?xml version="1.0"?><fontconfig><dir>/nonexistent</dir>'
                      f"<cachedir>{tmp_path / 'fc'}</cachedir></fontconfig>")  # fmt: skip
    env = {**os.environ, "FONTCONFIG_FILE": str(config), "BILINGUAL_PDF_ENGINE": "weasyprint"}
    widths = {}
    for kind in ("span", "plain"):
        pdf = tmp_path / f"{kind}.pdf"
        subprocess.run([sys.executable, "-W", "ignore", "-c", _RENDER_JOIN, str(pdf), kind], env=env, check=True,
                       timeout=120)  # fmt: skip
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        assert "Amiri" in fonts  # the embedded font applied: there is no other
        subprocess.run(["pdftoppm", "-r", "100", "-gray", "-f", "1", "-l", "1", str(pdf), str(tmp_path / kind)],
                       check=True)  # fmt: skip
        widths[kind] = _ink_widths((tmp_path / f"{kind}-1.pgm").read_bytes())
    assert widths["span"] == widths["plain"], widths


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt-get install chromium)")
def test_markdown_renders_arabic_right_to_left_in_a_standard_renderer(tmp_path):
    """Rendered by markdown-it (CommonMark, as Git hosts do) and laid out by Chromium, the Arabic cell's
    final full stop stands at its left end, after the words, and « » face the right way."""
    from markdown_it import MarkdownIt

    from bilingual.formats import render

    doc = build_document("Derna waits.", [RawBlock("p", 0, 12)], head=Head(input_name="a.txt"))
    (seg,) = doc.segments()
    doc = doc.with_segments({seg.id: replace(seg, target='قال "درنة تنتظر".')})
    body = MarkdownIt("commonmark").enable("table").render(render(doc, "md").decode())
    probe = """<script>
      const cell = document.querySelectorAll("td")[1], text = cell.firstChild, s = text.data;
      const at = (i) => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                          return r.getBoundingClientRect().left; };
      const first = s.search(/[\\u0621-\\u064a]/), stop = s.lastIndexOf(".");
      document.body.setAttribute("data-probe", JSON.stringify({first: at(first), stop: at(stop),
        open: at(s.indexOf("«")), close: at(s.indexOf("»"))}));
    </script>"""
    page = tmp_path / "md.html"
    page.write_text(f"<!DOCTYPE html><html><body>{body}{probe}</body></html>", encoding="utf-8")
    where = run_chromium(page, 900)
    assert where["stop"] < where["first"]  # the full stop is left of the first word: read right to left
    assert where["close"] < where["open"]  # « opens on the right, » closes on the left


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is installed by .ci/run (apt-get install chromium)")
def test_an_arabic_title_is_laid_out_at_the_right_edge_in_the_arabic_font(tmp_path):
    """A --title in Arabic was left-aligned in a Latin font."""
    from bilingual.formats import render

    doc = _translated_article(tmp_path, "Talks resume in Cairo\n\nHaftar met Salame.\n")
    probe = """<script>
      const title = document.querySelector("header h1"), box = title.getBoundingClientRect();
      const range = document.createRange(); range.selectNodeContents(title);
      const ink = range.getBoundingClientRect(), page = document.querySelector("header").getBoundingClientRect();
      document.body.setAttribute("data-probe", JSON.stringify({inkRight: ink.right, inkLeft: ink.left,
        pageRight: page.right, pageLeft: page.left, font: getComputedStyle(title).fontFamily}));
    </script>"""
    page = tmp_path / "t.html"
    page.write_text(render(doc, "html", title="محادثات في القاهرة").decode().replace("</body>", probe + "</body>"),
                    encoding="utf-8")  # fmt: skip
    where = run_chromium(page, 1100)
    assert abs(where["inkRight"] - where["pageRight"]) < 2 and where["inkLeft"] - where["pageLeft"] > 200
    assert where["font"].startswith('"Amiri"') or where["font"].startswith("Amiri")


def test_a_docx_says_who_made_it_and_carries_its_arabic_font():
    import datetime as dt
    import io
    import zipfile

    from fontTools.ttLib import TTFont

    from bilingual.formats.docxpackage import obfuscate

    data = exporter("docx").render(translated("sirte-report.html"), ExportOptions())
    document = __import__("docx").Document(io.BytesIO(data))
    props = document.core_properties
    assert props.author == "bilingual" and props.last_modified_by == "bilingual" and props.title
    assert abs((dt.datetime.now(dt.UTC) - props.created.replace(tzinfo=dt.UTC)).total_seconds()) < 600
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        assert "<Application>bilingual " in package.read("docProps/app.xml").decode()
        table = package.read("word/fontTable.xml").decode()
        assert 'w:name="Amiri"' in table and "w:embedRegular" in table
        key = re.search(r'w:embedRegular[^>]*w:fontKey="(\{[0-9A-F-]+\})"', table).group(1)
        font = TTFont(io.BytesIO(obfuscate(package.read("word/fonts/font1.odttf"), key)))
        assert font["name"].getDebugName(1) == "Amiri" and 0x62D in font.getBestCmap()  # ح
        assert "<w:embedTrueTypeFonts/>" in package.read("word/settings.xml").decode()


@pytest.mark.skipif(
    not libreoffice_writer() or shutil.which("pdffonts") is None,
    reason="LibreOffice Writer and poppler are installed by .ci/run",
)
def test_libreoffice_sets_the_arabic_in_the_docx_s_own_font(tmp_path):
    """No Amiri is installed on the machine: the PDF LibreOffice makes of our DOCX uses the embedded one."""
    assert "Amiri" not in subprocess.run(["fc-list"], capture_output=True, text=True).stdout
    path = tmp_path / "out.docx"
    path.write_bytes(exporter("docx").render(translated("sirte-report.html"), ExportOptions()))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(path)], capture_output=True, timeout=180, check=True)  # fmt: skip
    fonts = subprocess.run(["pdffonts", str(tmp_path / "out.pdf")], capture_output=True, text=True).stdout
    assert "Amiri-Regular" in fonts


@pytest.mark.parametrize("engine", ["chromium", "weasyprint"])
def test_a_pdf_has_its_title_and_author(monkeypatch, engine):
    import io

    import pypdf

    from bilingual.formats import pdf

    if engine == "chromium" and pdf.chromium() is None:
        # No Chromium on this machine: a PDF with a classic trailer (as Chromium writes) stands in for its
        # print, so the stamping of title, author and dates is still what is checked.
        def stand_in(html: str, browser: str) -> bytes:
            writer, out = pypdf.PdfWriter(), io.BytesIO()
            writer.add_blank_page(595, 842)
            writer.write(out)
            return out.getvalue()

        monkeypatch.setattr(pdf, "chromium", lambda: "chromium")
        monkeypatch.setattr(pdf, "print_with_chromium", stand_in)
    monkeypatch.setenv("BILINGUAL_PDF_ENGINE", engine)
    doc = translated("sirte-report.html")
    meta = pypdf.PdfReader(io.BytesIO(exporter("pdf").render(doc, ExportOptions(title="تقرير سرت")))).metadata
    assert meta["/Title"] == "تقرير سرت" and meta["/Author"] == "bilingual" and meta["/Creator"].startswith("bilingual")


def test_a_long_pdf_printed_by_weasyprint_is_said_to_be_slow_before_it_starts(run_cli, tmp_path, monkeypatch):
    """Without Chromium, 2,700 segments take WeasyPrint about 80 s and 870 MB: the export says so, and
    what makes it faster, before it starts (issue 32, item 5); a short document or Chromium says nothing."""
    from bilingual.formats.aligned import read_aligned
    from bilingual.formats.pdf import PdfFormat

    source = tmp_path / "long.txt"
    source.write_text(" ".join(f"Sentence number {n} came from Derna." for n in range(320)) + "\n")
    path = tmp_path / "long.en-ar.xml"
    made = run_cli("translate", str(source), "-o", str(path), "--engine", "fake_engines:PseudoArabicEngine",
                   "--no-memory")  # fmt: skip
    assert made.exit_code == 0, made.stderr
    doc = read_aligned(str(path))
    monkeypatch.setattr(PdfFormat, "render", lambda self, doc, options: b"%PDF-1.7 stand-in")
    monkeypatch.setenv("BILINGUAL_PDF_ENGINE", "weasyprint")
    done = run_cli("export", str(path), "--to", "pdf", "-o", str(tmp_path / "long.pdf"))
    assert done.exit_code == 0, done.stderr
    assert "320 segments with WeasyPrint" in done.stderr and "install chromium" in done.stderr
    assert PdfFormat().advice(translated()) is None  # a short article
    monkeypatch.setenv("BILINGUAL_PDF_ENGINE", "chromium")
    assert PdfFormat().advice(doc) is None


def test_a_word_file_s_own_runs_keep_the_schema_s_order_when_made_right_to_left():
    """Translating a DOCX in place adds w:rtl, w:lang, w:rFonts and w:bidi to the file's own runs and
    paragraphs: each goes where the schema puts it (w:rtl was appended after a run's w:lang, w:bidi
    put first, before a paragraph's style)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    from bilingual.formats.docx import rtl_paragraph_xml, rtl_run_xml

    p = parse_xml(
        f'<w:p {nsdecls("w")}><w:pPr><w:pStyle w:val="Body"/><w:spacing w:after="0"/><w:jc w:val="left"/></w:pPr>'
        '<w:r><w:rPr><w:b/><w:noProof/><w:lang w:val="en-GB"/><w:oMath/></w:rPr><w:t>Derna</w:t></w:r></w:p>'
    )
    rtl_run_xml(p.r_lst[0])
    rtl_paragraph_xml(p)
    run = [child.tag.split("}")[1] for child in p.r_lst[0].rPr]
    paragraph = [child.tag.split("}")[1] for child in p.pPr]
    assert run == ["rFonts", "b", "noProof", "rtl", "lang", "oMath"], run
    assert paragraph == ["pStyle", "bidi", "spacing", "jc"], paragraph
