"""A hedge with a reason of its own: "I think so, the radiologist measured a couple of spots".

A bare hedge ("I think so", "I don't think so") stays "not sure": the study team checks it. When the hedge
opens the reply and the rest, read on its own, gives a firm answer the same way the hedge leans, the reason
leans it: the answer is noted as it leans and said back (:data:`LEAN_NOTE`). A reason that goes the other
way, or says nothing firm, leaves it "not sure".
"""

from __future__ import annotations

import re
from typing import Callable, Optional

from bot.screening.answers import NO, YES
from bot.understanding.english.polarity import names_topic
from bot.understanding.reading import Reading

HEDGE_NOTE = (
    "You sound unsure, so I noted \"not sure\". The study team will check it. "
    "If you are sure, say \"go back\" to change it."
)
LEAN_NOTE = (
    "You sound fairly sure, so I noted \"{answer}\". "
    "If that is not right, say \"go back\" to change it."
)

# The hedge that opens the reply, and the way it leans.
_OPENING_HEDGE = re.compile(
    r"^(?:(?P<yes>(?:i |we )?(?:think|believe|reckon|guess) so)"
    r"|(?P<no>(?:i |we )?(?:do not|did not) (?:think|believe|reckon)(?: so| (?:she|he|they|i|we) (?:has|have|did|does|had))?))\b"
    r"\s+(?:(?:but|and|because|as|since|so)\s+)?(?P<reason>.+)$")


def leans_by_its_reason(text: str, hedged_not_sure: bool, read_reason: Callable[[str], Reading],
                        topics: frozenset = frozenset()) -> Optional[Reading]:
    """The reading when a hedge's own reason leans it ("i do not think so, they are still planning surgery"), else
    None. ``read_reason`` reads the rest of the reply as an answer on its own; the reason must name what the
    question asks about (``topics``) or be no one's report: "I believe so, the doctor said the medicine is not
    working" to "has a scan shown it grew?" is an inference from what was said, and stays "not sure"."""
    opening = _OPENING_HEDGE.match(text) if hedged_not_sure else None
    if opening is None or re.search(r"\b(?:not sure|unsure|do not know|no idea|maybe|might|probably)\b", opening.group("reason")):
        return None
    leans = YES if opening.group("yes") else NO
    reason = read_reason(opening.group("reason"))
    # A reason that names what is asked, or one that is no one's report ("the mouth sores still need a mouthwash").
    named = any(names_topic(word, topics) for word in opening.group("reason").split()) \
        or not re.search(r"\b(?:said|says|say|told|tells|thinks|reckons|mentioned|seems|heard)\b", opening.group("reason"))
    agrees = named and reason.value == leans and not reason.needs_check and reason.confidence >= 0.8
    if not agrees:
        return None
    return Reading(leans, 0.85, note=LEAN_NOTE.format(answer=leans))


__all__ = ["HEDGE_NOTE", "LEAN_NOTE", "leans_by_its_reason"]
