"""Answer types of the question bank and the values each one accepts.

An answer is stored in one canonical form so that rules, storage and reports
agree on it:

* yes/no questions: ``"yes"``, ``"no"`` or ``"not_sure"``;
* choice questions: the id of a choice, or ``"not_sure"``;
* number questions: a :class:`~decimal.Decimal` inside the allowed range;
* "how long ago" questions: the number of whole days since the event, as a
  :class:`~decimal.Decimal`, or ``"never"``, or ``"not_sure"``.

``"not_sure"`` is a real answer: it makes the criteria that depend on it
``unknown`` so the study team checks them, instead of leaving them unasked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Dict, Mapping, Optional, Tuple, Union

from bot.i18n import domain

# The messages people see are translated; the "expected ..." ones describe a bad
# seed value or button payload to a developer, and the form replaces them with
# the reader's own plain re-ask.
_ = domain("messages").gettext

YES = "yes"
NO = "no"
NOT_SURE = "not_sure"
NEVER = "never"

VOICES = ("self", "caregiver")

AnswerValue = Union[str, Decimal]


class AnswerType(str, Enum):
    YES_NO = "yes_no"
    NUMBER = "number"
    CHOICE = "choice"
    TIME_SINCE = "time_since"


class InvalidAnswer(ValueError):
    """An answer that does not fit its question; the message is for users."""


@dataclass(frozen=True)
class Choice:
    """One answer of a choice question, with the words that describe it (see questions.yml)."""

    id: str
    label: str
    synonyms: Tuple[str, ...] = ()  # short words that name it ("bedridden")
    examples: Tuple[str, ...] = ()  # sentences a person might type; the classifier learns from them
    means: Tuple[str, ...] = ()  # the plain lab phrase it stands for ("ihc 2+ ish negative")
    polarity: Optional[str] = None  # "yes" or "no": the choice a plain yes or no picks
    years_ago: Optional[Tuple[Decimal, Optional[Decimal]]] = None  # a time band: [from, to) years ago


@dataclass(frozen=True)
class ChecklistItem:
    """One line of an umbrella question's list, and the follow-up questions it stands for."""

    id: str
    label: str
    follow_ups: Tuple[str, ...]
    # The follow-ups' terms and help, in English, filled in when the bank is loaded: the answer reader
    # reads "a DVT in August" to the list's "A blood clot in the last 6 months" with the words of the
    # follow-up question that line stands for.
    terms: Tuple[str, ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Question:
    """One fact asked of a patient or caregiver, shared by every trial."""

    id: str
    type: AnswerType
    text: Mapping[str, str]
    help: str
    terms: Tuple[str, ...] = ()
    # What the question is set in, not what it asks ("chemotherapy" in "did any of your chemotherapy use a
    # platinum drug?"): a reply that names only these has not answered (see questions.yml).
    context_terms: Tuple[str, ...] = ()
    unit: Optional[str] = None
    minimum: Optional[Decimal] = None
    maximum: Optional[Decimal] = None
    choices: Tuple[Choice, ...] = ()
    allows_not_sure: bool = True
    # An umbrella question stands for a list of follow-up questions (see questions.yml).
    umbrella: bool = False
    # Its list as boxes to tick; an unticked line answers its follow-ups "no", or
    # "checklist_window_days ago" for a how-long-ago follow-up.
    checklist: Tuple[ChecklistItem, ...] = ()
    checklist_window_days: Optional[Decimal] = None

    def text_for(self, voice: str) -> str:
        return self.text[voice]

    @property
    def string_values(self) -> Tuple[str, ...]:
        """Values a rule may compare this answer with, when they are words."""
        if self.type is AnswerType.YES_NO:
            return (YES, NO)
        if self.type is AnswerType.CHOICE:
            return tuple(choice.id for choice in self.choices)
        return ()

    def choice(self, choice_id: str) -> Choice:
        for choice in self.choices:
            if choice.id == choice_id:
                return choice
        raise KeyError(choice_id)

    def normalise(self, raw: object, today: dt.date) -> AnswerValue:
        """Turn a stored or typed value into the canonical answer, or refuse it."""
        if isinstance(raw, str) and raw.strip().lower().replace(" ", "_") == NOT_SURE:
            if not self.allows_not_sure:
                raise InvalidAnswer(_("This question needs an answer. 'Not sure' is not possible here."))
            return NOT_SURE
        if self.type is AnswerType.YES_NO:
            return _normalise_yes_no(self.id, raw)
        if self.type is AnswerType.CHOICE:
            return _normalise_choice(self, raw)
        if self.type is AnswerType.NUMBER:
            return _normalise_number(self, raw)
        return _normalise_time_since(self, raw, today)


def _plain_number(value: AnswerValue) -> str:
    number = Decimal(value)
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def _normalise_yes_no(question_id: str, raw: object) -> str:
    # YAML 1.1 reads a bare yes/no as a boolean, so accept both spellings.
    if raw is True or (isinstance(raw, str) and raw.strip().lower() == YES):
        return YES
    if raw is False or (isinstance(raw, str) and raw.strip().lower() == NO):
        return NO
    raise InvalidAnswer(f"expected yes, no or not sure, got {raw!r}.")


def _normalise_choice(question: Question, raw: object) -> str:
    if isinstance(raw, str) and raw in question.string_values:
        return raw
    allowed = ", ".join(question.string_values)
    raise InvalidAnswer(f"expected one of {allowed}, got {raw!r}.")


def _to_decimal(raw: object) -> Optional[Decimal]:
    if isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float, Decimal)) or isinstance(raw, str):
        try:
            number = Decimal(str(raw).strip())
        except InvalidOperation:
            return None
        return number if number.is_finite() else None
    return None


