"""Safety pass of round 5 (issue 9h) for the English reader: readings that were the opposite of what was meant.

Every sentence here was written for this file, worded differently from the answer sets. Each rule has cases
where it must not fire."""

from __future__ import annotations

import pytest

from bot.screening.answers import NEVER, NO, NOT_SURE, YES
from tests.understanding.helpers import asked_again, read_at as read, used


# --- "active right now?": a time of diagnosis is when it began, not when it ended -------------------------
@pytest.mark.parametrize("text", [
    "he was diagnosed with tuberculosis two weeks ago",
    "I got diagnosed with active TB in November",
    "my husband was found to have TB last week",
    "diagnosed with TB three weeks ago, on tablets for it now",
])
def test_a_diagnosis_with_a_past_time_is_not_a_no_to_active_now(reader, questions, text):
    reading = read(reader, questions, "active_tuberculosis", text)
    assert reading.value != NO
    assert used(reading) in (YES, None)


@pytest.mark.parametrize("text", [
    "had TB in 2019",
    "TB in 2010, cured",
    "he was diagnosed with TB in 2015 and treated",
])
def test_a_past_time_of_something_over_is_still_no_to_active_now(reader, questions, text):
    assert read(reader, questions, "active_tuberculosis", text).value != YES


# --- a plan to do what the question says cannot be done ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "it's stage 1, surgery is booked for january",
    "stage 2, they're operating in two weeks",
    "mine is early stage, they will remove it next week",
    "her operation is scheduled for the 20th",
    "she is having surgery next month",
])
def test_planned_surgery_is_a_no_to_surgery_cannot_remove_it(reader, questions, text):
    assert used(read(reader, questions, "breast_advanced_unresectable", text)) == NO


@pytest.mark.parametrize("text", [
    "it has spread to the liver, they will operate on the breast",
    "they said it's inoperable",
    "they said surgery cannot remove it",
    "they were going to operate but then found it in her bones",
])
def test_spread_or_cannot_operate_is_never_read_as_no(reader, questions, text):
    assert read(reader, questions, "breast_advanced_unresectable", text).value != NO


# --- "no X, but a word of X's subject": not another thing asked ----------------------------------------------
@pytest.mark.parametrize("text", [
    "no dialysis, but my kidney function is a little reduced",
    "not on dialysis but his kidneys are weak",
    "no dialysis, but the kidney doctor sees him every month",
])
def test_a_denial_then_a_word_of_the_subject_is_never_a_yes(reader, questions, text):
    reading = read(reader, questions, "dialysis", text)
    assert reading.value != YES
    assert used(reading) in (NO, None)


def test_a_denial_then_a_whole_other_thing_asked_is_still_a_yes(reader, questions):
    assert used(read(reader, questions, "dialysis", "no dialysis but kidney failure")) == YES
    assert used(read(reader, questions, "pregnant_or_breastfeeding", "not pregnant, though I'm breastfeeding")) == YES


# --- "no problem" after the thing named says how it is ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "just a mild asthma, an inhaler once in a while, no problem",
    "a touch of bronchitis every winter, no problems",
    "asthma, no problem at all",
])
def test_no_problem_after_a_thing_is_never_a_yes(reader, questions, text):
    assert read(reader, questions, "severe_lung_disease", text).value != YES


@pytest.mark.parametrize("text", ["yes, no problem", "sure, no problem"])
def test_no_problem_after_a_yes_stays_a_yes(reader, questions, text):
    assert read(reader, questions, "severe_lung_disease", text).value == YES


# --- what the help says not to count: a shot into a joint named by its drug, a low daily dose ---------------
@pytest.mark.parametrize("text", [
    "she had a cortisone shot in her shoulder in the summer",
    "a prednisone injection into the hip joint last month",
    "5 mg of prednisolone daily",
    "7.5mg prednisolone each morning, nothing more",
    "he's on 10mg prednisone every day",
])
def test_what_the_help_does_not_count_is_never(reader, questions, text):
    assert used(read(reader, questions, "days_since_steroids", text)) == NEVER


