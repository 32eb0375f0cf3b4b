"""A generated corpus of Chinese yes / no / not-sure replies (subjects x verbs x
negations x intensifiers, in Simplified and Traditional characters), with the
polarity each one has.

The expected polarity comes from how each sentence is built here, never from
the reader: "她肯定没做过" is built as a no, "不是没有" as a yes.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator, List, Optional, Tuple

SUBJECTS = ("我", "她", "他", "我妈", "我老公", "患者")
VERBS = ("有", "是", "做过", "用过", "打过", "得过")
NEGATIONS = ("没", "没有", "不", "从来没")
INTENSIFIERS = ("肯定", "确实", "当然", "绝对")


def negated(verb: str, negation: str) -> Optional[str]:
    """The grammatical negation of a verb, or None when Chinese has none with that word (不有, 没是)."""
    if verb == "有":
        return {"没": "没有", "没有": "没有", "从来没": "从来没有"}.get(negation)
    if verb == "是":
        return {"不": "不是", "从来没": "从来不是"}.get(negation)
    if negation == "不":
        return None
    return f"{negation}{verb}"


def a_not_a(verb: str) -> str:
    """The question form of a verb: 有没有, 是不是, 做没做过."""
    if verb == "有":
        return "有没有"
    if verb == "是":
        return "是不是"
    return f"{verb[0]}没{verb}"


def yes_sentences(subject: str, verb: str, intensifier: str) -> Iterator[str]:
    yield f"{subject}{verb}"
    yield f"{subject}{verb}。"
    yield f"{subject}{intensifier}{verb}"
    yield f"是的，{subject}{verb}"
    yield f"对，{subject}{intensifier}{verb}！"
    yield f"{intensifier}，{subject}{verb}"
    yield f"嗯，{subject}{verb}的"
    yield f"{intensifier}{verb}"
    yield f"{subject}{verb}，{intensifier}{verb}"
    if verb != "是":
        yield f"{subject}不是没{verb if verb != '有' else '有'}"
        yield f"{subject}{intensifier}不是没{verb}"


def no_sentences(subject: str, verb: str, negation: str, intensifier: str) -> Iterator[str]:
    negative = negated(verb, negation)
    if negative is None:
        return
    yield f"{subject}{negative}"
    yield f"{subject}{negative}。"
    yield f"{subject}{intensifier}{negative}"
    yield f"{intensifier}{negative}"
    yield f"不，{subject}{negative}"
    yield f"没有，{subject}{intensifier}{negative}"
    yield f"{subject}{negative}，{intensifier}{negative}"
    yield f"{intensifier}{negative}，{subject}{negative}！"
    yield f"{verb}…哦不对，{subject}{negative}"
    yield f"{subject}{verb}，不对不对，{negative}"


def not_sure_sentences(subject: str, verb: str, intensifier: str) -> Iterator[str]:
    question = a_not_a(verb)
    no = negated(verb, "没") or negated(verb, "不")
    yield f"我不确定{subject}{question}"
    yield f"不清楚{subject}{question}"
    yield f"记不清{subject}{question}了"
    yield f"我也不知道{subject}{question}"
    yield f"{subject}应该{verb}吧"
    yield f"好像{subject}{no}"
    yield f"{subject}可能{verb}吧"
    yield f"{subject}大概{no}吧"
    yield f"说不准，{subject}也许{verb}"
    yield f"{subject}{intensifier}{verb}吗？我不太确定"


@lru_cache(maxsize=1)
def _simplified() -> Tuple[Tuple[str, str], ...]:
    from bot.screening.answers import NO, NOT_SURE, YES

    built: List[Tuple[str, str]] = []
    for subject in SUBJECTS:
        for verb in VERBS:
            for intensifier in INTENSIFIERS:
                built += [(s, YES) for s in yes_sentences(subject, verb, intensifier)]
                built += [(s, NOT_SURE) for s in not_sure_sentences(subject, verb, intensifier)]
                for negation in NEGATIONS:
                    built += [(s, NO) for s in no_sentences(subject, verb, negation, intensifier)]
    return tuple(dict.fromkeys(built))


@lru_cache(maxsize=1)
def corpus() -> Tuple[Tuple[str, str], ...]:
    """Every sentence with its polarity; each one also written in Traditional characters (OpenCC s2t)."""
    import opencc

    traditional = opencc.OpenCC("s2t")
    simplified = _simplified()
    both = list(simplified) + [(traditional.convert(s), p) for s, p in simplified]
    return tuple(dict.fromkeys(both))
