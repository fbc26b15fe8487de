"""Argos Translate model packages: find, list, download (verified), install (checked), remove.

Packages live where argostranslate keeps them (``ARGOS_PACKAGES_DIR`` or its settings, read by
:mod:`~bilingual.engines.argos.layout` without importing argostranslate), so models installed by
Argos Translate or LibreTranslate are found as they are. We own the download and the install:
argostranslate reads a whole download into memory with no checksum, and extracts archives
unchecked.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from bilingual.engines.argos import layout
from bilingual.engines.argos.index import (
    Progress,
    default_index,
    download,
    install_hint,
    load_index,
)
from bilingual.errors import ModelError
from bilingual.fsutil import locked, sweep_stale
from bilingual.i18n import _
from bilingual.unzip import ZipBounds, check_zip

MAX_UNPACKED_BYTES = 8 * 1024**3
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_CHUNK = 1 << 16


@dataclass(frozen=True)
class InstalledModel:
    """An installed package and what its metadata says about running it."""

    name: str
    path: Path
    from_code: str
    to_code: str
    version: str
    target_prefix: str = ""  # a token the decoder starts with (Argos' target_prefix)
    source_prefix: str = ""  # a token put before every source sentence (OPUS-MT multilingual: >>ara<<)
    target_spm: str = ""  # a separate target SentencePiece model (Marian/OPUS-MT), "" when shared
    license: str = ""
    source: str = ""
    quality: str = ""  # a published quality figure, when the package carries one

    @property
    def pair(self) -> str:
        return f"{self.from_code}→{self.to_code}"

    @property
    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def packages_dir() -> Path:
    """The folder argostranslate installs packages into (``ARGOS_PACKAGES_DIR`` respected)."""
    return layout.packages_dir()


def installed(directory: Path | None = None) -> list[InstalledModel]:
    """Every installed translation package (a folder with a readable ``metadata.json``)."""
    directory = directory or packages_dir()
    found: list[InstalledModel] = []
    if not directory.is_dir():
        return found
    for path in sorted(directory.iterdir()):
        if path.name.startswith(".") or not (path / "metadata.json").is_file():
            continue
        try:
            pkg = layout.PackageMeta.read(path)
        except (OSError, ValueError):
            continue  # unreadable metadata: not a package we can use
        if pkg.type != "translate" or not pkg.from_code:
            continue
        try:
            meta = json.loads((path / "metadata.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            meta = {}
        quality = meta.get("quality") or ""
        if isinstance(quality, dict):
            quality = ", ".join(f"{k} {v}" for k, v in quality.items())
        found.append(
            InstalledModel(
                path.name,
                path,
                pkg.from_code,
                pkg.to_code,
                pkg.package_version,
                pkg.target_prefix,
                str(meta.get("source_prefix") or ""),
                str(meta.get("target_spm") or ""),
                str(meta.get("license") or ""),
                str(meta.get("source") or ""),
                str(quality),
            )
        )
    return found


def _version_key(version: str) -> tuple:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def default_model_name() -> str:
    """The model chosen when ``--model`` is not given: ``$BILINGUAL_MODEL``, else ``model = "…"`` in
    the config file (``config.toml`` in the user config folder), else "" (the newest installed)."""
    env = os.environ.get("BILINGUAL_MODEL")
    if env:
        return env
    import tomllib

    from platformdirs import user_config_dir

    path = Path(user_config_dir("bilingual")) / "config.toml"
    try:
        with open(path, "rb") as handle:
            value = tomllib.load(handle).get("model", "")
    except FileNotFoundError:
        return ""
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ModelError(
            _("cannot read the config file: {error}").format(error=exc),
            path=path,
            hint=_('write it as TOML, e.g. model = "translate-en_ar-opus"'),
        ) from exc
    return str(value)


def find(from_code: str = "en", to_code: str = "ar", name: str | None = None) -> InstalledModel | None:
    """The installed package for the pair: the one named (``--model``, or the configured default), else
    the newest; None when none is installed. A name that matches no installed model is an error."""
    matches = [m for m in installed() if m.from_code == from_code and m.to_code == to_code]
    wanted = name if name is not None else default_model_name()
    if wanted:
        chosen = [m for m in matches if m.name == wanted]
        if not chosen:
            names = ", ".join(m.name for m in matches) or _("none")
            raise ModelError(
                _("no installed {pair} model is named {name!r} (installed: {names})").format(
                    pair=f"{from_code}→{to_code}", name=wanted, names=names
                ),
                hint=_("see bilingual models list"),
            )
        return chosen[0]
    if not matches:
        return None
    return max(matches, key=lambda m: _version_key(m.version))


# --- the index ---------------------------------------------------------------------------

# --- verify and install ---------------------------------------------------------------------


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _check_members(infos: list[zipfile.ZipInfo], path: Path) -> str:
    """Every member's path, kind and size is safe; return the one top-level folder."""
    check_zip(infos, PACKAGE_BOUNDS, path=str(path), error=ModelError)
    tops = set()
    for info in infos:
        name = PurePosixPath(info.filename)
        if info.filename.startswith("/") or "\\" in info.filename or ".." in name.parts or not name.parts:
            raise ModelError(_("unsafe path in archive: {name!r}").format(name=info.filename), path=path)
        if stat.S_ISLNK(info.external_attr >> 16):
            raise ModelError(_("archive holds a symbolic link: {name!r}").format(name=info.filename), path=path)
        tops.add(name.parts[0])
    if len(tops) != 1:
        raise ModelError(_("archive must hold exactly one top-level folder"), path=path)
    top = tops.pop()
    if not _SAFE_NAME.match(top):
        raise ModelError(_("bad package folder name {name!r}").format(name=top), path=path)
    names = {i.filename.rstrip("/") for i in infos}
    for required in ("metadata.json", "model/model.bin"):
        if f"{top}/{required}" not in names:
            raise ModelError(_("package lacks {name}").format(name=required), path=path)
    if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
        raise ModelError(_("package lacks sentencepiece.model (or bpe.model)"), path=path)
    return top


