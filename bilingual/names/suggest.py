"""Rule-based English→Arabic transliteration of names, and finding names a glossary lacks.

Used by ``bilingual glossary suggest``: its proposals are written as fuzzy entries for an
editor to review, never enforced as they are. Known given names and name parts come from a
table; the rest follows romanisation rules: Al-/El- is the article ال, Abu أبو, Abdel/Abdul
عبد ال…, -iya/-iyah ية, a final -a ة, doubled consonants written once (Arabic marks them with
an unwritten shadda), kh/sh/th/dh/gh digraphs, long vowels from i/ee/ou/oo/u/o.
"""

from __future__ import annotations

import re

KNOWN = {
    "ahmed": "أحمد", "ahmad": "أحمد", "mohamed": "محمد", "mohammed": "محمد", "muhammad": "محمد",
    "mahmoud": "محمود", "mahmud": "محمود", "ali": "علي", "hassan": "حسن", "hasan": "حسن",
    "hussein": "حسين", "husein": "حسين", "omar": "عمر", "khaled": "خالد", "khalid": "خالد",
    "ibrahim": "إبراهيم", "youssef": "يوسف", "yousef": "يوسف", "mustafa": "مصطفى", "moustafa": "مصطفى",
    "fathi": "فتحي", "fayez": "فايز", "khalifa": "خليفة", "ghassan": "غسان", "ziad": "زياد",
    "aguila": "عقيلة", "saleh": "صالح", "salem": "سالم", "salim": "سليم", "talha": "طلحة", "bakr": "بكر",
    "osama": "أسامة", "usama": "أسامة", "tarek": "طارق", "tariq": "طارق", "amr": "عمرو", "nasser": "ناصر",
    "abdullah": "عبد الله", "abdallah": "عبد الله", "said": "سعيد", "saeed": "سعيد", "sayed": "سيد",
    "ismail": "إسماعيل", "yasser": "ياسر", "walid": "وليد", "hamdi": "حمدي", "hamza": "حمزة",
    "abdel": "عبد", "abdul": "عبد", "abd": "عبد", "abu": "أبو", "bin": "بن", "ibn": "ابن",
    "sheikh": "الشيخ", "emad": "عماد", "magdy": "مجدي", "samir": "سمير", "sami": "سامي",
    "fattah": "فتاح", "rahman": "رحمن", "aziz": "عزيز", "razek": "رازق", "rahim": "رحيم",
    "moscow": "موسكو", "cairo": "القاهرة", "libya": "ليبيا", "egypt": "مصر", "russia": "روسيا",
    "europe": "أوروبا", "africa": "أفريقيا", "america": "أمريكا", "washington": "واشنطن",
    # Countries and cities the Arabic press names daily, spelled as it spells them.
    "sudan": "السودان", "turkey": "تركيا", "qatar": "قطر", "iran": "إيران", "iraq": "العراق",
    "syria": "سوريا", "afghanistan": "أفغانستان", "chad": "تشاد", "tripoli": "طرابلس", "benghazi": "بنغازي",
    "tunis": "تونس", "tunisia": "تونس", "algeria": "الجزائر", "morocco": "المغرب", "jordan": "الأردن",
    "lebanon": "لبنان", "israel": "إسرائيل", "gaza": "غزة", "yemen": "اليمن", "kuwait": "الكويت",
    "bahrain": "البحرين", "oman": "عمان", "london": "لندن", "paris": "باريس", "rome": "روما",
    "ankara": "أنقرة", "tehran": "طهران", "baghdad": "بغداد", "damascus": "دمشق", "beirut": "بيروت",
    "riyadh": "الرياض", "doha": "الدوحة", "dhabi": "ظبي", "qaeda": "قاعدة", "niger": "النيجر",
}
DIGRAPHS = (("kh", "خ"), ("sh", "ش"), ("th", "ث"), ("dh", "ذ"), ("gh", "غ"), ("ch", "تش"), ("ph", "ف"),
            ("ou", "و"), ("oo", "و"), ("ee", "ي"), ("ei", "ي"), ("ey", "ي"), ("ai", "ي"), ("ay", "اي"),
            ("aa", "ا"), ("ie", "ي"))
