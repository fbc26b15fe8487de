"""The desk in a real browser: Playwright for Python driving the system Chromium against a server on
127.0.0.1 (bounded waits, stopped by each test). What an editor does: edit and Ctrl+Enter, respell
a name from the panel, two pages on one segment, a hostile article, an export."""

from __future__ import annotations

import shutil

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

import servers  # noqa: E402

from bilingual.desk.guard import DeskSettings  # noqa: E402
from bilingual.formats.aligned import read_aligned  # noqa: E402
from bilingual.serve.api import Settings, make_app  # noqa: E402
from bilingual.workspace import Workspace  # noqa: E402

import fake_engines  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="the system Chromium is not installed (apt install chromium)")
ENGINE = ("--engine", "fake_engines:PseudoArabicEngine")


@pytest.fixture
def desk_server(run_cli, tmp_path):
    gl = tmp_path / "glossary"
    assert run_cli("glossary", "add", "Egypt", "مصر", "--kind", "place", "--glossary", gl).exit_code == 0
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Egypt said so. The bank agreed. Talks went on.\n")
    (docs / "b.txt").write_text("Voters in Egypt queued.\n")
    (docs / "c.txt").write_text("The bank agreed on it.\n")
    (docs / "hostile.txt").write_text('Egypt <script>alert("x")</script> and <img src=x onerror=alert(1)> so.\n\n'
                                      "Click javascript:alert(2) \u202eexe.gnp\u202c now.\n")  # fmt: skip
    for name in ("a.txt", "b.txt", "c.txt", "hostile.txt"):
        assert run_cli("translate", docs / name, *ENGINE, "--glossary", gl, "--memory", tmp_path / "m.sqlite3",
                       "-q").exit_code == 0  # fmt: skip
    engine = fake_engines.PseudoArabicEngine()
    app = make_app(Settings(engine=engine, glossaries={"default": None}),
                   DeskSettings(workspace=Workspace(glossary_path=str(gl), memory_path=str(tmp_path / "m.sqlite3"),
                                                    folder=str(docs), loaded_engine=engine)))  # fmt: skip
    with servers.running(app) as base:
        yield base, docs


@pytest.fixture
def browser():
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield chromium
        finally:
            chromium.close()


def _seg(docs, name, seg_id):
    return next(s for s in read_aligned(str(docs / name)).segments() if s.id == seg_id)


def _type_and_click_approve(page, docs, seg_id, text):
    """Type *text* in a row and click its Approve button: approved on the page and on disk."""
    page.locator(f'[data-seg="{seg_id}"] [data-role="target"]').fill(text)
    page.locator(f'[data-seg="{seg_id}"] [data-action="approve"]').click()
    sync_api.expect(page.locator(f'[data-seg="{seg_id}"]')).to_have_attribute("data-status", "approved", timeout=10_000)
    saved = _seg(docs, "a.en-ar.xml", seg_id)
    assert (saved.target, saved.status) == (text, "approved")


def test_edit_then_ctrl_enter_approves_on_disk_and_moves_on(desk_server, browser):
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    first = page.locator('[data-seg="p1.s1"] [data-role="target"]')
    first.fill("قالت مصر ذلك.")
    first.press("Control+Enter")
    sync_api.expect(page.locator('[data-seg="p1.s1"]')).to_have_attribute("data-status", "approved", timeout=10_000)
    assert page.evaluate("document.activeElement.closest('.row').dataset.seg") == "p1.s2"
    saved = _seg(docs, "a.en-ar.xml", "p1.s1")
    assert (saved.target, saved.status) == ("قالت مصر ذلك.", "approved")
    page.reload()
    assert page.locator('[data-seg="p1.s1"] [data-role="target"]').input_value() == "قالت مصر ذلك."
    assert page.locator('[data-seg="p1.s1"]').get_attribute("data-status") == "approved"
    # The filter shows what is left to approve; Ctrl+Enter skips approved rows.
    page.select_option("#filter", "todo")
    sync_api.expect(page.locator('[data-seg="p1.s1"]')).to_be_hidden()
    sync_api.expect(page.locator('[data-seg="p1.s2"]')).to_be_visible()


def test_clicking_approve_after_typing_is_one_editor_not_a_conflict(desk_server, browser):
    """Leaving the text saves it as edited and the click approves it: two saves of one editor, in
    order, each from the version the other returned — never a conflict with oneself."""
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    _type_and_click_approve(page, docs, "p1.s3", "استمرت المحادثات.")
    assert page.locator('[data-role="conflict"]').count() == 0


