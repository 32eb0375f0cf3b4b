"""The question bank in Chinese, as the Chinese reader receives it (``catalog.in_language("zh")``).

Loaded from the question bank alone: the Chinese catalog as a whole also needs
every trial file in Chinese, and the reader reads only questions.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Mapping

from bot.screening.answers import Question
from bot.screening.catalog import load_translated_questions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@lru_cache(maxsize=1)
def chinese_questions() -> Mapping[str, Question]:
    _, translations = load_translated_questions(SEEDS / "questions.yml")
    return translations["zh"]
