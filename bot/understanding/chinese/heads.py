"""The head of a Chinese compound: is the question's word the thing named, or only part of another?

In Chinese the head of a compound comes last: 乙肝疫苗 is a vaccine, 鼻咽炎 an inflammation, 静脉曲张
varicose veins, 吉西他滨单药 "gemcitabine alone", and 肝上有个囊肿 names a cyst, with 肝上 only where it
is. A reply whose every mention of the question's words is such a modifier or place names a different
thing from what the question asks: its yes is checked, never used as it is.

A word made longer on the left (骨关节炎, 贝伐珠单抗) is another kind of the question's thing
(类风湿关节炎, 卡瑞利珠单抗), unless the question itself uses the shorter word on its own (移植 in
"在等着做移植", so 肾移植 is one; 积液 among its terms, so any 积液 is).

The question's words are its terms with their other names (``seeds/synonyms_zh.yml``) and the pairs
of its text and help (:mod:`~bot.understanding.chinese.question_words`); the cut and the parts of
speech are jieba's.
"""

from __future__ import annotations

import re
from typing import List, Tuple

from bot.understanding.chinese.question_words import _FUNCTION, QuestionWords

_NOUN = re.compile(r"^(?:n|l|i|j|eng)")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_LETTER = re.compile(r"[\u4e00-\u9fffa-z0-9]")
# Where a thing is (肝上, 肺里): places, not times (转移后, 移植前).
_PLACE = frozenset("上 里 内 中 旁 旁边 边 下 外 表面".split())
# What is said about the question's thing is still about it: 病毒量 is the virus's load, 血栓史 its history.
_ABOUT_IT = re.compile(r"^(?:量|水平|指标|值|数|高|低|阳|阴|史|科|病|药|针|片|类|性|型|们|者|的)")


def _spans(words: QuestionWords, text: str) -> List[Tuple[int, int]]:
    """Where the reply names the question's words: its terms, and pairs of its topics."""
    found = []
    for term in words.terms:
        term = term.lower()
        if len(term) < 1 or (len(term) == 1 and not _CJK.match(term)):
            continue
        for match in re.finditer(re.escape(term), text):
            found.append((match.start(), match.end()))
    for index in range(len(text) - 1):
        if text[index:index + 2] in words.every_topic:
            found.append((index, index + 2))
    return found


def _units(text: str, spans: List[Tuple[int, int]]) -> List[Tuple[int, int, str]]:
    """jieba's words as (start, end, tag), joined where one of the question's words crosses from a word of
    one character to the next (鼻 + 咽炎 for 鼻咽), but not across a place word (肝 + 上)."""
    from bot.understanding.chinese.text import tagged_words

    units, offset = [], 0
    for word, tag in tagged_words(text):
        start = text.find(word, offset)
        if start < 0:
            continue
        offset = start + len(word)
        joined = units and units[-1][2] != "f" and tag != "f" and (len(word) == 1 or units[-1][1] - units[-1][0] == 1)
        if joined and any(s < start < e for s, e in spans):
            last = units.pop()
            units.append((last[0], offset, last[2] if _NOUN.match(last[2]) else tag))
        else:
            units.append((start, offset, tag))
    return units


def _used_alone(head: str, question_text: str, words: QuestionWords) -> bool:
    """The question uses ``head`` as a word of its own: a term, or after nothing that modifies it."""
    if head in words.terms:
        return True
    for match in re.finditer(re.escape(head), question_text):
        before = question_text[match.start() - 1] if match.start() else ""
        if not before or not _CJK.match(before) or before in _FUNCTION:
            return True
    return False


def _another_head(text: str, unit: Tuple[int, int, str], covered: List[bool]) -> bool:
    chars = [i for i in range(unit[0], unit[1]) if _LETTER.match(text[i])]
    if not any(covered[i] for i in chars) or all(covered[i] for i in chars):
        return False
    last = max(i for i in chars if covered[i])
    right = "".join(text[i] for i in chars if i > last)
    return bool(right) and not _ABOUT_IT.match(right)


def only_inside_another_thing(question_text: str, words: QuestionWords, text: str) -> bool:
    from bot.understanding.chinese.statements import things_named

    """Every mention of the question's words in the reply is a place (肝上), a modifier before another
    noun (下肢 in 下肢静脉曲张, 吉西他滨 in 吉西他滨单药), or part of a longer word whose head is not the
    question's (乙肝疫苗, 鼻咽炎, 骨关节炎); at least one is."""
    spans = _spans(words, text)
    if not spans:
        return False
    units = _units(text, spans)
    # A pair counts inside one word only (性肺 of 间质性肺炎 does not make 放射性 a word of the question).
    covered = [False] * len(text)
    for start, end in spans:
        if any(u[0] <= start and end <= u[1] for u in units):
            for index in range(start, end):
                covered[index] = True
    named = set(things_named(words, text))
    # Things the reply names that are no word of the question, and not themselves a place (肝 in CT上肝上).
    others = [u for k, u in enumerate(units) if _NOUN.match(u[2]) and text[u[0]:u[1]] in named
              and not any(covered[i] for i in range(u[0], u[1]))
              and not (k + 1 < len(units) and text[units[k + 1][0]:units[k + 1][1]] in _PLACE)]
    inside = 0
    for position, (start, end, tag) in enumerate(units):
        chars = [i for i in range(start, end) if _LETTER.match(text[i])]
        if not any(covered[i] for i in chars) or tag == "f":
            continue  # 上 of 肝上 is the place word, read with 肝
        after = units[position + 1] if position + 1 < len(units) else None
        before = units[position - 1] if position else None
        if after is not None and text[after[0]:after[1]] in _PLACE and any(o[0] > end for o in others):
            inside += 1  # 肝上, 肺里: where the thing is
            continue
        if after is not None and _NOUN.match(tag) and _NOUN.match(after[2]) and after[0] == end \
                and _another_head(text, after, covered):
            inside += 1  # 下肢 in 下肢 静脉曲张: the next word holds the question's word too, and ends in another head
            continue
        if all(covered[i] for i in chars):
            if before is not None and before[1] == start and _NOUN.match(before[2]) \
                    and not all(covered[i] for i in range(before[0], before[1])) \
                    and not _used_alone(text[start:end], question_text, words):
                inside += 1  # 贝伐珠 单抗: the question says 单抗 only in the names it lists
                continue
            return False  # the question's own word, named as itself
        first = next(i for i in chars if covered[i])
        last = max(i for i in chars if covered[i])
        right = "".join(text[i] for i in chars if i > last)
        left = [i for i in chars if i < first]
        if right and not _ABOUT_IT.match(right):
            inside += 1  # 乙肝疫苗, 鼻咽炎, 静脉曲张: another head after the question's word
            continue
        if left and not right and not _used_alone(text[first:last + 1], question_text, words):
            inside += 1  # 骨关节炎, 贝伐珠单抗: another kind of what the question names
            continue
        return False
    return inside > 0
