"""Fixtures for the contact hand-off: temporary databases, a loopback SMTP server, PostgreSQL.

Every database is new and empty for each test. Repository tests take the
``database_url`` fixture, which runs them on SQLite and again on a throwaway
PostgreSQL server (skipped, with the reason, where PostgreSQL is not installed).
"""

from __future__ import annotations

import sys
import threading
from typing import Dict, List, Mapping, Optional

import pytest
from aiosmtpd.controller import Controller

from bot.screening.catalog import Catalog
from bot.storage.migrate import upgrade
from bot.handoff.notify import write_email
from bot.settings import SmtpSettings
from bot.storage import Repository
from tests.handoff import postgres

NPC, BREAST = "NCT06839066", "NCT06561607"
STUDY_TEAM_EMAIL = "npc-team@example.com"

# A real person's form, as bot.handoff.contact returns it (hand-written, already normalised).
JANE = {
    "first_name": "Jane",
    "last_name": "O'Neil",
    "email": "jane.oneil@example.com",
    "phone": "+447911123456",
    "language": "English",
    "city_or_site": "Leeds",
    "best_time": "Weekday mornings",
}
# Statuses as the screening gives them (a few criteria of NCT06839066, hand-picked).
NPC_STATUSES = {
    "NPC-I01": "study_team",
    "NPC-I02": "met",
    "NPC-I03": "met",
    "NPC-I04": "unknown",
    "NPC-E03": "met",
}
NPC_ANSWERS = {"npc_recurrent_metastatic": "yes", "age": "54", "chemo_lines": "not_sure"}


def sqlite_url_in(folder) -> str:
    return f"sqlite:///{folder / 'var' / 'prescreen.db'}"


@pytest.fixture(scope="session")
def postgres_server():
    try:
        server = postgres.start()
    except postgres.Unavailable as reason:
        print(f"\nPostgreSQL tests skipped: {reason}", file=sys.stderr)
        pytest.skip(f"PostgreSQL not available: {reason}")
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:
    """An empty database: a SQLite file, then a fresh PostgreSQL database."""
    if request.param == "sqlite":
        return sqlite_url_in(tmp_path)
    return request.getfixturevalue("postgres_server").new_database()


@pytest.fixture
def sqlite_url(tmp_path) -> str:
    return sqlite_url_in(tmp_path)


def prepared_repository(url: str, catalog: Catalog) -> Repository:
    repository = Repository.from_url(url)
    upgrade(repository.engine)
    repository.sync_catalog(catalog)
    return repository


@pytest.fixture
def repository(database_url: str, catalog: Catalog):
    """A migrated database with the catalog, on each backend."""
    repository = prepared_repository(database_url, catalog)
    yield repository
    repository.engine.dispose()


@pytest.fixture
def sqlite_repository(sqlite_url: str, catalog: Catalog):
    repository = prepared_repository(sqlite_url, catalog)
    yield repository
    repository.engine.dispose()


def save_request(
    repository: Repository,
    conversation_id: str = "conv-1",
    contact: Optional[Mapping[str, str]] = None,
    wants_confirmation: bool = True,
    study_team_email: Optional[str] = STUDY_TEAM_EMAIL,
    trial_id: str = NPC,
    voice: str = "self",
    answers: Optional[Mapping[str, str]] = None,
    statuses: Optional[Mapping[str, str]] = None,
    verdict: str = "needs_review",
    write=write_email,
    chat_language: str = "en",
    sponsor_consent: bool = False,
) -> str:
    return repository.create_contact_request(
        conversation_id, trial_id, voice, dict(answers or NPC_ANSWERS), dict(statuses or NPC_STATUSES), verdict,
        dict(contact or JANE), wants_confirmation, study_team_email, write_email=write,
        chat_language=chat_language, sponsor_consent=sponsor_consent,
    )


class Mailbox:
    """What the loopback SMTP server received; recipients in ``refuse`` get a 550."""

    def __init__(self):
        self.messages: List[Dict] = []
        self.refuse: set = set()
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: Recipient address rejected"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self._lock:
            self.messages.append(
                {"from": envelope.mail_from, "to": list(envelope.rcpt_tos), "data": envelope.content}
            )
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    """A real SMTP server on 127.0.0.1 and a free port; yields (mailbox, SmtpSettings)."""
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=postgres.free_port())
    controller.start()
    try:
        yield mailbox, SmtpSettings(host="127.0.0.1", port=controller.port, timeout_seconds=5)
    finally:
        controller.stop()


@pytest.fixture
def smtp_down() -> SmtpSettings:
    """Settings for a port where nothing listens."""
    return SmtpSettings(host="127.0.0.1", port=postgres.free_port(), timeout_seconds=2)
