"""Round 7 (issue 14, branch issue-14z): Chinese yes/no answers the development sets still asked again,
grouped by cause, each family tested with sentences of our own beside the sets' own.

Expected values are worked out from what the reply means, never copied from the reader. ``used`` is what
the form stores without asking; ``asked_again`` is a re-ask or a "Just to be sure" check.
"""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, YES
from tests.understanding.helpers import asked_again, read_at, used


@pytest.fixture(scope="module")
def read(zh_reader, zh_questions):
    return lambda question_id, text: read_at(zh_reader, zh_questions, question_id, text)


# --- A thing the question does not ask about, then a no to what it asks ---------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("organ_transplant", "只输过血，没做过移植"),
    ("organ_transplant", "输过血，没做过移植"),
    ("organ_transplant", "输过血 别的没有"),  # the help: 输血不是移植
    ("organ_transplant", "输了血，别的都没有"),
    ("organ_transplant", "只系输过血，冇移植"),
    ("antibody_allergy", "只对青霉素过敏"),  # the help: a penicillin allergy does not count
    ("antibody_allergy", "他只对青霉素过敏，别的药没问题"),
    ("antibody_allergy", "头孢过敏，单抗没有"),
    ("heart_disease", "只有高血压，别的心脏病没有"),  # the help: only high blood pressure does not count
    ("heart_disease", "血压高，别的心脏病都没有"),
    ("autoimmune_disease", "1型糖尿病，一直打胰岛素，控制得挺好，别的没有"),
    ("platinum_chemo", "只用过卡培他滨，没用过铂类"),
])
def test_something_else_and_a_no_to_what_is_asked_is_a_no(read, question_id, text):
    assert used(read(question_id, text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("organ_transplant", "输过血，做过骨髓移植"),  # the transplant is there too
    ("organ_transplant", "做过肾移植，别的没有"),
    ("antibody_allergy", "对青霉素过敏，单抗也过敏"),
    ("heart_disease", "心梗过，没有心衰"),  # a heart attack is asked about
    ("heart_disease", "有房颤，没有心衰"),
    ("meningeal_or_active_brain_spread", "没发现有转移，但是头一直疼"),  # a "but" may take the no back
    ("platinum_chemo", "放疗后没化疗过，之前手术后做过化疗"),  # 化疗 is no other thing
    ("active_hepatitis_b_or_c", "乙肝是阳性，丙肝是阴性"),
    ("active_hepatitis_b_or_c", "只知道是乙肝携带者，没查过病毒"),  # not tested is no no
])
def test_what_is_asked_beside_a_no_is_not_read_as_a_plain_no(read, question_id, text):
    assert used(read(question_id, text)) != NO


@pytest.mark.parametrize("question_id, text", [
    ("antibody_allergy", "对青霉素过敏，单抗打了没事"),
    ("chemo_allergy", "对青霉素过敏了，紫杉醇打了没事"),
    ("chemo_allergy", "对青霉素过敏，紫杉醇打了没事"),
])
def test_a_reaction_to_another_medicine_is_never_a_yes(read, question_id, text):
    assert read(question_id, text).value != YES


def test_a_no_to_one_line_of_a_list_is_not_a_no_to_the_list(read):
    # "有没有心梗？有没有心衰？…": denying heart failure says nothing of the others.
    from bot.understanding.chinese.other_thing import other_thing_and_a_no
    from bot.understanding.chinese.question_words import question_words
    from bot.understanding.chinese.reader import _topics
    from tests.understanding.chinese_questions import chinese_questions

    heart = chinese_questions()["heart_disease"]
    assert not other_thing_and_a_no(question_words(heart), "有高血压,没有心衰", _topics(heart))
    assert other_thing_and_a_no(question_words(heart), "只有高血压,别的心脏病没有", _topics(heart))


def test_what_the_help_says_is_not_the_thing_is_read_from_the_help(zh_questions):
    from bot.understanding.chinese.question_words import question_words

    assert question_words(zh_questions["organ_transplant"]).not_the_thing == ("输血",)  # 输血不是移植
    # "也可能不是过敏" leaves it open (the help asks for "not sure"): nothing is taken from it.
    assert question_words(zh_questions["antibody_allergy"]).not_the_thing == ()


