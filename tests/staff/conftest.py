"""Fixtures for the staff console: a movable clock, migrated databases (SQLite and PostgreSQL),
the console's services, and a loopback SMTP server (shared with the hand-off tests)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading

import pytest

from bot.settings import Settings, SmtpSettings, StaffSettings
from bot.staff.web.server import Console
from tests.conftest import SEEDS_DIR
from tests.handoff.conftest import (  # noqa: F401 - fixtures, registered here by importing them
    database_url,
    postgres_server,
    prepared_repository,
    smtp_down,
    smtp_server,
    sqlite_url,
)

# Monday 30 November 2026, 09:00 UTC.
MONDAY = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.timezone.utc)
NPC_TEAM, BREAST_TEAM = "npc-team@example.com", "breast-team@example.com"
PASSWORD = "a long staff password"


class MovableClock:
    """The console's clock in tests: starts on MONDAY and moves only when told."""

    def __init__(self, start: dt.datetime = MONDAY):
        self._now = start
        self._lock = threading.Lock()

    def __call__(self) -> dt.datetime:
        with self._lock:
            return self._now

    def set(self, moment: dt.datetime) -> None:
        with self._lock:
            self._now = moment

    def advance(self, **delta) -> None:
        with self._lock:
            self._now += dt.timedelta(**delta)


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock()


def console_settings(url: str, smtp: SmtpSettings = SmtpSettings(), **staff) -> Settings:
    return Settings(
        seeds_dir=SEEDS_DIR, database_url=url, smtp=smtp,
        study_team_emails={"NCT06839066": NPC_TEAM, "NCT06561607": BREAST_TEAM},
        staff=dataclasses.replace(StaffSettings(), **staff),
    )


def open_console(url: str, catalog, clock, smtp: SmtpSettings = SmtpSettings(), **staff) -> Console:
    prepared_repository(url, catalog).engine.dispose()
    return Console(console_settings(url, smtp, **staff), clock)


@pytest.fixture
def console(database_url, catalog, clock):
    """The console's services on a migrated database (SQLite, then PostgreSQL)."""
    opened = open_console(database_url, catalog, clock)
    yield opened
    opened.engine.dispose()


@pytest.fixture
def sqlite_console(sqlite_url, catalog, clock):
    opened = open_console(sqlite_url, catalog, clock)
    yield opened
    opened.engine.dispose()


def save_at(console: Console, moment: dt.datetime, **request) -> str:
    """A contact request saved through the chat's repository, then dated ``moment`` (hand-off tests' helper)."""
    from sqlalchemy import text

    from bot.storage import Repository
    from tests.handoff.conftest import save_request

    repository = Repository(console.engine)
    reference = save_request(repository, **{"conversation_id": f"conv-{moment.isoformat()}-{id(request)}",
                                            **request})
    with console.engine.begin() as connection:
        connection.execute(text("UPDATE contact_requests SET created_at = :at, consent_at = :at WHERE reference = :r"),
                           {"at": moment if console.engine.dialect.name != "sqlite" else
                            moment.astimezone(dt.timezone.utc).replace(tzinfo=None), "r": reference})
    return reference
