"""Round 7 (issue-14za): Chinese numbers, times, choices and who is answering, each family tested with
sentences of our own beside the kind the answer sets missed, and with negated and opposite ones.

Dates count back from Monday 7 December 2026 (``ANSWERED_ON``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NOT_SURE
from bot.understanding.chinese.text import normalise
from bot.understanding.chinese.voice import read_voice
from tests.understanding.helpers import ANSWERED_ON, ago, asked_again, days, read_at, used

TODAY = ANSWERED_ON


# --- Who is answering: relatives named the regional way ------------------------------------------------
@pytest.mark.parametrize("text", [
    "给俺爹问的 他耳朵背不会弄手机",
    "帮俺娘问一下",
    "替我堂客问的 她不识字",
    "我屋里老头子的 他不会打字",
    "我屋头老汉得的病",
    "我是患者女儿，替我爸咨询一下",
    "我是病人儿子",
    "患者女儿",
])
def test_a_relative_in_the_words_of_a_region_is_a_caregiver(text):
    assert read_voice(normalise(text)) == "caregiver"


@pytest.mark.parametrize("text", [
    "是我本人，我儿子在旁边帮我打字",
    "我自己，女儿在身边帮我打字",
    "我是患者本人",
    "我是患者",
    "俺自己的病",
])
def test_the_patient_with_a_relative_typing_is_the_patient(text):
    assert read_voice(normalise(text)) == "self"


# --- Dialect and net words --------------------------------------------------------------------------
@pytest.mark.parametrize("text, mandarin", [
    ("放疗木做过", "没做过"),
    ("开刀也木有", "没有"),
    ("这辈子木打过疫苗", "没打过"),
    ("名字记不到了", "记不得"),
])
def test_regional_words_are_written_the_mandarin_way(text, mandarin):
    assert mandarin in normalise(text)


@pytest.mark.parametrize("text", ["手脚麻木有两个月了", "木耳吃过", "积木有好几盒"])
def test_mu_stays_wood_in_other_words(text):
    assert "没" not in normalise(text)


@pytest.mark.parametrize("question, text", [
    ("days_since_radiotherapy", "放疗木做过 就打的化疗"),
    ("days_since_live_vaccine", "这辈子木打过啥疫苗"),
    ("days_since_major_surgery", "开刀木有过"),
])
def test_mu_as_never(zh_reader, zh_questions, question, text):
    assert used(read_at(zh_reader, zh_questions, question, text)) == NEVER


def test_ji_bu_dao_is_not_remembering(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_iv_antibiotics", "记不到了")) == NOT_SURE


# --- Times ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("question, text, date", [
    ("last_treatment_days", "11/25 最后一次免疫治疗", dt.date(2026, 11, 25)),
    ("days_since_chinese_medicine", "中药是10/26停的，因为要准备做化疗", dt.date(2026, 10, 26)),
    ("days_since_chemotherapy", "9/18打的最后一次", dt.date(2026, 9, 18)),
])
def test_a_slash_date_inside_a_sentence(zh_reader, zh_questions, question, text, date):
    assert days(used(read_at(zh_reader, zh_questions, question, text))) == ago(date)


@pytest.mark.parametrize("text", ["吃了1/2片就停了", "12/25打算去复查"])
def test_a_fraction_or_a_day_to_come_is_no_time_ago(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "days_since_steroids", text))


@pytest.mark.parametrize("text, first, last", [
    # A duration said beside the month does not move the month to the year's end.
    ("放射性肺炎的时候吃了两个月激素，今年6月底停的", dt.date(2026, 6, 21), dt.date(2026, 6, 30)),
    ("十月份吃过一个月的泼尼松", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
    ("吃了三个礼拜，8月中停的", dt.date(2026, 8, 11), dt.date(2026, 8, 20)),
])
def test_a_month_beside_how_long_it_lasted(zh_reader, zh_questions, text, first, last):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_steroids", text)))
    assert ago(last) <= value <= ago(first)


def test_a_time_ago_beside_a_month_is_not_the_month(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_steroids", "两个月前停的，6月份开始吃的")
    assert used(reading) != Decimal(ago(dt.date(2026, 6, 30)))


@pytest.mark.parametrize("text, first, last", [
    ("上个月十几号放完的", dt.date(2026, 11, 11), dt.date(2026, 11, 19)),
    ("上个月二十几号", dt.date(2026, 11, 21), dt.date(2026, 11, 29)),
])
def test_some_day_of_the_teens_of_last_month(zh_reader, zh_questions, text, first, last):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_radiotherapy", text)))
    assert ago(last) <= value <= ago(first)


@pytest.mark.parametrize("question, text", [
    ("days_since_minor_surgery", "国庆节后没几天"),
    ("days_since_major_surgery", "国庆节后没几天做的"),
])
def test_not_many_days_after_a_festival_is_a_few_days_after(zh_reader, zh_questions, question, text):
    value = days(used(read_at(zh_reader, zh_questions, question, text)))
    assert ago(dt.date(2026, 10, 10)) <= value <= ago(dt.date(2026, 10, 2))


def test_mei_ji_tian_is_no_negation():
    assert "没" not in normalise("出院没几天")


@pytest.mark.parametrize("text", ["今年开春打过一针麻腮风", "开春的时候打的", "今年初春"])
def test_the_start_of_spring_is_february_or_march(zh_reader, zh_questions, text):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_live_vaccine", text)))
    assert ago(dt.date(2026, 3, 31)) <= value <= ago(dt.date(2026, 2, 1))


# --- Ages -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, age", [
    ("婆婆七十三了，虚岁七十四", 73),
    ("虚岁六十六，六十五了", 65),
    ("四十七 腊月生的", 47),
    ("五十二，三月份出生的", 52),
    ("64岁，退休好几年了", 64),
    ("五十六，病了好多年了", 56),
])
def test_an_age_beside_a_nominal_age_a_birth_month_or_a_vague_span(zh_reader, zh_questions, text, age):
    assert used(read_at(zh_reader, zh_questions, "age", text)) == Decimal(age)


@pytest.mark.parametrize("text", ["64年3月生的", "1962年腊月生的", "病了好几年了", "虚岁七十四，七十了"])
def test_a_birth_year_or_no_age_is_not_read_as_the_age(zh_reader, zh_questions, text):
    reading = read_at(zh_reader, zh_questions, "age", text)
    assert used(reading) is None or used(reading) not in (Decimal(64), Decimal(3), Decimal(74), Decimal(70))


# --- Chemotherapy plans ---------------------------------------------------------------------------------
@pytest.mark.parametrize("text, plans", [
    ("两个方案，第一个是GP（吉西他滨+顺铂），复发后换了多西他赛", 2),
    ("五个方案，换了好几次了，医生都说已经是后线了", 5),
    ("五个方案咯，佢病咗好多年", 5),
    ("4个。诱导化疗TPF算一个，复发后用了GP，再后来是卡培他滨，最近一个是白蛋白紫杉醇", 4),
    ("做过两个方案，一个是吉西他滨顺铂，一个是紫杉醇卡铂", 2),
    ("头一回化疗6次 复发以后又换了一个药 那就是两个", 2),
    ("化疗打了十几次，不过方案只换过一回，所以是两个", 2),
    ("一线GP，后来复发换了多西他赛，就这两个", 2),
    ("刚查出来化疗一个 复发化疗一个 又转移了再换一个", 3),
    ("刚查出来化疗一个，复发又化疗一个", 2),
    ("一线二线都做完了，现在准备三线", 2),
    ("一线做完了，下一步准备二线", 1),
])
def test_plans_counted_beside_other_numbers(zh_reader, zh_questions, text, plans):
    assert used(read_at(zh_reader, zh_questions, "chemo_lines", text)) == Decimal(plans)


@pytest.mark.parametrize("text", [
    "两个方案，后来又换了一个",  # one more after the count
    "两个方案，现在准备第三个",
    "两个方案，一个是TP，一个是GP，一个是多西他赛",  # the list says three
    "一个方案打了6个疗程，后来又换了一个",  # "one" said of each of two plans
    "一个 一个",
    "三个方案，第四个还没开始",
])
def test_a_count_the_rest_of_the_reply_does_not_bear_out_is_asked_again(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "chemo_lines", text))


# --- Lab reports ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, choice", [
    ("HER2（++），FISH检测未见HER2基因扩增", "ihc_2_ish_negative"),  # the gene named between 未见 and 扩增
    ("免疫组化2+，原位杂交未见her2基因扩增", "ihc_2_ish_negative"),
    ("HER2（++），FISH检测见HER2基因扩增", "ihc_2_ish_positive"),
    ("her2是2加 后来又做了个fish 说是阴性", "ihc_2_ish_negative"),
])
def test_a_negated_amplification_with_the_gene_named(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "her2_result", text)) == choice


@pytest.mark.parametrize("text", [
    "HER2 2+，FISH没做",
    "她是2+，FISH还没做",
    "HER2 2+，FISH仲未出结果",
    "两个加 那个原位杂交还没做",
    "免疫组化2+，FISH结果还没出",
])
def test_two_plus_with_the_ish_test_not_done_is_not_sure(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "her2_result", text)) == NOT_SURE


@pytest.mark.parametrize("text, choice", [
    ("HER2 3+，FISH没做", "ihc_3"),  # 3+ needs no ISH test
    ("2+，FISH阳性，没做别的", "ihc_2_ish_positive"),
])
def test_a_test_not_done_beside_a_result_that_is_enough(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "her2_result", text)) == choice


@pytest.mark.parametrize("text, choice", [
    ("两个都阴", "negative"),
    ("ER PR两个都阴性", "negative"),
    ("两个都是阳性", "positive"),
])
def test_both_receptors_said_at_once(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "hr_status", text)) == choice


def test_both_negative_is_no_her2_result(zh_reader, zh_questions):
    assert asked_again(read_at(zh_reader, zh_questions, "her2_result", "两个都阴"))


# --- Birth control --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "俺跟老伴都七十了 还避啥孕",
    "我爸都七十多了，老伴也七十了",
    "我和老公都六十五了",
])
def test_a_couple_both_past_sixty_does_not_apply(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) == "not_applicable"


@pytest.mark.parametrize("text", [
    "我70了，老婆40",  # the wife may still become pregnant
    "俺跟老伴都五十了",
    "我62了",  # a man of 62 still counts; who it is, the reply does not say
])
def test_one_age_or_a_younger_partner_is_not_read_as_does_not_apply(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) != "not_applicable"


@pytest.mark.parametrize("text", [
    "她才35，这个得她自己决定，我没法替她回答",
    "这个得问她男人",
    "要问他本人",
])
def test_someone_else_must_answer_is_not_sure(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) == NOT_SURE


@pytest.mark.parametrize("text, choice", [("行 上了环的", "yes"), ("她上环了", "yes")])
def test_an_iud_is_birth_control(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) == choice


def test_no_iud_is_not_a_yes(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "contraception", "没上环")) != "yes"


# --- None of what is counted, only something else ------------------------------------------------------
@pytest.mark.parametrize("text", [
    "没做过化疗，只做了手术和内分泌治疗",
    "冇做过化疗，只系放疗",
    "从来没做过化疗，就做了靶向",
])
def test_no_chemotherapy_and_only_other_treatment_is_none(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "chemo_lines", text)) == Decimal(0)


@pytest.mark.parametrize("text", [
    "没做过化疗，但是做了放疗",  # not an "only": the usual check stays
    "没做过化疗，只吃过化疗药",  # the "only" names chemotherapy
    "没做过化疗，只做了两次放疗",  # a number beside it
])
def test_no_chemotherapy_beside_other_words_is_still_checked(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "chemo_lines", text))


# --- A first study ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["第一次参加", "这是第一次参加", "头一回整这个试验 以前没参加过", "首次参加临床试验"])
def test_a_first_study_means_no_study_drug_before(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_trial_drug", text)) == NEVER


@pytest.mark.parametrize("text", ["不是第一次参加了", "这不是第一次参加试验"])
def test_not_the_first_study_is_never_read_as_never(zh_reader, zh_questions, text):
    reading = read_at(zh_reader, zh_questions, "days_since_trial_drug", text)
    assert reading.value != NEVER and asked_again(reading)


def test_a_first_study_with_its_year_is_that_year(zh_reader, zh_questions):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_trial_drug", "第一次参加试验是2022年")))
    assert ago(dt.date(2022, 12, 31)) <= value <= ago(dt.date(2022, 1, 1))


def test_a_first_treatment_is_no_never(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_chemotherapy", "第一次化疗")) != NEVER


# --- Hormone-dependent ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, choice", [
    ("医生说是激素依赖型的 让她一直吃来曲唑", "positive"),
    ("医生话佢系激素依赖型嘅", "positive"),
    ("不是激素依赖型的", "negative"),
    ("非激素依赖型", "negative"),
])
def test_hormone_dependent_is_receptor_positive(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "hr_status", text)) == choice


# --- Another cancer found and not treated yet -------------------------------------------------------------
def test_not_treated_yet_does_not_doubt_the_time_band(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "other_cancer", "她今年3月查出甲状腺癌，还没处理")
    assert used(reading) == "within_2_years"


def test_not_cancer_beside_a_time_is_still_checked(zh_reader, zh_questions):
    assert asked_again(read_at(zh_reader, zh_questions, "other_cancer", "二十年前做过手术，那个不是癌"))


def test_that_one_is_the_same_plan(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "chemo_lines", "一个 一直用的那一个")) == Decimal(1)


# --- What followed a time, and only another thing had -----------------------------------------------------
@pytest.mark.parametrize("question, text, first, last", [
    ("days_since_chemotherapy", "今年3月份，之后改成内分泌治疗了", dt.date(2026, 3, 1), dt.date(2026, 3, 31)),
    ("days_since_chemotherapy", "去年10月做完，后来换成靶向了", dt.date(2025, 10, 1), dt.date(2025, 10, 31)),
    ("days_since_surgery_biopsy_injury", "她三年前做的乳腺癌根治术，之后没再开刀",
     dt.date(2023, 9, 1), dt.date(2024, 3, 1)),
    ("days_since_surgery_biopsy_injury", "只做过穿刺，大手术是去年三月", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
    ("days_since_chinese_medicine", "三个月前喝过一阵，后来不喝了", dt.date(2026, 8, 20), dt.date(2026, 9, 20)),
])
def test_what_came_after_or_only_another_thing_does_not_doubt_the_time(zh_reader, zh_questions, question, text,
                                                                        first, last):
    value = days(used(read_at(zh_reader, zh_questions, question, text)))
    assert ago(last) <= value <= ago(first)


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "上个月打的靶向，之后改成化疗了"),  # the time is of the other treatment
    ("days_since_radiotherapy", "三周前做的放疗，只是止痛的"),  # a qualifier of the one timed, not another event
])
def test_a_time_of_another_thing_is_still_checked(zh_reader, zh_questions, question, text):
    assert asked_again(read_at(zh_reader, zh_questions, question, text))


# --- "不算吧" said of the clause the question does not count ---------------------------------------------
def test_not_counting_goes_with_the_clause_taken_out(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_radiotherapy",
                      "2023年做的鼻咽放疗，上个月那次是骨头止痛的，不算吧")
    assert ago(dt.date(2023, 12, 31)) <= days(used(reading)) <= ago(dt.date(2023, 1, 1))


def test_not_counting_the_only_time_told_is_still_not_that_time(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_radiotherapy", "三周前做的放疗，是止痛的，不算吧")
    assert asked_again(reading)


# --- A birth year and month with 的 ----------------------------------------------------------------------
@pytest.mark.parametrize("text, age", [("我妈1960年2月的，今年过了生日就66了", 66), ("1970年5月的", 56)])
def test_a_year_and_month_with_de_is_a_birth_date(zh_reader, zh_questions, text, age):
    assert used(read_at(zh_reader, zh_questions, "age", text)) == Decimal(age)


def test_a_year_and_month_of_a_report_is_no_birth_date(zh_reader, zh_questions):
    assert asked_again(read_at(zh_reader, zh_questions, "age", "1960年2月的报告"))


# --- Had, but not what is asked: another purpose, another route ------------------------------------------
@pytest.mark.parametrize("text", [
    "喝过一段时间中药调理身体，不是治癌的",
    "喝的是调理身体的 治癌的中药没喝过",
])
def test_medicine_for_another_purpose_said_not_for_the_cancer_is_never(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_chinese_medicine", text)) == NEVER


@pytest.mark.parametrize("text", [
    "喝中药调理身体，也是治癌的",  # for the cancer too
    "上个月喝过中药调理身体，不是治癌的",  # a time told: checked, as before
])
def test_medicine_for_the_cancer_or_with_a_time_is_not_read_as_never(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_chinese_medicine", text)) != NEVER


@pytest.mark.parametrize("text", ["只吃过阿莫西林 没打过点滴", "从来没因为感染打过点滴", "没输过液"])
def test_no_drip_is_never_to_the_drip_question(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_iv_antibiotics", text)) == NEVER


@pytest.mark.parametrize("text", ["上个月打过点滴，这周没打", "打过点滴，不记得什么时候"])
def test_a_drip_had_is_no_never(zh_reader, zh_questions, text):
    assert read_at(zh_reader, zh_questions, "days_since_iv_antibiotics", text).value != NEVER


def test_an_ish_result_that_came_out(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "her2_result", "最开始说是2+，后来FISH做出来是阴性的")
    assert used(reading) == "ihc_2_ish_negative"


# --- The lunar months 正月 and 腊月 (the Spring Festival was 17 February 2026, 29 January 2025) ----------
@pytest.mark.parametrize("text, first, last", [
    ("今年正月做完的", dt.date(2026, 2, 17), dt.date(2026, 3, 18)),
    ("正月里打的", dt.date(2026, 2, 17), dt.date(2026, 3, 18)),
    ("去年正月", dt.date(2025, 1, 29), dt.date(2025, 2, 27)),
    ("腊月里打的最后一次", dt.date(2026, 1, 18), dt.date(2026, 2, 16)),  # the last 腊月 that has come
])
def test_a_lunar_month_is_its_days_on_the_calendar(zh_reader, zh_questions, text, first, last):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_chemotherapy", text)))
    assert ago(last) <= value <= ago(first)


def test_the_fifteenth_of_the_first_month_is_the_lantern_festival(zh_reader, zh_questions):
    value = days(used(read_at(zh_reader, zh_questions, "days_since_chemotherapy", "正月十五那天")))
    assert value == ago(dt.date(2026, 3, 3))


@pytest.mark.parametrize("text", ["去年腊月", "2025年腊月"])
def test_la_yue_with_a_year_is_asked_again(zh_reader, zh_questions, text):
    # Counted by the lunar year or the calendar's, the two are a year apart.
    assert asked_again(read_at(zh_reader, zh_questions, "days_since_chemotherapy", text))


def test_la_yue_now_is_from_its_first_day(zh_reader, zh_questions):
    today = dt.date(2027, 1, 20)  # 腊月 began on 7 January 2027 (the Spring Festival is 6 February 2027)
    reading = read_at(zh_reader, zh_questions, "days_since_chemotherapy", "腊月里做的", today)
    assert 0 <= days(used(reading)) <= (today - dt.date(2027, 1, 7)).days


# --- Guards: next year, a "but", a doubted hormone dependence -------------------------------------------
@pytest.mark.parametrize("text", ["明年开春要去打疫苗", "明年正月打"])
def test_next_years_spring_or_first_month_is_no_time_ago(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_live_vaccine", text)) is None


def test_a_couple_past_sixty_with_a_but_is_not_read(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "contraception", "我和老伴都七十了，但是她还年轻")
    assert used(reading) != "not_applicable"


@pytest.mark.parametrize("text", ["医生说不像是激素依赖型", "好像不是激素依赖型", "可能是激素依赖型"])
def test_a_doubted_hormone_dependence_is_never_used_as_a_result(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "hr_status", text)) not in ("positive", "negative")


def test_two_different_scores_are_asked_again(zh_reader, zh_questions):
    assert asked_again(read_at(zh_reader, zh_questions, "her2_result", "HER2 2+，FISH还没做，免疫组化3+"))


def test_a_score_said_not_to_be_it_is_no_rival(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "her2_result", "不对，刚才说错了，是1+不是2+")) == "ihc_1"
