"""Settings, read once from the environment after loading a local ``.env`` file.

Every setting is documented in ``.env.example``. Nothing here opens a file or a
connection: callers decide when to use the values.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# var/ is git-ignored; bot.database creates it (mode 0700) and the file (mode 0600).
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'prescreen.db'}"
# STUDY_TEAM_EMAIL_<registry id>, for example STUDY_TEAM_EMAIL_NCT06839066.
STUDY_TEAM_EMAIL_PREFIX = "STUDY_TEAM_EMAIL_"


@dataclass(frozen=True)
class SmtpSettings:
    """Where e-mails to study teams and people are sent from (read by bot.notify)."""

    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    username: Optional[str] = None
    password: Optional[str] = dataclasses.field(default=None, repr=False)  # never printed or logged
    sender: str = "prescreening@example.com"
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    database_url: str = DEFAULT_DATABASE_URL
    smtp: SmtpSettings = SmtpSettings()
    # Registry id -> the study team's address. A trial without one still gets its
    # requests saved; staff see them with `python -m bot.requests list`.
    study_team_emails: Mapping[str, str] = dataclasses.field(default_factory=dict)
    phone_default_region: str = "GB"
    # Shared state for several replicas (the widget's answer-once cache). None: in-process.
    redis_url: Optional[str] = None
    replies_ttl_seconds: int = 3600

    def study_team_email(self, trial_id: str) -> Optional[str]:
        return self.study_team_emails.get(trial_id)


def _path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


def _text(name: str) -> Optional[str]:
    """An optional setting: unset and blank both mean "not set"."""
    value = os.environ.get(name, "").strip()
    return value or None


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{name} must be true or false, not {value!r}")


def _number(name: str, default: float, convert=float):
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        number = convert(value)
    except ValueError:
        raise ValueError(f"{name} must be a number, not {value!r}") from None
    if number <= 0:
        raise ValueError(f"{name} must be greater than 0, not {value!r}")
    return number


def _database_url(value: Optional[str]) -> str:
    """A relative SQLite path (sqlite:///var/x.db) is taken from the project root,
    as PRESCREEN_SEEDS_DIR is, not from wherever the command was started."""
    if not value:
        return DEFAULT_DATABASE_URL
    prefix = "sqlite:///"
    path, _, query = value[len(prefix):].partition("?")
    if value.startswith(prefix) and path and path != ":memory:" and not path.startswith(("/", "file:")):
        return f"{prefix}{PROJECT_ROOT / path}" + (f"?{query}" if query else "")
    return value


def _study_team_emails() -> Mapping[str, str]:
    return {
        name[len(STUDY_TEAM_EMAIL_PREFIX):]: value.strip()
        for name, value in os.environ.items()
        if name.startswith(STUDY_TEAM_EMAIL_PREFIX) and value.strip()
    }


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    # A real environment variable wins over the .env file (override=False).
    load_dotenv(PROJECT_ROOT / ".env", override=False)
    return Settings(
        seeds_dir=_path(os.environ.get("PRESCREEN_SEEDS_DIR", "seeds")),
        database_url=_database_url(_text("DATABASE_URL")),
        smtp=SmtpSettings(
            host=_text("SMTP_HOST") or "localhost",
            port=_number("SMTP_PORT", 25, int),
            starttls=_flag("SMTP_STARTTLS", False),
            username=_text("SMTP_USERNAME"),
            password=_text("SMTP_PASSWORD"),
            sender=_text("SMTP_SENDER") or "prescreening@example.com",
            timeout_seconds=_number("SMTP_TIMEOUT_SECONDS", 10.0),
        ),
        study_team_emails=_study_team_emails(),
        phone_default_region=(_text("PHONE_DEFAULT_REGION") or "GB").upper(),
        redis_url=_text("REDIS_URL"),
        replies_ttl_seconds=_number("WIDGET_REPLIES_TTL_SECONDS", 3600, int),
    )
