"""Two Rasa replicas behind HAProxy, with Redis locks and PostgreSQL: nothing lost or answered twice.

One cluster (scripts/cluster.py, what `make cluster` runs) serves every test in
this file. Events are read back from the conversations' PostgreSQL database. The
failover test kills a replica, so it comes last.
"""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import List, Optional, Tuple

import sqlalchemy as sa

# What a patient with a likely match answers (question id -> what they type or press).
SCREENING = {
    "npc_recurrent_metastatic": "yes", "age": "58", "chemo_lines": "2 lines", "platinum_chemo": "yep",
    "pd1_therapy": '/inform{"answer": "yes"}', "daily_activity": "light housework only",
    "last_treatment_days": "about 6 weeks ago", "side_effects_more_than_mild": "no",
    "measurable_lesion": "not sure", "npc_health_screen": "no", "other_cancer": "none",
    "npc_recent_medicines": "no", "tissue_sample": "yes", "pregnant_or_breastfeeding": "no",
    "contraception": "does not apply",
}


def post_json(url: str, body: dict, timeout: float = 90) -> Tuple[int, dict]:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, {}


def widget_message(base_url: str, conversation_id: str, text: str, message_id: Optional[str] = None) -> Tuple[int, list]:
    status, body = post_json(f"{base_url}/widget/message", {
        "conversation_id": conversation_id, "message": text, "message_id": message_id or uuid.uuid4().hex,
    })
    return status, body.get("messages", [])


def stored_events(cluster, conversation_id: str) -> List[dict]:
    engine = sa.create_engine(cluster.tracker_database_url.replace("postgresql+psycopg2", "postgresql"))
    try:
        with engine.connect() as connection:
            rows = connection.execute(
                sa.text("SELECT data FROM events WHERE sender_id = :id ORDER BY id"), {"id": conversation_id}
            ).fetchall()
    finally:
        engine.dispose()
    return [json.loads(data) for (data,) in rows]


def turn_pattern(events: List[dict]) -> str:
    """U for a person's message, L for the bot listening again; the other events left out."""
    marks = []
    for event in events:
        if event["event"] == "user":
            marks.append("U")
        elif event["event"] == "action" and event.get("name") == "action_listen":
            marks.append("L")
    return "".join(marks).lstrip("L")  # the session start listens once before the first message


def all_at_once(calls) -> list:
    """Run the calls in threads released at the same moment; their results in order."""
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def burst(urls: List[str]) -> Tuple[str, list]:
    """One conversation sends four messages at once (to ``urls`` in turn)."""
    conversation_id = uuid.uuid4().hex
    texts = ["hi", "hello", "what is this?", "hi there"]
    statuses = all_at_once([
        (lambda i=i: widget_message(urls[i % len(urls)], conversation_id, texts[i])[0]) for i in range(4)
    ])
    return conversation_id, statuses


def check_bursts(cluster, conversations: int, urls: List[str]) -> None:
    with ThreadPoolExecutor(25) as pool:
        results = list(pool.map(lambda _: burst(urls), range(conversations)))
    failed = [(cid, statuses) for cid, statuses in results if statuses != [200] * 4]
    assert failed == []
    broken = {}
    for conversation_id, _ in results:
        pattern = turn_pattern(stored_events(cluster, conversation_id))
        if pattern != "UL" * 4:
            broken[conversation_id] = pattern
    assert broken == {}, f"{len(broken)} of {conversations} conversations with missing, extra or interleaved events"


def test_bursts_through_the_balancer_keep_every_conversation_in_order(cluster):
    check_bursts(cluster, 100, [cluster.balancer_url])


def test_bursts_split_across_both_replicas_are_serialised_by_the_redis_lock(cluster):
    # Bypassing the balancer's routing: the two replicas handle one conversation at the same moment.
    check_bursts(cluster, 30, cluster.rasa_urls)


