"""Every action runs in the conversation's language (actions/safety.py, actions/language.py)."""

from __future__ import annotations

import asyncio

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import SafeAction
from bot.i18n import current_language


class _SayLanguage(SafeAction):
    def name(self):
        return "action_say_language"

    async def act(self, dispatcher, tracker, domain):
        dispatcher.utter_message(text=current_language())
        return []


def _tracker(slots):
    return Tracker.from_dict({"sender_id": "t", "slots": slots, "latest_message": {}, "events": []})


@pytest.mark.parametrize("slot, spoken", [("zh", "zh"), ("en", "en"), (None, "en"), ("zh-CN", "zh"), ("klingon", "en")])
def test_an_action_speaks_the_language_of_the_conversation(slot, spoken):
    dispatcher = CollectingDispatcher()
    asyncio.run(_SayLanguage().run(dispatcher, _tracker({"chat_language": slot}), {}))
    assert dispatcher.messages[0]["text"] == spoken
    assert current_language() == "en"  # nothing leaks into the next conversation
