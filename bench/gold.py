"""Hand-made gold for the benches: the examples (tuned on) and the dev set (measured on).

A gold article is text with ``⟂`` after every sentence; paragraphs are separated by blank lines.
Names are TSV (english, arabic, kind). See bench/devset/README.md.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = "⟂"
SETS = {
    "examples": HERE / "examples-gold",
    "tuning": HERE / "tuning",
    "dev set": HERE / "devset",
    "new set": HERE / "newset",  # written after the name rules were frozen (bench/newset/README.md)
    "fresh set": HERE / "freshset",  # written after the second freeze (bench/freshset/README.md)
    "final set": HERE / "finalset",  # written after the third freeze (bench/finalset/README.md)
    "fourth set": HERE / "fourthset",  # written after the fourth freeze (bench/fourthset/README.md)
    "fifth set": HERE / "fifthset",  # written after the fifth freeze (bench/fifthset/README.md)
    "sixth set": HERE / "sixthset",  # written after the sixth freeze (bench/sixthset/README.md)
    "seventh set": HERE / "seventhset",  # new regions, written at fa4017d (bench/seventhset/README.md)
    "eighth set": HERE / "eighthset",  # written at the freeze 7009ffb (bench/eighthset/README.md)
    "ninth set": HERE / "ninthset",  # written at d294969, after the eighth's fixes (bench/ninthset/README.md)
    "tenth set": HERE / "tenthset",  # written at 37da2f2, with the localities (bench/tenthset/README.md)
    "eleventh set": HERE / "eleventhset",  # written at 2e301e1, after the tenth's fixes (bench/eleventhset/README.md)
    "twelfth set": HERE / "twelfthset",  # written at b713129, after the eleventh's fixes (bench/twelfthset/README.md)
    "thirteenth set": HERE / "thirteenthset",  # written at 6edfc63, the session's last rules (README there)
    "fourteenth set": HERE / "fourteenthset",  # written at bc197aa, after the thirteenth's fixes (README there)
    "fifteenth set": HERE / "fifteenthset",  # written at 1cec07e, the fourteenth's rules (README there)
    "sixteenth set": HERE / "sixteenthset",  # written at the freeze b11bff9 (README there)
    "seventeenth set": HERE / "seventeenthset",  # written at the freeze b11bff9, with the sixteenth (README there)
    "eighteenth set": HERE / "eighteenthset",  # written at the last freeze de09f16 (README there)
    "nineteenth set": HERE / "nineteenthset",  # written at the last freeze de09f16, with the eighteenth (README there)
    "twentieth set": HERE / "twentiethset",  # written at 7fec051, the session's final rules (README there)
    "twenty-first set": HERE / "twentyfirstset",  # written at 7fec051, with the twentieth (README there)
    "twenty-second set": HERE / "twentysecondset",  # written at the freeze 0930957 (README there)
    "twenty-third set": HERE / "twentythirdset",  # written at the freeze 0930957, with the twenty-second (README there)
    "twenty-fourth set": HERE / "twentyfourthset",  # written at the final freeze ffc09f9 (README there)
    "twenty-fifth set": HERE / "twentyfifthset",  # written at ffc09f9, with the twenty-fourth (README there)
    "twenty-sixth set": HERE / "twentysixthset",  # written at the session's last rules 5e792c5 (README there)
    "twenty-seventh set": HERE / "twentyseventhset",  # written at 5e792c5, with the twenty-sixth (README there)
    "twenty-eighth set": HERE / "twentyeighthset",  # written at the session's final rules d28ca82 (README there)
    "twenty-ninth set": HERE / "twentyninthset",  # written at d28ca82, with the twenty-eighth (README there)
    "thirtieth set": HERE / "thirtiethset",  # written at the session's last rules 2ea0d7d (README there)
    "thirty-first set": HERE / "thirtyfirstset",  # written at 2ea0d7d, with the thirtieth (README there)
    "thirty-second set": HERE / "thirtysecondset",  # written at the session's final rules a02e564 (README there)
    "thirty-third set": HERE / "thirtythirdset",  # written at a02e564, with the thirty-second (README there)
}
# Dev-set articles written after the rules they measure (bench/devset/README.md), reported apart
# as well: 07–10 before the spelling search was built, 11–13 after its rules were frozen.
HELD_OUT = {"dev set, held out (07–10)": range(7, 11), "dev set, written after the rules (11–13)": range(11, 14)}


@dataclass(frozen=True)
class Article:
    name: str
    paragraphs: list[list[str]]  # each paragraph: its sentences, as written (markers removed)
    text: str  # the article as a reader sees it: paragraphs joined by blank lines
    names: list[tuple[str, str, str]]


def load(folder: Path) -> list[Article]:
    articles = []
    for gold in sorted(folder.glob("*.gold.txt")):
        raw = gold.read_text(encoding="utf-8")
        paragraphs = []
        for block in raw.split("\n\n"):
            if not block.strip():
                continue
            pieces = [p for p in block.split(MARK)]
            sentences = [p.strip() for p in pieces if p.strip()]
            paragraphs.append(sentences)
        text = "\n\n".join(block.replace(MARK, "").strip() for block in raw.split("\n\n") if block.strip())
        names_file = gold.with_name(gold.name.replace(".gold.txt", ".names.tsv"))
        with names_file.open(encoding="utf-8") as handle:
            names = [(r["english"], r["arabic"], r["kind"]) for r in csv.DictReader(handle, delimiter="\t")]
        articles.append(Article(gold.name.removesuffix(".gold.txt"), paragraphs, text, names))
    return articles


def sets() -> dict[str, list[Article]]:
    """Each gold set by name, with the held-out part of the dev set once more on its own."""
    out = {name: load(folder) for name, folder in SETS.items()}
    for name, numbers in HELD_OUT.items():
        out[name] = [a for a in out["dev set"] if int(a.name[:2]) in numbers]
    return out


def paragraph_texts(article: Article) -> list[str]:
    return [block.strip() for block in article.text.split("\n\n")]
