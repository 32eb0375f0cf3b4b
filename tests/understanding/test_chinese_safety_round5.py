"""Chinese safety pass, round 5 (issue 14, branch issue-14x): wrong readings of blind5_zh.yml, opposites first.

Sentences are the developer's own (not the scored sets'): the ones each rule reads, and the ones it must not.
"""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
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


# --- A verb done with a thing after it grew something (长了血栓): it is no healing of 长不好 -------------------
@pytest.mark.parametrize("text", ["上个月胳膊里长了个血栓", "腿上长了血栓", "前阵子长了血栓"])
def test_a_clot_that_grew_is_never_read_as_healed(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "breast_health_screen", text)) != NO


@pytest.mark.parametrize("text", ["伤口早就长好了", "骨头已经长好了"])
def test_what_healed_is_still_a_no(zh_reader, zh_questions, text):
    assert _read(zh_reader, zh_questions, "unhealed_wound_or_fracture", text).value == NO


# --- Numbness by its everyday names (有点麻, 麻麻的, 脚麻) is the mild numbness the question counts -------------
@pytest.mark.parametrize("text", ["脚趾头有点麻，别的没什么", "手指麻麻的，其他没有", "就是脚麻，其他都没有"])
def test_mild_numbness_and_nothing_else_is_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "side_effects_only_hair_or_nerves", text)) == YES


@pytest.mark.parametrize("text", ["嘴巴发苦，别的没有", "手有点麻，还有老是拉肚子"])
def test_another_side_effect_is_never_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "side_effects_only_hair_or_nerves", text)) != YES


# --- Gone now (肿瘤消失了, 瘤子没了) to "is there a tumour?" is a no ------------------------------------------------
@pytest.mark.parametrize("text", ["做了增强CT，医生说瘤子没了", "复查了，肿块全都消失了", "核磁做过，肿瘤已经消失了"])
def test_a_tumour_gone_is_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "measurable_lesion", text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("measurable_lesion", "一个肿瘤消失了，另一个还在"),
    ("measurable_lesion", "肺上的肿瘤消失了，骨头上又长了新的"),
    ("breast_health_screen", "两个月前的血栓已经消失了"),  # the list counts what there was too
])
def test_gone_is_no_no_when_something_is_still_there_or_the_past_counts(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) != NO


def test_gone_said_with_a_hedge_stays_not_sure(zh_reader, zh_questions):
    assert _read(zh_reader, zh_questions, "measurable_lesion", "肿瘤好像是消失了").value != NO


# --- 分不清 "cannot tell which" is not sure --------------------------------------------------------------------
@pytest.mark.parametrize("text", ["打过，但是转移前还是转移后我分不清", "用过，哪一次算转移以后的分不太清"])
def test_a_yes_unsure_of_which_is_not_sure(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "metastatic_chemo", text)) == NOT_SURE


def test_telling_which_is_still_a_yes(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "metastatic_chemo", "打过，是转移以后打的")) == YES


# --- 怎么可能 / 哪有可能 as a whole clause is "impossible": a no, never a hedge --------------------------------
@pytest.mark.parametrize("text", ["哪有可能，我妈都七十多了", "怎么可能呢，早就绝经了", "这怎么可能"])
def test_no_way_is_a_no(zh_reader, zh_questions, text):
    reading = _read(zh_reader, zh_questions, "pregnant_or_breastfeeding", text)
    assert reading.value == NO


@pytest.mark.parametrize("text", ["怎么可能知道", "有可能", "怎么可能怀孕了？我也不知道"])
def test_possible_inside_a_sentence_is_never_read_as_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "pregnant_or_breastfeeding", text)) != NO


# --- "Around May Day": the holiday runs 1 to 5 May --------------------------------------------------------
def test_around_may_day_is_read_to_the_end_of_the_holiday(zh_reader, zh_questions):
    reading = _read(zh_reader, zh_questions, "days_since_chemotherapy", "大概五一那几天打的")
    assert reading.value is not None and 215 <= reading.value <= 225


# --- A course's schedule (吃三周停一周) is no time ago ----------------------------------------------------------
@pytest.mark.parametrize("text, days", [
    ("阿贝西利吃两周停一周，最后一次是3天前", 3),
    ("哌柏西利吃3周休息1周，上次吃是一周前", 7),
])
def test_a_schedule_beside_the_last_time_is_not_read_as_the_time(zh_reader, zh_questions, text, days):
    assert used(_read(zh_reader, zh_questions, "days_since_targeted_therapy", text)) == days


