"""The desk as a translator's workbench, through its routes: the memory pane (near matches with the
difference and who gave them, a concordance), progress, re-translating a segment, comments, accounts."""

from __future__ import annotations

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
