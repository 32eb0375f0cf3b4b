"""Handing a person's details to the study team: consent, a checked form, a read-back,
then a saved request and its e-mails (the outbox in bot/ sends them).

Nothing is stored without an explicit yes, and the sponsor (a third party) gets
nothing without a second, separate yes (``sponsor_consent``). A Chinese
conversation asks one name field (``full_name``, 姓名) and reads phone numbers
as mainland ones (region CN); an English one asks first and last name and uses
``PHONE_DEFAULT_REGION``. While the form is open each detail
is kept in its slot sealed (``actions/sealed_slots.py``), so the conversation
store never holds it readable; after the hand-off the contact slots are cleared.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import AllSlotsReset, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.safety import SafeAction, SafeFormValidationAction, send
from actions.sealed_slots import seal, unseal
from bot.i18n import N_, domain
from bot.screening.answers import InvalidAnswer
from bot.handoff.contact import CONTACT_FIELDS, OTHER_LANGUAGE_PROMPT, team_language_code, validate_contact_field
from bot.handoff.keep import with_summary
from bot.handoff.messages import (
    CONTACT_PROMPTS,
    consent_message,
    contact_read_back,
    contact_saved_message,
    read_back_fields,
    sponsor_consent_message,
    sponsor_declined_message,
    which_detail_message,
)
from bot.handoff.retention import delete_expired_requests
from bot.screening.messages import summary_message
from bot.handoff.notify import deliver_for, write_email
from bot.screening.session import answers_to_json
from bot.settings import get_settings
from bot.understanding import reader_for

logger = logging.getLogger(__name__)
_ = domain("handoff").gettext

YES_NO_SLOTS = ("consent", "sponsor_consent", "wants_confirmation", "details_confirmed")
# Every slot the form may fill, in either language (all are cleared when it ends).
CONTACT_SLOTS = ("consent", "sponsor_consent", *CONTACT_FIELDS, "wants_confirmation", "details_confirmed")
# In the contact form a name such as "Hope" or "Will" must not be taken for a request,
# so only clear, longer messages count as interruptions there.
INTERRUPTION_CONFIDENCE = 0.9
# A Chinese message has no spaces: one of this many characters or more can be a request (a name has 2 to 4).
MIN_CHINESE_INTERRUPTION = 5
FIELD_NAMES = {
    "first_name": ("first name", "first", "given name"),
    "last_name": ("last name", "surname", "family name", "last"),
    "full_name": ("姓名", "名字", "full name", "name"),
    "email": ("email", "e-mail", "mail", "邮箱", "电子邮件", "邮件"),
    "phone": ("phone", "number", "mobile", "telephone", "手机", "电话", "号码"),
    "language": ("language", "语言"),
    "city_or_site": ("city", "site", "place", "town", "城市", "地点", "医院"),
    "best_time": ("time", "when", "时间"),
    "sponsor_consent": ("sponsor", "申办方", "公司"),
}
NOT_SAVED = N_("OK. I have not saved your details, and nothing was sent.")
NO_SCREENING = N_("Let's do the questions first, so the study team knows which study you mean. Say \"start over\" to begin.")
SAVE_FAILED = N_(
    "Sorry, I could not save your details just now. Nothing you typed is lost. "
    "Please say \"contact the study team\" again in a few minutes."
)
DELETED = N_(
    "Done. I have deleted your answers and any contact request from this chat. "
    "If the study team already got an email, you can also ask them to delete it."
)
YES_OR_NO = N_("Sorry, I did not catch that. Please answer yes or no.")
NOT_USABLE = N_("Sorry, I could not use that. {problem}")


def form_slots(language: str) -> List[str]:
    """The form's slots in a conversation in ``language``, in the order they are asked."""
    return ["consent", "sponsor_consent", *read_back_fields(language), "wants_confirmation", "details_confirmed"]


def phone_region(language: str) -> str:
    """How a number without + is read: as a mainland number in a Chinese conversation."""
    return "CN" if language == "zh" else get_settings().phone_default_region


