""""How long ago" in a Chinese reply, as a range of whole days ago.

A duration (三周前, 两个多月前, 半年前, 一年半以前, 不到一个月), a relative day or
calendar span (昨天, 上周三, 上周, 上个月, 去年), a date (11月10号, 去年十月, 2019年底,
2026年10月1日), a festival (春节, 国庆) or a season (去年冬天). Numerals are read by
:mod:`bot.understanding.chinese.numbers` first, so 三周前 and 3周前 are one case.

dateparser 1.2.0 reads only a few of these in Chinese (3周前, 上周, 昨天, full
dates; not 三周前, 两个月前, 半年前, 去年十月 or 11月10号), and it reads 2019年 as
the year 7: ``scripts/compare_chinese_times.py`` measures both on the same
replies, so this module is the parser and dateparser is not used for Chinese.

As in English, the value stored is the shortest time in the range, so a
waiting time is never judged over too early; a time band needs the whole range.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional

from bot.understanding.chinese.numbers import to_digits
from bot.understanding.english.times import TimeReading

_DAYS_PER = {"天": 1, "日": 1, "周": 7, "星期": 7, "礼拜": 7, "月": 30, "年": 365}
_UNIT_NAMES = {"天": "天", "日": "天", "周": "周", "星期": "周", "礼拜": "周", "月": "个月", "年": "年"}
_DURATION = re.compile(
    r"(?P<amount>\d+几|几\d+|\d+(?:\.\d+)?(?:到\d+(?:\.\d+)?)?|半|好多|几|好几)\s*(?P<half>个半|半)?\s*个?\s*(?P<more>多)?\s*"
    r"(?P<unit>天|日(?!子)|周(?![一二三四五六日天1-7])|星期(?![一二三四五六日天1-7])|礼拜(?![一二三四五六日天1-7])|月(?!份)|年)"
    r"(?P<half2>半)?(?P<more2>多)?"
)
_LESS_BEFORE = re.compile(r"(?:不到|不满|不足|没到|还没到|还不到|没有|少于|最近|近|这)\s*$")
_LESS_AFTER = re.compile(r"^\s*(?:以内|之内|内|里|不到)")
_NEARLY_BEFORE = re.compile(r"(?:快|将近|接近|差不多快|快要)\s*$")
# "最近三个月没有", "这半年都没用过": the negation is about the time itself.
NOT_WITHIN = (
    r"(?:最近|近|这|过去|这个|这段)\s*(?:\d+(?:\.\d+)?|半|几)?\s*个?\s*(?:天|周|星期|礼拜|月|年)\s*(?:以内|之内|内|里|来)?\s*"
    r"(?:都|也|一直|就|完全|根本)?\s*(?:没|不|未|从没)"
)
_NOT_WITHIN = re.compile(NOT_WITHIN)
_MORE_BEFORE = re.compile(r"(?:超过|多于|不止|起码|至少|已经超过|早就超过)\s*$")
_MORE_AFTER = re.compile(r"^\s*(?:以上|多|还多|出头)")
_APPROXIMATE = re.compile(r"大概|大约|约|差不多|左右|上下|估计|前后")
_FUTURE_AFTER = re.compile(r"^\s*(?:以后|之后|后)")
# "好多年前", "多年前": many, so at least three (more than 好几 says). Not "好多年了", which is as often how
# long someone has had an illness (肺气肿好多年了) as how long ago something was.
_MANY = re.compile(r"(?:好多|很多|许多|(?<![\d个几半多好很许])多)\s*个?\s*(?=(?:年|月|天|周|星期|礼拜)\s*(?:以前|之前|前))")
# Cantonese: 上年 is last year (去年), 年尾 its end (年底).
_CANTONESE_YEAR = (("上年(?!纪)", "去年"), ("年尾", "年底"))
# "今天是第五天", "第三个疗程": which day or time of a course, not how long ago.
_ORDINAL = re.compile(r"第\s*\d+\s*(?:个)?\s*(?:天|日|周|星期|礼拜|月|年|次|疗程|周期|轮)")
# "吃了一年多", "化疗做了半年": how long a treatment was taken, not how long ago it was; "停了三个月" is the time
# since it stopped, so only the verbs of taking count.
_TAKEN_FOR = re.compile(r"(?:吃|用|打|做|服|输|治|化疗|放疗|喝|坚持|持续|连续)\s*(?:了|过)\s*(?:大概|差不多|将近|快)?\s*$")
_AGO_AFTER = re.compile(r"^\s*(?:以前|之前|前)")
_MAY_DAY = re.compile(r"(?<![\d一二三四五六七八九十两零])五一(?:节|假期|长假|劳动节)?(?![\d一二三四五六七八九十个次岁号日])")
_CHILDHOOD = re.compile(r"小时候|小时侯|小的时候|童年|儿时|很小的时候|上小学")
_EVERY = re.compile(r"每\s*(?:\d+|隔)?\s*个?\s*(?:天|周|星期|礼拜|月)\s*(?:\d+\s*次)?")
_DOSE = re.compile(r"(?:一|1|每)\s*(?:天|日|次)\s*(?:吃|用|服|打|口服)?\s*\d+(?:\.\d+)?\s*(?:毫克|mg|克|g|片|粒|支|次|颗)")
_SCHEDULE = re.compile(r"(?:吃|用|服|打)?\s*\d+\s*(?:天|周|星期|礼拜|个月)\s*(?:,)?\s*(?:停|休息|歇)\s*\d+\s*(?:天|周|星期|礼拜|个月)")
# 一直在观察 / 复查 / 随访 (being watched, check-ups) is no treatment going on.
_ONGOING = re.compile(r"正在|还在|目前在|现在在|一直在(?!观察|复查|随访|休息|等)|现在还|目前还|每次|今天|今早|今天早上|今天上午")
# "在吃甲氨蝶呤", "一直吃他克莫司", "天天吃": taken now (a time, or 停了, is read before this). The reader
# checks it when the reply names something the question does not (在吃降压药).
TAKING_NOW = re.compile(
    r"(?:^|(?<=[,我她他就也]))在(?:吃|用|打|输|服)|一直(?:吃|用|打|服)|(?:每天|天天)(?:都)?(?:吃|用|打|服)"
)
# "之前一直吃来曲唑": taken until before, not now.
_PAST_HABIT = re.compile(r"(?:之前|以前|原来|原先|本来|过去|那时候?)(?:都|是|也)?一直(?:吃|用|打|服)")
ONGOING_ECHO = "还在进行，或者就是今天"
TAKING_NOW_ECHO = "现在还在用"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "1": 0, "2": 1, "3": 2, "4": 3,
             "5": 4, "6": 5, "7": 6}
_YEAR_WORDS = {"今年": 0, "去年": 1, "前年": 2, "大前年": 3}
# 月初 is the first days of a month (上旬 the first ten).
_PART_OF_MONTH = {"初": (1, 5), "上旬": (1, 10), "中": (11, 20), "中旬": (11, 20), "底": (21, 31), "末": (21, 31),
                  "下旬": (21, 31)}
_PART_OF_YEAR = {"初": (1, 2), "年初": (1, 2), "上半年": (1, 6), "年中": (6, 7), "中": (6, 7), "下半年": (7, 12),
                 "底": (11, 12), "年底": (11, 12), "末": (11, 12), "年末": (11, 12)}
# Chinese New Year's day (春节) in the years people will name.
_SPRING_FESTIVAL = {2018: (2, 16), 2019: (2, 5), 2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22),
                    2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6)}
def _month_day_after(year: int, start: tuple, days: int) -> tuple:
    """The (month, day) ``days`` after ``start`` (month, day) of ``year``."""
    date = dt.date(year, *start) + dt.timedelta(days=days)
    return date.month, date.day


# The Mid-Autumn (中秋), Dragon Boat (端午) and Lantern (元宵) festivals, which move with the lunar calendar.
_LUNAR_FESTIVALS = {
    "中秋": {2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15)},
    "端午": {2022: (6, 3), 2023: (6, 22), 2024: (6, 10), 2025: (5, 31), 2026: (6, 19), 2027: (6, 9)},
    # The Qixi festival (七夕, the 7th day of the 7th month) and the Double Ninth (重阳, the 9th of the 9th).
    "七夕": {2022: (8, 4), 2023: (8, 22), 2024: (8, 10), 2025: (8, 29), 2026: (8, 19), 2027: (8, 8)},
    "重阳": {2022: (10, 4), 2023: (10, 23), 2024: (10, 11), 2025: (10, 29), 2026: (10, 18), 2027: (10, 8)},
    # The Lantern Festival (元宵) is the fifteenth day of the new year.
    "元宵": {year: _month_day_after(year, day, 14) for year, day in _SPRING_FESTIVAL.items()},
}
# Still to come: next year's, or waited for (等开春再打, 等过了腊月再去, 开春了再说).
_NEXT_YEAR = re.compile(r"明年|后年|来年|下一年|等\s*(?:到|过了?|过完)?\s*(?:开春|初春|早春|正月|腊月)"
                        r"|(?:开春|正月|腊月)[^,.!?;]{0,4}再(?!也|没|不)")
_EARLY_SPRING = re.compile(r"开春|初春|早春|刚开春")
_SEASONS = {"春天": (4, 15), "春季": (4, 15), "夏天": (7, 15), "夏季": (7, 15), "秋天": (10, 15), "秋季": (10, 15),
            "冬天": (1, 15), "冬季": (1, 15)}


def read_time(text: str, today: dt.date) -> Optional[TimeReading]:
    """The time stated in a normalised reply, or None when it states none."""
    # "五一" (May Day) is a festival, not the number 51.
    converted = to_digits(_MAY_DAY.sub("劳动节", text))
    converted = re.sub(r"正月\s*15\s*(?:日|号)?", "元宵", converted)  # 正月十五 is the Lantern Festival's day
    if _STARTED_FOR.search(converted) and len(re.findall(r"(?<!\d)\d{1,2}\s*月", converted)) == 1:
        return None  # "6月份开始吃，吃了两个月": the month it began; when it ended is not said
    # "每三周一次" is how often, not how long ago; it says the treatment is going on.
    converted = _EVERY.sub(" 每次 ", converted)
    # "一天5毫克", "一天吃两片": how much or how often, not a time ago.
    converted = _DOSE.sub(" 每次 ", converted)
    # "吃三周停一周": the schedule of a course, not a time ago.
    converted = _SCHEDULE.sub(" ", converted)
    # "兩個幾月前" (Cantonese for 两个多月前): some months more than two.
    converted = re.sub(r"(\d)\s*个几\s*(月|星期|礼拜)", r"\1个多\2", converted)
    converted = _ORDINAL.sub(" ", converted)
    # "十来天", "20来年": about that many.
    converted = re.sub(r"(\d+0)\s*来\s*(?=个?\s*(?:天|周|星期|礼拜|月|年))", r"大约\1", converted)
    converted = _MANY.sub("好多", converted)
    for cantonese, mandarin in _CANTONESE_YEAR:
        converted = re.sub(cantonese, mandarin, converted)
    for reader in (_date, _relative, _duration):
        reading = reader(converted, today)
        if reading is not None:
            return reading
    if _CHILDHOOD.search(converted):
        # "小时候打过": as a child, so at least ten years ago (the people screened are adults).
        return TimeReading(3650, 3650, 36500, "小时候，很多年前", approximate=True)
    if _ONGOING.search(converted):
        return TimeReading(0, 0, 0, ONGOING_ECHO)
    if TAKING_NOW.search(_PAST_HABIT.sub(" ", converted)):
        return TimeReading(0, 0, 0, TAKING_NOW_ECHO)
    return None


def month_day(date: dt.date, today: dt.date) -> str:
    """"11月10日", or "2025年11月10日" when it is not this year."""
    return f"{date.month}月{date.day}日" if date.year == today.year else f"{date.year}年{date.month}月{date.day}日"


def _ago(days: int) -> str:
    if days == 0:
        return "今天"
    if days < 14:
        return f"{days}天前"
    if days < 60:
        return f"大约{round(days / 7)}周前"
    if days < 730:
        return f"大约{round(days / 30)}个月前"
    return f"大约{round(days / 365)}年前"


def _duration(text: str, today: dt.date) -> Optional[TimeReading]:
    found = list(_DURATION.finditer(text))
    if not found:
        return None
    # "派博西利吃了一年多，两周前停了": the time it was taken for is not the time since; when the reply says
    # only how long it was taken, it says no time ago at all.
    found = [m for m in found if not _taken_for(text, m)
             and (m.group("amount") != "好多" or _AGO_AFTER.match(text[m.end():]))]
    if not found:
        return None
    # "好几个月了，大概四个月": a vague amount, then the number it stands for; the number is meant.
    vague = ("几", "好几", "好多", "半")
    match = next((m for m in found if m.group("amount") not in vague and "几" not in m.group("amount")), found[0]) \
        if found[0].group("amount") in ("几", "好几", "好多") else found[0]
    unit = match.group("unit")
    per = _DAYS_PER[unit]
    amount_text = match.group("amount")
    before, after = text[: match.start()], text[match.end():]
    if _FUTURE_AFTER.match(after):
        return TimeReading(-1, -1, -1, "以后")
    name = _UNIT_NAMES[unit]
    if "几" in amount_text and amount_text not in ("几", "好几"):
        # "十几天" is 11 to 19 days; "几十天" 20 to 90.
        tens = int(amount_text.strip("几"))
        low, high = ((tens + 1) * per, (tens + 9) * per) if amount_text.endswith("几") else (2 * tens * per, 9 * tens * per)
        return TimeReading(low, low, high, f"{amount_text.replace('10几', '十几').replace('几10', '几十')}{name}前", True)
    if amount_text == "好多":
        # At least three; the most is only there so that a negation beside it is still checked.
        low = 3 * per
        return TimeReading(low, low, (50 if unit == "年" else 30) * per, f"很多{name}前", True)
    if amount_text in ("几", "好几"):
        return TimeReading(2 * per, 2 * per, 9 * per if amount_text == "好几" else 5 * per, f"几{name}前", True)
    if "到" in amount_text:
        low_amount, high_amount = (float(part) for part in amount_text.split("到"))
        low, high = round(low_amount * per), round(high_amount * per)
        return TimeReading(low, low, high, f"{_plain(low_amount)}到{_plain(high_amount)}{name}前", True)
    if amount_text == "半" and unit == "年" and before.endswith("大"):
        return TimeReading(210, 210, 330, "大半年前", True)  # "大半年": seven to eleven months
    amount = 0.5 if amount_text == "半" else float(amount_text)
    if match.group("half") or match.group("half2"):
        amount += 0.5
    days = round(amount * per)
    more_months = re.match(r"\s*零?\s*(\d+)\s*个?\s*月", after) if unit == "年" else None
    if more_months:
        # "两年零三个月前": the months add to the years.
        months = int(more_months.group(1))
        days += months * 30
        after = after[more_months.end():]
        if _FUTURE_AFTER.match(after):
            return TimeReading(-1, -1, -1, "以后")
        when = today - dt.timedelta(days=days)
        spread = max(1, days // 10)
        return TimeReading(days, days - spread, days + spread,
                           f"大约{_plain(amount)}年{months}个月前（{month_day(when, today)}左右）", bool(_APPROXIMATE.search(text)))
    if amount == 0.5:
        name_amount = "半年" if unit == "年" else f"半{name}"
    else:
        name_amount = f"{_plain(amount)}{name}"
    if _NOT_WITHIN.search(text):
        # "最近三个月没做过": not in the last three months, so longer ago (or never).
        return TimeReading(days + 1, days + 1, None, f"超过{name_amount}", approximate=True)
    if _NEARLY_BEFORE.search(before):
        # "快三个月了", "将近一年": a little less than that.
        low = round(days * 0.85)
        return TimeReading(low, low, max(days - 1, low), f"快{name_amount}了", approximate=True)
    if _LESS_BEFORE.search(before) or _LESS_AFTER.match(after):
        return TimeReading(0, 0, max(days - 1, 0), f"不到{name_amount}", approximate=True)
    if match.group("more") or match.group("more2"):
        # "三个多月": more than three months, fewer than four; "20多天", "十多年": of the next ten, 21 to 29 days.
        tens = amount >= 10 and amount % 10 == 0 and match.group("more")
        return TimeReading(days + 1, days + 1, days + (10 if tens else 1) * per - 1, f"{name_amount}多以前",
                           approximate=True)
    if _MORE_BEFORE.search(before) or _MORE_AFTER.match(after):
        return TimeReading(days + 1, days + 1, None, f"超过{name_amount}", approximate=True)
    approximate = bool(_APPROXIMATE.search(text))
    spread = max(1, days // 7) if per == 7 else max(1, days // 10)
    if per == 1:
        spread = 1 if approximate else 0
    low, high = max(days - spread, 0), days + spread
    when = today - dt.timedelta(days=days)
    return TimeReading(days, low, high, f"大约{name_amount}前（{month_day(when, today)}左右）", approximate)


def _taken_for(text: str, match: re.Match) -> bool:
    taken = _TAKEN_FOR.search(text[: match.start()])
    after = text[match.end():]
    if taken is None or _AGO_AFTER.match(after):
        return False
    # "手术做了两年了": done two years ago (an operation is done once); "吃了两年了" is still taken.
    return not (taken.group(0).lstrip().startswith("做") and re.match(r"\s*了", after))


def _plain(amount: float) -> str:
    return f"{amount:g}"


def _relative(text: str, today: dt.date) -> Optional[TimeReading]:
    for word, days in (("大前天", 3), ("前天", 2), ("昨天", 1), ("昨晚", 1), ("昨日", 1)):
        if word in text:
            return TimeReading(days, days, days, f"{month_day(today - dt.timedelta(days=days), today)}，{_ago(days)}")
    monday = today - dt.timedelta(days=today.weekday())
    match = re.search(r"(上上|上|这|本)?\s*(?:个)?(?:周|星期|礼拜)([一二三四五六日天1-7])(?!\s*(?:次|周|个|天|年|月|\d))", text)
    if match:
        week = {"上上": -14, "上": -7, "这": 0, "本": 0}.get(match.group(1) or "", None)
        weekday = _WEEKDAYS[match.group(2)]
        if week is None:
            day = today - dt.timedelta(days=(today.weekday() - weekday) % 7 or 7)
        else:
            day = monday + dt.timedelta(days=week + weekday)
        return _from_dates(day, day, today, f"{month_day(day, today)}")
    match = re.search(r"(上上|上|这|本)\s*(?:个)?\s*(?:周末|星期六日|礼拜六日|周六日)", text)
    if match:
        # "上周末": that week's Saturday and Sunday, not the whole week.
        saturday = monday + dt.timedelta(days={"上上": -14, "上": -7}.get(match.group(1), 0) + 5)
        label = {"上上": "上上周末", "上": "上周末"}.get(match.group(1), "这周末")
        return _from_dates(saturday, saturday + dt.timedelta(days=1), today,
                           f"{label}（{month_day(saturday, today)}、{month_day(saturday + dt.timedelta(days=1), today)}）")
    match = re.search(r"(上上|上|这|本)\s*(?:个)?\s*(?:周|星期|礼拜)", text)
    if match:
        start = monday + dt.timedelta(days={"上上": -14, "上": -7}.get(match.group(1), 0))
        end = start + dt.timedelta(days=6)
        label = {"上上": "上上周", "上": "上周"}.get(match.group(1), "这周")
        reading = _from_dates(start, end, today, f"{label}（{month_day(start, today)}到{month_day(min(end, today), today)}）")
        if match.group(1) in ("上", "上上"):
            # "上周" is said for about a week ago: the middle of that week is kept (every waiting time
            # in the two trials is a whole number of weeks, so the middle and the shortest agree on them).
            middle = (today - (start + dt.timedelta(days=3))).days
            return TimeReading(middle, reading.days_min, reading.days_max, reading.echo, True)
        return reading
    match = re.search(r"(上上|上|这|本)\s*个?\s*月\s*(?:的)?\s*(\d{1,2})\s*(?:号|日)", text)
    if match and not re.search(r"(?<!\d)\d{1,2}\s*月\s*\d", text):
        # "上个月10号": that day of last month.
        year, month = _month_said(match.group(1), today)
        return _day(year, month, int(match.group(2)), today)
    match = re.search(r"(上上|上|这|本)\s*个?\s*月\s*(?:的)?\s*([12])0?几\s*(?:号|日)", text)
    if match:
        # "上个月十几号": some day from the 11th to the 19th (二十几号: the 21st to the 29th) of that month.
        year, month = _month_said(match.group(1), today)
        tens = int(match.group(2)) * 10
        start, end = dt.date(year, month, tens + 1), dt.date(year, month, tens + 9)
        return _from_dates(start, end, today, f"{year}年{month}月{'十' if tens == 10 else '二十'}几号")
    match = re.search(r"(上上|上|这|本)\s*个?\s*月(?!\d)\s*(?:份|月)?\s*(上旬|中旬|下旬|初|中|底|末)?", text)
    if match and not re.search(r"\d\s*月", text):
        year, month = _month_said(match.group(1), today)
        part = match.group(2) or ""
        first, last = _PART_OF_MONTH.get(part, (1, 31))
        start = dt.date(year, month, first)
        end = dt.date(year, month, min(last, calendar.monthrange(year, month)[1]))
        return _from_dates(start, end, today, f"{year}年{month}月{part}")
    return None


_YEAR_WORD = re.compile(r"((?:19|20)\d\d)\s*年|(大前年|前年|去年|今年)")


# "两年前的夏天", "三年前的10月": the year so many years back, when a month, season or part of the year follows.
_YEARS_BACK = re.compile(
    r"(?<![\d.])(\d)\s*年\s*(?:前|以前|之前)\s*的?\s*(?=\d{1,2}\s*月|春|夏|秋|冬|年初|年底|年中|年末|上半年|下半年)")


def _year_of(text: str, today: dt.date) -> Optional[int]:
    back = _YEARS_BACK.search(text)
    if back:
        return today.year - int(back.group(1))
    match = _YEAR_WORD.search(text)
    if not match:
        # "18年做的" is the year 2018; "18年前", "18年了", "过去18年" are durations.
        match2 = re.search(r"(?<!\d)(\d\d)\s*年(?!\s*(?:前|以前|之前|了|多|半|左右|以上|以内|内|来|后|以后|之后))", text)
        if match2 and re.search(r"(?:过去|这|近|最近|已经|快|都|有|满|超过|不到)\s*$", text[: match2.start()]):
            match2 = None
        if match2 and not re.search(r"(?<!\d)\d\d\s*年\s*\d{1,2}\s*月", text) and not re.search(
                r"(?<!\d)\d\d\s*年\s*(?:做|的|得|查|确诊|发现|开始|用|打|吃|那|底|初|中|春|夏|秋|冬|上半|下半|年)", text):
            match2 = None  # a bare "10年" stays a duration
        if match2:
            year = 2000 + int(match2.group(1))
            return year if year <= today.year else None
        return None
    if match.group(1):
        return int(match.group(1))
    return today.year - _YEAR_WORDS[match.group(2)]


def _date(text: str, today: dt.date) -> Optional[TimeReading]:
    full = re.search(r"((?:19|20)\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?", text)
    if full:
        return _day(int(full.group(1)), int(full.group(2)), int(full.group(3)), today)
    same_time = re.search(r"(大前年|前年|去年)\s*(?:的)?\s*(?:这个时候|这时候|这会儿|今天|同一天|同期|这个季节)", text)
    if same_time:
        # "去年这个时候": a year ago, give or take a couple of weeks.
        years = _YEAR_WORDS[same_time.group(1)]
        middle = _years_before(today, years)
        return _from_dates(middle - dt.timedelta(days=15), middle + dt.timedelta(days=15), today,
                           f"{same_time.group(1)}这个时候（{month_day(middle, today)}前后）")
    year = _year_of(text, today)
    month_and_day = re.search(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*(?:[日号]|(?![\d个天周年月多]))", text)
    if month_and_day:
        month, day = int(month_and_day.group(1)), int(month_and_day.group(2))
        year = _year_before(text, month_and_day.start(), today, year)
        chosen = year if year is not None else _last_year_if_future(today, month, day)
        return _day(chosen, month, day, today)
    month_only = re.search(r"(?<!\d)(\d{1,2})\s*月\s*(?:份)?\s*(上旬|中旬|下旬|初|中|底|末)?", text)
    # "3个月前" or "3月前" said beside it is another time, asked again; a duration ("吃了两个月激素，6月底停的")
    # is how long, and the month still says when.
    if month_only and not re.search(r"\d\s*个?\s*月\s*(?:前|以前|之前)|\d\s*月\s*了", text):
        month = int(month_only.group(1))
        if not 1 <= month <= 12:
            return None
        year = _year_before(text, month_only.start(), today, year)
        chosen = year if year is not None else _last_year_if_future(today, month, 1)
        first, last = _PART_OF_MONTH.get(month_only.group(2) or "", (1, 31))
        last = min(last, calendar.monthrange(chosen, month)[1])
        part = month_only.group(2) or ""
        start, end = dt.date(chosen, month, first), dt.date(chosen, month, last)
        label = f"{chosen}年{month}月{part}"
        following = _MONTH_AFTER.match(text[month_only.end():])
        if following and month < int(following.group(1)) <= 12:
            # "九月底十月初", "9月或10月": from the first to the end of the second, so the shortest time is kept.
            second = int(following.group(1))
            last2 = _PART_OF_MONTH.get(following.group(2) or "", (1, 31))[1]
            end = dt.date(chosen, second, min(last2, calendar.monthrange(chosen, second)[1]))
            label = f"{label}到{second}月{following.group(2) or ''}"
        return _from_dates(start, end, today, label)
    said = _MONTH_DOT_DAY.search(text) or _MONTH_SLASH_DAY.search(text)
    if said and not _TIME_OF_DAY.search(text):
        return _dotted_date(int(said.group(1)), int(re.sub(r"\D", "", said.group(2))), year, today)
    festival = re.search(
        r"(春节|过年|过完年|国庆|元旦|劳动节|清明|中秋|端午|元宵|冬至|7夕|重阳|双11)\s*(?:节)?\s*(前后|左右|前|之前|以前|后|之后|以后)?",
        text)  # 七夕 is 7夕 once its numeral is a digit
    if festival:
        side = festival.group(2) or ("后" if festival.group(1) == "过完年" else "")
        around = side in ("前后", "左右")
        return _festival(festival.group(1).replace("7夕", "七夕"), year, today, "" if around else side[-1:], text[festival.end():], around)
    lunar = _LUNAR_MONTH.search(text)
    if (lunar or _EARLY_SPRING.search(text)) and _NEXT_YEAR.search(text):
        return None  # "明年开春", "明年正月": still to come
    if lunar:
        return _lunar_month(lunar.group(1), year, today)
    early_spring = _EARLY_SPRING.search(text)
    if early_spring:
        # "今年开春": the start of spring, February and March (never read as the whole spring, whose nearest day
        # would be the end of May).
        chosen = year if year is not None else today.year
        if year is None and dt.date(chosen, 2, 1) > today:
            chosen -= 1
        return _from_dates(dt.date(chosen, 2, 1), dt.date(chosen, 3, 31), today,
                           f"{chosen}年{early_spring.group(0)}")
    season = re.search("|".join(_SEASONS), text)
    if season:
        month, day = _SEASONS[season.group(0)]
        chosen = year if year is not None else today.year
        # A winter runs into the next year: 2025年冬天 is December 2025 to February 2026.
        shift = 1 if month == 1 and year is not None else 0
        if year is None and dt.date(chosen, month, day) > today:
            chosen -= 1
        middle = dt.date(chosen + shift, month, day)
        return _from_dates(middle - dt.timedelta(days=45), middle + dt.timedelta(days=45), today,
                           f"{chosen}年{season.group(0)}")
    if year is None and re.search(r"年初|年中|年底|年末|上半年|下半年", text) and not _DURATION.search(text):
        year = today.year  # "年初的时候": this year
    if year is not None:
        part = re.search(r"(?:年)?(上半年|下半年|年初|年中|年底|年末|初|底|末)", text[text.find("年"):] if "年" in text else "")
        if part is None and year == today.year:
            # "今年开春", "今年秋收那会儿": this year, and a time of it the reader does not know. The whole year so
            # far would be read as "today" at the nearest; it says too little, so it is asked again.
            return None
        first, last = _PART_OF_YEAR.get(part.group(1), (1, 12)) if part else (1, 12)
        start = dt.date(year, first, 1)
        end = dt.date(year, last, calendar.monthrange(year, last)[1])
        label = f"{year}年{part.group(1).lstrip('年') if part else ''}"
        return _from_dates(start, end, today, label)
    return None


# A month and day written with a dot or a slash (11.20, 11/20): two digits of day at the end of a clause or
# before 那天, or any day before 日 / 号, so 3.5 (three and a half) and 3.15个月 are no dates, and 10.30打的针
# (maybe half past ten) is not read; never beside a time of day.
# A month said as the start (开始, 起) with how long it went on, or how many cycles: the end is later, and the
# reply names no other month for it.
_STARTED_FOR = re.compile(r"(?<!\d)(?:1[0-2]|0?[1-9])\s*月\s*(?:份)?\s*(?:的时候)?\s*(?:开始|起)[^.!?;]*?(?:\d+|半)\s*(?:个)?\s*(?:多)?\s*(?:月|年|周(?!期)|星期|礼拜|周期|疗程|轮)")
_MONTH_DOT_DAY = re.compile(
    r"(?<![\d./-])(1[0-2]|0?[1-9])\s*[./]\s*(\d{2}(?=\s*(?:$|[,.!?]|那天|那一天|当天|那次|左右|前后))"
    r"|\d{1,2}(?=\s*[日号]))")
# With a slash the day may go on into the sentence (11/25 最后一次, 10/26停的): 11/25 is no decimal, and a day of
# 13 or more is no fraction either. Not a part of a longer date or a fraction of a dose (1/2片).
_MONTH_SLASH_DAY = re.compile(
    r"(?<![\d./-])(1[0-2]|0?[1-9])\s*/\s*(1[3-9]|2\d|3[01])(?![\d./%])(?!\s*(?:片|粒|颗|支|个|次|毫|mg|ml|g))")
_TIME_OF_DAY = re.compile(r"昨|今天|前天|上午|下午|早上|晚上|中午|凌晨|点|钟")


def _dotted_date(month: int, day: int, year: Optional[int], today: dt.date) -> Optional[TimeReading]:
    """11.20 said without a year: this year's, and only when that day has come (a day still to come this year
    may be last year's or a mistake: asked again)."""
    reading = _day(year if year is not None else today.year, month, day, today)
    return None if reading is None or reading.days < 0 else reading  # _from_dates marks a day to come with -1


