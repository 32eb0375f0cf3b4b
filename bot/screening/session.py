"""The screening state of one conversation, as stored in plain JSON values.

Chat frameworks store state as JSON. Answers are kept as strings there
("67", "yes", "never") and turned back into canonical values here, so the rules
engine never sees a float or a half-parsed value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Dict, Mapping, Optional, Tuple

from bot.screening.answers import NEVER, NOT_SURE, AnswerType, AnswerValue, Question
from bot.screening.catalog import Catalog
from bot.screening.evaluation import ScreeningResult, screen


def answers_to_json(answers: Mapping[str, AnswerValue]) -> Dict[str, str]:
    return {qid: str(value) for qid, value in answers.items()}


def answers_from_json(questions: Mapping[str, Question], data: Optional[Mapping[str, str]]) -> Dict[str, AnswerValue]:
    """Read stored answers back; values that no longer fit the catalog are dropped, not guessed."""
    answers: Dict[str, AnswerValue] = {}
    for qid, raw in (data or {}).items():
        question = questions.get(qid)
        if question is None or not isinstance(raw, str):
            continue
        if question.type in (AnswerType.NUMBER, AnswerType.TIME_SINCE) and raw not in (NEVER, NOT_SURE):
            try:
                answers[qid] = Decimal(raw)
            except InvalidOperation:
                continue
        else:
            answers[qid] = raw
    return answers


@dataclass(frozen=True)
class ScreeningState:
    trial_id: str
    voice: str
    answers: Dict[str, AnswerValue]
    started_on: dt.date

    def result(self, catalog: Catalog) -> ScreeningResult:
        return _cached_screen(catalog, self.trial_id, tuple(self.answers.items()), self.started_on)


# One chat turn asks for the same result several times (which slot is next, is the
# answer valid, which question to ask); screening is a pure function of these inputs.
@lru_cache(maxsize=4096)
def _cached_screen(
    catalog: Catalog, trial_id: str, answers: Tuple[Tuple[str, AnswerValue], ...], started_on: dt.date
) -> ScreeningResult:
    return screen(catalog.trial(trial_id), catalog.questions, dict(answers), started_on)


def parse_started_on(value: Optional[str], today: dt.date) -> dt.date:
    try:
        return dt.date.fromisoformat(value) if value else today
    except ValueError:
        return today
