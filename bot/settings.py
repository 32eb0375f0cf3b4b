"""Settings, read once from the environment after loading a local ``.env`` file.

Every setting is documented in ``.env.example``. Nothing here opens a file or a
connection: callers decide when to use the values.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Tuple
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent
# var/ is git-ignored; bot.storage.database creates it (mode 0700) and the file (mode 0600).
DEFAULT_DATABASE_URL = f"sqlite:///{PROJECT_ROOT / 'var' / 'prescreen.db'}"
# STUDY_TEAM_EMAIL_<registry id>, for example STUDY_TEAM_EMAIL_NCT06839066.
STUDY_TEAM_EMAIL_PREFIX = "STUDY_TEAM_EMAIL_"


@dataclass(frozen=True)
class SmtpSettings:
    """Where e-mails to study teams and people are sent from (read by bot.handoff.notify)."""

    host: str = "localhost"
    port: int = 25
    starttls: bool = False
    username: Optional[str] = None
    password: Optional[str] = dataclasses.field(default=None, repr=False)  # never printed or logged
    sender: str = "prescreening@example.com"
    timeout_seconds: float = 10.0


@dataclass(frozen=True)
class StaffSettings:
    """The study team's web console (bot/staff): where it listens and how long things last."""

    host: str = "127.0.0.1"
    port: int = 5090
    # Set both to serve HTTPS directly; otherwise put the console behind a TLS proxy.
    tls_cert_file: Optional[Path] = None
    tls_key_file: Optional[Path] = None
    # The console is reached through a TLS proxy (required to listen beyond loopback without a certificate).
    behind_tls_proxy: bool = False
    public_url: str = "http://127.0.0.1:5090"  # written in the digest e-mail
    idle_minutes: float = 30.0
    max_session_hours: float = 12.0
    lockout_attempts: int = 5
    lockout_minutes: float = 15.0
    overdue_working_days: int = 2
    timezone: str = "UTC"  # the study team's: days, weeks and the digest hour are counted in it
    holidays: Tuple[dt.date, ...] = ()  # days that are not working days (besides Saturdays and Sundays)
    digest_hour: int = 8  # the daily digest is queued at or after this hour


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path
    database_url: str = DEFAULT_DATABASE_URL
    smtp: SmtpSettings = SmtpSettings()
    # Registry id -> the study team's address. A trial without one still gets its
    # requests saved; staff see them with `python -m bot.handoff.requests list`.
    study_team_emails: Mapping[str, str] = dataclasses.field(default_factory=dict)
    phone_default_region: str = "GB"
    # Said in the thank-you after a contact request: "The study team usually gets in touch ...".
    contact_expected_within: str = "within 3 working days"
    # Days a contact request (details, answers, summary, e-mails) is kept after it is made;
    # the consent says so, and older requests are deleted (bot.handoff.retention).
    contact_retention_days: int = 180
    # The address people open the chat at (https://...), for links sent by e-mail. None: the
    # address the request came to, which is wrong behind a proxy that changes it.
    public_base_url: Optional[str] = None
    staff: StaffSettings = StaffSettings()
    # The shared secret the Rasa server sends with every action call (?token=...);
    # the action server refuses calls without it. Generated into .env by the setup.
    action_server_token: Optional[str] = dataclasses.field(default=None, repr=False)
    # Where `rasa run actions` listens: loopback unless the operator says otherwise.
    action_server_host: str = "127.0.0.1"
    # Messages accepted per minute from one client address, and for one conversation.
    rate_limit_per_client: int = 120
    rate_limit_per_conversation: int = 60
    # Load balancers whose X-Forwarded-For names the person's address (for the per-client limit).
    trusted_proxies: Tuple[str, ...] = ()
    # Shared state for several replicas (the widget's answer-once cache). None: in-process.
    redis_url: Optional[str] = None
    replies_ttl_seconds: int = 3600
    # The Rasa server's performance fixes to Rasa 3.6.21 (rasa_speedups); off only to compare or rule them out.
    rasa_speedups: bool = True

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


def _whole_number(name: str, default: int, lowest: int, highest: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or not lowest <= int(value) <= highest:
        raise ValueError(f"{name} must be a whole number from {lowest} to {highest}, not {value!r}")
    return int(value)


def _dates(name: str) -> Tuple[dt.date, ...]:
    value = os.environ.get(name, "")
    try:
        return tuple(sorted(dt.date.fromisoformat(part.strip()) for part in value.split(",") if part.strip()))
    except ValueError:
        raise ValueError(f"{name} must be dates like 2026-10-01, separated by commas") from None


def _time_zone(name: str) -> str:
    value = _text(name) or "UTC"
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"{name} must be a time zone name such as Asia/Shanghai, not {value!r}") from None
    return value


def _optional_path(name: str) -> Optional[Path]:
    value = _text(name)
    return _path(value) if value else None


def _staff_settings() -> StaffSettings:
    host = _text("STAFF_HOST") or "127.0.0.1"
    port = _whole_number("STAFF_PORT", 5090, 1, 65535)
    cert, key = _optional_path("STAFF_TLS_CERT_FILE"), _optional_path("STAFF_TLS_KEY_FILE")
    scheme = "https" if cert else "http"
    return StaffSettings(
        host=host,
        port=port,
        tls_cert_file=cert,
        tls_key_file=key,
        behind_tls_proxy=_flag("STAFF_BEHIND_TLS_PROXY", False),
        public_url=(_text("STAFF_PUBLIC_URL") or f"{scheme}://{host}:{port}").rstrip("/"),
        idle_minutes=_number("STAFF_IDLE_MINUTES", 30.0),
        max_session_hours=_number("STAFF_MAX_SESSION_HOURS", 12.0),
        lockout_attempts=_whole_number("STAFF_LOCKOUT_ATTEMPTS", 5, 1, 100),
        lockout_minutes=_number("STAFF_LOCKOUT_MINUTES", 15.0),
        overdue_working_days=_whole_number("STAFF_OVERDUE_WORKING_DAYS", 2, 1, 60),
        timezone=_time_zone("STAFF_TIMEZONE"),
        holidays=_dates("STAFF_HOLIDAYS"),
        digest_hour=_whole_number("STAFF_DIGEST_HOUR", 8, 0, 23),
    )


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
        contact_expected_within=_text("CONTACT_EXPECTED_WITHIN") or "within 3 working days",
        contact_retention_days=_whole_number("CONTACT_RETENTION_DAYS", 180, 1, 3650),
        public_base_url=(_text("PUBLIC_BASE_URL") or "").rstrip("/") or None,
        staff=_staff_settings(),
        action_server_token=_text("ACTION_SERVER_TOKEN"),
        action_server_host=_text("ACTION_SERVER_HOST") or "127.0.0.1",
        rate_limit_per_client=_number("RATE_LIMIT_PER_CLIENT", 120, int),
        rate_limit_per_conversation=_number("RATE_LIMIT_PER_CONVERSATION", 60, int),
        trusted_proxies=tuple(a.strip() for a in (_text("TRUSTED_PROXIES") or "").split(",") if a.strip()),
        redis_url=_text("REDIS_URL"),
        replies_ttl_seconds=_number("WIDGET_REPLIES_TTL_SECONDS", 3600, int),
        rasa_speedups=_flag("RASA_SPEEDUPS", True),
    )
