"""What the Chinese reader says: its notes, re-asks and echoes.

Written here as Chinese only, not through a message catalog, on purpose: this
reader runs only when the conversation is in Chinese (``reader_for("zh")``),
and each sentence is about Chinese words (请说"三周前"), so it has no English
version for a catalog's English message id to be; an English id nobody reads
would be a second copy to keep in step. The English reader writes its own
English sentences the same way. Short sentences and everyday words, as for
every Chinese text of the assistant.
"""

from __future__ import annotations

from decimal import Decimal

HEDGE_NOTE = "听起来您不太确定，所以我先记作“不确定”，研究团队会核对。如果您其实很确定，可以说“返回”来修改。"
NEEDS_ANSWER = "这个问题需要一个回答。"
FUTURE_DATE = "这个日期还没到。请说一个已经过去的日期。"
WHEN_WAS_IT = "是什么时候的事？"
WHEN_FOUND = "是什么时候发现或最后一次治疗的？"
BAND_UNCLEAR = "这个时间比按钮上的时间早还是晚？"
NONE_ECHO = "从来没有"
CYCLES_NOT_PLANS = "疗程（打了几次）和方案不一样：同一个方案可以打好几个疗程。请说一共用过几种不同的方案。"
HER2_SCORE = "“HER2 阴性”或“低表达”分不出是哪一种。请看报告上 HER2 后面的分数（0、1+、2+ 或 3+），2+ 的话还有 FISH 的结果。"
NUMBER_PROBLEMS = {
    "markup": "请只输入数字。",
    "negative": "这里不能是负数。",
    "range": "请说一个数，不要说一个范围。",
    "several": "我看到不止一个数，请只说一个。",
    "vague": "请说一个确切的数。",
    "year": "请说年龄（多少岁），不要说出生年份。",
}
YES_NO_EXPECTED = "请回答“是”“不是”或“不确定”（也可以说“有”“没有”）。"
TIME_EXPECTED = "请说是多久以前，比如“三周前”或“两个月前”，或者说一个日期，比如“2026年10月1日”。也可以说“从来没有”或“不确定”。"


def choice_expected(labels: str, allows_not_sure: bool) -> str:
    extra = "，或者说“不确定”" if allows_not_sure else ""
    return f"请点一个按钮，或者打出其中一个：{labels}{extra}。"


def number_expected(minimum: Decimal, maximum: Decimal, unit: str) -> str:
    return f"请说一个 {plain(minimum)} 到 {plain(maximum)} 之间的数（{unit}）。"


def out_of_range(value: Decimal, minimum: Decimal, maximum: Decimal, unit: str) -> str:
    return f"{plain(value)} 在这里不可能。" + number_expected(minimum, maximum, unit)


def number_echo(value: Decimal, unit: str) -> str:
    return f"{plain(value)} {unit}"


def zero_echo(unit: str) -> str:
    return f"没有（0 {unit}）"


def plain(value) -> str:
    number = Decimal(value)
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())


def band_echo(label: str, time_echo: str) -> str:
    """"有，5 年多以前（大约10年前，2016年12月3日左右）": one pair of brackets."""
    inner = time_echo.replace("（", "，").replace("）", "")
    return f"{label}（{inner}）"
