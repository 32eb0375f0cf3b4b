"""What a person keeps for themselves: the personal outbox and single-use resume links,
on SQLite and PostgreSQL. Expected values are written by hand."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from bot.handoff.keep import send_pending
from bot.storage.models import RESUME_LINK, SUMMARY, utc_now
from bot.storage.personal import PersonalStore
from bot.settings import SmtpSettings
from tests.handoff.conftest import save_request

TOKEN = "k3Jd9s-Wq0pLmZx7Yb2Rt5Vn8Hc4Fg1Ae6Ui0Oy3Ek"
ADDRESS = "kim.lee@example.com"


def rows(repository, table: str) -> int:
    with repository.engine.connect() as connection:
        return connection.execute(text(f"SELECT COUNT(*) FROM {table}")).scalar()


def test_a_resume_link_works_once_and_only_its_hash_is_stored(repository):
    store = PersonalStore(repository.engine)
    store.save_token("conv-1", TOKEN, utc_now() + dt.timedelta(days=7))
    with repository.engine.connect() as connection:
        stored = [tuple(row) for row in connection.execute(text("SELECT * FROM resume_tokens"))]
    assert TOKEN not in repr(stored) and len(stored) == 1
    assert store.use_token("not-the-token-at-all-really") is None
    assert store.use_token(TOKEN) == "conv-1"
    assert store.use_token(TOKEN) is None  # single use


def test_an_expired_link_does_not_work(repository):
    store = PersonalStore(repository.engine)
    store.save_token("conv-1", TOKEN, utc_now() - dt.timedelta(seconds=1))
    assert store.use_token(TOKEN) is None


def test_a_sent_email_leaves_no_address_behind_and_a_failed_one_waits(repository, smtp_server):
    mailbox, smtp = smtp_server
    store = PersonalStore(repository.engine)
    store.queue_email("conv-1", SUMMARY, ADDRESS, "Your pre-screening summary", "The summary.")
    down = SmtpSettings(host="127.0.0.1", port=1, sender=smtp.sender, timeout_seconds=2)
    assert send_pending(store, down).failed == 1
    assert rows(repository, "personal_emails") == 1  # kept for a retry
    report = send_pending(store, smtp)
    assert (report.sent, report.failed) == (1, 0)
    assert [m["to"] for m in mailbox.messages] == [[ADDRESS]]
    assert rows(repository, "personal_emails") == 0


def test_delete_my_data_removes_waiting_emails_and_links(repository):
    store = PersonalStore(repository.engine)
    save_request(repository, conversation_id="conv-1")
    store.queue_email("conv-1", RESUME_LINK, ADDRESS, "Your link", "A link.")
    store.save_token("conv-1", TOKEN, utc_now() + dt.timedelta(days=7))
    store.queue_email("conv-2", SUMMARY, "other@example.com", "Your summary", "Another person's.")
    repository.delete_conversation_data("conv-1")
    assert store.use_token(TOKEN) is None
    assert [e.recipient for e in store.pending()] == ["other@example.com"]
