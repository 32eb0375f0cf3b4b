"""A scan that showed growth, to a question whose happening is growth (您的癌长大了？).

The question's own word is 长大了, and _happened reads it; replies mostly say it otherwise: 增大, 变大,
又长了, 多了两个新的, 新发了脑转移, 长了新的病灶. The help counts a spread elsewhere as growth too ("跑到了
别的地方"). Read only where nothing else is said: no negation anywhere in the reply (没变, 没有新的),
nothing settled (缩小, 稳定), no hedge or question (the polarity reader settles those first), no 'but' or doubt about what
was seen (新出现了一个，但医生说是炎症; 新发现一个点，要进一步确认), and no
earlier time (以前长大过) that may lie outside the question's "last treatment or after".
"""

from __future__ import annotations

import re

from bot.understanding.chinese.text import clauses

_GROWN = re.compile(
    r"增大|变大|长大|又长了|(?:又|还)?多了[^,]{0,6}?新|新(?:发|长|出现)了?|新的(?:病灶|转移|肿瘤|结节|灶|瘤子|肿块)"
    r"|长了新|又多了|又长出|长到[^,]{1,6}?(?:上|里)"
)
_SETTLED = re.compile(r"缩小|变小|稳定|好转|消失|控制住|没变|不变|差不多")
_EARLIER = re.compile(r"(?<!比)(?:以前|之前|早先|当年)")
_NEGATED = re.compile(r"没|不|未|无|吗|[?？]")
# A 'but' or a doubt about what was seen (但医生说是炎症, 要进一步确认, 可能是良性的): not a confident growth.
_DOUBTED = re.compile(r"但|不过|可是|可能|也许|疑似|怀疑|好像|炎症|水肿|良性|确认|再看|观察|待")


def grew(text: str) -> bool:
    """A clause says the cancer grew or spread, and no clause takes it back or puts it earlier."""
    return any(_GROWN.search(part) for part in clauses(text)) and not _SETTLED.search(text) \
        and not _EARLIER.search(text) and not _NEGATED.search(text) and not _DOUBTED.search(text)


def grew_earlier_then_settled(text: str) -> bool:
    """Growth said of an earlier time, and settled since (以前长大过，这次缩小了): whether that earlier time lies
    inside the question's "last treatment or after" is not said, so a yes from it is checked."""
    return bool(_EARLIER.search(text)) and bool(_SETTLED.search(text)) \
        and any(_GROWN.search(part) or re.search(r"长大|变大|进展", part) for part in clauses(text))
