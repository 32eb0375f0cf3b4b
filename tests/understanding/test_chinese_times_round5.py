"""Rules of issue 14's fifth round for Chinese "how long ago" answers (times.py) and the reader's use of
them. Every sentence here was written for this file, worded differently from the answer sets; expected
ranges come from what each sentence says, counted back from the sets' day (helpers.ANSWERED_ON,
Monday 7 December 2026)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER
from bot.understanding.chinese.text import normalise
from bot.understanding.chinese.times import read_time
from tests.understanding.helpers import ANSWERED_ON, asked_again, read_at, used


def _time(text: str):
    return read_time(normalise(text), ANSWERED_ON)


def _days(text: str):
    reading = _time(text)
    return None if reading is None else reading.days


# --- how long a medicine was taken is not how long ago ----------------------------------------------
@pytest.mark.parametrize("text, low, high", [
    ("来曲唑吃了三年多，半个月前停了", 13, 17),
    ("化疗打了四个月，两个月前打完最后一次", 54, 66),
    ("吃了大概一年，三周前医生让换药", 18, 24),
    ("用了两年的他莫昔芬，一个月前不用了", 27, 33),
    ("放疗做了六周，十天前做完", 10, 10),
])
def test_the_time_it_was_taken_for_is_not_the_time_ago(text, low, high):
    assert low <= _days(text) <= high


@pytest.mark.parametrize("text", ["吃了一年多", "打了半年了", "化疗做了三个月"])
def test_only_how_long_it_was_taken_says_no_time_ago(text):
    assert _time(text) is None


@pytest.mark.parametrize("text, days", [
    ("停了三个月", 90),  # stopping is the event: three months since
    ("一年前吃过", 365),
    ("吃了两个月前就停了", 60),  # 前 after it: ago
])
def test_a_time_since_stopping_or_ago_is_still_read(text, days):
    assert _days(text) == days


# --- which day of a course is not how long ago --------------------------------------------------------
@pytest.mark.parametrize("text", ["还在输，今天第三天", "正在打，这是第二周", "现在还在吃，第4个疗程"])
def test_the_day_of_a_course_going_on_is_now(text):
    assert _days(text) == 0


def test_an_ordinal_does_not_hide_a_time_said_with_it():
    assert _days("第二个疗程是三周前打的") == 21


# --- a year said just before a month is that month's year ---------------------------------------------
@pytest.mark.parametrize("text, echo", [
    ("去年开始吃的，今年4月停了", "2026年4月"),
    ("2023年确诊，2025年6月做的最后一次", "2025年6月"),
    ("前年做过一次，去年8月又做了一次", "2025年8月"),
    ("今年做过，去年9月10号那次是最后一次", "2025年9月10日"),
])
def test_the_year_nearest_before_a_month_is_its_year(text, echo):
    assert _time(text).echo.startswith(echo)


def test_one_year_word_still_names_the_month_s_year():
    assert _time("去年11月").echo == "2025年11月"
    assert _time("11月，去年的").echo == "2025年11月"


# --- a day of last month, May Day, childhood, many years ago, early in a month ------------------------
@pytest.mark.parametrize("text, days", [
    ("上个月5号打的", 32),
    ("上个月的20号", 17),
    ("这个月3日", 4),
    ("上上个月1号", 67),
])
def test_a_day_of_a_month_counted_back(text, days):
    assert _days(text) == days


def test_a_day_of_next_month_is_refused_as_future():
    assert _time("这个月25号").days == -1


# The May Day holiday runs 1 to 5 May, so "around May Day" ends on 6 May (round 5's safety pass, issue-14x).
@pytest.mark.parametrize("text, low, high", [
    ("五一的时候", 215, 223),
    ("去年五一假期打的", 580, 588),
    ("劳动节前后输过液", 215, 223),
])
def test_may_day_is_a_festival(text, low, high):
    reading = _time(text)
    assert reading.days_min == low and reading.days_max == high


@pytest.mark.parametrize("text", ["五十一岁", "一共51次", "十五一十"])
def test_fifty_one_is_not_may_day(text):
    reading = _time(text)
    assert reading is None or "五一" not in reading.echo


@pytest.mark.parametrize("text", ["小时候种过", "很小的时候打的", "童年时候接种的"])
def test_childhood_is_at_least_ten_years_ago(text):
    reading = _time(text)
    assert reading.days_min == 3650 and reading.days_max == 36500


@pytest.mark.parametrize("text", ["很多年前做的", "好多年以前了", "多年前开过一刀", "许多年之前"])
def test_many_years_ago_is_at_least_three_years(text):
    reading = _time(text)
    assert reading.days_min == 3 * 365 and reading.days_max == 50 * 365


@pytest.mark.parametrize("text", ["高血压好多年了", "很多年了", "多年来一直这样"])
def test_many_years_without_ago_is_how_long_not_when(text):
    assert _time(text) is None


def test_a_number_after_many_years_is_the_one_meant():
    assert _days("好多年前了，差不多六年前") == 6 * 365


@pytest.mark.parametrize("text, low, high", [("上个月初", 32, 36), ("10月初", 63, 67), ("上个月上旬", 27, 36)])
def test_early_in_a_month_is_its_first_days(text, low, high):
    reading = _time(text)
    assert (reading.days_min, reading.days_max) == (low, high)


@pytest.mark.parametrize("text, echo", [("上年年尾打完的", "2025年底"), ("上年3月", "2025年3月")])
def test_cantonese_last_year(text, echo):
    assert _time(text).echo.startswith(echo)


def test_getting_old_is_no_year():
    assert _time("上年纪了") is None


# --- through the reader ---------------------------------------------------------------------------------
@pytest.mark.parametrize("question_id, text, low, high", [
    ("days_since_major_surgery", "不太记得了，很多年前做的", 1095, 36500),
    ("days_since_live_vaccine", "小时候打的，具体不记得", 3650, 36500),
    ("days_since_targeted_therapy", "吃了两年多的吡咯替尼，十天前停的", 10, 10),
    ("days_since_iv_antibiotics", "在医院输着呢，今天第三天", 0, 1),
])
def test_the_reader_uses_these_times(zh_reader, zh_questions, question_id, text, low, high):
    value = used(read_at(zh_reader, zh_questions, question_id, text))
    assert value is not None and value != NEVER and Decimal(low) <= value <= Decimal(high)


def test_a_vague_few_years_with_not_remembering_is_still_not_sure(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_major_surgery", "记不清了，好几年前吧")
    assert asked_again(reading) or reading.value == "not_sure"


# --- another kind of thing than the one asked: checked, never read as the question's time ---------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_major_surgery", "两周前做了个肠镜"),
    ("days_since_major_surgery", "上周五拔了颗牙"),
    ("days_since_surgery_biopsy_injury", "十天前拔了一颗智齿"),
    ("days_since_major_surgery", "上个月去医院点了个痣"),
    ("days_since_live_vaccine", "去年打了宫颈癌疫苗"),
    ("days_since_live_vaccine", "三个月前打了乙肝疫苗"),
    ("days_since_live_vaccine", "前几天打了狂犬疫苗"),
])
def test_a_time_for_another_kind_of_thing_is_checked(zh_reader, zh_questions, question_id, text):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) in (None, NEVER)


@pytest.mark.parametrize("question_id, text, days", [
    ("days_since_minor_surgery", "上周五拔了颗牙", 3),
    ("days_since_minor_surgery", "两周前做的胃镜", 14),
    ("days_since_minor_surgery", "十天前局麻拔的智齿", 10),
    ("days_since_major_surgery", "三周前做的手术", 21),
    ("days_since_live_vaccine", "三周前打的水痘疫苗", 21),
])
def test_the_question_that_counts_it_still_reads_the_time(zh_reader, zh_questions, question_id, text, days):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) == Decimal(days)


@pytest.mark.parametrize("text, names, expected", [
    ("上个月拔了颗牙", ["拔牙"], "上个月拔牙"),
    ("去年点了个痣", ["点痣"], "去年点痣"),
    ("拔过两颗智齿", ["拔智齿"], "拔智齿"),
    ("昨天吃了个饭", ["拔牙"], "昨天吃了个饭"),
    ("上周做了个检查", ["拔牙"], "上周做了个检查"),
])
def test_a_verb_and_its_object_said_apart_are_joined_only_into_a_known_name(text, names, expected):
    from bot.understanding.chinese.text import rejoined

    assert rejoined(text, names) == expected


# --- what the question does not count, beside a time ------------------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_radiotherapy", "一个月前做完放疗，是骨头止痛的"),
    ("days_since_radiotherapy", "上上周的放疗，就是对着骨头止痛那种"),
    ("days_since_steroids", "前天用过激素，是药膏"),
    ("days_since_steroids", "上周用了激素，眼药水"),
])
def test_a_time_qualified_by_what_is_not_counted_is_checked(zh_reader, zh_questions, question_id, text):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) is None


@pytest.mark.parametrize("question_id, text", [
    ("days_since_radiotherapy", "2023年底做的根治放疗，后来还做过一次止痛的，不算"),
    ("days_since_radiotherapy", "去年五月做的放疗，另外上个月又做了骨头止痛放疗"),
])
def test_a_counted_time_beside_another_event_not_counted_is_no_never(zh_reader, zh_questions, question_id, text):
    assert read_at(zh_reader, zh_questions, question_id, text).value != NEVER


@pytest.mark.parametrize("question_id, text", [
    ("days_since_radiotherapy", "只做过骨转移止痛放疗，两个月前"),
    ("days_since_steroids", "上周吃了强的松，一天5毫克"),
    ("days_since_steroids", "一天吃5毫克强的松，一直在吃"),
])
def test_only_what_is_not_counted_is_still_never_or_checked(zh_reader, zh_questions, question_id, text):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) in (None, NEVER)


def test_a_dose_with_a_verb_is_no_time():
    assert _time("一天吃2片") is None or _time("一天吃2片").days == 0


# --- an examination, or a mild injury, is not what a "how long ago" question asks -----------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_radiotherapy", "前天做了个核磁"),
    ("days_since_radiotherapy", "两周前拍了胸片"),
    ("days_since_chemotherapy", "上周复查，抽了血"),
    ("days_since_immunotherapy", "三天前照了个B超"),
    ("days_since_major_surgery", "上个月做了PET-CT"),
])
def test_a_time_of_an_examination_is_checked(zh_reader, zh_questions, question_id, text):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) is None


@pytest.mark.parametrize("question_id, text, days", [
    ("days_since_radiotherapy", "两周前做完放疗，前天拍了CT", 14),
    ("days_since_chemotherapy", "化疗三周前，上周复查了", 21),
])
def test_an_examination_beside_the_thing_asked_keeps_its_time(zh_reader, zh_questions, question_id, text, days):
    reading = read_at(zh_reader, zh_questions, question_id, text)
    assert reading.value is None or reading.needs_check or reading.value == Decimal(days)


@pytest.mark.parametrize("text", ["上周在家摔倒了，有点擦伤", "两个月前扭了脚，不严重", "前几天切菜划了一点口子",
                                  "上周磕破点皮"])
def test_a_mild_injury_to_the_serious_injury_question_is_checked(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", text)) is None


@pytest.mark.parametrize("text, days", [("两个月前摔骨折了", 60), ("三周前做的切开活检", 21)])
def test_a_serious_injury_or_operation_keeps_its_time(zh_reader, zh_questions, text, days):
    assert used(read_at(zh_reader, zh_questions, "days_since_surgery_biopsy_injury", text)) == Decimal(days)


# --- a medicine taken for something other than cancer, to a question about medicines for cancer --------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_chinese_medicine", "每天喝点中药调理睡眠"),
    ("days_since_chinese_medicine", "上个月吃过降火的中成药"),
    ("days_since_hormone_therapy", "一直吃药控制血糖"),
])
def test_a_medicine_for_another_purpose_is_checked(zh_reader, zh_questions, question_id, text):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) in (None, NEVER)


@pytest.mark.parametrize("question_id, text, days", [
    ("days_since_chinese_medicine", "两周前还在喝抗癌的中药，顺便调理身体", 14),
    ("days_since_chinese_medicine", "三周前停的治肿瘤的中成药", 21),
])
def test_a_medicine_for_cancer_keeps_its_time(zh_reader, zh_questions, question_id, text, days):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) == Decimal(days)


def test_a_short_dose_before_a_scan_is_not_a_steroid_time(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_steroids", "上周拍增强CT之前吃了一次")) in (None, NEVER)


# --- more dates: a weekend, a round amount and more, about ten, years back with a season, festivals --------
@pytest.mark.parametrize("text, low, high", [
    ("上个周末打的", 1, 2),
    ("上上个周末", 8, 9),
    ("30多天前", 31, 39),
    ("十多年前得过", 3651, 7299),
    ("十来天前", 9, 11),
    ("三年前的春天", 1287, 1377),
    ("两年前的5月份", 920, 950),
    ("去年这时候打过", 350, 380),
    ("10月底11月初", 32, 47),
    ("8月或者9月", 68, 128),
    ("今年3月和5月各打过一次", 190, 281),
    ("去年中秋前后", 420, 430),
    ("今年端午", 164, 174),
    ("清明的时候", 239, 249),
    ("上个月月底", 7, 16),
])
def test_more_ways_of_saying_when(text, low, high):
    reading = _time(text)
    assert (reading.days_min, reading.days_max) == (low, high)


def test_a_weekend_to_come_is_refused_as_future():
    assert _time("这个周末").days == -1


@pytest.mark.parametrize("text, days", [("两年前", 730), ("三年前做的手术", 1095)])
def test_years_ago_without_a_month_or_season_stays_a_duration(text, days):
    assert _days(text) == days


def test_two_months_of_two_events_are_not_joined():
    assert _time("3月做的化疗，5月做的手术").echo == "2026年3月"


def test_an_operation_done_so_long_ago_is_a_time_ago():
    assert _days("手术做了三年了") == 3 * 365


# --- several times told: the clause naming what is asked, or the last time, answers ---------------------
@pytest.mark.parametrize("question_id, text, days", [
    ("days_since_chemotherapy", "前天去医院拿了药，化疗是四周前做的", 28),
    ("days_since_chemotherapy", "化疗两个月前结束的，昨天刚出院", 60),
    ("days_since_immunotherapy", "前年查出来的，免疫治疗最后一次是三周前", 21),
    ("days_since_major_surgery", "去年转移的，手术是2023年3月10号", 1368),
    ("days_since_immunotherapy", "三周打一次，上一次是11月30号", 7),
])
def test_the_clause_naming_what_is_asked_gives_the_time(zh_reader, zh_questions, question_id, text, days):
    assert used(read_at(zh_reader, zh_questions, question_id, text)) == Decimal(days)


@pytest.mark.parametrize("question_id, text", [
    ("days_since_chemotherapy", "化疗三周前做过一次，两个月前也做过一次"),  # two chemo times: not the latest asked
])
def test_two_times_of_what_is_asked_are_not_guessed_between(zh_reader, zh_questions, question_id, text):
    reading = read_at(zh_reader, zh_questions, question_id, text)
    assert used(reading) in (None, Decimal(21))


def test_times_that_agree_are_one_time(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_targeted_therapy", "还在吃靶向药，昨天也吃了")) \
        in (Decimal(0), Decimal(1))


@pytest.mark.parametrize("question_id, text", [
    ("days_since_live_vaccine", "从来没打过，小时候的记不清了"),
    ("days_since_major_surgery", "没开过刀，好多年前的事不记得了"),
])
def test_a_denial_beside_not_remembering_is_no_time(zh_reader, zh_questions, question_id, text):
    value = used(read_at(zh_reader, zh_questions, question_id, text))
    assert value is None or not isinstance(value, Decimal)


def test_a_denial_beside_many_years_ago_is_checked(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_major_surgery", "没做过大手术，好多年前补过牙")) is None
