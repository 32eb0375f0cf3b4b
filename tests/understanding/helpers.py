"""What the reader tests of this round share: how a reading is looked at, as the form uses it."""

from __future__ import annotations

import datetime as dt

# The day the round's answer sets were written (a Monday); dates in their sentences count back from it.
ANSWERED_ON = dt.date(2026, 12, 7)


def used(reading):
    """The value the form would store without asking anything (None when it asks again or checks)."""
    return None if reading.value is None or reading.needs_check else reading.value


def asked_again(reading) -> bool:
    """The form asks: a re-ask, or a "Just to be sure" check."""
    return reading.value is None or reading.needs_check


def read_at(reader, questions, question_id: str, text: str, today: dt.date = ANSWERED_ON):
    """The reader's reading of ``text`` as the answer to ``question_id``."""
    return reader.read(questions[question_id], text, today)


def ago(date: dt.date, today: dt.date = ANSWERED_ON) -> int:
    """How many days before ``today`` a date is."""
    return (today - date).days


def days(value) -> int:
    """A "how long ago" reading's whole days (it must be a number of days)."""
    from decimal import Decimal

    assert isinstance(value, Decimal), value
    return int(value)
