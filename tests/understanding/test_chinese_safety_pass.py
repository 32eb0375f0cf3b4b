"""The safety pass (issue 14, branch issue-14t3): a wrong reading is worse than a re-ask.

Each rule is driven by the question's own words (seeds/questions.yml, zh) and tested with the
developer's own sentences: the ones it must check, and the ones it must still read.
"""

from __future__ import annotations


import pytest

from bot.screening.answers import NO, YES
from tests.understanding.helpers import asked_again, read_at as _read


# A yes about a thing the question does not name, with no word of the question: checked.
@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "有胆结石，胆囊前年切了"),
    ("current_lung_inflammation", "肺上有个小结节"),
    ("current_lung_inflammation", "肺有粒細結節"),
    ("dialysis", "肾上有个囊肿"),
    ("dialysis", "有肾结石"),
    ("autoimmune_disease", "有痛风"),
    ("organ_transplant", "输过血"),
    ("organ_transplant", "装过心脏支架"),
    ("pd1_therapy", "打过胸腺肽"),
    ("active_tuberculosis", "得过肺炎"),
])
def test_a_yes_about_another_thing_isasked_again(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


# What the help says not to count (只有脂肪肝，不算; 只有高血压，这里不算): a no, as in English.
@pytest.mark.parametrize("question_id, text", [
    ("liver_disease", "有脂肪肝"),
    ("heart_disease", "有高血压，吃药控制着"),
    ("heart_disease", "有高血壓，食緊藥"),
])
def test_what_the_help_does_not_count_is_a_no(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == "no" and not reading.needs_check, reading


@pytest.mark.parametrize("question_id, text, value", [
    ("heart_disease", "房颤，一直吃华法林", YES),  # a name of the question's own (synonyms)
    ("heart_disease", "前年心梗过一次，放了支架", YES),
    ("autoimmune_disease", "类风湿，在吃甲氨蝶呤", YES),
    ("dialysis", "要的，一周三次", YES),
    ("organ_transplant", "自体干细胞移植，前年做的", YES),
    ("immune_side_effect_severe", "有，免疫性肺炎住过院", YES),  # a plain answer clause, then more
    ("side_effects_more_than_mild", "手脚还是麻得厉害", YES),  # a described problem: its own rules
])
def test_the_question_s_own_things_are_still_read(zh_reader, zh_questions, question_id, text, value):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == value and not reading.needs_check


def test_an_umbrella_is_left_to_its_lines(zh_reader, zh_questions):
    reading = _read(zh_reader, zh_questions, "breast_health_screen", "有抑郁症，在吃药")
    assert reading.value == YES and not reading.needs_check


# A reaction to something else than the medicines a question names.
@pytest.mark.parametrize("question_id, text", [
    ("chemo_allergy", "青霉素过敏"),
    ("chemo_allergy", "对海鲜过敏"),
    ("chemo_allergy", "头孢过敏"),
    ("antibody_allergy", "造影剂过敏"),
    ("antibody_allergy_severe", "青霉素过敏，喉咙都肿了"),
])
def test_a_reaction_to_something_else_isasked_again(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


@pytest.mark.parametrize("question_id, text, value", [
    ("chemo_allergy", "对紫杉醇过敏过", YES),
    ("chemo_allergy", "没有过敏", NO),
    ("chemo_allergy", "白蛋白紫杉醇打过几次，没过敏", NO),
])
def test_a_reaction_to_the_named_medicines_is_read(zh_reader, zh_questions, question_id, text, value):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == value and not reading.needs_check


# The illness a severity question names, without the severity it asks about.
@pytest.mark.parametrize("question_id, text", [
    ("severe_bone_damage", "骨转移，骨头疼"),
    ("severe_bone_damage", "骨轉移，骨頭好痛"),
    ("severe_bone_damage", "有骨转移，在打唑来膦酸"),
    ("severe_lung_disease", "肺纤维化"),
    ("severe_lung_disease", "有肺氣腫"),
    ("lung_disease_3_months", "肺气肿好多年了"),
])
def test_the_illness_without_its_severity_isasked_again(zh_reader, zh_questions, question_id, text):
    assert asked_again(_read(zh_reader, zh_questions, question_id, text))


@pytest.mark.parametrize("question_id, text", [
    ("severe_bone_damage", "骨转移，腰椎压缩性骨折了"),  # 骨折: 骨头断了 by the synonyms
    ("severe_bone_damage", "骨转移，压到脊髓了"),
    ("severe_lung_disease", "慢阻肺，走几步就喘不上气"),
    ("severe_lung_disease", "肺纤维化，现在要在家吸氧"),
    ("lung_disease_3_months", "有肺气肿，这几个月走路就喘"),
])
def test_the_illness_with_its_severity_is_a_yes(zh_reader, zh_questions, question_id, text):
    reading = _read(zh_reader, zh_questions, question_id, text)
    assert reading.value == YES and not reading.needs_check


def test_severity_pairs_come_from_the_question_s_severity_sentences(zh_reader, zh_questions):
    reader, questions = zh_reader, zh_questions
    bone = reader._words(questions["severe_bone_damage"]).severity_pairs
    assert {"脊髓", "骨折"} <= bone and "骨头" not in bone  # 骨头 is in "您的骨头里有癌吗" too
    assert not reader._words(questions["heart_disease"]).severity_pairs
