"""The answer-once cache in Redis, shared by every replica of the Rasa server.

``widget.replies.RecentReplies`` keeps the replies of recent messages in one
process's memory: behind a load balancer, a resend that reaches the other
replica would be handled a second time. This keeps them in Redis instead, so a
resent message gets the same answer from any replica:

1. The first request for a message id claims it (``SET key in-flight NX``, in a
   Lua script with a short "alive" key beside it) and handles it; while it
   works it renews the "alive" key every few seconds.
2. A resend that finds the claim waits until the replies are stored under the
   key, then returns them. One that finds the key gone (the first attempt
   failed and let go) claims it and handles the message itself.
3. One that finds the claim but no "alive" key knows the claimer's replica
   died. It takes the message over (``SET alive NX``: one replica wins), and
   first asks ``recover``: if the dead replica saved the turn before dying,
   the replies are rebuilt from the stored conversation instead of handling
   the message a second time.
4. Replies are kept for ``ttl_seconds`` (an hour by default): far longer than
   any browser keeps retrying.

Keys hold the conversation id and the message id; the value is the widget's
bubbles (what the person was shown), with the same expiry. Chosen by
``REDIS_URL`` (see ``widget.channel``); without it the in-process cache is used.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Awaitable, Callable, List, Mapping, Optional, Tuple

from widget.replies import Replies
from widget.transcript import bubbles_from_events

IN_FLIGHT = b"in-flight"
KEY_PREFIX = "prescreen:replies:"
# Claim a message in one step: the claim itself (kept as long as replies are) and the
# claimer's heartbeat (a few seconds, renewed while it works).
CLAIM = """
if redis.call('set', KEYS[1], ARGV[1], 'NX', 'EX', ARGV[2]) then
  redis.call('set', KEYS[2], '1', 'EX', ARGV[3])
  return 1
end
return 0
"""

Recover = Callable[[], Awaitable[Optional[Replies]]]
MESSAGE_ID_KEY = "message_id"  # in a user event's metadata (widget.channel puts it there)


def replies_to(events: List[Mapping[str, Any]], message_id: str) -> Optional[Replies]:
    """The bubbles that answered the stored message with this id; None if it was never saved."""
    for index, event in enumerate(events):
        if event.get("event") == "user" and (event.get("metadata") or {}).get(MESSAGE_ID_KEY) == message_id:
            answer = []
            for later in events[index + 1:]:
                if later.get("event") == "user":
                    break
                answer.append(later)
            return bubbles_from_events(answer)
    return None


class SharedReplies:
    def __init__(
        self, client: Any, ttl_seconds: int = 3600, claim_seconds: int = 6, poll_seconds: float = 0.02,
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
    def _keys(key: Tuple[str, str]) -> Tuple[str, str]:
        conversation_id, message_id = key
        name = f"{KEY_PREFIX}{conversation_id}:{message_id}"
        return name, name + ":alive"

    async def once(
        self, key: Tuple[str, str], handle: Callable[[], Awaitable[Replies]], recover: Optional[Recover] = None,
    ) -> Replies:
        """Run ``handle`` the first time ``key`` is seen by any replica; later calls get its replies.

        ``recover`` is called instead when a replica died while handling the
        message: it returns the replies if that replica got as far as saving the
        turn (None if not, and the message is handled)."""
        name, alive = self._keys(key)
        deadline = asyncio.get_running_loop().time() + self.give_up_seconds
        while True:
            if await self.redis.eval(CLAIM, 2, name, alive, IN_FLIGHT, self.ttl_seconds, self.claim_seconds):
                return await self._handle(name, alive, handle)
            value = await self.redis.get(name)
            if value is None:
                continue  # the first attempt failed and let go: claim it
            if value != IN_FLIGHT:
                return json.loads(value)
            if await self.redis.set(alive, b"1", nx=True, ex=self.claim_seconds):
                # Its claimer died (no heartbeat): take the message over.
                return await self._handle(name, alive, handle, recover)
            if asyncio.get_running_loop().time() > deadline:
                raise TimeoutError("a resent message is still being handled elsewhere")
            await asyncio.sleep(self.poll_seconds)

    async def _handle(
        self, name: str, alive: str, handle: Callable[[], Awaitable[Replies]], recover: Optional[Recover] = None,
    ) -> Replies:
        heartbeat = asyncio.create_task(self._beat(alive))
        try:
            replies = await recover() if recover is not None else None
            if replies is None:
                replies = await handle()
        except BaseException:
            heartbeat.cancel()
            await self.redis.delete(name, alive)  # a failed attempt may be tried again with the same id
            raise
        heartbeat.cancel()
        async with self.redis.pipeline(transaction=True) as pipe:
            await pipe.set(name, json.dumps(replies), ex=self.ttl_seconds).delete(alive).execute()
        return replies

    async def _beat(self, alive: str) -> None:
        while True:
            await asyncio.sleep(self.claim_seconds / 3)
            await self.redis.expire(alive, self.claim_seconds)
