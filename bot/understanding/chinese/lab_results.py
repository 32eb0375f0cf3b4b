"""Pathology-report wording in Chinese for the two lab questions, turned into one plain phrase.

"免疫组化 2+，FISH 阴性", "HER2（++），原位杂交未见扩增" both become "免疫组化 2+
原位杂交阴性"; "ER 90%强阳性，PR（-）" becomes "激素受体阳性". A choice's Chinese
``means:`` in ``seeds/questions.yml`` says which phrase it stands for, so the
words stay data and this module only knows how Chinese reports are written.

"HER2 阴性" and "HER2 低表达" are not read: Chinese reports used 阴性 for 0, 1+
and 2+ with a negative FISH alike, so only the score says which choice it is.
"""

from __future__ import annotations

import re
from typing import Optional

_ISH = r"(?:荧光原位杂交|原位杂交|fish|sish|cish|ish|基因检测|基因)"
# "FISH，结果是阳性": the result may follow the test's name after a comma.
_ISH_RESULT = r"\s*(?:,\s*(?=结果|检测结果))?(?:检测|检查|结果|检测结果)?(?:做出来|出来)?(?:说是|说)?"
_ISH_NEGATIVE = re.compile(
    rf"{_ISH}{_ISH_RESULT}\s*(?:是|为|显示|:)?\s*(?:阴性|\(\s*-\s*\)|-(?![\w+])|阴(?!道)|无扩增|未扩增|没有扩增|没扩增|不扩增|未见扩增|正常)"
    # "未见HER2基因扩增": the gene may be named between the negation and 扩增.
    r"|(?:无|未|没有|没|不|未见)\s*(?:明显)?\s*(?:her-?2\s*)?(?:基因)?\s*扩增"
)
# The ISH test not done or its result not out yet (FISH没做, 原位杂交还没做, FISH仲未出结果, 在等FISH).
_ISH_PENDING = re.compile(
    rf"{_ISH}\s*(?:检测|检查)?\s*(?:也|都)?\s*(?:还没有?|没有?|未|尚未|还未|仍未|暂未)\s*(?:做|查|测|出|有结果|结果)"
    rf"|{_ISH}\s*(?:的)?\s*结果\s*(?:还没有?|没有?|未|尚未|还未)\s*出|(?:在等|等着?)\s*{_ISH}")
_ISH_POSITIVE = re.compile(
    rf"{_ISH}{_ISH_RESULT}\s*(?:是|为|显示|:)?\s*(?:阳性|\(\s*\+\s*\)|\+(?![\w+])|阳|有扩增|扩增)"
    r"|(?<![无未没不见])(?<!没有)(?<!明显)扩增"
)
_HER2 = r"(?:her-?2|her 2|c-?erbb-?2|cerb-?b2|ihc|免疫组化|评分|打分)"
_SCORE = re.compile(
    rf"{_HER2}\s*(?:结果)?\s*(?:是|为|:)?\s*\(?\s*([0-3])\s*(\+|加|分)?\s*\)?"
    rf"|{_HER2}\s*(?:是|为|:)?\s*\(\s*(\+{{1,3}}|-)\s*\)"
    r"|(?<![\d.])([0-3])\s*(?:\+|个加|加)(?![\d+])"
    r"|(?<![\w+])\(\s*(\+{1,3})\s*\)|(?<![\w+(])(\+{2,3})(?![\w+])"
)
_RECEPTOR_PART = re.compile(r"(?:(?<![a-z])(?:er|pr|pgr|ar)(?![a-z])|ki-?67|雌激素受体|孕激素受体|激素受体)[^,;]*")


def her2_phrase(text: str) -> Optional[str]:
    """"免疫组化 0", "免疫组化 1+", "免疫组化 2+ 原位杂交阴性", "… 原位杂交阳性", "免疫组化 3+",
    "原位杂交阴性" or "原位杂交阳性" (no score given), or None."""
    text = _RECEPTOR_PART.sub(" ", text)
    score = _score(text)
    negative, positive = bool(_ISH_NEGATIVE.search(text)), bool(_ISH_POSITIVE.search(_ISH_NEGATIVE.sub(" ", text)))
    ish = None if negative == positive else "阴性" if negative else "阳性"
    if score is None:
        return f"原位杂交{ish}" if ish else None
    if score == 2 and ish:
        return f"免疫组化 2+ 原位杂交{ish}"
    if score == 0:
        return "免疫组化 0"
    return f"免疫组化 {score}+"


def scores_disagree(text: str) -> bool:
    """"HER2 2+，…，免疫组化3+": two different scores; which is the report's, the words do not say. A score
    said not to be it (是1+不是2+) is no rival."""
    said = _NOT_THIS_SCORE.sub(" ", _RECEPTOR_PART.sub(" ", text))
    return len(_scores(said)) > 1


_NOT_THIS_SCORE = re.compile(r"(?:不是|并非|而不是|不)\s*(?:her-?2\s*)?[0-3一二两三]\s*(?:\+|个加|加)")


def _score(text: str) -> Optional[int]:
    scores = _scores(text)
    return scores.pop() if len(scores) == 1 else None