def _is_interruption(tracker: Tracker) -> bool:
    message = tracker.latest_message
    intent = message.get("intent") or {}
    text = (message.get("text") or "").strip()
    if intent.get("name") not in context.INTERRUPTION_INTENTS:
        return False
    if context.button_value(tracker) is not None or text.startswith("/"):
        return True
    chinese = any("\u4e00" <= char <= "\u9fff" for char in text)
    long_enough = len(text) >= MIN_CHINESE_INTERRUPTION if chinese else len(text.split()) >= 2
    return (
        (intent.get("confidence") or 0) >= INTERRUPTION_CONFIDENCE
        and long_enough
        and "@" not in text
        and "·" not in text  # a transcribed name (阿依古丽·买买提)
    )


class ValidateContactForm(SafeFormValidationAction):
    def name(self) -> Text:
        return "validate_contact_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[Text]:
        if context.screening_state(tracker) is None or tracker.get_slot("consent") is False:
            return []
        return form_slots(context.language())

    async def extract_consent(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "consent")

    async def extract_sponsor_consent(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "sponsor_consent")

    async def extract_full_name(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "full_name")

    async def extract_first_name(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "first_name")

    async def extract_last_name(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "last_name")

    async def extract_email(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "email")

    async def extract_phone(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "phone")

    async def extract_language(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "language")

    async def extract_city_or_site(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "city_or_site")

    async def extract_best_time(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "best_time")

    async def extract_wants_confirmation(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "wants_confirmation")

    async def extract_details_confirmed(self, dispatcher, tracker, domain) -> Dict:
        return _extract(tracker, "details_confirmed")

    async def validate_consent(self, slot_value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return _validate_yes_no("consent", slot_value, tracker, dispatcher)

    async def validate_sponsor_consent(self, slot_value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        checked = _validate_yes_no("sponsor_consent", slot_value, tracker, dispatcher)
        state = context.screening_state(tracker)
        if checked["sponsor_consent"] is False and state is not None:
            dispatcher.utter_message(text=sponsor_declined_message(context.catalog().trial(state.trial_id)))
        return checked

    async def validate_wants_confirmation(self, slot_value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        return _validate_yes_no("wants_confirmation", slot_value, tracker, dispatcher)

    async def validate_details_confirmed(self, slot_value, dispatcher, tracker, domain) -> Dict[Text, Any]:
        if slot_value is True:
            return {"details_confirmed": True}
        changeable = (*read_back_fields(context.language()), "sponsor_consent")
        field = None if slot_value is False else (slot_value if slot_value in changeable else _named_field(str(slot_value)))
        if field is None and slot_value is not False and _yes_no(str(slot_value), tracker) is True:
            return {"details_confirmed": True}
        if field is None:
            # action_ask_details_confirmed then asks which detail to change.
            return {"details_confirmed": None}
        # Clearing the field makes the form ask for it again, then read everything back.
        return {"details_confirmed": None, field: None}

    async def validate_full_name(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("full_name", slot_value, dispatcher)

    async def validate_first_name(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("first_name", slot_value, dispatcher)

    async def validate_last_name(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("last_name", slot_value, dispatcher)

    async def validate_email(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("email", slot_value, dispatcher)

    async def validate_phone(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("phone", slot_value, dispatcher)

    async def validate_language(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("language", slot_value, dispatcher)

    async def validate_city_or_site(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("city_or_site", slot_value, dispatcher)

    async def validate_best_time(self, slot_value, dispatcher, tracker, domain):
        return _validate_field("best_time", slot_value, dispatcher)


def _extract(tracker: Tracker, slot: str) -> Dict:
    if tracker.get_slot("requested_slot") != slot or _is_interruption(tracker):
        return {}
    intent = context.latest_intent(tracker)
    if slot in YES_NO_SLOTS and intent in ("affirm", "deny") and context.button_value(tracker) is None:
        return {slot: intent == "affirm"}
    value = context.button_value(tracker)
    if value is None:
        value = tracker.latest_message.get("text") or ""
    # A value the form already holds would not count as new; the raw text always differs from a bool.
    return {slot: value}


def _yes_no(text: str, tracker: Tracker) -> Optional[bool]:
    # The words decide; a reply that is neither a clear yes nor a clear no is asked again
    # (so is every typed reply in a language whose reader is not there yet: the buttons still work).
    try:
        reader = reader_for(context.language())
    except KeyError:
        return None
    return reader.read_confirmation(text)


def _validate_yes_no(slot: str, slot_value: Any, tracker: Tracker, dispatcher: CollectingDispatcher) -> Dict:
    if isinstance(slot_value, bool):
        return {slot: slot_value}
    answer = _yes_no(str(slot_value), tracker)
    if answer is None:
        dispatcher.utter_message(text=_(YES_OR_NO))
    return {slot: answer}


def _validate_field(field: str, slot_value: Any, dispatcher: CollectingDispatcher) -> Dict:
    if unseal(slot_value) is not None:
        return {field: slot_value}  # checked and sealed before (the form re-checks its slots when it starts again)
    if field == "language" and _asks_for_another_language(str(slot_value)):
        return {field: None}  # "Other": action_ask_language asks for the name
    try:
        checked = validate_contact_field(field, str(slot_value), phone_region(context.language()))
    except InvalidAnswer as problem:
        logger.info("contact field %s not accepted", field)
        dispatcher.utter_message(text=_(NOT_USABLE).format(problem=problem))
        return {field: None}
    # Sealed: the conversation store keeps only ciphertext of a detail (actions/sealed_slots.py).
    return {field: seal(checked)}


def _asks_for_another_language(text: str) -> bool:
    try:
        team_language_code(text)
    except InvalidAnswer as problem:
        return str(problem) == _(OTHER_LANGUAGE_PROMPT)
    return False


def _chose_other_language(tracker: Tracker) -> bool:
    """Whether the person's latest message, to the language question, was "Other"."""
    if tracker.get_slot("requested_slot") != "language":
        return False
    said = context.button_value(tracker)
    return _asks_for_another_language(said if said is not None else tracker.latest_message.get("text") or "")


def contact_details(tracker: Tracker) -> Dict[str, str]:
    """The details asked in this conversation's language, opened from their sealed slots."""
    return {field: unseal(tracker.get_slot(field)) or "" for field in read_back_fields(context.language())}


def _named_field(text: str) -> Optional[str]:
    lowered = text.lower()
    asked = (*read_back_fields(context.language()), "sponsor_consent")
    for field, names in FIELD_NAMES.items():
        if field in asked and any(name in lowered for name in names):
            return field
    return None


def _prompt_action(slot: str) -> type:
    """An ask action for one contact slot; its wording lives in bot.handoff.messages.CONTACT_PROMPTS."""

    class AskContactField(SafeAction):
        def name(self) -> Text:
            return f"action_ask_{slot}"

        async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
            if slot == "language" and _chose_other_language(tracker):
                dispatcher.utter_message(text=_(OTHER_LANGUAGE_PROMPT))  # "Other": its name is typed next
                return []
            send(dispatcher, CONTACT_PROMPTS[slot])
            return []

    AskContactField.__name__ = AskContactField.__qualname__ = f"ActionAsk_{slot}"
    return AskContactField


# Kept in a module-level tuple: Rasa SDK finds actions among the live subclasses of Action.
PROMPT_ACTIONS = tuple(_prompt_action(slot) for slot in CONTACT_PROMPTS)


class ActionAskConsent(SafeAction):
    def name(self) -> Text:
        return "action_ask_consent"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        send(dispatcher, consent_message(
            context.catalog().trial(state.trial_id), state.voice, get_settings().contact_retention_days))
        return []


class ActionAskSponsorConsent(SafeAction):
    """The separate consent (单独同意) for the sponsor, asked right after the consent to the study team."""

    def name(self) -> Text:
        return "action_ask_sponsor_consent"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        send(dispatcher, sponsor_consent_message(context.catalog().trial(state.trial_id)))
        return []


def _answered_read_back(tracker: Tracker) -> bool:
    """Whether the person's latest message replied to the read-back ("Is this right?")."""
    seen_user = False
    for event in reversed(tracker.events):
        if event.get("event") == "user":
            if seen_user:
                return False
            seen_user = True
        elif event.get("event") == "bot" and seen_user:
            return bool(((event.get("data") or {}).get("custom") or {}).get("read_back"))
    return False


class ActionAskDetailsConfirmed(SafeAction):
    def name(self) -> Text:
        return "action_ask_details_confirmed"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        if _answered_read_back(tracker):
            send(dispatcher, which_detail_message(with_sponsor=True))  # "no" (or unclear) to the read-back
            return []
        state = context.screening_state(tracker)
        sponsor = context.catalog().trial(state.trial_id).sponsor if state is not None else None
        send(dispatcher, contact_read_back(
            contact_details(tracker), bool(tracker.get_slot("wants_confirmation")), phone_region(context.language()),
            sponsor=sponsor, sponsor_consent=tracker.get_slot("sponsor_consent"),
        ))
        return []


class ActionSubmitContact(SafeAction):
    """Runs when the contact form ends: saves the request (or not) and sends its e-mails."""

    def name(self) -> Text:
        return "action_submit_contact"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        if state is None:
            dispatcher.utter_message(text=_(NO_SCREENING))
            return []
        if tracker.get_slot("consent") is not True or tracker.get_slot("details_confirmed") is not True:
            dispatcher.utter_message(text=_(NOT_SAVED))
            return [SlotSet(slot, None) for slot in CONTACT_SLOTS]
        settings = get_settings()
        result = state.result(context.catalog())
        try:
            # Off the event loop: a slow or locked database must not hold up other conversations.
            reference = await asyncio.to_thread(
                context.repository().create_contact_request,
                conversation_id=tracker.sender_id,
                trial_id=state.trial_id,
                voice=state.voice,
                answers=answers_to_json(state.answers),
                criteria_status={r.criterion.id: r.status.value for r in result.criteria},
                verdict=result.verdict.value,
                contact=contact_details(tracker),
                wants_confirmation=bool(tracker.get_slot("wants_confirmation")),
                study_team_email=settings.study_team_email(state.trial_id),
                chat_language=context.language(),
                sponsor_consent=tracker.get_slot("sponsor_consent") is True,
                write_email=with_summary(write_email, summary_message(
                    result, state.voice, state.answers, context.catalog().questions).text,
                    sponsor=context.catalog().trial(state.trial_id).sponsor),
            )
        except Exception as error:  # noqa: BLE001 - a database that is down must not lose the details
            logger.error("saving a contact request failed: %s", type(error).__name__)
            dispatcher.utter_message(text=_(SAVE_FAILED))
            return [SlotSet("details_confirmed", None)]
        logger.info("contact request %s saved", reference)
        await _delete_expired(settings.contact_retention_days)
        context.funnel().handed_off(state.trial_id)
        # Sending happens after the request is committed; a failure leaves it pending for a retry.
        report = await asyncio.to_thread(deliver_for, context.repository(), settings.smtp, reference)
        send(dispatcher, contact_saved_message(
            reference, delivered=report.failed == 0, trial=context.catalog().trial(state.trial_id),
            expected_within=settings.contact_expected_within,
        ))
        return [SlotSet(slot, None) for slot in CONTACT_SLOTS]


async def _delete_expired(retention_days: int) -> None:
    """Keep the consent's promise: requests past CONTACT_RETENTION_DAYS go (a failure only waits for the next)."""
    try:
        await asyncio.to_thread(delete_expired_requests, context.repository(), retention_days)
    except Exception as error:  # noqa: BLE001 - the person's own request is saved; never fail their turn
        logger.error("deleting expired requests failed: %s", type(error).__name__)


class ActionDeleteMyData(SafeAction):
    def name(self) -> Text:
        return "action_delete_my_data"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        removed = await asyncio.to_thread(context.repository().delete_conversation_data, tracker.sender_id)
        logger.info("deleted %d stored rows for a conversation on request", removed)
        dispatcher.utter_message(text=_(DELETED))
        # data_deleted tells the tracker store to forget this conversation's history too.
        return [AllSlotsReset(), SlotSet("data_deleted", True)]