def _years_before(today: dt.date, years: int) -> dt.date:
    try:
        return today.replace(year=today.year - years)
    except ValueError:
        return today.replace(year=today.year - years, day=28)  # 29 February


def _year_before(text: str, position: int, today: dt.date, year: Optional[int]) -> Optional[int]:
    """The year said last before a month (去年参加过试验，最后一次是今年3月: this year's March), else ``year``."""
    said = [match for match in _YEAR_WORD.finditer(text[:position])]
    if len(said) < 2:
        return year
    last = said[-1]
    return int(last.group(1)) if last.group(1) else today.year - _YEAR_WORDS[last.group(2)]


# A second month said right after the first (九月底十月初, 9月或者10月, 3月和5月: the later one is the last time).
_MONTH_AFTER = re.compile(
    r"\s*(?:到|至|-|~|或者|或|还是|和|跟|还有)?\s*(\d{1,2})\s*月\s*(?:份)?\s*(上旬|中旬|下旬|初|中|底|末)?")


def _last_year_if_future(today: dt.date, month: int, day: int) -> int:
    try:
        return today.year - 1 if dt.date(today.year, month, day) > today else today.year
    except ValueError:
        return today.year


def _day(year: int, month: int, day: int, today: dt.date) -> Optional[TimeReading]:
    try:
        date = dt.date(year, month, day)
    except ValueError:
        return None
    return _from_dates(date, date, today, month_day(date, today))


