"""Each performance fix in rasa_speedups/ gives what Rasa's own function gives.

Rasa's originals are kept here before any fix is installed, and every fix is
compared with its original on the same input: random conversations with forms,
undos, restarts and new sessions for the applied events; every kind of event
Rasa knows, and broken replies, for the reply check; the tracker a real turn
sends, for the JSON.
"""

from __future__ import annotations

import asyncio
import json
import random
from collections import deque
from decimal import Decimal

import jsonschema
import numpy
import pytest
import rasa
from aiohttp import web
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import (
    ActionExecuted,
    ActionReverted,
    ActiveLoop,
    AllSlotsReset,
    BotUttered,
    Event,
    FollowupAction,
    LoopInterrupted,
    Restarted,
    SessionStarted,
    SlotSet,
    UserUttered,
    UserUtteranceReverted,
)
from rasa.shared.core.trackers import DialogueStateTracker, EventVerbosity
from rasa.utils.endpoints import EndpointConfig

RASA_APPLIED_EVENTS = DialogueStateTracker.applied_events
RASA_SESSION = EndpointConfig.session
RASA_VALIDATE = RemoteAction._validate_action_result

import rasa_speedups  # noqa: E402  (after keeping Rasa's originals)
from rasa_speedups import action_calls, applied_events  # noqa: E402

FORMS = ["screening_form", "contact_form"]


def random_event(rng: random.Random) -> Event:
    """One event of the kinds that change which events are applied, weighted like a form-driven chat."""
    kind = rng.choices(
        ["user", "listen", "form", "action", "loop_on", "loop_off", "slot", "bot", "revert", "undo_user",
         "restart", "session", "interrupted"],
        weights=[14, 14, 16, 6, 5, 3, 12, 8, 2, 2, 1, 1, 2],
    )[0]
    if kind == "user":
        return UserUttered(rng.choice(["yes", "no", "58"]), {"name": rng.choice(["affirm", "deny", "inform"]), "confidence": 0.9})
    if kind == "listen":
        return ActionExecuted("action_listen")
    if kind == "form":
        return ActionExecuted(rng.choice(FORMS))
    if kind == "action":
        return ActionExecuted(rng.choice(["action_explain", "action_summary", "validate_screening_form"]))
    if kind == "loop_on":
        return ActiveLoop(rng.choice(FORMS))
    if kind == "loop_off":
        return ActiveLoop(None)
    if kind == "slot":
        return SlotSet("answer", rng.choice(["yes", "no", None]))
    if kind == "bot":
        return BotUttered("a question")
    if kind == "revert":
        return ActionReverted()
    if kind == "undo_user":
        return UserUtteranceReverted()
    if kind == "restart":
        return Restarted()
    if kind == "session":
        return SessionStarted()
    return LoopInterrupted(rng.random() < 0.5)


def rasa_result(tracker: DialogueStateTracker) -> list:
    return RASA_APPLIED_EVENTS(tracker)


@pytest.mark.parametrize("seed", range(60))
def test_applied_events_are_rasas_after_every_event_of_a_random_conversation(seed):
    rng = random.Random(seed)
    tracker = DialogueStateTracker(f"c{seed}", [])
    for _ in range(rng.randint(20, 160)):
        tracker.update(random_event(rng))
        if rng.random() < 0.6:  # asked after some events only, so it also goes on over several
            assert applied_events.applied_events(tracker) == rasa_result(tracker)
            assert applied_events.applied_events(tracker) == rasa_result(tracker)  # asked twice, same answer
    assert applied_events.applied_events(tracker) == rasa_result(tracker)


def test_a_new_loop_name_later_on_changes_earlier_events_as_in_rasa():
    # Rasa decides which actions are loops from all events: an action run before its
    # ActiveLoop appears is read differently once it does.
    tracker = DialogueStateTracker("late-loop", [])
    for event in [ActionExecuted("action_listen"), UserUttered("hi"), ActionExecuted("screening_form"),
                  UserUttered("yes"), ActionExecuted("screening_form")]:
        tracker.update(event)
    assert applied_events.applied_events(tracker) == rasa_result(tracker)
    tracker.update(ActiveLoop("screening_form"))
    tracker.update(ActionExecuted("screening_form"))
    assert applied_events.applied_events(tracker) == rasa_result(tracker)


