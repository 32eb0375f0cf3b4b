"""make_engine: a private SQLite file, foreign keys on, nothing opened early; settings for the hand-off."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from sqlalchemy import text

from bot.storage.database import make_engine, sqlite_file
from bot.settings import PROJECT_ROOT, get_settings
from tests.conftest import PROJECT_ROOT as TESTS_PROJECT_ROOT


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_sqlite_folder_and_file_are_private_before_connecting(tmp_path):
    url = f"sqlite:///{tmp_path / 'var' / 'prescreen.db'}"
    engine = make_engine(url)
    assert mode(tmp_path / "var") == 0o700
    assert mode(tmp_path / "var" / "prescreen.db") == 0o600
    with engine.connect() as connection:
        connection.execute(text("CREATE TABLE t (x INTEGER)"))
        connection.commit()
    assert mode(tmp_path / "var" / "prescreen.db") == 0o600
    engine.dispose()


def test_existing_file_is_left_alone(tmp_path):
    path = tmp_path / "db.sqlite"
    path.write_bytes(b"")
    os.chmod(path, 0o640)
    make_engine(f"sqlite:///{path}").dispose()
    assert mode(path) == 0o640


def test_sqlite_foreign_keys_are_enforced(tmp_path):
    engine = make_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
    engine.dispose()


def test_in_memory_sqlite_needs_no_file():
    assert sqlite_file("sqlite://") is None
    assert sqlite_file("sqlite:///:memory:") is None
    engine = make_engine("sqlite://")
    with engine.connect() as connection:
        assert connection.execute(text("SELECT 1")).scalar() == 1
    engine.dispose()


def test_postgresql_url_makes_an_engine_without_connecting():
    # Nothing listens there: making the engine must not try.
    engine = make_engine("postgresql+psycopg2://nobody@127.0.0.1:1/none")
    assert engine.dialect.name == "postgresql"
    engine.dispose()


def test_importing_the_modules_opens_no_database(tmp_path):
    # DATABASE_URL points at a folder that must not be created by imports alone.
    target = tmp_path / "never" / "db.sqlite"
    code = "import bot.handoff.contact, bot.storage.database, bot.storage, bot.handoff.notify, bot.storage.migrate, bot.handoff.requests"
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{target}"}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT, env=environment)
    assert not target.parent.exists()


def test_bot_modules_never_import_rasa():
    code = (
        "import sys, bot.handoff.contact, bot.storage.database, bot.storage, bot.handoff.notify, bot.storage.migrate, bot.handoff.requests;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('rasa', 'rasa_sdk')))"
    )
    result = subprocess.run([sys.executable, "-c", code], check=True, cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


@pytest.fixture
def fresh_settings(monkeypatch):
    # Settings are read once per process; these tests read them again with their own environment.
    for name in list(os.environ):
        if name.startswith(("SMTP_", "STUDY_TEAM_EMAIL_")) or name in ("DATABASE_URL", "PHONE_DEFAULT_REGION"):
            monkeypatch.delenv(name)
    monkeypatch.setattr("bot.settings.load_dotenv", lambda *args, **kwargs: False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_settings_defaults(fresh_settings):
    settings = get_settings()
    assert settings.database_url == f"sqlite:///{TESTS_PROJECT_ROOT}/var/prescreen.db"
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.starttls) == ("localhost", 25, False)
    assert (settings.smtp.username, settings.smtp.password) == (None, None)
    assert settings.smtp.sender == "prescreening@example.com"
    assert settings.smtp.timeout_seconds == 10
    assert settings.study_team_email("NCT06839066") is None
    assert settings.phone_default_region == "GB"


def test_settings_from_the_environment(fresh_settings):
    fresh_settings.setenv("DATABASE_URL", "sqlite:///var/other.db")
    fresh_settings.setenv("SMTP_HOST", "mail.example.com")
    fresh_settings.setenv("SMTP_PORT", "587")
    fresh_settings.setenv("SMTP_STARTTLS", "true")
    fresh_settings.setenv("SMTP_USERNAME", "bot")
    fresh_settings.setenv("SMTP_PASSWORD", "s3cret")
    fresh_settings.setenv("SMTP_TIMEOUT_SECONDS", "2.5")
    fresh_settings.setenv("STUDY_TEAM_EMAIL_NCT06839066", "npc@example.com")
    fresh_settings.setenv("STUDY_TEAM_EMAIL_NCT06561607", " ")
    fresh_settings.setenv("PHONE_DEFAULT_REGION", "us")
    settings = get_settings()
    # A relative SQLite path is read from the project root, not the current folder.
    assert settings.database_url == f"sqlite:///{TESTS_PROJECT_ROOT}/var/other.db"
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.starttls) == ("mail.example.com", 587, True)
    assert (settings.smtp.username, settings.smtp.password, settings.smtp.timeout_seconds) == ("bot", "s3cret", 2.5)
    assert "s3cret" not in repr(settings)
    assert settings.study_team_email("NCT06839066") == "npc@example.com"
    assert settings.study_team_email("NCT06561607") is None
    assert settings.phone_default_region == "US"


def test_postgresql_url_is_kept(fresh_settings):
    fresh_settings.setenv("DATABASE_URL", "postgresql+psycopg2://bot:pw@db.example.com/prescreen")
    assert get_settings().database_url == "postgresql+psycopg2://bot:pw@db.example.com/prescreen"


def test_public_address_and_trusted_balancers_are_read_once(fresh_settings):
    assert (get_settings().public_base_url, get_settings().trusted_proxies) == (None, ())
    fresh_settings.setenv("PUBLIC_BASE_URL", "https://chat.example.com/")
    fresh_settings.setenv("TRUSTED_PROXIES", "10.0.0.5, 10.0.0.6")
    get_settings.cache_clear()
    settings = get_settings()
    assert settings.public_base_url == "https://chat.example.com"  # no double slash before "?resume="
    assert settings.trusted_proxies == ("10.0.0.5", "10.0.0.6")


@pytest.mark.parametrize("name, value", [("SMTP_PORT", "twenty-five"), ("SMTP_STARTTLS", "maybe"),
                                         ("SMTP_TIMEOUT_SECONDS", "0")])
def test_bad_settings_name_the_variable(fresh_settings, name, value):
    fresh_settings.setenv(name, value)
    with pytest.raises(ValueError, match=name):
        get_settings()


def test_env_example_documents_every_setting_with_example_addresses_only():
    example = (PROJECT_ROOT / ".env.example").read_text()
    for name in ("DATABASE_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_STARTTLS", "SMTP_USERNAME", "SMTP_PASSWORD",
                 "SMTP_SENDER", "SMTP_TIMEOUT_SECONDS", "STUDY_TEAM_EMAIL_NCT06839066",
                 "STUDY_TEAM_EMAIL_NCT06561607", "PHONE_DEFAULT_REGION"):
        assert f"\n{name}=" in example
    domains = {address.split("@")[1] for address in __import__("re").findall(r"[\w.+-]+@[\w.-]+\w", example)}
    assert domains and all(domain == "example.com" or domain.endswith(".example.com") for domain in domains)
