"""Two action servers' outbox senders running at once, on PostgreSQL, deliver every e-mail exactly once.

Each sender is its own process (``python -m bot.handoff.requests retry``, the same code an
action server runs after a hand-off), as on two machines. The mail server is slow
on purpose, so the two senders work through the outbox at the same time."""

from __future__ import annotations

import asyncio
import email
import os
import subprocess
import sys

from bot.storage import Repository
from tests.conftest import PROJECT_ROOT
from tests.handoff.conftest import save_request


def test_two_sender_processes_on_postgres_send_each_email_once(postgres_server, catalog, smtp_server):
    from tests.handoff.conftest import prepared_repository

    mailbox, smtp = smtp_server
    accept = mailbox.handle_DATA

    async def slow_accept(server, session, envelope):
        await asyncio.sleep(0.1)
        return await accept(server, session, envelope)

    mailbox.handle_DATA = slow_accept
    url = postgres_server.new_database()
    repository: Repository = prepared_repository(url, catalog)
    try:
        for number in range(15):
            save_request(repository, conversation_id=f"conv-{number}")  # two e-mails each
        env = {**os.environ, "DATABASE_URL": url, "SMTP_HOST": smtp.host, "SMTP_PORT": str(smtp.port)}
        senders = [
            subprocess.Popen([sys.executable, "-m", "bot.handoff.requests", "retry"], cwd=PROJECT_ROOT, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for _ in range(2)
        ]
        outputs = [sender.communicate(timeout=120)[0] for sender in senders]
        assert [sender.returncode for sender in senders] == [0, 0], outputs
        ids = [email.message_from_bytes(m["data"])["Message-ID"] for m in mailbox.messages]
        assert len(ids) == 30 and len(set(ids)) == 30
        sent = [int(output.split("Sent ")[1].split(",")[0]) for output in outputs]
        assert sum(sent) == 30 and min(sent) > 0, f"the senders did not overlap: {outputs}"
        assert repository.count_pending() == 0
    finally:
        repository.engine.dispose()
