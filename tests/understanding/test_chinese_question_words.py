"""A Chinese reply read against the question's own words (question_words.py, statements.py).

Every sentence here is the developer's own, worded differently from the answer sets, so each
test checks a rule, not one answer. Today is 1 December 2026.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.chinese.question_words import question_words

TODAY = dt.date(2026, 12, 1)


# The Chinese question bank and its prepared reader (tests/understanding/conftest.py), under the names
# the tests of this file use.
@pytest.fixture(scope="module")
def questions(zh_questions):
    return zh_questions


@pytest.fixture(scope="module")
def reader(zh_reader):
    return zh_reader


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
    ("lung_inflammation_steroids", "得过一次肺炎，输了几天头孢"),  # treated with another medicine than asked
    ("active_hepatitis_b_or_c", "体检查的乙肝表面抗体是阳性"),  # a positive test the question does not name
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
    ("immunodeficiency", "HIV阳性，一直在吃药"),  # a positive test of what is asked stays a yes
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
    ("dialysis", "现在还没到透析那一步，大夫说将来也许会要", NO),  # what may happen later is no answer
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


# --- times of this round (times.py, and the question's words for "how long ago") ----------------
@pytest.mark.parametrize("question_id, text, low, high", [
    ("days_since_chemotherapy", "过年前打的最后一针", 288, 308),  # the 3 weeks before 17 Feb 2026
    ("days_since_chemotherapy", "过完年就停了", 0, 0),  # read below: after the festival
    ("days_since_chemotherapy", "三个几星期前", 22, 27),  # Cantonese 几 after 个: some more than three
    ("days_since_immunotherapy", "有好几个月了，应该是五个月左右", 0, 0),
    ("days_since_radiotherapy", "快两年了", 600, 729),  # nearly: within 15 %
    ("days_since_chemotherapy", "两个月前吧，具体哪天记不清", 54, 66),  # the time said, only the day forgotten
    ("last_treatment_days", "去年五月做的手术，上个月还打过一次化疗", 0, 0),  # the latest of several, as asked
])
def test_times_of_this_round(reader, questions, question_id, text, low, high):
    reading = read(reader, questions, question_id, text)
    if (low, high) == (0, 0):
        return
    assert reading.value is not None and low <= reading.value <= high and not reading.needs_check, reading


def test_times_of_this_round_in_detail(reader, questions):
    after_new_year = read(reader, questions, "days_since_chemotherapy", "过完年就停了")
    assert 266 <= after_new_year.value <= 286  # 18 Feb to 10 Mar 2026
    months = read(reader, questions, "days_since_immunotherapy", "有好几个月了，应该是五个月左右")
    assert months.value is None or months.needs_check or 140 <= months.value <= 160
    latest = read(reader, questions, "last_treatment_days", "去年五月做的手术，上个月还打过一次化疗")
    assert latest.value is not None and latest.value <= 60 and not latest.needs_check


@pytest.mark.parametrize("question_id, text", [
    ("days_since_radiotherapy", "只做过骨转移的止痛放疗，别的放疗没做过"),  # the question does not count it
    ("days_since_steroids", "在吃泼尼松，每天5毫克"),  # the help: 10 mg a day or less does not count
    ("days_since_steroids", "只擦过含激素的药膏"),
])
def test_what_a_time_question_does_not_count_is_never(reader, questions, question_id, text):
    from bot.screening.answers import NEVER

    reading = read(reader, questions, question_id, text)
    assert reading.value == NEVER and not reading.needs_check, reading


def test_a_time_beside_what_is_not_counted_is_the_counted_one(reader, questions):
    reading = read(reader, questions, "days_since_radiotherapy", "治鼻咽癌的放疗是两年前，上周做了骨头止痛的放疗")
    assert reading.value is not None and 700 <= reading.value <= 760, reading


@pytest.mark.parametrize("question_id, text", [
    ("days_since_chemotherapy", "记不清了，好几个月前吧"),  # a vague time and no memory: not sure
    ("days_since_chemotherapy", "不记得是三周前还是四周前"),
])
def test_a_forgotten_time_that_is_vague_stays_not_sure(reader, questions, question_id, text):
    reading = read(reader, questions, question_id, text)
    assert reading.value == NOT_SURE or reading.value is None or reading.needs_check, reading