def test_replaced_or_dropped_events_start_again_from_the_first():
    rng = random.Random(7)
    tracker = DialogueStateTracker("replaced", [], max_event_history=30)
    for _ in range(120):  # the history keeps the last 30: old events drop off the front
        tracker.update(random_event(rng))
        assert applied_events.applied_events(tracker) == rasa_result(tracker)
    tracker.events = deque([ActionExecuted("action_listen"), UserUttered("hello")])
    assert applied_events.applied_events(tracker) == rasa_result(tracker)


def test_a_caller_changing_its_list_does_not_change_the_next_answer():
    tracker = DialogueStateTracker("mutated", [])
    for event in [ActionExecuted("action_listen"), UserUttered("hi"), ActionExecuted("action_listen")]:
        tracker.update(event)
    applied_events.applied_events(tracker).clear()
    assert applied_events.applied_events(tracker) == rasa_result(tracker)


def test_applied_events_are_used_by_the_tracker_once_installed(monkeypatch):
    monkeypatch.setattr(DialogueStateTracker, "applied_events", RASA_APPLIED_EVENTS)
    applied_events.install()
    assert DialogueStateTracker.applied_events is applied_events.applied_events


def every_kind_of_event() -> list:
    return [
        event.as_dict()
        for event in [
            UserUttered("yes", {"name": "affirm", "confidence": 0.98},
                        parse_data={"intent": {"name": "affirm", "confidence": 0.98}, "entities": [], "text": "yes"}),
            BotUttered("Question 3 of about 18", {"buttons": [{"title": "Yes", "payload": "/affirm"}],
                                                  "custom": {"question_id": "age"}}),
            SlotSet("answers", {"age": 58}), SlotSet("voice", "self"), SlotSet("answer", None),
            ActionExecuted("action_listen"), ActiveLoop("screening_form"), ActiveLoop(None), AllSlotsReset(),
            Restarted(), SessionStarted(), ActionReverted(), UserUtteranceReverted(), FollowupAction("action_summary"),
            LoopInterrupted(True),
        ]
    ]


def test_the_reply_check_takes_the_shortcut_for_every_kind_of_reply_our_actions_send():
    reply = {"events": every_kind_of_event(), "responses": [{"text": "Got it", "buttons": [], "custom": {}}]}
    assert action_calls.FULL_VALIDATOR.is_valid(reply)
    assert action_calls.passes_by_event_type(reply)
    assert action_calls.validate_by_event_type(None, reply) is True


BROKEN_REPLIES = [
    {"events": [{"event": "slot", "name": 5, "value": "x"}]},
    {"events": [{"event": "no_such_event"}]},
    {"events": [{"name": "answer", "value": "x"}]},  # no event name
    {"events": [{"event": "user", "text": 12}]},
    {"events": "not a list"},
    {"events": [{"event": "action", "name": "action_listen", "policy": 3}]},
    {"events": [{"event": "slot", "name": "answer", "value": "x", "timestamp": "yesterday"}]},
]


@pytest.mark.parametrize("reply", BROKEN_REPLIES, ids=range(len(BROKEN_REPLIES)))
def test_a_broken_reply_is_refused_with_rasas_own_error(reply):
    with pytest.raises(jsonschema.ValidationError) as rasa_error:
        action_calls.validate_with_full_schema(None, reply)
    with pytest.raises(jsonschema.ValidationError) as ours:
        action_calls.validate_by_event_type(None, reply)
    assert str(ours.value) == str(rasa_error.value)


@pytest.mark.parametrize("seed", range(40))
def test_the_shortcut_never_passes_a_reply_the_full_schema_refuses(seed):
    rng = random.Random(seed)
    events = every_kind_of_event()
    reply = {"events": [dict(rng.choice(events)) for _ in range(rng.randint(1, 6))]}
    victim = rng.choice(reply["events"])
    key = rng.choice(sorted(victim))
    victim[key] = rng.choice([12, "text", None, [], {"x": 1}, 1.5, True])
    assert action_calls.passes_by_event_type(reply) <= action_calls.FULL_VALIDATOR.is_valid(reply)


def a_real_turns_tracker() -> dict:
    tracker = DialogueStateTracker("json", [])
    for event in [
        ActionExecuted("action_session_start"), SessionStarted(), ActionExecuted("action_listen"),
        UserUttered("她六十二岁 </script> \u2028", parse_data={
            "intent": {"name": "inform", "confidence": numpy.float64(0.91)},
            "intent_ranking": [{"name": "inform", "confidence": numpy.float64(0.91)}], "entities": [], "text": "x"}),
        SlotSet("answers", {"age": 62, "ratio": 0.1 + 0.2, "big": 2 ** 60}), ActiveLoop("screening_form"),
    ]:
        tracker.update(event)
    return {"next_action": "validate_screening_form", "sender_id": "json",
            "tracker": tracker.current_state(EventVerbosity.ALL), "version": rasa.__version__}