_LANG_CODE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
MAX_METADATA_BYTES = 64 * 1024
MAX_RATIO = 200  # no model file compresses better than this; zip bombs do
PACKAGE_BOUNDS = ZipBounds(members=10_000, total=MAX_UNPACKED_BYTES, ratio=MAX_RATIO)


def _check_metadata(meta: object, path: Path) -> dict:
    if not isinstance(meta, dict):
        raise ModelError(_("metadata.json must be a JSON object"), path=path)
    for key in ("from_code", "to_code"):
        if not isinstance(meta.get(key), str) or not meta[key]:
            raise ModelError(_("metadata.json lacks {key}").format(key=key), path=path)
        if not _LANG_CODE.match(meta[key]):
            raise ModelError(
                _("metadata.json: {key} {value!r} is not a language code").format(key=key, value=meta[key][:40]),
                path=path,
            )
    if meta.get("type", "translate") != "translate":
        raise ModelError(_("not a translation package (type {type!r})").format(type=meta.get("type")), path=path)
    return meta


def verify_archive(path: Path) -> tuple[str, dict]:
    """Check a ``.argosmodel`` zip before anything is extracted; return (folder name, metadata)."""
    if not zipfile.is_zipfile(path):
        raise ModelError(_("not an Argos model package (not a zip archive)"), path=path)
    try:
        with zipfile.ZipFile(path) as archive:
            top = _check_members(archive.infolist(), path)
            bad = archive.testzip()
            if bad is not None:
                raise ModelError(_("archive member {name!r} is corrupt (CRC mismatch)").format(name=bad), path=path)
            if archive.getinfo(f"{top}/metadata.json").file_size > MAX_METADATA_BYTES:
                raise ModelError(_("metadata.json is over 64 KB"), path=path)
            try:
                meta = json.loads(archive.read(f"{top}/metadata.json"))
            except (json.JSONDecodeError, UnicodeDecodeError) as exc:
                raise ModelError(_("metadata.json is not valid JSON: {error}").format(error=exc), path=path) from exc
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error) as exc:
        raise ModelError(_("damaged package archive: {error}").format(error=exc), path=path) from exc
    return top, _check_metadata(meta, path)


def sweep_leftovers(directory: Path) -> int:
    """Remove what interrupted installs and downloads left in the packages folder (their owner is gone)."""
    return sum(
        sweep_stale(directory, prefix=prefix, suffix=suffix)
        for prefix, suffix in ((".installing-", ""), (".replaced-", ""), (".removing-", ""), (".download-", ".part"))
    )


def install_file(path: Path, *, expected_sha256: str | None = None, directory: Path | None = None) -> InstalledModel:
    """Verify and install a package file; an existing package of the same name is replaced."""
    path = Path(path)
    if not path.is_file():
        raise ModelError(_("no such package file"), path=path)
    if expected_sha256 and sha256_file(path) != expected_sha256.lower():
        raise ModelError(_("checksum mismatch"), path=path, hint=_("download the package again"))
    top, meta = verify_archive(path)
    directory = directory or packages_dir()
    directory.mkdir(parents=True, exist_ok=True)
    with locked(directory / ".bilingual-install"):
        sweep_leftovers(directory)
        staging = Path(tempfile.mkdtemp(prefix=f".installing-{os.getpid()}-", dir=directory))
        try:
            with zipfile.ZipFile(path) as archive:
                for info in archive.infolist():
                    target = (staging / info.filename).resolve()
                    if not str(target).startswith(str(staging.resolve()) + os.sep):
                        raise ModelError(_("unsafe path in archive: {name!r}").format(name=info.filename), path=path)
                    if info.is_dir():
                        target.mkdir(parents=True, exist_ok=True)
                        continue
                    target.parent.mkdir(parents=True, exist_ok=True)
                    with archive.open(info) as src, open(target, "wb") as dst:
                        shutil.copyfileobj(src, dst, _CHUNK)
            (staging / top / ".bilingual-source.json").write_text(
                json.dumps({"archive": path.name, "sha256": sha256_file(path)})
            )
            final = directory / top
            old = None
            if final.exists():
                old = Path(tempfile.mkdtemp(prefix=f".replaced-{os.getpid()}-", dir=directory))
                os.replace(final, old / top)
            os.replace(staging / top, final)
            if old:
                shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return next(
        (m for m in installed(directory) if m.path == final),
        InstalledModel(top, final, meta["from_code"], meta["to_code"], str(meta.get("package_version", ""))),
    )


