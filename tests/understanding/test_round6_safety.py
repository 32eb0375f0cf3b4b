"""Round 6 safety pass: replies of our own where the round's new rules could misread, and a few that show
the rules still work. A "safe" reading is a check (confidence below 0.8), a re-ask, or the right value.

Dates are counted from Monday 7 December 2026 (Mid-Autumn 25 September 2026, National Day 1 October,
Spring Festival 17 February 2026, winter solstice 22 December 2025).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from tests.understanding.helpers import ANSWERED_ON, ago, asked_again

TODAY = ANSWERED_ON



def safe_or(reading, value) -> bool:
    return reading.value is None or reading.needs_check or reading.value == value



# --- Chinese: a time counted in months from a festival; a start is no last time ------------------------------
@pytest.mark.parametrize("text, earliest, latest", [
    ("中秋前一个月停的化疗", dt.date(2026, 8, 20), dt.date(2026, 8, 30)),
    ("春节后三个月做的最后一次", dt.date(2026, 5, 13), dt.date(2026, 5, 21)),
    ("过完年两个月打的最后一针", dt.date(2026, 4, 14), dt.date(2026, 4, 22)),
    ("国庆节后一个多月", dt.date(2026, 10, 28), dt.date(2026, 11, 20)),
    ("去年冬至", dt.date(2025, 12, 22), dt.date(2025, 12, 22)),
    # still working: days and weeks from a festival, the one-day festivals
    ("国庆后三个星期", dt.date(2026, 10, 20), dt.date(2026, 10, 24)),
    ("重阳节那天", dt.date(2026, 10, 18), dt.date(2026, 10, 18)),
    ("双十一前几天", dt.date(2026, 11, 6), dt.date(2026, 11, 9)),
    ("11.20", dt.date(2026, 11, 20), dt.date(2026, 11, 20)),
])
def test_a_time_counted_from_a_festival_in_months(zh_reader, zh_questions, text, earliest, latest):
    reading = zh_reader.read(zh_questions["days_since_chemotherapy"], text, TODAY)
    assert isinstance(reading.value, Decimal), reading
    assert ago(latest) <= int(reading.value) <= ago(earliest), reading


@pytest.mark.parametrize("text, low, high", [
    ("吃元宵那时候开始化疗的，上个月做完", 1, 40),
    ("中秋那时候开始化疗的，上个月做完", 1, 40),
    ("从国庆开始打，打到上个礼拜", 1, 14),
])
def test_when_it_began_is_no_last_time(zh_reader, zh_questions, text, low, high):
    reading = zh_reader.read(zh_questions["days_since_chemotherapy"], text, TODAY)
    assert asked_again(reading) or low <= int(reading.value) <= high, reading


def test_began_and_still_going_is_now(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["days_since_targeted_therapy"], "上个月开始吃的，现在还在吃", TODAY)
    assert reading.value == 0, reading


def test_a_dotted_date_to_come_is_asked_again(zh_reader, zh_questions):
    assert zh_reader.read(zh_questions["days_since_chemotherapy"], "12.20", TODAY).value is None


# --- Chinese: 还有 adds only the asked thing, every clause after it counted -------------------------------------
@pytest.mark.parametrize("text, value", [
    ("还有手麻，也恶心", NO),
    ("还有手麻、白细胞低", NO),
    ("还有手麻等等", NO),
    ("掉头发，还有手麻，也拉肚子", NO),
    ("掉头发，还有手指头有点麻", YES),
    ("掉头发，还有手麻，别的没有", YES),
    ("掉头发，还有拉肚子", NO),
])
def test_what_haiyou_adds(zh_reader, zh_questions, text, value):
    reading = zh_reader.read(zh_questions["side_effects_only_hair_or_nerves"], text, TODAY)
    assert reading.value == value, reading


# --- Chinese: Cantonese 走咗去 and the no-surgery words -------------------------------------------------------
def test_went_to_a_city_is_no_spread(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["npc_recurrent_metastatic"], "佢走咗去广州睇医生", TODAY)
    assert safe_or(reading, NOT_SURE), reading


def test_went_to_the_lung_is_spread(zh_reader, zh_questions):
    assert zh_reader.read(zh_questions["npc_recurrent_metastatic"], "走咗去肺", TODAY).value == YES


def test_surgery_that_cannot_be_that_big_is_not_no_surgery(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["breast_advanced_unresectable"], "手术不能做太大的", TODAY)
    assert asked_again(reading), reading


def test_surgery_pointless_is_still_no_surgery(zh_reader, zh_questions):
    assert zh_reader.read(zh_questions["breast_advanced_unresectable"], "手术没意义", TODAY).value == YES


# --- Chinese and English: a yes that names the setting and something the question does not ask ------------------
def test_zh_setting_and_the_asked_drug_is_yes(zh_reader, zh_questions):
    assert zh_reader.read(zh_questions["platinum_chemo"], "化疗做过，用的顺铂", TODAY).value == YES


@pytest.mark.parametrize("qid, text", [
    ("platinum_chemo", "she had chemo, it was paclitaxel"),
    ("platinum_chemo", "yes she had chemo, it was the red one"),
    ("platinum_chemo", "she had chemo, the doctor chose the drugs"),
    ("antibody_allergy_severe", "yes she had the drip, felt tired after"),
])
def test_en_setting_and_something_not_asked_is_checked(reader, questions, qid, text):
    assert asked_again(reader.read(questions[qid], text, TODAY))


@pytest.mark.parametrize("qid, text", [
    ("platinum_chemo", "she had chemo and it was carboplatin"),
    ("platinum_chemo", "yes chemo with cisplatin"),
    ("immune_side_effect_severe", "yes immunotherapy, ended up in hospital with colitis"),
    ("chemo_allergy", "yes, allergic to taxol"),
])
def test_en_setting_and_the_asked_thing_is_yes(reader, questions, qid, text):
    assert reader.read(questions[qid], text, TODAY).value == YES


# --- English: day/month dates are no schedules ----------------------------------------------------------------
@pytest.mark.parametrize("qid, text", [
    ("days_since_chemotherapy", "xeloda on a 14/7 schedule"),
    ("days_since_targeted_therapy", "ibrance 21/7"),
    ("days_since_chemotherapy", "on 21/7 cycles"),
])
def test_days_on_and_off_are_no_date(reader, questions, qid, text):
    reading = reader.read(questions[qid], text, TODAY)
    assert reading.value is None or reading.needs_check or int(reading.value) < 60, reading


def test_a_day_month_date_still_read(reader, questions):
    assert reader.read(questions["days_since_chemotherapy"], "last cycle 20/11", TODAY).value == Decimal(17)


# --- English: a yes taken back or made small is not read past its negation ----------------------------------------
@pytest.mark.parametrize("qid, text", [
    ("current_lung_inflammation", "yes, after she stopped the steroids it cleared up"),
    ("other_cancer_early_treated", "yes, they have not removed it yet"),
    ("immune_side_effect_severe", "yeah no treatment afterwards because it was mild"),
])
def test_a_yes_taken_back_is_not_a_plain_yes(reader, questions, qid, text):
    assert safe_or(reader.read(questions[qid], text, TODAY), NO)


@pytest.mark.parametrize("qid, text", [
    ("active_brain_metastases", "yes, a spot in the brain, they have not treated it yet"),
    ("heart_disease", "yes, chest pains that the tablets dont really help"),
])
def test_a_describing_negation_after_yes_is_still_yes(reader, questions, qid, text):
    assert reader.read(questions[qid], text, TODAY).value == YES


# --- English: a meeting or decision to come about surgery is not known yet ------------------------------------------
@pytest.mark.parametrize("text", [
    "in 2 weeks we see the surgeon",
    "next month they will tell us if surgery is possible",
])
def test_a_decision_to_come_is_not_a_planned_operation(reader, questions, text):
    assert asked_again(reader.read(questions["breast_advanced_unresectable"], text, TODAY))


def test_an_operation_to_come_is_still_no(reader, questions):
    assert reader.read(questions["breast_advanced_unresectable"], "surgery next month", TODAY).value == NO


# --- English: setting up the phone is no typing help when the helper answers ---------------------------------------
def test_setting_up_the_app_and_answering_is_not_self(reader):
    assert reader.read_voice("my son set up the app for me and is answering for me") != "self"


def test_setting_up_the_phone_is_still_self(reader):
    assert reader.read_voice("me, kuya just helps me type") == "self"
