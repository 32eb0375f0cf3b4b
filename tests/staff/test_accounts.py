"""Staff accounts on SQLite and PostgreSQL: argon2 hashes, lock-out, sessions and their timeouts,
and the add-user command."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from sqlalchemy import text

from bot.staff.accounts import AccountError
from bot.storage.staff_accounts import UsernameTaken
from tests.conftest import PROJECT_ROOT
from tests.staff.conftest import PASSWORD


def test_passwords_are_stored_as_argon2id_hashes(console):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    with console.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM staff_users")).scalar()
    assert stored.startswith("$argon2id$")
    assert PASSWORD not in stored
    with pytest.raises(UsernameTaken):
        console.accounts.add_user("li.wei", "Li Wei again", PASSWORD, is_admin=False)


@pytest.mark.parametrize("username, password, message", [
    ("Li Wei", PASSWORD, "A username is 2 to 40"),
    ("li", "short", "A password needs 12 to 200 characters."),
])
def test_bad_usernames_and_passwords_are_refused(console, username, password, message):
    with pytest.raises(AccountError, match=message):
        console.accounts.add_user(username, "", password, is_admin=False)


def test_sign_in_then_the_session_lasts_until_idle_or_sign_out(console, clock):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    assert console.accounts.sign_in("li.wei", "wrong password!!").ok is False
    signed_in = console.accounts.sign_in("li.wei", PASSWORD)
    assert signed_in.ok
    session = console.accounts.session(signed_in.token)
    assert session.account.username == "li.wei"
    with console.engine.connect() as connection:  # only the token's hash is stored
        assert connection.execute(text("SELECT token_hash FROM staff_sessions")).scalar() != signed_in.token
    clock.advance(minutes=29)
    assert console.accounts.session(signed_in.token) is not None  # used: the idle time starts again
    clock.advance(minutes=29)
    assert console.accounts.session(signed_in.token) is not None
    clock.advance(minutes=31)
    assert console.accounts.session(signed_in.token) is None  # 31 minutes idle
    again = console.accounts.sign_in("li.wei", PASSWORD)
    console.accounts.sign_out(console.accounts.session(again.token))
    assert console.accounts.session(again.token) is None


def test_a_session_ends_12_hours_after_sign_in_however_busy(console, clock):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    token = console.accounts.sign_in("li.wei", PASSWORD).token
    for _ in range(24):
        clock.advance(minutes=29)
        assert console.accounts.session(token) is not None
    clock.advance(minutes=29)  # 12 h 5 min after sign-in
    assert console.accounts.session(token) is None


def test_five_wrong_passwords_lock_the_account_for_15_minutes(console, clock):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    for attempt in range(4):
        assert console.accounts.sign_in("li.wei", f"wrong password {attempt}").locked_until is None
    locked = console.accounts.sign_in("li.wei", "wrong password 5")
    assert locked.ok is False and locked.locked_until is not None
    assert console.accounts.sign_in("li.wei", PASSWORD).ok is False  # even the right one, while locked
    clock.advance(minutes=16)
    assert console.accounts.sign_in("li.wei", PASSWORD).ok is True


def test_unknown_and_disabled_users_cannot_sign_in(console):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    token = console.accounts.sign_in("li.wei", PASSWORD).token
    assert console.accounts.sign_in("nobody", PASSWORD).ok is False
    assert console.staff.change("li.wei", disabled=True)
    assert console.accounts.session(token) is None  # disabling signs the user out
    assert console.accounts.sign_in("li.wei", PASSWORD).ok is False


def run_staff(url: str, *args: str, stdin: str = ""):
    return subprocess.run([sys.executable, "-m", "bot.staff", *args], cwd=PROJECT_ROOT, input=stdin,
                          env={**os.environ, "DATABASE_URL": url}, capture_output=True, text=True, timeout=120)


def test_add_user_command(sqlite_console, sqlite_url):
    added = run_staff(sqlite_url, "add-user", "li.wei", "--display-name", "Li Wei", "--admin", stdin=PASSWORD + "\n")
    assert (added.returncode, added.stdout, added.stderr) == (0, "Added li.wei (administrator).\n", "")
    assert sqlite_console.accounts.sign_in("li.wei", PASSWORD).ok
    again = run_staff(sqlite_url, "add-user", "li.wei", stdin=PASSWORD + "\n")
    assert (again.returncode, again.stderr) == (2, "error: there is already a staff user called li.wei\n")
    short = run_staff(sqlite_url, "add-user", "sam", stdin="short\n")
    assert (short.returncode, short.stderr) == (2, "error: A password needs 12 to 200 characters.\n")
    unknown = run_staff(sqlite_url, "unlock", "nobody")
    assert (unknown.returncode, unknown.stderr) == (2, "error: there is no staff user called nobody\n")


def test_a_new_password_signs_the_user_out_and_old_hashes_are_upgraded(console):
    from argon2 import PasswordHasher

    from bot.staff.accounts import hash_password

    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    token = console.accounts.sign_in("li.wei", PASSWORD).token
    assert console.staff.change("li.wei", password_hash=hash_password("another long password"))
    assert console.accounts.session(token) is None
    assert console.accounts.sign_in("li.wei", PASSWORD).ok is False
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024).hash(PASSWORD)  # older, cheaper parameters
    console.staff.change("li.wei", password_hash=weak)
    assert console.accounts.sign_in("li.wei", PASSWORD).ok
    assert console.staff.by_username("li.wei").password_hash not in (weak, "")
    assert not PasswordHasher().check_needs_rehash(console.staff.by_username("li.wei").password_hash)
