"""The contact hand-off on PostgreSQL: the same servers and SMTP server, with
DATABASE_URL pointing at a throwaway PostgreSQL database. Skipped, with the
reason printed, where PostgreSQL's server programs are not installed."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Iterator, Tuple

import pytest

from bot.storage import Repository
from tests.e2e.conftest import STUDY_TEAM_EMAILS, Chat, SmtpServer, body, run_module
from tests.e2e.servers import Servers, start_servers
from tests.e2e.test_contact import NPC, REFERENCE, finish_npc_screening, give_details
from tests.handoff import postgres


@pytest.fixture(scope="module")
def postgres_servers(tmp_path_factory: pytest.TempPathFactory, smtp_server: SmtpServer) -> Iterator[Tuple[Servers, str]]:
    try:
        database = postgres.start()
    except postgres.Unavailable as reason:
        print(f"\nPostgreSQL hand-off test skipped: {reason}", file=sys.stderr)
        pytest.skip(f"PostgreSQL not available: {reason}")
    url = database.new_database()
    env = {
        "DATABASE_URL": url,
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        **{f"STUDY_TEAM_EMAIL_{trial}": address for trial, address in STUDY_TEAM_EMAILS.items()},
    }
    try:
        run_module("bot.storage.migrate", env=env)
        servers = start_servers(Path(tmp_path_factory.mktemp("postgres-servers")), extra_env=env)
    except Exception:
        database.stop()
        raise
    yield servers, url
    servers.stop()
    database.stop()


def test_the_hand_off_works_on_postgresql(postgres_servers, smtp_server: SmtpServer):
    servers, url = postgres_servers
    chat = Chat(servers.rasa_url)
    finish_npc_screening(chat)
    chat.say("/request_contact").say("yes").say("yes")
    give_details(chat, email="kim.park@example.com", phone="+44 20 7946 0789")
    chat.say("yes")
    reference = REFERENCE.search(chat.text).group(0)
    saved = Repository.from_url(url).get_request(reference)
    assert (saved.first_name, saved.email, saved.phone, saved.status) == (
        "Ana", "kim.park@example.com", "+442079460789", "notified"
    )
    to_team = [m for m in smtp_server.mailbox.about(reference) if m["To"] == STUDY_TEAM_EMAILS[NPC]]
    assert len(to_team) == 1 and f"Reference: {reference}" in body(to_team[0])
