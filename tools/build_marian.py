"""Build a tiny Hugging Face ``MarianMTModel`` folder (random weights) to test conversion end to end.

    python tools/build_marian.py OUT_FOLDER [--multilingual]

The folder has what a real OPUS-MT model saved by ``transformers`` has: ``config.json``, the
weights, ``source.spm`` and ``target.spm`` (SentencePiece models trained here on our own example
articles and Arabic sentences, separately for each side), ``vocab.json`` and the tokenizer files.
``--multilingual`` adds the ``>>ara<<`` target-language token, as in OPUS-MT tc-big. Needs the
convert extra (transformers, torch). The model is untrained: it runs, it does not translate.
"""

from __future__ import annotations

import argparse
import io
import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE_SUFFIXES = (".txt", ".md", ".html")


def english_sources(folder: Path) -> list[Path]:
    """Our own example articles: what the main job writes beside them (ARTICLE.en-ar.*, ARTICLE.ar.*)
    is not an article, so a fixture built after the README's main job is the same fixture."""
    return sorted(
        p for p in folder.iterdir() if p.suffix in ARTICLE_SUFFIXES and ".en-ar." not in p.name and ".ar." not in p.name
    )


ENGLISH = english_sources(ROOT / "examples")
ARABIC = [ROOT / "tools" / "data" / "arabic-news.txt"]


def _train(files: list[Path], prefix: Path, vocab_size: int) -> Path:
    import sentencepiece as spm

    text = io.StringIO()
    for path in files:
        text.write(path.read_text(encoding="utf-8") + "\n")
    sentences = [line for line in text.getvalue().splitlines() if line.strip()]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_prefix=str(prefix),
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        bos_id=-1,
        eos_id=0,
        unk_id=1,
        pad_id=-1,
        eos_piece="</s>",
        unk_piece="<unk>",
        minloglevel=2,
    )
    return prefix.with_suffix(".model")


def build(out: Path, *, multilingual: bool = False, seed: int = 3) -> Path:
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    with tempfile.TemporaryDirectory(prefix="marian-") as scratch:  # the SentencePiece training files
        work = Path(scratch)
        source = _train(ENGLISH, work / "source", 400)
        target = _train(ARABIC + ENGLISH[:1], work / "target", 400)
        (out / "source.spm").write_bytes(source.read_bytes())
        (out / "target.spm").write_bytes(target.read_bytes())
        for spm_vocab in (work / "source.vocab", work / "target.vocab"):
            for line in spm_vocab.read_text(encoding="utf-8").splitlines():
                vocab.setdefault(line.split("\t")[0], len(vocab))
    if multilingual:
        vocab.setdefault(">>ara<<", len(vocab))
    vocab.setdefault("<pad>", len(vocab))
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    torch.manual_seed(seed)
    config = MarianConfig(
        vocab_size=len(vocab),
        d_model=32,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=64,
        decoder_ffn_dim=64,
        max_position_embeddings=256,
        pad_token_id=vocab["<pad>"],
        eos_token_id=0,
        decoder_start_token_id=vocab["<pad>"],
        forced_eos_token_id=0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
    )
    MarianMTModel(config).save_pretrained(out)
    tokenizer = MarianTokenizer(
        source_spm=str(out / "source.spm"),
        target_spm=str(out / "target.spm"),
        vocab=str(out / "vocab.json"),
        source_lang="en",
        target_lang="ar",
    )
    tokenizer.save_pretrained(out)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--multilingual", action="store_true")
    args = parser.parse_args()
    print(build(args.out, multilingual=args.multilingual))


if __name__ == "__main__":
    main()
