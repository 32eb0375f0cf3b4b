"""A typed stop in a form is asked about first, and only a yes ends it.

Stopping keeps nothing, and the intent model has taken a bare refusal ("不要")
for a stop with high confidence; these run the two actions as Rasa calls them
(``Tracker.from_dict``) and check what they say and which events they return.
Whole conversations with the same question are in tests/e2e.
"""

from __future__ import annotations

import asyncio
from typing import Dict, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.control import ActionAnswerStopQuestion, ActionConfirmStop, wants_to_stop
from bot.i18n import use_language
from tests.conftest import PROJECT_ROOT

DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


def tracker(text: str, intent: str = "deny", confidence: float = 0.99, language: str = "en",
            paused: Optional[str] = "screening_form") -> Tracker:
    events: List[Dict] = [
        {"event": "active_loop", "name": "screening_form"},
        {"event": "user", "text": "earlier answer"},
        {"event": "active_loop", "name": None},
    ]
    return Tracker.from_dict({
        "sender_id": "stop-question",
        "slots": {"chat_language": language, "paused_form": paused, "answers": {"age": "62"}},
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": confidence}, "entities": []},
        "events": events,
        "paused": False,
        "followup_action": None,
        "active_loop": {},
        "latest_action_name": "action_listen",
    })


def run(action, state: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, state, DOMAIN))
    return dispatcher.messages, events


@pytest.mark.parametrize("text,intent,confidence,language", [
    ("yes", "affirm", 0.99, "en"),
    ("yes please stop", "affirm", 0.7, "en"),
    ("/affirm", "affirm", 1.0, "en"),
    ("stop", "stop", 0.95, "en"),  # a second, confident stop
    ("是的", "affirm", 0.99, "zh"),
    ("对，结束", "affirm", 0.9, "zh"),
    ("结束吧", "stop", 0.92, "zh"),
])
def test_a_yes_or_a_second_confident_stop_stops(text, intent, confidence, language):
    with use_language(language):  # as the action runs: in the conversation's language
        assert wants_to_stop(tracker(text, intent, confidence, language))


@pytest.mark.parametrize("text,intent,confidence,language", [
    ("no", "deny", 0.99, "en"),
    ("/deny", "deny", 1.0, "en"),
    ("no, go on", "stop", 0.9, "en"),  # the words say no, whatever the model guessed
    ("she is 62", "inform", 0.9, "en"),
    ("不要", "stop", 0.97, "zh"),  # "don't (stop)": the model's stop never wins over the words
    ("不用了", "stop", 0.9, "zh"),
    ("我不想做了", "stop", 0.9, "zh"),  # read as a no to "do you want to stop?": going on can be undone
    ("算了", "stop", 0.55, "zh"),  # neither, and not a confident stop
    ("继续", "affirm", 0.6, "zh"),
])
def test_a_refusal_or_anything_unclear_goes_on(text, intent, confidence, language):
    with use_language(language):
        assert not wants_to_stop(tracker(text, intent, confidence, language))


def test_the_stop_question_names_what_is_lost_and_remembers_the_form():
    messages, events = run(ActionConfirmStop(), tracker("I want to stop", "stop"))
    assert messages[0]["text"] == "Do you want to stop now? If you stop, I will not keep your answers."
    assert [b["title"] for b in messages[0]["buttons"]] == ["Yes, stop", "No, go on"]
    assert events == [{"event": "slot", "timestamp": None, "name": "paused_form", "value": "screening_form"}]


def test_the_stop_question_in_chinese():
    messages, _ = run(ActionConfirmStop(), tracker("我不想做了", "stop", language="zh"))
    assert messages[0]["text"] == "您要现在结束吗？如果结束，我不会保留您的回答。"
    assert [b["title"] for b in messages[0]["buttons"]] == ["是的，结束", "不，继续回答"]


def test_a_stop_button_stops_at_once():
    messages, events = run(ActionConfirmStop(), tracker("/stop", "stop", 1.0))
    assert "I have not kept your answers" in messages[0]["text"]
    assert {"event": "reset_slots", "timestamp": None} in events


def test_going_on_keeps_the_answers_and_takes_up_the_paused_form():
    messages, events = run(ActionAnswerStopQuestion(), tracker("no", "deny", paused="contact_form"))
    assert messages[0]["text"] == "OK, let's go on."
    assert {"event": "followup", "timestamp": None, "name": "contact_form"} in events
    assert not any(event["event"] == "reset_slots" for event in events)


def test_stopping_keeps_nothing():
    messages, events = run(ActionAnswerStopQuestion(), tracker("yes", "affirm"))
    assert "I have not kept your answers" in messages[0]["text"]
    assert {"event": "reset_slots", "timestamp": None} in events
    assert {"event": "slot", "timestamp": None, "name": "data_deleted", "value": True} in events
    assert not any(event["event"] == "followup" for event in events)
