"""The language a conversation is held in: its ``chat_language`` slot (see domain.yml).

Every action runs inside :func:`bot.i18n.use_language` for it (actions/safety.py
does this for all of them), so the messages, the catalog and the answer reader
it uses all speak the person's language.

Until a language is chosen, a message written in Chinese characters chooses
Chinese: the person is told so, and how to switch back (actions/safety.py).
"""

from __future__ import annotations

import unicodedata
from typing import Optional

from rasa_sdk import Tracker

from bot.i18n import SOURCE_LANGUAGE, normalise_language

LANGUAGE_SLOT = "chat_language"
CHOOSE_LANGUAGE_INTENT = "choose_language"
CONTACT_FORM = "contact_form"
# A message is Chinese when at least this share of its letters are Chinese characters
# ("我62岁" is Chinese; "I had 化疗" is not: a person mixing in one word has not chosen).
CHINESE_SHARE = 0.5


def conversation_language(tracker: Tracker) -> str:
    """The language chosen in this conversation, English until one is chosen."""
    return normalise_language(tracker.get_slot(LANGUAGE_SLOT)) or SOURCE_LANGUAGE


def is_chinese_character(character: str) -> bool:
    # The CJK ideograph blocks (unified, extension A, compatibility) and their names say "CJK".
    return "CJK" in unicodedata.name(character, "") and unicodedata.category(character) == "Lo"


def mostly_chinese(text: str) -> bool:
    """Whether ``text`` is written mostly in Chinese characters (digits, spaces and punctuation aside)."""
    letters = [c for c in text if unicodedata.category(c).startswith("L")]
    if not letters:
        return False
    return sum(map(is_chinese_character, letters)) / len(letters) >= CHINESE_SHARE


def noticed_language(tracker: Tracker) -> Optional[str]:
    """Chinese, when no language is chosen yet and the person has just written in Chinese; else None.

    A button press ("/intent...") and a request to choose a language (its action
    answers that itself) notice nothing; nor does a detail typed into the contact
    form: a name or a city written in Chinese (张伟, 广州) is not a choice of language."""
    if tracker.get_slot(LANGUAGE_SLOT):
        return None
    if (tracker.active_loop or {}).get("name") == CONTACT_FORM:
        return None
    message = tracker.latest_message or {}
    text = message.get("text") or ""
    if text.startswith("/") or (message.get("intent") or {}).get("name") == CHOOSE_LANGUAGE_INTENT:
        return None
    return "zh" if mostly_chinese(text) else None
