"""The cached SQL tracker store stores exactly what Rasa's store stores, and never serves a stale tracker."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

from rasa.shared.core.events import ActionExecuted, BotUttered, SessionStarted, SlotSet, UserUttered

from actions.cached_tracker_store import CachedSQLTrackerStore
from actions.tracker_store import ForgetfulSQLTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker
from tests.test_tracker_store import DOMAIN


def make(kind, path: Path):
    return kind(domain=DOMAIN, dialect="sqlite", db=str(path))


def stored_rows(path: Path, sender: str) -> list:
    with sqlite3.connect(path) as connection:
        return connection.execute(
            "SELECT type_name, intent_name, action_name, data FROM events WHERE sender_id = ? ORDER BY id", (sender,)
        ).fetchall()


def turn(store, sender: str, text: str) -> DialogueStateTracker:
    """What Rasa does with one message: retrieve (or start), add the turn's events, save."""
    tracker = asyncio.run(store.retrieve(sender))
    if tracker is None:
        tracker = DialogueStateTracker(sender, DOMAIN.slots)
        for event in (ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen")):
            time.sleep(0.001)  # distinct timestamps, as in a real session start
            tracker.update(event)
    for event in (UserUttered(text, {"name": "inform", "confidence": 1.0}), BotUttered(f"you said {text}"),
                  ActionExecuted("action_listen")):
        tracker.update(event)
    asyncio.run(store.save(tracker))
    return tracker


def test_stores_the_same_events_as_rasas_store_over_many_turns(tmp_path):
    plain, cached = make(ForgetfulSQLTrackerStore, tmp_path / "a.db"), make(CachedSQLTrackerStore, tmp_path / "b.db")
    for text in ["hi", "yes", "58", "no", "not sure"]:
        turn(plain, "c1", text)
        turn(cached, "c1", text)
    plain_rows = [row[:3] for row in stored_rows(tmp_path / "a.db", "c1")]
    assert plain_rows == [row[:3] for row in stored_rows(tmp_path / "b.db", "c1")]
    assert [r for r in plain_rows if r[0] == "user"] == [("user", "inform", None)] * 5
    assert len(plain_rows) == 3 + 5 * 3


def test_a_saved_conversation_is_served_from_memory_without_reloading(tmp_path, monkeypatch):
    store = make(CachedSQLTrackerStore, tmp_path / "c.db")
    turn(store, "c2", "hi")
    second = turn(store, "c2", "yes")  # loaded from the database (the first save is never kept)

    async def no_reload(self, sender_id):
        raise AssertionError("loaded from the database")

    monkeypatch.setattr(ForgetfulSQLTrackerStore, "retrieve", no_reload)
    assert asyncio.run(store.retrieve("c2")) is second


def test_a_conversation_changed_by_another_replica_is_loaded_again(tmp_path):
    path = tmp_path / "d.db"
    here, elsewhere = make(CachedSQLTrackerStore, path), make(CachedSQLTrackerStore, path)
    turn(here, "c3", "hi")
    turn(here, "c3", "yes")
    turn(elsewhere, "c3", "58")  # the other replica answers the next message
    tracker = asyncio.run(here.retrieve("c3"))
    assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["hi", "yes", "58"]


def test_a_turn_that_failed_before_saving_leaves_no_trace(tmp_path):
    store = make(CachedSQLTrackerStore, tmp_path / "e.db")
    turn(store, "c4", "hi")
    turn(store, "c4", "yes")
    handed_out = asyncio.run(store.retrieve("c4"))
    handed_out.update(UserUttered("never saved"))  # the turn then fails
    again = asyncio.run(store.retrieve("c4"))
    assert again is not handed_out
    assert [e.text for e in again.events if isinstance(e, UserUttered)] == ["hi", "yes"]


def test_forgetting_still_works(tmp_path):
    store = make(CachedSQLTrackerStore, tmp_path / "f.db")
    turn(store, "c5", "hi")
    tracker = turn(store, "c5", "my email")
    tracker.update(SlotSet("data_deleted", True))
    tracker.update(ActionExecuted("action_listen"))
    asyncio.run(store.save(tracker))
    assert [row[0] for row in stored_rows(tmp_path / "f.db", "c5")] == ["action"]


def test_a_failed_turn_then_a_reload_counts_the_stored_events_again(tmp_path):
    path = tmp_path / "g.db"
    here, elsewhere = make(CachedSQLTrackerStore, path), make(CachedSQLTrackerStore, path)
    turn(here, "c6", "hi")
    turn(here, "c6", "yes")
    asyncio.run(here.retrieve("c6"))  # handed out from memory; that turn fails before saving
    turn(elsewhere, "c6", "58")
    turn(here, "c6", "no")  # loaded again: the events stored meanwhile are not written twice
    assert [row[1] for row in stored_rows(path, "c6") if row[0] == "user"] == ["inform"] * 4
    assert len(stored_rows(path, "c6")) == 3 + 4 * 3