@pytest.mark.parametrize("text", [
    "he's on 20mg prednisone a day",
    "5mg prednisone a day, before that 40mg",
    "dexamethasone 4mg a day",
    "5mg prednisone a day but she had a dexamethasone drip in may",
    "dexamethasone drip last week and a steroid shot in the knee",
    "cortisone tablets in october",
])
def test_a_dose_or_a_drug_that_counts_is_never_read_as_never(reader, questions, text):
    assert read(reader, questions, "days_since_steroids", text).value != NEVER


@pytest.mark.parametrize("text", ["20mg prednisone a day", "two puffs of the inhaler a day"])
def test_a_dose_a_day_is_how_often_not_a_day_ago(reader, questions, text):
    assert read(reader, questions, "days_since_steroids", text).value != 1


def test_a_day_ago_is_still_a_day_ago(reader, questions):
    assert used(read(reader, questions, "days_since_steroids", "the last prednisone tablet was a day ago")) == 1


# --- times: a weekday of last week, a season with its year, a month under the year the reply begins with -----
# (answered on Monday 7 December 2026)
@pytest.mark.parametrize("text, days", [
    ("thursday last week", 4),
    ("last week on monday", 7),
    ("it was on friday of last week", 3),
    ("on thursday", 4),  # no "last week": the latest Thursday
])
def test_a_weekday_of_last_week(reader, questions, text, days):
    assert used(read(reader, questions, "days_since_chemotherapy", text)) == days


@pytest.mark.parametrize("text, low, high", [
    ("the summer of 2024", 830, 920),     # June to August 2024
    ("spring 2025, I believe", 556, 647),  # March to May 2025
    ("autumn last year", 370, 465),        # September to November 2025
    ("last summer", 95, 190),              # in December: this year's summer
])
def test_a_season_with_its_year(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_radiotherapy", text))
    assert value is not None and low <= value <= high


def test_a_month_under_the_year_the_reply_begins_with(reader, questions):
    value = used(read(reader, questions, "days_since_trial_drug", "2025, the last dose was in february"))
    assert value is not None and 644 <= value <= 675  # February 2025


@pytest.mark.parametrize("text", [
    "she was diagnosed in 2021 and the trial stopped in june",
    "diagnosed in 2019, the last trial dose in august",
])
def test_a_month_beside_a_year_of_something_else_is_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "days_since_trial_drug", text))


# --- choices: words of two descriptions apart from each other are a check; "no pregnancy possible" -----------
@pytest.mark.parametrize("text", [
    "up and about, light work only",
    "he's up and about most of the day and does office work from home",
])
def test_words_of_two_descriptions_are_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "daily_activity", text))


@pytest.mark.parametrize("text, expected", [
    ("she cooks and irons but no heavy lifting", "light_work"),
    ("fully active", "fully_active"),
    ("he can wash and dress himself but can't work", "self_care_only"),
])
def test_words_of_one_description_still_choose_it(reader, questions, text, expected):
    assert used(read(reader, questions, "daily_activity", text)) == expected


@pytest.mark.parametrize("text", [
    "she's 66 so pregnancy is not possible",
    "no chance of pregnancy, I'm 61",
    "pregnancy impossible for her, she had a hysterectomy",
])
def test_pregnancy_not_possible_does_not_apply(reader, questions, text):
    assert used(read(reader, questions, "contraception", text)) == "not_applicable"


@pytest.mark.parametrize("text", ["no, we would not use anything", "no, she refuses"])
def test_a_plain_no_to_birth_control_stays_no(reader, questions, text):
    assert used(read(reader, questions, "contraception", text)) == "no"


