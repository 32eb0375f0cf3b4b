from __future__ import annotations

from pathlib import Path
from typing import Mapping

import pytest

from bot.screening.answers import Question
from bot.screening.catalog import load_questions
from bot.understanding import Reader, reader_for

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def questions() -> Mapping[str, Question]:
    return load_questions(SEEDS / "questions.yml")


@pytest.fixture(scope="session")
def reader() -> Reader:
    return reader_for("en")
