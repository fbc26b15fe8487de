"""The desk as a translator's workbench, through its routes: the memory pane (near matches with the
difference and who gave them, a concordance), progress, re-translating a segment, comments, accounts."""

from __future__ import annotations

import json

import pytest

pytest.importorskip("starlette")

from test_desk_routes import ENGINE, _client, _csrf, _version, make_desk_folder

APPROVED = "ومضت المحادثات في القاهرة."


@pytest.fixture
def desk_folder(run_cli, tmp_path):
    return make_desk_folder(run_cli, tmp_path)


@pytest.fixture
def client(desk_folder, run_cli):
    docs, gl, memory = desk_folder
    (docs / "c.txt").write_text("Talks in Cairo went on for hours.\n")
    assert run_cli("translate", docs / "c.txt", *ENGINE, "--glossary", gl, "--memory", memory, "-q").exit_code == 0
    with _client(desk_folder) as c:
        yield c


def _approve(client, docs, name, seg, text, who="Huda"):
    body = {"segment": seg, "target": text, "version": _version(docs, name, seg), "approve": True, "who": who}
    answer = client.post(f"/desk/doc/{name}/save", json=body, headers=_csrf(client))
    assert answer.status_code == 200, answer.text
    return answer


def test_an_approval_is_a_near_match_of_a_like_sentence_with_its_difference_and_who(client, desk_folder):
    docs = desk_folder[0]
    assert client.get("/desk/doc/c.en-ar.xml/matches?segment=p1.s1").json()[0]["status"] != "approved"
    _approve(client, docs, "a.en-ar.xml", "p2.s1", APPROVED)
    best = client.get("/desk/doc/c.en-ar.xml/matches?segment=p1.s1").json()[0]
    assert (best["target"], best["status"], best["who"], best["source"]) == (
        APPROVED,
        "approved",
        "Huda",
        "Talks in Cairo went on.",
    )
    assert 75 <= best["score"] < 100
    assert ["mine", " for hours"] in best["diff"]  # this sentence says more than the match
    assert "".join(t for op, t in best["diff"] if op != "mine") == best["source"]
    assert client.get("/desk/doc/c.en-ar.xml/matches?segment=p9.s9").status_code == 404


def test_the_concordance_finds_english_words_and_arabic_text_approved_first(client, desk_folder):
    _approve(client, desk_folder[0], "a.en-ar.xml", "p2.s1", APPROVED)
    english = client.get("/desk/memory", params={"q": "talks cairo"}).json()
    assert english[0]["target"] == APPROVED and {m["source"] for m in english} >= {"Talks in Cairo went on."}
    arabic = client.get("/desk/memory", params={"q": "ومضت المحادثات"}).json()
    assert [m["target"] for m in arabic] == [APPROVED]
    assert client.get("/desk/memory", params={"q": "   "}).json() == []
    assert client.get("/desk/memory", params={"q": '"unbalanced AND ('}).status_code == 200
    assert client.get("/desk/memory", params={"q": 'the "'}).status_code == 200  # common words, a stray quote


# --- accounts and roles


@pytest.fixture
def accounts(desk_folder, tmp_path):
    from bilingual import accounts as acc

    users = tmp_path / "users.toml"
    acc.change_users(str(users), lambda _found: [
        acc.User("Sami", "translator", token="t" * 20), acc.User("Huda", "reviewer", token="r" * 20),
        acc.User("Amal", "admin", password=acc.hash_password("correct horse battery"))])  # fmt: skip
    with _client(desk_folder, accounts=acc.Accounts(str(users))) as c:
        yield c, users


def _as(token):
    return {"Authorization": f"Bearer {token}"}


