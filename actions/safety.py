"""A base for actions that must never leave a person in silence.

If anything goes wrong inside an action, the person gets an apology and a way
forward, the slots stay as they were (nothing already given is lost), and the
log records the action name and error type only: never what the person typed.

Every action speaks the conversation's language (actions/language.py). Before a
language is chosen, the first action to see a message written in Chinese
switches the conversation to Chinese, says so and how to switch back.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.language import LANGUAGE_SLOT, conversation_language, noticed_language
from bot.i18n import N_, domain, use_language
from bot.screening.replies import chinese_noticed_message
from bot.understanding.registry import reader_for

_ = domain("messages").gettext
logger = logging.getLogger(__name__)

APOLOGY = N_(
    "Sorry, something went wrong on my side. Your answers so far are kept. "
    "Please try again, or say \"start over\"."
)
# Said when typed words cannot be read because the conversation's language has no answer reader.
USE_THE_BUTTONS = N_("Sorry, I cannot read typed answers in this language yet. Please answer with the buttons.")


class NoReaderError(LookupError):
    """The conversation's language has no answer reader: typed answers cannot be read in it.

    Never read with another language's reader instead: an English reader would
    misread Chinese, and a wrong reading is worse than a re-ask."""

    def __init__(self, language: str):
        self.language = language
        super().__init__(f"no answer reader for language {language!r}")


def typed_answer_reader(language: str):
    """The answer reader of ``language``; :class:`NoReaderError` when there is none."""
    try:
        return reader_for(language)
    except KeyError:
        raise NoReaderError(language) from None


def apologise(action_name: str, dispatcher: CollectingDispatcher, error: Exception) -> List[Dict[Text, Any]]:
    logger.error("action %s failed: %s", action_name, type(error).__name__)
    dispatcher.utter_message(text=_(APOLOGY))
    return []


def _language_for(tracker: Tracker, dispatcher: CollectingDispatcher, notices: bool) -> tuple:
    """The language to speak, and the event that records a language noticed in the person's words."""
    noticed: Optional[str] = noticed_language(tracker) if notices else None
    if noticed is None:
        return conversation_language(tracker), []
    with use_language(noticed):
        send(dispatcher, chinese_noticed_message())
    return noticed, [SlotSet(LANGUAGE_SLOT, noticed)]


class SafeAction(Action, ABC):
    """Subclasses implement ``act`` instead of ``run`` (abstract, so Rasa does not register this base)."""

    # Whether this action may switch the conversation to the language a person writes in.
    notices_language = True

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        language, noticed = _language_for(tracker, dispatcher, self.notices_language)
        try:
            with use_language(language):
                return list(await self.act(dispatcher, tracker, domain)) + noticed
        except Exception as error:  # noqa: BLE001 - any failure must still answer the person
            with use_language(language):
                return apologise(self.name(), dispatcher, error) + noticed

    @abstractmethod
    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        """Do the action's work; return its events."""


def send(dispatcher: CollectingDispatcher, message) -> None:
    """Send a :class:`bot.screening.messages.ChatMessage` through Rasa's dispatcher."""
    buttons = [{"title": b.title, "payload": b.payload} for b in message.buttons]
    kwargs = {"text": message.text}
    if buttons:
        kwargs["buttons"] = buttons
    if message.custom is not None:
        kwargs["json_message"] = message.custom
    dispatcher.utter_message(**kwargs)


class SafeFormValidationAction(FormValidationAction, ABC):
    """A form's validation action that apologises instead of failing (abstract, like SafeAction)."""

    @abstractmethod
    def name(self) -> Text:
        """The action's name: validate_<form name>."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        language, noticed = _language_for(tracker, dispatcher, True)
        try:
            with use_language(language):
                return list(await super().run(dispatcher, tracker, domain)) + noticed
        except NoReaderError as error:
            logger.warning("action %s: %s", self.name(), error)
            with use_language(language):
                dispatcher.utter_message(text=_(USE_THE_BUTTONS))
            # The requested slot stays empty, so the form asks its question again; nothing is lost.
            requested = tracker.get_slot("requested_slot")
            return ([SlotSet(requested, None)] if requested else []) + noticed
        except Exception as error:  # noqa: BLE001 - the person must always get an answer
            with use_language(language):
                return apologise(self.name(), dispatcher, error) + noticed
