"""Chinese yes/no replies, round 5 (issue 14, branch issue-14v): hedges that are not hedges, hedges that lean,
"to be seen later", and a hedge only about whether a named thing counts.

Sentences are the developer's own (not the scored sets'): the ones each rule reads, and the ones it must not.
"""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.chinese.polarity import read_polarity
from tests.understanding.helpers import asked_again, read_at as _read, used


# --- 觉得 / 感觉 before what the body feels is a symptom told, not a hedge ------------------------------------
@pytest.mark.parametrize("text", [
    "肺气肿，躺着都觉得喘",
    "慢阻肺，走几步都觉得气短",
    "肺纤维化，坐着也感觉憋气",
])
def test_a_feeling_of_breathlessness_at_rest_is_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_lung_disease", text)) == YES


@pytest.mark.parametrize("text", ["我觉得没有", "感觉还好", "觉得应该有", "手脚没感觉了", "我感觉是有的"])
def test_a_feeling_about_the_answer_is_still_a_hedge(text):
    assert read_polarity(text).value == NOT_SURE


def test_breathless_only_on_stairs_is_not_read_as_a_yes(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "severe_lung_disease", "肺气肿，爬楼才觉得喘")) != YES


# --- To be seen later (再看能不能, 看看要不要), never noticed: not sure -------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("breast_advanced_unresectable", "医生让先打几次药，再看能不能开刀"),
    ("breast_advanced_unresectable", "等化疗做完了再看看要不要手术"),
    ("progression_on_scan", "下个月复查，到时候看有没有长"),
    ("iv_or_swallowing_problem", "这个我没留意过"),
    ("iv_or_swallowing_problem", "没太注意"),
    ("unhealed_wound_or_fracture", "没怎么注意过"),
])
def test_to_be_seen_or_not_noticed_is_not_sure(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == NOT_SURE


@pytest.mark.parametrize("question_id, text, value", [
    ("iv_or_swallowing_problem", "没注意到有什么问题", None),  # a report of what was not seen: not "not sure"
    ("breast_advanced_unresectable", "医生说没法手术了", YES),  # no "to be seen"
])
def test_what_is_not_to_be_seen_later_is_not_made_not_sure(zh_reader, zh_questions, question_id, text, value):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value != NOT_SURE
    if value is not None:
        assert used(reading) == value


# --- A hedged no with a reason that is itself a no --------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("active_tuberculosis", "应该是没有，都检查过了"),
    ("active_tuberculosis", "他应该没有，查过了"),
    ("progression_on_scan", "应该没有，医生从来没提过"),
])
def test_should_not_with_tests_or_a_firm_no_beside_it_is_a_no(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("unhealed_wound_or_fracture", "没有吧，医生从没说过"),
    ("progression_on_scan", "应该没有吧，医生没讲什么"),
    ("active_tuberculosis", "应该没得过吧，从来没人说过"),
])
def test_a_soft_no_with_a_firm_no_beside_it_is_a_checked_no(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == NO and reading.needs_check


@pytest.mark.parametrize("question_id, text", [
    ("progression_on_scan", "应该没有吧"),  # no reason
    ("progression_on_scan", "没有吧，他一直在吃药"),  # no reason that is a no
    ("active_tuberculosis", "应该没有吧，不过没查过"),  # not tested is no reason
    ("active_tuberculosis", "应该没有，也没去查过"),
    ("active_tuberculosis", "好像没有吧，医生没说过"),  # 好像: a hedge of its own
    ("active_tuberculosis", "可能没有，都查过"),
])
def test_a_hedged_no_without_a_reason_stays_not_sure(zh_reader, zh_questions, question_id, text):
    assert _read(zh_reader, zh_questions, question_id, text).value == NOT_SURE


# --- "应该算吧" after a named thing the question lists --------------------------------------------------
@pytest.mark.parametrize("text", ["打过卡铂，应该算吧", "病历上写着用过奈达铂，我觉得算吧"])
def test_a_hedge_only_on_whether_a_listed_thing_counts_is_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "platinum_chemo", text)) == YES