def test_a_translator_edits_but_cannot_approve_a_reviewer_can_and_history_names_the_account(
    accounts, desk_folder, caplog
):
    import logging

    client, _users = accounts
    docs = desk_folder[0]
    csrf = _csrf(client, "/desk/login")
    body = {"segment": "p1.s1", "target": "قالت مصر.", "version": _version(docs, "a.en-ar.xml", "p1.s1"),
            "who": "Mallory"}  # fmt: skip
    with caplog.at_level(logging.INFO, logger="bilingual.access"):
        edited = client.post("/desk/doc/a.en-ar.xml/save", json=body, headers={**csrf, **_as("t" * 20)})
    assert edited.status_code == 200 and edited.json()["status"] == "edited"
    assert any(" Sami POST /desk/doc/a.en-ar.xml/save 200 " in r.getMessage() for r in caplog.records)
    again = {**body, "version": edited.json()["version"], "approve": True}
    refused = client.post("/desk/doc/a.en-ar.xml/save", json=again, headers={**csrf, **_as("t" * 20)})
    assert refused.status_code == 403 and "translator" in refused.json()["error"]
    assert client.post("/desk/glossary/add", json={"english": "Tobruk", "arabic": "طبرق"},
                       headers={**csrf, **_as("t" * 20)}).status_code == 403  # fmt: skip
    approved = client.post("/desk/doc/a.en-ar.xml/save", json=again, headers={**csrf, **_as("r" * 20)})
    assert approved.status_code == 200 and approved.json()["status"] == "approved"
    steps = client.get("/desk/doc/a.en-ar.xml/history?segment=p1.s1", headers=_as("r" * 20)).json()
    assert [s["who"] for s in steps] == ["Sami", "Huda"]  # the accounts, never the name a page typed


def test_no_account_no_entry_and_a_revoked_token_stops_at_the_next_request(accounts):
    from bilingual import accounts as acc

    client, users = accounts
    assert (
        client.get("/desk/", headers={"Accept": "text/html"}, follow_redirects=False).headers["location"]
        == "/desk/login"
    )
    assert client.get("/desk/doc/a.en-ar.xml/history?segment=p1.s1").status_code == 401
    assert client.get("/desk/", headers=_as("x" * 20)).status_code == 401
    assert client.get("/desk/login").status_code == 200
    assert client.get("/desk/", headers=_as("t" * 20)).status_code == 200
    acc.change_users(str(users), lambda found: [acc.User(u.name, u.role, revoked=True) if u.name == "Sami" else u
                                                for u in found])  # fmt: skip
    assert client.get("/desk/", headers=_as("t" * 20)).status_code == 401
    assert client.get("/desk/", headers=_as("r" * 20)).status_code == 200


def test_a_password_signs_in_for_a_session_that_signing_out_ends(accounts):
    from bilingual.desk.guard import SESSION_COOKIE

    client, _users = accounts
    csrf = _csrf(client, "/desk/login")
    wrong = client.post("/desk/login", json={"name": "Amal", "password": "wrong"}, headers=csrf)
    assert wrong.status_code == 401 and SESSION_COOKIE not in client.cookies
    signed = client.post("/desk/login", json={"name": "Amal", "password": "correct horse battery"}, headers=csrf)
    assert signed.status_code == 200 and signed.json() == {"name": "Amal", "role": "admin"}
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie
    page = client.get("/desk/")
    assert page.status_code == 200 and 'data-role="account" data-name="Amal" data-user-role="admin"' in page.text
    sid = client.cookies[SESSION_COOKIE]
    assert client.post("/desk/logout", json={}, headers=csrf).status_code == 200
    assert client.get("/desk/doc/a.en-ar.xml/history?segment=p1.s1").status_code == 401
    client.cookies.set(SESSION_COOKIE, sid)  # the old cookie replayed: the session is over on the server too
    assert client.get("/desk/doc/a.en-ar.xml/history?segment=p1.s1").status_code == 401


def test_password_guessing_is_stopped_after_five_failures_even_with_the_right_password(accounts):
    from bilingual.accounts import Throttle

    client, _users = accounts
    csrf = _csrf(client, "/desk/login")
    for _ in range(5):
        assert client.post("/desk/login", json={"name": "Amal", "password": "guess"}, headers=csrf).status_code == 401
    stopped = client.post("/desk/login", json={"name": "Amal", "password": "correct horse battery"}, headers=csrf)
    assert stopped.status_code == 429 and "too many failed sign-ins" in stopped.json()["error"]
    # the window passes: the right password is taken again
    now = [0.0]
    throttle = Throttle(limit=2, window=60, clock=lambda: now[0])
    throttle.failed("name:amal")
    throttle.failed("name:amal")
    assert throttle.wait("client:a", "name:amal") == 60
    now[0] = 61
    assert throttle.wait("client:a", "name:amal") == 0