def test_respelling_a_name_from_the_panel_changes_two_documents(desk_server, browser):
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    page.click("#glossary-toggle")
    with page.expect_response(lambda r: "/desk/glossary?q=Egypt" in r.url, timeout=10_000):
        page.fill("#glossary-search", "Egypt")
    entry = page.locator('#glossary-entries li[data-english="Egypt"]')
    # The drawer leaves the column being edited in view, and its buttons say what they do.
    drawer, target = page.locator("#glossary").bounding_box(), page.locator('[data-role="target"]').first.bounding_box()
    assert target["x"] + target["width"] <= drawer["x"]
    assert entry.locator('[data-action="respell"]').inner_text() == "Respell"
    entry.locator('[data-action="respell"]').click()
    entry.locator('[data-action="cancel-respell"]').click()
    assert entry.locator("form").count() == 0
    entry.locator('[data-action="respell"]').click()
    entry.locator('input[name="arabic"]').fill("مصرُ")
    entry.locator('button[type="submit"]').click()
    preview = entry.locator('[data-role="respell-preview"]')
    sync_api.expect(preview.locator("li")).to_have_count(3, timeout=10_000)  # a, b and hostile
    # each sentence before and after, the respelled word marked
    first = preview.locator('[data-role="respell-sentence"][data-segment="p1.s1"]').first
    sync_api.expect(first.locator("del")).to_have_text("مصر")
    sync_api.expect(first.locator("ins")).to_have_text("مصرُ")
    assert "مصرُ" not in (docs / "b.en-ar.xml").read_text(encoding="utf-8")
    with page.expect_navigation(timeout=15_000):
        entry.locator('[data-action="apply-respell"]').click()
    for name in ("a.en-ar.xml", "b.en-ar.xml"):
        assert "مصرُ" in (docs / name).read_text(encoding="utf-8"), name
    assert "مصرُ" in page.locator('[data-seg="p1.s1"] [data-role="target"]').input_value()


def test_two_pages_on_one_segment_the_second_sees_both_texts_and_nothing_is_lost(desk_server, browser):
    base, docs = desk_server
    first, second = browser.new_context().new_page(), browser.new_context().new_page()
    for page in (first, second):
        page.goto(f"{base}/desk/doc/a.en-ar.xml")
    first.locator('[data-seg="p1.s2"] [data-role="target"]').fill("وافق المصرف.")
    first.locator('[data-seg="p1.s2"] [data-role="target"]').press("Control+Enter")
    sync_api.expect(first.locator('[data-seg="p1.s2"]')).to_have_attribute("data-status", "approved", timeout=10_000)
    second.locator('[data-seg="p1.s2"] [data-role="target"]').fill("وافق البنك.")
    second.locator('[data-seg="p1.s2"] [data-role="target"]').press("Control+Enter")
    conflict = second.locator('[data-seg="p1.s2"] [data-role="conflict"]')
    sync_api.expect(conflict).to_be_visible(timeout=10_000)
    assert conflict.locator('[data-role="theirs"]').text_content() == "وافق المصرف."
    assert conflict.locator('[data-role="mine"]').text_content() == "وافق البنك."
    assert _seg(docs, "a.en-ar.xml", "p1.s2").target == "وافق المصرف."
    conflict.locator("button").nth(1).click()  # save mine over theirs, knowingly
    sync_api.expect(conflict).to_have_count(0, timeout=10_000)
    assert _seg(docs, "a.en-ar.xml", "p1.s2").target == "وافق البنك."
    steps = [line for line in (docs / ".bilingual" / "history" / "a.jsonl").read_text().splitlines() if "p1.s2" in line]
    assert len(steps) == 2 and "وافق المصرف." in steps[1]  # their text is in the history


def test_a_hostile_article_runs_nothing(desk_server, browser):
    base, _docs = desk_server
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/desk/doc/hostile.en-ar.xml")
    page.wait_for_load_state("load")
    rows = page.locator(".row")
    assert rows.count() >= 2
    for i in range(rows.count()):
        area = rows.nth(i).locator('[data-role="target"]')
        area.focus()
        area.press("End")
    page.locator(".src").first.hover()
    page.wait_for_timeout(300)
    assert dialogs == [] and errors == []
    assert page.locator(".row script, .row img").count() == 0
    assert "<script>" in page.locator(".row .src").first.text_content()


