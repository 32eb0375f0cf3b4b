"""A failed save of a conversation is raised and reported, never kept in one process's memory."""

from __future__ import annotations

import asyncio
import logging

import pytest
from rasa.core.tracker_store import FailSafeTrackerStore, InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from actions import store_health


class BrokenStore(InMemoryTrackerStore):
    async def save(self, tracker) -> None:
        raise ConnectionError("database gone: Jane O'Neil said 58")


@pytest.fixture
def strict_saves(monkeypatch):
    monkeypatch.setattr(FailSafeTrackerStore, "save", FailSafeTrackerStore.save)  # undone after the test
    monkeypatch.setattr(store_health, "HEALTH", store_health.SaveHealth())
    store_health.install()
    return store_health


def tracker() -> DialogueStateTracker:
    return DialogueStateTracker.from_events("c1", [UserUttered("58")])


def test_a_failed_save_is_raised_logged_and_reported(strict_saves, caplog):
    fallback = InMemoryTrackerStore(Domain.empty())
    store = FailSafeTrackerStore(BrokenStore(Domain.empty()), fallback_tracker_store=fallback)
    with caplog.at_level(logging.ERROR), pytest.raises(ConnectionError):
        asyncio.run(store.save(tracker()))
    assert asyncio.run(fallback.retrieve("c1")) is None  # nothing kept in memory instead
    report = strict_saves.HEALTH.report()
    assert (report["status"], report["failed_saves"], report["last_error"]) == ("failing", 1, "ConnectionError")
    assert "ConnectionError" in caplog.text and "Jane" not in caplog.text and "58" not in caplog.text


def test_a_later_good_save_clears_the_failing_status(strict_saves):
    good = FailSafeTrackerStore(InMemoryTrackerStore(Domain.empty()))
    strict_saves.HEALTH.failed(ConnectionError())
    asyncio.run(good.save(tracker()))
    report = strict_saves.HEALTH.report()
    assert (report["status"], report["failed_saves"]) == ("ok", 1)
