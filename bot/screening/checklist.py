"""An "any of these?" umbrella question answered as a list of ticked items.

Ticking items says which lines of the list apply; every line not ticked is a
"no" to its follow-up questions (or, for a how-long-ago follow-up, "not within
the list's window"). The follow-ups of ticked lines are then asked one by one.
No tick at all is the same as answering the umbrella "no".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, Mapping

from bot.i18n import domain
from bot.screening.answers import NO, YES, AnswerType, AnswerValue, InvalidAnswer, Question

_ = domain("messages").gettext

# What the web chat sends for a checklist: "ticked:item1,item4" ("ticked:" alone for none).
TICKED_PREFIX = "ticked:"


@dataclass(frozen=True)
class ChecklistAnswer:
    """The answers a checklist gives, and the follow-ups left to ask (cleared of any older answer)."""

    answers: Dict[str, AnswerValue]
    to_ask: FrozenSet[str]


def ticked_payload(item_ids: Iterable[str]) -> str:
    return TICKED_PREFIX + ",".join(item_ids)


def is_ticked_payload(value: str) -> bool:
    return value.startswith(TICKED_PREFIX)


def read_ticked(question: Question, value: str, questions: Mapping[str, Question]) -> ChecklistAnswer:
    """The answers meant by ``value`` (a :func:`ticked_payload`) for the umbrella ``question``."""
    if not question.checklist:
        raise InvalidAnswer(_("This question has no list to tick."))
    known = {item.id: item for item in question.checklist}
    ticked = [part for part in value[len(TICKED_PREFIX):].split(",") if part]
    unknown = [part for part in ticked if part not in known]
    if unknown:
        raise InvalidAnswer(_("Please tick the items in the list, or choose \"None of these\"."))
    to_ask = frozenset(q for item_id in ticked for q in known[item_id].follow_ups)
    answers: Dict[str, AnswerValue] = {}
    if ticked:
        for item in question.checklist:
            for follow_up in item.follow_ups:
                if follow_up not in to_ask:
                    answers[follow_up] = cleared_value(questions[follow_up], question)
    answers[question.id] = YES if ticked else NO  # last, so that "go back" undoes the umbrella itself
    return ChecklistAnswer(answers=answers, to_ask=to_ask)


def cleared_value(follow_up: Question, umbrella: Question) -> AnswerValue:
    """What an unticked line answers for one of its follow-ups."""
    if follow_up.type is AnswerType.TIME_SINCE:
        return umbrella.checklist_window_days
    return NO


def filled_in(answers: Mapping[str, AnswerValue], questions: Mapping[str, Question]) -> FrozenSet[str]:
    """The answers a ticked list filled in, rather than questions the person was asked.

    :func:`read_ticked` writes them just before the umbrella's own answer; the
    follow-ups asked afterwards come after it (answers keep their order)."""
    order = list(answers)
    filled = set()
    for position, umbrella_id in enumerate(order):
        umbrella = questions[umbrella_id]
        if not umbrella.checklist or answers[umbrella_id] != YES:
            continue
        for follow_up in order[:position]:
            if any(follow_up in item.follow_ups for item in umbrella.checklist) and \
                    answers[follow_up] == cleared_value(questions[follow_up], umbrella):
                filled.add(follow_up)
    return frozenset(filled)