def test_the_export_buttons_download_the_document(desk_server, browser):
    base, _docs = desk_server
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    for fmt, head in (("docx", b"PK"), ("xliff", b"<?xml"), ("html", b"<!DOCTYPE html"), ("omegat", b"PK")):
        with page.expect_download(timeout=30_000) as info:
            page.click(f'[data-role="export"][data-format="{fmt}"]')
        path = info.value.path()
        assert path is not None and open(path, "rb").read(len(head)).upper() == head.upper(), fmt
        expected = "a-omegat.zip" if fmt == "omegat" else "a.en-ar." + {"xliff": "xlf"}.get(fmt, fmt)
        assert info.value.suggested_filename == expected


def test_a_save_refreshes_the_rows_findings_and_approving_a_missing_name_asks_twice(desk_server, browser):
    """Issue 26: the findings on a row follow the text saved, without a reload; approving a text that
    lacks a glossary name warns on the row, and "Approve anyway" is a deliberate second click."""
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    row = page.locator('[data-seg="p1.s2"]')
    area = row.locator('[data-role="target"]')
    area.fill("The bank agreed today.")
    row.locator('[data-action="save"]').click()
    sync_api.expect(row.locator('.finding[data-check="untranslated_segment"]')).to_have_count(1, timeout=10_000)
    area.fill("وافق البنك.")
    row.locator('[data-action="approve"]').click()
    sync_api.expect(row).to_have_attribute("data-status", "approved", timeout=10_000)
    sync_api.expect(row.locator('.finding[data-check="untranslated_segment"]')).to_have_count(0)
    first = page.locator('[data-seg="p1.s1"]')
    first.locator('[data-role="target"]').fill("قالت القاهرة ذلك.")  # Egypt's مصر is missing
    first.locator('[data-action="approve"]').click()
    sync_api.expect(first.locator('[data-role="confirm"]')).to_be_visible(timeout=10_000)
    assert _seg(docs, "a.en-ar.xml", "p1.s1").status != "approved"  # nothing approved on the first click
    first.locator('[data-role="approve-anyway"]').click()
    sync_api.expect(first).to_have_attribute("data-status", "approved", timeout=10_000)
    assert _seg(docs, "a.en-ar.xml", "p1.s1").status == "approved"
    sync_api.expect(first.locator('.finding[data-check="glossary_missing"]')).to_have_count(1)


def test_direction_controls_are_inert_marks_in_the_edit_box_and_kept_on_save(desk_server, browser):
    """A right-to-left override in "copy source" (or another editor's text) reordered the edit box."""
    base, docs = desk_server
    seg = next(s for s in read_aligned(str(docs / "hostile.en-ar.xml")).segments() if "\u202e" in s.source)
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/hostile.en-ar.xml")
    row = page.locator(f'.row[data-seg="{seg.id}"]')
    row.locator('button[data-action="copy"]').click()
    area = row.locator('[data-role="target"]')
    shown = area.input_value()
    assert "\u202e" not in shown and "\u27e6RLO\u27e7" in shown and "\u27e6PDF\u27e7" in shown
    area.focus()
    area.press("Control+Enter")  # a copy of the English is saved only when approved as it stands
    sync_api.expect(row).to_have_attribute("data-status", "approved", timeout=10_000)
    stored = _seg(docs, "hostile.en-ar.xml", seg.id)
    assert stored.target == seg.source and "\u27e6" not in stored.target  # the controls themselves, kept
    page.reload()
    assert "\u27e6RLO\u27e7" in page.locator(f'.row[data-seg="{seg.id}"] [data-role="target"]').input_value()


def test_an_approval_shows_as_a_near_match_in_another_document_and_the_progress_bars_move(desk_server, browser):
    base, _docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    bar = page.locator('.bar [data-role="progress"]')
    assert (bar.get_attribute("data-total"), bar.get_attribute("data-approved")) == ("3", "0")
    area = page.locator('[data-seg="p1.s2"] [data-role="target"]')
    area.fill("ووافق المصرف.")
    area.press("Control+Enter")
    sync_api.expect(bar).to_have_attribute("data-approved", "1", timeout=10_000)
    assert bar.locator(".percent").inner_text() == "33%"  # 3 of 9 English words
    page.goto(f"{base}/desk/")
    row = page.locator('tr[data-doc="a.en-ar.xml"] [data-role="progress"]')
    assert (row.get_attribute("data-total"), row.get_attribute("data-approved")) == ("3", "1")
    assert page.locator('tr[data-folder] [data-role="progress"]').get_attribute("data-approved") == "1"

    page.goto(f"{base}/desk/doc/c.en-ar.xml")
    page.locator('[data-seg="p1.s1"] [data-role="target"]').focus()
    match = page.locator('[data-seg="p1.s1"] [data-role="matches"] [data-role="match"]').first
    sync_api.expect(match).to_have_text("ووافق المصرف.", timeout=10_000)
    assert page.locator('[data-seg="p1.s1"] .match-src ins').first.inner_text().strip() == "on it"
    page.keyboard.press("Alt+m")
    assert page.locator('[data-seg="p1.s1"] [data-role="target"]').input_value() == "ووافق المصرف."
    # The concordance finds it by its Arabic.
    page.fill("#memory-search", "المصرف")
    page.press("#memory-search", "Enter")
    sync_api.expect(page.locator('#memory-results [data-role="match"]').first).to_have_text("ووافق المصرف.")