CONSONANTS = {"b": "ب", "t": "ت", "j": "ج", "h": "ح", "d": "د", "r": "ر", "z": "ز", "s": "س", "f": "ف",
              "q": "ق", "k": "ك", "l": "ل", "m": "م", "n": "ن", "w": "و", "y": "ي", "g": "ج", "v": "ف",
              "p": "ب", "c": "ك", "x": "كس"}
VOWELS = set("aeiou")


def _word(word: str) -> str:
    low = word.lower()
    if low in KNOWN:
        return KNOWN[low]
    for prefix in ("abdel", "abdul"):
        if low.startswith(prefix) and len(low) > len(prefix) + 2:
            return "عبد ال" + _word(low[len(prefix):])
    if low.endswith(("iyah", "iya")):
        stem = low[: -4 if low.endswith("iyah") else -3]
        return _letters(stem) + "ية"
    return _letters(low)


def _letters(low: str) -> str:
    out: list[str] = []
    first_vowel = next((i for i, c in enumerate(low) if c in VOWELS), -1)
    i = 0
    while i < len(low):
        if i + 1 < len(low) and low[i] == low[i + 1] and low[i] not in VOWELS:
            i += 1  # a doubled consonant is written once
            continue
        pair = low[i:i + 2]
        digraph = next((ar for en, ar in DIGRAPHS if en == pair), None)
        if digraph is not None:
            out.append("أ" if i == 0 and digraph == "ا" else ("إي" if i == 0 and pair in ("ei", "ie") else digraph))
            i += 2
            continue
        ch = low[i]
        last = i == len(low) - 1
        after = low[i + 1:i + 3]
        closed = len(after) == 2 and after[0] not in VOWELS and after[1] not in VOWELS
        if ch in VOWELS:
            if i == 0:
                out.append({"a": "أ", "e": "إ", "i": "إ", "o": "أو", "u": "أو"}[ch])
            elif last:
                if ch == "a" and low[i - 1] == "y":
                    out.append("ا")
                elif ch == "e" and i >= 2 and low[i - 1] not in VOWELS and low[i - 2] not in VOWELS:
                    pass  # a silent final e after two consonants ("Sirte")
                else:
                    out.append({"a": "ة", "e": "ة", "i": "ي", "o": "و", "u": "و"}[ch])
            elif ch == "a":
                doubled_before = i >= 2 and low[i - 1] == low[i - 2] and low[i - 1] not in VOWELS
                open_syllable = len(after) == 2 and after[0] not in VOWELS and after[1] in VOWELS
                final_syllable = len(after) == 1 and after not in VOWELS
                long_a = (open_syllable and i != first_vowel) or (doubled_before and final_syllable)
                out.append("ا" if long_a else "")
            elif ch == "e":
                pass  # a short e is not written
            elif closed and i != len(low) - 1:
                pass  # a short i/u/o in a closed syllable is not written ("Mismari")
            else:
                out.append({"i": "ي", "u": "و", "o": "و"}[ch])
        elif ch == "h" and last:
            out.append("ه")
        else:
            out.append(CONSONANTS.get(ch, ""))
        i += 1
    return "".join(out)


def transliterate_name(name: str) -> str:
    """A plausible Arabic spelling for an English-romanised name."""
    words = []
    for part in re.split(r"\s+", name.strip()):
        pieces = part.split("-")
        if len(pieces) > 1 and pieces[0].lower() in ("abdel", "abdul", "abd"):
            words.append("عبد ال" + "".join(_word(p) for p in pieces[1:]).removeprefix("ال"))
        elif len(pieces) > 1 and pieces[0].lower() in ("al", "el"):
            words.append("ال" + "".join(_word(p) for p in pieces[1:]).removeprefix("ال"))
        else:
            words.append(" ".join(_word(p) for p in pieces if p))
    return " ".join(w for w in words if w)


# --- finding candidate names ---------------------------------------------------------------------

