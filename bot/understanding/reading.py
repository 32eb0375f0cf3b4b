"""What a reader returns, and the interface every language's reader has."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Iterable, Optional, Protocol

from bot.screening.answers import NO, YES, AnswerValue, Question

# Long pasted text is cut before reading: no answer needs more.
MAX_ANSWER_CHARS = 200
# At or above this confidence an answer is used as it is; below it the
# assistant asks a short check ("Just to be sure: is that a no?").
CONFIDENT = 0.8


@dataclass(frozen=True)
class Reading:
    """One typed answer as understood.

    ``value`` is a canonical answer (see :mod:`bot.screening.answers`) or None when the
    reply could not be understood; then ``problem`` says, for the person, what
    kind of answer is expected. ``echo`` is a short plain phrase of what was
    understood ("about 3 weeks ago, around 10 November"); ``note`` is said with
    it (a hedge read as "not sure", for example).
    """

    value: Optional[AnswerValue]
    confidence: float = 1.0
    echo: Optional[str] = None
    note: Optional[str] = None
    problem: Optional[str] = None

    @property
    def understood(self) -> bool:
        return self.value is not None

    @property
    def needs_check(self) -> bool:
        return self.value is not None and self.confidence < CONFIDENT


def confirmation(value: Optional[str], confidence: float) -> Optional[bool]:
    """A reply to "is that right?" as every reader reads it: a confident yes is True, a confident no
    False; anything else (not sure, unclear, a weak reading) is None, and the question is asked again."""
    if confidence < CONFIDENT:
        return None
    return True if value == YES else False if value == NO else None


class Reader(Protocol):
    """Reads replies in one language."""

    language: str

    def read(
        self,
        question: Question,
        text: str,
        today: dt.date,
        intent: Optional[str] = None,
        intent_confidence: float = 0.0,
    ) -> Reading:
        """Read a typed reply to ``question``; ``intent`` is the NLU model's guess, a second opinion."""

    def prepare(self, questions: Iterable[Question]) -> None:
        """Do one-off work (training the choice classifiers) before the first answer comes."""

    def read_confirmation(self, text: str) -> Optional[bool]:
        """True for a yes, False for a no, None when the reply is neither (asked again)."""

    def read_voice(self, text: str) -> Optional[str]:
        """"self" or "caregiver" from the words of a reply, None when they do not say."""

    def expected(self, question: Question) -> str:
        """What kind of answer ``question`` takes, in plain words (for a re-ask)."""
