"""The daily digest, to a real SMTP server on loopback: with the clock moved, exactly one e-mail
per study team listing exactly the overdue requests, sent once, retried when the server was down."""

from __future__ import annotations

import datetime as dt
import email
import email.policy
import re

from tests.staff.conftest import MONDAY, NPC_TEAM, open_console, save_at

REFERENCE = re.compile(r"PS-[0-9A-Z]{4}-[0-9A-Z]{4}")


def received(mailbox):
    return [email.message_from_bytes(m["data"], policy=email.policy.default) for m in mailbox.messages]


def test_one_digest_lists_exactly_the_overdue_requests(sqlite_url, catalog, clock, smtp_server, smtp_down):
    mailbox, smtp = smtp_server
    console = open_console(sqlite_url, catalog, clock, smtp_down)
    overdue_a = save_at(console, MONDAY, study_team_email=None, wants_confirmation=False)
    overdue_b = save_at(console, MONDAY + dt.timedelta(hours=3), study_team_email=None, wants_confirmation=False)
    recent = save_at(console, MONDAY + dt.timedelta(days=2), study_team_email=None, wants_confirmation=False)
    contacted = save_at(console, MONDAY, study_team_email=None, wants_confirmation=False)
    console.casework.update(contacted, "li.wei", status="contacted")

    clock.set(MONDAY + dt.timedelta(days=2))  # Wednesday 09:00: nothing overdue yet
    assert console.digest().queued == 0
    clock.set(MONDAY + dt.timedelta(days=3, hours=-2))  # Thursday 07:00: overdue, but before the digest hour
    assert console.digest().queued == 0

    clock.set(MONDAY + dt.timedelta(days=3))  # Thursday 09:00, the mail server is down
    down = console.digest()
    assert (down.queued, down.delivery.sent, down.delivery.failed) == (1, 0, 1)
    console.engine.dispose()

    console = open_console(sqlite_url, catalog, clock, smtp)  # the server is back
    clock.advance(hours=1)
    retried = console.digest()
    assert (retried.queued, retried.delivery.sent) == (0, 1)
    clock.advance(hours=5)
    assert console.digest().queued == 0  # once a day
    messages = received(mailbox)
    assert len(messages) == 1
    (digest,) = messages
    assert digest["To"] == NPC_TEAM
    assert digest["Subject"] == "Overdue pre-screening requests: 2 on 2026-12-03"
    body = digest.get_content()
    assert set(REFERENCE.findall(body)) == {overdue_a, overdue_b}
    assert recent not in body and contacted not in body
    assert "Jane" not in body and "jane.oneil@example.com" not in body and "+447911123456" not in body
    assert "Open the staff console to follow them up: http://127.0.0.1:5090/" in body

    clock.advance(days=1)  # Friday: a new day, a new digest
    assert console.digest().queued == 1
    console.engine.dispose()