def test_a_translator_cannot_approve_and_a_reviewer_can(run_cli, tmp_path, browser):
    from bilingual import accounts

    users = tmp_path / "users.toml"
    for name, role in (("Sami", "translator"), ("Huda", "reviewer")):
        assert run_cli("users", "add", name, "--role", role, "--users", users).exit_code == 0
    tokens = {u.name: u.token for u in accounts.read_users_file(str(users))}
    docs = tmp_path / "desk"
    docs.mkdir()
    (docs / "a.txt").write_text("Talks went on.\n")
    assert run_cli("translate", docs / "a.txt", *ENGINE, "--no-memory", "-q").exit_code == 0
    app = make_app(Settings(engine=None, glossaries={"default": None}),
                   DeskSettings(workspace=Workspace(folder=str(docs), use_memory=False),
                                accounts=accounts.Accounts(str(users))))  # fmt: skip
    with servers.running(app) as base:
        page = browser.new_page()
        page.goto(f"{base}/desk/doc/a.en-ar.xml")
        assert page.url.endswith("/desk/login")  # no account, no document
        page.fill('input[name="token"]', tokens["Sami"])
        page.click('button[type="submit"]')
        page.wait_for_url(f"{base}/desk/")
        page.goto(f"{base}/desk/doc/a.en-ar.xml")
        assert page.locator('[data-role="account"]').get_attribute("data-user-role") == "translator"
        sync_api.expect(page.locator('[data-seg="p1.s1"] [data-action="approve"]')).to_be_disabled()
        area = page.locator('[data-seg="p1.s1"] [data-role="target"]')
        area.fill("واستمرت المحادثات.")
        area.press("Control+Enter")  # a translator's Ctrl+Enter saves as edited, for a reviewer to approve
        sync_api.expect(page.locator('[data-seg="p1.s1"]')).to_have_attribute("data-status", "edited", timeout=10_000)
        assert _seg(docs, "a.en-ar.xml", "p1.s1").status == "edited"
        refused = page.evaluate("""async () => (await fetch(location.pathname + "/save", {method: "POST",
            headers: {"X-CSRF-Token": document.querySelector('meta[name=csrf]').content, "Content-Type": "application/json"},
            body: JSON.stringify({segment: "p1.s1", target: "x", version: document.querySelector('.row').dataset.version,
                                  approve: true})})).status""")
        assert refused == 403 and _seg(docs, "a.en-ar.xml", "p1.s1").status == "edited"
        page.click("#logout")
        page.wait_for_url(f"{base}/desk/login")
        page.goto(f"{base}/desk/?token={tokens['Huda']}")
        page.goto(f"{base}/desk/doc/a.en-ar.xml")
        _type_and_click_approve(page, docs, "p1.s1", "واستمرت المحادثات.")


def test_re_translate_leaves_the_editor_s_text_until_they_take_the_suggestion(desk_server, browser):
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    area = page.locator('[data-seg="p1.s1"] [data-role="target"]')
    area.fill("نص المحرر.")
    page.locator('[data-seg="p1.s1"] [data-action="retranslate"]').click()
    fresh = page.locator('[data-seg="p1.s1"] [data-role="fresh"]')
    sync_api.expect(fresh).to_contain_text("مصر", timeout=10_000)  # the glossary's Egypt
    assert area.input_value() == "نص المحرر."
    offered = fresh.inner_text()
    page.locator('[data-seg="p1.s1"] [data-action="use-fresh"]').click()
    assert area.input_value() == offered and not page.locator('[data-role="suggestion"]').count()
    # Clicking Re-translate left the box, which saved the editor's text; Ctrl+S saves the suggestion after it.
    with page.expect_response(lambda r: r.url.endswith("/save") and offered in (r.request.post_data or ""),
                              timeout=10_000):  # fmt: skip
        area.press("Control+s")
    assert _seg(docs, "a.en-ar.xml", "p1.s1").target == offered


