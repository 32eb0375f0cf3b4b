"""Round 7 (issue 9k): causes the English development sets (blind9, blind8, blind5, blind4, blind3) showed.

Every sentence here was written for this file, worded differently from the answer sets; expected values come
from what each sentence says. Dates count back from Monday 7 December 2026. Each rule has cases where it must
not fire: a wrong reading is far worse than a question asked again."""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from tests.understanding.helpers import asked_again, read_at as read, used


# --- not knowing, with a word between: "I don't really know" -----------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("other_cancer_early_treated", "we don't really know how early it was"),
    ("heart_disease", "honestly I do not actually know"),
    ("liver_disease", "she doesn't even know what her liver tests showed"),
    ("active_tuberculosis", "I can't really remember, it was years ago"),
    ("chemo_allergy", "he didn't catch what the nurse said it was"),
])
def test_not_knowing_with_a_word_between_is_not_sure(reader, questions, question, text):
    reading = read(reader, questions, question, text)
    assert reading.value in (NOT_SURE, None) or asked_again(reading)
    assert used(reading) != NO


@pytest.mark.parametrize("question, text, expected", [
    ("heart_disease", "no, I really don't have any heart trouble", NO),
    ("liver_disease", "no, none", NO),
])
def test_plain_noes_stay_noes(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


def test_a_result_then_a_change_not_caught_is_not_that_result(reader, questions):
    reading = read(reader, questions, "hr_status",
                   "negative at first, then the second biopsy was different and I didn't catch what they said")
    assert used(reading) in (None, NOT_SURE)


# --- days: "the week before last, on the Tuesday", "Thursday before last", year-first dates, "till June" -----
@pytest.mark.parametrize("question, text, expected", [
    ("days_since_chemotherapy", "Tuesday the week before last", 13),
    ("days_since_chemotherapy", "the week before last on the Monday", 14),
    ("days_since_immunotherapy", "Thursday before last", 11),
    ("days_since_steroids", "the Sunday before last", 8),  # last Sunday was the 6th
    ("days_since_targeted_therapy", "took the last tablet 2025/12/20", 352),
    ("days_since_targeted_therapy", "stopped 2026.10.07", 61),
    ("days_since_radiotherapy", "radiotherapy till june", 160),
    ("days_since_radiotherapy", "had radiation until june", 160),
])
def test_days_named_in_other_ways(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


def test_the_week_before_last_alone_is_still_about_11_days(reader, questions):
    assert used(read(reader, questions, "days_since_chemotherapy", "the week before last")) == 11


def test_may_the_verb_is_still_no_month(reader, questions):
    # "may" the verb gives no month: a hedge, never a day in May.
    assert used(read(reader, questions, "days_since_radiotherapy", "it may have been a while")) in (None, NOT_SURE)


# --- replies that meet the question's own negation ---------------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("unhealed_wound_or_fracture", "yes it healed fine"),
    ("unhealed_wound_or_fracture", "yep, all healed now"),
    ("heart_or_stroke_uncontrolled", "yes, well controlled on tablets"),
    ("breast_advanced_unresectable", "no surgery"),
    ("breast_advanced_unresectable", "no surgery possible"),
    ("breast_advanced_unresectable", "no, no surgery"),
])
def test_a_reply_that_meets_the_questions_own_negation_is_checked(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


@pytest.mark.parametrize("question, text, expected", [
    ("unhealed_wound_or_fracture", "yes, a cut on her shin that has not healed", YES),
    ("unhealed_wound_or_fracture", "no, it healed", NO),
    ("breast_advanced_unresectable", "no spread", NO),
    ("breast_advanced_unresectable", "yes, they said surgery can't remove it", YES),
])
def test_the_questions_own_negation_answered_plainly(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected
