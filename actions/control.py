"""Changing course: go back to an answer, start over, or stop."""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.language import LANGUAGE_SLOT
from actions.safety import SafeAction
from bot.i18n import N_, domain
from bot.screening.messages import WORD_EDGE_BEFORE, WORD_EDGE_AFTER
from bot.screening.session import answers_to_json

_ = domain("messages").gettext

NOTHING_TO_CHANGE = N_("There is no answer to change yet.")
CHANGE_LAST = N_("No problem. Let's change your last answer.")
CHANGE_NAMED = N_("No problem. Let's change that answer.")
START_OVER = N_("OK, let's start again. I have cleared your earlier answers.")
STOPPED = N_(
    "OK, we will stop here. I have not kept your answers. "
    "If you want to try again later, just say hi. Take care."
)


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


class ActionStop(SafeAction):
    def name(self) -> Text:
        return "action_stop"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        dispatcher.utter_message(text=_(STOPPED))
        # Keep nothing: the tracker store also forgets this conversation's history.
        # A contact request the person agreed to earlier stays; "delete my data" removes it.
        return [AllSlotsReset(), SlotSet("data_deleted", True)]
