"""The screening form: voice, then trial, then one question at a time.

The questions come from the rules engine in ``bot/``: ``required_slots`` asks
for the ``answer`` slot for as long as the engine has a next question, and each
answer is read, stored in the ``answers`` slot and cleared from ``answer`` so
that the next question is asked.

Typed answers are read by :mod:`bot.understanding`. A reading the reader is not
sure of, and a typed answer that would rule the study out, wait in the
``pending_answer`` slot until the person confirms them with yes or no; the
question is then asked as a short check instead. A button press is used as it is.
"""

from __future__ import annotations

import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.language import CHOOSE_LANGUAGE_INTENT
from actions.safety import SafeAction, SafeFormValidationAction, send, typed_answer_reader
from bot.i18n import N_, domain
from bot.screening.answers import NO, NOT_SURE, YES, AnswerType, AnswerValue, InvalidAnswer, Question
from bot.screening.checklist import is_ticked_payload, read_ticked
from bot.screening.messages import (
    CHECK_NOT_CLEAR,
    CHECK_REFUSED,
    check_message,
    question_message,
    read_back_message,
    trial_choice_message,
    understood_message,
    voice_message,
    waiting_time_notice,
)
from bot.screening.progress import progress
from bot.screening.evaluation import ScreeningResult
from bot.screening.session import ScreeningState, answers_from_json, answers_to_json
from bot.understanding import MAX_ANSWER_CHARS, Reading

_ = domain("messages").gettext
logger = logging.getLogger(__name__)

NOT_UNDERSTOOD = "not_understood"
VOICE_BY_INTENT = {"self_voice": "self", "caregiver_voice": "caregiver"}
TRIAL_BY_INTENT = {"choose_npc": "NCT06839066", "choose_breast": "NCT06561607"}
TRIAL_WORDS = (("NCT06839066", ("nasopharyn", "npc", "nose", "hlx43", "鼻咽")),
               ("NCT06561607", ("breast", "her2", "tqb2102", "乳腺", "乳房")))
VOICE_REASK = N_("Sorry, I did not catch that. Are you answering for yourself, or for someone you care for?")
TRIAL_REASK = N_("Sorry, I did not catch that. Please pick one of the buttons: one of the two cancers, or neither.")
NOT_USED = N_("Sorry, I could not use that answer. {problem}")
# Said for a button press that is not one of the question's answers, in a language with no answer reader.
USE_A_BUTTON = N_("Please press one of the buttons below.")
# Intents that are the model's guess about a reply rather than a request; a reply the
# reader understands as an answer to the question is taken as one.
SOFT_INTERRUPTIONS = frozenset({"out_of_scope", "ask_medical_advice", "greet", "thank", "bot_challenge", "goodbye"})
# The stages of a pending answer: a check of an unsure reading, or a read-back before an exclusion.
CHECK, READ_BACK = "check", "read_back"


def reader():
    """The answer reader of the conversation's language (NoReaderError when it has none yet)."""
    return typed_answer_reader(context.language())


def not_used(problem: str) -> str:
    return _(NOT_USED).format(problem=problem)


def _typed_text(tracker: Tracker) -> str:
    return (tracker.latest_message.get("text") or "")[:MAX_ANSWER_CHARS]


def _intent_confidence(tracker: Tracker) -> float:
    return float((tracker.latest_message.get("intent") or {}).get("confidence") or 0.0)


def _extract_voice(tracker: Tracker) -> Dict:
    """The words decide first ("for my husband" is a caregiver, whatever the intent model guessed)."""
    if tracker.get_slot("requested_slot") != "voice":
        return {}
    intent = context.latest_intent(tracker)
    if intent == CHOOSE_LANGUAGE_INTENT:
        return {}  # its rule switches the language, then the form asks again
    typed = tracker.latest_message.get("text") or ""
    if typed.startswith("/"):
        return {"voice": VOICE_BY_INTENT.get(intent, NOT_UNDERSTOOD)}
    by_words = reader().read_voice(typed)
    if by_words is not None:
        return {"voice": by_words}
    if intent in VOICE_BY_INTENT:
        return {"voice": VOICE_BY_INTENT[intent]}
    if intent in context.INTERRUPTION_INTENTS or intent == "choose_neither":
        return {}  # a rule answers these, then the form asks again
    return {"voice": NOT_UNDERSTOOD}


def _extract_trial(tracker: Tracker) -> Dict:
    if tracker.get_slot("requested_slot") != "trial_id":
        return {}
    intent = context.latest_intent(tracker)
    if intent in TRIAL_BY_INTENT:
        return {"trial_id": TRIAL_BY_INTENT[intent]}
    if intent in context.INTERRUPTION_INTENTS or intent == "choose_neither":
        return {}
    text = _typed_text(tracker).lower()
    for value, keywords in TRIAL_WORDS:
        if any(keyword in text for keyword in keywords):
            return {"trial_id": value}
    return {"trial_id": NOT_UNDERSTOOD}