def test_re_translating_a_segment_offers_the_current_glossary_s_spelling_and_writes_nothing(
    client, desk_folder, run_cli
):
    docs, gl, _memory = desk_folder
    before = (docs / "a.en-ar.xml").read_bytes()
    assert run_cli("glossary", "set", "Cairo", "القاهره", "--glossary", gl).exit_code == 0  # respelt since translated
    fresh = client.post("/desk/doc/a.en-ar.xml/retranslate", json={"segment": "p2.s1"}, headers=_csrf(client))
    assert fresh.status_code == 200, fresh.text
    assert "القاهره" in fresh.json()["target"]
    assert fresh.json()["names"] == [{"english": "Cairo", "arabic": "القاهره", "missing": False}]
    assert (docs / "a.en-ar.xml").read_bytes() == before  # a suggestion, never written


def test_users_add_writes_only_a_users_file_and_says_when_it_replaces_someone(run_cli, tmp_path):
    other = tmp_path / "pyproject.toml"
    other.write_text('[project]\nname = "x"\n')
    refused = run_cli("users", "add", "Huda", "--role", "reviewer", "--users", other)
    assert refused.exit_code != 0 and "not a users file of bilingual" in refused.stderr
    assert other.read_text() == '[project]\nname = "x"\n'
    users = tmp_path / "users.toml"
    (tmp_path / "link.toml").symlink_to(users)
    assert run_cli("users", "add", "Huda", "--role", "reviewer", "--users", tmp_path / "link.toml").exit_code != 0
    assert not users.exists()
    assert run_cli("users", "add", "Huda", "--role", "reviewer", "--users", users).exit_code == 0
    again = run_cli("users", "add", "Huda", "--role", "translator", "--users", users)
    assert again.exit_code == 0 and "Huda was in the file already (reviewer)" in again.stderr
    assert run_cli("users", "list", "--users", users).stdout == "Huda\ttranslator\ttoken\n"


# --- comments -------------------------------------------------------------------------------------


def _comment(client, name, seg, text, who="Huda"):
    answer = client.post(f"/desk/doc/{name}/comment", json={"segment": seg, "text": text, "who": who},
                         headers=_csrf(client))  # fmt: skip
    assert answer.status_code == 200, answer.text
    return answer.json()


def test_a_comment_is_kept_beside_the_document_shown_on_its_row_and_in_the_folder_view(client, desk_folder):
    docs = desk_folder[0]
    said = _comment(client, "a.en-ar.xml", "p1.s2", "Which bank? Check with the desk.")
    assert (said["segment"], said["who"], said["resolved"]) == ("p1.s2", "Huda", False)
    kept = json.loads((docs / ".bilingual" / "comments" / "a.json").read_text())
    assert [(c["segment"], c["text"], c["who"]) for c in kept] == [
        ("p1.s2", "Which bank? Check with the desk.", "Huda")
    ]
    row = client.get("/desk/doc/a.en-ar.xml").text
    assert 'data-role="comment"' in row and "Which bank? Check with the desk." in row
    folder = client.get("/desk/comments").text
    assert 'data-role="comment"' in folder and 'data-segment="p1.s2"' in folder
    resolved = client.post("/desk/doc/a.en-ar.xml/comment/resolve", json={"id": said["id"], "who": "Sami"},
                           headers=_csrf(client)).json()  # fmt: skip
    assert (resolved["resolved"], resolved["resolved_by"]) == (True, "Sami")
    assert "Which bank?" not in client.get("/desk/comments").text  # open ones only, by default
    assert "Which bank?" in client.get("/desk/comments?show=all").text
    assert [c["text"] for c in client.get("/desk/doc/a.en-ar.xml/comments").json()] == [said["text"]]


