"""The tool's own messages through gettext (``LANGUAGE=ar bilingual --help`` speaks Arabic).

Catalogs live in ``locales/<lang>/LC_MESSAGES/bilingual.po`` at the top of the project.
A compiled ``bilingual/locale/<lang>/LC_MESSAGES/bilingual.mo`` is used when the build made
one; otherwise the ``.po`` is compiled with polib on first use into the user cache folder
(keyed by the catalog's hash, so an edited catalog is recompiled).

This module is the floor of the package: it imports nothing of ours. Importing it loads nothing: the command line calls :func:`activate` once, at its
edge, before it builds its help texts; until then (in a library caller, say) messages are
English.
"""

from __future__ import annotations

import contextlib
import gettext as _gettext
import hashlib
import os
import stat
import tempfile
from pathlib import Path

DOMAIN = "bilingual"
PACKAGE_LOCALE = Path(__file__).resolve().parent / "locale"
SOURCE_LOCALES = Path(__file__).resolve().parent.parent / "locales"


def _languages() -> list[str]:
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            return [v.split(".")[0] for v in value.split(":") if v]
    return []


def _compiled_catalog(lang: str) -> Path | None:
    """The ``.mo`` for *lang*: built into the package, or compiled from locales/ on first use."""
    for candidate in (lang, lang.split("_")[0]):
        built = PACKAGE_LOCALE / candidate / "LC_MESSAGES" / f"{DOMAIN}.mo"
        if built.is_file():
            return built
        po = SOURCE_LOCALES / candidate / "LC_MESSAGES" / f"{DOMAIN}.po"
        if po.is_file():
            return compile_catalog(po)
    return None


def _cache_root(root: Path) -> Path:
    """*root* when it is a private folder of ours (made so if it is missing or merely open to others),
    else a private folder of this process: a planted link or another user's folder is never written
    through, nor a catalog read from it. (This module is the floor; fsutil.cache_folder is the rule.)"""
    try:
        root.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(root, 0o700)
        info = os.lstat(root)
        if stat.S_ISDIR(info.st_mode) and info.st_uid == os.geteuid():
            if info.st_mode & 0o077:
                os.chmod(root, 0o700)
            return root
    except OSError:
        pass
    global _own_root
    if _own_root is None:
        _own_root = Path(tempfile.mkdtemp(prefix="bilingual-locale-"))
    return _own_root


_own_root: Path | None = None


def compile_catalog(po: Path) -> Path | None:
    """Compile *po* to a cached ``.mo`` (once per catalog content); None if that fails.

    The cache keeps gettext's layout (``<dir>/<lang>/LC_MESSAGES/bilingual.mo``) so the
    folder can be bound as a locale directory.
    """
    from platformdirs import user_cache_dir

    data = po.read_bytes()
    digest = hashlib.sha256(data).hexdigest()[:16]
    lang = po.parent.parent.name
    out = _cache_root(Path(user_cache_dir("bilingual"))) / "locale" / digest / lang / "LC_MESSAGES" / f"{DOMAIN}.mo"
    if out.is_file():
        return out
    try:
        import polib

        # A leading newline keeps polib from taking the text for a file name (see names/pofiles.py).
        binary = polib.pofile("\n" + data.decode("utf-8"), encoding="utf-8").to_binary()
        out.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(binary)
            os.replace(tmp, out)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        return out
    except (OSError, ValueError, ImportError, UnicodeDecodeError):
        return None


_active_mo: Path | None = None
_language = "en"
_translations: _gettext.NullTranslations = _gettext.NullTranslations()


def _open(mo: Path | None) -> _gettext.NullTranslations | None:
    """The compiled catalog at *mo*, or None when there is none or it cannot be read."""
    if mo is None:
        return None
    try:
        with open(mo, "rb") as handle:
            return _gettext.GNUTranslations(handle)
    except OSError:
        return None


def _load() -> tuple[_gettext.NullTranslations, str, Path | None]:
    for lang in _languages():
        if lang in ("C", "POSIX") or lang.startswith("en"):
            break
        mo = _compiled_catalog(lang)
        found = _open(mo)
        if found is not None and mo is not None:
            return found, mo.parent.parent.name, mo
    return _gettext.NullTranslations(), "en", None


_catalogs: dict[str, _gettext.NullTranslations] = {}


def translator(lang: str) -> _gettext.NullTranslations:
    """The catalog for *lang* (``ar``, ``en`` …), for a front end that answers each request in its
    reader's language (the desk); English when there is none."""
    lang = lang.split("-")[0].split("_")[0].lower()
    if lang not in _catalogs:
        mo = None if lang in ("", "en", "c", "posix") else _compiled_catalog(lang)
        _catalogs[lang] = _open(mo) or _gettext.NullTranslations()
    return _catalogs[lang]


def has_catalog(lang: str) -> bool:
    return type(translator(lang)) is not _gettext.NullTranslations


def activate() -> None:
    """Load the catalog for the user's language and make it the process's gettext domain.

    click's own messages then translate too.
    """
    global _translations, _language, _active_mo
    _translations, _language, _active_mo = _load()
    if _active_mo is not None:
        _gettext.bindtextdomain(DOMAIN, str(_active_mo.parent.parent.parent))
        _gettext.textdomain(DOMAIN)


def language() -> str:
    """The language messages are in now (``en`` until :func:`activate` finds a catalog)."""
    return _language


def _(message: str) -> str:
    """Translate a UI message."""
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)