# The first and the last month of the lunar year, named alone (正月里, 腊月底); 正月十五 is inside 正月.
_LUNAR_MONTH = re.compile(r"(正月|腊月)")


def _lunar_month(name: str, year: Optional[int], today: dt.date) -> Optional[TimeReading]:
    """正月: the 29 or 30 days from the Spring Festival (of the year said, or the last one come); 腊月: the 30
    days before it. The end is put at day 30, so the time kept is never longer than the real one. 腊月 with a
    year (去年腊月) is asked again: people count it by the lunar year or by the calendar's, a year apart."""
    if name == "正月":
        found = _lunar_day(_SPRING_FESTIVAL, year, today)
        if found is None:
            return None
        chosen, first = found
        return _from_dates(first, first + dt.timedelta(days=29), today, _lunar_echo("正月", first, today))
    if year is not None:
        return None
    coming = [dt.date(y, *_SPRING_FESTIVAL[y]) for y in (today.year, today.year + 1) if y in _SPRING_FESTIVAL]
    after = [day for day in coming if day > today]
    if after and after[0] - dt.timedelta(days=30) <= today:
        start = after[0] - dt.timedelta(days=30)  # 腊月 is now: from its first day to today
        return _from_dates(start, today, today, _lunar_echo("腊月", start, today))
    found = _lunar_day(_SPRING_FESTIVAL, None, today)
    if found is None:
        return None
    _, festival = found
    return _from_dates(festival - dt.timedelta(days=30), festival - dt.timedelta(days=1), today,
                       _lunar_echo("腊月", festival - dt.timedelta(days=30), today))