# --- A negation inside the description of a reaction -----------------------------------------------------
@pytest.mark.parametrize("text", [
    "紫杉醇打的时候过敏了，脸红喘不上气",
    "她打紫杉醇的时候过敏了，脸红喘不上气",
    "打紫杉醇嘅时候过敏，面红透唔到气",
    "卡培他滨吃了过敏，全身痒得睡不着",
    "紫杉醇过敏",
])
def test_an_allergy_described_with_a_negation_is_a_yes(read, text):
    assert used(read("chemo_allergy", text)) == YES


@pytest.mark.parametrize("text", [
    "紫杉醇打了好几次，没过敏，就是吃不下饭",  # a side effect, and no allergy
    "紫杉醇不过敏",
    "紫杉醇过敏？没有",
])
def test_no_allergy_beside_a_described_negation_stays_a_no(read, text):
    assert read("chemo_allergy", text).value == NO


def test_a_described_negation_alone_is_no_allergy_said(read):
    assert used(read("chemo_allergy", "紫杉醇打了，吃不下饭")) is None


# --- Everyday names of autoimmune diseases the help names -------------------------------------------------
@pytest.mark.parametrize("text", ["牛皮癣好多年了", "银屑病，身上一片片的", "有牛皮癣好多年", "干燥综合征", "克罗恩病，一直在吃药",
                                  "多发性硬化"])
def test_an_autoimmune_disease_by_its_everyday_name_is_a_yes(read, text):
    assert used(read("autoimmune_disease", text)) == YES


@pytest.mark.parametrize("text", ["没有牛皮癣", "牛皮癣？没有", "没得过银屑病"])
def test_a_denied_autoimmune_disease_is_a_no(read, text):
    assert used(read("autoimmune_disease", text)) == NO


def test_a_word_that_only_shares_a_character_is_no_autoimmune_disease(read):
    assert used(read("autoimmune_disease", "眼睛干燥")) is None
    assert used(read("autoimmune_disease", "有肝硬化")) is None  # 硬化 of the liver, not multiple sclerosis


# --- The question's own problem said with 没 or 未 (伤口不愈合: 伤口一直没愈合) -------------------------------
@pytest.mark.parametrize("text", ["胸壁上的放疗伤口一直没愈合，天天换药", "手术伤口还未愈合", "腿上的伤口迟迟不愈合"])
def test_a_wound_that_has_not_healed_is_a_yes(read, text):
    assert used(read("unhealed_wound_or_fracture", text)) == YES


@pytest.mark.parametrize("text", ["没有，伤口都愈合了", "没有伤口"])
def test_a_healed_wound_is_never_a_yes(read, text):
    assert read("unhealed_wound_or_fracture", text).value != YES or asked_again(read("unhealed_wound_or_fracture", text))


# --- Growth on a scan said without the question's 长大了 ----------------------------------------------------
@pytest.mark.parametrize("text", [
    "医生说又长了新的病灶",
    "长了，而且肝上多了两个新的",
    "9月份复查，MRI提示病灶比之前增大，还多了两个新的，所以换了方案",
    "复查说肿瘤变大了",
    "有新的转移，长到骨头上了",
])
def test_growth_or_a_new_lesion_is_a_yes_to_has_it_grown(read, text):
    assert used(read("progression_on_scan", text)) == YES


@pytest.mark.parametrize("text", [
    "没有长大，也没有新的",
    "新的药效果很好，肿瘤缩小了",
    "换了新的方案",
    "以前长大过，现在稳定",
    "好像变大了",
    "变大了吗？",
    "还没复查，不知道有没有变大",
])
def test_no_growth_an_earlier_growth_or_a_doubt_is_never_a_plain_yes(read, text):
    assert used(read("progression_on_scan", text)) != YES


