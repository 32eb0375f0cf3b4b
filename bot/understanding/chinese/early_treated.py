"""To a question that asks whether a cancer was found early AND fully treated (是不是很早就发现了，而且已经
完全治过了？), a reply that says both: found early or small (原位癌, 发现得早, 很小) and taken out or cured
(切掉就好了, 锥切了, 手术治好了).

The usual readers stop at 就好了, 正常 and 没复发 (a mild problem, things well, a negation), yet here they
are the very outcome asked about. Read only when both halves are said, nothing else is negated (不是早期,
没治完), nothing says late or ongoing (中晚期, 还在吃药 for the cancer) and no question is asked back.
"""

from __future__ import annotations

import re

from bot.understanding.chinese.question_words import QuestionWords

_ASKS_EARLY = re.compile(r"很早")
_ASKS_TREATED = re.compile(r"完全治|治好|根治")
_EARLY = re.compile(r"原位|早期|很早|好早|发现得早|发现得很早|早发现|发现的早|很小|微小|[01一]期")
_REMOVED = re.compile(r"切(?:了|掉|除|干净|完)|锥切|割(?:了|掉)|做掉|手术(?:切|治|做)|治好|根治|就好了")
# Negations that are the outcome asked about: 没复发, 没再长, 就没事了.
_OUTCOME_NOT = re.compile(r"没(?:有)?(?:复发|再长|转移|事)|没有事|不用(?:再)?治")
_LATE_OR_ONGOING = re.compile(r"晚期|中期|还在治|没治完|还没治|转移了|复发了|扩散")


def early_and_treated(words: QuestionWords, text: str) -> bool:
    if not (_ASKS_EARLY.search(words.asked_text) and _ASKS_TREATED.search(words.asked_text)):
        return False
    if re.search(r"没|不|未|吗|[?？]", _OUTCOME_NOT.sub(" ", text)) or _LATE_OR_ONGOING.search(text):
        return False
    return bool(_EARLY.search(text)) and bool(_REMOVED.search(text))
