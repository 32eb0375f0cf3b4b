"""The screening form: voice, then trial, then one question at a time.

The questions come from the rules engine in ``bot/``: ``required_slots`` asks
for the ``answer`` slot for as long as the engine has a next question, and each
answer is parsed, stored in the ``answers`` slot and cleared from ``answer`` so
that the next question is asked.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.safety import SafeAction, SafeFormValidationAction, send
from bot.answer_parsing import MAX_ANSWER_CHARS, expected_answer, parse_answer
from bot.answers import InvalidAnswer
from bot.messages import question_message, trial_choice_message, voice_message
from bot.session import answers_to_json

logger = logging.getLogger(__name__)

NOT_UNDERSTOOD = "not_understood"
VOICE_BY_INTENT = {"self_voice": "self", "caregiver_voice": "caregiver"}
# Typed words that settle the choice even when the intent model is unsure.
VOICE_WORDS = (("caregiver", ("someone", "caregiver", "carer", "my mother", "my father", "my wife", "my husband",
                              "my mum", "my mom", "my dad", "my son", "my daughter", "my partner", "for her", "for him")),
               ("self", ("myself", "for me", "i am the patient", "i'm the patient")))
TRIAL_BY_INTENT = {"choose_npc": "NCT06839066", "choose_breast": "NCT06561607"}
TRIAL_WORDS = (("NCT06839066", ("nasopharyn", "npc", "nose", "hlx43")),
               ("NCT06561607", ("breast", "her2", "tqb2102")))
VOICE_REASK = "Sorry, I did not catch that. Are you answering for yourself, or for someone you care for?"
TRIAL_REASK = "Sorry, I did not catch that. Please pick one of the buttons: one of the two cancers, or neither."


def _extract_setup_choice(tracker: Tracker, slot: str, by_intent: Dict[str, str], words) -> Dict:
    """Read the voice or the trial from the person's reply while that slot is asked."""
    if tracker.get_slot("requested_slot") != slot:
        return {}
    intent = context.latest_intent(tracker)
    if intent in by_intent:
        return {slot: by_intent[intent]}
    if intent in context.INTERRUPTION_INTENTS or intent == "choose_neither":
        return {}  # a rule answers these, then the form asks again
    text = (tracker.latest_message.get("text") or "").lower()[:MAX_ANSWER_CHARS]
    for value, keywords in words:
        if any(keyword in text for keyword in keywords):
            return {slot: value}
    return {slot: NOT_UNDERSTOOD}


class ValidateScreeningForm(SafeFormValidationAction):
    def name(self) -> Text:
        return "validate_screening_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        slots = ["voice", "trial_id"]
        state = context.screening_state(tracker)
        if state is None or state.result(context.catalog()).next_question is not None:
            slots.append("answer")
        return slots

    async def extract_voice(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict:
        return _extract_setup_choice(tracker, "voice", VOICE_BY_INTENT, VOICE_WORDS)

    async def validate_voice(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value in VOICE_BY_INTENT.values():
            return {"voice": slot_value}
        dispatcher.utter_message(text=VOICE_REASK)
        return {"voice": None}

    async def extract_trial_id(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict:
        return _extract_setup_choice(tracker, "trial_id", TRIAL_BY_INTENT, TRIAL_WORDS)

    async def extract_answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict:
        if tracker.get_slot("requested_slot") != "answer":
            return {}
        if context.latest_intent(tracker) in context.INTERRUPTION_INTENTS and context.button_value(tracker) is None:
            return {}
        value = context.button_value(tracker)
        if value is None:
            value = (tracker.latest_message.get("text") or "")[:MAX_ANSWER_CHARS]
        return {"answer": value}

    async def validate_answer(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        state = context.screening_state(tracker)
        if state is None or slot_value is None:
            return {"answer": None}
        catalog = context.catalog()
        question_id = state.result(catalog).next_question
        if question_id is None:
            return {"answer": None}
        question = catalog.questions[question_id]
        try:
            if context.button_value(tracker) is not None:
                try:
                    value = question.normalise(str(slot_value), state.started_on)
                except InvalidAnswer as problem:
                    # A payload that is not one of the choices: say what is expected, never echo it back.
                    if str(problem).startswith("expected"):
                        raise InvalidAnswer(expected_answer(question)) from None
                    raise
            else:
                value = parse_answer(question, str(slot_value), context.latest_intent(tracker), state.started_on)
        except InvalidAnswer as problem:
            logger.info("answer to %s not understood", question_id)
            dispatcher.utter_message(text=f"Sorry, I could not use that answer. {problem}")
            return {"answer": None}
        answers = dict(state.answers)
        answers.pop(question_id, None)  # a changed answer moves to the end: "go back" undoes the latest
        answers[question_id] = value
        logger.info("answer to %s stored", question_id)
        return {"answer": None, "answers": answers_to_json(answers), "screening_date": state.started_on.isoformat()}

    async def validate_trial_id(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value not in context.catalog().trials:
            dispatcher.utter_message(text=TRIAL_REASK)
            return {"trial_id": None}
        if tracker.get_slot("requested_slot") != "trial_id":
            return {"trial_id": slot_value}  # the form re-checks a chosen trial when it starts again
        # A newly chosen trial starts a new screening: no answers carry over.
        return {"trial_id": slot_value, "answers": {}, "screening_date": context.today().isoformat()}


class ActionAskAnswer(SafeAction):
    def name(self) -> Text:
        return "action_ask_answer"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        question_id: Optional[str] = state.result(context.catalog()).next_question if state else None
        if question_id is None:
            return []
        question = context.catalog().questions[question_id]
        send(dispatcher, question_message(question, state.voice, number=len(state.answers) + 1))
        return []


class ActionAskTrialId(SafeAction):
    def name(self) -> Text:
        return "action_ask_trial_id"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        send(dispatcher, trial_choice_message(context.catalog(), tracker.get_slot("voice") or "self"))
        return []


class ActionAskVoice(SafeAction):
    def name(self) -> Text:
        return "action_ask_voice"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        send(dispatcher, voice_message())
        return []