# --- Found early and fully treated, said with 就好了 / 没复发 ------------------------------------------------
@pytest.mark.parametrize("text", [
    "他那个是皮肤基底细胞癌，很小，切掉就好了",
    "是 很早的 原位癌 切了就好了",
    "皮肤上的 发现得早 切干净了 没复发",
    "系，好早发现，切咗就冇事",
    "宫颈原位癌，锥切完就好了",
    "很早发现的，甲状腺微小癌，手术切了，复查都正常",
    "早期的，做了手术就根治了",
])
def test_found_early_and_removed_is_a_yes(read, text):
    assert used(read("other_cancer_early_treated", text)) == YES


@pytest.mark.parametrize("text", [
    "没治完 还在吃药",
    "不是早期，发现的时候已经有淋巴结转移了",
    "发现得早，但是还没切",
    "不算早，切了",
    "很小，切掉了吗？",
    "原位癌，还没做手术",
    "发现的时候已经是晚期了，切了一部分",
])
def test_late_not_yet_removed_or_asked_back_is_never_a_plain_yes(read, text):
    assert used(read("other_cancer_early_treated", text)) != YES


def test_early_and_treated_is_only_read_for_a_question_that_asks_both(zh_questions):
    from bot.understanding.chinese.early_treated import early_and_treated
    from bot.understanding.chinese.question_words import question_words

    assert not early_and_treated(question_words(zh_questions["other_cancer"]), "原位癌，切了就好了")


# --- Cannot say whether it counts; a degree said with 不行 ---------------------------------------------------
@pytest.mark.parametrize("text", ["说不清算不算重", "讲唔清算唔算重", "我也说不准算不算严重"])
def test_cannot_say_whether_it_counts_is_not_sure(read, text):
    from bot.screening.answers import NOT_SURE

    assert used(read("side_effects_more_than_mild", text)) == NOT_SURE


def test_breathless_beyond_words_is_no_negation(read):
    assert used(read("severe_lung_disease", "慢阻肺好些年了 走几步就喘得不行")) == YES
    assert used(read("severe_lung_disease", "慢阻肺好些年了，走几步就喘得不行")) == YES
    assert read("lung_disease_3_months", "没有，呼吸一直好好的").value == NO


# --- The question's setting said, then a no to what it asks (化疗做过，没用过铂类) -------------------------------
@pytest.mark.parametrize("text", [
    "化疗做过，但是用的是紫杉醇和卡培他滨，没用过铂类",
    "化疗是做了，不过用的是多西他赛同氟尿嘧啶，医生讲冇用铂类",
    "化疗做过，没用过铂类",
])
def test_the_setting_and_a_no_to_the_drug_asked_is_a_no(read, text):
    assert used(read("platinum_chemo", text)) == NO


@pytest.mark.parametrize("text", ["化疗做过，用的是顺铂", "化疗做过，用过顺铂，没用过卡铂", "做过化疗"])
def test_the_setting_with_the_drug_asked_or_alone_is_never_a_no(read, text):
    assert read("platinum_chemo", text).value != NO


# --- Taken, and the one negation is of the reaction (打了一年都没过敏) -----------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("antibody_allergy", "没有，曲妥珠单抗打了一年都没过敏"),
    ("chemo_allergy", "紫杉醇打了一年都没过敏"),
    ("chemo_allergy", "紫杉醇打过，不是过敏，是发烧"),
])
def test_taken_without_a_reaction_is_a_no(read, question_id, text):
    assert used(read(question_id, text)) == NO


def test_not_knowing_whether_it_was_a_reaction_is_not_a_no(read):
    assert read("chemo_allergy", "紫杉醇打了，不知道过不过敏").value != NO


# --- Never heard a doctor say so (没听医生说过心脏有问题) reads as 医生没说过 ---------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("heart_disease", "没听医生说过心脏有问题"),
    ("immunodeficiency", "没听医生说过免疫有问题"),
    ("severe_bone_damage", "没听医生讲过骨头有事"),
    ("liver_disease", "从来没听大夫说过肝有问题"),
])
def test_never_heard_a_doctor_say_so_is_a_no(read, question_id, text):
    assert used(read(question_id, text)) == NO


