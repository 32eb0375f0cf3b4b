"""The SQL tracker store: WAL mode on SQLite and forgetting on request."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.tracker_store import ForgetfulSQLTrackerStore

DOMAIN = Domain.from_yaml(
    """
version: "3.1"
slots:
  data_deleted:
    type: bool
    influence_conversation: false
    mappings: [{type: custom}]
  email:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
"""
)


@pytest.fixture
def store(tmp_path: Path) -> ForgetfulSQLTrackerStore:
    return ForgetfulSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "conversations.db"))


def saved_events(store: ForgetfulSQLTrackerStore, sender: str) -> list:
    tracker = asyncio.run(store.retrieve(sender))
    return [] if tracker is None else list(tracker.events)


def test_sqlite_file_uses_write_ahead_log(store: ForgetfulSQLTrackerStore, tmp_path: Path) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events("a", [UserUttered("hi")], DOMAIN.slots)))
    with sqlite3.connect(tmp_path / "conversations.db") as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_history_is_kept_without_a_delete_request(store: ForgetfulSQLTrackerStore) -> None:
    events = [UserUttered("my email is ann@example.com"), SlotSet("email", "ann@example.com")]
    asyncio.run(store.save(DialogueStateTracker.from_events("a", events, DOMAIN.slots)))
    assert [type(event) for event in saved_events(store, "a")] == [UserUttered, SlotSet]


def test_delete_request_forgets_everything_before_it(store: ForgetfulSQLTrackerStore) -> None:
    before = [UserUttered("my email is ann@example.com"), SlotSet("email", "ann@example.com")]
    asyncio.run(store.save(DialogueStateTracker.from_events("a", before, DOMAIN.slots)))
    after = [*before, SlotSet("email", None), SlotSet("data_deleted", True), ActionExecuted("action_listen")]
    asyncio.run(store.save(DialogueStateTracker.from_events("a", after, DOMAIN.slots)))

    kept = saved_events(store, "a")
    assert [type(event) for event in kept] == [ActionExecuted]
    assert "ann@example.com" not in repr([event.as_dict() for event in kept])


def test_forgetting_one_conversation_leaves_others(store: ForgetfulSQLTrackerStore) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events("a", [UserUttered("a says hi")], DOMAIN.slots)))
    asyncio.run(store.save(DialogueStateTracker.from_events("b", [UserUttered("b says hi")], DOMAIN.slots)))
    asyncio.run(
        store.save(
            DialogueStateTracker.from_events("a", [UserUttered("a says hi"), SlotSet("data_deleted", True)], DOMAIN.slots)
        )
    )
    assert saved_events(store, "a") == []
    assert [event.text for event in saved_events(store, "b")] == ["b says hi"]
