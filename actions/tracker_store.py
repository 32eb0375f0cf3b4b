"""Rasa's SQL tracker store, made safe for people's details (the Rasa server loads
this class by its dotted path from the endpoints file).

- **Forgetting.** When a person says "delete my data" or "stop",
  the action sets the slot ``data_deleted``; on the next save this store deletes
  every stored event of that conversation and keeps only what came after.
- **No contact details kept.** Messages typed into the contact form and the
  read-back of the details are stored as "[contact detail]"; the form's slots
  hold the details sealed (``actions/sealed_slots.py``), and once the form is
  over even those slot events are rewritten as "[contact detail]"
  (``actions/redaction.py``). Deleted and rewritten rows are overwritten on disk
  (SQLite's secure_delete) and the write-ahead log is emptied after each rewrite.
- **Fails loudly.** A relative SQLite path is taken from the project root, its
  folder and file are created owner-only, and a store that cannot be opened
  stops the server at start, instead of Rasa's silent fall-back to memory.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import ActiveLoop, SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY
from sqlalchemy import event

from actions.action_token import send_action_token
from actions.redaction import (
    CONTACT_FORM,
    form_is_over,
    redact_after_form,
    redact_user_event,
    typed_contact_details,
)
from bot.handoff.contact import CONTACT_FIELDS
from bot.storage.database import create_private_file
from bot.log_privacy import install_log_privacy
from bot.settings import PROJECT_ROOT

logger = logging.getLogger(__name__)

FORGET_SLOT = "data_deleted"

# The Rasa server imports this module before it creates its agent.
send_action_token()
install_log_privacy()


class TrackerStoreUnavailable(RuntimeError):
    """The conversation store cannot be used: the server must not start with memory instead."""


def forget_point(tracker: DialogueStateTracker) -> Optional[int]:
    """Index of the last event that asked to forget the conversation, if any."""
    for index in range(len(tracker.events) - 1, -1, -1):
        candidate = tracker.events[index]
        if isinstance(candidate, SlotSet) and candidate.key == FORGET_SLOT and candidate.value is True:
            return index
    return None


def use_write_ahead_log(dbapi_connection, _connection_record) -> None:
    """SQLite settings for a file written on every turn of every conversation.

    In WAL mode readers do not block the writer, and with synchronous=NORMAL a
    commit no longer waits for the disk twice. A crash of the server loses
    nothing; only a power cut may lose the last few turns, never corrupt the file.
    secure_delete overwrites what a deletion or a rewrite removes.
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _sqlite_path(dialect: str, db: Any) -> Optional[str]:
    """The absolute path of a SQLite file (created owner-only), or None for other databases."""
    if dialect != "sqlite" or not db or str(db) == ":memory:":
        return None
    path = Path(str(db)).expanduser()
    path = path if path.is_absolute() else PROJECT_ROOT / path
    try:
        create_private_file(path)
    except OSError as error:
        raise TrackerStoreUnavailable(f"cannot create the conversation store {path}: {error.strerror}") from None
    return str(path)


def used_contact_form(tracker: DialogueStateTracker) -> bool:
    """Cheap first look, so that turns of a screening pay nothing for the redaction."""
    return any(isinstance(item, ActiveLoop) and item.name == CONTACT_FORM for item in tracker.events)


def _has_details(tracker: DialogueStateTracker) -> bool:
    for item in tracker.events:
        if isinstance(item, SlotSet) and redact_after_form(item.as_dict()) is not None:
            return True
    return any(redact_after_form(item.as_dict()) is not None for item in tracker.events if item.type_name == "bot")


class ForgetfulSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args, dialect: str = "sqlite", db: Any = "rasa.db", **kwargs) -> None:
        db = _sqlite_path(dialect, db) or db
        super().__init__(*args, dialect=dialect, db=db, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", use_write_ahead_log)
            self.engine.dispose()  # connections opened before the listener get it too
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT count(*) FROM events")
        except Exception as error:  # noqa: BLE001 - any failure here must stop the start
            raise TrackerStoreUnavailable(
                f"the conversation store cannot be opened ({type(error).__name__}); "
                "check TRACKER_STORE_* in .env and that the database is running"
            ) from None

    async def save(self, tracker: DialogueStateTracker) -> None:
        cut = forget_point(tracker)
        if cut is not None:
            with self.session_scope() as session:
                session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id).delete()
                session.commit()
            kept = list(tracker.events)[cut + 1 :]
            logger.info("conversation history forgotten on request (%d events kept)", len(kept))
            tracker = DialogueStateTracker.from_events(tracker.sender_id, kept, self.domain.slots)
            self._insert_new_events(tracker)
            self._empty_write_ahead_log()
            return
        self._insert_new_events(tracker)
        active_loop = tracker.active_loop_name
        slots = {field: tracker.get_slot(field) for field in CONTACT_FIELDS}
        if form_is_over(active_loop, slots) and used_contact_form(tracker) and _has_details(tracker):
            self._redact_stored_details(tracker.sender_id)

    def _insert_new_events(self, tracker: DialogueStateTracker) -> None:
        """SQLTrackerStore.save, with the messages typed into the contact form stored redacted."""
        used_form = used_contact_form(tracker)
        typed = set()
        if used_form:
            events = list(tracker.events)
            typed = {id(events[index]) for index in typed_contact_details([e.as_dict() for e in events])}
        with self.session_scope() as session:
            for item in self._additional_events(session, tracker):
                data = item.as_dict()
                if id(item) in typed:
                    data = redact_user_event(data)
                elif used_form and item.type_name == "bot":
                    data = redact_after_form(data) or data  # the read-back: the person has seen it
                session.add(
                    self.SQLEvent(
                        sender_id=tracker.sender_id,
                        type_name=item.type_name,
                        timestamp=data.get("timestamp"),
                        intent_name=(data.get("parse_data") or {}).get("intent", {}).get(INTENT_NAME_KEY),
                        action_name=data.get("name"),
                        data=json.dumps(data),
                    )
                )
            session.commit()

    def _redact_stored_details(self, sender_id: str) -> None:
        with self.session_scope() as session:
            rows = (
                session.query(self.SQLEvent)
                .filter(self.SQLEvent.sender_id == sender_id, self.SQLEvent.type_name.in_(("slot", "bot")))
                .all()
            )
            changed = 0
            for row in rows:
                redacted = redact_after_form(json.loads(row.data))
                if redacted is not None:
                    row.data = json.dumps(redacted)
                    changed += 1
            session.commit()
        logger.info("contact details removed from a stored conversation (%d events)", changed)
        self._empty_write_ahead_log()

    def _empty_write_ahead_log(self) -> None:
        """Copy the log into the database file and truncate it, so the old rows are nowhere on disk."""
        if self.engine.dialect.name != "sqlite":
            return
        with self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

