"""The language a conversation is held in: its ``chat_language`` slot (see domain.yml).

Every action runs inside :func:`bot.i18n.use_language` for it (actions/safety.py
does this for all of them), so the messages, the catalog and the answer reader
it uses all speak the person's language.
"""

from __future__ import annotations

from rasa_sdk import Tracker

from bot.i18n import SOURCE_LANGUAGE, normalise_language

LANGUAGE_SLOT = "chat_language"


def conversation_language(tracker: Tracker) -> str:
    """The language chosen in this conversation, English until one is chosen."""
    return normalise_language(tracker.get_slot(LANGUAGE_SLOT)) or SOURCE_LANGUAGE
