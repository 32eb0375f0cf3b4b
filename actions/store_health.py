"""A failed save of a conversation is an error the operator sees, never a silent fall-back.

Rasa 3.6 wraps every tracker store in ``FailSafeTrackerStore``, which, when a
save fails, logs it and keeps the conversation in that process's memory
instead. With one server that hides an outage; behind several replicas it
splits a conversation in two (the next message may reach a replica that never
saw it). ``install()`` (called by ``scripts/rasa_cli.py``) replaces that save:
the error is logged with its type, counted, and raised, so the person's message
fails visibly (the widget says so and resends it) and nothing is kept only in
memory. ``GET /widget/health`` reports the count and answers 503 while the
last save failed, so a load balancer stops sending people to that replica.
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass
from typing import Dict, Optional

from rasa.core.tracker_store import FailSafeTrackerStore
from rasa.shared.core.trackers import DialogueStateTracker

logger = logging.getLogger(__name__)


@dataclass
class SaveHealth:
    """What this process knows about saving conversations."""

    failures: int = 0
    last_error: Optional[str] = None
    last_failure_at: Optional[float] = None
    last_failed: bool = False

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def saved(self) -> None:
        with self._lock:
            self.last_failed = False

    def failed(self, error: BaseException) -> None:
        with self._lock:
            self.failures += 1
            self.last_error = type(error).__name__
            self.last_failure_at = time.time()
            self.last_failed = True

    def report(self) -> Dict[str, object]:
        with self._lock:
            return {
                "status": "failing" if self.last_failed else "ok",
                "failed_saves": self.failures,
                "last_error": self.last_error,
                "last_failure_at": self.last_failure_at,
            }


HEALTH = SaveHealth()


async def save_or_raise(self: FailSafeTrackerStore, tracker: DialogueStateTracker) -> None:
    try:
        await self._tracker_store.save(tracker)
    except Exception as error:
        HEALTH.failed(error)
        # The type only: the message of a database error can quote what was being saved.
        logger.error(
            "saving a conversation to %s failed (%s); the message is refused, not kept in memory",
            type(self._tracker_store).__name__, type(error).__name__,
        )
        raise
    HEALTH.saved()


def install() -> None:
    FailSafeTrackerStore.save = save_or_raise