@pytest.mark.parametrize("text", [
    "用过紫杉醇，应该算吧",  # not a platinum drug
    "好像用过顺铂，应该算吧",  # hedged about having had it
    "没用过洛铂，应该算吧",  # a no
    "化疗做过，应该算吧",  # chemotherapy, not which drug
])
def test_a_counts_hedge_does_not_make_other_replies_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "platinum_chemo", text)) != YES


# --- "没有控制好?" answered with a treatment going on: under control or not is not said, so checked -----------
@pytest.mark.parametrize("text", ["有心衰，一直在吃药", "中风过，一直吃阿司匹林", "房颤，在吃华法林"])
def test_a_treated_illness_to_a_not_controlled_question_is_checked(zh_reader, zh_questions, text):
    reading = _read(zh_reader, zh_questions, "heart_or_stroke_uncontrolled", text)
    assert reading.value == YES and reading.needs_check


@pytest.mark.parametrize("question_id, text", [
    ("heart_or_stroke_uncontrolled", "有心衰，天天吃药，还是老犯"),  # still troubling: not under control
    ("infection_last_2_weeks", "膀胱炎，正在吃抗生素"),  # the question counts the medicine itself
    ("active_tuberculosis", "结核，正在吃抗结核的药"),  # active, not "not controlled": treated TB is active
])
def test_treatment_is_not_a_doubt_where_it_says_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == YES


# --- How bad: the illness said, and no to the sign of severity the question gives ----------------------------
@pytest.mark.parametrize("text", [
    "有骨转移，骨头没断",
    "骨转移有的，没有骨折",
    "骨头上有转移，但没压到脊髓",
    "有，没断过",
])
def test_the_illness_and_no_to_its_severity_is_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_bone_damage", text)) == NO


@pytest.mark.parametrize("text", [
    "没骨折，不过压迫神经了",  # a sign of severity beside the no
    "有骨转移，没断，但压到脊髓了",
])
def test_a_no_to_one_sign_beside_another_is_never_a_plain_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_bone_damage", text)) != NO


