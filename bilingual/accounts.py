"""The desk's accounts: a users file naming each editor, their role and how they sign in.

The file is TOML, one ``[[user]]`` table each::

    [[user]]
    name = "Huda"
    role = "reviewer"          # translator, reviewer or admin
    token = "…"                # a long random token (bilingual users add makes one)
    # or: password = "$argon2id$…"  (a hash: bilingual users add --password; argon2-cffi)
    # revoked = true           # kept for the history's sake, signs in no more

Roles: a **translator** edits and comments; a **reviewer** also approves, dismisses QA findings,
respells and adds glossary names, and translates new articles; an **admin** may do all of it. The
file is read again whenever it changes, so a token removed or a user revoked stops working at the
next request, without a restart. A file that cannot be read or holds a mistake lets nobody in (the
server says why in its log) rather than the last good copy's users.
"""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import threading
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from bilingual.errors import InputError
from bilingual.fsutil import locked, write_text
from bilingual.i18n import _

ROLES = ("translator", "reviewer", "admin")
#: What each role may do beyond reading and exporting.
ALLOWED = {
    "translator": frozenset({"edit", "comment"}),
    "reviewer": frozenset({"edit", "comment", "approve", "dismiss", "glossary", "translate"}),
    "admin": frozenset({"edit", "comment", "approve", "dismiss", "glossary", "translate"}),
}
MIN_TOKEN = 16
SESSION_HOURS = 12


