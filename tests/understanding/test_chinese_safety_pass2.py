"""The second safety pass (issue 14, branch issue-14u: "0 read as the opposite").

Each rule is driven by the question bank's own words (seeds/questions.yml, zh; seeds/synonyms_zh.yml) and
jieba, and tested with the developer's own sentences (not the probe set's): the ones it must check, and the
ones it must still read.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NO, YES
from bot.understanding.chinese.bank import own_words
from tests.understanding.helpers import asked_again, read_at as _read


# --- A "how long ago" reply naming another "how long ago" question's thing, and none of this one -------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_hormone_therapy", "上个月还在吃泼尼松"),  # the steroid question's
    ("days_since_hormone_therapy", "前两天打了甲强龙"),
    ("days_since_targeted_therapy", "阿那曲唑吃到上个月"),  # the hormone question's
    ("days_since_chemotherapy", "三周前吃的他莫昔芬"),
    ("days_since_major_surgery", "上周在脸上去掉了一颗痣"),  # the minor-surgery help's
    ("days_since_immunosuppressants", "来曲唑上周停的"),
])
def test_another_questions_thing_with_a_time_isasked_again(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


@pytest.mark.parametrize("question_id, text, days", [
    ("days_since_steroids", "上周打了地塞米松", 4),  # its own word
    ("days_since_minor_surgery", "上周去掉了一颗痣", 4),
    ("days_since_radiotherapy", "2019年同步放化疗", None),  # 放化疗 is a term of both
    ("days_since_chemotherapy", "半年前做的放化疗", 182),
    ("days_since_major_surgery", "去年做过胆囊切除，全麻的", 341),  # an instance no question names
])
def test_own_or_unnamed_things_keep_their_time(zh_reader, zh_questions, question_id, text, days):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert not asked_again(reading), reading
    if days is not None:
        assert reading.value == Decimal(days)


def test_the_bank_words_leave_out_what_a_question_does_not_count(zh_questions):
    questions = zh_questions
    words = own_words(questions["days_since_surgery_biopsy_injury"])
    assert "穿刺活检" not in words  # "用针取一点组织，叫穿刺活检。这个不算。"
    assert "强的松" in own_words(questions["days_since_steroids"])  # by seeds/synonyms_zh.yml


# Of two clauses with a time, one naming another question's thing is not this question's time.
def test_the_clause_naming_the_question_gives_the_time(zh_reader, zh_questions):
    reading = _read(zh_reader, zh_questions, "days_since_chemotherapy", "上周吃的来曲唑，化疗是一年前")
    assert reading.value == Decimal(365) and not reading.needs_check
    # A clause with no thing of its own (2023年停的) is kept: it is the same medicine's time.
    kept = _read(zh_reader, zh_questions, "days_since_hormone_therapy", "他莫昔芬吃了三年，2024年停的")
    assert kept.value != Decimal(0)


# A drip asked about, a medicine by mouth told.
@pytest.mark.parametrize("text", ["前天吃了阿莫西林", "上个月口服了一周左氧"])
def test_by_mouth_to_a_drip_question_isasked_again(zh_reader, zh_questions, text):
    assert asked_again(_read(zh_reader, zh_questions, "days_since_iv_antibiotics", text))


def test_a_drip_of_antibiotics_keeps_its_time(zh_reader, zh_questions):
    reading = _read(zh_reader, zh_questions, "days_since_iv_antibiotics", "上周输了三天消炎药")
    assert reading.value == Decimal(4) and not reading.needs_check  # 上周: the middle of last week


# --- The question's word only inside another thing: the head of the compound comes last -------------------
@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "肝上长了个小囊肿"),  # a place: 肝上
    ("liver_disease", "肝里有个钙化点"),
    ("active_hepatitis_b_or_c", "小时候打过乙肝疫苗"),  # another head after the question's word
    ("npc_recurrent_metastatic", "有慢性鼻咽炎"),
    ("blood_clot_6_months", "腿上静脉曲张"),
    ("autoimmune_disease", "有骨关节炎"),  # another kind: 类风湿关节炎 is the question's
    ("pd1_therapy", "打过西妥昔单抗"),  # the question says 单抗 only inside the names it lists
])
def test_the_question_word_inside_another_thing_isasked_again(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert asked_again(reading) or reading.value == NO, reading


@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "有肝硬化"),
    ("active_hepatitis_b_or_c", "乙肝小三阳，病毒量很高"),  # 病毒量: said about the virus
    ("autoimmune_disease", "类风湿关节炎好多年了"),
    ("pd1_therapy", "打过卡瑞利珠单抗"),
    ("transplant_waiting", "在排队等肾移植"),  # the question says 移植 on its own
    ("current_lung_inflammation", "放射性肺炎，还在吃激素"),  # a term now
    ("effusion_drainage", "胸水抽了好几次"),
])
def test_the_question_word_named_as_itself_is_read(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == YES and not reading.needs_check, reading


# --- Others -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("iv_or_swallowing_problem", "喝牛奶会拉肚子"),  # only on a condition
    ("iv_or_swallowing_problem", "一吃凉的就拉肚子"),
    ("measurable_lesion", "肝上的病灶已经消失了"),  # gone
    ("infection_last_2_weeks", "发烧算不算？"),  # a question back
    ("chemo_allergy", "多柔比星过敏过"),  # another medicine jieba gives no pair of its own
])
def test_conditions_gone_things_questions_back_and_other_medicines_are_no_yes(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert asked_again(reading) or reading.value == NO, reading


@pytest.mark.parametrize("question_id, text, value", [
    ("iv_or_swallowing_problem", "一直拉肚子，两个多月了", YES),
    ("chemo_allergy", "紫杉醇过敏过", YES),
    ("heart_or_stroke_uncontrolled", "前年中风过，现在恢复得很好", NO),  # recovered well: not uncontrolled
    ("heart_disease", "十年前心梗过", YES),
])
def test_what_these_rules_must_still_read(zh_reader, zh_questions, question_id, text, value):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == value and not reading.needs_check, reading


def test_hui_is_a_yes_only_on_its_own():
    from bot.understanding.chinese.polarity import read_polarity

    assert read_polarity("会").value == YES
    assert read_polarity("我会").value == YES
    assert read_polarity("吃辣的会胃疼").value != YES


def test_never_is_still_never(zh_reader, zh_questions):
    assert _read(zh_reader, zh_questions, "days_since_hormone_therapy", "没吃过强的松，也没用过激素药").value == NEVER
