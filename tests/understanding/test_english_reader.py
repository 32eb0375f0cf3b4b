"""The English reader, one question type at a time. Expected values are written
by hand from what the reply says, not copied from the reader."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NO, NOT_SURE, YES

TODAY = dt.date(2026, 12, 1)


def read(reader, questions, question_id, text, intent=None, confidence=0.0):
    return reader.read(questions[question_id], text, TODAY, intent, confidence)


# --- yes / no --------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "she hasn't", "he never did", "my mum never had that", "certainly not", "not to my knowledge",
    "nobody ever mentioned it", "No.", "nope", "nah", "not really", "definitely not", "of course not",
    "absolutely not, she hasn't", "I don't", "he did not", "they haven't", "never", "none of those",
    "not that I know of", "no she doesn't", "NO", "n", "hasnt", "he doesnt", "nothing like that",
])
def test_noes(reader, questions, text):
    reading = read(reader, questions, "heart_disease", text)
    assert (reading.value, reading.needs_check) == (NO, False)


@pytest.mark.parametrize("text", [
    "sadly, she has", "yes", "Yes she has", "yep", "definitely", "absolutely", "of course", "certainly",
    "I have", "he did", "she is", "yes it has spread to her liver", "yeah, cisplatin", "I'm afraid so",
    "no doubt about it", "correct", "she has had it", "Y",
])
def test_yeses(reader, questions, text):
    reading = read(reader, questions, "heart_disease", text)
    assert (reading.value, reading.needs_check) == (YES, False)


@pytest.mark.parametrize("text", [
    "I think so", "probably not", "maybe", "I don't think so", "I believe she has", "possibly",
    "not sure", "no idea", "I don't know", "can't remember", "I'd have to ask her doctor", "hard to say",
])
def test_hedges_and_doubts_are_not_sure(reader, questions, text):
    assert read(reader, questions, "heart_disease", text).value == NOT_SURE


def test_a_hedge_is_said_back(reader, questions):
    assert "not sure" in read(reader, questions, "heart_disease", "I think so").note
    assert read(reader, questions, "heart_disease", "not sure").note is None


@pytest.mark.parametrize("text", ["yes, she hasn't", "no, she has", "she is fine", "banana", "three"])
def test_contradictions_and_non_answers_are_asked_again(reader, questions, text):
    reading = read(reader, questions, "heart_disease", text)
    assert reading.value is None and reading.problem == "Please answer yes, no or not sure."


def test_the_model_disagreeing_with_the_words_asks_a_check(reader, questions):
    reading = read(reader, questions, "heart_disease", "she definitely hasn't", "affirm", 0.9)
    assert reading.value == NO and reading.needs_check


def test_the_model_alone_never_decides(reader, questions):
    reading = read(reader, questions, "heart_disease", "in June, after the surgery", "affirm", 0.95)
    assert reading.value == YES and reading.needs_check
    assert read(reader, questions, "heart_disease", "in June, after the surgery").value is None


@pytest.mark.parametrize("text", ["she has heart failure", "he had a heart attack two years ago", "angina"])
def test_a_statement_naming_what_is_asked_is_a_yes(reader, questions, text):
    reading = read(reader, questions, "heart_disease", text)
    assert reading.value == YES and not reading.needs_check


@pytest.mark.parametrize("question_id, text", [
    ("metastatic_chemo", "only zoledronic acid for her bones"), ("heart_disease", "just a bit tired"),
])
def test_a_statement_that_names_nothing_asked_or_shrinks_it_is_asked_again(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).value is None


@pytest.mark.parametrize("text", ["only mild ones", "just a bit tired"])
def test_a_shrunk_statement_is_a_no_to_a_question_about_more_than_mild(reader, questions, text):
    # The question asks "more than mild?": "only mild ones" answers it (this was asked again before).
    reading = read(reader, questions, "side_effects_more_than_mild", text)
    assert reading.value == NO and not reading.needs_check


def test_no_longer_is_checked(reader, questions):
    reading = read(reader, questions, "side_effects_more_than_mild", "not anymore")
    assert reading.value == NO and reading.needs_check


# --- numbers ----------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("she's 67", 67), ("sixty two", 62), ("he is seventy-one years old", 71), ("I'm 45", 45), ("54yo", 54),
    ("my husband is 59", 59),
])
def test_ages(reader, questions, text, expected):
    reading = read(reader, questions, "age", text)
    assert reading.value == Decimal(expected) and not reading.needs_check
    assert reading.echo == f"{expected} years"


@pytest.mark.parametrize("text, lead", [
    ("<script>1</script>", "Please type just the number."),
    ("{{7}}", "Please type just the number."),
    ("${7*7}", "Please type just the number."),
    ("-5", "A number below zero is not possible here."),
    ("minus five", "A number below zero is not possible here."),
    ("60-65", "Please give one number, not a range."),
    ("between 60 and 65", "Please give one number, not a range."),
    ("67 or 68", "Please give one number, not a range."),
    ("45 or 46", "Please give one number, not a range."),
    ("45, 47", "I found more than one number."),
    ("born in 1958", "Please give the age in years, not the year of birth."),
])
def test_no_age_is_taken_from_markup_ranges_or_signs(reader, questions, text, lead):
    reading = read(reader, questions, "age", text)
    assert reading.value is None
    assert reading.problem.startswith(lead) and "from 0 to 120 (years)" in reading.problem


def test_an_impossible_age_names_the_range(reader, questions):
    assert read(reader, questions, "age", "250").problem == (
        "250 is not possible here. Please give a number from 0 to 120 years."
    )


def test_not_sure_is_refused_where_an_answer_is_needed(reader, questions):
    assert read(reader, questions, "age", "not sure").problem.startswith("This question needs an answer.")


@pytest.mark.parametrize("text, expected", [
    ("none", 0), ("she never had chemo", 0), ("two", 2), ("just one", 1), ("3 lines of chemo", 3), ("twice", 2),
    ("he's been through three regimens", 3),
])
def test_counts(reader, questions, text, expected):
    assert read(reader, questions, "chemo_lines", text).value == Decimal(expected)


def test_a_vague_count_is_asked_again(reader, questions):
    assert read(reader, questions, "chemo_lines", "a few").value is None


# --- how long ago -------------------------------------------------------------------
@pytest.mark.parametrize("text, days", [
    ("about 3 weeks ago", 21), ("2 months ago", 60), ("10 days ago", 10), ("yesterday", 1),
    ("on 2026-10-01", 61), ("15/03/2025", 626), ("10 November", 21), ("his last dose was on the 4th of june", 180),
    ("six weeks back", 42), ("still on it", 0), ("today", 0), ("more than 5 years ago", 1826),
    ("less than two weeks ago", 0), ("not in the last 6 months", 181), ("a year and a half ago", 548),
    ("in November", 1),
])
def test_times(reader, questions, text, days):
    reading = read(reader, questions, "days_since_chemotherapy", text)
    assert reading.value == Decimal(days) and not reading.needs_check


def test_a_time_is_echoed_with_its_date(reader, questions):
    assert read(reader, questions, "last_treatment_days", "about 3 weeks ago").echo == (
        "about 3 weeks ago, around 10 November 2026"
    )


@pytest.mark.parametrize("text", ["never", "she has never had radiotherapy", "no", "not once", "none"])
def test_never_inside_a_sentence(reader, questions, text):
    assert read(reader, questions, "days_since_radiotherapy", text).value == NEVER


def test_a_future_date_is_refused(reader, questions):
    assert "in the future" in read(reader, questions, "days_since_radiotherapy", "on 2027-01-05").problem


def test_a_negation_next_to_a_time_is_checked(reader, questions):
    reading = read(reader, questions, "days_since_chemotherapy", "no chemo, but radiotherapy 3 weeks ago")
    assert reading.needs_check


def test_the_verb_may_is_no_month(reader, questions):
    assert read(reader, questions, "days_since_chemotherapy", "she may have had some").value == NOT_SURE


# --- choices ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("she potters about the house but can't do heavy work", "light_work"),
    ("sits in his armchair nearly all day", "mostly_resting"),
    ("completely bedridden", "bed_bound"),
    ("fully active", "fully_active"),
    ("I still work full time and go running", "fully_active"),
    ("the second one", "light_work"),
])
def test_daily_life_descriptions(reader, questions, text, expected):
    reading = read(reader, questions, "daily_activity", text)
    assert reading.value == expected and not reading.needs_check


def test_a_negated_choice_word_is_not_that_choice(reader, questions):
    assert read(reader, questions, "daily_activity", "he is not fully active any more").value != "fully_active"


@pytest.mark.parametrize("text, expected", [
    ("IHC 2+, FISH not amplified", "ihc_2_ish_negative"), ("her2 two plus, ish negative", "ihc_2_ish_negative"),
    ("IHC 1+", "ihc_1"), ("score of 1+", "ihc_1"), ("HER2 0", "ihc_0"), ("3+", "ihc_3"),
    ("2+ and amplified on FISH", "ihc_2_ish_positive"),
])
def test_her2_lab_wording(reader, questions, text, expected):
    assert read(reader, questions, "her2_result", text).value == expected


@pytest.mark.parametrize("text", ["HER2 negative", "HER2 low", "ihc 2+", "her2 positive"])
def test_her2_wording_that_fits_several_results_is_asked_again(reader, questions, text):
    assert read(reader, questions, "her2_result", text).value is None


def test_an_ish_result_without_a_score_is_checked(reader, questions):
    reading = read(reader, questions, "her2_result", "the fish came back negative")
    assert reading.value == "ihc_2_ish_negative" and reading.needs_check


@pytest.mark.parametrize("text, expected", [
    ("ER positive", "positive"), ("ER+ PR-", "positive"), ("ER 90%, PR negative", "positive"),
    ("triple negative", "negative"), ("ER and PR both negative", "negative"),
    ("it is not hormone sensitive", "negative"),
])
def test_hormone_receptor_lab_wording(reader, questions, text, expected):
    assert read(reader, questions, "hr_status", text).value == expected


@pytest.mark.parametrize("text, expected", [
    ("lymphoma back in 2015", "over_5_years"), ("a melanoma removed twelve years ago", "over_5_years"),
    ("breast cancer in 2022", "years_2_to_5"), ("a skin cancer last year", "within_2_years"),
    ("no", "none"), ("never", "none"), ("nope, only this one", "none"),
])
def test_other_cancer_time_bands(reader, questions, text, expected):
    assert read(reader, questions, "other_cancer", text).value == expected


def test_a_year_on_a_band_edge_is_asked_again(reader, questions):
    # Somewhere in 2021 is either side of "5 years ago" on 1 December 2026.
    assert read(reader, questions, "other_cancer", "bowel cancer in 2021").value is None


def test_a_yes_without_a_time_asks_when(reader, questions):
    assert read(reader, questions, "other_cancer", "yes").problem.startswith("When was it found")


@pytest.mark.parametrize("text, expected", [
    ("no, she had a hysterectomy", "not_applicable"), ("doesn't apply", "not_applicable"),
    ("she went through the menopause years ago", "not_applicable"), ("yes we would", YES),
    ("we would never", NO), ("I would not", NO),
])
def test_birth_control(reader, questions, text, expected):
    assert read(reader, questions, "contraception", text).value == expected


# --- confirmation and voice ------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("yes", True), ("that's right", True), ("no", False), ("nope, that is wrong", False), ("hmm", None),
])
def test_confirmations(reader, text, expected):
    assert reader.read_confirmation(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("for my husband", "caregiver"), ("I'm answering for my mum", "caregiver"), ("my dad", "caregiver"),
    ("myself", "self"), ("it's for me", "self"), ("not for me, for my wife", "caregiver"), ("banana", None),
])
def test_voice(reader, text, expected):
    assert reader.read_voice(text) == expected


# --- general bugs the blind set revealed (see the README) -------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("unhealed_wound_or_fracture", "he has a sore on his heel that won't heal"),
    ("iv_or_swallowing_problem", "he can't swallow tablets since the radiotherapy"),
])
def test_a_negation_inside_a_description_is_never_taken_as_a_no(reader, questions, question_id, text):
    # The negated verb ("heal", "swallow") is what the question asks about: the problem itself, a yes.
    reading = read(reader, questions, question_id, text)
    assert reading.value == YES or reading.value is None or reading.needs_check


@pytest.mark.parametrize("text", ["ER 0% PR 0%", "ER <1%, PR <1%"])
def test_receptors_under_one_percent_are_negative(reader, questions, text):
    assert read(reader, questions, "hr_status", text).value == "negative"


@pytest.mark.parametrize("text, expected", [
    ("he'll be 70 next month", 69), ("seventy one next birthday", 70), ("I will be 50 in March", 49),
])
def test_a_future_age_is_one_less_now(reader, questions, text, expected):
    assert read(reader, questions, "age", text).value == Decimal(expected)


def test_last_year_is_the_calendar_year(reader, questions):
    assert read(reader, questions, "days_since_major_surgery", "sometime last year").value == Decimal(335)


def test_early_in_a_year(reader, questions):
    # Early 2024 ends on 30 April 2024, 945 days before 1 December 2026.
    assert read(reader, questions, "days_since_radiotherapy", "in early 2024").value == Decimal(945)


def test_a_stated_time_beats_not_sure_of_the_exact_date(reader, questions):
    assert read(reader, questions, "days_since_major_surgery", "not sure of the date, sometime last year").value == Decimal(335)


def test_no_idea_is_not_sure_even_with_never_told(reader, questions):
    assert read(reader, questions, "measurable_lesion", "no idea, they never told me").value == NOT_SURE


def test_a_bare_digit_is_a_score_not_a_place_in_the_list_for_her2(reader, questions):
    assert read(reader, questions, "her2_result", "1").value != "ihc_0"
    assert read(reader, questions, "daily_activity", "2").value == "light_work"


@pytest.mark.parametrize("text", ["what does that mean", "thanks", "is the drug safe?", "are you a bot"])
def test_a_classifier_does_not_pick_a_choice_for_words_it_never_saw(reader, questions, text):
    assert read(reader, questions, "contraception", text).value is None
