"""The SQL tracker store, with each process remembering the conversations it saved last.

Profiling the Rasa server under load (py-spy, scripts/benchmark.py) showed a
quarter of its time in ``SQLTrackerStore.retrieve``: every message loads the
whole conversation as ORM rows and replays every event to rebuild the tracker,
although this process saved that very tracker a moment before. And saving adds
each new event as an ORM object.

This store keeps the last tracker it saved for each conversation (a few
thousand, least recently used dropped) with the id of the newest stored event.
``retrieve`` asks the database for that id only (one indexed query); when it
matches, nothing changed in between and the kept tracker is handed out; when a
replica elsewhere or a deletion changed the conversation, it is loaded from
the database as before. A tracker is handed out once: it leaves the cache
until it is saved again, so a turn that fails before saving never leaves a
half-changed tracker behind. Saving inserts the new events in one statement,
without counting the stored ones again when the tracker came from memory; a
SQLite file gets a connection pool.

A tracker is kept only when it holds exactly the events the database counts
for the current session, the condition Rasa's own save relies on to know which
events are new. Everything else, forgetting a conversation included, is
``ForgetfulSQLTrackerStore``.
"""

from __future__ import annotations

import json
import threading
from collections import OrderedDict
from typing import Dict, Optional, Text, Tuple

import sqlalchemy as sa
from rasa.shared.core.events import SessionStarted
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY

from actions.tracker_store import ForgetfulSQLTrackerStore, forget_point, use_write_ahead_log, used_contact_form

KEPT_CONVERSATIONS = 5000


class CachedSQLTrackerStore(ForgetfulSQLTrackerStore):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._kept: "OrderedDict[Text, Tuple[int, DialogueStateTracker]]" = OrderedDict()
        # Conversations handed out from memory -> how many of their events are stored.
        self._stored_counts: Dict[Text, int] = {}
        self._kept_lock = threading.Lock()
        if self.engine.dialect.name == "sqlite":
            # SQLAlchemy gives a SQLite file no pool: each of the three sessions of a turn
            # opened, set up (WAL) and closed a connection. Keep a few open instead.
            url = self.engine.url
            self.engine.dispose()
            self.engine = sa.create_engine(
                url, poolclass=sa.pool.QueuePool, pool_size=2, max_overflow=4,
                connect_args={"check_same_thread": False},
            )
            sa.event.listen(self.engine, "connect", use_write_ahead_log)
            self.sessionmaker.configure(bind=self.engine)
        # Asked twice a turn. Written as text, SQLAlchemy does not rebuild the statement's
        # cache key from the ORM columns each time (0.15 ms -> 0.03 ms a query).
        self._newest_event_id_sql = sa.text(
            f"SELECT max(id) FROM {self.SQLEvent.__tablename__} WHERE sender_id = :sender_id"
        )

    def _newest_event_id(self, session, sender_id: Text) -> Optional[int]:
        return session.execute(self._newest_event_id_sql, {"sender_id": sender_id}).scalar()

    async def peek(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        """The conversation as stored, for a look before its turn (the widget's checks).

        It leaves the kept tracker alone: ``retrieve`` hands that out once, to the turn
        that holds the conversation's lock, and a look from outside the lock taking it
        would let two turns count the stored events differently (seen as lost messages
        in the cluster's burst test).
        """
        return await super().retrieve(sender_id)

    async def retrieve(self, sender_id: Text) -> Optional[DialogueStateTracker]:
        with self._kept_lock:
            kept = self._kept.pop(sender_id, None)
            self._stored_counts.pop(sender_id, None)  # known again only if this hands out from memory
        if kept is not None:
            with self.session_scope() as session:
                if self._newest_event_id(session, sender_id) == kept[0]:
                    with self._kept_lock:
                        self._stored_counts[sender_id] = len(kept[1].events)
                    return kept[1]
        return await super().retrieve(sender_id)

    async def save(self, tracker: DialogueStateTracker) -> None:
        with self._kept_lock:
            self._kept.pop(tracker.sender_id, None)
            known_count = self._stored_counts.pop(tracker.sender_id, None)
        if forget_point(tracker) is not None or used_contact_form(tracker):
            # Forgetting, and every conversation that opened the contact form, take the
            # parent's path, which stores the form's messages redacted. Such a tracker is
            # never kept here, so what was typed into the form is never handed out again.
            await super().save(tracker)
            return
        await self.stream_events(tracker)
        with self.session_scope() as session:
            stored = known_count
            if stored is None:
                stored = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            new_events = list(tracker.events)[stored:]
            rows = [self._row(tracker.sender_id, event) for event in new_events]
            if rows:
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
            newest = self._newest_event_id(session, tracker.sender_id)
            if any(isinstance(event, SessionStarted) for event in new_events):
                # A new session: the database decides which events it counts as this session's.
                counted = self._event_query(session, tracker.sender_id, fetch_events_from_all_sessions=False).count()
            else:
                counted = stored + len(rows)
            session.commit()
        if counted == len(tracker.events):
            with self._kept_lock:
                self._kept[tracker.sender_id] = (newest, tracker)
                while len(self._kept) > KEPT_CONVERSATIONS:
                    self._kept.popitem(last=False)

    @staticmethod
    def _row(sender_id: Text, event) -> dict:
        # The same columns as SQLTrackerStore.save writes.
        data = event.as_dict()
        return {
            "sender_id": sender_id,
            "type_name": event.type_name,
            "timestamp": data.get("timestamp"),
            "intent_name": data.get("parse_data", {}).get("intent", {}).get(INTENT_NAME_KEY),
            "action_name": data.get("name"),
            "data": json.dumps(data),
        }
