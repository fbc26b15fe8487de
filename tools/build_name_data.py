"""Rebuild the attested name tables that ``glossary suggest`` spells from (bilingual/discovery/data/).

    pip install pycountry arwikicats name-variants world-countries
    python tools/build_name_data.py --netrans PATH/wd_arabic.normalized.aligned.tokens
    python tools/build_name_data.py --wof PATH/whosonfirst-data-admin-eg PATH/whosonfirst-data-admin-ly …

Sources (each licence is in bilingual/discovery/data/LICENSES.md):
- person-name words: the Wikidata-derived English→Arabic name pairs of the NETransliteration data
  (Merhav and Ash, COLING 2018; CC0), one row per English word with the Arabic written most often
  and how often; then the Arabic given names of ``name-variants``
  (MIT), inverted: each Latin spelling → its Arabic;
- places: country names from pycountry's ISO 3166 Arabic catalogue (LGPL, Debian's iso-codes),
  capitals from ``world-countries`` (MIT), and the cities, regions and governorates of
  ``arwikicats`` (MIT; Arabic Wikipedia's category labels) whose Arabic is a plain name;
- localities (``places-wof.tsv``): the towns, villages, districts and regions of the Arab world in
  Who's On First (the ``whosonfirst-data-admin-XX`` repositories, one per country; CC BY, names
  mostly from Wikidata and GeoNames) with a preferred Arabic name that sounds like their English one,
  each with its country and kind (a checkout or a bare clone of each repository).

What is kept is cleaned: English reduced to folded letters, Arabic to its 28 letters with hamza
forms (no diacritics, no Persian letters, no parentheses), acronyms and names of two letters or
fewer left out (they would match by sound). The output is sorted, so a rebuild diffs cleanly.
"""

from __future__ import annotations

import argparse
import gettext
import importlib.util
import json
import re
import sys
import unicodedata
from importlib import resources
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's code, whatever is installed

from bilingual.arabic import similarity
from bilingual.discovery.gazetteer import ARAB_WORLD as ARAB_COUNTRIES
from bilingual.discovery.romanize import transliterate_name

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bilingual" / "discovery" / "data"
ARABIC = re.compile("^[\u0621-\u063a\u0641-\u064a]+(?: [\u0621-\u063a\u0641-\u064a]+)*$")
MIN_COUNT = 1  # occurrences of a word in the pairs before it is kept
HARAKAT = re.compile("[\u064b-\u0652\u0670\u0640]")
ENGLISH = re.compile(r"^[a-z][a-z' ]*[a-z]$")


