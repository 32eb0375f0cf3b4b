"""A base for actions that must never leave a person in silence.

If anything goes wrong inside an action, the person gets an apology and a way
forward, the slots stay as they were (nothing already given is lost), and the
log records the action name and error type only: never what the person typed.
"""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any, Dict, List, Text

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.language import conversation_language
from bot.i18n import use_language

logger = logging.getLogger(__name__)

APOLOGY = (
    "Sorry, something went wrong on my side. Your answers so far are kept. "
    "Please try again, or say \"start over\"."
)


def apologise(action_name: str, dispatcher: CollectingDispatcher, error: Exception) -> List[Dict[Text, Any]]:
    logger.error("action %s failed: %s", action_name, type(error).__name__)
    dispatcher.utter_message(text=APOLOGY)
    return []


class SafeAction(Action, ABC):
    """Subclasses implement ``act`` instead of ``run`` (abstract, so Rasa does not register this base)."""

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]):
        try:
            with use_language(conversation_language(tracker)):
                return await self.act(dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001 - any failure must still answer the person
            return apologise(self.name(), dispatcher, error)

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
        try:
            with use_language(conversation_language(tracker)):
                return await super().run(dispatcher, tracker, domain)
        except Exception as error:  # noqa: BLE001 - the person must always get an answer
            return apologise(self.name(), dispatcher, error)
