"""The answer-once cache in Redis: a message id is handled once, whichever replica gets it."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio

from widget.shared_replies import SharedReplies, replies_to


def replicas(url: str, count: int = 2, **options):
    """Several caches with their own connections, as separate processes would have."""
    return [SharedReplies(redis.asyncio.Redis.from_url(url), **options) for _ in range(count)]


def test_same_message_at_two_replicas_at_once_is_handled_once(redis_url):
    calls = []

    async def handle():
        calls.append(1)
        await asyncio.sleep(0.2)
        return [{"role": "bot", "text": "How old are you?"}]

    async def main():
        first, second = replicas(redis_url)
        return await asyncio.gather(
            first.once(("c1", "m1"), handle), second.once(("c1", "m1"), handle), first.once(("c1", "m1"), handle),
        )

    answers = asyncio.run(main())
    assert len(calls) == 1
    assert answers == [[{"role": "bot", "text": "How old are you?"}]] * 3


def test_a_failed_attempt_can_be_tried_again(redis_url):
    attempts = []

    async def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise ConnectionError("action server down")
        return [{"role": "bot", "text": "ok"}]

    async def main():
        first, second = replicas(redis_url)
        with pytest.raises(ConnectionError):
            await first.once(("c2", "m1"), flaky)
        return await second.once(("c2", "m1"), flaky)

    assert asyncio.run(main()) == [{"role": "bot", "text": "ok"}]
    assert len(attempts) == 2


def dead_claim(cache: SharedReplies, key):
    """What a replica killed while handling a message leaves: its claim, and no heartbeat."""
    name, _ = cache._keys(key)
    return cache.redis.set(name, b"in-flight", ex=600)


def test_a_message_whose_replica_died_before_saving_is_handled_by_another(redis_url):
    async def main():
        (cache,) = replicas(redis_url, count=1, claim_seconds=1)
        await dead_claim(cache, ("c3", "m1"))

        async def handle():
            return [{"role": "bot", "text": "again"}]

        async def not_saved():
            return None

        return await cache.once(("c3", "m1"), handle, not_saved)

    assert asyncio.run(main()) == [{"role": "bot", "text": "again"}]


def test_a_turn_the_dead_replica_saved_is_answered_from_the_stored_conversation(redis_url):
    handled = []

    async def main():
        (cache,) = replicas(redis_url, count=1, claim_seconds=1)
        await dead_claim(cache, ("c6", "m2"))

        async def handle():
            handled.append(1)
            return [{"role": "bot", "text": "asked twice"}]

        async def saved():
            return [{"role": "bot", "text": "How old are you?"}]

        return await cache.once(("c6", "m2"), handle, saved)

    assert asyncio.run(main()) == [{"role": "bot", "text": "How old are you?"}]
    assert handled == []


def test_replies_are_rebuilt_from_the_events_after_the_message_with_that_id():
    events = [
        {"event": "user", "text": "hi", "metadata": {"message_id": "m1"}},
        {"event": "bot", "text": "Hello.", "data": {}},
        {"event": "user", "text": "yes", "metadata": {"message_id": "m2"}},
        {"event": "action", "name": "screening_form"},
        {"event": "bot", "text": "How old are you?", "data": {"custom": {"question_id": "age"}}},
        {"event": "user", "text": "58", "metadata": {"message_id": "m3"}},
    ]
    assert replies_to(events, "m2") == [
        {"role": "bot", "text": "How old are you?", "buttons": [], "custom": {"question_id": "age"}}
    ]
    assert replies_to(events, "m9") is None


def test_a_long_turn_keeps_its_claim(redis_url):
    calls = []

    async def slow():
        calls.append(1)
        await asyncio.sleep(2.5)  # longer than the claim's expiry: it must be renewed
        return [{"role": "bot", "text": "done"}]

    async def main():
        first, second = replicas(redis_url, claim_seconds=1)
        task = asyncio.create_task(first.once(("c4", "m1"), slow))
        await asyncio.sleep(1.6)
        again = await second.once(("c4", "m1"), slow)
        return await task, again

    assert asyncio.run(main()) == ([{"role": "bot", "text": "done"}],) * 2
    assert len(calls) == 1


def test_replies_are_kept_with_an_expiry(redis_url):
    async def main():
        (cache,) = replicas(redis_url, count=1, ttl_seconds=600)

        async def handle():
            return []

        await cache.once(("c5", "m1"), handle)
        name, alive = cache._keys(("c5", "m1"))
        return await cache.redis.ttl(name), await cache.redis.exists(alive)

    ttl, heartbeat_left = asyncio.run(main())
    assert 590 < ttl <= 600 and heartbeat_left == 0