def fold(text: str) -> str:
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[-'’ʼ`]", " ", plain).lower().split())


ADMINISTRATIVE = {"province", "governorate", "district", "county", "region", "state", "municipality"}
ADMINISTRATIVE_AR = ("محافظة", "مقاطعة", "منطقة", "ولاية", "إقليم", "بلدية", "ناحية", "قضاء", "شعبية")


def common(word: str) -> bool:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en") >= 3.5


def arabic(text: str) -> str:
    """*text* as plain Arabic letters, or '' when it is anything else."""
    text = " ".join(HARAKAT.sub("", text).split())
    return text if ARABIC.match(text) else ""


ARTICLES = frozenset(["al", "el", "ad", "an", "as", "az", "ar", "at", "ash", "ath", "adh", "ed", "es", "et", "ez"])


def sounds_like(english: str, letters: str) -> bool:
    """Whether the Arabic could be a reading of the English word (their consonants roughly agree)."""
    words = fold(english).split()
    if len(words) > 1 and words[0] in ARTICLES:
        english = " ".join(words[1:])  # "Al Mukalla": the article is no part of how the name sounds
    ruled, bare = transliterate_name(english).removeprefix("ال"), letters.removeprefix("ال")
    return similarity(ruled, bare) >= 0.5 and len(bare) >= 0.6 * len(ruled)  # not one part of a compound


def person_words(netrans: Path) -> dict[str, tuple[str, int, str]]:
    out: dict[str, tuple[str, int, str]] = {}
    for line in netrans.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or not parts[2].isdigit():
            continue
        english, letters, count = fold(parts[0]), arabic(parts[1].replace(" ", "")), int(parts[2])
        if count < MIN_COUNT or not letters or not ENGLISH.match(english) or " " in english or len(english) < 3:
            continue
        if not sounds_like(english, letters):
            continue  # "mishal" → الله: a word of another name in the pair, not this one
        if english not in out or out[english][1] < count:
            out[english] = (letters, count, "netrans")
    import name_variants

    for script, entry in name_variants.ARABIC_NAME_VARIANTS.items():
        spelled = arabic(script)
        if not spelled:
            continue
        if spelled.startswith("عبد") and " " not in spelled and len(spelled) > 4:
            spelled = "عبد " + spelled[3:]  # the press writes عبد الله, عبد الرحمن as two words
        for form in entry.get("forms", []):
            key = fold(form)
            if ENGLISH.match(key) and " " not in key and key not in out:
                out[key] = (spelled, 0, "name-variants")
    return out


def places() -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}

    def keep(english: str, ar: str, source: str) -> None:
        key, spelled = fold(english), arabic(ar)
        if " " not in key and common(key):
            if not sounds_like(english, spelled.removeprefix("ال")):
                return  # "independence" الاستقلال: a word translated, no place's name
            source += ":word"  # Vienna فيينا: kept apart, for where an article calls a place so
        if set(key.split()) & ADMINISTRATIVE and not any(w in spelled for w in ADMINISTRATIVE_AR):
            return  # "independencia province" → الاستقلال: the Arabic names something else
        for word, english_word in (("مدينة ", "city"), ("محافظة ", "governorate"), ("ولاية ", "state"),
                                   ("مملكة ", "kingdom")):  # fmt: skip
            if spelled.startswith(word) and english_word not in key and not set(key.split()) & ADMINISTRATIVE:
                spelled = spelled.removeprefix(word)  # "Muharraq" is المحرق, not مدينة المحرق
        if " وال" in spelled and " and " not in f" {key} ":
            return  # "Al Khor" → الخور والذخيرة: the Arabic names a municipality of two towns
        if not spelled or not ENGLISH.match(key) or len(key.replace(" ", "")) < 3 or english.isupper():
            return
        out.setdefault(key, (spelled, source))

    import pycountry

    catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", country.name)}:
            translated = catalogue.gettext(name)
            if translated != name:
                keep(name, translated, "pycountry")
    data = resources.files("world_countries") / "data"
    english = {c["iso2"]: c for c in json.loads((data / "countries_en.json").read_text(encoding="utf-8"))}
    for country in json.loads((data / "countries_ar.json").read_text(encoding="utf-8")):
        en = english.get(country["iso2"])
        if en and en.get("capital") and country.get("capital"):
            keep(en["capital"], country["capital"], "world-countries")
    spec = importlib.util.find_spec("ArWikiCats")  # its data only: importing it runs its code
    assert spec is not None and spec.submodule_search_locations, "pip install arwikicats"
    jsons = Path(next(iter(spec.submodule_search_locations))) / "jsons"
    tables = [jsons / "cities" / "cities_full.json", jsons / "geography" / "popopo.json",
              jsons / "geography" / "P17_PP.json"]  # fmt: skip
    for table in tables:
        for en, ar in json.loads(table.read_text(encoding="utf-8")).items():
            if isinstance(ar, str) and not any(c in en for c in "(),0123456789"):
                keep(en, ar, "arwikicats")
    # New keys: Lebanon's districts and towns among concepts ("time travel"): its one-word names that
    # sound like their Arabic, and its districts and governorates
    for en, ar in json.loads((jsons / "geography" / "New_Keys.json").read_text(encoding="utf-8")).items():
        if isinstance(ar, str) and (
            set(fold(en).split()) & ADMINISTRATIVE or (" " not in fold(en) and sounds_like(en, arabic(ar)))
        ):
            keep(en, ar, "arwikicats")
    for table in (jsons / "geography" / "regions.json", jsons / "geography" / "regions2.json"):
        for group in json.loads(table.read_text(encoding="utf-8")).values():
            for en, ar in group.items():
                if not any(c in en for c in "(),0123456789"):
                    keep(en, ar, "arwikicats")
    return out


# The Arab League's members and Western Sahara, as the gazetteer names them (lower case, as WOF's folders)
ARAB_WORLD = frozenset(code.lower() for code in ARAB_COUNTRIES)
# Most to least important; Morocco's communes ("localadmin") are left out: many carry another place's name
WOF_KINDS = ("region", "county", "locality", "neighbourhood")
ARTICLE_FREE = re.compile(
    "^(?:قرية|مدينة|بلدة|بلدية|منطقة|محافظة|ولاية|ناحية|قضاء|مركز|مقاطعة|إقليم|مديرية|شعبية|عزبة|نجع|كفر) "
)


