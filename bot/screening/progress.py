"""How far along a screening is: "Question 6 of about 15".

The count comes from the rules engine: the questions still unanswered that
can decide a criterion not yet decided. An umbrella question ("any of these?")
not yet answered counts once, not with its follow-ups, because most people
answer it "no"; after a "yes" only the follow-ups still needed are counted.
So the total is an estimate ("about") that can shrink or grow by a few.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, Mapping

from bot.screening.answers import AnswerValue, Question
from bot.screening.catalog import Trial
from bot.screening.checklist import filled_in
from bot.screening.evaluation import ScreeningResult, Status


@dataclass(frozen=True)
class Progress:
    number: int  # the question being asked now (1 for the first)
    total: int  # about how many questions in all, this one included
    left: int  # questions still to answer, this one included


def follow_ups(trial: Trial) -> Dict[str, FrozenSet[str]]:
    """Each umbrella question of the trial, with the questions its criteria also ask."""
    umbrellas: Dict[str, set] = {}
    for criterion in trial.criteria:
        for question_id in criterion.questions:
            umbrellas.setdefault(question_id, set()).update(q for q in criterion.questions if q != question_id)
    return {q: frozenset(others) for q, others in umbrellas.items()}


def progress(
    result: ScreeningResult, questions: Mapping[str, Question], answers: Mapping[str, AnswerValue]
) -> Progress:
    trial = result.trial
    asked = [q for q in answers if q in trial.question_order and q not in filled_in(answers, questions)]
    if result.next_question is None:
        return Progress(number=len(asked), total=len(asked), left=0)
    # The questions that can still change an undecided criterion (a waiting time
    # already met by "last treatment 6 weeks ago" needs none of its dates).
    open_questions = {q for r in result.criteria if r.status is Status.PENDING for q in r.deciding}
    others = follow_ups(trial)
    for question_id in list(open_questions):
        if questions[question_id].umbrella and question_id in open_questions:
            open_questions -= others[question_id]
    open_questions.add(result.next_question)
    left = len(open_questions)
    return Progress(number=len(asked) + 1, total=len(asked) + left, left=left)
