"""How many treatment plans a reply counts, when the plain number reading cannot say (several numbers).

Three ways a reply counts plans beside other numbers that are not counts of plans:

- a conclusion at its end: "复发以后又换了一个药 那就是两个", "方案只换过一回，所以是两个";
- a count said of plans (两个方案, or a bare "4个" opening the reply) beside only the plans' own enumeration
  (第一个是GP, 一个是…一个是…, 算一个, 最近一个是) and times or cycles given (打了十几次, 好几次);
- one plan a clause, each "一个": "刚查出来化疗一个 复发化疗一个 又转移了再换一个" is three.

A plan still to come (现在准备三线, 下一个) or one added after the count (两个方案，后来又换了一个) is never
counted here: the plain reading asks again.
"""

from __future__ import annotations

import re
from typing import List, Optional

_KIND = r"(?:个|种|套|线)"
# A conclusion: 所以是两个, 那就是两个, 就这两个, 一共四个 (in the last clause, alone).
_CONCLUSION = re.compile(
    rf"^(?:所以|那就是|那就|这样算|算下来|加起来|总共|一共|就这|就是这)(?:是|有|算|就是)?\s*(\d+)\s*{_KIND}"
    r"(?:方案|化疗方案)?\s*(?:了|吧|啊|呀|嘛|咯)?$")
# A count said of plans: 两个方案, 五个方案咯; or the reply opens with it (4个。…).
_COUNT_OF_PLANS = re.compile(rf"(?<![\d第])(\d+)\s*{_KIND}\s*(?:化疗)?方案|^(\d+)\s*{_KIND}\s*(?=[,.]|$)")
# Numbers that are not other counts of plans: an ordinal (第一个), one plan of an enumeration (一个是, 算一个,
# 另一个, 最近一个是), times or cycles given (十几次, 六个疗程), lines up to the count.
_ENUMERATED = re.compile(
    r"第\s*(\d+)\s*(?:个|种|线|次)?|(?:^|[,.\s])(?:另)?1\s*个(?=是|用|为)|(?:算|最近|最后|另)\s*1\s*个"
    r"|\d*\s*(?:好|十)?几?\s*(?:次|回|个?疗程|个?周期|轮)|好几次|好多次")
# A plan not had yet, or one more after the count.
_NOT_HAD = re.compile(r"准备|打算|计划|下一个|接下来|要换|又换|再换|又加|还换|现在换")
# One plan in a clause: 化疗一个, 复发化疗一个, 再换一个, 又用了一个方案 (at the clause's end).
_ONE_IN_CLAUSE = re.compile(r"(?:化疗|换|用|上)\s*(?:了)?\s*1\s*个\s*(?:方案|药)?\s*(?:了)?$")
_AFTER_FIRST = re.compile(r"复发|转移|进展|耐药|又|再|后来|然后|之后")


def stated_plans(converted: str) -> Optional[int]:
    """The plans counted by ``converted`` (a normalised reply with its numerals as digits), or None."""
    parts = [part for part in re.split(r"[,.!?;:]+|\s+", converted) if part]  # a space ends a clause when typed
    if not parts:
        return None
    conclusion = _CONCLUSION.match(parts[-1])
    if conclusion and not _NOT_HAD.search(parts[-1]):
        return int(conclusion.group(1))
    counted = _counted_at_once(converted)
    if counted is not None:
        return counted
    return _one_a_clause(parts)


def _counted_at_once(converted: str) -> Optional[int]:
    counts = list(_COUNT_OF_PLANS.finditer(converted))
    if len(counts) != 1 or _NOT_HAD.search(converted):
        return None
    count = int(counts[0].group(1) or counts[0].group(2))
    rest = converted[: counts[0].start()] + " " + converted[counts[0].end():]
    ordinals = [int(n) for n in re.findall(r"第\s*(\d+)", rest)]
    listed = len(re.findall(r"(?:^|[,.\s])(?:另)?1\s*个(?=是|用|为)", rest))
    if any(n > count for n in ordinals) or listed > count:
        return None  # 两个方案，一个是TP，一个是GP，一个是多西他赛: the list says more
    left = _ENUMERATED.sub(" ", rest)
    if re.search(r"\d", left):
        return None  # another number that may count plans: the plain reading asks again
    return count


def _one_a_clause(parts: List[str]) -> Optional[int]:
    """Each part that names a number says "一个" plan at its end, the later ones after a recurrence or a
    change (复发, 又, 再): one plan each."""
    numbered = [part for part in parts if re.search(r"\d", part)]
    if len(numbered) < 2 or not all(_ONE_IN_CLAUSE.search(part) for part in numbered):
        return None
    if not all(_AFTER_FIRST.search(part) for part in numbered[1:]):
        return None
    return len(numbered)
