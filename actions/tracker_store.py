"""Rasa's SQL tracker store, plus forgetting a conversation when the person asks.

Conversations are kept in SQL so that they survive a restart of the Rasa server.
When a person says "delete my data", action_delete_my_data sets the slot
``data_deleted``; on the next save this store deletes every stored event of that
conversation and keeps only what came after the request. (The Rasa server loads
this class by its dotted path from the endpoints file.)
"""

from __future__ import annotations

import logging
from typing import Optional

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import SlotSet
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import event

logger = logging.getLogger(__name__)

FORGET_SLOT = "data_deleted"


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
    """
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


class ForgetfulSQLTrackerStore(SQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", use_write_ahead_log)
            self.engine.dispose()  # connections opened before the listener get it too

    async def save(self, tracker: DialogueStateTracker) -> None:
        cut = forget_point(tracker)
        if cut is None:
            await super().save(tracker)
            return
        with self.session_scope() as session:
            session.query(self.SQLEvent).filter(self.SQLEvent.sender_id == tracker.sender_id).delete()
            session.commit()
        kept = list(tracker.events)[cut + 1 :]
        logger.info("conversation history forgotten on request (%d events kept)", len(kept))
        await super().save(DialogueStateTracker.from_events(tracker.sender_id, kept, self.domain.slots))
