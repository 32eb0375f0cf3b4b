"""Languages: which ones the assistant speaks, the one in use now, and its words.

Every sentence a person reads comes from a message catalog, one per language,
read with Babel (``locale/<language>/LC_MESSAGES/<domain>.po``). English is the
source language: the English sentence is the message id, so the English
"catalog" is the text in the code itself, and a translator works from it.

The language in use is a context variable, set by each adapter (an action, a
web request) for the time it handles one conversation: asyncio gives every
task its own copy, so two people's languages never mix. Code marks a sentence
with ``_ = domain("messages").gettext`` and ``_("...")``; ``python -m bot.i18n
check`` finds every marked sentence and fails when one has no translation.

Seed data (questions, criteria, trial texts) is translated in the seed files
themselves, beside the English: see :mod:`bot.screening.seed_translations`.
"""

from __future__ import annotations

import contextlib
import contextvars
import datetime as dt
from functools import lru_cache
from typing import Iterator, Optional

from babel.dates import format_date as _babel_format_date

from bot.i18n.catalogs import message_catalog

# The languages the assistant speaks, the source language first.
LANGUAGES = ("en", "zh")
SOURCE_LANGUAGE = "en"
# The Babel locale each language is written in (Simplified Chinese, mainland).
BABEL_LOCALES = {"en": "en_GB", "zh": "zh_Hans_CN"}
# The name of each language in its own words, for a language chooser.
LANGUAGE_NAMES = {"en": "English", "zh": "中文"}

_current = contextvars.ContextVar("language", default=SOURCE_LANGUAGE)


def normalise_language(tag: Optional[str]) -> Optional[str]:
    """The supported language for a tag such as ``zh-CN``, ``zh-Hant-HK``, ``en_US``; None if unsupported.

    Traditional Chinese tags map to ``zh`` too: the assistant writes Simplified
    Chinese and reads Traditional characters as well."""
    if not tag or not isinstance(tag, str):
        return None
    primary = tag.strip().replace("_", "-").split("-")[0].lower()
    return primary if primary in LANGUAGES else None


def current_language() -> str:
    return _current.get()


@contextlib.contextmanager
def use_language(language: Optional[str]) -> Iterator[str]:
    """Speak ``language`` (or English, when it is missing or unsupported) inside the block."""
    chosen = normalise_language(language) or SOURCE_LANGUAGE
    token = _current.set(chosen)
    try:
        yield chosen
    finally:
        _current.reset(token)


class Domain:
    """The sentences of one part of the assistant (one ``.po`` file per language)."""

    def __init__(self, name: str):
        self.name = name

    def gettext(self, message: str) -> str:
        language = current_language()
        if language == SOURCE_LANGUAGE:
            return message
        return message_catalog(language, self.name).gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        language = current_language()
        if language == SOURCE_LANGUAGE:
            return singular if count == 1 else plural
        return message_catalog(language, self.name).ngettext(singular, plural, count)


@lru_cache(maxsize=None)
def domain(name: str) -> Domain:
    return Domain(name)


def N_(message: str) -> str:
    """Marks a sentence for translation where it is defined; translate it where it is shown."""
    return message


def format_date(date: dt.date, language: Optional[str] = None) -> str:
    """A date the way the language writes it: "15 December 2026", "2026年12月15日"."""
    language = language or current_language()
    if language == SOURCE_LANGUAGE:
        return f"{date.day} {date.strftime('%B %Y')}"
    return _babel_format_date(date, format="long", locale=BABEL_LOCALES[language])
