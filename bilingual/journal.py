"""Multi-file glossary edits as one, and the journal that finishes one a crash interrupted.

:func:`commit_texts` stages each new text beside its file, then puts a journal in place naming
each (staged file, file) pair, renames, and removes the journal: after a crash, all files are old
or all new. :func:`finish_commit` (run under the glossary's lock by the next edit or load) does the
renames a killed edit left. A journal is an instruction to rename files, so it is obeyed only when
it is the tool's own:

- a regular file of this user (not a link, a FIFO or another user's file), at most 1 MB;
- signed with this user's key (:mod:`bilingual.signing`) over its folder and its pairs;
- written for this very folder (its real path), every name a plain file name in it, each staged
  name the way :func:`commit_texts` names staged files (``.FILE.PID-RANDOM.tmp``).

Anything else is set aside (renamed ``.bilingual-commit.json.set-aside``) with one warning and
never followed; a journal that is not even JSON of that shape is a glossary error (exit 4).
A file of the glossary that is a symbolic link stays one: its target gets the new text.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import stat
import tempfile
from pathlib import Path

from bilingual import signing
from bilingual.errors import GlossaryError
from bilingual.fsutil import sweep_stale, write_bytes, write_text
from bilingual.i18n import _

JOURNAL = ".bilingual-commit.json"
SET_ASIDE = JOURNAL + ".set-aside"
MAX_JOURNAL = 1 << 20
log = logging.getLogger("bilingual.journal")


def _payload(folder: str, pairs: list[list[str]]) -> bytes:
    return json.dumps({"folder": folder, "pairs": pairs}, sort_keys=True, ensure_ascii=True).encode()


def commit_texts(changes: dict[Path, str], *, folder: Path) -> None:
    """Replace several files of *folder* as one (see the module's notes)."""
    if len(changes) == 1:
        ((path, text),) = changes.items()
        write_text(path, text)  # follows a link: the user's link stays
        return
    key = signing.secret()
    pairs: list[list[str]] = []
    try:
        for path, text in changes.items():
            sweep_stale(folder, prefix=f".{path.name}.", suffix=".tmp")
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=folder)
            pairs.append([os.path.basename(tmp), path.name])
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        if key is None:  # no key, no journal: the files are replaced one by one
            for tmp, name in pairs:
                _put(folder, tmp, name)
            return
        where = os.path.realpath(folder)
        payload = _payload(where, pairs)
        journal = {"folder": where, "pairs": pairs, "mac": signing.mac(key, payload).hex()}
        write_text(folder / JOURNAL, json.dumps(journal))
    except BaseException:
        for tmp, _name in pairs:
            with contextlib.suppress(OSError):
                os.unlink(folder / tmp)
        raise
    finish_commit(folder)


def finish_commit(folder: Path) -> bool:
    """Finish an interrupted commit of *folder* if its journal is the tool's own; whether one was done."""
    journal = folder / JOURNAL
    try:
        info = os.lstat(journal)
    except FileNotFoundError:
        return False
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid() or info.st_size > MAX_JOURNAL:
        return _set_aside(folder, _("not a file of yours"))
    try:
        fd = os.open(journal, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            data = handle.read(MAX_JOURNAL + 1)
        found = json.loads(data.decode("utf-8"))
        pairs, where, given = found["pairs"], found["folder"], bytes.fromhex(found["mac"])
        if not (isinstance(pairs, list) and isinstance(where, str)
                and all(isinstance(p, list) and len(p) == 2 and all(isinstance(n, str) for n in p) for p in pairs)):  # fmt: skip
            raise ValueError("shape")
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise GlossaryError(
            _("a commit journal that bilingual cannot read is in the glossary folder; nothing in it was done"),
            path=journal,
            hint=_("move it away (bilingual's own journals are signed JSON), then run the command again"),
        ) from exc
    key = signing.secret()
    if key is None or not signing.verify(key, given, _payload(where, pairs)):
        return _set_aside(folder, _("not signed by your bilingual"))
    if where != os.path.realpath(folder) or not all(_staged_name(tmp, name) for tmp, name in pairs):
        return _set_aside(folder, _("it names files outside this folder or not staged by bilingual"))
    for tmp, name in pairs:
        _put(folder, tmp, name)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(journal)
    return True


def _staged_name(tmp: str, name: str) -> bool:
    plain = name not in ("", ".", "..") and "/" not in name and os.sep not in name and "\0" not in name
    return plain and re.fullmatch(rf"\.{re.escape(name)}\.\d+-[A-Za-z0-9_]+\.tmp", tmp) is not None


def _put(folder: Path, tmp: str, name: str) -> None:
    """The staged text in place of *name*; a link keeps pointing where it did, its target rewritten."""
    staged, target = folder / tmp, folder / name
    try:
        info = os.lstat(staged)
    except FileNotFoundError:
        return  # done already (a commit finished twice)
    if not stat.S_ISREG(info.st_mode):
        return
    if target.is_symlink():
        write_bytes(target, staged.read_bytes())
        staged.unlink()
    else:
        os.replace(staged, target)


def _set_aside(folder: Path, why: str) -> bool:
    journal = folder / JOURNAL
    with contextlib.suppress(OSError):
        os.replace(journal, folder / SET_ASIDE)
    log.warning(
        _("warning: {path}: a commit journal bilingual did not write ({why}) was set aside as {aside}, not followed")
        .format(path=journal, why=why, aside=SET_ASIDE)
    )  # fmt: skip
    return False
