"""To a question that asks whether a cancer was found early AND fully treated (是不是很早就发现了，而且已经
完全治过了？), a reply that says both: found early or small (原位癌, 发现得早, 很小) and taken out or cured
(切掉就好了, 锥切了, 手术治好了).

The usual readers stop at 就好了, 正常 and 没复发 (a mild problem, things well, a negation), yet here they
are the very outcome asked about. Read only when both halves are said, nothing else is negated (不是早期,
没治完), nothing says late or ongoing (中晚期, 还在吃药 for the cancer), nothing came back after (后来又复发了,
又长出来了, 淋巴结有转移), no 'but' or later turn follows, and no question is asked back.

A reply that says the cancer came back or is still being treated (切了，后来又复发了) is the opposite of
"fully treated": the plain polarity reads its 复发了 as a yes, so it is checked as a no instead.
"""

from __future__ import annotations

import re

from bot.understanding.chinese.question_words import QuestionWords

_ASKS_EARLY = re.compile(r"很早")
_ASKS_TREATED = re.compile(r"完全治|治好|根治")
_EARLY = re.compile(r"原位|早期|很早|好早|发现得早|发现得很早|早发现|发现的早|很小|微小|[01一]期")
_REMOVED = re.compile(r"切(?:了|掉|除|干净|完)|锥切|割(?:了|掉)|做掉|手术(?:切|治|做)|治好|根治|就好了")
# Negations that are the outcome asked about: 没复发, 没再长, 就没事了.
_OUTCOME_NOT = re.compile(r"没(?:有)?(?:再)?(?:复发|再长|长|转移|事)|没有事|不用(?:再)?治|无复发")
# Came back, spread, late, or still treated or watched: said anywhere once the outcome negations are taken out.
_LATE_OR_ONGOING = re.compile(
    r"晚期|中期|还在治|没治完|还没治|转移|复发|扩散|又长|长出来|冒出来|又有了|又发现|又出现|再发"
    r"|还在(?:吃|打|做|化疗|放疗|复查|观察)|化疗|放疗|靶向|可疑|怀疑|切缘"
)
# A turn that may take back what was said before it (但是, 不过, 后来, 可是).
_TURN = re.compile(r"但|不过|可是|后来|然后又|结果")


def early_and_treated(words: QuestionWords, text: str) -> bool:
    if not _asks(words):
        return False
    rest = _OUTCOME_NOT.sub(" ", text)
    if re.search(r"没|不|未|吗|[?？]", rest) or _LATE_OR_ONGOING.search(rest) or _TURN.search(rest):
        return False
    return bool(_EARLY.search(text)) and bool(_REMOVED.search(text))


def came_back(words: QuestionWords, text: str) -> bool:
    """To that question, the reply says the cancer came back, spread or is still being treated."""
    rest = _OUTCOME_NOT.sub(" ", text)
    if re.search(r"没|不|未|冇", rest):
        return False  # "不是早期，已经转移过", "还在治疗中，没治完": a no said, which the usual readers keep
    return _asks(words) and bool(_LATE_OR_ONGOING.search(rest))


def _asks(words: QuestionWords) -> bool:
    return bool(_ASKS_EARLY.search(words.asked_text) and _ASKS_TREATED.search(words.asked_text))