_STOP = frozenset(["The", "A", "An", "In", "On", "At", "But", "And", "Or", "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "Our", "We", "He", "She", "It", "They", "I", "According", "After", "Before", "When", "While", "However", "Meanwhile", "Yet", "So", "If", "As", "For", "Some", "Many", "Most", "Both", "Still", "Also", "Then", "Now", "Last", "Earlier", "Later", "Speaking", "Only", "Three", "Two", "One", "Four", "Five", "Military", "Anti", "Controlling", "Strikes", "Terrorism", "Russian", "Islamists", "Chadians", "Sudanese", "Africans", "Western", "Eastern", "Southern", "Northern", "President", "Colonel", "General", "Field", "Marshal", "Spokesman", "Minister", "Foreign", "Interior", "Gen", "Col", "Maj", "Dr", "Mr", "Mrs", "Ms", "Lt", "Capt", "During", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Residents", "Analysts", "Nobody", "Patrols", "Smuggling", "See", "Calm", "Copyright", "Home", "World", "Article", "Charter", "UN", "US", "U.S", "Field", "Talks", "What"])
_TITLES = ("President", "Colonel", "Col.", "General", "Gen.", "Marshal", "Minister", "Dr.", "Mr.", "analyst",
           "researcher", "expert", "spokesman", "envoy", "Sheikh", "Maj.", "speaker")
_ORG_WORDS = ("Army", "Council", "Brigade", "Ministry", "Government", "Academy", "Centre", "Center", "Party",
              "Front", "Forces", "Agency", "Organisation", "Organization", "House", "Movement")
_CANDIDATE = re.compile(r"\b(?:(?:Al|El|al|el)-)?[A-Z][a-zA-Z’']+(?:[- ](?:(?:Al|El|al|el|bin|ibn|Abu|of)[- ])?"
                        r"(?:(?:Al|El|al|el)-)?[A-Z][a-zA-Z’']+)*")


def guess_kind(name: str, before: str) -> str:
    if any(name.endswith(w) or f" {w} " in f" {name} " for w in _ORG_WORDS):
        return "org"
    if any(before.rstrip().endswith(t) for t in _TITLES) or (name.split()[0] in KNOWN and len(name.split()) > 1):
        return "person"
    if re.search(r"\b(in|from|to|near|of|around|via)\s*$", before):
        return "place"
    return "person" if "-" in name or len(name.split()) > 1 else "place"


_BREAK = frozenset(["President", "Colonel", "General", "Field", "Marshal", "Spokesman", "Minister", "Gen", "Col", "Maj", "Dr", "Mr", "Mrs", "Ms", "Lt", "Capt", "Sheikh", "Researcher", "Analyst", "Expert", "Envoy", "Speaker"])
_GENERIC = frozenset(["Government", "Council", "Army", "Ministry", "Academy", "Centre", "Center", "Brigade", "House", "Weekly", "Security", "State", "Coptic", "Arabs", "Copts", "Military", "National", "Higher", "Foreign"])
_ADJECTIVES = frozenset(["Egyptian", "Libyan", "Turkish", "Qatari", "Russian", "Arab", "Islamic", "American", "European"])


def _trim(words: list[str]) -> list[str]:
    is_org = bool(words) and words[-1] in _ORG_WORDS
    while words and (words[0] in _STOP or words[0].lower() in ("of", "al", "el")
                     or (words[0] in _ADJECTIVES and not is_org)):
        words = words[1:]
    while words and (words[-1] in _STOP or words[-1] in _ADJECTIVES or words[-1].lower() == "of"):
        words = words[:-1]
    return words


def find_candidates(text: str, covered: list[tuple[int, int]]) -> list[tuple[str, str]]:
    """Capitalised names in *text* outside the *covered* spans: (name, kind guess), first seen first."""
    seen: dict[str, str] = {}
    for m in _CANDIDATE.finditer(text):
        run = re.sub(r"['’]s?$", "", m.group())
        groups: list[list[str]] = [[]]
        for word in run.split(" "):
            parts = word.split("-")
            if word.rstrip(".") in _BREAK:
                groups.append([])
            elif len(parts) > 1 and all(p[:1].isupper() for p in parts) and parts[0].lower() not in (
                    "al", "el", "abdel", "abdul", "abd", "abu"):
                groups.extend([[p] for p in parts] + [[]])  # "Cairo-Moscow": two names
            else:
                groups[-1].append(word)
        for words in groups:
            words = _trim(words)
            if not words or (len(words) == 1 and words[0] in _GENERIC):
                continue
            name = " ".join(words)
            start = text.find(name, m.start())
            if len(name) < 3 or start < 0 or any(start < e and s < start + len(name) for s, e in covered):
                continue
            if name.isupper() and len(name) <= 4:
                continue  # acronyms are not transliterated
            if name not in seen:
                seen[name] = guess_kind(name, text[max(0, start - 30):start])
    return list(seen.items())
