"""Changing course: go back to an answer, start over, or stop.

Stopping in the middle of a form keeps nothing, so a typed stop is asked about
first ("Do you want to stop now?"): the intent model can take a bare refusal
("不要", "no thanks") for a stop, and a wrong reading must never throw away
someone's answers. Yes (or a second stop) stops; anything else goes on with the
form where it was. A button payload (/stop) is a deliberate choice and stops at once."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.language import LANGUAGE_SLOT
from actions.safety import SafeAction, send, typed_answer_reader
from bot.i18n import N_, domain
from bot.screening.messages import WORD_EDGE_AFTER, WORD_EDGE_BEFORE, Button, ChatMessage
from bot.screening.session import answers_to_json
from bot.understanding.reading import CONFIDENT

_ = domain("messages").gettext

NOTHING_TO_CHANGE = N_("There is no answer to change yet.")
CHANGE_LAST = N_("No problem. Let's change your last answer.")
CHANGE_NAMED = N_("No problem. Let's change that answer.")
START_OVER = N_("OK, let's start again. I have cleared your earlier answers.")
STOPPED = N_(
    "OK, we will stop here. I have not kept your answers. "
    "If you want to try again later, just say hi. Take care."
)
ASK_STOP = N_("Do you want to stop now? If you stop, I will not keep your answers.")
STOP_BUTTON = N_("Yes, stop")
GO_ON_BUTTON = N_("No, go on")
GO_ON = N_("OK, let's go on.")
# Which form a stop question paused, so that "no" goes back to it.
PAUSED_FORM_SLOT = "paused_form"
PAUSABLE_FORMS = ("screening_form", "contact_form")


def named_question(text: str, answered: List[str], terms: Dict[str, tuple]) -> Optional[str]:
    """The answered question the person names ("change my age"), if any."""
    lowered = text.lower()
    best = None
    for question_id in answered:
        for term in terms[question_id]:
            if re.search(rf"{WORD_EDGE_BEFORE}{re.escape(term.lower())}{WORD_EDGE_AFTER}", lowered):
                if best is None or len(term) > best[0]:
                    best = (len(term), question_id)
    return best[1] if best else None


class ActionGoBack(SafeAction):
    def name(self) -> Text:
        return "action_go_back"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        if state is None or not state.answers:
            dispatcher.utter_message(text=_(NOTHING_TO_CHANGE))
            return []
        questions = context.catalog().questions
        answered = list(state.answers)
        named = named_question(
            tracker.latest_message.get("text") or "", answered, {q: questions[q].terms for q in answered}
        )
        answers = dict(state.answers)
        answers.pop(named or answered[-1])
        dispatcher.utter_message(text=_(CHANGE_NAMED if named else CHANGE_LAST))
        return [SlotSet("answers", answers_to_json(answers)), SlotSet("answer", None), SlotSet("pending_answer", None)]


class ActionStartOver(SafeAction):
    def name(self) -> Text:
        return "action_start_over"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        dispatcher.utter_message(text=_(START_OVER))
        # Everything is cleared but the language the person chose.
        return [AllSlotsReset(), SlotSet(LANGUAGE_SLOT, tracker.get_slot(LANGUAGE_SLOT))]


def stop(dispatcher: CollectingDispatcher) -> List[Dict]:
    dispatcher.utter_message(text=_(STOPPED))
    # Keep nothing: the tracker store also forgets this conversation's history.
    # A contact request the person agreed to earlier stays; "delete my data" removes it.
    return [AllSlotsReset(), SlotSet("data_deleted", True)]


def paused_form(tracker: Tracker) -> Optional[str]:
    """The form that was active before the stop (its loop was just deactivated)."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name"):
            return event["name"]
    return None


class ActionStop(SafeAction):
    def name(self) -> Text:
        return "action_stop"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        return stop(dispatcher)


class ActionConfirmStop(SafeAction):
    """Asks before a typed stop or goodbye ends a form; action_answer_stop_question reads the reply."""

    def name(self) -> Text:
        return "action_confirm_stop"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        if (tracker.latest_message.get("text") or "").startswith("/"):
            return stop(dispatcher)
        send(dispatcher, ChatMessage(
            text=_(ASK_STOP), buttons=(Button(_(STOP_BUTTON), "/affirm"), Button(_(GO_ON_BUTTON), "/deny")),
        ))
        return [SlotSet(PAUSED_FORM_SLOT, paused_form(tracker))]


def wants_to_stop(tracker: Tracker) -> bool:
    """Whether the reply to "Do you want to stop now?" says yes.

    A button says it plainly. Typed words are read by the conversation's answer
    reader, which knows a refusal ("不要", "no, go on") from a yes; words that are
    neither stop only when they are a confident stop or goodbye again ("结束吧").
    Anything else goes on: going on can be undone, stopping cannot."""
    typed = tracker.latest_message.get("text") or ""
    if typed.startswith("/"):
        return typed.split("{", 1)[0] in ("/affirm", "/stop", "/goodbye")
    confirmed = typed_answer_reader(context.language()).read_confirmation(typed)
    if confirmed is not None:
        return confirmed
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") in ("stop", "goodbye") and float(intent.get("confidence") or 0.0) >= CONFIDENT


class ActionAnswerStopQuestion(SafeAction):
    """Stops, or goes on with the paused form, which asks its question again."""

    def name(self) -> Text:
        return "action_answer_stop_question"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        if wants_to_stop(tracker):
            return stop(dispatcher)
        dispatcher.utter_message(text=_(GO_ON))
        form = tracker.get_slot(PAUSED_FORM_SLOT)
        return [SlotSet(PAUSED_FORM_SLOT, None)] + ([FollowupAction(form)] if form in PAUSABLE_FORMS else [])
