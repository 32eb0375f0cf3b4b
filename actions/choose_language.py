"""Choosing the conversation's language: "中文", "English please", or a language button.

The ``language`` entity (a button sends ``/choose_language{"language": "zh"}``)
decides; typed words without an entity are looked at for a language's name.
Only the ``chat_language`` slot changes, so every answer given so far is kept;
inside a form its rule runs the form again, which asks the current question in
the new language (data/stories/rules.yml).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.language import LANGUAGE_SLOT
from actions.safety import SafeAction, send
from bot.i18n import normalise_language, use_language
from bot.screening.replies import language_chosen_message, which_language_message

# The names a person may type for each language, in either language.
LANGUAGE_WORDS = (
    ("zh", re.compile(r"中文|汉语|漢語|普通话|普通話|华语|華語|国语|國語|chinese|mandarin|zhongwen|\bzh\b", re.IGNORECASE)),
    ("en", re.compile(r"英文|英语|英語|english|\ben\b", re.IGNORECASE)),
)


def chosen_language(tracker: Tracker) -> Optional[str]:
    """The language the person asked for: the ``language`` entity, else a language's name in their words.

    Words naming both languages ("not Chinese, English") decide nothing: the person is asked."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "language":
            chosen = normalise_language(str(entity.get("value") or "")) or _named(str(entity.get("value") or ""))
            if chosen:
                return chosen
    return _named(tracker.latest_message.get("text") or "")


def _named(text: str) -> Optional[str]:
    named = {language for language, words in LANGUAGE_WORDS if words.search(text)}
    return named.pop() if len(named) == 1 else None


class ActionChooseLanguage(SafeAction):
    # It answers a language request itself, in the language asked for.
    notices_language = False

    def name(self) -> Text:
        return "action_choose_language"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        chosen = chosen_language(tracker)
        if chosen is None:
            send(dispatcher, which_language_message())
            return []
        with use_language(chosen):
            send(dispatcher, language_chosen_message())
        return [SlotSet(LANGUAGE_SLOT, chosen)]
