"""Rules of issue 14's fifth round for Chinese number, choice, lab-report and voice answers. Every sentence
here was written for this file, worded differently from the answer sets; expected values come from what
each sentence says."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.understanding.chinese import lab_results
from bot.understanding.chinese.numbers import read_number, told_steps
from bot.understanding.chinese.text import clauses, normalise
from tests.understanding.helpers import asked_again, read_at, used


def _number(text: str):
    return read_number(text, normalise(text))


# --- a vague round amount and the exact number inside it ------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("五十出头，51岁", 51),
    ("七十多了，73", 73),
    ("六十几岁，具体66", 66),
    ("58，五十多岁", 58),
])
def test_the_exact_number_inside_a_vague_amount_is_meant(text, value):
    assert _number(text).value == Decimal(value)


@pytest.mark.parametrize("text", [
    "五十出头，快60了",  # 60 is outside 五十出头
    "七十多，80",
    "六十多岁，做过3次化疗",
    "四十出头",
    "五六十岁，55",
    "三十多，四十多",
    "七十多了",  # more than seventy, not seventy
    "七十出头，去年71",  # last year's age
])
def test_a_vague_amount_without_one_number_inside_it_is_not_read(text):
    assert _number(text).value is None


# --- a story of treatment plans ---------------------------------------------------------------------------
@pytest.mark.parametrize("text, steps", [
    ("一开始多西他赛，后来换成卡培他滨", 2),
    ("最早用的顺铂加氟尿嘧啶，复发后换成吉西他滨，再后来改成白蛋白紫杉醇", 3),
    ("先是TP，然后换了GP，最后吃卡培他滨", 3),
])
def test_each_step_of_a_story_is_one_plan(text, steps):
    assert told_steps(clauses(normalise(text))) == steps


@pytest.mark.parametrize("text", [
    "一开始化疗，后来做了手术",
    "先化疗，然后放疗",
    "一开始紫杉醇，后来又加上了曲妥珠单抗",
    "一开始用TP，后来还是TP",
    "开始吃卡培他滨，后来停了",
    "一开始多西他赛，我不记得后来用的什么",
    "多西他赛，后来换成卡培他滨",  # no first step told: maybe an earlier plan too
])
def test_a_story_that_is_not_only_new_plans_is_not_counted(text):
    assert told_steps(clauses(normalise(text))) is None


def test_a_story_is_checked(zh_reader, zh_questions):
    story = read_at(zh_reader, zh_questions, "chemo_lines", "一开始多西他赛，后来换成卡培他滨")
    assert story.value == Decimal(2) and asked_again(story)  # 来曲唑 would read the same: is each one chemo?
    said = read_at(zh_reader, zh_questions, "chemo_lines", "化疗一开始是多西他赛，后来换成卡培他滨")
    assert said.value == Decimal(2) and asked_again(said)


@pytest.mark.parametrize("text", ["一开始在外院化疗，后来转到我们医院继续化疗", "先在县医院化疗，后来接着在省里做"])
def test_a_story_of_places_is_no_count_of_plans(text):
    assert told_steps(clauses(normalise(text))) is None


# --- lab reports ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, phrase", [
    ("ER 0，PR 0", "激素受体阴性"),
    ("病理上写 ER0 PR0 HER2 1+", "激素受体阴性"),
    ("ER(+80%)，PR(-)", "激素受体阳性"),
    ("ER 0，PR(+5%)", "激素受体阳性"),
])
def test_hormone_receptor_reports(text, phrase):
    assert lab_results.hormone_phrase(normalise(text)) == phrase


@pytest.mark.parametrize("text", ["ER 0.5%", "ER 05"])
def test_a_zero_that_starts_another_number_is_not_negative(text):
    assert lab_results.hormone_phrase(normalise(text)) is None


@pytest.mark.parametrize("text, phrase", [
    ("免疫组化2+，又做了FISH，结果是阴性", "免疫组化 2+ 原位杂交阴性"),
    ("HER2 (++), 补做了基因检测, 结果阳性", "免疫组化 2+ 原位杂交阳性"),
])
def test_an_ish_result_after_a_comma(text, phrase):
    assert lab_results.her2_phrase(normalise(text)) == phrase


def test_a_result_after_a_comma_that_is_not_the_ish_test_s_is_not_read():
    assert lab_results.her2_phrase(normalise("HER2 2+，FISH还没出来，别的结果阳性")) == "免疫组化 2+"


# --- daily activity ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, choice", [
    ("我妈一半以上时间都躺着", "mostly_resting"),
    ("他多半时间在床上", "mostly_resting"),
])
def test_more_than_half_the_day_lying_down(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "daily_activity", text)) == choice


def test_not_most_of_the_day_in_bed_is_not_that_choice(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "daily_activity", "不是大部分时间在床上，还能起来走")) != "mostly_resting"


# --- who is answering ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, voice", [
    ("替家里长辈问一下", "caregiver"),
    ("我是替我家老人来问的", "caregiver"),
    ("帮家里老人问的", "caregiver"),
    ("我儿子正在帮我打字，问的是我的病", "self"),
    ("我老婆在替我打字，我就是病人", "self"),
    ("帮我看看", None),  # "look for me": not someone else
    ("我是患者的儿子", "caregiver"),
    ("我是病人的家属", "caregiver"),
    ("我是病人", "self"),
    ("为我们家老人咨询", "caregiver"),
    ("我家老太太得了乳腺癌", "caregiver"),
    ("我係病人本人", "self"),
])
def test_voice(zh_reader, text, voice):
    assert zh_reader.read_voice(text) == voice


def test_a_story_told_in_one_clause(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "chemo_lines", "化疗最早用TP后来换成GP")
    assert reading.value == Decimal(2) and asked_again(reading)


# --- "hard to say", said softer ----------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["不太好说", "这个不大好说，时好时坏"])
def test_hard_to_say_is_not_sure(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "daily_activity", text)) == "not_sure"


def test_not_talkative_is_not_hard_to_say():
    assert "不好说" not in normalise("他不太好说话")


def test_cantonese_is_after_a_person_but_not_in_system():
    assert normalise("我係病人") == "我是病人"
    assert "系统" in normalise("他系统地治过")