def wof_features(repo: Path):
    """The properties of every current GeoJSON record of one Who's On First repository: from its
    ``data`` folder when it is checked out, else from its git objects (a bare clone)."""
    if (repo / "data").is_dir():
        for path in sorted((repo / "data").rglob("*.geojson")):
            if "-alt-" not in path.name:
                yield json.loads(path.read_bytes()).get("properties", {})
        return
    import subprocess

    git = ["git", "-C", str(repo)]
    names = subprocess.run([*git, "ls-tree", "-r", "--name-only", "HEAD"], capture_output=True, text=True,
                           check=True).stdout.split()  # fmt: skip
    names = [n for n in names if n.endswith(".geojson") and "-alt-" not in n]
    with subprocess.Popen([*git, "cat-file", "--batch"], stdin=subprocess.PIPE, stdout=subprocess.PIPE) as batch:
        assert batch.stdin is not None and batch.stdout is not None
        for name in names:
            batch.stdin.write(f"HEAD:{name}\n".encode())
            batch.stdin.flush()
            header = batch.stdout.readline().split()
            if len(header) < 3 or header[1] != b"blob":
                continue
            data = batch.stdout.read(int(header[2]))
            batch.stdout.read(1)
            yield json.loads(data).get("properties", {})
        batch.stdin.close()


def wof_places(repos: list[Path]) -> dict[tuple[str, str, str], tuple[str, int]]:
    """(folded English, Arabic, country) → kind, for the Arab world's current places whose preferred
    Arabic name is plain Arabic letters and sounds like the English (an administrative word before
    it — قرية, مدينة, ولاية — dropped where the English has none): (kind, population), the most
    important kind kept."""
    out: dict[tuple[str, str, str], tuple[str, int]] = {}
    for repo in repos:
        for props in wof_features(repo):
            country, kind = str(props.get("wof:country", "")).lower(), props.get("wof:placetype")
            if country not in ARAB_WORLD or kind not in WOF_KINDS or props.get("mz:is_current") == 0:
                continue
            if props.get("edtf:deprecated") or props.get("wof:superseded_by"):
                continue
            spelled = arabic(str((props.get("name:ara_x_preferred") or [""])[0]))
            english_names = {str(n) for n in [props.get("wof:name"), *(props.get("name:eng_x_preferred") or [])] if n}
            for english in english_names:
                key = fold(english)
                letters = spelled
                if not set(key.split()) & ADMINISTRATIVE:
                    letters = ARTICLE_FREE.sub("", letters)  # "Mirbat" is مرباط, not ولاية مرباط
                if not letters or not english.isascii() or english.isupper() or not ENGLISH.match(key):
                    continue
                if len(key.replace(" ", "")) < 3 or not sounds_like(english, letters):
                    continue
                held = out.get((key, letters, country))
                population = int(props.get("gn:population") or props.get("wof:population") or 0)
                if held is None or (WOF_KINDS.index(kind), -population) < (WOF_KINDS.index(held[0]), -held[1]):
                    out[key, letters, country] = (kind, population)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--netrans", type=Path, help="wd_arabic.normalized.aligned.tokens (person-words.tsv, places.tsv)"
    )
    parser.add_argument("--wof", type=Path, nargs="+", help="whosonfirst-data-admin-XX repositories (places-wof.tsv)")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if args.wof:
        rows = wof_places(args.wof)
        lines = [f"{en}\t{ar}\t{cc}\t{kind}\t{people}" for (en, ar, cc), (kind, people) in sorted(rows.items())]
        header = "english\tarabic\tcountry\tkind\tpopulation\n"
        (OUT / "places-wof.tsv").write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
        print(f"places-wof.tsv: {len(rows)} places")
    if not args.netrans:
        return
    people = person_words(args.netrans)
    lines = [f"{en}\t{ar}\t{n}\t{src}" for en, (ar, n, src) in sorted(people.items())]
    (OUT / "person-words.tsv").write_text(
        "english\tarabic\tcount\tsource\n" + "\n".join(lines) + "\n", encoding="utf-8"
    )
    found = places()
    lines = [f"{en}\t{ar}\t{src}" for en, (ar, src) in sorted(found.items())]
    (OUT / "places.tsv").write_text("english\tarabic\tsource\n" + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"person-words.tsv: {len(people)} words; places.tsv: {len(found)} places")


if __name__ == "__main__":
    main()
