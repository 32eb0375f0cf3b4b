"""The reader for a language. English is the only one so far."""

from __future__ import annotations

from functools import lru_cache

from bot.understanding.reading import Reader


@lru_cache(maxsize=None)
def reader_for(language: str = "en") -> Reader:
    if language == "en":
        from bot.understanding.english.reader import EnglishReader

        return EnglishReader()
    raise KeyError(f"no answer reader for language {language!r}")
