"""Train the learned speller: a small character-level model from romanised name words to Arabic,
converted to CTranslate2 (issue 31, item 4).

    python tools/train_speller.py [--out build/speller] [--epochs 15]

Data: the name pairs we ship (``bilingual/discovery/data/person-words.tsv``, CC0 NETransliteration
and name-variants; one-word places of ``places.tsv``), single words of Latin letters to Arabic
letters, less every word of a name in the benches' gold lists (so the benches measure words the
model never saw). Model: a Marian transformer (2 + 2 layers, width 128) over characters, trained
with PyTorch (the convert extra), saved as a Transformers folder and converted with CTranslate2's
Transformers converter; ``bench/speller.py`` measures it. Deterministic for a seed.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]
DATA = ROOT / "bilingual" / "discovery" / "data"
LATIN = re.compile("[a-z]{2,20}")
ARABIC = re.compile("[\u0621-\u064a]{2,24}")
# <s> opens every target: CTranslate2 starts Marian's decoder from a zero embedding, and the first
# step was the weakest (a first letter dropped); <pad> last: Marian's converter drops it.
SPECIALS = ["</s>", "<unk>", "<s>"]


def gold_words() -> set[str]:
    from gold import sets

    from bilingual.discovery.lexicon import fold

    return {w for articles in sets().values() for a in articles for e, _ar, _k in a.names for w in fold(e).split()}


def pairs(held_out: set[str]) -> list[tuple[str, str]]:
    """(romanised word, Arabic word) pairs of the shipped tables, the most frequent Arabic per word."""
    best: dict[str, tuple[int, str]] = {}
    with (DATA / "person-words.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            word, arabic, count = row["english"], row["arabic"], int(row.get("count") or 1)
            if LATIN.fullmatch(word) and ARABIC.fullmatch(arabic) and count >= best.get(word, (0, ""))[0]:
                best[word] = (count, arabic)
    with (DATA / "places.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            word, arabic = row["english"], row["arabic"]
            if LATIN.fullmatch(word) and ARABIC.fullmatch(arabic):
                best.setdefault(word, (1, arabic))
    return sorted((w, a) for w, (_n, a) in best.items() if w not in held_out)


def build(out: Path, epochs: int, seed: int) -> None:
    import ctranslate2
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel

    random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(2)
    data = pairs(gold_words())
    chars = sorted({c for w, a in data for c in w + a})
    vocab = {tok: i for i, tok in enumerate([*SPECIALS, *chars, "<pad>"])}
    pad, eos = vocab["<pad>"], vocab["</s>"]
    print(f"{len(data)} pairs, {len(vocab)} symbols")
    config = MarianConfig(vocab_size=len(vocab), d_model=128, encoder_layers=2, decoder_layers=2,
                          encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=384,
                          decoder_ffn_dim=384, max_position_embeddings=64, pad_token_id=pad, eos_token_id=eos,
                          decoder_start_token_id=pad, forced_eos_token_id=eos, share_encoder_decoder_embeddings=True,
                          scale_embedding=True, dropout=0.1)  # fmt: skip
    model = MarianMTModel(config)
    optimiser = torch.optim.AdamW(model.parameters(), lr=2e-3, weight_decay=0.01)

    def batch(rows: list[tuple[str, str]]) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        src = [[vocab[c] for c in w] + [eos] for w, _a in rows]
        tgt = [[vocab["<s>"]] + [vocab[c] for c in a] + [eos] for _w, a in rows]
        width_s, width_t = max(map(len, src)), max(map(len, tgt))
        ids = torch.tensor([s + [pad] * (width_s - len(s)) for s in src])
        labels = torch.tensor([t + [-100] * (width_t - len(t)) for t in tgt])
        return ids, (ids != pad).long(), labels

    steps = 0
    total = epochs * (len(data) // 256 + 1)
    started = time.time()
    for epoch in range(epochs):
        random.shuffle(data)
        model.train()
        seen = 0.0
        for i in range(0, len(data), 256):
            ids, mask, labels = batch(data[i : i + 256])
            for group in optimiser.param_groups:  # linear warm-up, then linear decay
                group["lr"] = 2e-3 * min(1.0, (steps + 1) / 300) * max(0.05, 1 - steps / total)
            loss = model(input_ids=ids, attention_mask=mask, labels=labels).loss
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            optimiser.zero_grad()
            seen += loss.item()
            steps += 1
        print(
            f"epoch {epoch + 1}: loss {seen / (len(data) // 256 + 1):.3f} ({time.time() - started:.0f} s)", flush=True
        )
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        model.save_pretrained(folder)
        model.save_pretrained(out.parent / (out.name + "-hf"))  # the Transformers model, for checking
        words = folder / "words.txt"
        words.write_text("\n".join(w + " " + a for w, a in data) + "\n", encoding="utf-8")
        for side in ("source", "target"):  # the tokenizer files the converter reads (our runtime splits characters)
            spm.SentencePieceTrainer.train(input=str(words), model_prefix=str(folder / side), model_type="char",
                                           character_coverage=1.0, minloglevel=2)  # fmt: skip
            (folder / f"{side}.spm").write_bytes((folder / f"{side}.model").read_bytes())
        (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
        (folder / "tokenizer_config.json").write_text(json.dumps({"source_lang": "en", "target_lang": "ar"}))
        out.mkdir(parents=True, exist_ok=True)
        ctranslate2.converters.TransformersConverter(str(folder)).convert(str(out), quantization="int8", force=True)
    (out / "speller.json").write_text(
        json.dumps({"pairs": len(data), "epochs": epochs, "seed": seed}), encoding="utf-8"
    )
    print(f"wrote {out} ({sum(p.stat().st_size for p in out.iterdir()) / 1e6:.1f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "speller"))
    parser.add_argument("--epochs", type=int, default=15)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    build(Path(args.out), args.epochs, args.seed)


if __name__ == "__main__":
    main()
