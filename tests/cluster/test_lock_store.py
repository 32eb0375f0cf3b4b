"""The Redis lock store is atomic: many clients taking tickets at once never share one."""

from __future__ import annotations

import asyncio
import threading

import redis
from rasa.utils.endpoints import EndpointConfig

from actions.lock_store import AtomicRedisLockStore
from rasa.core.lock_store import RedisLockStore


def store(url: str, **settings) -> AtomicRedisLockStore:
    return AtomicRedisLockStore(EndpointConfig(url=url, type="actions.lock_store.AtomicRedisLockStore", **settings))


def take_tickets_at_once(make_store, conversation_id: str, clients: int = 8, each: int = 25) -> list:
    """Every client has its own connection (as separate replicas do) and starts at the same moment."""
    tickets, barrier = [], threading.Barrier(clients)
    guard = threading.Lock()

    def client() -> None:
        lock_store = make_store()
        barrier.wait()
        for _ in range(each):
            ticket = lock_store.issue_ticket(conversation_id, 30)
            with guard:
                tickets.append(ticket)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tickets


def test_tickets_issued_at_once_are_all_different(redis_url):
    tickets = take_tickets_at_once(lambda: store(redis_url), "c-atomic")
    assert sorted(tickets) == list(range(200))


def test_the_stock_store_hands_out_the_same_ticket_twice(redis_url):
    # Why the subclass exists: the same race on Rasa's RedisLockStore loses tickets.
    host, port = "127.0.0.1", int(redis_url.rsplit(":", 1)[1].split("/")[0])
    tickets = take_tickets_at_once(lambda: RedisLockStore(host=host, port=port, db=0), "c-stock")
    assert len(set(tickets)) < len(tickets)


def test_lock_serves_in_order_and_is_removed_after_the_last(redis_url):
    lock_store = store(redis_url, wait_seconds=0.01)
    order = []

    async def turn(name: str, delay: float) -> None:
        await asyncio.sleep(delay)
        async with lock_store.lock("c-order"):
            order.append(f"{name} in")
            await asyncio.sleep(0.05)
            order.append(f"{name} out")

    async def main() -> None:
        await asyncio.gather(turn("a", 0), turn("b", 0.01), turn("c", 0.02))

    asyncio.run(main())
    assert order == ["a in", "a out", "b in", "b out", "c in", "c out"]
    assert lock_store.get_lock("c-order") is None


def test_lock_key_expires_when_its_holder_dies(redis_url):
    lock_store = store(redis_url)
    lock_store.issue_ticket("c-dead", 1)  # a replica takes a ticket and is killed
    ttl_ms = redis.Redis.from_url(redis_url).pttl(lock_store.key_prefix + "c-dead")
    assert 0 < ttl_ms <= 2000


def test_lock_lifetime_comes_from_the_endpoint_settings(redis_url):
    lock_store = store(redis_url, lock_lifetime=7, wait_seconds=0.01)

    async def hold() -> float:
        async with lock_store.lock("c-life") as lock:
            return lock.tickets[0].expires

    import time

    expires = asyncio.run(hold())
    assert 6 < expires - time.time() <= 7