def _normalise_number(question: Question, raw: object) -> Decimal:
    number = _to_decimal(raw)
    if number is None:
        raise InvalidAnswer(f"expected a number, got {raw!r}.")
    check_in_range(question, number)
    return number


def check_in_range(question: Question, number: Decimal) -> None:
    low, high = question.minimum, question.maximum
    if (low is not None and number < low) or (high is not None and number > high):
        numbers = {"number": _plain_number(number), "low": _plain_number(low), "high": _plain_number(high)}
        if question.unit:
            raise InvalidAnswer(
                _("{number} is not possible here. Please give a number from {low} to {high} {unit}.").format(
                    unit=question.unit, **numbers)
            )
        raise InvalidAnswer(
            _("{number} is not possible here. Please give a number from {low} to {high}.").format(**numbers)
        )


def _normalise_time_since(question: Question, raw: object, today: dt.date) -> AnswerValue:
    if isinstance(raw, str) and raw.strip().lower() == NEVER:
        return NEVER
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        try:
            raw = dt.date.fromisoformat(raw.strip())
        except ValueError:
            pass
    if isinstance(raw, dt.date):
        if raw > today:
            raise InvalidAnswer(
                _("The date {date} is in the future. Please give a date in the past.").format(date=raw.isoformat())
            )
        return days_ago(question, Decimal((today - raw).days))
    number = _to_decimal(raw)
    if number is None:
        raise InvalidAnswer(
            f"expected a number of days, a date (YYYY-MM-DD), never or not sure, got {raw!r}."
        )
    return days_ago(question, number)


def days_ago(question: Question, days: Decimal) -> Decimal:
    """Check a number of days since an event against the question's range."""
    whole_days = days.to_integral_value()
    check_in_range(question, whole_days)
    return whole_days


def rule_value(question: Question, value: AnswerValue) -> Optional[AnswerValue]:
    """The value a rule sees, or None when the answer leaves the rule undecided.

    "Never" is infinitely long ago, so every waiting time is over. "Not sure"
    leaves a rule undecided, except for an umbrella question: there it clears
    nothing, so the rule sees the cautious answer ("yes", or "today") and the
    follow-up questions decide.
    """
    if value == NOT_SURE:
        if not question.umbrella:
            return None
        return YES if question.type is AnswerType.YES_NO else Decimal(0)
    if question.type is AnswerType.TIME_SINCE and value == NEVER:
        return Decimal("Infinity")
    return value


def normalise_answers(
    questions: Mapping[str, Question], raw_answers: Mapping[str, object], today: dt.date
) -> Dict[str, AnswerValue]:
    """Normalise a whole set of answers; unknown question ids are refused."""
    answers: Dict[str, AnswerValue] = {}
    for question_id, raw in raw_answers.items():
        question = questions.get(str(question_id))
        if question is None:
            raise InvalidAnswer(f"unknown question id {question_id!r}.")
        try:
            answers[question.id] = question.normalise(raw, today)
        except InvalidAnswer as error:
            raise InvalidAnswer(f"{question.id}: {error}") from None
    return answers