def test_a_comment_on_no_segment_an_empty_one_or_a_damaged_file_is_refused_and_nothing_is_written_over(
    client, desk_folder
):
    docs = desk_folder[0]
    for body in ({"segment": "p9.s9", "text": "x"}, {"segment": "p1.s1", "text": "   "},
                 {"segment": "p1.s1", "text": "bell \x07"}):  # fmt: skip
        answer = client.post("/desk/doc/a.en-ar.xml/comment", json=body, headers=_csrf(client))
        assert answer.status_code == 400, body
    assert not (docs / ".bilingual" / "comments" / "a.json").exists()
    damaged = docs / ".bilingual" / "comments" / "b.json"
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_text('[{"segment": "p1.s1", "text": "an editor\'s note"')  # cut short
    answer = client.post("/desk/doc/b.en-ar.xml/comment", json={"segment": "p1.s1", "text": "more"},
                         headers=_csrf(client))  # fmt: skip
    assert answer.status_code == 400 and "damaged" in answer.json()["error"]
    assert damaged.read_text() == '[{"segment": "p1.s1", "text": "an editor\'s note"'
    page = client.get("/desk/doc/b.en-ar.xml")
    assert page.status_code == 200 and 'data-role="comments-damaged"' in page.text


def test_a_comments_file_holding_half_a_character_is_damaged_not_a_crash(client, desk_folder, run_cli, tmp_path):
    """JSON may escape half of a character ("\\ud800"): such a file broke the page and every export of the
    document with an internal error."""
    docs = desk_folder[0]
    planted = docs / ".bilingual" / "comments" / "b.json"
    planted.parent.mkdir(parents=True, exist_ok=True)
    row = '{"segment": "p1.s1", "text": "bad \\ud800 half", "who": "x", "when": 1.0, "resolved": false, "id": "a1"}'
    planted.write_text(f"[{row}]")
    page = client.get("/desk/doc/b.en-ar.xml")
    assert page.status_code == 200 and 'data-role="comments-damaged"' in page.text
    assert client.get("/desk/comments").status_code == 200
    done = run_cli("export", docs / "b.en-ar.xml", "--to", "xliff", "-o", tmp_path / "b.xliff")
    assert done.exit_code == 0 and "exported without comments" in done.output and (tmp_path / "b.xliff").exists()
    answer = client.post("/desk/doc/b.en-ar.xml/comment", json={"segment": "p1.s1", "text": "more"},
                         headers=_csrf(client))  # fmt: skip
    assert answer.status_code == 400 and "damaged" in answer.json()["error"]
    assert planted.read_text() == f"[{row}]"  # left for a person to mend


@pytest.mark.parametrize("when", ["1e300", "NaN", "-1"])
def test_a_comment_dated_out_of_any_calendar_is_damaged_not_a_crash(client, desk_folder, run_cli, tmp_path, when):
    """A comments file dated 1e300 (or NaN, which Python's JSON reads) broke the page and every export."""
    docs = desk_folder[0]
    planted = docs / ".bilingual" / "comments" / "a.json"
    planted.parent.mkdir(parents=True, exist_ok=True)
    planted.write_text(
        f'[{{"segment": "p1.s1", "text": "t", "who": "x", "when": {when}, "resolved": false, "id": "a"}}]'
    )
    page = client.get("/desk/doc/a.en-ar.xml")
    assert page.status_code == 200 and 'data-role="comments-damaged"' in page.text
    done = run_cli("export", docs / "a.en-ar.xml", "--to", "xliff2", "-o", tmp_path / "a.xlf")
    assert done.exit_code == 0 and "exported without comments" in done.output