def test_keys_move_between_rows_insert_a_glossary_name_show_help_and_history_shows_a_word_diff(desk_server, browser):
    base, docs = desk_server
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    page.keyboard.press("?")
    sync_api.expect(page.locator('[data-role="help"]')).to_be_visible()
    page.keyboard.press("Escape")
    sync_api.expect(page.locator('[data-role="help"]')).to_be_hidden()
    area = page.locator('[data-seg="p1.s1"] [data-role="target"]')
    area.fill("قالت ")
    area.press("End")
    area.press("Alt+1")  # the row's first glossary name: Egypt
    assert area.input_value() == "قالت مصر"
    area.press("Alt+ArrowDown")
    assert page.evaluate("document.activeElement.closest('.row').dataset.seg") == "p1.s2"
    page.keyboard.press("Alt+ArrowUp")
    page.keyboard.type(" ذلك.")
    # Leaving the row saved "قالت مصر" already; Ctrl+S saves the rest after it (one save at a time per row).
    with page.expect_response(lambda r: r.url.endswith("/save") and "ذلك" in (r.request.post_data or ""),
                              timeout=10_000):  # fmt: skip
        page.keyboard.press("Control+s")
    assert _seg(docs, "a.en-ar.xml", "p1.s1").target == "قالت مصر ذلك."
    page.locator('[data-seg="p1.s1"] [data-action="history"]').click()
    diff = page.locator('[data-seg="p1.s1"] [data-role="diff"]').first
    sync_api.expect(diff.locator("ins").first).to_be_visible(timeout=10_000)
    assert "قالت" in diff.locator("ins").all_inner_texts()  # a word the edit added


def test_a_comment_added_on_a_row_goes_out_in_xliff_and_po_and_an_editor_s_reply_comes_back(
    desk_server, browser, run_cli, tmp_path
):
    base, docs = desk_server
    page = browser.new_context(accept_downloads=True).new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    page.fill("#who", "Huda")
    row = page.locator('[data-seg="p1.s2"]')
    row.locator('[data-action="comment"]').click()
    row.locator('[data-role="comment-form"] textarea').fill("Which bank is meant here?")
    row.locator('[data-action="add-comment"]').click()
    sync_api.expect(row.locator('[data-role="comment"]')).to_contain_text("Which bank is meant here?", timeout=10_000)
    files = {}
    for fmt in ("xliff", "po"):
        with page.expect_download(timeout=30_000) as info:
            page.click(f'[data-role="export"][data-format="{fmt}"]')
        files[fmt] = open(info.value.path(), encoding="utf-8").read()
    assert '<note from="Huda">Which bank is meant here?</note>' in files["xliff"]
    assert "# [Huda] Which bank is meant here?" in files["po"]
    # The next editor answers in Poedit (a translator comment of their own) and resolves the question.
    po = files["po"].replace("# [Huda] Which bank is meant here?",
                             "# [Huda · resolved] Which bank is meant here?\n# The central bank.")  # fmt: skip
    (tmp_path / "back.po").write_text(po, encoding="utf-8")
    assert run_cli("apply", docs / "a.en-ar.xml", tmp_path / "back.po").exit_code == 0
    page.reload()
    said = page.locator('[data-seg="p1.s2"] [data-role="comment"]')
    sync_api.expect(said).to_have_count(2, timeout=10_000)
    sync_api.expect(said.nth(0)).to_have_attribute("data-resolved", "")
    sync_api.expect(said.nth(1)).to_contain_text("The central bank.")
    said.nth(1).locator('[data-action="resolve"]').click()
    sync_api.expect(page.locator('[data-seg="p1.s2"] [data-role="comment"]').nth(1)).to_have_attribute(
        "data-resolved", "", timeout=10_000
    )
    page.goto(f"{base}/desk/comments?show=all")
    sync_api.expect(page.locator('[data-role="comment"]')).to_have_count(2)


