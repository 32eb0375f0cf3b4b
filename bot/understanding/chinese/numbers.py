"""Numbers stated in a Chinese reply: digits or Chinese numerals (六十二岁, 两线, 三次, 零), via cn2an.

As in English, a number is read only when the reply states one number plainly.
Markup or code is never a number; a minus sign (负五, -5) is refused rather
than dropped; a range (六七十岁, 两三次, 60到65) or a vague amount (六十多岁,
好几个, 十几次) is asked again; two different numbers are asked again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import List, Optional

import cn2an

# Characters of markup, templates and code: a reply holding them states no number.
_MARKUP = re.compile(r"[<>{}\[\]\\`$=;|]|&#|&\w+;|\(\)|\bfunction\b|\beval\b|\bscript\b|\balert\b")
_DIGITS = "零〇一二两俩三四五六七八九"
_NUMERAL_RUN = re.compile(rf"[{_DIGITS}十百千万]+")
# Words built with numerals that are not numbers (一共 "in all", 一直 "always", 十分 "very", 三阴 "triple negative").
_NOT_NUMBERS = (
    "一共", "一直", "一定", "一些", "一样", "一般", "一下", "一点", "一起", "一切", "一旦", "一向", "万一", "十分", "统一",
    "一边", "一会", "一再", "一律", "一概", "一致", "唯一", "一生", "一辈子", "一口气", "一阵", "一整天", "一下子", "不一",
    "三阴", "一天到晚", "一开始", "一开头", "一上来", "千万", "一次性", "一模一样", "一起", "一半", "百分之百", "一段时间", "一路", "一家", "一句",
)
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*(?:-|—|–|~|到|至|或者|或|还是|/)\s*-?\d+(?:\.\d+)?")
_VAGUE = re.compile(r"[几]|\d+\s*(?:多|来)(?:[岁个次线年月种]|$)|\d+0\s*多\s*(?:了|[,.!]|\s)|\d+(?:个|次|线|种)多|\d+\s*岁?\s*出头|好多|很多|不少|若干")
_NEGATIVE = re.compile(r"负\s*\d|(?:^|[\s(,])-\s?\d|零下|减\s*\d")
# A month of birth alone (腊月生的, 3月份出生) is no year: it is taken out (_BIRTH_MONTH) and the age beside it read.
_YEAR = re.compile(r"(?<!月)(?<!月份)(?:出生|年生|生于)|(?<!月)(?<!月份)(?<!出)生的|属[鼠牛虎兔龙蛇马羊猴鸡狗猪]|(?:19|20)\d\d\s*年"
                   r"|\d\s*年\s*(?:\d{1,2}|腊|正|冬)\s*月")
_BIRTH_MONTH = re.compile(r"(?:\d{1,2}|腊|正|冬)\s*月\s*份?\s*(?:初|中|底|末)?\s*(?:出生的?|生的?|生人)")
# A line of treatment still to come (现在准备三线): not one had.
# A plan still to come said as one more (要换第三个方案了, 打算用两个方案): a plan to come too.
_COMING_LINE = re.compile(r"(?:准备|打算|计划|下一步|接下来|马上|将要|要)\s*(?:做|上|用|开始|进入|换|换成|换到)?\s*"
                          r"(?:\d\s*线|第?\s*\d\s*(?:个|种|套)\s*(?:化疗)?方案)")


def only_to_come(converted: str) -> bool:
    """Every number of ``converted`` (numerals as digits) counts lines or plans still to come (医生说要换第三个方案了):
    none counts what was had."""
    return bool(_COMING_LINE.search(converted)) and not re.search(r"\d", _COMING_LINE.sub(" ", converted))
# A vague amount of time (退休好几年了, 病了好多年, 十几年): how long, never the count or age asked.
_VAGUE_SPAN = re.compile(r"(?:好几|好多|很多|\d+几|几|\d+多)\s*个?\s*(?:年|月|天|周|星期|礼拜)")
# "快六十了", "明年就六十": an age one less than said; "虚岁" counts the year before birth.
_FUTURE = re.compile(r"(?:快|马上就?|明年就?|下个月就?|年底就?|过完年就?|很快就?|就要)(?:要)?(?:满)?\s*\d+|虚岁")
_ZERO = re.compile(r"(?:^|[^\d])[一1]\s*(?:次|个|种|线|回|样|个方案)?[\u4e00-\u9fff]{0,4}?(?:也|都)\s*(?:没|没有|不|未)")
# The number that settles it when a reply gives several: 一共三线, 周岁是59, 今年七十九, 具体是52.
_SETTLING = re.compile(
    r"(?:一共|总共|加起来|总的|合计|具体是|具体|准确地说|准确说|确切地说|其实是|实际是|周岁是|周岁|实岁是|实岁|今年|现在)\s*(?:是|有|用了|做了)?\s*(\d+)"
    r"|(\d+)\s*周岁"
)
# What a number will be, not what it is: 明年才七十五.
_LATER = re.compile(r"(?:明年|下个月|年底|过完年|下半年)\s*(?:才|就|要)?\s*(?:满|到)?\s*\d+\s*岁?")
_ZERO_WORDS = re.compile(r"零|〇|\b0\b")


@dataclass(frozen=True)
class NumberReading:
    value: Optional[Decimal] = None
    future: bool = False  # the number is what it will be soon (快六十了), or a 虚岁 age
    # Why no number was read: "markup", "negative", "range", "several", "vague", "year" or "none".
    problem: Optional[str] = None


_WORDS_OR_NUMERALS = re.compile(
    "|".join(re.escape(word) for word in sorted(_NOT_NUMBERS, key=len, reverse=True)) + "|" + _NUMERAL_RUN.pattern
)


def to_digits(text: str) -> str:
    """``text`` with its Chinese numerals written as digits (两个月 -> 2个月); ranges (两三) stay as "2到3".
    Words such as 一直 and 一共 are left as they are."""
    return _WORDS_OR_NUMERALS.sub(_convert_unless_word, text)


def _convert_unless_word(match: re.Match) -> str:
    word = match.group(0)
    if word in _NOT_NUMBERS:
        return "半" if word == "一半" else word
    return _convert(match)


def _convert(match: re.Match) -> str:
    run = match.group(0).replace("两", "二").replace("俩", "二")
    digits = [c for c in run if c in _DIGITS]
    # "两三", "三四", "五六十": two numerals next to each other, one apart, are a range.
    for first, second in zip(run, run[1:]):
        if first in _DIGITS and second in _DIGITS and "零" not in (first, second) and "〇" not in (first, second):
            a, b = _value(first), _value(second)
            if b == a + 1 and len(digits) <= 3:
                tail = run[run.index(first + second) + 2:]
                head = run[: run.index(first + second)]
                return f"{_number(head + first + tail)}到{_number(head + second + tail)}"
    return _number(run)


def _value(char: str) -> int:
    return int(cn2an.cn2an(char, "smart")) if char not in "零〇" else 0


def _number(run: str) -> str:
    try:
        if len(run) >= 3 and all(c in _DIGITS for c in run):
            return "".join(str(_value(c)) for c in run)  # 二〇一九: digit by digit
        value = cn2an.cn2an(run, "smart")
    except (ValueError, KeyError):
        return run
    number = Decimal(str(value))
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def read_number(raw_text: str, text: str) -> NumberReading:
    """The one number in a reply; ``text`` is the normalised form of ``raw_text``."""
    if _MARKUP.search(raw_text or ""):
        return NumberReading(problem="markup")
    if _ZERO.search(text):
        return NumberReading(value=Decimal(0))
    converted = to_digits(text)
    converted = re.sub(r"(\d+)0\s*有\s*(\d)(?!\d)", lambda m: str(int(m.group(1) + "0") + int(m.group(2))), converted)  # 六十有八
    settled = [int(a or b) for a, b in _SETTLING.findall(converted)]
    if len(set(settled)) == 1 and settled[0] < 150:
        return NumberReading(value=Decimal(settled[0]))
    if _YEAR.search(converted):
        return NumberReading(problem="year")
    converted = _BIRTH_MONTH.sub(" ", converted)
    converted = _COMING_LINE.sub(" ", converted) if re.search(r"\d", _COMING_LINE.sub(" ", converted)) else converted
    converted = _VAGUE_SPAN.sub(" ", converted) if re.search(r"\d", _VAGUE_SPAN.sub(" ", converted)) else converted
    if _FUTURE.search(converted) is None:
        converted = _LATER.sub(" ", converted) if re.search(r"\d", _LATER.sub(" ", converted)) else converted
    if _NEGATIVE.search(converted):
        return NumberReading(problem="negative")
    if _RANGE.search(converted):
        return NumberReading(problem="range")
    if _VAGUE.search(converted):
        exact = _exact_within_vague(converted)
        if exact is not None:
            return NumberReading(value=Decimal(exact))
        return NumberReading(problem="vague")
    found = _distinct(re.findall(r"(?<![\d.])\d+(?:\.\d+)?(?![\d])", converted))
    lines = [int(n) for n in re.findall(r"(?<![\d.])(\d)\s*线", converted)]
    if len(found) > 1 and len(lines) == len(found) and sorted(lines) == list(range(1, len(lines) + 1)):
        return NumberReading(value=Decimal(max(lines)))  # "一线用的GP，二线用的TP": two lines
    if len(found) > 1:
        exact = _exact_beside_soon(converted)
        if exact is not None:
            return NumberReading(value=Decimal(exact))
        return NumberReading(problem="several")
    if len(found) == 1:
        return NumberReading(value=Decimal(found[0]), future=bool(_FUTURE.search(converted)))
    if _ZERO_WORDS.search(text):
        return NumberReading(value=Decimal(0))
    return NumberReading(problem="none")


# A round amount said vaguely: 四十出头 (41 to 45), 六十多 (61 to 69), 五十几 (51 to 59).
_ROUGH = re.compile(r"(?<![\d.])(\d*0)\s*(出头|多|几)")
_ANOTHER_TIME = re.compile(r"去年|前年|那年|当时|以前|之前|年前|确诊|那时")
_ROUGH_SPAN = {"出头": (1, 5), "多": (1, 9), "几": (1, 9)}


def _exact_within_vague(converted: str) -> Optional[int]:
    """"四十出头，42": a vague amount and one exact number inside it; the exact number is meant. Only when the
    vague part is one round amount and every other number is that one (never "六十多，两次")."""
    rough = list(_ROUGH.finditer(converted))
    if len(rough) != 1 or int(rough[0].group(1) or 0) < 10:
        return None
    rest = converted[: rough[0].start()] + " " + converted[rough[0].end():]
    if _VAGUE.search(rest) or _RANGE.search(rest) or _ANOTHER_TIME.search(rest):
        return None  # "七十出头，去年71": the number is of another time
    found = _distinct(re.findall(r"(?<![\d.])\d+(?![\d.])", rest))
    if len(found) != 1:
        return None
    base, (low, high) = int(rough[0].group(1)), _ROUGH_SPAN[rough[0].group(2)]
    exact = int(found[0])
    return exact if base + low <= exact <= base + high else None


# What a number will soon be: 快六十了, 马上满五十.
# 虚岁 counts a year or two ahead of the age in years too (七十三了，虚岁七十四).
_SOON = re.compile(r"(?:快|马上就?|很快就?|就要|虚岁是?)(?:要)?(?:满|到)?\s*(\d+)")


def _exact_beside_soon(converted: str) -> Optional[int]:
    """"快六十了，五十九": what it will soon be and the exact number now; the exact one is meant. Only when the
    other number is the one or two just below (快六十 is 58 or 59), so "快六十了，化疗三次" stays two numbers."""
    soon = list(_SOON.finditer(converted))
    if len(soon) != 1:
        return None
    rest = converted[: soon[0].start()] + " " + converted[soon[0].end():]
    found = _distinct(re.findall(r"(?<![\d.])\d+(?![\d.])", rest))
    if len(found) != 1:
        return None
    coming, exact = int(soon[0].group(1)), int(found[0])
    return exact if coming - 2 <= exact < coming else None


def _distinct(values) -> List[str]:
    return list(dict.fromkeys(str(Decimal(v).normalize()) if "." in v else str(int(v)) for v in values))


# A treatment history told as a story: 一开始…，后来换成…，再后来…. Each step is one plan.
_FIRST_STEP = re.compile(
    r"^(?:[\u4e00-\u9fff]{1,4}?(?=一开始|刚开始|起初|最早|最开始|首先|先是))?"  # 化疗一开始…: what the story is about
    r"(?:一开始|刚开始|开始|起初|最早|最开始|先是|先|首先)(?:是|用的是|用的|用|打的|打|吃的|吃)?")
_LATER_STEP = re.compile(
    r"^(?:再后来|后来|然后|之后|接着|最后|复发后|复发以后|进展后|进展以后|转移后|转移以后)(?:又|就)?"
    r"(?:换成了|换成|改成了|改成|换了|改用|换用|用了|用|吃了|吃|打了|打|上了)?")
# A step that is no new plan of medicines, or not one plan for sure: an operation, radiotherapy, a stop, a
# medicine added to the plan (加上), the same one again.
_NOT_A_PLAN = re.compile(r"手术|开刀|放疗|检查|停|没|不|加上|加了|又加|同一|一样|还是|继续|接着|医院|外院|转院|转到|住院|出院")


def told_steps(clauses: List[str]) -> Optional[int]:
    """How many plans a story of steps tells ("一开始紫杉醇加卡铂，后来换成白蛋白紫杉醇，再后来吃卡培他滨": 3),
    or None unless every clause is a step: the first opened by 一开始 / 先, each next by 后来 / 然后, each naming
    something, none an operation, radiotherapy, a stop or an added medicine, no two the same."""
    if len(clauses) < 2 or not _FIRST_STEP.match(clauses[0]):
        return None
    named = [clauses[0][_FIRST_STEP.match(clauses[0]).end():]]
    for clause in clauses[1:]:
        step = _LATER_STEP.match(clause)
        if step is None or step.end() == 0:
            return None
        named.append(clause[step.end():])
    if any(len(re.findall(r"[\u4e00-\u9fffa-z]", thing)) < 2 or _NOT_A_PLAN.search(thing) for thing in named):
        return None
    if len(set(named)) != len(named):
        return None
    return len(named)