def test_heard_a_doctor_say_so_is_never_a_no(read):
    assert read("heart_disease", "听医生说过心脏有问题").value != NO


# --- How often, said inside the verb (洗三次肾, 一个礼拜透三回) ---------------------------------------------------
@pytest.mark.parametrize("text", ["一个礼拜透三回", "一个礼拜洗三次肾", "每周透三次", "一周要透两回"])
def test_dialysis_said_with_how_often_is_a_yes(read, text):
    assert used(read("dialysis", text)) == YES


@pytest.mark.parametrize("text", ["没有，一个礼拜透三回的是我邻居", "以前一周透两次，现在不用了", "医生说以后可能要一周透三次"])
def test_dialysis_denied_past_or_future_is_never_a_plain_yes(read, text):
    assert used(read("dialysis", text)) != YES


# --- No, and the question's own problem resolved (没有，伤口都长好了) -------------------------------------------
@pytest.mark.parametrize("text", ["没有 伤口早长好了", "没有，都长好了", "没有，伤口早就长好了"])
def test_no_and_healed_is_a_no_to_a_wound_that_will_not_heal(read, text):
    assert used(read("unhealed_wound_or_fracture", text)) == NO


def test_healed_beside_one_still_open_is_never_a_plain_no(read):
    assert used(read("unhealed_wound_or_fracture", "没有，伤口长好了，但是骨折还没长好")) is None
    assert used(read("unhealed_wound_or_fracture", "没有，伤口长好了，骨折还没长好")) is None


# --- Seen on a scan to be fine (片子上肺是好的, 医生看过片子说肺没事) ------------------------------------------------
@pytest.mark.parametrize("text", ["片子上肺是好的", "没有，医生看过片子说肺没事", "CT上看肺挺好的"])
def test_the_lung_seen_fine_on_a_scan_is_a_no(read, text):
    assert used(read("current_lung_inflammation", text)) == NO


@pytest.mark.parametrize("text", ["片子上肺是好的吗", "片子上看肺有点发炎", "以前肺是好的，最近片子上有炎症"])
def test_fine_asked_back_or_beside_a_finding_is_never_a_plain_no(read, text):
    assert used(read("current_lung_inflammation", text)) != NO


# --- Never said to be needed (从来没说过要移植) ----------------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("transplant_waiting", "木有 从来没说过要移植"),
    ("transplant_waiting", "医生从来没说过要移植"),
    ("dialysis", "医生没提过要透析"),
])
def test_never_said_to_be_needed_is_a_no(read, question_id, text):
    assert used(read(question_id, text)) == NO


def test_said_to_be_needed_is_a_yes(read):
    assert read("transplant_waiting", "医生说要移植").value == YES


# --- 住院 said around how long (住了一周院), 转移到 said short (转到肝) ------------------------------------------------
@pytest.mark.parametrize("said, read_as", [
    ("住了一周院", "住院了一周"), ("住了半个月院", "住院了半个月"), ("住咗院", "住院了"), ("住过院", "住院过"),
    ("已经转到肝和骨头了", "已经转移到肝和骨头了"),
])
def test_split_or_short_words_are_read_whole(said, read_as):
    from bot.understanding.chinese.text import normalise

    assert read_as in normalise(said)


@pytest.mark.parametrize("said", ["住在医院旁边", "转到另一家医院了", "他转到别的科了"])
def test_other_words_with_the_same_characters_stay(said):
    from bot.understanding.chinese.text import normalise

    assert "住院" not in normalise(said) and "转移" not in normalise(said)


@pytest.mark.parametrize("text", ["免疫性结肠炎，拉肚子住了一周院", "免疫性肺炎住了半个月院", "打PD1之后免疫性肝炎住咗院"])
def test_a_side_effect_that_put_them_in_hospital_is_severe(read, text):
    assert used(read("immune_side_effect_severe", text)) == YES


