"""Editors' logins: argon2 hashes in a file outside git, and a limit on failed attempts.

Viewing the atlas needs no login; saving a correction does. The user file lives in the
user's config directory (``~/.config/koopatlas/users.json``, or ``KOOPATLAS_USERS``), is
written with mode 0600 and holds only argon2id hashes (argon2-cffi: a maintained binding
of the reference implementation, with safe parameters and rehash checks built in).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import os
import re
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from koopatlas import config

_HASHER = PasswordHasher()
#: Verified against when the user name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash("not a password of anyone")
NAME = re.compile(r"^[A-Za-z0-9._-]{2,40}$")
MIN_PASSWORD = 10


class AuthError(ValueError):
    """A user name or password that cannot be stored."""


def _read(path: Path) -> dict[str, dict]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as exc:
        raise AuthError(f"{path}: not a readable user file ({exc})") from exc
    return data.get("users", {})


def _write(path: Path, users: dict[str, dict]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump({"users": users}, fh, indent=1, sort_keys=True)
    os.replace(tmp, path)


def add_user(name: str, password: str, path: Path | None = None) -> bool:
    """Create or reset an editor; returns True when the name was new."""
    path = path or config.users_path()
    if not NAME.match(name):
        raise AuthError(f"user name {name!r}: 2–40 letters, digits, '.', '_' or '-'")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"password: at least {MIN_PASSWORD} characters")
    users = _read(path)
    new = name not in users
    users[name] = {"hash": _HASHER.hash(password), "created": dt.datetime.now().isoformat(timespec="seconds")}
    _write(path, users)
    return new


def remove_user(name: str, path: Path | None = None) -> bool:
    path = path or config.users_path()
    users = _read(path)
    if name not in users:
        return False
    del users[name]
    _write(path, users)
    return True


def list_users(path: Path | None = None) -> list[str]:
    return sorted(_read(path or config.users_path()))


def verify(name: str, password: str, path: Path | None = None) -> bool:
    """True when the password matches the stored hash (the file is read per call: edits apply at once)."""
    users = _read(path or config.users_path())
    stored = users.get(name, {}).get("hash", _DUMMY_HASH)
    try:
        ok = _HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False
    return ok and name in users


@dataclass
class LoginLimiter:
    """At most ``attempts`` failed logins per user name and per client within ``window`` seconds;
    beyond that every login for that name or client is refused until the window has passed."""

    attempts: int = 5
    window: float = 15 * 60
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _recent(self, key: str, now: float) -> deque[float]:
        q = self._failures.setdefault(key, deque())
        while q and now - q[0] > self.window:
            q.popleft()
        return q

    def wait_seconds(self, name: str, client: str, now: float | None = None) -> float:
        """0 when a login may be tried; else the seconds until it may."""
        now = time.monotonic() if now is None else now
        with self._lock:
            waits = [self._recent(k, now) for k in (f"user:{name}", f"client:{client}")]
            return max((self.window - (now - q[0]) for q in waits if len(q) >= self.attempts), default=0.0)

    def remaining(self, name: str, client: str, now: float | None = None) -> int:
        """Failed logins still allowed for this name and client before both are locked."""
        now = time.monotonic() if now is None else now
        with self._lock:
            used = max(len(self._recent(k, now)) for k in (f"user:{name}", f"client:{client}"))
        return max(self.attempts - used, 0)

    def failed(self, name: str, client: str, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        with self._lock:
            for k in (f"user:{name}", f"client:{client}"):
                self._recent(k, now).append(now)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(f"user:{name}", None)


def _minutes(n: int) -> str:
    return "1 Minute" if n == 1 else f"{n} Minuten"


def login(name: str, password: str, client: str, limiter: LoginLimiter, path: Path | None = None) -> tuple[bool, str]:
    """(ok, message in German) – the limiter is asked first, so a locked name is not even verified."""
    wait = limiter.wait_seconds(name, client)
    if wait > 0:
        return False, f"Zu viele fehlgeschlagene Anmeldungen. Bitte in {_minutes(math.ceil(wait / 60))} erneut versuchen."
    if verify(name, password, path):
        limiter.succeeded(name)
        return True, f"Angemeldet als {name}."
    limiter.failed(name, client)
    left = limiter.remaining(name, client)
    if left == 0:
        return False, f"Benutzername oder Passwort falsch. Die Anmeldung ist jetzt für {_minutes(math.ceil(limiter.window / 60))} gesperrt."
    return False, f"Benutzername oder Passwort falsch. Noch {left} {'Versuch' if left == 1 else 'Versuche'}."
