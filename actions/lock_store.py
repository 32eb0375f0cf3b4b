"""A Redis lock store that is atomic across Rasa replicas.

Rasa serialises the messages of one conversation with a ticket lock. Its stock
``RedisLockStore`` (Rasa 3.6) reads the lock, changes it in Python and writes it
back in separate commands, so two replicas handling the same conversation at
the same moment can both take ticket 0 and both believe they hold the lock
(RasaHQ/rasa#9213). This subclass does every read-modify-write (issue a ticket,
drop expired tickets, finish a ticket and remove the lock when no one waits) in
one Redis transaction: WATCH the key, compute, then MULTI/EXEC; if another
replica changed the key in between, EXEC fails and the step is done again.

The lock key also gets a Redis expiry just after its last ticket's, so a lock
left by a replica that died disappears by itself.

``endpoints.yml`` (``scripts/servers.sh`` writes it from ``REDIS_URL``):

    lock_store:
      type: actions.lock_store.AtomicRedisLockStore
      url: "redis://127.0.0.1:6379/1"
      lock_lifetime: 20      # seconds a turn may hold a conversation (LOCK_LIFETIME_SECONDS)
      wait_seconds: 0.02     # how often a waiting message looks again (Rasa's default: 1 s)
"""

from __future__ import annotations

import json
import logging
import math
import time
from contextlib import asynccontextmanager
from typing import Any, AsyncGenerator, Callable, Optional, Text

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig

logger = logging.getLogger(__name__)

DEFAULT_LOCK_LIFETIME_SECONDS = 60.0
DEFAULT_WAIT_SECONDS = 0.02
KEY_PREFIX = "prescreen:lock:"


class AtomicRedisLockStore(RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, client: Any = None) -> None:
        import redis

        settings = dict(endpoint_config.kwargs) if endpoint_config else {}
        url = endpoint_config.url if endpoint_config and endpoint_config.url else "redis://127.0.0.1:6379/1"
        self.red = client or redis.Redis.from_url(url, socket_timeout=float(settings.get("socket_timeout", 5)))
        self.key_prefix = KEY_PREFIX
        self.lock_lifetime = float(settings.get("lock_lifetime", DEFAULT_LOCK_LIFETIME_SECONDS))
        self.wait_seconds = float(settings.get("wait_seconds", DEFAULT_WAIT_SECONDS))
        # LockStore.__init__ has no state to set up; RedisLockStore.__init__ would open its own client.

    def _key(self, conversation_id: Text) -> Text:
        return self.key_prefix + conversation_id

    def _change(self, conversation_id: Text, change: Callable[[TicketLock], Any]) -> Any:
        """Apply ``change`` to the stored lock (a new one if none) in one transaction.

        ``change`` edits the lock in place and returns a result. A lock left with
        tickets is saved, with a Redis expiry just after its last ticket's; an
        empty one is deleted."""
        key = self._key(conversation_id)
        outcome = {}

        def transaction(pipe) -> None:
            stored = pipe.get(key)
            lock = TicketLock.from_dict(json.loads(stored)) if stored else self.create_lock(conversation_id)
            result = change(lock)
            pipe.multi()
            if lock.tickets:
                expires_in = max(ticket.expires for ticket in lock.tickets) - time.time()
                pipe.set(key, lock.dumps(), px=max(1, math.ceil(expires_in * 1000)) + 1000)
            else:
                pipe.delete(key)
            outcome["result"] = result

        self.red.transaction(transaction, key)
        return outcome.get("result")

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = DEFAULT_LOCK_LIFETIME_SECONDS) -> int:
        try:
            return self._change(conversation_id, lambda lock: lock.issue_ticket(lock_lifetime))
        except Exception as error:
            raise LockError(f"Error while acquiring lock. Error:\n{error}") from error

    def update_lock(self, conversation_id: Text) -> None:
        self._change(conversation_id, lambda lock: lock.remove_expired_tickets())

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._change(conversation_id, lambda lock: lock.remove_ticket_for(ticket_number))

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        """Finish the ticket; the lock is deleted in the same step when no one waits."""
        self.finish_serving(conversation_id, ticket_number)

    @asynccontextmanager
    async def lock(
        self, conversation_id: Text, lock_lifetime: Optional[float] = None, wait_time_in_seconds: Optional[float] = None
    ) -> AsyncGenerator[TicketLock, None]:
        """Rasa calls this without arguments; the endpoint's settings decide."""
        lifetime = self.lock_lifetime if lock_lifetime is None else lock_lifetime
        ticket = self.issue_ticket(conversation_id, lifetime)
        try:
            yield await self._acquire_lock(conversation_id, ticket, self.wait_seconds)
        finally:
            self.cleanup(conversation_id, ticket)