@pytest.mark.parametrize("text", ["胸椎转移，压迫神经了", "骨转移压到神经，腿没劲"])
def test_the_illness_and_a_sign_of_severity_by_another_name_is_a_yes(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_bone_damage", text)) == YES


@pytest.mark.parametrize("text", ["颈椎病压到神经了", "腰椎间盘突出，神经压迫"])
def test_a_sign_of_severity_of_something_else_is_checked(zh_reader, zh_questions, text):
    assert asked_again(_read(zh_reader, zh_questions, "severe_bone_damage", text))


# --- Never tested; 莫得; "nothing of the kind at all"; 是 before a negative result ----------------------------
@pytest.mark.parametrize("question_id, text", [
    ("measurable_lesion", "这半年没拍过片子"),
    ("progression_on_scan", "治完以后没去做过检查"),
    ("measurable_lesion", "没照过核磁"),
])
def test_never_tested_is_not_sure(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == NOT_SURE


@pytest.mark.parametrize("question_id, text", [
    ("dialysis", "莫得"),  # Sichuan 没有
    ("antibody_allergy", "赫赛汀打了半年，什么不舒服都没有"),
    ("chemo_allergy", "任何反应也没出现过"),
    ("active_hepatitis_b_or_c", "丙肝乙肝都是阴性的"),
])
def test_plain_noes_said_other_ways(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("antibody_allergy", "什么反应？"),  # a question back
    ("active_hepatitis_b_or_c", "乙肝是阳性，丙肝是阴性"),  # one of each: never a plain no
    ("chemo_allergy", "别的什么都没有，就是起了一身疹子"),
])
def test_what_only_looks_like_a_plain_no_is_not_one(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) != NO


@pytest.mark.parametrize("text", ["CT没查出来", "片子上没看到"])
def test_tested_and_nothing_found_is_not_never_tested(zh_reader, zh_questions, text):
    assert _read(zh_reader, zh_questions, "measurable_lesion", text).value == NO


# --- Seed words: 心梗 (the heart question's help), 肾源 / 肝源 (the waiting-list help), 肺积水 (synonyms_zh) -----
@pytest.mark.parametrize("question_id, text", [
    ("heart_or_stroke_uncontrolled", "前几天刚心梗过，现在还住着院"),
    ("transplant_waiting", "登记了，在等肝源"),
    ("effusion_drainage", "肺积水，这个月已经抽了三回"),
])
def test_a_named_thing_that_is_what_is_asked_is_a_yes(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == YES


@pytest.mark.parametrize("question_id, text", [
    ("heart_or_stroke_uncontrolled", "八年前心梗过，现在挺好"),  # long ago, to a question about now
    ("heart_or_stroke_uncontrolled", "以前中过风"),
    ("transplant_waiting", "肾移植做过了，好多年了"),  # done, not waited for
    ("transplant_waiting", "十年前换过肝"),
])
def test_long_ago_or_already_done_to_a_question_about_now_is_checked(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


@pytest.mark.parametrize("question_id, text", [
    ("heart_or_stroke_uncontrolled", "两年前心梗，最近又老是胸口疼"),  # trouble now
    ("transplant_waiting", "配型做过了，在排队等"),  # done a step, and waiting
])
def test_trouble_now_or_waiting_still_reads(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == YES


# --- Fine, as a report said it (上次CT说肺是干净的) --------------------------------------------------------------
@pytest.mark.parametrize("text", ["上周复查CT说肺挺好的", "这个月拍的片子说肺很干净", "上次核磁说肺都正常"])
def test_a_report_that_what_is_asked_is_fine_is_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "current_lung_inflammation", text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("current_lung_inflammation", "CT说肺不太干净"),
    ("other_cancer_early_treated", "早期的，医生说切干净了"),  # 切干净: cut out entirely, not "fine"
])
def test_clean_said_otherwise_is_not_a_fine_report(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) != NO


# --- 顺伯 / 顺泊: 顺铂 as people type it (seeds/synonyms_zh.yml) ----------------------------------------------
@pytest.mark.parametrize("text, value", [("化疗打的是顺泊", YES), ("卡泊用过两次", YES), ("没用过顺伯", NO)])
def test_platinum_drugs_as_typed(zh_reader, zh_questions, text, value):
    assert used(_read(zh_reader, zh_questions, "platinum_chemo", text)) == value


def test_never_checked_is_left_alone_where_the_question_asks_no_check(zh_reader, zh_questions):
    # 没做过检查 beside another no, to "when was the last surgery or serious injury?", is still never.
    from bot.screening.answers import NEVER

    assert used(_read(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", "没做过检查，也没受过伤")) == NEVER


# --- What the severity sentence names, said to be fine (平地走没事 to "就算只走几步路…也很难出气？") ---------------
@pytest.mark.parametrize("text", ["肺气肿，跑步才喘，走路还可以", "有慢阻肺，平常走路没问题，上坡会喘"])
def test_the_severity_asked_said_to_be_fine_is_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_lung_disease", text)) == NO


@pytest.mark.parametrize("text", [
    "走路还行，坐着都喘",  # serious at rest
    "肺纤维化，走几步就喘，躺着还行",  # serious when walking a little
    "慢阻肺，心情还可以",  # fine, but not what the severity sentence names
])
def test_fine_beside_the_severity_or_about_something_else_is_not_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "severe_lung_disease", text)) != NO


# --- What is asked about is fine, and a yes beside it is about something else ---------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("active_brain_metastases", "核磁说脑子挺好的，就是肝上有转移"),
])
def test_fine_about_what_is_asked_beside_a_yes_is_checked(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


def test_a_plain_yes_about_what_is_asked_still_reads(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "active_brain_metastases", "有，脑子上有转移")) == YES


