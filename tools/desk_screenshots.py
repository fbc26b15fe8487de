"""Screenshots of the editors' desk for docs/: the English interface and the Arabic one.

    python tools/desk_screenshots.py [--out docs/screenshots]

Translates two of our example articles with the tests' pseudo-Arabic engine and the repository's
glossary into a temporary folder, approves one segment and saves one without its name (so the
page shows an approved row and a missing name), serves the desk on 127.0.0.1 and has the system
Chromium (Playwright) photograph a document page in English and, with the glossary panel open,
in Arabic; then the panes (a concordance of the memory, a segment translated again), a comment and
a search-and-replace preview, and the index with each document's progress, in both languages.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()

    import servers
    from playwright.sync_api import sync_playwright

    from bilingual.desk.guard import DeskSettings
    from bilingual.jobs import desk
    from bilingual.jobs.translate import TranslateRequest, translate_articles
    from bilingual.serve.api import Settings, make_app
    from bilingual.workspace import Workspace

    import fake_engines

    engine = fake_engines.PseudoArabicEngine()
    glossary = str(ROOT / "glossary")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "desk"
        folder.mkdir()
        memory = str(Path(tmp) / "m.sqlite3")
        workspace = Workspace(glossary_path=glossary, memory_path=memory, folder=str(folder), loaded_engine=engine)
        for name in ("border-patrols.md", "benghazi-talks.txt"):
            shutil.copy(ROOT / "examples" / name, folder / name)
            translate_articles(workspace, TranslateRequest(inputs=(str(folder / name),)))
        doc_name = "border-patrols.en-ar.xml"
        segs = desk.read_document(str(folder), doc_name).segments()
        first = segs[1]
        desk.save_segment(workspace, desk.SaveRequest(doc_name, first.id, first.target,
                                                      desk.segment_version(first.target, first.status), approve=True,
                                                      who="Huda"))  # fmt: skip
        named = next(s for s in segs[2:] if s.terms)
        cut = named.target.replace(named.terms[0].target, "…", 1)
        desk.save_segment(workspace, desk.SaveRequest(doc_name, named.id, cut,
                                                      desk.segment_version(named.target, named.status), who="Huda"))  # fmt: skip
        app = make_app(
            Settings(engine=engine, glossaries={"default": None}), DeskSettings(workspace=workspace, who="Huda")
        )
        with servers.running(app) as base, sync_playwright() as p:
            chromium = shutil.which("chromium") or shutil.which("chromium-browser")
            browser = p.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
            for lang in ("en", "ar"):
                page = browser.new_page(viewport={"width": 1400, "height": 900})
                page.goto(f"{base}/desk/doc/{doc_name}?lang={lang}")
                page.locator(f'[data-seg="{segs[3].id}"] [data-role="target"]').focus()
                if lang == "ar":
                    page.click("#glossary-toggle")
                    page.fill("#glossary-search", "a")
                    page.wait_for_timeout(600)
                page.wait_for_timeout(400)
                out = Path(args.out) / f"desk-{lang}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out}")
                # The panes: a concordance of the memory, a segment translated again (offered beside the editor's text).
                page.click("#glossary-toggle") if lang == "ar" else None
                row = page.locator(f'[data-seg="{segs[2].id}"]')
                row.locator('[data-action="retranslate"]').click()
                row.locator('[data-role="fresh"]').wait_for(timeout=10_000)
                page.fill("#memory-search", first.source.split()[1])
                page.press("#memory-search", "Enter")
                page.locator("#memory-results li").first.wait_for(timeout=10_000)
                page.wait_for_timeout(300)
                out = Path(args.out) / f"desk-panes-{lang}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out}")
                # Comments on a row and a search-and-replace preview across the folder.
                page.goto(f"{base}/desk/doc/{doc_name}?lang={lang}")
                row = page.locator(f'[data-seg="{segs[2].id}"]')
                row.locator('[data-action="comment"]').click()
                row.locator('[data-role="comment-form"] textarea').fill(
                    "Check the spelling with the Benghazi desk." if lang == "en" else "تحقق من الرسم مع مكتب بنغازي."
                )
                row.locator('[data-action="add-comment"]').click()
                row.locator('[data-role="comment"]').wait_for(timeout=10_000)
                page.click("#replace-toggle")
                page.fill('#replace-form [name="find"]', named.terms[0].target)
                page.fill('#replace-form [name="replace"]', named.terms[0].target + "ـ")
                page.select_option('#replace-form [name="scope"]', "folder")
                page.click('[data-action="replace-preview"]')
                page.locator('[data-role="replace-change"]').first.wait_for(timeout=10_000)
                row.scroll_into_view_if_needed()
                page.wait_for_timeout(300)
                out = Path(args.out) / f"desk-review-{lang}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out}")
                page.goto(f"{base}/desk/?lang={lang}")
                out = Path(args.out) / f"desk-index-{lang}.png"
                page.screenshot(path=str(out))
                print(f"wrote {out}")
            browser.close()


if __name__ == "__main__":
    main()
