"""General rules added after the third outside set (tests/answers/blind3.yml) showed what the
reader got wrong. Each rule is tested on sentences written by hand for this file, worded
differently from the set's answers; expected values come from what each sentence says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NO, NOT_SURE, YES
from tests.understanding.helpers import read_at as read, used


# --- polarity ----------------------------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "sorry I do not understand this question"),
    ("liver_disease", "i didn't understand, the doctor only said her liver numbers are not good"),
    ("npc_health_screen", "too many medical words, I don't understand them"),
])
def test_not_understanding_the_question_is_not_a_no(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).value in (NOT_SURE, None)


@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "his heart races sometimes but nobody has checked it"),
    ("liver_disease", "her liver has never been scanned"),
    ("infection_last_2_weeks", "a temperature since Saturday, we have not seen a doctor"),
    ("immunodeficiency", "she has never been tested for HIV"),
])
def test_never_checked_is_not_known(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) in (NOT_SURE, None)


@pytest.mark.parametrize("question_id, text", [
    ("npc_recurrent_metastatic", "it hasn't come back as far as I know"),
    ("blood_clot_6_months", "no clots to my knowledge"),
    ("heart_disease", "as far as we are aware he has no heart problems"),
])
def test_a_negation_with_a_knowledge_qualifier_is_a_no(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "as far as I know maybe not"),  # another hedge: still not sure
    ("blood_clot_6_months", "as far as we know, but I am not sure"),
])
def test_a_knowledge_qualifier_with_another_hedge_stays_unsure(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) in (NOT_SURE, None)


@pytest.mark.parametrize("question_id, text", [
    ("active_brain_metastases", "a tiny spot, they are keeping an eye on it, no radiotherapy so far"),
    ("active_brain_metastases", "the MRI found it, no surgery planned"),
])
def test_it_before_a_bare_no_starts_a_new_clause(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) is None


# --- a question back, a guess at a choice ---------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_minor_surgery", "a mole cut off 3 weeks ago, is that what you mean?"),
    ("days_since_radiotherapy", "one zap to the spine in September, would that count?"),
    ("hr_status", "ER positive I think?"),
    ("age", "is it 64 or 65? she is 64 I think"),
])
def test_a_question_back_is_checked_for_every_answer_type(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert used(reading) in (None, NOT_SURE)


def test_a_question_about_something_else_after_a_plain_number_is_not_a_doubt(reader, questions):
    assert used(read(reader, questions, "age", "81. Can people my age still join?")) == Decimal(81)


@pytest.mark.parametrize("question_id, text", [
    ("her2_result", "probably 1+, the report is at home"),
    ("hr_status", "I suppose it was negative"),
])
def test_a_guessed_result_is_checked(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) in (None, NOT_SURE)


def test_any_kind_of_is_not_a_hedge(reader, questions):
    reading = read(reader, questions, "heart_disease", "she never had any kind of heart trouble")
    assert used(reading) == NO


# --- two lab results that disagree -------------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("her2_result", "the breast sample said 3+ but the bone one said 1+"),
    ("hr_status", "estrogen positive at diagnosis, and when it came back estrogen negative"),
])
def test_two_results_that_disagree_are_asked_again(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).value is None


def test_two_receptors_with_different_results_are_one_hr_result(reader, questions):
    assert used(read(reader, questions, "hr_status", "ER positive and PR negative")) == "positive"


# --- numbers ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("he is 58 next week", Decimal(57)),
    ("I'm 45 next birthday", Decimal(44)),
    ("turned 63 last month", Decimal(63)),
])
def test_an_age_said_with_when_it_comes(reader, questions, text, expected):
    assert used(read(reader, questions, "age", text)) == expected


@pytest.mark.parametrize("text", ["early 50s", "somewhere in her seventies I think", "mid 40s"])
def test_a_decade_alone_is_not_one_age(reader, questions, text):
    assert used(read(reader, questions, "age", text)) is None


@pytest.mark.parametrize("text, expected", [
    ("12 rounds altogether", None),
    ("two different plans, about 10 infusions", Decimal(2)),
    ("a single plan of 4 doses", Decimal(1)),
])
def test_cycles_inside_a_plan_are_not_the_count_of_plans(reader, questions, text, expected):
    assert used(read(reader, questions, "chemo_lines", text)) == expected


# --- times -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, low, high", [
    ("shortly after the lunar new year", 279, 292),        # 2026: 17 February
    ("right before Spring Festival", 294, 307),
    ("around chinese new year last year", 670, 684),       # 2025: 29 January, a week either side
])
def test_chinese_new_year_is_its_own_date_each_year(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_chemotherapy", text))
    assert value is not None and low <= value <= high, value


@pytest.mark.parametrize("text, expected", [
    ("middle of October", Decimal(53)),   # about 15 October
    ("the last one was mid-September", Decimal(83)),
    ("early November", Decimal(27)),      # a span (1 to 10 November): its shortest time
])
def test_mid_month_names_about_the_fifteenth(reader, questions, text, expected):
    assert used(read(reader, questions, "days_since_radiotherapy", text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("she was admitted in September, IV drugs until about the 12th", Decimal(86)),
    ("went in during November and the drip was finished by the 3rd", Decimal(34)),
    ("finished the drip on the 2nd", Decimal(5)),
])
def test_a_day_of_the_month_takes_the_month_the_reply_names(reader, questions, text, expected):
    assert used(read(reader, questions, "days_since_iv_antibiotics", text)) == expected


@pytest.mark.parametrize("text, low, high", [
    ("at the start of the year", 326, 340),
    ("the end of last year", 341, 355),
    ("stopped it this summer", 98, 189),
    ("last wk", 1, 13),
])
def test_more_spoken_times(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_hormone_therapy", text))
    assert value is not None and low <= value <= high, value


# --- voice ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "for a neighbour, he asked me to type it",
    "helping a friend who has no computer",
    "doing it for an uncle of mine",
])
def test_answering_for_a_friend_or_relative_is_a_caregiver(reader, text):
    assert reader.read_voice(text) == "caregiver"


# --- a time outside the question's window, with something still going on ----------------------------
@pytest.mark.parametrize("question_id, text", [
    ("blood_clot_6_months", "a DVT in March and she has been on injections ever since"),
    ("infection_last_2_weeks", "pneumonia in September, still coughing now"),
])
def test_an_event_before_the_window_with_something_going_on_is_checked(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) is None


def test_an_event_inside_the_window_with_something_going_on_is_a_yes(reader, questions):
    assert used(read(reader, questions, "blood_clot_6_months", "a clot in her lung in October, on blood thinners since")) == YES


# --- one thing named on a list question, "that's all" ------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("breast_health_screen", "a bit of asthma, nothing else"),
    ("breast_recent_screen", "a small skin biopsy 3 weeks ago, that's it"),
    ("npc_recent_medicines", "antibiotic pills for a chest infection, that's all"),
])
def test_one_thing_named_on_a_list_with_thats_all_is_checked(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) is None


# --- "how long ago" questions: what the question says not to count ---------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_steroids", "she had an injection into her knee joint in September"),
    ("days_since_steroids", "just a steroid cream on my eczema"),
    ("days_since_immunosuppressants", "nothing except the nose spray for hay fever"),
    ("days_since_radiotherapy", "only a quick course to a bone in his hip to ease the pain, in the summer"),
])
def test_only_what_the_question_does_not_count_is_never(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NEVER


@pytest.mark.parametrize("question_id, text, low, high", [
    ("days_since_radiotherapy", "A single dose to a bone for pain in June. The main radiotherapy was in 2021.", 1801, 2166),
    ("days_since_steroids", "a steroid shot in her knee last month. Prednisone tablets 20 mg until 3 weeks ago.", 18, 24),
])
def test_the_sentence_that_counts_gives_the_time(reader, questions, question_id, text, low, high):
    value = used(read(reader, questions, question_id, text))
    assert value is not None and low <= value <= high, value


def test_two_sentences_with_two_counted_times_are_checked(reader, questions):
    text = "Chemo finished in March. Then more chemo in September."
    assert used(read(reader, questions, "days_since_chemotherapy", text)) is None


# --- words next to their choices and terms in seeds/questions.yml -------------------------------------
@pytest.mark.parametrize("question_id, text, expected", [
    ("daily_activity", "her doctor wrote ECOG 2 in the letter", "self_care_only"),
    ("daily_activity", "PS 0", "fully_active"),
    ("contraception", "she had her womb taken out years ago", "not_applicable"),
    ("contraception", "I've got a coil fitted", "yes"),
    ("pd1_therapy", "he was on Opdivo last year", YES),
    ("metastatic_chemo", "Taxol every week since it spread", YES),
])
def test_choice_words_and_drug_names(reader, questions, question_id, text, expected):
    assert used(read(reader, questions, question_id, text)) == expected


@pytest.mark.parametrize("text, expected", [
    ("anastrozole daily since the operation", Decimal(0)),
    ("an injection every month, tablets every morning", Decimal(0)),
    ("took tamoxifen every day until last spring", None),  # stopped: not now (a season, asked or read as a time)
])
def test_how_often_with_nothing_stopped_is_now(reader, questions, text, expected):
    value = used(read(reader, questions, "days_since_hormone_therapy", text))
    if expected is None:
        assert value != Decimal(0)
    else:
        assert value == expected
