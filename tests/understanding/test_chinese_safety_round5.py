"""Chinese safety pass, round 5 (issue 14, branch issue-14x): wrong readings of blind5_zh.yml, opposites first.

Sentences are the developer's own (not the scored sets'): the ones each rule reads, and the ones it must not.
"""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, YES
from bot.understanding.chinese.polarity import read_polarity
from tests.understanding.helpers import asked_again, read_at as _read, used


# --- 没问题 / 冇问题 as a whole answer: "OK" to a consent question, "no problem" to a problem question -------
@pytest.mark.parametrize("question_id, text", [
    ("tissue_sample", "冇问题"),
    ("tissue_sample", "没有问题"),
    ("tissue_sample", "行，冇問題"),
    ("contraception", "得，没问题"),
    ("contraception", "冇問題嘅"),
])
def test_no_problem_to_a_consent_question_is_a_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == YES


@pytest.mark.parametrize("question_id, text", [
    ("iv_or_swallowing_problem", "冇问题"),
    ("iv_or_swallowing_problem", "没有问题"),
    ("iv_or_swallowing_problem", "装了PICC，输液都从管子走，没问题"),
    ("heart_disease", "冇问题"),
])
def test_no_problem_to_a_problem_question_is_never_a_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) != YES


@pytest.mark.parametrize("text", ["没问题", "好，没问题"])
def test_no_problem_without_a_question_is_still_ok(text):
    assert read_polarity(text).value == YES


def test_no_problem_to_a_question_neither_of_consent_nor_of_a_problem_is_asked_again(zh_reader, zh_questions):
    assert asked_again(_read(zh_reader, zh_questions, "pregnant_or_breastfeeding", "冇问题"))


def test_a_problem_named_is_not_no_problem(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "iv_or_swallowing_problem", "药片咽不下去，有问题")) != NO