def test_a_history_or_dismissals_file_holding_half_a_character_breaks_no_page(client, desk_folder):
    """The history's line with an escaped half character was served (an error for every page that reads
    the history); a dismissals file with one was read as it was. Both are now left aside, never written over."""
    docs = desk_folder[0]
    state = docs / ".bilingual"
    (state / "history").mkdir(parents=True, exist_ok=True)
    good = {"segment": "p1.s1", "before": "قديم", "before_status": "mt", "after": "جديد", "after_status": "edited",
            "who": "Huda", "when": 1.0}  # fmt: skip
    bad = dict(good, before="half \ud800")
    nan = json.dumps(dict(good, before="never")).replace("1.0", "NaN")  # Python's JSON reads NaN; none can answer it
    (state / "history" / "a.jsonl").write_text(
        json.dumps(good) + "\n" + json.dumps(bad).replace("\\\\", "\\") + "\n" + nan + "\n"
    )
    steps = client.get("/desk/doc/a.en-ar.xml/history", params={"segment": "p1.s1"})
    assert steps.status_code == 200 and [s["before"] for s in steps.json()] == ["قديم"]
    (state / "dismissed").mkdir(exist_ok=True)
    planted = state / "dismissed" / "a.json"
    planted.write_text('[{"segment": "p1.s1", "check": "names", "reason": "ok \\ud800"}]')
    assert client.get("/desk/doc/a.en-ar.xml").status_code == 200
    answer = client.post("/desk/doc/a.en-ar.xml/dismiss", json={"segment": "p1.s2", "check": "names", "reason": "fine"},
                         headers=_csrf(client))  # fmt: skip
    assert answer.status_code == 400 and "damaged" in answer.json()["error"]
    assert planted.read_text() == '[{"segment": "p1.s1", "check": "names", "reason": "ok \\ud800"}]'


@pytest.mark.parametrize("fmt", ["xliff", "po", "xliff2"])
def test_comments_go_out_in_xliff_notes_and_po_comments_and_come_back_through_apply(
    client, desk_folder, run_cli, tmp_path, fmt
):
    docs = desk_folder[0]
    first = _comment(client, "a.en-ar.xml", "p1.s1", "Keep 'said' neutral.\nSecond line.")
    _comment(client, "a.en-ar.xml", "p2.s1", "Cairo or Giza?", who="Sami")
    out = tmp_path / f"a.{fmt}"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", fmt, "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    if fmt == "xliff":
        assert "<note from=\"Huda\">Keep 'said' neutral.\nSecond line.</note>" in text
        text = text.replace('<note from="Sami">Cairo or Giza?', '<note from="Sami">[resolved] Cairo or Giza?')
        text = text.replace("</trans-unit>", '<note from="Nour">A new remark.</note></trans-unit>', 1)
    elif fmt == "po":
        assert "# [Huda] Keep 'said' neutral.\n#   Second line.\n" in text
        text = text.replace("# [Sami] Cairo or Giza?", "# [Sami · resolved] Cairo or Giza?")
        text = text.replace('msgctxt "p1.s1"', '# A new remark.\nmsgctxt "p1.s1"', 1)
    else:
        assert "Keep 'said' neutral." in text and 'category="comment"' in text
        text = text.replace('bl:state="open">Cairo or Giza?', 'bl:state="resolved">Cairo or Giza?')
        text = text.replace("<segment", '<notes><note category="comment">A new remark.</note></notes><segment', 1)
    out.write_text(text, encoding="utf-8")
    done = run_cli("apply", docs / "a.en-ar.xml", out)
    assert done.exit_code == 0, done.output
    assert "1 comments added" in done.output and "1 resolved" in done.output
    kept = {c["text"]: c for c in client.get("/desk/doc/a.en-ar.xml/comments").json()}
    assert set(kept) == {first["text"], "Cairo or Giza?", "A new remark."}
    assert kept["Cairo or Giza?"]["resolved"] and not kept[first["text"]]["resolved"]
    assert kept["A new remark."]["segment"] == "p1.s1"
    again = run_cli("apply", docs / "a.en-ar.xml", out)  # the same file again adds nothing
    assert "0 comments added" in again.output and len(client.get("/desk/doc/a.en-ar.xml/comments").json()) == 3