def pending_answer(tracker: Tracker, question_id: Optional[str]) -> Optional[Dict[str, str]]:
    """The answer waiting for a yes or no, if it belongs to the question asked now."""
    pending = tracker.get_slot("pending_answer")
    if isinstance(pending, dict) and question_id is not None and pending.get("question_id") == question_id:
        return pending
    return None


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
        return _extract_voice(tracker)

    async def validate_voice(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value in VOICE_BY_INTENT.values():
            return {"voice": slot_value}
        dispatcher.utter_message(text=_(VOICE_REASK))
        return {"voice": None}

    async def extract_trial_id(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict:
        return _extract_trial(tracker)

    async def extract_answer(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Dict:
        if tracker.get_slot("requested_slot") != "answer":
            return {}
        intent = context.latest_intent(tracker)
        if intent == CHOOSE_LANGUAGE_INTENT and context.button_value(tracker) is None:
            return {}  # never an answer: its rule switches the language and the question is asked again
        if intent in context.INTERRUPTION_INTENTS and context.button_value(tracker) is None \
                and not self._answers_a_pending_check(tracker) and not self._clearly_an_answer(tracker, intent):
            return {}
        value = context.button_value(tracker)
        if value is None:
            value = _typed_text(tracker)
        return {"answer": value}

    def _answers_a_pending_check(self, tracker: Tracker) -> bool:
        """"No, that's wrong" to a check is its answer, not "go back" to the question before."""
        state = context.screening_state(tracker)
        if state is None or context.button_value(tracker) is not None:
            return False
        if pending_answer(tracker, state.result(context.catalog()).next_question) is None:
            return False
        return reader().read_confirmation(_typed_text(tracker)) is not None

    def _clearly_an_answer(self, tracker: Tracker, intent: Optional[str]) -> bool:
        """"Yes it grew on the last scan" is an answer even when the intent model guessed out_of_scope.

        A confident "go back", "stop" or "why" always acts; an unsure one ("yes, it came back in my
        neck", guessed as go_back at 0.52) gives way to an answer the reader is sure of."""
        if intent not in SOFT_INTERRUPTIONS and _intent_confidence(tracker) >= 0.8:
            return False
        state = context.screening_state(tracker)
        question_id = state.result(context.catalog()).next_question if state else None
        if question_id is None:
            return False
        reading = reader().read(context.catalog().questions[question_id], _typed_text(tracker), state.started_on)
        return reading.understood and not reading.needs_check

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
        if context.button_value(tracker) is not None and is_ticked_payload(str(slot_value)):
            return _ticked_answers(state, question, str(slot_value), dispatcher)
        pending = pending_answer(tracker, question_id)
        if pending is not None:
            return self._confirm(pending, question, state, str(slot_value), tracker, dispatcher)
        if context.button_value(tracker) is not None:
            try:
                value = question.normalise(str(slot_value), state.started_on)
            except InvalidAnswer as problem:
                # A payload that is not one of the choices: say what is expected, never echo it back.
                plain = _expected(question) if str(problem).startswith("expected") else str(problem)
                dispatcher.utter_message(text=not_used(plain))
                return {"answer": None}
            return _store(state, question, value, dispatcher)
        reading = reader().read(
            question, str(slot_value), state.started_on, context.latest_intent(tracker), _intent_confidence(tracker)
        )
        if not reading.understood:
            logger.info("answer to %s not understood", question_id)
            dispatcher.utter_message(text=not_used(reading.problem))
            return {"answer": None, "pending_answer": None}
        if reading.needs_check:
            logger.info("answer to %s needs a check", question_id)
            return {"answer": None, "pending_answer": _pending(question, reading, CHECK)}
        return _typed_answer(state, question, reading, dispatcher)

    def _confirm(
        self,
        pending: Dict[str, str],
        question: Question,
        state: ScreeningState,
        reply: str,
        tracker: Tracker,
        dispatcher: CollectingDispatcher,
    ) -> Dict[Text, Any]:
        button = context.button_value(tracker)
        confirmed = {YES: True, NO: False}.get(button) if button is not None else reader().read_confirmation(reply)
        if confirmed is None:
            dispatcher.utter_message(text=_(CHECK_NOT_CLEAR))
            return {"answer": None}
        if not confirmed:
            dispatcher.utter_message(text=_(CHECK_REFUSED))
            return {"answer": None, "pending_answer": None}
        value = answers_from_json(context.catalog().questions, {question.id: pending["value"]}).get(question.id)
        if value is None:
            return {"answer": None, "pending_answer": None}
        reading = Reading(value, 1.0, echo=pending.get("echo"), note=pending.get("note"))
        if pending.get("stage") == CHECK:
            return _typed_answer(state, question, reading, dispatcher)
        return _store(state, question, value, dispatcher, note=reading.note)

    async def validate_trial_id(
        self, slot_value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Dict[Text, Any]:
        if slot_value not in context.catalog().trials:
            dispatcher.utter_message(text=_(TRIAL_REASK))
            return {"trial_id": None}
        if tracker.get_slot("requested_slot") != "trial_id":
            return {"trial_id": slot_value}  # the form re-checks a chosen trial when it starts again
        # A newly chosen trial starts a new screening: no answers carry over.
        context.funnel().screening_started(slot_value)
        return {"trial_id": slot_value, "answers": {}, "screening_date": context.today().isoformat(),
                "pending_answer": None}


def _expected(question: Question) -> str:
    """What the question expects, said by the reader; "press a button" where no reader reads the language."""
    try:
        return reader().expected(question)
    except LookupError:
        return _(USE_A_BUTTON)


def _pending(question: Question, reading: Reading, stage: str) -> Dict[str, str]:
    pending = {"question_id": question.id, "value": str(reading.value), "stage": stage}
    if reading.echo:
        pending["echo"] = reading.echo
    if reading.note:
        pending["note"] = reading.note
    return pending


def _typed_answer(
    state: ScreeningState, question: Question, reading: Reading, dispatcher: CollectingDispatcher
) -> Dict[Text, Any]:
    """A typed answer the reader is sure of: read back first if it would rule the study out."""
    before = state.result(context.catalog())
    after = _result_with(state, question, reading.value)
    if _newly_ruled_out(before, after):
        logger.info("answer to %s read back before it rules the study out", question.id)
        return {"answer": None, "pending_answer": _pending(question, reading, READ_BACK)}
    if reading.echo and question.type is not AnswerType.YES_NO and reading.value != NOT_SURE:
        dispatcher.utter_message(text=understood_message(reading.echo))
    return _store(state, question, reading.value, dispatcher, note=reading.note)


def _result_with(state: ScreeningState, question: Question, value: AnswerValue) -> ScreeningResult:
    answers = dict(state.answers)
    answers.pop(question.id, None)
    answers[question.id] = value
    later = ScreeningState(state.trial_id, state.voice, answers, state.started_on)
    return later.result(context.catalog())


def _newly_ruled_out(before: ScreeningResult, after: ScreeningResult) -> bool:
    lasting_before = {r.criterion.id for r in before.reasons if not r.not_yet}
    return any(not r.not_yet and r.criterion.id not in lasting_before for r in after.reasons)


def _store(
    state: ScreeningState,
    question: Question,
    value: AnswerValue,
    dispatcher: CollectingDispatcher,
    note: Optional[str] = None,
) -> Dict[Text, Any]:
    before = state.result(context.catalog())
    after = _result_with(state, question, value)
    if note:
        dispatcher.utter_message(text=note)
    waits_before = {r.criterion.id for r in before.reasons if r.not_yet}
    new_waits = [r for r in after.reasons if r.not_yet and r.criterion.id not in waits_before]
    if new_waits and after.next_question is not None:
        dispatcher.utter_message(text=waiting_time_notice(new_waits[0], state.voice))
    answers = dict(state.answers)
    answers.pop(question.id, None)  # a changed answer moves to the end: "go back" undoes the latest
    answers[question.id] = value
    logger.info("answer to %s stored", question.id)
    return {
        "answer": None,
        "pending_answer": None,
        "answers": answers_to_json(answers),
        "screening_date": state.started_on.isoformat(),
    }


def _ticked_answers(state, question, value: str, dispatcher: CollectingDispatcher) -> Dict[Text, Any]:
    """A checklist ("any of these?") answered by ticking items in the web chat."""
    try:
        ticked = read_ticked(question, value, context.catalog().questions)
    except InvalidAnswer as problem:
        dispatcher.utter_message(text=not_used(str(problem)))
        return {"answer": None}
    answers = {q: v for q, v in state.answers.items() if q not in ticked.answers and q not in ticked.to_ask}
    answers.update(ticked.answers)
    logger.info("checklist %s stored", question.id)
    return {"answer": None, "pending_answer": None, "answers": answers_to_json(answers),
            "screening_date": state.started_on.isoformat()}


class ActionAskAnswer(SafeAction):
    def name(self) -> Text:
        return "action_ask_answer"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        question_id: Optional[str] = state.result(context.catalog()).next_question if state else None
        if question_id is None:
            return []
        question = context.catalog().questions[question_id]
        pending = pending_answer(tracker, question_id)
        if pending is not None:
            value = answers_from_json(context.catalog().questions, {question_id: pending["value"]}).get(question_id)
            if value is not None and pending.get("stage") == READ_BACK:
                send(dispatcher, read_back_message(question, value, pending.get("echo"), state.voice))
                return []
            if value is not None:
                send(dispatcher, check_message(question, value, pending.get("echo")))
                return []
        where = progress(state.result(context.catalog()), context.catalog().questions, state.answers)
        send(dispatcher, question_message(question, state.voice, number=len(state.answers) + 1, progress=where))
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