def test_a_message_resent_to_both_replicas_is_handled_once(cluster):
    conversation_id = uuid.uuid4().hex
    assert widget_message(cluster.balancer_url, conversation_id, "hi")[0] == 200
    message_id = uuid.uuid4().hex
    answers = all_at_once([
        (lambda i=i: widget_message(cluster.rasa_urls[i % 2], conversation_id, "/self_voice", message_id))
        for i in range(4)
    ])
    assert [status for status, _ in answers] == [200] * 4
    first = answers[0][1]
    assert any("Which condition" in bubble["text"] for bubble in first)
    assert all(replies == first for _, replies in answers)
    # Later resends, one to each replica, get the same answer too.
    for url in cluster.rasa_urls:
        assert widget_message(url, conversation_id, "/self_voice", message_id) == (200, first)
    events = stored_events(cluster, conversation_id)
    assert [e["text"] for e in events if e["event"] == "user"] == ["hi", "/self_voice"]
    assert sum("Which condition" in (e.get("text") or "") for e in events if e["event"] == "bot") == 1


def get_json(url: str) -> Tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_failed_save_is_an_error_the_operator_sees_not_a_fall_back(cluster):
    replica = cluster.rasa_urls[0]
    engine = sa.create_engine(cluster.tracker_database_url)
    conversation_id = uuid.uuid4().hex
    try:
        with engine.begin() as connection:
            connection.execute(sa.text("ALTER TABLE events RENAME TO events_away"))
        try:
            status, _ = widget_message(replica, conversation_id, "hi")
            health_status, health = get_json(f"{replica}/widget/health")
        finally:
            with engine.begin() as connection:
                connection.execute(sa.text("ALTER TABLE events_away RENAME TO events"))
    finally:
        engine.dispose()
    assert status == 500  # the person is told something went wrong; the widget resends
    assert health_status == 503 and health["tracker_store"]["status"] == "failing"
    assert health["tracker_store"]["failed_saves"] >= 1
    log = cluster.processes["rasa1"].log.read_text()
    assert "saving a conversation to CachedSQLTrackerStore failed" in log
    # Once the database is back, the replica is healthy again and the message is saved.
    assert widget_message(replica, conversation_id, "hi")[0] == 200
    assert get_json(f"{replica}/widget/health")[0] == 200
    assert turn_pattern(stored_events(cluster, conversation_id)) == "UL"


class Screening:
    """One person's screening through the widget channel, resending a failed message once (as widget.js does)."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.conversation_id = uuid.uuid4().hex
        self.asked: List[str] = []
        self.retries = 0
        self.verdict: Optional[str] = None
        self.sent = 0

    def say(self, text: str) -> list:
        message_id = uuid.uuid4().hex
        for attempt in range(2):
            try:
                status, replies = widget_message(self.base_url, self.conversation_id, text, message_id)
            except (urllib.error.URLError, ConnectionError, OSError):
                status, replies = 0, []
            if status == 200:
                self.sent += 1
                return replies
            self.retries += 1
        raise AssertionError(f"message failed twice (last status {status})")

    def run(self, turns_done: threading.Semaphore) -> "Screening":
        replies = [*self.say("hi"), *self.say("/self_voice"), *self.say("/choose_npc")]
        for _ in range(40):
            customs = [b["custom"] for b in replies if b.get("custom")]
            verdicts = [c["verdict"] for c in customs if "verdict" in c]
            if verdicts:
                self.verdict = verdicts[-1]
                break
            question = next((c["question_id"] for c in reversed(customs) if "question_id" in c), None)
            assert question is not None, f"no question and no result: {replies}"
            self.asked.append(question)
            replies = self.say(SCREENING[question])
            turns_done.release()
        return self


def test_killing_a_replica_mid_screening_loses_nothing_and_asks_nothing_twice(cluster):
    turns_done = threading.Semaphore(0)
    screenings = [Screening(cluster.balancer_url) for _ in range(20)]
    with ThreadPoolExecutor(len(screenings)) as pool:
        running = [pool.submit(screening.run, turns_done) for screening in screenings]
        for _ in range(20 * 5):  # five answers each, on average, then a crash
            assert turns_done.acquire(timeout=300)
        cluster.kill("rasa1")
        for future in running:
            future.result()
    reference = screenings[0].asked
    assert len(reference) == len(set(reference)) >= 10
    for screening in screenings:
        assert screening.asked == reference, "a question was asked twice or skipped"
        assert screening.verdict is not None
        assert screening.retries <= 1
        events = stored_events(cluster, screening.conversation_id)
        assert turn_pattern(events) == "UL" * screening.sent, "an answer was lost or recorded twice"