@pytest.mark.parametrize("text", ["有点皮疹，没住过院", "甲状腺功能减退了，吃优甲乐就行，没住过院"])
def test_a_side_effect_without_hospital_is_not_severe(read, text):
    assert used(read("immune_side_effect_severe", text)) == NO


def test_spread_said_short_is_a_yes(read):
    assert used(read("breast_advanced_unresectable", "我妈已经转到肝和骨头了")) == YES
    # A no to one place (没有转到肝) leaves a spread elsewhere open (issue 14 safety probe): a checked no.
    reading = read("breast_advanced_unresectable", "没有转到肝")
    assert reading.value == NO and reading.confidence < 0.8


# --- A typed reply parted by spaces (打的消炎药 没用激素), read part by part where a rule looks at parts --------------
def test_typed_parts_cut_at_a_space_between_chinese_phrases_but_not_inside_a_negation():
    from bot.understanding.chinese.text import normalise, typed_parts

    assert typed_parts(normalise("前年整过一回肺炎 打的消炎药 没用激素")) == ["前年整过一回肺炎", "打的消炎药", "没用激素"]
    assert typed_parts(normalise("紫杉醇不过敏")) == ["紫杉醇不 过敏"]  # normalise's own space stays inside
    assert typed_parts(normalise("CT 没事")) == ["ct 没事"]


@pytest.mark.parametrize("text", ["前年整过一回肺炎 打的消炎药 没用激素", "肺炎 打了抗生素 没用过激素"])
def test_a_spaced_no_to_the_treatment_asked_is_a_no(read, text):
    assert used(read("lung_inflammation_steroids", text)) == NO


@pytest.mark.parametrize("text", ["肺炎 用了激素", "放射性肺炎 吃了一个月强的松"])
def test_a_spaced_yes_to_the_treatment_asked_is_never_a_no(read, text):
    assert read("lung_inflammation_steroids", text).value != NO


def test_a_matching_test_for_a_transplant_is_being_checked_for_one(read):
    assert used(read("transplant_waiting", "医生在给他做配型检查")) == YES
    assert used(read("transplant_waiting", "没做过配型")) == NO


# --- The question's things counted or named by kind before a no (这四样都没有用, 这类药一次都没用过) -------------------
@pytest.mark.parametrize("question_id, text", [
    ("npc_recent_medicines", "这四样都没有用"),
    ("iv_or_swallowing_problem", "四樣都冇"),
    ("anti_her2_therapy", "这类药一次都没用过"),
    ("heart_disease", "两个都没有"),
])
def test_all_of_them_denied_is_a_plain_no(read, question_id, text):
    assert used(read(question_id, text)) == NO


@pytest.mark.parametrize("question_id, text", [
    ("npc_recent_medicines", "这四样都用过"),
    ("npc_recent_medicines", "这四样，有一样用过"),
    ("heart_disease", "有一个没有，别的有"),
])
def test_some_of_them_had_is_never_a_plain_no(read, question_id, text):
    assert used(read(question_id, text)) != NO


# --- Names that begin with 非 ("non-") are no negation ---------------------------------------------------------
def test_a_name_beginning_with_non_is_no_negation(read):
    assert used(read("npc_recurrent_metastatic", "确认了，病理报告写的是鼻咽非角化性癌，现在是多发骨转移和肺转移")) == YES
    assert read("current_lung_inflammation", "非感染性肺炎").value == YES  # the question's own term
    assert used(read("npc_recurrent_metastatic", "非角化性癌，没有复发也没有转移")) == NO


# --- Unclear speech or sight is a sign, not "I am not sure" ------------------------------------------------------
def test_unclear_speech_is_no_doubt(read):
    from bot.screening.answers import NOT_SURE

    assert read("heart_or_stroke_uncontrolled", "他9月份刚中风过，现在说话还不太清楚").value != NOT_SURE
    assert read("heart_or_stroke_uncontrolled", "不太清楚").value == NOT_SURE
    assert read("heart_or_stroke_uncontrolled", "我不清楚他有没有中风").value == NOT_SURE
