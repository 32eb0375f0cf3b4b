"""The readings of the opposite polarity in round 7's Chinese blind set (blind10_zh.yml), after its one scoring."""

from __future__ import annotations

import pytest

from bot.screening.answers import NEVER, NO, YES
from tests.understanding.helpers import asked_again, read_at, used


@pytest.mark.parametrize("text", ["两周前肺炎挂了抗生素", "上周肺炎，挂了三天抗生素", "肺炎住院，打了一周抗生素点滴"])
def test_an_illness_beside_what_is_asked_is_not_its_vaccine(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "npc_recent_medicines", text)) != NO


@pytest.mark.parametrize("text", ["打了肺炎疫苗", "只打了流感疫苗"])
def test_a_vaccine_not_counted_is_still_a_no(zh_reader, zh_questions, text):
    assert read_at(zh_reader, zh_questions, "npc_recent_medicines", text).value == NO


def test_a_never_beside_a_time_typed_with_spaces_is_checked(zh_reader, zh_questions):
    text = "两年前乳房切除 之后就没做过手术 上周做的是穿刺"
    reading = read_at(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", text)
    assert used(reading) != NEVER and asked_again(reading)


def test_a_time_then_none_since_is_the_time(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", "三年前开过刀 后来没做过手术")
    assert 3 * 365 - 31 <= used(reading) <= 3 * 365 + 31


def test_a_plain_never_is_still_read(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", "从来没做过手术")) == NEVER


@pytest.mark.parametrize("text", ["药片能吞 就是有时候会拉肚子 一两天就好", "偶尔拉肚子", "有时拉肚子，两三天就好了"])
def test_now_and_then_to_a_lasting_problem_is_no_yes(zh_reader, zh_questions, text):
    reading = read_at(zh_reader, zh_questions, "iv_or_swallowing_problem", text)
    assert used(reading) != YES and asked_again(reading)


def test_a_lasting_problem_is_still_a_yes(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "iv_or_swallowing_problem", "一直拉肚子，好几个月了")) == YES
