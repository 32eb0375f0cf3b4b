"""The answer-once cache in Redis: a message id is handled once, whichever replica gets it."""

from __future__ import annotations

import asyncio

import pytest
import redis.asyncio

from widget.shared_replies import SharedReplies


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


def test_a_claim_left_by_a_dead_replica_runs_out(redis_url):
    async def main():
        (cache,) = replicas(redis_url, count=1, claim_seconds=1)
        await cache.redis.set("prescreen:replies:c3:m1", b"in-flight", ex=1)  # the claimer was killed
        started = asyncio.get_running_loop().time()

        async def handle():
            return [{"role": "bot", "text": "again"}]

        replies = await cache.once(("c3", "m1"), handle)
        return replies, asyncio.get_running_loop().time() - started

    replies, waited = asyncio.run(main())
    assert replies == [{"role": "bot", "text": "again"}]
    assert waited < 3


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
        return await cache.redis.ttl("prescreen:replies:c5:m1")

    assert 590 < asyncio.run(main()) <= 600
