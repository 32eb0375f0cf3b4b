"""Where a person stands: how many questions are left, and saving the chat to come back later."""

from __future__ import annotations

from typing import Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.safety import SafeAction, send
from bot.screening.messages import progress_message, save_message
from bot.screening.progress import progress


class ActionTellProgress(SafeAction):
    """"How many questions are left?"."""

    def name(self) -> Text:
        return "action_tell_progress"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        where = None
        if state is not None:
            where = progress(state.result(context.catalog()), context.catalog().questions, state.answers)
        send(dispatcher, progress_message(where))
        return []


class ActionSaveForLater(SafeAction):
    """"Can I save this and come back later?"."""

    def name(self) -> Text:
        return "action_save_for_later"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        send(dispatcher, save_message())
        return []
