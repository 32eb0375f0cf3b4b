"""Only the name forgotten: "用过，医生叫它PD-1，具体哪个牌子记不得了" says yes, and only which brand is not remembered.

A clause that says only that a name, brand or kind is not remembered is no doubt about the answer when the
rest of the reply is a yes that names one of the question's own terms (PD-1, 顺铂). Without that name
("化疗做过，药名记不得了" to the platinum question) the name is the answer, and the reply stays not sure.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.screening.answers import YES
from bot.understanding.chinese.polarity import read_polarity
from bot.understanding.chinese.text import clauses

_NAME_FORGOTTEN = re.compile(
    r"^(?:但是?|不过|就是)?(?:具体)?(?:是)?(?:哪个牌子|什么牌子|牌子|哪个厂家|厂家|药名|名字|商品名|叫什么(?:名字)?|哪个名字)"
    r"(?:是什么|叫什么)?(?:我|他|她)?(?:记不得|记不清|记不太清|不记得|忘了|忘记了|想不起来)(?:了)?$"
)


# "好像是顺铂还是卡铂": unsure which of two things, each of them one the question counts.
_WHICH_OF = re.compile(r"^(?:好像|可能|应该|大概|估计)?(?:是)?([^,]+?)(?:还是|或者|或是)([^,]+?)(?:吧|呢|来着)?$")


def _terms_in(words, text: str) -> bool:
    return any(len(term) >= 2 and term in text for term in words.terms)


def name_forgotten_only(words, text: str, topic_text: str) -> Optional[str]:
    """The reply without its clauses that only forget a name, or only doubt which of two of the question's own
    terms, when the rest is a yes: named with one of its terms, or beside the two terms doubted between."""
    parts = clauses(text)
    forgotten = [part for part in parts if _NAME_FORGOTTEN.match(part)]
    which = [part for part in parts if _WHICH_OF.match(part)
             and all(_terms_in(words, side) for side in _WHICH_OF.match(part).groups())]
    rest = [part for part in parts if part not in forgotten and part not in which]
    if not (forgotten or which) or not rest:
        return None
    told = ",".join(rest)
    # One of the question's own terms (PD-1, 顺铂), not only a pair of its words (化疗 for the platinum question).
    if not (which or _terms_in(words, told)) or read_polarity(told, topic_text).value != YES:
        return None
    return told
