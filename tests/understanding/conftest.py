from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pytest

from bot.screening.answers import Question
from bot.screening.catalog import load_questions
from bot.understanding import Reader, reader_for
from tests.understanding.chinese_questions import chinese_questions

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def questions() -> Mapping[str, Question]:
    return load_questions(SEEDS / "questions.yml")


@pytest.fixture(scope="session")
def reader() -> Reader:
    return reader_for("en")


@pytest.fixture(scope="session")
def zh_questions() -> Mapping[str, Question]:
    return chinese_questions()


@pytest.fixture(scope="session")
def zh_reader(zh_questions) -> Reader:
    """The Chinese reader, prepared as the action server prepares it (an umbrella knows its follow-ups)."""
    zh = reader_for("zh")
    zh.prepare(zh_questions.values())
    return zh
