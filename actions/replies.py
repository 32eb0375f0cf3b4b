"""The fixed replies (greeting, thanks, goodbye, out of scope, ...) as actions, so that
they are said in the conversation's language (bot/screening/replies.py has the words).

They replace the domain's ``utter_*`` responses: ``utter_greet`` is now
``action_greet``, ``utter_default`` is Rasa's ``action_default_fallback``, and so on
(the README lists them).
"""

from __future__ import annotations

from abc import abstractmethod
from typing import Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.events import UserUtteranceReverted
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.safety import SafeAction, send
from bot.screening import replies
from bot.screening.messages import ChatMessage


class SayReply(SafeAction):
    """An action that says one fixed reply (abstract: each subclass names its action)."""

    @abstractmethod
    def name(self) -> Text:
        """The action's name."""

    @abstractmethod
    def message(self) -> ChatMessage:
        """What it says, in the conversation's language."""

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        send(dispatcher, self.message())
        return []


class ActionGreet(SayReply):
    def name(self) -> Text:
        return "action_greet"

    def message(self) -> ChatMessage:
        return replies.greeting_message()


class ActionNotAMatch(SayReply):
    def name(self) -> Text:
        return "action_not_a_match"

    def message(self) -> ChatMessage:
        return replies.reply(replies.NOT_A_MATCH)


class ActionCarryOn(SayReply):
    def name(self) -> Text:
        return "action_carry_on"

    def message(self) -> ChatMessage:
        return replies.reply(replies.CARRY_ON)


class ActionOutOfScope(SayReply):
    def name(self) -> Text:
        return "action_out_of_scope"

    def message(self) -> ChatMessage:
        return replies.reply(replies.OUT_OF_SCOPE)


class ActionNoMedicalAdvice(SayReply):
    def name(self) -> Text:
        return "action_no_medical_advice"

    def message(self) -> ChatMessage:
        return replies.reply(replies.NO_MEDICAL_ADVICE)


class ActionIAmABot(SayReply):
    def name(self) -> Text:
        return "action_iamabot"

    def message(self) -> ChatMessage:
        return replies.reply(replies.I_AM_A_BOT)


class ActionWelcome(SayReply):
    def name(self) -> Text:
        return "action_welcome"

    def message(self) -> ChatMessage:
        return replies.reply(replies.WELCOME)


class ActionGoodbye(SayReply):
    def name(self) -> Text:
        return "action_goodbye"

    def message(self) -> ChatMessage:
        return replies.reply(replies.GOODBYE)


class ActionDefaultFallback(SayReply):
    """Rasa's own fallback action, overridden so that it speaks the conversation's language."""

    def name(self) -> Text:
        return "action_default_fallback"

    def message(self) -> ChatMessage:
        return replies.reply(replies.NOT_UNDERSTOOD)

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        # Like Rasa's own: the message not understood is taken back, so it does not steer what comes next.
        await super().act(dispatcher, tracker, domain)
        return [UserUtteranceReverted()]
