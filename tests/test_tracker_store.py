"""The SQL tracker store: WAL mode on SQLite, forgetting on request, contact details
redacted, owner-only files, and a loud failure when the store cannot be opened."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, ActiveLoop, BotUttered, SlotSet, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions.tracker_store import ForgetfulSQLTrackerStore, TrackerStoreUnavailable

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
  first_name:
    type: text
    influence_conversation: false
    mappings: [{type: custom}]
  requested_slot:
    type: any
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


def contact_form_turns() -> list:
    """A contact form that asked for a first name and an e-mail, then read them back."""
    return [
        ActiveLoop("contact_form"),
        SlotSet("requested_slot", "first_name"),
        UserUttered("Zelda", metadata={"shown": "Zelda"}),
        SlotSet("first_name", "Zelda"),
        SlotSet("requested_slot", "email"),
        UserUttered("my mail is zelda.quux@example.org"),
        SlotSet("email", "zelda.quux@example.org"),
        BotUttered("- First name: Zelda\n- Email: zelda.quux@example.org", {"custom": {"read_back": True}}),
    ]


def stored_bytes(folder: Path) -> bytes:
    return b"".join(path.read_bytes() for path in folder.glob("conversations.db*"))


def test_typed_contact_details_are_stored_redacted_at_once(store: ForgetfulSQLTrackerStore) -> None:
    asyncio.run(store.save(DialogueStateTracker.from_events("a", contact_form_turns(), DOMAIN.slots)))
    typed = [event for event in saved_events(store, "a") if isinstance(event, UserUttered)]
    assert [event.text for event in typed] == ["[contact detail]", "[contact detail]"]
    assert typed[0].metadata == {"shown": "[contact detail]"}
    # While the form is open, its slots keep the values (the read-back and the request need them).
    assert asyncio.run(store.retrieve("a")).get_slot("email") == "zelda.quux@example.org"


def test_no_contact_detail_is_left_on_disk_once_the_form_is_over(store, tmp_path: Path) -> None:
    turns = contact_form_turns()
    asyncio.run(store.save(DialogueStateTracker.from_events("a", turns, DOMAIN.slots)))
    assert b"zelda.quux@example.org" in stored_bytes(tmp_path)  # the scan can see it
    over = [*turns, SlotSet("first_name", None), SlotSet("email", None), ActiveLoop(None)]
    asyncio.run(store.save(DialogueStateTracker.from_events("a", over, DOMAIN.slots)))

    assert b"zelda.quux" not in stored_bytes(tmp_path)
    assert b"Zelda" not in stored_bytes(tmp_path)
    kept = asyncio.run(store.retrieve("a"))
    assert kept.get_slot("email") is None and kept.get_slot("first_name") is None
    read_back = [event for event in kept.events if isinstance(event, BotUttered)]
    assert "[Your contact details were shown here." in read_back[0].text


def test_files_are_created_owner_only_in_a_new_folder(tmp_path: Path) -> None:
    path = tmp_path / "fresh" / "var" / "conversations.db"
    ForgetfulSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(path))
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert path.stat().st_mode & 0o777 == 0o600


def test_a_store_that_cannot_be_opened_stops_the_start(tmp_path: Path) -> None:
    (tmp_path / "not-a-folder").write_text("")
    with pytest.raises(TrackerStoreUnavailable, match="conversation store"):
        ForgetfulSQLTrackerStore(domain=DOMAIN, dialect="sqlite", db=str(tmp_path / "not-a-folder" / "c.db"))
