"""``DialogueStateTracker.applied_events``, continued from where it last stopped.

Rasa 3.6 recomputes a tracker's applied events (its events without the undone
ones) from the first event every time it is asked, and a form makes that
quadratic: each of the form's turns scans the list built so far backwards and
copies it (``_first_loop_execution_or_unhappy_path``,
``_undo_till_previous_loop_execution``). It is asked many times a turn: by each
policy's featurizer, by the session-expiry check and when the tracker is sent
to the action server. Under load it was 16% of the Rasa server's time (py-spy,
``scripts/benchmark.py``).

The events of a tracker only grow by appending, so the result for the first n
events is the start of the result for n + k: this keeps, on the tracker, the
result and where it stopped, and goes on from there with Rasa's own steps. The
one thing decided from *all* events is which actions are loops (``ActiveLoop``
names); when a new event names a new loop, or the events are not the ones
remembered (replaced, or dropped by a maximum history), it starts again from
the first event, as Rasa does. Callers get a new list each time, as before.
"""

from __future__ import annotations

import itertools
from typing import List, Optional, Set

from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    Event,
    Restarted,
    SessionStarted,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker

MEMO_ATTRIBUTE = "_applied_events_memo"


class AppliedEventsMemo:
    """The applied events of a tracker's first ``count`` events."""

    __slots__ = ("count", "first", "last", "loop_names", "applied")

    def __init__(self, count: int, first: Event, last: Event, loop_names: Set[str], applied: List[Event]) -> None:
        self.count = count
        self.first = first
        self.last = last
        self.loop_names = loop_names
        self.applied = applied


def _apply(tracker: DialogueStateTracker, event: Event, applied: List[Event], loop_names: Set[str]) -> None:
    """One step of Rasa 3.6's ``applied_events`` loop, on ``applied`` in place."""
    if isinstance(event, (Restarted, SessionStarted)):
        applied.clear()
    elif isinstance(event, ActionReverted):
        tracker._undo_till_previous(ActionExecuted, applied)
    elif isinstance(event, UserUtteranceReverted):
        tracker._undo_till_previous(UserUttered, applied)
        tracker._undo_till_previous(ActionExecuted, applied)
    elif (
        isinstance(event, ActionExecuted)
        and event.action_name in loop_names
        and not tracker._first_loop_execution_or_unhappy_path(event.action_name, applied)
    ):
        tracker._undo_till_previous_loop_execution(event.action_name, applied)
    else:
        applied.append(event)


def _loop_names(events) -> Set[str]:
    return {event.name for event in events if isinstance(event, ActiveLoop) and event.name}


def _remembered(tracker: DialogueStateTracker) -> Optional[AppliedEventsMemo]:
    memo = tracker.__dict__.get(MEMO_ATTRIBUTE)
    events = tracker.events
    if memo is None or len(events) < memo.count or events[0] is not memo.first or events[memo.count - 1] is not memo.last:
        return None
    return memo


def applied_events(self: DialogueStateTracker) -> List[Event]:
    """Returns all actions that should be applied - w/o reverted events."""
    events = self.events
    if not events:
        return []
    memo = _remembered(self)
    if memo is not None:
        new_events = list(itertools.islice(events, memo.count, None))
        if not _loop_names(new_events) <= memo.loop_names:
            memo = None  # a new loop changes how earlier events read: start again
    if memo is None:
        new_events = list(events)
        memo = AppliedEventsMemo(0, events[0], events[0], _loop_names(new_events), [])
    for event in new_events:
        _apply(self, event, memo.applied, memo.loop_names)
    memo.count, memo.first, memo.last = len(events), events[0], events[-1]
    self.__dict__[MEMO_ATTRIBUTE] = memo
    return list(memo.applied)


def install() -> None:
    DialogueStateTracker.applied_events = applied_events