@pytest.mark.parametrize("question_id, text", [
    ("active_hepatitis_b_or_c", "乙肝阴性，丙肝还没验过"),
    ("immunodeficiency", "艾滋病没测过"),
])
def test_a_thing_not_tested_is_not_sure(zh_reader, zh_questions, question_id, text):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == NOT_SURE


def test_tested_and_not_found_is_no_not_untested(zh_reader, zh_questions):
    assert _read(zh_reader, zh_questions, "active_hepatitis_b_or_c", "没查出来").value == NO


# --- Plain noes no longer checked: a place word after the question's thing (脑部), the question's Latin words
# (HIV), "tested" before the result (查过，阴性); 赫赛丁 as typed -------------------------------------------------
@pytest.mark.parametrize("question_id, text, value", [
    ("active_brain_metastases", "脑部没有转移", NO),
    ("immunodeficiency", "HIV化验过，阴性", NO),
    ("immunodeficiency", "hiv没有", NO),
    ("anti_her2_therapy", "赫赛丁打过一年", YES),
])
def test_plain_answers_read_without_a_check(zh_reader, zh_questions, question_id, text, value):
    assert used(_read(zh_reader, zh_questions, question_id, text)) == value


@pytest.mark.parametrize("question_id, text", [
    ("active_brain_metastases", "肝部没转移"),  # another place: a no about something else, checked
    ("immunodeficiency", "乙肝查过，阳性"),  # a result of another test
])
def test_other_places_and_other_tests_are_still_checked(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


# --- "Has it grown?" answered with the opposite (缩小了, 稳定) -----------------------------------------------------
@pytest.mark.parametrize("text", ["复查缩小了", "片子上看稳定，效果很好"])
def test_smaller_or_stable_to_has_it_grown_is_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "progression_on_scan", text)) == NO


@pytest.mark.parametrize("text", ["肺上的缩小了，肝上有新的", "有的缩小了，有的变大了", "缩小了，但是骨头上多了一个"])
def test_smaller_beside_new_or_bigger_is_never_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "progression_on_scan", text)) != NO


@pytest.mark.parametrize("text", ["化疗后缩小了，效果挺好", "现在稳定"])
def test_smaller_says_nothing_about_a_spread(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "breast_advanced_unresectable", text)) != NO


@pytest.mark.parametrize("text", ["心里没底", "这个我心里也没数"])
def test_no_idea_said_with_a_place_word_is_not_sure(zh_reader, zh_questions, text):
    # 心里 before 没 could otherwise read as "the heart: no" now that a place word after the question's thing
    # stands before a no that answers.
    assert used(_read(zh_reader, zh_questions, "heart_disease", text)) == NOT_SURE


# --- A fracture in the last 4 weeks is a serious injury (the help of the breast trial's "last 4 weeks" list) ---
@pytest.mark.parametrize("text, value", [("前几天摔断了腿，骨折", YES), ("上个礼拜手腕骨折了", YES), ("五年前骨折过", NO)])
def test_a_fracture_to_the_last_4_weeks_list(zh_reader, zh_questions, text, value):
    assert used(_read(zh_reader, zh_questions, "breast_recent_screen", text)) == value


# --- Suspected, not confirmed ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["医生怀疑是转移了，还要做穿刺", "片子上说疑似复发"])
def test_suspected_is_not_sure(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "npc_recurrent_metastatic", text)) == NOT_SURE


def test_confirmed_is_still_a_yes(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "npc_recurrent_metastatic", "去年活检确诊复发了")) == YES


# --- "Since it spread?": chemotherapy around the first operation is before it ---------------------------------
def test_adjuvant_chemo_and_none_since_the_spread_is_a_no(zh_reader, zh_questions):
    assert used(_read(zh_reader, zh_questions, "metastatic_chemo", "术前化疗过，复发以后没再化疗")) == NO


@pytest.mark.parametrize("text", ["术后化疗过", "手术后化疗过，转移以后也化疗了"])
def test_adjuvant_chemo_alone_or_with_chemo_since_is_not_a_no(zh_reader, zh_questions, text):
    assert used(_read(zh_reader, zh_questions, "metastatic_chemo", text)) != NO