def test_an_author_named_with_brackets_comes_back_from_po_as_the_same_comment(client, desk_folder, run_cli, tmp_path):
    """A comment by "Hu]da" came back from its PO as a new comment by "Hu" saying "da] …": one invented."""
    docs = desk_folder[0]
    for who in ("Hu]da", "Nour · resolved", "A\\B"):
        _comment(client, "a.en-ar.xml", "p1.s1", f"From {who}.", who=who)
    out = tmp_path / "a.po"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "po", "-o", out).exit_code == 0
    done = run_cli("apply", docs / "a.en-ar.xml", out)
    assert done.exit_code == 0 and "0 comments added" in done.output, done.output
    kept = client.get("/desk/doc/a.en-ar.xml/comments").json()
    assert sorted((c["who"], c["text"], c["resolved"]) for c in kept) == sorted(
        (who, f"From {who}.", False) for who in ("Hu]da", "Nour · resolved", "A\\B")
    )


def test_an_open_comment_that_begins_with_resolved_comes_back_open_from_xliff(client, desk_folder, run_cli, tmp_path):
    """XLIFF 1.2 marks a resolved comment "[resolved] …": an open one that said so itself came back resolved."""
    docs = desk_folder[0]
    _comment(client, "a.en-ar.xml", "p1.s1", "[resolved] means what here?")
    out = tmp_path / "a.xliff"
    assert run_cli("export", docs / "a.en-ar.xml", "--to", "xliff", "-o", out).exit_code == 0
    done = run_cli("apply", docs / "a.en-ar.xml", out)
    assert done.exit_code == 0 and "0 comments added" in done.output and "0 resolved" in done.output, done.output
    kept = client.get("/desk/doc/a.en-ar.xml/comments").json()
    assert [(c["text"], c["resolved"]) for c in kept] == [("[resolved] means what here?", False)]


# --- search and replace ---------------------------------------------------------------------------


def _replace(client, path, body, status=200):
    answer = client.post(f"/desk/replace/{path}", json=body, headers=_csrf(client))
    assert answer.status_code == status, answer.text
    return answer.json()


def _targets(docs, name):
    from bilingual.formats.aligned import read_aligned

    return {s.id: (s.target, s.status) for s in read_aligned(str(docs / name)).segments()}


def test_replace_across_the_folder_previews_applies_what_it_showed_and_one_undo_puts_it_all_back(client, desk_folder):
    docs = desk_folder[0]
    _approve(client, docs, "b.en-ar.xml", "p2.s1", "اصطف الناخبون في مصر.")
    before = {name: _targets(docs, name) for name in ("a.en-ar.xml", "b.en-ar.xml")}
    ask = {"find": "مصر", "replace": "جمهورية مصر", "documents": []}
    shown = _replace(client, "preview", ask)
    assert {c["document"] for c in shown} >= {"a.en-ar.xml", "b.en-ar.xml"}
    assert all("جمهورية مصر" in c["after"] and "مصر" in c["before"] for c in shown)
    approved = next(c for c in shown if c["document"] == "b.en-ar.xml" and c["segment"] == "p2.s1")
    assert (approved["status"], approved["status_after"]) == ("approved", "edited")  # to be approved again
    assert _targets(docs, "a.en-ar.xml") == before["a.en-ar.xml"]  # a preview writes nothing
    # Someone edits one of the previewed segments meanwhile: the replacement leaves it as it is.
    moved = shown[0]
    client.post(f"/desk/doc/{moved['document']}/save", headers=_csrf(client), json={
        "segment": moved["segment"], "target": "نص آخر عن مصر", "version": moved["version"], "who": "Sami"})  # fmt: skip
    expect = [{k: c[k] for k in ("document", "segment", "version")} for c in shown]
    done = _replace(client, "apply", {**ask, "expect": expect, "who": "Huda"})
    assert len(done["changed"]) == len(shown) - 1
    assert done["left"] == [{"document": moved["document"], "segment": moved["segment"],
                             "why": "changed since the preview: left as it is"}]  # fmt: skip
    for c in done["changed"]:
        target, status = _targets(docs, c["document"])[c["segment"]]
        assert "جمهورية مصر" in target and status == "edited"
    steps = client.get("/desk/doc/b.en-ar.xml/history", params={"segment": "p2.s1"}).json()
    assert (steps[-1]["who"], steps[-1]["batch"]) == ("Huda", done["batch"])
    undone = _replace(client, "undo", {"batch": done["batch"]})
    assert len(undone["changed"]) == len(done["changed"])
    for name in ("a.en-ar.xml", "b.en-ar.xml"):
        now = _targets(docs, name)
        for seg, was in before[name].items():
            if (name, seg) != (moved["document"], moved["segment"]):
                assert now[seg] == was, (name, seg)  # the approval comes back with its text
    assert _targets(docs, moved["document"])[moved["segment"]] == ("نص آخر عن مصر", "edited")


