"""A Chinese reply read against the question's own words (question_words.py, statements.py).

Every sentence here is the developer's own, worded differently from the answer sets, so each
test checks a rule, not one answer. Today is 1 December 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding import reader_for
from bot.understanding.chinese.question_words import question_words
from tests.understanding.chinese_questions import chinese_questions

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def questions():
    return chinese_questions()


@pytest.fixture(scope="module")
def reader(questions):
    reader = reader_for("zh")
    reader.prepare(questions.values())  # as the action server does: an umbrella knows its follow-ups
    return reader


def read(reader, questions, question_id, text):
    return reader.read(questions[question_id], text, TODAY)


def test_the_question_words_come_from_its_text_and_help(questions):
    words = question_words(questions["autoimmune_disease"])
    assert any("控制" in own for own, _ in words.not_counted)  # "吃药就能控制住，就不算"
    assert question_words(questions["blood_clot_6_months"]).window_days == 180
    assert question_words(questions["active_hepatitis_b_or_c"]).asks_active
    assert question_words(questions["antibody_allergy_severe"]).asks_severity
    assert question_words(questions["side_effects_only_hair_or_nerves"]).asks_only
    assert ("戒", "掉") in question_words(questions["substance_or_psychiatric"]).own_negations
    # A list of questions (有没有心梗？有没有心衰？…): "很重的心脏瓣膜病" qualifies one line, not the rest.
    assert not question_words(questions["heart_disease"]).asks_severity


@pytest.mark.parametrize("question_id, text, expected", [
    # What the question says not to count.
    ("autoimmune_disease", "甲减好多年了，每天吃优甲乐，指标控制住了", NO),
    ("autoimmune_disease", "小时候就是一型糖尿病，靠胰岛素控制", NO),
    ("breast_recent_screen", "上周做了个穿刺", NO),  # its follow-up does not count a needle biopsy
    # Something active, asked about, and the reply says it is not.
    ("active_hepatitis_b_or_c", "乙肝病毒定量一直检测不到", NO),
    ("active_tuberculosis", "肺结核是二十年前的事，片子上是钙化灶", NO),
    ("meningeal_or_active_brain_spread", "脑转移放疗以后，复查都稳定", NO),  # the help: treated and unchanged
    # Severity asked about, and the reply says mild.
    ("antibody_allergy_severe", "皮肤有点红，没住院", NO),
    ("immune_side_effect_severe", "出过皮疹，抹了点药膏就没事了", NO),
    # A window asked about, and what is told is outside it.
    ("blood_clot_6_months", "前年得过肺栓塞", NO),
    ("lung_disease_3_months", "去年冬天肺炎住过院，最近两个月都挺好", NO),
    # "Only these?": more than these is a no; these and nothing else a yes.
    ("side_effects_only_hair_or_nerves", "不光掉头发，还老是拉肚子", NO),
    ("side_effects_only_hair_or_nerves", "头发掉了，其他都没有", YES),
    # Who the help says can answer no.
    ("pregnant_or_breastfeeding", "他是男性", NO),
    # The question's problem said with a negation, and the reply says it was overcome.
    ("substance_or_psychiatric", "酗酒的毛病早就戒掉了", NO),
    ("unhealed_wound_or_fracture", "骨折的地方已经长好了", NO),
    # "No, only X" where X is not what the question asks about.
    ("metastatic_chemo", "没有，只用过来曲唑", NO),
    ("breast_health_screen", "有痛风，上面列的都没有", NO),
])
def test_the_question_decides_what_the_reply_answers(reader, questions, question_id, text, expected):
    reading = read(reader, questions, question_id, text)
    assert reading.value == expected and not reading.needs_check, reading


@pytest.mark.parametrize("question_id, text", [
    ("platinum_chemo", "化疗就用过紫杉醇"),  # only a drug the question does not name: no yes
    ("anti_her2_therapy", "靶向的只吃过阿贝西利"),
    ("chemo_allergy", "紫杉醇打过，掉头发"),  # it names the drug and that it was taken, not an allergy
    ("side_effects_more_than_mild", "有，不过不严重"),  # a yes, then qualified: said back as a check
    ("heart_or_stroke_uncontrolled", "有高血压，不过控制得挺好"),
    ("substance_or_psychiatric", "以前抽烟，后来戒了"),  # what was given up is not what is asked: checked
])
def test_readings_the_question_makes_uncertain_are_checked(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert reading.value is None or reading.needs_check, reading
    assert reading.value != YES or reading.needs_check


@pytest.mark.parametrize("question_id, text", [
    ("blood_clot_6_months", "两个月前腿上查出深静脉血栓"),  # inside the window
    ("antibody_allergy_severe", "打单抗的时候过敏休克，进了抢救室"),
    ("active_hepatitis_b_or_c", "丙肝一直没治，病毒很高"),
    ("immune_side_effect_severe", "免疫性肺炎，住院住了十天"),
    ("breast_health_screen", "有脑转移"),  # a follow-up's "not counted" (treated, stable) needs its condition
    ("npc_recent_medicines", "一直在吃泼尼松"),
])
def test_a_yes_the_question_asks_about_stays_a_yes(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert not (reading.value == NO and not reading.needs_check), reading


# --- polarity rules of this round (polarity.py) -------------------------------------------------
@pytest.mark.parametrize("question_id, text, expected", [
    ("progression_on_scan", "片子还没拍，下周才去复查", NOT_SURE),  # not tested yet
    ("npc_recurrent_metastatic", "肿瘤指标高了，检查还没做", NOT_SURE),
    ("tissue_sample", "这个得先问一下我妈自己", NOT_SURE),  # someone else must be asked first
    ("pd1_therapy", "应该没有，病历上没写过", NO),  # a hedge that leans, with a reason that is itself a no
    ("breast_advanced_unresectable", "医生说肿瘤太大，说不好切，只能先用药", None),  # 说不好切: hard to cut
])
def test_polarity_rules_of_this_round(reader, questions, question_id, text, expected):
    reading = read(reader, questions, question_id, text)
    if expected is None:
        assert reading.value != NOT_SURE
    else:
        assert reading.value == expected and not reading.needs_check, reading


@pytest.mark.parametrize("question_id, text", [
    ("tissue_sample", "不愿意再挨一针了"),  # a no to doing it again: the stored tissue may still do
    ("pd1_therapy", "应该没有吧"),  # softened by 吧: stays a hedge
])
def test_a_no_about_doing_it_again_and_a_softened_hedge_are_not_a_plain_no(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert not (reading.value == NO and not reading.needs_check), reading
