"""Issue 14, second pass: more of what a Chinese reader reads without doubt, with no wrong reading added.

Every sentence is the developer's own, worded differently from the answer sets, so each test checks a
rule, not one answer. Today is 1 December 2026. A rule's risky neighbours are tested too: a reply
the rule must not read (re-asked or checked) sits beside the ones it reads.
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


def understood(reading):
    return None if reading.value is None or reading.needs_check else reading.value


# --- A statement that names two pairs of what the question asks about (nouns of its text, list, terms).
@pytest.mark.parametrize("question_id, text", [
    ("npc_health_screen", "红斑狼疮十几年了"),
    ("transplant_waiting", "医生在安排骨髓移植"),
    ("transplant_waiting", "排队等肾移植快两年了"),
    ("iv_or_swallowing_problem", "老拉肚子，一天好几次"),
    ("severe_bone_damage", "腰椎病理性骨折"),
])
def test_a_statement_naming_what_is_asked_is_a_yes(reader, questions, question_id, text):
    assert understood(read(reader, questions, question_id, text)) == YES


@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "心电图报告写着窦性心律"),  # a test the help names, not a heart disease
    ("heart_disease", "心脏瓣膜反流，医生说很轻"),  # the line asks about a serious one: 很轻 stops it
    ("other_cancer_early_treated", "皮肤癌发现得晚"),  # the question asks how early, not what
])
def test_a_statement_that_only_shares_words_is_not_a_yes(reader, questions, question_id, text):
    assert understood(read(reader, questions, question_id, text)) is None


def test_named_things_leave_out_tests_and_questions_about_how(questions):
    assert "心电图" in question_words(questions["heart_disease"]).tests
    assert not question_words(questions["other_cancer_early_treated"]).named_things
    assert {"骨髓", "移植"} <= question_words(questions["transplant_waiting"]).named_things


# --- Other names of the question's medical words (seeds/synonyms_zh.yml).
def test_every_synonym_group_has_two_names_and_no_name_is_in_two_groups():
    from bot.understanding.chinese.synonyms import groups

    names = [name for group in groups() for name in group]
    assert all(len(group) >= 2 for group in groups())
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})


@pytest.mark.parametrize("question_id, text, expected", [
    ("heart_disease", "心衰三年了", YES),  # 心衰 is 心力衰竭, which the question names
    ("heart_disease", "房颤", YES),  # a kind of 心跳不齐
    ("blood_clot_6_months", "两个月前脑梗死", YES),  # a 中风 from a clot, inside the 6 months
    ("blood_clot_6_months", "脑梗是三年前的事", NO),  # outside the window
    ("platinum_chemo", "TP方案", YES),
    ("lung_inflammation_steroids", "放射性肺炎，医生开了强的松", YES),  # 强的松 is 泼尼松, the help's example
    # The illness, and a no to the treatment the question asks about.
    ("lung_inflammation_steroids", "间质性肺炎，没用过激素", NO),
    ("lung_inflammation_steroids", "肺发炎过，没用激素，用了抗生素", NO),
    ("iv_or_swallowing_problem", "每次输液都很顺利", None),  # went well: no statement of a problem
])
def test_other_names_of_what_is_asked(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "早搏"),  # only sometimes a heart disease: not in the groups, asked again
    ("days_since_hormone_therapy", "吃过强的松"),  # a steroid is no breast-cancer hormone medicine: no time, no yes
])
def test_a_name_outside_the_question_is_not_read_as_it(reader, questions, question_id, text):
    assert understood(read(reader, questions, question_id, text)) is None


# --- Polarity: 什么 after a negation is "any"; a 有 after a negated report is what was not found.
@pytest.mark.parametrize("question_id, text, expected", [
    ("heart_disease", "没什么心脏病", NO),
    ("days_since_surgery_biopsy_injury", "没受过什么伤，手术也没做过", "never"),
    ("meningeal_or_active_brain_spread", "医生没说过有脑转移", NO),
    ("active_brain_metastases", "从来没发现脑子里有东西", NO),
])
def test_any_and_not_found_after_a_negation(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "你们问这个做什么？"),  # still a question back
    ("meningeal_or_active_brain_spread", "没发现有转移，但是头一直疼"),  # a no with a but: checked
])
def test_a_question_back_or_a_qualified_no_is_still_asked(reader, questions, question_id, text):
    assert understood(read(reader, questions, question_id, text)) is None


# --- Descriptions with no answer of their own: what they describe decides.
@pytest.mark.parametrize("question_id, text, expected", [
    # The question's own problem said with a negation, said the reply's way.
    ("breast_advanced_unresectable", "医生说切不了，要先化疗缩小再切", YES),
    ("breast_advanced_unresectable", "长得太大了，医生说没法手术", YES),  # 没法手术 for the term 无法手术
    ("unhealed_wound_or_fracture", "手腕骨折三个月了，一直没长好", YES),
    # Active or not under control: not treated, or still growing.
    ("liver_disease", "丙肝好多年，从来没治过", YES),
    ("active_brain_metastases", "脑转移，还没治过", YES),
    # Severity asked: a serious description, not negated, nothing milder said.
    ("side_effects_more_than_mild", "眼睛看不清东西了", YES),
    ("antibody_allergy_severe", "输单抗的时候喘不过气来，送去抢救了", YES),
    # Only these, and only mild: a no, with something else named.
    ("side_effects_only_hair_or_nerves", "不是，还老是拉肚子", NO),
])
def test_a_description_of_what_is_asked_answers(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


@pytest.mark.parametrize("question_id, text", [
    ("side_effects_more_than_mild", "以前麻得厉害，现在好多了"),  # better now: not read as serious
    ("antibody_allergy_severe", "打单抗时有点喘，血压没掉"),  # the serious word is negated
    ("antibody_allergy_severe", "喘不上气是因为肺转移，不是过敏"),
    ("liver_disease", "乙肝，一直没吃药，医生说不用治"),  # needs no treatment: not read as active
    ("breast_advanced_unresectable", "医生说能切"),
])
def test_a_description_that_does_not_say_it_is_not_read_as_yes(reader, questions, question_id, text):
    assert understood(read(reader, questions, question_id, text)) != YES


def test_what_the_question_asks_with_a_negation_is_its_own(questions, reader):
    assert ("治", "过") in question_words(questions["active_brain_metastases"]).negated_asks
    assert not question_words(questions["organ_transplant"]).negated_asks  # 有没有做过: no negation of its own
    assert understood(read(reader, questions, "liver_disease", "乙肝，一直没控制好")) == YES
    assert understood(read(reader, questions, "organ_transplant", "没做过移植")) == NO


# --- A no after other content answers when it names what the question asks, or a report says it.
@pytest.mark.parametrize("question_id, text, expected", [
    ("days_since_chemotherapy", "吃中药调理，没做过化疗", "never"),
    ("chemo_allergy", "吃卡培他滨手脚脱皮，不是过敏", NO),  # a no to the reaction asked about
    ("days_since_targeted_therapy", "她是乳腺癌，没吃过这类药", "never"),  # 这类药: what the question asks about
    ("progression_on_scan", "复查说没长大", NO),  # who reported it stands before the no
    ("measurable_lesion", "报告上写的是未见病灶", NO),
    ("measurable_lesion", "复查说没看到新的病灶", None),  # no new lesion is not no lesion: checked
    ("measurable_lesion", "片子上说有个结节，没法量", None),  # there, but not as asked (能量出大小): checked
    ("contraception", "她八十了，不存在这个问题", "not_applicable"),  # 这个问题 is not what is asked
])
def test_a_no_that_names_what_is_asked(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


# --- What the question asks about is fine.
@pytest.mark.parametrize("question_id, text, expected", [
    ("heart_disease", "心脏一直都正常", NO),
    ("current_lung_inflammation", "肺挺好的", NO),
    ("liver_disease", "肝挺好", NO),
    ("heart_disease", "心脏还好，就是血压高", NO),  # the help: 只有高血压，这里不算
    ("heart_disease", "我挺好的", None),  # names nothing the question asks about
    ("iv_or_swallowing_problem", "血管好扎，药片也能吃", None),  # able to: never a statement of a problem
    ("dialysis", "医生说以后可能要透析，现在还不用", NO),  # what may happen later is no statement
])
def test_what_is_asked_is_fine(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


# --- Taken now: 在吃 / 一直吃 with no time is today; named something the question does not ask: checked.
@pytest.mark.parametrize("question_id, text, expected", [
    ("days_since_immunosuppressants", "肝移植以后一直吃环孢素", 0),
    ("days_since_steroids", "在吃甲泼尼龙", 0),
    ("days_since_iv_antibiotics", "今日仲喺度打緊吊針", 0),  # Cantonese: still on a drip today
    ("days_since_immunosuppressants", "在吃降压药", None),  # something the question does not name: checked
    ("days_since_immunosuppressants", "一直吃他克莫司，上个月停了", 1),  # the time said (the end of last month)
])
def test_taken_now(reader, questions, question_id, text, expected):
    value = understood(read(reader, questions, question_id, text))
    assert (value if value is None else int(value)) == expected


# --- What the question asks is needed, said not to be.
@pytest.mark.parametrize("question_id, text, expected", [
    ("dialysis", "肾有点问题，医生说暂时不用透析", NO),
    ("effusion_drainage", "肚子里有点水，不用抽", NO),
    ("immune_side_effect_severe", "拉了几天肚子，不用住院", NO),
    ("dialysis", "以前不用透析，现在每周做三次透析", None),  # said elsewhere: not read as a no
])
def test_what_is_not_needed(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


def test_what_a_question_asks_is_needed(questions):
    assert question_words(questions["dialysis"]).needed == ("透析",)
    assert question_words(questions["effusion_drainage"]).needed == ("抽",)
    assert not question_words(questions["days_since_immunotherapy"]).needed  # 也要算上 is not a need


# --- How long ago: only something else, and a plain no to what is asked; forms the help does not count.
@pytest.mark.parametrize("question_id, text, expected", [
    ("days_since_iv_antibiotics", "只吃过头孢，没输过液", "never"),
    ("days_since_iv_antibiotics", "只打过一次点滴，没用抗生素", "never"),
    ("days_since_chemotherapy", "只做过放疗，没做过化疗", "never"),
    ("days_since_immunosuppressants", "只做过几次雾化", "never"),  # 吸进去的药 is not counted: 雾化
    ("days_since_immunosuppressants", "只用过鼻喷的激素", "never"),
    ("days_since_immunosuppressants", "鼻喷激素和泼尼松都用过", None),  # two things joined: not only the one
    ("metastatic_chemo", "复发后化疗加哌柏西利", YES),
])
def test_only_what_is_not_counted(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


# --- The past told, and no now; a no with stable or smaller beside it.
@pytest.mark.parametrize("question_id, text, expected", [
    ("breast_recent_screen", "半年前骨折过，最近没有", NO),
    ("breast_recent_screen", "两周前做过手术，最近没有", None),  # the past told is inside the 4 weeks
    ("active_tuberculosis", "以前得过，早就好了，现在没有", NO),
    ("progression_on_scan", "医生说病灶变小了，没有长", NO),
    ("progression_on_scan", "医生说有的变小了，有的长大了", YES),  # some grew: a yes
])
def test_the_past_and_now(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


# --- Numbers, choices and who answers.
@pytest.mark.parametrize("question_id, text, expected", [
    ("age", "1970年5月份出生", 56),  # the birthday has passed this year (today is 1 December 2026)
    ("age", "1962年生的", None),  # the year alone: asked again
    ("age", "1960年12月生的", None),  # born this month: the birthday may not have come yet
    ("chemo_lines", "一开始用的TP，后来换了卡培他滨，一共这两个", 2),  # 一开始 is no number
    ("chemo_lines", "两个方案，一共打了十二次", 2),  # the times given are cycles
    ("chemo_lines", "化疗做了六次", None),  # six times, maybe six cycles of one plan: asked again
    ("chemo_lines", "做过三次不同的方案", 3),
    ("other_cancer", "没有，就这一个", "none"),  # only this one says the no again
])
def test_numbers_and_choices(reader, questions, question_id, text, expected):
    value = understood(read(reader, questions, question_id, text))
    assert (int(value) if value is not None and question_id in ("age", "chemo_lines") else value) == expected


@pytest.mark.parametrize("text, expected", [
    ("帮我阿爸问", "caregiver"),  # Cantonese 阿爸
    ("帮个邻居问问", "caregiver"),
    ("儿子帮我打的字，问的是我自己", "self"),  # a relative typing for the patient
    ("我女儿", "caregiver"),
])
def test_who_answers(reader, text, expected):
    assert reader.read_voice(text) == expected


# --- A reaction asked about, not taking the drug; what the question asks happened; once and gone; since.
@pytest.mark.parametrize("question_id, text, expected", [
    ("chemo_allergy", "卡培他滨吃了一年多，从来没过敏", NO),
    ("chemo_allergy", "紫杉醇打完第二次就过敏了", YES),
    ("chemo_allergy", "紫杉醇打了以后浑身起疹子", None),  # taken, and a description: asked again
    ("substance_or_psychiatric", "喝点啤酒，不多", None),  # names no medicine the question asks about
    ("progression_on_scan", "复查说又长大了", YES),
    ("progression_on_scan", "长大了吗？我不知道", NOT_SURE),
    ("effusion_drainage", "腹水抽过一次，后来没再有", NO),
    ("effusion_drainage", "抽过两次，后来没再长", None),  # twice is again
    ("metastatic_chemo", "转移以后没做过化疗，之前做过", NO),
    ("metastatic_chemo", "转移以后做了四次化疗", YES),
])
def test_reaction_happened_once_since(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


# --- Who the help says can answer no; report names; daily life.
@pytest.mark.parametrize("question_id, text, expected", [
    ("pregnant_or_breastfeeding", "我妈七十了，早就绝经了", NO),
    ("pregnant_or_breastfeeding", "还没绝经", None),  # not who the help names: checked
    ("pregnant_or_breastfeeding", "绝经了，不过在喂奶", None),  # names what is asked: not read as a no
    ("hr_status", "luminal A型", "positive"),
    ("daily_activity", "她白天多半躺在沙发上，吃饭才起来", "mostly_resting"),  # 多半 + a posture: no hedge
])
def test_help_words_and_choices(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected


def test_the_name_a_help_gives_what_is_not_counted_is_not_counted(reader, questions):
    # "吃的激素药不是化疗。医生叫它内分泌治疗。": 内分泌 is no chemotherapy, so no yes to "chemo since it spread?".
    assert not {"内分", "分泌"} & question_words(questions["metastatic_chemo"]).named_things
    assert understood(read(reader, questions, "metastatic_chemo", "转移以后一直吃内分泌的药")) == NO


@pytest.mark.parametrize("question_id, text, expected", [
    ("active_hepatitis_b_or_c", "乙肝病毒DNA阴性，一直在吃恩替卡韦", None),  # a negative test: no statement of a yes
    ("active_hepatitis_b_or_c", "丙肝抗体阳性，RNA阴性", None),
    ("iv_or_swallowing_problem", "有时候拉肚子，吃点药就好", None),  # now and then: not long-lasting
    ("antibody_allergy_severe", "有过敏，就起了点疹子", NO),  # 起了点: a little, to "severe?"
])
def test_statements_that_say_less_than_they_name(reader, questions, question_id, text, expected):
    assert understood(read(reader, questions, question_id, text)) == expected