def test_a_replacement_across_two_documents_is_previewed_applied_and_undone_in_one_step(desk_server, browser):
    base, docs = desk_server
    before = {name: [(s.id, s.target, s.status) for s in read_aligned(str(docs / name)).segments()]
              for name in ("a.en-ar.xml", "b.en-ar.xml", "hostile.en-ar.xml")}  # fmt: skip
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")
    page.click("#replace-toggle")
    form = page.locator("#replace-form")
    form.locator('[name="find"]').fill("مصر")
    form.locator('[name="replace"]').fill("جمهورية مصر")
    form.locator('[name="scope"]').select_option("folder")
    form.locator('[data-action="replace-preview"]').click()
    changes = page.locator('[data-role="replace-change"]')
    sync_api.expect(changes.first).to_be_visible(timeout=10_000)
    shown = {changes.nth(i).get_attribute("data-document") for i in range(changes.count())}
    assert shown == set(before)  # every document of the folder that names Egypt
    sync_api.expect(changes.first.locator("ins").first).to_contain_text("جمهورية")
    assert [(s.id, s.target, s.status) for s in read_aligned(str(docs / "b.en-ar.xml")).segments()] == before[
        "b.en-ar.xml"
    ]  # the preview wrote nothing
    page.click('[data-action="replace-apply"]')
    undo = page.locator('[data-role="replace-undo"]')
    sync_api.expect(undo).to_be_visible(timeout=10_000)  # the page came back with the undo offered
    for name in before:
        assert any("جمهورية مصر" in s.target for s in read_aligned(str(docs / name)).segments()), name
    sync_api.expect(page.locator('[data-seg="p1.s1"] [data-role="target"]')).to_have_value(
        _seg(docs, "a.en-ar.xml", "p1.s1").target
    )
    undo.click()
    sync_api.expect(page.locator('[data-role="replace-summary"]')).to_contain_text("undone", timeout=10_000)
    for name in before:
        assert [(s.id, s.target, s.status) for s in read_aligned(str(docs / name)).segments()] == before[name], name


def test_the_page_undoes_and_redoes_its_saves_many_steps_back_on_disk(desk_server, browser):
    base, docs = desk_server
    original = {seg: _seg(docs, "a.en-ar.xml", seg).target for seg in ("p1.s2", "p1.s3")}
    page = browser.new_page()
    page.goto(f"{base}/desk/doc/a.en-ar.xml")

    def saved_after(key, box, text=None):
        area = page.locator(f'[data-seg="{box}"] [data-role="target"]')
        if text is not None:
            area.fill(text)
        with page.expect_response(lambda r: r.url.endswith("/save"), timeout=10_000):
            area.press(key)

    saved_after("Control+s", "p1.s2", "وافق المصرف.")
    saved_after("Control+s", "p1.s2", "وافق المصرف على ذلك.")
    saved_after("Control+s", "p1.s3", "واستمرت المحادثات.")
    assert _seg(docs, "a.en-ar.xml", "p1.s3").target == "واستمرت المحادثات."
    for _ in range(3):
        saved_after("Alt+z", "p1.s3")
    for seg, text in original.items():
        assert _seg(docs, "a.en-ar.xml", seg).target == text, seg  # three steps back: as it was
    sync_api.expect(page.locator("#undo-save")).to_be_disabled()  # the page updates it after the response
    saved_after("Alt+Shift+z", "p1.s2")
    assert _seg(docs, "a.en-ar.xml", "p1.s2").target == "وافق المصرف."  # one step forward
    sync_api.expect(page.locator('[data-seg="p1.s2"] [data-role="target"]')).to_have_value("وافق المصرف.")
    with page.expect_response(lambda r: r.url.endswith("/save"), timeout=10_000):
        page.click("#redo-save")
    assert _seg(docs, "a.en-ar.xml", "p1.s2").target == "وافق المصرف على ذلك."


def test_in_the_arabic_interface_the_drawers_open_below_the_bar_and_its_buttons_stay_clickable(desk_server, browser):
    base, _docs = desk_server
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/desk/doc/a.en-ar.xml?lang=ar")
    page.click("#glossary-toggle")
    drawer, bar = page.locator("#glossary"), page.locator("header.bar").bounding_box()
    sync_api.expect(drawer).to_be_visible()
    assert drawer.bounding_box()["y"] >= bar["y"] + bar["height"] - 1  # the bar wraps; the drawer starts below it
    page.click("#glossary-toggle", timeout=5_000)  # was covered by the drawer itself
    sync_api.expect(drawer).to_be_hidden()
    page.click("#replace-toggle")
    assert page.locator("#replace").bounding_box()["y"] >= bar["y"] + bar["height"] - 1
