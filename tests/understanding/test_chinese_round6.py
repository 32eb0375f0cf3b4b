"""Round 6, second pass (issue-14y): the families the development set blind8_zh.yml still asked again,
each tested with sentences of our own.

Dates are counted from Monday 7 December 2026. Festival dates are the published ones: the Qixi festival
(seventh day of the seventh lunar month) is 19 August 2026, the Double Ninth (重阳) 18 October 2026.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.screening.answers import NO, YES
from bot.understanding.chinese.text import normalise
from tests.understanding.helpers import ANSWERED_ON, ago, days

TODAY = ANSWERED_ON




def understood(reading, expected) -> bool:
    return reading.value == expected and not reading.needs_check


# --- Cantonese words the normaliser did not know -----------------------------------------------------
@pytest.mark.parametrize("cantonese, mandarin", [
    ("佢今朝啱啱打完针", "今天早上刚刚"),
    ("医生话唔使再做", "不用"),
    ("成日觉得好攰", "经常觉得好累"),
    ("佢日日都去公园", "每天"),
    ("1968年出世", "出生"),
    ("耳仔有啲聋", "耳朵"),
    ("打针嗰阵头晕", "那时候"),
    ("脑入面有个瘤", "里面"),
    ("有少少咳", "一点"),
    ("皮肤好痕", "好痒"),
    ("搽咗药膏", "擦"),
    ("伤口仲未埋口", "没愈合"),
    ("食完药肚屙", "拉肚子"),
    ("行两步就透唔到气", "喘不上气"),
    ("医生话个瘤切唔到", "切不掉"),
    ("癌细胞走咗去骨", "转移到"),
    ("我仲喂紧奶", "在喂奶"),
    ("佢乜都食得", "什么都"),
])
def test_cantonese_words_are_written_the_mandarin_way(cantonese, mandarin):
    assert mandarin in normalise(cantonese)


@pytest.mark.parametrize("mandarin", ["手术留下了疤痕", "肺里有瘢痕", "有痕迹"])
def test_hen_stays_a_mark_in_mandarin(mandarin):
    assert "痒" not in normalise(mandarin)


@pytest.mark.parametrize("question, text, expected", [
    ("effusion_drainage", "肺边有少少水，医生话暂时唔使抽", NO),
    ("pregnant_or_breastfeeding", "仲喂紧奶，BB啱啱半岁", YES),
    ("breast_advanced_unresectable", "癌细胞走咗去肺，医生话切唔到", YES),
])
def test_cantonese_replies_are_read(zh_reader, zh_questions, question, text, expected):
    reading = zh_reader.read(zh_questions[question], text, TODAY)
    assert understood(reading, expected), reading


def test_a_birth_year_with_chu_sai_is_an_age(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["age"], "1970年3月出世", TODAY)
    assert reading.value == Decimal(56), reading


def test_this_morning_in_cantonese_is_today(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["days_since_minor_surgery"], "今朝啱啱拔咗牙", TODAY)
    assert reading.value == Decimal(0), reading


# --- Numbers: the exact one beside a rough or a counted-ahead one ------------------------------------
@pytest.mark.parametrize("text, age", [
    ("马上七十了，今年六十八", 68),
    ("快50岁了，49", 49),
    ("虚岁六十三，实岁六十一", 61),
    ("实岁是72，虚岁74", 72),
])
def test_the_exact_age_beside_a_coming_or_nominal_one(zh_reader, zh_questions, text, age):
    reading = zh_reader.read(zh_questions["age"], text, TODAY)
    assert understood(reading, Decimal(age)), reading


@pytest.mark.parametrize("text", ["快六十了，五十", "快五十了，化疗三次"])
def test_a_number_far_from_the_coming_one_is_still_two_numbers(zh_reader, zh_questions, text):
    assert zh_reader.read(zh_questions["age"], text, TODAY).value is None


# --- Chemotherapy plans and cycles --------------------------------------------------------------------
@pytest.mark.parametrize("text, plans", [
    ("只有一个，多西他赛加顺铂做了六个疗程", 1),  # 疗程 are cycles of the one plan
    ("用过两种，前后一共打了八个疗程", 2),
    ("从来没化疗过 一次都没有", 0),  # a space between the clauses: "化疗 一次" is no count of times
])
def test_plans_beside_cycles(zh_reader, zh_questions, text, plans):
    reading = zh_reader.read(zh_questions["chemo_lines"], text, TODAY)
    assert understood(reading, Decimal(plans)), reading


@pytest.mark.parametrize("text", ["化疗打了六次", "两次化疗，每次打了4个疗程"])
def test_times_given_are_not_counted_as_plans(zh_reader, zh_questions, text):
    assert zh_reader.read(zh_questions["chemo_lines"], text, TODAY).value is None


# --- Dates: month.day, and the one-day festivals --------------------------------------------------------
@pytest.mark.parametrize("text, date", [
    ("10.15", dt.date(2026, 10, 15)),
    ("9/28", dt.date(2026, 9, 28)),
    ("大概是8.12那天", dt.date(2026, 8, 12)),
    ("11.3号", dt.date(2026, 11, 3)),
    ("去年12.18", dt.date(2025, 12, 18)),
])
def test_a_month_and_day_with_a_dot_or_slash(zh_reader, zh_questions, text, date):
    reading = zh_reader.read(zh_questions["days_since_chemotherapy"], text, TODAY)
    assert reading.value == Decimal(ago(date)), reading


@pytest.mark.parametrize("text", [
    "12.28",  # still to come this year: last year's, or a slip
    "2.5",  # two and a half
    "1/2",
    "9.30打的针",  # half past nine, maybe
    "2.15个月前",
    "上午10.30",
])
def test_a_dot_or_slash_that_is_no_past_date_is_not_read_as_one(zh_reader, zh_questions, text):
    reading = zh_reader.read(zh_questions["days_since_chemotherapy"], text, TODAY)
    assert reading.value is None or days(reading.value) != ago(dt.date(2026, 12, 28)), reading
    if text in ("12.28", "9.30打的针", "上午10.30"):
        assert reading.value is None, reading


@pytest.mark.parametrize("text, date", [
    ("七夕节当天打完最后一针", dt.date(2026, 8, 19)),
    ("重阳那天停的药", dt.date(2026, 10, 18)),
    ("去年重阳节", dt.date(2025, 10, 29)),
    ("2024年七夕", dt.date(2024, 8, 10)),
    ("双11那天", dt.date(2026, 11, 11)),
    ("双十一", dt.date(2026, 11, 11)),
])
def test_one_day_festivals_are_that_day(zh_reader, zh_questions, text, date):
    reading = zh_reader.read(zh_questions["days_since_targeted_therapy"], text, TODAY)
    assert reading.value == Decimal(ago(date)), reading


def test_the_weeks_before_the_double_ninth(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["days_since_targeted_therapy"], "重阳节前一个礼拜", TODAY)
    assert ago(dt.date(2026, 10, 13)) <= days(reading.value) <= ago(dt.date(2026, 10, 9)), reading


# --- "Surgery is pointless": an operation is no option ------------------------------------------------
@pytest.mark.parametrize("text", [
    "医生讲开刀已经没什么意义了",
    "转移到骨头了，手术都做不了",
    "我妈年纪大，又扩散了，做不了手术",
])
def test_surgery_no_option_is_a_yes_to_cannot_be_removed(zh_reader, zh_questions, text):
    reading = zh_reader.read(zh_questions["breast_advanced_unresectable"], text, TODAY)
    assert understood(reading, YES), reading


def test_surgery_possible_is_never_a_yes(zh_reader, zh_questions):
    reading = zh_reader.read(zh_questions["breast_advanced_unresectable"], "没转移，医生说还能做手术", TODAY)
    assert reading.value != YES, reading