def test_replace_with_a_regular_expression_in_one_document_and_what_it_refuses(client, desk_folder):
    docs = desk_folder[0]
    one = {"documents": ["a.en-ar.xml"], "regex": True}
    shown = _replace(client, "preview", {**one, "find": r"(\S+)\.$", "replace": r"\1!"})
    assert shown and all(c["document"] == "a.en-ar.xml" and c["after"].endswith("!") for c in shown), shown
    english = _replace(client, "preview", {"find": "cairo", "where": "source", "documents": []})
    assert {c["document"] for c in english} == {"a.en-ar.xml", "c.en-ar.xml"}
    assert all("Cairo" in c["source"] and c["before"] == c["after"] for c in english)  # a search changes nothing
    refused = _replace(client, "preview", {"find": "Cairo", "replace": "x", "where": "source"}, status=400)
    assert "the English is the article's" in refused["error"]
    assert (
        "regular expression" in _replace(client, "preview", {"find": "(", "regex": True, "replace": ""}, 400)["error"]
    )
    # A pattern that backtracks for ever on one sentence is stopped, not left running on the server.
    _approve(client, docs, "a.en-ar.xml", "p1.s2", "a" * 40 + "!")
    slow = {"find": r"^(a|aa)+$", "regex": True, "replace": "", "documents": ["a.en-ar.xml"]}
    assert "takes too long" in _replace(client, "preview", slow, status=400)["error"]
    assert "no replacement nope to undo" in _replace(client, "undo", {"batch": "nope"}, status=400)["error"]
    assert "expect" in _replace(client, "apply", {"find": "x", "replace": "y"}, status=400)["error"]
    # A pattern that matches no text would put the replacement between every two letters of the folder.
    for empty in ("x*", "^", r"\b", "(?=م)"):
        found = {"find": empty, "regex": True, "replace": "Y", "documents": ["a.en-ar.xml"]}
        assert "matches empty text" in _replace(client, "preview", found, status=400)["error"], empty
    regrouped = {"find": "(مص)(ر)", "regex": True, "replace": r"\2\1", "documents": ["a.en-ar.xml"]}
    assert all("رمص" in c["after"] for c in _replace(client, "preview", regrouped))


def test_the_command_line_previews_replaces_and_undoes_across_the_folder(client, desk_folder, run_cli):
    docs = desk_folder[0]
    _approve(client, docs, "b.en-ar.xml", "p2.s1", "اصطف الناخبون في مصر.")
    before = {name: _targets(docs, name) for name in ("a.en-ar.xml", "b.en-ar.xml")}
    listed = run_cli("replace", "مصر", "جمهورية مصر", "--folder", docs, "--no-memory", "--dry-run")
    assert listed.exit_code == 0 and "a.en-ar.xml\tp1.s1\t" in listed.output and "→" in listed.output
    assert {name: _targets(docs, name) for name in before} == before  # a dry run writes nothing
    done = run_cli("replace", "مصر", "جمهورية مصر", "--folder", docs, "--no-memory", "--editor", "Huda")
    assert done.exit_code == 0, done.output
    batch = done.output.rsplit("--undo ", 1)[1].split()[0]
    assert "b.en-ar.xml: p2.s1: was approved" in done.output  # a withdrawn approval is said, never silent
    assert all("جمهورية مصر" in t for t, _s in _targets(docs, "b.en-ar.xml").values() if "مصر" in t)
    undone = run_cli("replace", "--undo", batch, "--folder", docs, "--no-memory")
    assert undone.exit_code == 0 and {name: _targets(docs, name) for name in before} == before
    bad = run_cli("replace", "(", "x", "--regex", "--folder", docs, "--no-memory")
    assert bad.exit_code != 0 and "not a regular expression" in bad.output and "Traceback" not in bad.output