@dataclass(frozen=True)
class User:
    name: str
    role: str
    token: str = ""
    password: str = ""  # an argon2 hash
    revoked: bool = False

    def may(self, action: str) -> bool:
        return not self.revoked and action in ALLOWED.get(self.role, frozenset())


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def parse_users(text: str, path: str) -> list[User]:
    """The users of a users file's text; a mistake is an error naming the file and the fix."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(_("the users file is not valid TOML: {error}").format(error=exc), path=path) from None
    tables = data.get("user", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise InputError(_("the users file must hold [[user]] tables"), path=path)
    users: list[User] = []
    for n, table in enumerate(tables, 1):
        name, role = table.get("name"), table.get("role")
        token, password = table.get("token", ""), table.get("password", "")
        where = _("user {n}").format(n=n)
        if not isinstance(name, str) or not name.strip() or not name.isprintable():
            raise InputError(_("{where} has no name").format(where=where), path=path, hint=_('add name = "…"'))
        if role not in ROLES:
            raise InputError(_("{name}: role must be one of {roles}").format(name=name, roles=", ".join(ROLES)),
                             path=path)  # fmt: skip
        if not isinstance(token, str) or not isinstance(password, str):
            raise InputError(_("{name}: token and password must be strings").format(name=name), path=path)
        if token and len(token) < MIN_TOKEN:
            raise InputError(_("{name}: the token is shorter than {n} characters").format(name=name, n=MIN_TOKEN),
                             path=path, hint=_("let bilingual users add make one"))  # fmt: skip
        if password and not password.startswith("$argon2"):
            raise InputError(_("{name}: password must be an argon2 hash, never the password itself").format(name=name),
                             path=path, hint=_("set it with bilingual users add --password"))  # fmt: skip
        if any(u.name == name for u in users):
            raise InputError(_("{name} is named twice").format(name=name), path=path)
        users.append(User(name, role, token, password, bool(table.get("revoked", False))))
    tokens = [u.token for u in users if u.token]
    if len(set(tokens)) != len(tokens):
        raise InputError(_("two users share a token"), path=path, hint=_("give each their own"))
    return users


def users_toml(users: list[User]) -> str:
    """The users file for *users* (strings written as JSON strings, which TOML reads alike)."""
    out = ["# bilingual's desk accounts: see `bilingual users --help`. Keep this file private.\n"]
    for u in users:
        out.append("\n[[user]]\n")
        out += [f"name = {json.dumps(u.name, ensure_ascii=False)}\n", f"role = {json.dumps(u.role)}\n"]
        if u.token:
            out.append(f"token = {json.dumps(u.token)}\n")
        if u.password:
            out.append(f"password = {json.dumps(u.password)}\n")
        if u.revoked:
            out.append("revoked = true\n")
    return "".join(out)


def read_users_file(path: str) -> list[User]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(_("cannot read the users file: {error}").format(error=exc), path=path) from exc
    return parse_users(text, path)


def hash_password(password: str) -> str:
    from argon2 import PasswordHasher

    return PasswordHasher().hash(password)


def is_users_file(head: bytes) -> bool:
    """Whether an existing file's content is a users file (or empty): TOML holding ``[[user]]`` tables and nothing else."""
    try:
        data = tomllib.loads(head.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return set(data) <= {"user"}


def change_users(path: str, change: Callable[[list[User]], list[User]]) -> list[User]:
    """Read, change (a function of the list) and write the users file under its lock, private to its owner.
    The one write policy decides first: never the memory, a link, or a file that is not a users file."""
    from bilingual import outputs

    outputs.check(path, protected=outputs.protect(), own=is_users_file, what=_("a users file of bilingual"))
    with locked(path):
        users = change(read_users_file(path))
        for user in users:  # the rule the file is read by: a name that could not be read back is never written
            if not user.name.strip() or not user.name.isprintable():
                raise InputError(_("{name} cannot be a user's name: it holds a control character or half of a "
                                   "broken one").format(name=ascii(user.name)), path=path,
                                 hint=_("give a name of letters, digits and spaces"))  # fmt: skip
        write_text(path, users_toml(users))
        os.chmod(path, 0o600)
    return users


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Throttle:
    """Failed sign-ins counted per client and per account name: after *limit* within *window* seconds,
    more tries are refused until the oldest failure ages out (argon2 makes each try slow; this bounds
    how many a guesser gets). Only failures are kept, for a bounded number of keys."""

    def __init__(self, limit: int = 5, window: float = 300.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.limit, self.window, self.clock = limit, window, clock
        self._fails: dict[str, list[float]] = {}
        self._lock = threading.Lock()

    def wait(self, *keys: str) -> float:
        """Seconds before any of *keys* may try again (0: now)."""
        now = self.clock()
        with self._lock:
            waits = [0.0]
            for key in keys:
                recent = [t for t in self._fails.get(key, []) if now - t < self.window]
                self._fails[key] = recent
                if len(recent) >= self.limit:
                    waits.append(recent[-self.limit] + self.window - now)
            return max(waits)

    def failed(self, *keys: str) -> None:
        with self._lock:
            if len(self._fails) > 10_000:  # a flood of names: forget the quiet ones first
                for key in sorted(self._fails, key=lambda k: self._fails[k][-1] if self._fails[k] else 0)[:5_000]:
                    del self._fails[key]
            for key in keys:
                self._fails.setdefault(key, []).append(self.clock())

    def cleared(self, *keys: str) -> None:
        with self._lock:
            for key in keys:
                self._fails.pop(key, None)


class Accounts:
    """The users file as the server sees it (read again when it changes) and the sessions of password logins."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.throttle = Throttle()
        self._lock = threading.Lock()
        self._stamp: object = None
        self._users: dict[str, User] = {}
        self._by_token: dict[str, User] = {}
        self._sessions: dict[str, tuple[str, float]] = {}
        self.error = ""
        self._fresh()
        if self.error:
            raise InputError(self.error, path=path, hint=_("mend the users file"))

    def _fresh(self) -> None:
        try:
            st = os.stat(self.path)
            stamp: object = (st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            stamp = None
        with self._lock:
            if stamp == self._stamp:
                return
            try:
                users = read_users_file(self.path)
                self.error = ""
            except InputError as exc:
                users, self.error = [], str(exc)
            self._users = {u.name: u for u in users if not u.revoked}
            self._by_token = {_digest(u.token): u for u in self._users.values() if u.token}
            self._stamp = stamp

    @property
    def count(self) -> int:
        """Users who can sign in (a token or a password, not revoked)."""
        return sum(bool(u.token or u.password) for u in self._users.values())

    def by_token(self, token: str) -> User | None:
        self._fresh()
        return self._by_token.get(_digest(token)) if token else None

    def by_password(self, name: str, password: str) -> User | None:
        self._fresh()
        user = self._users.get(name)
        if user is None or not user.password:
            return None
        from argon2 import PasswordHasher
        from argon2.exceptions import Argon2Error, InvalidHashError

        try:
            PasswordHasher().verify(user.password, password)
        except (Argon2Error, InvalidHashError):
            return None
        return user

    def start_session(self, user: User) -> str:
        sid = secrets.token_urlsafe(32)
        with self._lock:
            now = time.time()
            self._sessions = {k: v for k, v in self._sessions.items() if v[1] > now}
            self._sessions[sid] = (user.name, now + SESSION_HOURS * 3600)
        return sid

    def by_session(self, sid: str) -> User | None:
        self._fresh()
        found = self._sessions.get(sid)
        if found is None or found[1] < time.time():
            return None
        return self._users.get(found[0])  # a user revoked since is no longer there

    def end_session(self, sid: str) -> None:
        with self._lock:
            self._sessions.pop(sid, None)