def install_from_index(
    from_code: str, to_code: str, *, index: str | None = None, progress: Progress | None = None
) -> InstalledModel:
    """Find the pair in the index, download it (verified) and install it."""
    entries = load_index(index)
    candidates = [
        m
        for m in entries
        if m.get("from_code") == from_code and m.get("to_code") == to_code and m.get("type", "translate") == "translate"
    ]
    if not candidates:
        raise ModelError(
            _("the package index has no {pair} package").format(pair=f"{from_code}→{to_code}"),
            path=index or default_index(),
            hint=install_hint(),
        )
    meta = max(candidates, key=lambda m: _version_key(str(m.get("package_version", ""))))
    directory = packages_dir()
    directory.mkdir(parents=True, exist_ok=True)
    sweep_leftovers(directory)
    part = download(meta, directory, progress=progress)
    try:
        return install_file(part, directory=directory)
    finally:
        part.unlink(missing_ok=True)


def remove(name_or_pair: str) -> list[InstalledModel]:
    """Remove installed packages by folder name or by pair (``en-ar``/``en_ar``)."""
    pair = re.fullmatch(r"([a-z]{2,3})[-_→]([a-z]{2,3})", name_or_pair)
    targets = [m for m in installed() if m.name == name_or_pair or (pair and (m.from_code, m.to_code) == pair.groups())]
    if not targets:
        raise ModelError(
            _("no installed package named {name!r}").format(name=name_or_pair), hint=_("see bilingual models list")
        )
    directory = packages_dir()
    with locked(directory / ".bilingual-install"):
        for model in targets:
            trash = Path(tempfile.mkdtemp(prefix=f".removing-{os.getpid()}-", dir=directory))
            os.replace(model.path, trash / model.name)
            shutil.rmtree(trash, ignore_errors=True)
    return targets


def model_checksum(model: InstalledModel) -> str:
    """``sha256:HEX`` of the installed archive (recorded at install) or of ``model/model.bin``."""
    record = model.path / ".bilingual-source.json"
    try:
        return "sha256:" + json.loads(record.read_text())["sha256"]
    except (OSError, ValueError, KeyError):
        return "sha256:" + sha256_file(model.path / "model" / "model.bin")


def is_package_path(name: str | None) -> bool:
    """Whether *name* (``--model``) is a package on disk — an ``.argosmodel`` file or an unpacked
    package folder — rather than an installed model's name."""
    if not name or not (name.endswith(".argosmodel") or os.sep in name or "/" in name):
        return False
    path = Path(name)
    return path.is_file() or (path / "metadata.json").is_file()


_UNPACKED: dict[str, InstalledModel] = {}


def use_package(name: str) -> InstalledModel:
    """The package at *name*, used as it is and never installed: a folder is read in place; a file is
    verified as an install verifies it and unpacked into a private temporary folder that is removed
    when the process ends (the user's packages folder is never touched)."""
    path = Path(name)
    if path.is_dir():
        return next(
            (m for m in installed(path.parent) if m.path == path), InstalledModel(path.name, path, "en", "ar", "")
        )
    key = str(path.resolve())
    if key not in _UNPACKED:
        import atexit

        work = Path(tempfile.mkdtemp(prefix="bilingual-model-"))
        atexit.register(shutil.rmtree, work, True)
        _UNPACKED[key] = install_file(path, directory=work)
    return _UNPACKED[key]


def ensure_installed(
    from_code: str,
    to_code: str,
    *,
    download: bool,
    index: str | None = None,
    progress: Progress | None = None,
    name: str | None = None,
) -> InstalledModel:
    """The installed model for the pair, downloading and installing one from the index if allowed
    (a package on disk given by path is used as it is)."""
    if is_package_path(name):
        return use_package(str(name))
    model = find(from_code, to_code, name)
    if model is not None:
        return model
    pair = f"{from_code}→{to_code}"
    if not download:
        raise ModelError(_("no {pair} model is installed").format(pair=pair), hint=install_hint())
    try:
        return install_from_index(from_code, to_code, index=index, progress=progress)
    except ModelError as exc:
        raise ModelError(
            _("no {pair} model is installed and none could be downloaded: {reason}").format(
                pair=pair, reason=exc.message
            ),
            path=exc.path,
            hint=install_hint(),
        ) from exc