def _lunar_echo(name: str, first: dt.date, today: dt.date) -> str:
    """"腊月（2026年1月18日起）": the calendar day it began, since the lunar and the calendar year differ."""
    return f"{name}（{first.year}年{first.month}月{first.day}日起）"


def _lunar_day(table: dict, year: Optional[int], today: dt.date) -> Optional[tuple]:
    """(year, date) of a festival whose date moves with the lunar calendar (``table``: year -> (month, day)):
    the year said, or the last one that has come by ``today``. None for a year the table does not hold."""
    chosen = year if year is not None else today.year
    if chosen not in table:
        return None
    day = dt.date(chosen, *table[chosen])
    if year is None and day > today:
        chosen -= 1
        if chosen not in table:
            return None
        day = dt.date(chosen, *table[chosen])
    return chosen, day


def _festival(name: str, year: Optional[int], today: dt.date, side: str = "", rest: str = "",
              around: bool = False) -> Optional[TimeReading]:
    """A festival, the weeks before (春节前, 中秋前) or after (春节后, 过完年) it, or a time counted from it
    (中秋前一个礼拜, 国庆后三天: ``rest`` is what follows the festival's words)."""
    spring = name in ("春节", "过年", "过完年")
    if spring or name in _LUNAR_FESTIVALS:
        found = _lunar_day(_SPRING_FESTIVAL if spring else _LUNAR_FESTIVALS[name], year, today)
        if found is None:
            return None
        chosen, day = found
        label = "春节" if spring else name
        # The Spring Festival holiday runs about two weeks; the others a few days. "春节前后" is said of the
        # days on either side. 七夕, 重阳, 元宵 and 冬至 are single days, no holidays.
        before, after = ((10, 10) if around else (7, 15)) if label == "春节" else \
            ((3, 3) if around else (0, 0)) if label in _SINGLE_DAYS else (3, 7)
    else:
        month, first, label = {"国庆": (10, 1, "国庆"), "劳动节": (5, 1, "五一"), "清明": (4, 5, "清明"),
                               "冬至": (12, 22, "冬至"), "双11": (11, 11, "双十一")}.get(name, (1, 1, "元旦"))
        chosen = year if year is not None else today.year
        day = dt.date(chosen, month, first)
        if year is None and day > today:
            chosen -= 1
            day = dt.date(chosen, month, first)
        # The May Day holiday is five days (1 to 5 May), the National Day one seven: "around" runs to its end.
        before, after = ((3, 3) if around else (0, 0)) if label in _SINGLE_DAYS else (3, (5 if label == "五一" else 7))
    offset = _FROM_THE_FESTIVAL.match(rest) if side else None
    if offset:
        unit = {"天": 1, "日": 1, "月": 30}.get(offset.group("unit"), 7)
        amount = offset.group("amount")
        fewest, most = (2, 5) if amount == "几" else (0.5, 0.5) if amount == "半" else (int(amount),) * 2
        if offset.group("half"):  # 一个半月
            fewest, most = fewest + 0.5, most + 0.5
        if offset.group("more"):  # 一个多月: more than one, some way short of two
            most += 0.5
        sign = -1 if side == "前" else 1
        # A week or more counted from a festival is said roughly: two days either side (three for months).
        slack = {1: 0, 7: 2, 30: 3}[unit]
        dates = sorted([day + dt.timedelta(days=round(sign * fewest * unit)), day + dt.timedelta(days=round(sign * most * unit))])
        return _from_dates(dates[0] - dt.timedelta(days=slack), dates[1] + dt.timedelta(days=slack), today,
                           f"{chosen}年{label}{side}{offset.group(0).strip()}")
    # "Before" or "after" a festival is said of the weeks next to it: three for the long Spring Festival, two
    # for the others.
    weeks = 21 if label == "春节" else 14
    if side == "前":
        return _from_dates(day - dt.timedelta(days=weeks), day - dt.timedelta(days=1), today, f"{chosen}年{label}前")
    if side == "后":
        return _from_dates(day + dt.timedelta(days=1), day + dt.timedelta(days=weeks), today, f"{chosen}年{label}后")
    said = f"{chosen}年{label}" + ("前后" if before or after else "")
    return _from_dates(day - dt.timedelta(days=before), day + dt.timedelta(days=after), today, said)


