"""The staff console's named accounts and their signed-in sessions.

Only a hash of each session token is stored: reading this table signs no one
in. Password hashes come from bot.staff.passwords (argon2id).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import List, Optional

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from bot.storage.base import Store
from bot.storage.models import StaffSession, StaffUser


class UsernameTaken(ValueError):
    pass


@dataclass(frozen=True)
class StaffAccount:
    id: int
    username: str
    display_name: str
    is_admin: bool
    disabled: bool
    failed_attempts: int
    locked_until: Optional[dt.datetime]
    password_hash: str = field(repr=False, default="")


@dataclass(frozen=True)
class SessionRecord:
    token_hash: str
    csrf_token: str
    created_at: dt.datetime
    last_seen_at: dt.datetime
    account: StaffAccount


def _account(user: StaffUser) -> StaffAccount:
    return StaffAccount(
        user.id, user.username, user.display_name, user.is_admin, user.disabled, user.failed_attempts,
        user.locked_until, user.password_hash,
    )


class StaffAccountRepository(Store):
    # --- accounts ------------------------------------------------------------

    def add(self, username: str, display_name: str, password_hash: str, is_admin: bool, now: dt.datetime) -> int:
        try:
            with self._transaction() as session:
                user = StaffUser(
                    username=username, display_name=display_name, password_hash=password_hash, is_admin=is_admin,
                    disabled=False, failed_attempts=0, created_at=now,
                )
                session.add(user)
                session.flush()
                return user.id
        except IntegrityError:
            raise UsernameTaken(f"there is already a staff user called {username}") from None

    def by_username(self, username: str) -> Optional[StaffAccount]:
        with self._transaction() as session:
            user = session.scalars(select(StaffUser).where(StaffUser.username == username)).first()
            return None if user is None else _account(user)

    def all(self) -> List[StaffAccount]:
        with self._transaction() as session:
            return [_account(u) for u in session.scalars(select(StaffUser).order_by(StaffUser.username))]

    def record_failure(self, user_id: int, lock_after: int, lock_until: dt.datetime) -> Optional[dt.datetime]:
        """Count a wrong password; the ``lock_after``-th in a row locks the account. Returns the lock's end."""
        with self._transaction() as session:
            user = session.get(StaffUser, user_id, with_for_update=True)
            user.failed_attempts += 1
            if user.failed_attempts >= lock_after:
                user.locked_until, user.failed_attempts = lock_until, 0
            return user.locked_until

    def record_success(self, user_id: int, new_hash: Optional[str] = None) -> None:
        with self._transaction() as session:
            user = session.get(StaffUser, user_id)
            user.failed_attempts, user.locked_until = 0, None
            if new_hash:
                user.password_hash = new_hash

    def change(self, username: str, *, password_hash: Optional[str] = None, disabled: Optional[bool] = None,
               is_admin: Optional[bool] = None, unlock: bool = False) -> bool:
        """Change an account; a new password or disabling it signs its sessions out. False if unknown."""
        with self._transaction() as session:
            user = session.scalars(select(StaffUser).where(StaffUser.username == username)).first()
            if user is None:
                return False
            if password_hash is not None:
                user.password_hash = password_hash
            if disabled is not None:
                user.disabled = disabled
            if is_admin is not None:
                user.is_admin = is_admin
            if unlock or password_hash is not None:
                user.failed_attempts, user.locked_until = 0, None
            if password_hash is not None or disabled:
                session.execute(delete(StaffSession).where(StaffSession.user_id == user.id))
            return True

    # --- sessions ------------------------------------------------------------

    def open_session(self, user_id: int, token_hash: str, csrf_token: str, now: dt.datetime) -> None:
        with self._transaction() as session:
            session.add(StaffSession(token_hash=token_hash, user_id=user_id, csrf_token=csrf_token, created_at=now,
                                     last_seen_at=now))

    def session(self, token_hash: str) -> Optional[SessionRecord]:
        with self._transaction() as session:
            row = session.get(StaffSession, token_hash)
            if row is None:
                return None
            user = session.get(StaffUser, row.user_id)
            return SessionRecord(row.token_hash, row.csrf_token, row.created_at, row.last_seen_at, _account(user))

    def touch(self, token_hash: str, now: dt.datetime) -> None:
        with self._transaction() as session:
            row = session.get(StaffSession, token_hash)
            if row is not None:
                row.last_seen_at = now

    def close_session(self, token_hash: str) -> None:
        with self._transaction() as session:
            session.execute(delete(StaffSession).where(StaffSession.token_hash == token_hash))

    def close_idle_sessions(self, seen_before: dt.datetime, created_before: dt.datetime) -> int:
        with self._transaction() as session:
            return session.execute(
                delete(StaffSession)
                .where((StaffSession.last_seen_at < seen_before) | (StaffSession.created_at < created_before))
                .execution_options(synchronize_session=False)
            ).rowcount
