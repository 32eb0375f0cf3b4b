"""The reader for a language: English and Chinese."""

from __future__ import annotations

from functools import lru_cache

from bot.understanding.reading import Reader


@lru_cache(maxsize=None)
def reader_for(language: str = "en") -> Reader:
    if language == "en":
        from bot.understanding.english.reader import EnglishReader

        return EnglishReader()
    if language == "zh":
        from bot.understanding.chinese.reader import ChineseReader

        return ChineseReader()
    raise KeyError(f"no answer reader for language {language!r}")