def test_a_time_ago_is_still_read(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "days_since_targeted_therapy", "三周前停了哌柏西利")) == 21


# --- 记不得 said only of the exact day (具体哪天记不得) leaves the time told ---------------------------------------
def test_the_exact_day_not_remembered_leaves_the_season(zh_reader, zh_questions):
    value = used(_read(zh_reader, zh_questions, "days_since_immunotherapy", "具体日子记不得了，反正是今年夏天打的"))
    assert value is not None and 98 <= value <= 189


def test_not_remembered_beside_never_stays_not_sure(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "days_since_immunotherapy", "记不得了，好像没打过")) == NOT_SURE


# --- "Cannot get pregnant" (不会怀孕, 怀不了孕) to the contraception question is "does not apply", not "will not" --
@pytest.mark.parametrize("text", ["她七十多了，不会怀孕的", "子宫拿掉了，怀不了孕", "停经好多年，不能怀孕了"])
def test_cannot_get_pregnant_is_not_applicable(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "contraception", text)) == "not_applicable"


@pytest.mark.parametrize("text", ["我们不会避孕", "不会用的"])
def test_will_not_use_contraception_is_still_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "contraception", text)) == NO


# --- 之前一直吃 "had been taking until then" is not taken now -----------------------------------------------
@pytest.mark.parametrize("text, days", [
    ("一周前改成化疗了，以前一直吃阿那曲唑", 7),
    ("原来一直吃他莫昔芬，20天前换成了化疗", 20),
])
def test_what_was_taken_before_a_switch_is_not_taken_now(zh_reader, zh_questions, text, days):
    assert used(_read(zh_reader, zh_questions, "days_since_hormone_therapy", text)) == days


@pytest.mark.parametrize("text", ["现在一直吃来曲唑", "一直吃着阿那曲唑呢"])
def test_taken_all_along_is_still_taken_now(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "days_since_hormone_therapy", text)) == 0


# --- Only the name forgotten (牌子记不得) beside a yes naming the question's own term is a yes -------------------
@pytest.mark.parametrize("question_id, text", [
    ("pd1_therapy", "打过PD-1，具体哪个牌子我忘了"),
    ("platinum_chemo", "用过卡铂，厂家记不清了"),
])
def test_a_yes_with_only_the_brand_forgotten_is_a_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == YES


@pytest.mark.parametrize("question_id, text", [
    ("platinum_chemo", "化疗打过，药名想不起来了"),  # the name is the answer: not a platinum term
    ("pd1_therapy", "打过免疫的针，名字记不得了"),
    ("pd1_therapy", "用过，名字忘了"),
])
def test_a_forgotten_name_without_the_question_s_term_is_never_a_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) != YES


# --- Unsure only which of two things the question counts (奥沙利铂还是卡铂) beside a yes: a yes ------------------
@pytest.mark.parametrize("text", ["打过，记得是奥沙利铂或者顺铂", "用过的，可能是卡铂还是洛铂吧"])
def test_unsure_which_of_two_counted_things_is_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "platinum_chemo", text)) == YES


@pytest.mark.parametrize("text", [
    "用过，可能是卡铂还是吉西他滨",  # one of the two is no platinum drug
    "可能是顺铂或者卡铂吧",  # no yes beside the doubt
    "应该打过吧，名字忘了",  # the yes itself is hedged
])
def test_doubt_about_what_counts_or_a_hedged_yes_is_never_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "platinum_chemo", text)) != YES


# --- "only mild" asked, and the only thing told is severe ------------------------------------------------
@pytest.mark.parametrize("text", ["脚麻得厉害，其他没有", "手脚麻得拿不住筷子，其他没有", "手指麻得很严重，别的没有"])
def test_only_numbness_but_severe_is_never_a_yes_to_only_mild(zh_reader, zh_questions, text):
    reading = _read(zh_reader, zh_questions, "side_effects_only_hair_or_nerves", text)
    assert reading.value != YES and asked_again(reading)


@pytest.mark.parametrize("text", ["手脚麻，其他没有", "有点麻，不严重，其他没有"])
def test_only_mild_numbness_is_still_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "side_effects_only_hair_or_nerves", text)) == YES