# Festivals that are one day, no holiday: the day itself is meant (双十一那天打的).
_SINGLE_DAYS = ("七夕", "重阳", "双十一", "冬至", "元宵")
# A time counted from a festival, right after "前" or "后": 一个礼拜, 三天, 两周, 几天, 第二天, and months
# (春节后三个月, 中秋前一个多月, 国庆后半个月): read as the weeks next to the festival, a time counted in months
# put the day months off. read_time has made the numerals digits by now (一个礼拜 is 1个礼拜).
_FROM_THE_FESTIVAL = re.compile(
    r"\s*第?\s*(?P<amount>几|半|\d{1,2})\s*个?\s*(?P<half>半)?\s*(?P<more>多)?\s*(?P<unit>礼拜|星期|周|天|日|月)")


def _from_dates(start: dt.date, end: dt.date, today: dt.date, echo: str) -> TimeReading:
    if start > today:
        return TimeReading(-1, -1, -1, echo)  # in the future: the reader refuses it
    end = min(end, today)
    low, high = (today - end).days, (today - start).days
    if low == high:
        return TimeReading(low, low, high, f"{echo}，{_ago(low)}")
    return TimeReading(low, low, high, echo, approximate=True)


def _month_said(which: str, today: dt.date) -> tuple:
    """The (year, month) of 上上个月, 上个月 or 这个月 / 本月, counted back from ``today``."""
    back = {"上上": 2, "上": 1}.get(which, 0)
    year, month = today.year, today.month - back
    while month < 1:
        year, month = year - 1, month + 12
    return year, month
