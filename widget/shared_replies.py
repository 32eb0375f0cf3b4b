"""The answer-once cache in Redis, shared by every replica of the Rasa server.

``widget.replies.RecentReplies`` keeps the replies of recent messages in one
process's memory: behind a load balancer, a resend that reaches the other
replica would be handled a second time. This keeps them in Redis instead, so a
resent message gets the same answer from any replica:

1. ``SET key IN-FLIGHT NX EX <seconds>``: the first request for a message id
   wins and handles it; while it works it renews that short expiry, so if its
   replica dies the claim runs out within seconds and a resend is handled.
2. A resend that finds the claim waits until the replies are stored, then
   returns them; one that finds the key gone (the first attempt failed) claims
   it and handles the message itself.
3. The replies are stored under the same key for ``ttl_seconds`` (an hour by
   default): far longer than any browser keeps retrying.

Keys hold the conversation id and the message id; the value is the widget's
bubbles (what the person was shown), with the same expiry. Chosen by
``REDIS_URL`` (see ``widget.channel``); without it the in-process cache is used.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Awaitable, Callable, Optional, Tuple

from widget.replies import Replies

IN_FLIGHT = b"in-flight"
KEY_PREFIX = "prescreen:replies:"
# Renew the claim only while it is still a claim: a renewal that arrives after the
# replies were stored must not turn them back into "in flight".
RENEW_CLAIM = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('expire', KEYS[1], ARGV[2]) end return 0"


class SharedReplies:
    def __init__(
        self, client: Any, ttl_seconds: int = 3600, claim_seconds: int = 5, poll_seconds: float = 0.02,
        give_up_seconds: float = 120.0,
    ):
        self.redis = client  # a redis.asyncio.Redis
        self.ttl_seconds = ttl_seconds
        self.claim_seconds = claim_seconds
        self.poll_seconds = poll_seconds
        self.give_up_seconds = give_up_seconds

    @classmethod
    def from_url(cls, url: str, ttl_seconds: int = 3600) -> "SharedReplies":
        import redis.asyncio

        return cls(redis.asyncio.Redis.from_url(url, socket_timeout=5), ttl_seconds=ttl_seconds)

    @staticmethod
    def _key(key: Tuple[str, str]) -> str:
        conversation_id, message_id = key
        return f"{KEY_PREFIX}{conversation_id}:{message_id}"

    async def once(self, key: Tuple[str, str], handle: Callable[[], Awaitable[Replies]]) -> Replies:
        """Run ``handle`` the first time ``key`` is seen by any replica; later calls get its replies."""
        name = self._key(key)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.give_up_seconds
        while True:
            if await self.redis.set(name, IN_FLIGHT, nx=True, ex=self.claim_seconds):
                return await self._handle(name, handle)
            stored = await self._wait_for_replies(name, deadline)
            if stored is not None:
                return json.loads(stored)
            # The key vanished: the first attempt failed or its replica died. Claim it again.

    async def _wait_for_replies(self, name: str, deadline: float) -> Optional[bytes]:
        loop = asyncio.get_running_loop()
        while True:
            value = await self.redis.get(name)
            if value is None:
                return None
            if value != IN_FLIGHT:
                return value
            if loop.time() > deadline:
                raise TimeoutError("a resent message is still being handled elsewhere")
            await asyncio.sleep(self.poll_seconds)

    async def _handle(self, name: str, handle: Callable[[], Awaitable[Replies]]) -> Replies:
        renew = asyncio.create_task(self._keep_claim(name))
        try:
            replies = await handle()
        except BaseException:
            renew.cancel()
            await self.redis.delete(name)  # a failed attempt may be tried again with the same id
            raise
        renew.cancel()
        await self.redis.set(name, json.dumps(replies), ex=self.ttl_seconds)
        return replies

    async def _keep_claim(self, name: str) -> None:
        while True:
            await asyncio.sleep(self.claim_seconds / 3)
            await self.redis.eval(RENEW_CLAIM, 1, name, IN_FLIGHT, self.claim_seconds)
