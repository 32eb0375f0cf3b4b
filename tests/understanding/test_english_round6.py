"""Round 6 (issue 9i): families the development set blind8.yml showed in the English reader.

Every sentence here was written for this file, worded differently from the answer sets; expected
values come from what each sentence says. Dates count back from Monday 7 December 2026. Each rule
has cases where it must not fire: a wrong reading is far worse than a question asked again."""

from __future__ import annotations

import pytest

from tests.understanding.helpers import asked_again, read_at as read, used


# --- a day and month with no year: "20/11" ------------------------------------------------------------
@pytest.mark.parametrize("question, text, expected", [
    ("days_since_chemotherapy", "final infusion was on 30/11", 7),
    ("days_since_chemotherapy", "had the last dose 18/11", 19),
    ("last_treatment_days", "radiation finished 14/10", 54),
    ("days_since_steroids", "stopped the prednisolone 21/11", 16),
    ("days_since_minor_surgery", "port put in 13/11", 24),
    ("days_since_chemotherapy", "last one 15/12", 357),   # still to come this year: last year's
])
def test_day_and_month_without_a_year(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "last chemo 4/11"),        # 4 November or 11 April: the order is not plain
    ("days_since_chemotherapy", "last chemo 11/23"),       # 23 November written month first, or 11 of 23
    ("days_since_chemotherapy", "on cycle 3/6 now"),       # the third cycle of six
    ("days_since_steroids", "on dexamethasone 24/7"),      # all the time
    ("days_since_chemotherapy", "pain is 7/10 since the chemo"),
])
def test_day_and_month_not_read_when_it_may_be_something_else(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))