def test_the_json_sent_to_the_action_server_reads_back_the_same_as_rasas():
    body = a_real_turns_tracker()
    assert json.loads(action_calls.dumps(body)) == json.loads(json.dumps(body))


def test_what_json_cannot_encode_is_refused_as_before():
    with pytest.raises(TypeError):
        json.dumps({"x": Decimal("1.5")})
    with pytest.raises(TypeError):
        action_calls.dumps({"x": Decimal("1.5")})


async def _calls_over_kept_connections(endpoint: EndpointConfig, calls: int, pause: float = 0.0):
    peers = []

    async def webhook(request: web.Request) -> web.Response:
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "responses": [], "got": await request.json()})

    app = web.Application()
    app.router.add_post("/webhook", webhook)
    runner = web.AppRunner(app, keepalive_timeout=5.0)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    endpoint.url = f"http://127.0.0.1:{port}/webhook"
    replies = []
    try:
        for number in range(calls):
            replies.append(await endpoint.request(json={"call": number, "confidence": numpy.float64(0.5)}, method="post"))
            await asyncio.sleep(pause)
    finally:
        kept = endpoint.__dict__.get(action_calls.SESSIONS_ATTRIBUTE)
        if kept is not None:
            await kept[1].close()
        await runner.cleanup()
    return peers, replies


def test_calls_to_the_action_server_reuse_one_connection(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", action_calls.kept_session)
    peers, replies = asyncio.run(_calls_over_kept_connections(EndpointConfig(), 5))
    assert [reply["got"] for reply in replies] == [{"call": n, "confidence": 0.5} for n in range(5)]
    assert len(set(peers)) == 1


def test_rasas_own_session_opens_a_connection_per_call(monkeypatch):
    # The cost the kept session removes (and a check that the test above can fail).
    monkeypatch.setattr(EndpointConfig, "session", RASA_SESSION)
    peers, _ = asyncio.run(_calls_over_kept_connections(EndpointConfig(), 3))
    assert len(set(peers)) == 3


def test_an_idle_connection_is_dropped_before_the_server_would_close_it(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", action_calls.kept_session)
    monkeypatch.setattr(action_calls, "KEEPALIVE_SECONDS", 0.2)
    peers, replies = asyncio.run(_calls_over_kept_connections(EndpointConfig(), 3, pause=0.5))
    assert len(replies) == 3 and len(set(peers)) == 3  # a fresh connection after each idle pause, no error


def test_the_action_servers_keep_alive_outlasts_ours():
    # Sanic (the action server) closes an idle connection after KEEP_ALIVE_TIMEOUT; ours must go first.
    from sanic.config import DEFAULT_CONFIG

    assert DEFAULT_CONFIG["KEEP_ALIVE_TIMEOUT"] >= 2 * action_calls.KEEPALIVE_SECONDS


def test_each_endpoint_has_its_own_session(monkeypatch):
    monkeypatch.setattr(EndpointConfig, "session", action_calls.kept_session)

    async def sessions():
        first, second = EndpointConfig(headers={"a": "1"}), EndpointConfig(headers={"a": "2"})
        async with first.session() as one, first.session() as again, second.session() as other:
            return one, again, other

    one, again, other = asyncio.run(sessions())
    assert one is again and one is not other


def test_install_refuses_a_rasa_it_was_not_checked_against(monkeypatch):
    monkeypatch.setattr(rasa, "__version__", "3.7.0")
    with pytest.raises(RuntimeError, match="3.6.21"):
        rasa_speedups.install(True)


def test_switched_off_rasas_own_functions_stay(monkeypatch):
    for owner, name, original in [(DialogueStateTracker, "applied_events", RASA_APPLIED_EVENTS),
                                  (EndpointConfig, "session", RASA_SESSION),
                                  (RemoteAction, "_validate_action_result", RASA_VALIDATE)]:
        monkeypatch.setattr(owner, name, original)
    rasa_speedups.install(False)
    assert DialogueStateTracker.applied_events is RASA_APPLIED_EVENTS
    assert EndpointConfig.session is RASA_SESSION
    assert RemoteAction._validate_action_result is action_calls.validate_with_full_schema
