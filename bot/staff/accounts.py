"""Signing in to the console: argon2id passwords, lock-out, sessions with an idle timeout.

Passwords are hashed with argon2-cffi (argon2id, its default parameters), the
maintained binding of the Password Hashing Competition's winner. A session is a
random 256-bit token in an HTTP-only cookie; the database keeps only its
SHA-256, with a CSRF token for the session's forms. A session ends at sign-out,
after ``idle_minutes`` without a request, or ``max_session_hours`` after
sign-in. ``lockout_attempts`` wrong passwords in a row lock the account for
``lockout_minutes``; while locked, even the right password is refused.

Logs name usernames and outcomes only, never a password or token.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Optional

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from bot.settings import StaffSettings
from bot.staff.clock import Clock
from bot.storage.staff_accounts import StaffAccount, StaffAccountRepository

log = logging.getLogger(__name__)

USERNAME = re.compile(r"^[a-z][a-z0-9._-]{1,39}$")
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 200
_hasher = PasswordHasher()
# Checked when the username is unknown, so that answering takes as long as for a real one.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AccountError(ValueError):
    """A username or password that cannot be used (the message says why)."""


def check_username(username: str) -> str:
    username = username.strip().lower()
    if not USERNAME.match(username):
        raise AccountError("A username is 2 to 40 lower-case letters, digits, dots, dashes or underscores, "
                           "starting with a letter.")
    return username


def hash_password(password: str) -> str:
    if not MIN_PASSWORD_LENGTH <= len(password) <= MAX_PASSWORD_LENGTH:
        raise AccountError(f"A password needs {MIN_PASSWORD_LENGTH} to {MAX_PASSWORD_LENGTH} characters.")
    return _hasher.hash(password)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class SignIn:
    ok: bool
    token: Optional[str] = None  # for the cookie; never stored
    locked_until: Optional[dt.datetime] = None


@dataclass(frozen=True)
class StaffSession:
    account: StaffAccount
    token_hash: str
    csrf_token: str


class Accounts:
    def __init__(self, repository: StaffAccountRepository, settings: StaffSettings, clock: Clock):
        self.repository, self.settings, self.clock = repository, settings, clock

    def add_user(self, username: str, display_name: str, password: str, is_admin: bool) -> str:
        username = check_username(username)
        display_name = " ".join(display_name.split())[:100] or username
        self.repository.add(username, display_name, hash_password(password), is_admin, self.clock())
        log.info("staff user %s added (admin: %s)", username, is_admin)
        return username

    def sign_in(self, username: str, password: str) -> SignIn:
        now = self.clock()
        try:
            username = check_username(username)
        except AccountError:
            username = ""
        account = self.repository.by_username(username) if username else None
        if account is None or account.disabled:
            _verify(_DUMMY_HASH, password)
            log.info("sign-in refused: unknown or disabled user")
            return SignIn(ok=False)
        if account.locked_until is not None and account.locked_until > now:
            log.info("sign-in refused: %s is locked", account.username)
            return SignIn(ok=False, locked_until=account.locked_until)
        if not _verify(account.password_hash, password):
            lock_end = now + dt.timedelta(minutes=self.settings.lockout_minutes)
            locked = self.repository.record_failure(account.id, self.settings.lockout_attempts, lock_end)
            log.info("sign-in refused: wrong password for %s", account.username)
            return SignIn(ok=False, locked_until=locked if locked and locked > now else None)
        new_hash = _hasher.hash(password) if _hasher.check_needs_rehash(account.password_hash) else None
        self.repository.record_success(account.id, new_hash)
        token = secrets.token_urlsafe(32)
        self.repository.open_session(account.id, token_hash(token), secrets.token_urlsafe(32), now)
        log.info("%s signed in", account.username)
        return SignIn(ok=True, token=token)

    def session(self, token: Optional[str]) -> Optional[StaffSession]:
        """The live session for a cookie's token, or None (unknown, idle too long, too old, or account off)."""
        if not token or len(token) > 100:
            return None
        now = self.clock()
        record = self.repository.session(token_hash(token))
        if record is None:
            return None
        idle = now - record.last_seen_at > dt.timedelta(minutes=self.settings.idle_minutes)
        too_old = now - record.created_at > dt.timedelta(hours=self.settings.max_session_hours)
        if idle or too_old or record.account.disabled:
            self.repository.close_session(record.token_hash)
            log.info("session of %s ended (%s)", record.account.username, "idle" if idle else "expired")
            return None
        self.repository.touch(record.token_hash, now)
        return StaffSession(record.account, record.token_hash, record.csrf_token)

    def sign_out(self, session: StaffSession) -> None:
        self.repository.close_session(session.token_hash)
        log.info("%s signed out", session.account.username)


def _verify(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password[:MAX_PASSWORD_LENGTH])
    except (VerificationError, InvalidHashError):
        return False
