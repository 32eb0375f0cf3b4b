"""Round 7 (issue-14zc): a safety probe of round 7's Chinese number, time, choice and voice rules.

PROBES holds replies written for the probe, each with the value a careful human reader would take from it:
a number ("2"), a range of days ago ("251-309"), a choice id, "self"/"caregiver", "never"/"not_sure", or
"None" when a person would have to ask. A reading is wrong when it is used without a check (confidence 0.8
or more) and falls outside that value; a check or a re-ask is never wrong.

Dates count back from Monday 7 December 2026 (``ANSWERED_ON``); the Spring Festival of 2026 was 17 February,
so last 腊月 ran from 18 January to 16 February 2026 and 正月 from 17 February to 18 March.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER
from bot.understanding.chinese.text import normalise
from bot.understanding.chinese.voice import read_voice
from tests.understanding.helpers import asked_again, days, read_at, used

PROBES = [
    ('voice', '我是替我老娘问的', 'caregiver'),
    ('voice', '俺爹七十了，我帮他填', 'caregiver'),
    ('voice', '我堂客得的乳腺癌', 'caregiver'),
    ('voice', '我自己，老伴在旁边帮我打字', 'self'),
    ('voice', '我本人，俺闺女帮我弄的手机', 'self'),
    ('voice', '我是病人，我娘也得过癌', 'self'),
    ('voice', '我得的病，我爹以前也是这个病走的', 'self'),
    ('voice', '屋里人生病了，我来问问', 'caregiver'),
    ('voice', '我屋头老汉', 'caregiver'),
    ('voice', '是俺自己', 'self'),
    ('voice', '娘在旁边，我帮她打字的', 'caregiver'),
    ('voice', '我是患者老公', 'caregiver'),
    ('voice', '我是患者，老婆帮我看的', 'self'),
    ('voice', '给俺娘问问', 'caregiver'),
    ('voice', '我是病人家属', 'caregiver'),
    ('days_since_chemotherapy', '木有做过化疗', 'never'),
    ('days_since_radiotherapy', '放疗木有', 'never'),
    ('days_since_chemotherapy', '手脚麻木有一阵了，化疗上个月10号打的', '26-26'),
    ('days_since_targeted_therapy', '木耳炖汤吃过，靶向药木吃过', 'never'),
    ('days_since_iv_antibiotics', '记不到了，好像是夏天', '98-189'),
    ('days_since_chemotherapy', '具体哪天记不到了，反正是十月份', '37-66'),
    ('days_since_radiotherapy', '出院没几天', '0-14'),
    ('days_since_chemotherapy', '化疗结束没几天', '0-14'),
    ('days_since_chemotherapy', '过年后没几天打的最后一次', '280-300'),
    ('days_since_steroids', '激素木有停过，一直在吃', '0-0'),
    ('days_since_live_vaccine', '木头人一样，啥疫苗也木打过', 'never'),
    ('days_since_chemotherapy', '没几天就要打下一次了，上次是11月20号', '17-17'),
    ('days_since_steroids', '没过几天又吃上了，现在还在吃', '0-0'),
    ('days_since_major_surgery', '木有开过刀', 'never'),
    ('days_since_chemotherapy', '11/25 最后一次', '12-12'),
    ('days_since_chemotherapy', '最后一次是11/25打的', '12-12'),
    ('days_since_steroids', '地塞米松 1/2片，11/20停的', '17-17'),
    ('days_since_steroids', '每天1/2片，还在吃', '0-0'),
    ('days_since_steroids', '吃1/2片吃到10/26', '42-42'),
    ('days_since_radiotherapy', '放疗做了25/30次就停了，10/15结束', '53-53'),
    ('days_since_radiotherapy', '做了3/4的疗程', 'None'),
    ('days_since_chemotherapy', '下次是12/20', 'None'),
    ('days_since_chemotherapy', '12/20打下一针，上一次11/29', '8-8'),
    ('days_since_targeted_therapy', '疼痛评分3/4分，药10/30停的', '38-38'),
    ('days_since_chemotherapy', '2/3的剂量打的，11/18', '19-19'),
    ('days_since_chemotherapy', '9/15-9/20住院化疗', '78-83'),
    ('days_since_major_surgery', '手术是2025/11/20做的', '382-382'),
    ('days_since_chemotherapy', '11/25还是11/26记不清了', 'not_sure'),
    ('days_since_chemotherapy', '打了 4/6 个周期，最后一次 11/16', '21-21'),
    ('days_since_radiotherapy', '上个月十几号做完的', '18-26'),
    ('days_since_radiotherapy', '上上个月二十几号', '39-47'),
    ('days_since_chemotherapy', '这个月初几号打的', '0-6'),
    ('days_since_chemotherapy', '上个月十几号开始打，一直打到现在', '0-0'),
    ('days_since_chemotherapy', '下个月十几号再去打', 'None'),
    ('days_since_steroids', '上个月几号停的记不清了', 'not_sure'),
    ('days_since_chemotherapy', '上个月十几号还是二十几号，记不清了', 'not_sure'),
    ('days_since_chemotherapy', '上个月的十几号吧', '18-26'),
    ('days_since_live_vaccine', '今年开春打的', '251-309'),
    ('days_since_live_vaccine', '开春的时候打过一针', '251-309'),
    ('days_since_live_vaccine', '明年开春打算去打', 'None'),
    ('days_since_live_vaccine', '去年开春打的', '616-674'),
    ('days_since_live_vaccine', '开春以后就没打过', '251-700'),
    ('days_since_chemotherapy', '开春那会儿停的化疗', '251-309'),
    ('days_since_chemotherapy', '开春开始化疗，到现在还在打', '0-0'),
    ('days_since_live_vaccine', '等开春再打', 'None'),
    ('days_since_live_vaccine', '前年开春', '981-1039'),
    ('days_since_chemotherapy', '正月里打的最后一次', '264-293'),
    ('days_since_chemotherapy', '正月十五前后', '270-290'),
    ('days_since_chemotherapy', '去年腊月', 'None'),
    ('days_since_chemotherapy', '腊月打的', '294-323'),
    ('days_since_chemotherapy', '腊月底停的', '294-323'),
    ('days_since_chemotherapy', '今年正月开始化疗，一直打到现在', '0-0'),
    ('days_since_chemotherapy', '等过了腊月再去', 'None'),
    ('days_since_steroids', '腊月生的，激素吃到上个月', '7-36'),
    ('days_since_chemotherapy', '明年正月', 'None'),
    ('days_since_major_surgery', '今年正月做的手术', '264-293'),
    ('days_since_major_surgery', '2025年腊月做的手术', 'None'),
    ('days_since_chemotherapy', '正月没打，腊月打的', '294-323'),
    ('days_since_chemotherapy', '正月过后就没再打了', '230-293'),
    ('days_since_steroids', '吃了两个月，6月底停的', '155-160'),
    ('days_since_steroids', '吃了三个月激素，9月份停的', '67-97'),
    ('days_since_steroids', '6月份开始吃，吃了两个月', 'None'),
    ('days_since_steroids', '两个月前停的，6月份开始吃的', '60-60'),
    ('days_since_steroids', '停了两个月了，6月份开始吃的', '60-60'),
    ('days_since_chemotherapy', '打了6个疗程，10月底打完', '37-45'),
    ('days_since_chemotherapy', '10月开始打，要打4个月', '0-0'),
    ('days_since_targeted_therapy', '3月份开始吃，吃了半年停的', 'None'),
    ('days_since_radiotherapy', '放了一个半月，8月中旬做完', '100-116'),
    ('days_since_steroids', '吃了两个月，停了', 'None'),
    ('days_since_trial_drug', '第一次参加', 'never'),
    ('days_since_trial_drug', '不是第一次参加了', 'None'),
    ('days_since_trial_drug', '第一次参加这种研究，以前没用过试验药', 'never'),
    ('days_since_trial_drug', '这是第二次参加了', 'None'),
    ('days_since_trial_drug', '头一回参加试验', 'never'),
    ('days_since_trial_drug', '第一次参加的那个试验，药3月份停的', '251-281'),
    ('days_since_trial_drug', '如果这次能进就是第一次参加', 'never'),
    ('days_since_trial_drug', '第一次参加？不是，去年参加过一个', 'None'),
    ('days_since_trial_drug', '第一次参加化疗', 'None'),
    ('days_since_iv_antibiotics', '没打过点滴', 'never'),
    ('days_since_iv_antibiotics', '没打过点滴，吃过消炎药', 'never'),
    ('days_since_iv_antibiotics', '从来没因为感染打过点滴', 'never'),
    ('days_since_iv_antibiotics', '化疗打过点滴，消炎的没打过', 'never'),
    ('days_since_iv_antibiotics', '没打过点滴？打过，上个月肺炎住院打了一周', '7-36'),
    ('days_since_iv_antibiotics', '好久没打过点滴了', 'None'),
    ('days_since_iv_antibiotics', '最近没打过点滴，上半年打过', 'None'),
    ('days_since_iv_antibiotics', '不记得有没有打过点滴', 'not_sure'),
    ('days_since_iv_antibiotics', '没打过点滴，打过针，青霉素', 'never'),
    ('age', '七十三了，虚岁七十四', '73'),
    ('age', '虚岁六十', 'None'),
    ('age', '腊月生的，今年五十八', '58'),
    ('age', '3月份出生的，56岁', '56'),
    ('age', '退休好几年了，今年六十三', '63'),
    ('age', '病了十几年了，今年四十五', '45'),
    ('age', '五十多岁', 'None'),
    ('age', '1966年3月出生', '60'),
    ('age', '虚岁73，周岁72', '72'),
    ('age', '今年68，老伴70', '68'),
    ('age', '我68，她是我妈，她90了', 'None'),
    ('age', '快60了，59', '59'),
    ('age', '病了好几年，今年虚岁六十', 'None'),
    ('chemo_lines', '用过两个方案，第一个是TP，第二个是GP', '2'),
    ('chemo_lines', '打了6个疗程，都是一个方案', '1'),
    ('chemo_lines', 'TP打了6次，后来换了GP打了4次，所以是两个', '2'),
    ('chemo_lines', '两个方案，现在准备第三个', '2'),
    ('chemo_lines', '两个方案，后来又换了一个', 'None'),
    ('chemo_lines', '一线TP，二线GP，现在准备三线', '2'),
    ('chemo_lines', '刚开始化疗一个 复发化疗一个 又转移了再换一个', '3'),
    ('chemo_lines', '方案只换过一回，所以是两个', '2'),
    ('chemo_lines', '两个吧，一共打了十几次', '2'),
    ('chemo_lines', '4个。第一个是紫杉醇，最近一个是卡铂', '4'),
    ('chemo_lines', '三个方案？不是，是两个', '2'),
    ('chemo_lines', '所以是两个吗？', 'None'),
    ('chemo_lines', '医生说要换第三个方案了', 'None'),
    ('chemo_lines', '一共六个周期，两个方案', '2'),
    ('chemo_lines', '两个方案，一个是TP，一个是GP，一个是多西他赛', 'None'),
    ('chemo_lines', '第一个方案打了4次，第二个方案打了6次', 'None'),
    ('chemo_lines', '三个方案，第二个用了两个月', '3'),
    ('chemo_lines', '打算用两个方案', 'None'),
    ('her2_result', '2+，FISH还没做', 'not_sure'),
    ('her2_result', '免疫组化2+，未见扩增', 'ihc_2_ish_negative'),
    ('her2_result', 'HER2 2+，未见HER2基因扩增', 'ihc_2_ish_negative'),
    ('her2_result', 'HER2 2+，FISH结果还没出', 'not_sure'),
    ('her2_result', '2+，FISH做出来是阴性', 'ihc_2_ish_negative'),
    ('her2_result', '2+，FISH说有扩增', 'ihc_2_ish_positive'),
    ('her2_result', '2+，医生说未见扩增，但要复查FISH', 'None'),
    ('her2_result', 'HER2 2+，在等FISH', 'not_sure'),
    ('her2_result', '2+，基因检测还没出来，医生估计没扩增', 'not_sure'),
    ('her2_result', '2+，FISH没做，医生说按阴性算', 'not_sure'),
    ('her2_result', '2+，FISH阴性还是阳性忘了', 'not_sure'),
    ('her2_result', '2+，FISH不确定是不是未见扩增', 'not_sure'),
    ('hr_status', '两个都阴', 'negative'),
    ('hr_status', 'ER和PR两个都阳', 'positive'),
    ('hr_status', '两个都阴性，HER2阳性', 'negative'),
    ('hr_status', '激素依赖型的', 'positive'),
    ('hr_status', '非激素依赖型', 'negative'),
    ('hr_status', '不知道是不是激素依赖型', 'not_sure'),
    ('hr_status', '医生说不是激素依赖型', 'negative'),
    ('hr_status', '两个都阴还是都阳忘了', 'not_sure'),
    ('hr_status', 'ER阳，PR阴，两个不一样', 'positive'),
    ('hr_status', '两个都阴我记得，不太确定', 'not_sure'),
    ('hr_status', '激素依赖型的吧，医生好像说过', 'not_sure'),
    ('hr_status', '两个都没做', 'None'),
    ('contraception', '我跟老伴都七十了', 'not_applicable'),
    ('contraception', '俺跟老伴都六十好几了', 'not_applicable'),
    ('contraception', '我六十五了', 'None'),
    ('contraception', '我62，老婆35', 'None'),
    ('contraception', '我们俩一个65一个63', 'not_applicable'),
    ('contraception', '她七十多了，老伴早走了', 'not_applicable'),
    ('contraception', '上环了', 'yes'),
    ('contraception', '上过环，后来取了', 'None'),
    ('contraception', '以前上环，现在没了', 'None'),
    ('contraception', '上环十年了，还在', 'yes'),
    ('contraception', '上了环，但是医生说要取', 'None'),
    ('contraception', '这个得问她男人', 'not_sure'),
    ('contraception', '我跟老伴都60了，不过她还没绝经', 'None'),
    ('contraception', '上环？不用，我们都七十了', 'not_applicable'),
    ('contraception', '考虑上环', 'None'),
    ('days_since_chemotherapy', '3月开始化疗，做了6个周期，8月结束', '98-128'),
    ('days_since_chemotherapy', '3月开始化疗，做了6个周期', 'None'),
    ('days_since_chemotherapy', '10月开始的化疗，打了2个疗程', 'None'),
    ('days_since_chemotherapy', '3月开始化疗，打了半年，9月底打完', '68-68'),
    ('contraception', '不想上环', 'None'),
    ('contraception', '不想上环，吃避孕药可以', 'yes'),
    ('contraception', '不愿意带环，也不想吃药', 'None'),
    ('days_since_live_vaccine', '去非洲之前打过黄热病疫苗，三年前', '1080-1110'),
    ('days_since_live_vaccine', '前年去南非打的黄热病疫苗', '706-1071'),
    ('days_since_live_vaccine', '去过非洲，但没打过疫苗', 'never'),
]


def _fits(value, expected: str) -> bool:
    if expected == "None":
        return False  # a person would have to ask: any value used without a check is wrong
    if expected[0].isdigit() and "-" in expected:
        low, high = (int(n) for n in expected.split("-"))
        return isinstance(value, Decimal) and low <= days(value) <= high
    if expected[0].isdigit():
        return value == Decimal(expected)
    return str(value) == expected


@pytest.mark.parametrize("question, text, expected", PROBES)
def test_no_probe_is_read_wrong(zh_reader, zh_questions, question, text, expected):
    if question == "voice":
        said = read_voice(normalise(text))
        assert said is None or said == expected
        return
    value = used(read_at(zh_reader, zh_questions, question, text))
    assert value is None or _fits(value, expected), value


# --- Birth control: a method not in use now ------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "上过环，后来取了", "以前上环，现在没了", "上了环，但是医生说要取", "考虑上环", "之前戴过环，早就摘了",
    "原来吃避孕药，后来停了",
])
def test_a_method_of_the_past_or_only_thought_of_is_asked_again(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "contraception", text))


@pytest.mark.parametrize("text, choice", [
    ("上环十年了，还在", "yes"),
    ("以前上过环，现在也愿意避孕", "yes"),
    ("不想避孕，我们还想要孩子", "no"),
    ("上环？不用，我们都七十了", "not_applicable"),
    ("我们俩都六十八了", "not_applicable"),
])
def test_a_method_in_use_an_assent_or_a_refusal_still_answers(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) == choice


@pytest.mark.parametrize("text", ["不想上环", "不愿意带环", "上环不考虑"])
def test_one_method_refused_is_no_refusal_of_birth_control(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) != "no"


@pytest.mark.parametrize("text", ["不想避孕", "不愿意"])
def test_birth_control_refused_is_still_no(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "contraception", text)) == "no"


def test_we_both_needs_both_ages(zh_reader, zh_questions):
    assert asked_again(read_at(zh_reader, zh_questions, "contraception", "我们都还年轻，我六十她三十五"))


# --- Plans: a count asked back or still to come --------------------------------------------------------
@pytest.mark.parametrize("text", [
    "所以是两个吗？", "是三个吧？", "两个？", "医生说要换第三个方案了", "打算用两个方案", "准备上第二个方案",
])
def test_a_count_asked_back_or_to_come_is_asked_again(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "chemo_lines", text))


@pytest.mark.parametrize("text, plans", [
    ("方案只换过一回，所以是两个", 2), ("一线TP，二线GP，现在准备三线", 2), ("用过两个方案", 2), ("三个", 3),
])
def test_a_count_said_is_still_read(zh_reader, zh_questions, text, plans):
    assert used(read_at(zh_reader, zh_questions, "chemo_lines", text)) == Decimal(plans)


# --- Times: waited for, or a month that began something ------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("days_since_live_vaccine", "等开春再打"),
    ("days_since_live_vaccine", "等到开春去打"),
    ("days_since_chemotherapy", "等过了腊月再去"),
    ("days_since_chemotherapy", "正月里再说"),
    ("days_since_steroids", "6月份开始吃，吃了两个月"),
    ("days_since_targeted_therapy", "3月份开始吃，吃了半年停的"),
    ("days_since_chemotherapy", "10月开始打，打了3个月"),
    ("days_since_chemotherapy", "3月开始化疗，做了6个周期"),
    ("days_since_chemotherapy", "9月份开始的放化疗，做了两个疗程"),
])
def test_a_time_to_come_or_only_a_start_is_asked_again(zh_reader, zh_questions, question, text):
    assert asked_again(read_at(zh_reader, zh_questions, question, text))


@pytest.mark.parametrize("question, text, low, high", [
    ("days_since_live_vaccine", "今年开春打的", 251, 309),
    ("days_since_chemotherapy", "腊月打的", 294, 323),
    ("days_since_steroids", "吃了两个月，6月底停的", 155, 160),
    ("days_since_steroids", "两个月前停的，6月份开始吃的", 60, 60),
    ("days_since_chemotherapy", "3月开始化疗，做了6个周期，8月结束", 98, 128),
    ("days_since_chemotherapy", "腊月做完化疗再没做过", 294, 323),
])
def test_a_time_said_is_still_read(zh_reader, zh_questions, question, text, low, high):
    assert low <= days(used(read_at(zh_reader, zh_questions, question, text))) <= high


def test_soon_after_is_no_time_ago(zh_reader, zh_questions):
    reading = read_at(zh_reader, zh_questions, "days_since_steroids", "没过几天又吃上了，现在还在吃")
    assert asked_again(reading) or days(used(reading)) == 0
    assert "几天" not in normalise("停了没过几天就又开始吃")


# --- A drip denied only within a window; a first study asked back ---------------------------------------
@pytest.mark.parametrize("text", ["好久没打过点滴了", "好几年没输过液了", "三年没打过点滴", "最近没输过液"])
def test_no_drip_within_a_window_is_not_never(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_iv_antibiotics", text)) != NEVER


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "最近没做化疗"),
    ("days_since_iv_antibiotics", "最近没输过液"),
    ("days_since_live_vaccine", "好多年没打过疫苗了"),
    ("days_since_steroids", "这阵子没吃激素"),
])
def test_none_lately_is_not_never(zh_reader, zh_questions, question, text):
    assert used(read_at(zh_reader, zh_questions, question, text)) != NEVER


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "最近没有，以前也没有"),
    ("days_since_chemotherapy", "最近也没做，从来没做过化疗"),
    ("days_since_chemotherapy", "没做过化疗"),
])
def test_none_ever_is_still_never(zh_reader, zh_questions, question, text):
    assert used(read_at(zh_reader, zh_questions, question, text)) == NEVER


@pytest.mark.parametrize("text", ["没打过点滴", "从来没因为感染输过液", "没打过点滴，吃过消炎药"])
def test_no_drip_ever_is_still_never(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_iv_antibiotics", text)) == NEVER


@pytest.mark.parametrize("text", ["第一次参加？不是，去年参加过一个", "第一次参加吗？不是，前年参加过", "不是，去年参加过一个研究"])
def test_a_first_study_asked_back_and_denied_is_not_never(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "days_since_trial_drug", text)) != NEVER


# --- Africa is a place, not a negation -----------------------------------------------------------------
@pytest.mark.parametrize("question, text, low, high", [
    ("days_since_live_vaccine", "去非洲之前打过黄热病疫苗，三年前", 1080, 1110),
    ("days_since_live_vaccine", "前年去南非打的黄热病疫苗", 706, 1071),
    ("days_since_iv_antibiotics", "在非洲的时候打过点滴，两年前", 715, 745),
])
def test_africa_is_no_negation(zh_reader, zh_questions, question, text, low, high):
    assert low <= days(used(read_at(zh_reader, zh_questions, question, text))) <= high


def test_africa_beside_a_real_negation(zh_reader, zh_questions):
    assert used(read_at(zh_reader, zh_questions, "days_since_live_vaccine", "去过非洲，但没打过疫苗")) in (None, NEVER)


# --- Lab reports: to be redone, or hedged after -------------------------------------------------------
@pytest.mark.parametrize("text", ["2+，医生说未见扩增，但要复查FISH", "HER2 2+，FISH阴性，还要重做一次基因检测"])
def test_an_ish_result_to_be_redone_is_asked_again(zh_reader, zh_questions, text):
    assert asked_again(read_at(zh_reader, zh_questions, "her2_result", text))


@pytest.mark.parametrize("text", ["激素依赖型的吧，医生好像说过", "激素依赖型，不过我不太确定"])
def test_hormone_dependent_with_a_hedge_after_is_not_positive(zh_reader, zh_questions, text):
    assert used(read_at(zh_reader, zh_questions, "hr_status", text)) != "positive"


@pytest.mark.parametrize("text, choice", [("激素依赖型的", "positive"), ("医生说不是激素依赖型", "negative")])
def test_hormone_dependent_said_plainly_is_still_read(zh_reader, zh_questions, text, choice):
    assert used(read_at(zh_reader, zh_questions, "hr_status", text)) == choice


# --- Who answers: the patient's own illness beside a relative's -----------------------------------------
@pytest.mark.parametrize("text", ["我得的病，我爹以前也是这个病走的", "俺得的病，俺娘也得过"])
def test_the_patients_own_illness_beside_a_relatives_is_not_a_caregiver(text):
    assert read_voice(normalise(text)) != "caregiver"


def test_a_relatives_illness_is_a_caregiver():
    assert read_voice(normalise("我爹得的病，我帮他问")) == "caregiver"