# --- a hedge whose own reason, about what is asked, leans it the same way -----------------------------------
@pytest.mark.parametrize("question_id, text, expected", [
    ("measurable_lesion", "i think so, they measured the one in her liver at 2cm", YES),
    ("breast_advanced_unresectable", "I don't think so, the operation is booked for next month", NO),
])
def test_a_hedge_with_a_firm_reason_leans_and_says_so(reader, questions, question_id, text, expected):
    reading = read(reader, questions, question_id, text)
    assert used(reading) == expected and reading.note and "fairly sure" in reading.note


@pytest.mark.parametrize("question_id, text", [
    ("measurable_lesion", "I think so"),
    ("measurable_lesion", "i think so but they couldn't measure it"),
    ("anti_her2_therapy", "I don't think so, she had herceptin"),  # the reason goes the other way
    ("breast_advanced_unresectable", "i don't think so, it's in her bones"),
    ("metastatic_chemo", "I don't think so, just tablets"),  # names nothing firm: tablets may be chemo
    ("progression_on_scan", "I believe so, the doctor says the drug stopped helping"),  # an inference, no scan named
])
def test_a_hedge_without_a_firm_agreeing_reason_stays_not_sure(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).value in (NOT_SURE, None)


@pytest.mark.parametrize("text", [
    "i think so, her lips are sore and she still needs a mouth rinse for it",
    "I believe so, his eyes are dry and he needs drops every day",
])
def test_a_hedge_whose_reason_needs_treatment_leans_yes(reader, questions, text):
    assert used(read(reader, questions, "side_effects_more_than_mild", text)) == YES


@pytest.mark.parametrize("text", [
    "dry eyes, I use drops every day",
    "the mouth ulcers need an ointment",
])
def test_a_side_effect_that_needs_a_named_treatment_is_more_than_mild(reader, questions, text):
    assert used(read(reader, questions, "side_effects_more_than_mild", text)) == YES


def test_no_treatment_needed_is_not_more_than_mild(reader, questions):
    assert read(reader, questions, "side_effects_more_than_mild", "a bit of a dry mouth, no mouthwash needed").value != YES


@pytest.mark.parametrize("text", [
    "prednisone 40mg daily, knee injection in october",
    "a steroid shot in her knee in the spring, and 30 mg prednisolone a day now",
])
def test_a_dose_above_the_low_dose_beside_a_joint_shot_is_never_never(reader, questions, text):
    assert read(reader, questions, "days_since_steroids", text).value != NEVER


# --- a bare "no problem" answers a question that asks for consent, and is asked again elsewhere ------------
@pytest.mark.parametrize("question_id", ["severe_lung_disease", "heart_disease", "pregnant_or_breastfeeding"])
@pytest.mark.parametrize("text", ["no problem", "No problem.", "not a problem"])
def test_a_bare_no_problem_to_a_question_about_an_illness_is_asked_again(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).value is None


@pytest.mark.parametrize("text", ["no problem", "not a problem at all"])
def test_a_bare_no_problem_to_a_question_asking_consent_is_a_yes(reader, questions, text):
    assert used(read(reader, questions, "tissue_sample", text)) == YES


def test_no_problems_plural_is_still_a_no_to_a_question_about_a_problem(reader, questions):
    assert used(read(reader, questions, "heart_disease", "no problems")) == NO


# --- a no about something else, beside words of another choice ------------------------------------------
@pytest.mark.parametrize("text", [
    "no pregnancy planned, we use condoms",
    "not planning a baby, she has an IUD",
    "no, we don't want a baby so we use the pill",
])
def test_a_no_about_something_else_beside_a_yes_choice_is_never_the_no_choice(reader, questions, text):
    assert used(read(reader, questions, "contraception", text)) != "no"


@pytest.mark.parametrize("text", ["we would never", "no, i would not", "she is not on the pill"])
def test_a_no_about_birth_control_itself_stays_no(reader, questions, text):
    assert used(read(reader, questions, "contraception", text)) == "no"