def _scores(text: str) -> set:
    scores = set()
    for match in _SCORE.finditer(text):
        digit, _, signs, bare, bracketed, pluses = match.groups()
        if digit is not None:
            scores.add(int(digit))
        elif signs is not None:
            scores.add(0 if signs == "-" else len(signs))
        elif bare is not None:
            scores.add(int(bare))
        elif bracketed is not None:
            scores.add(len(bracketed))
        elif pluses is not None:
            scores.add(len(pluses))
    if re.search(r"(?:一|两|二|三)个加", text):
        scores.add({"一": 1, "两": 2, "二": 2, "三": 3}[re.search(r"(一|两|二|三)个加", text).group(1)])
    if re.search(r"her-?2\s*(?:零|0分)|零分|没有染色|无染色|不表达", text):
        scores.add(0)
    return scores


_RECEPTOR = r"(?:(?<![a-z])(?:er|pr|pgr|hr)(?![a-z])|雌激素受体|孕激素受体|激素受体|雌激素|孕激素)"
_POSITIVE = r"(?:\+\s*[1-9]\d{0,2}\s*%|\(\s*\++\s*\)|\++(?![\w])|(?:强|中等|中|弱)\s*\+|约?\s*[1-9]\d{0,2}\s*%\s*\+?|强阳性|弱阳性|中等阳性|中度阳性|阳性|阳|[1-9]\d{0,2}\s*%)"
# "ER 0": a bare 0 is none stained (0%), not the start of 0.5 or 05.
_NEGATIVE = r"(?:\(\s*-\s*\)|-(?![\w])|阴性|阴|0\s*%|0(?![\d.%]))"


def hormone_phrase(text: str) -> Optional[str]:
    """"激素受体阳性" when ER or PR is positive, "激素受体阴性" when every one named is negative."""
    if re.search(r"三阴|triple negative|tnbc", text):
        return "激素受体阴性"
    dependent = re.search(r"([^,.;!?]*?)激素依赖", text)
    if dependent:
        # "激素依赖型的": the cancer grows on hormones, which is what the receptors say; "非激素依赖型", "不是激素
        # 依赖型": it does not. Any other negation or doubt before it (不像是, 可能) says neither.
        before = dependent.group(1)
        if re.search(r"(?:不是|并非|非)\s*$", before) and not re.search(r"不|没|无|未|像|可能|好像|应该|也许|大概",
                                                                    re.sub(r"(?:不是|并非|非)\s*$", "", before)):
            return "激素受体阴性"
        if re.search(r"不|没|非|无|未|像|可能|好像|应该|也许|大概|是不是|是否", before):
            return None
        if re.search(r"^[^,.;!?]*?吧|好像|可能|应该|也许|大概|不确定|不太确定|记不清", text[dependent.end():]):
            return None  # "激素依赖型的吧，医生好像说过": a hedge after it
        return "激素受体阳性"
    both = _BOTH.search(text)
    if both and not re.search(r"her|fish|免疫组化|原位杂交", text):
        return "激素受体阴性" if both.group(1).startswith("阴") else "激素受体阳性"
    text = re.sub(r"(?:<|小于|低于|不到)\s*1\s*%", " 0% ", text)
    link = r"\s*(?:[:：]|是|为|都是|均为|都|均|结果)?\s*(?:是|为)?\s*\(?\s*"
    positives = re.findall(rf"{_RECEPTOR}{link}{_POSITIVE}", text)
    negatives = re.findall(rf"{_RECEPTOR}{link}{_NEGATIVE}", text)
    if positives:
        return "激素受体阳性"
    if negatives:
        return "激素受体阴性"
    return None


_HER2_WITHOUT_SCORE = re.compile(r"her-?2\s*(?:是|为|结果是|:)?\s*(?:阴性|低表达|弱阳性|阳性|阴|阳|low)")


# An ISH test to be done again (但要复查FISH, 还要重做基因检测): the result said is not the last word.
_ISH_AGAIN = re.compile(rf"(?:复查|再查|重查|重做|再做|再测|重新做|重新查|还要做|还得做)\s*(?:一下|一次|一遍)?\s*{_ISH}")


def ish_to_be_redone(text: str) -> bool:
    return bool(_ISH_AGAIN.search(text))


def ish_pending(text: str) -> bool:
    """A score of 2+ whose ISH test is not done or not out: which of the two 2+ choices is not known yet."""
    return _score(_RECEPTOR_PART.sub(" ", text)) == 2 and bool(_ISH_PENDING.search(text)) \
        and not _ISH_NEGATIVE.search(text) and not _ISH_POSITIVE.search(text)


# "两个都阴" to the hormone-receptor question: both receptors (ER and PR) said at once.
_BOTH = re.compile(r"(?:两个|两项|两样|俩|二者|两者)\s*(?:都|均)\s*(?:是|为)?\s*(阴性|阴|阳性|阳)(?!道)")


def her2_needs_score(text: str) -> bool:
    """"HER2 阴性", "HER2 低表达" with no score: no choice can be told from it, so the score is asked for."""
    return bool(_HER2_WITHOUT_SCORE.search(text)) and her2_phrase(text) is None
