"""Converting better models into installable packages: Hugging Face Marian folders and OPUS-MT zips.

``bilingual models convert SRC -o PKG.argosmodel`` runs CTranslate2's own converters
(``TransformersConverter`` for a ``MarianMTModel`` folder, ``OpusMTConverter`` for a Marian zip)
and packages the result the Argos way: ``metadata.json`` (codes, name, version, licence, source,
and the tokens a multilingual model needs), the CTranslate2 ``model/``, the source SentencePiece
model as ``sentencepiece.model`` and, when the model has its own, the target one as
``target.spm``. Conversion needs the ``convert`` extra (transformers, torch): never the runtime.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import zipfile
from pathlib import Path

from bilingual.errors import ModelError, install_hint
from bilingual.i18n import _
from bilingual.unzip import ZipBounds, check_zip

QUANTIZATIONS = ("int8", "int8_float16", "float16", "none")
PREFIX_SIDES = ("source", "decoder")
_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _kind(src: Path) -> str:
    """``hf`` (a Marian folder as Hugging Face saves it) or ``opus`` (an OPUS-MT Marian zip or folder)."""
    if src.is_dir() and (src / "config.json").is_file():
        return "hf"
    if (src.is_file() and zipfile.is_zipfile(src)) or (src.is_dir() and list(src.glob("*.npz"))):
        return "opus"
    raise ModelError(
        _(
            "not a model this can convert: a Hugging Face Marian folder (config.json, weights, "
            "source.spm, target.spm, vocab.json) or an OPUS-MT zip is needed"
        ),
        path=src,
    )


# Bounds checked before any library loads a model: a config may describe any size, and a weights file
# may lie about its own length. The largest Marian models (OPUS-MT tc-big) are far below them.
MAX_PARAMETERS = 2_000_000_000
MAX_LAYERS = 64
MAX_WIDTH = 16_384
MAX_VOCABULARY = 1_000_000
MAX_UNPACKED = 8 * 1024**3
OPUS_BOUNDS = ZipBounds(members=10_000, total=MAX_UNPACKED, ratio=1000)
_SIZES = ("d_model", "encoder_layers", "decoder_layers", "encoder_attention_heads", "decoder_attention_heads",
          "encoder_ffn_dim", "decoder_ffn_dim", "vocab_size")  # fmt: skip


def check_hf_folder(src: Path) -> None:
    """Refuse, in one line naming the file, what would make a converter fail late, run code or eat memory:
    a config that is not JSON or gives sizes that are not whole numbers within bounds, weights only as a
    pickle, a safetensors file cut short, missing tokenizer files."""
    config_path = src / "config.json"
    try:
        config = json.loads(config_path.read_bytes().decode("utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise ModelError(_("config.json cannot be read as JSON: {error}").format(error=exc), path=config_path) from exc
    if not isinstance(config, dict):
        raise ModelError(_("config.json is not a JSON object"), path=config_path)
    if config.get("model_type") != "marian":
        raise ModelError(
            _("only Marian models convert (this one is {type!r})").format(type=config.get("model_type")),
            path=config_path,
        )
    sizes = {}
    for key in _SIZES:
        value = config.get(key)
        if value is None:
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            raise ModelError(
                _("config.json gives {key} as {value!r}: a positive whole number is needed").format(
                    key=key, value=value
                ),
                path=config_path,
            )
        sizes[key] = value
    width, vocab = sizes.get("d_model", 512), sizes.get("vocab_size", 32_000)
    layers = (sizes.get("encoder_layers", 6), sizes.get("decoder_layers", 6))
    if max(layers) > MAX_LAYERS or width > MAX_WIDTH or vocab > MAX_VOCABULARY:
        raise ModelError(
            _(
                "config.json describes a model beyond what converts here ({layers} layers, width "
                "{width}, vocabulary {vocab})"
            ).format(layers=max(layers), width=width, vocab=vocab),
            path=config_path,
            hint=_("check the file; Marian models have at most a few dozen layers"),
        )
    ffn = max(sizes.get("encoder_ffn_dim", 4 * width), sizes.get("decoder_ffn_dim", 4 * width))
    parameters = (
        vocab * width
        + layers[0] * (4 * width * width + 2 * width * ffn)
        + layers[1] * (8 * width * width + 2 * width * ffn)
    )
    if parameters > MAX_PARAMETERS:
        raise ModelError(
            _("config.json describes {n:,} parameters, over the {limit:,} this converts").format(
                n=parameters, limit=MAX_PARAMETERS
            ),
            path=config_path,
        )
    weights = src / "model.safetensors"
    if not weights.is_file():
        pickled = [p.name for p in src.glob("*.bin")] + [p.name for p in src.glob("*.pt")]
        raise ModelError(
            _("no model.safetensors{also}: pickled weights can run code when loaded, so they are not read").format(
                also=f" (only {', '.join(sorted(pickled))})" if pickled else ""
            ),
            path=src,
            hint=_("save the model with safetensors: model.save_pretrained(FOLDER, safe_serialization=True)"),
        )
    _check_safetensors(weights)
    missing = [name for name in ("source.spm", "target.spm", "vocab.json") if not (src / name).is_file()]
    if missing:
        raise ModelError(
            _("the tokenizer files are missing: {names}").format(names=", ".join(missing)),
            path=src,
            hint=_("copy the whole folder transformers saved (source.spm, target.spm, vocab.json)"),
        )


def _check_safetensors(path: Path) -> None:
    """A safetensors file whose header promises more bytes than it holds was cut short (a copy stopped)."""
    import struct

    size = path.stat().st_size
    with open(path, "rb") as handle:
        head = handle.read(8)
        length = struct.unpack("<Q", head)[0] if len(head) == 8 else -1
        if length < 2 or length > min(size - 8, 100 << 20):
            raise ModelError(_("model.safetensors is not a safetensors file (or is cut short)"), path=path)
        try:
            header = json.loads(handle.read(length))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ModelError(_("model.safetensors has an unreadable header"), path=path) from exc
    ends = [t.get("data_offsets", [0, 0])[1] for k, t in header.items() if k != "__metadata__" and isinstance(t, dict)]
    if not ends or max(ends) > size - 8 - length:
        raise ModelError(
            _("model.safetensors is cut short: it holds {have:,} of {need:,} bytes").format(
                have=size, need=8 + length + max(ends, default=0)
            ),
            path=path,
            hint=_("copy the file again"),
        )


def _check_archive(archive: zipfile.ZipFile, path: Path) -> None:
    """An OPUS-MT zip: no member twice (which one would win?), and a bounded unpacked size."""
    check_zip(archive.infolist(), OPUS_BOUNDS, path=str(path), error=ModelError, hint=_("rebuild the archive"))


def _converted(src: Path, kind: str, out: Path, quantization: str) -> None:
    try:
        import ctranslate2.converters as converters
    except ImportError as exc:  # pragma: no cover - ctranslate2 is a runtime dependency
        raise ModelError(str(exc), hint=install_hint("convert")) from exc
    try:
        if kind == "hf":
            check_hf_folder(src)
            converter = converters.TransformersConverter(str(src))
        else:
            converter = converters.OpusMTConverter(str(src))
        converter.convert(str(out), quantization=None if quantization == "none" else quantization, force=True)
    except ImportError as exc:
        raise ModelError(
            _("converting needs the convert extra: {error}").format(error=exc), hint=install_hint("convert")
        ) from exc
    except ModelError:
        raise
    except Exception as exc:  # a converter's own failure, whatever its type: one line, never a traceback
        first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
        raise ModelError(
            _("the conversion failed: {error}").format(error=f"{type(exc).__name__}: {first}".rstrip(": ")), path=src
        ) from exc


def convert(
    src: Path,
    output: Path,
    *,
    name: str = "",
    quantization: str = "int8",
    target_prefix: str = "",
    prefix_side: str = "source",
    version: str = "1.0",
    license: str = "",
    source: str = "",
    quality: str = "",
) -> Path:
    """Convert *src* into the package *output*; return its path.

    *target_prefix* is the token that names the target language in a multilingual model
    (``>>ara<<`` for OPUS-MT tc-big): OPUS-MT expects it first in the source sentence
    (``prefix_side="source"``); Argos-style packages give it to the decoder (``"decoder"``).
    """
    if quantization not in QUANTIZATIONS:
        raise ModelError(
            _("unknown quantization {q!r} (use {all})").format(q=quantization, all=", ".join(QUANTIZATIONS))
        )
    if prefix_side not in PREFIX_SIDES:
        raise ModelError(_("unknown prefix side {side!r} (use source or decoder)").format(side=prefix_side))
    src = Path(src)
    kind = _kind(src)
    name = _SAFE.sub("-", name or f"translate-en_ar-{src.stem}").strip("-.") or "translate-en_ar-converted"
    work = Path(tempfile.mkdtemp(prefix="bilingual-convert-"))
    try:
        model_dir = src
        if kind == "opus" and src.is_file():
            model_dir = work / "unzipped"
            try:
                with zipfile.ZipFile(src) as archive:
                    _check_archive(archive, src)
                    _safe_extract(archive, model_dir)
            except zipfile.BadZipFile as exc:
                raise ModelError(_("not a readable zip archive: {error}").format(error=exc), path=src) from exc
        package = work / name
        package.mkdir()
        _converted(model_dir, kind, package / "model", quantization)
        source_spm, target_spm = model_dir / "source.spm", model_dir / "target.spm"
        if not source_spm.is_file():
            raise ModelError(_("the model has no source.spm (a SentencePiece model is needed)"), path=model_dir)
        shutil.copy(source_spm, package / "sentencepiece.model")
        separate_target = target_spm.is_file() and target_spm.read_bytes() != source_spm.read_bytes()
        if separate_target:
            shutil.copy(target_spm, package / "target.spm")
        metadata = {
            "package_version": version,
            "argos_version": "1.9",
            "type": "translate",
            "code": name,
            "name": name,
            "from_code": "en",
            "from_name": "English",
            "to_code": "ar",
            "to_name": "Arabic",
            "links": [],
            "license": license,
            "source": source or str(src.name),
            "converted_by": "bilingual models convert",
            "quantization": quantization,
        }
        if separate_target:
            metadata["target_spm"] = "target.spm"
        if target_prefix:
            metadata["source_prefix" if prefix_side == "source" else "target_prefix"] = target_prefix
        if quality:
            metadata["quality"] = quality
        (package / "metadata.json").write_text(
            json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        output = Path(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        partial = output.with_name(f".{output.name}.partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for path in sorted(package.rglob("*")):
                if path.is_file():
                    archive.write(path, path.relative_to(work).as_posix())
        partial.replace(output)
        return output
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _safe_extract(archive: zipfile.ZipFile, target: Path) -> None:
    """Extract an OPUS-MT zip; members that would land outside *target* are refused."""
    root = target.resolve()
    for info in archive.infolist():
        dest = (target / info.filename).resolve()
        if not str(dest).startswith(str(root)):
            raise ModelError(_("unsafe path in archive: {name!r}").format(name=info.filename))
    archive.extractall(target)
    # OPUS-MT zips sometimes hold one folder: use it as the model folder.
    inner = [p for p in target.iterdir() if p.is_dir()]
    if not list(target.glob("*.npz")) and len(inner) == 1:
        for path in inner[0].iterdir():
            path.rename(target / path.name)


def download_hf(repo: str) -> Path:
    """Download a Hugging Face model folder with huggingface_hub (the convert extra)."""
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:
        raise ModelError(
            _("installing from Hugging Face needs the convert extra"), hint=install_hint("convert")
        ) from exc
    try:
        return Path(snapshot_download(repo_id=repo))
    except Exception as exc:  # network, authentication, unknown repository: all one answer
        raise ModelError(
            _("cannot download {repo} from Hugging Face: {error}").format(repo=repo, error=type(exc).__name__),
            hint=_(
                "offline: copy the model folder here, then bilingual models convert FOLDER -o model.argosmodel "
                "and bilingual models install --file model.argosmodel"
            ),
        ) from exc
