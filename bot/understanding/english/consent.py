"""Replies to a question that asks for consent: a bare "no problem", and yes to a stored sample only.

A bare "no problem" answers a question that asks for consent, and nothing else.

"Would you let the study test a sample of your tumour?" - "no problem" is a yes (OK). To "Do you have severe
lung disease?" the same words could mean "no, no problem with my lungs" or "yes, that's fine"; a wrong reading is
worse than a re-ask, so it is asked again there. The Chinese reader reads 没问题 the same way.
"""

from __future__ import annotations

import re
from typing import Optional

from bot.screening.answers import NO, YES
from bot.understanding.reading import Reading

# The whole reply is "no problem" and nothing else ("no problem at all", "not a problem"). A yes word before it
# ("sure, no problem") is a yes; "no problems" (plural) says there are none, a no where a problem is asked.
_BARE_NO_PROBLEM = re.compile(r"^(?:no problem|not a problem)(?:\s+at all)?$")


def is_bare_no_problem(cleaned: str) -> bool:
    """The normalised reply is only "no problem"."""
    return bool(_BARE_NO_PROBLEM.match(cleaned.strip(" .!")))


# "I don't want another biopsy", "not having another needle": a refusal of a new sample only.
_REFUSES_NEW = re.compile(
    r"\b(?:not|no|never|rather not|would not)\s+(?:\w+\s+){0,3}?(?:another|a new|new|more|a fresh|fresh|a second|second|extra|any more)"
    r"\s+(?:\w+\s+)?(?:biopsy|biopsies|needle|needles|sample|samples|one|procedure|operation|test)\b")
# "the one stored at the hospital", "the one from my operation", "the old sample": a sample there already is.
_STORED_ONE = re.compile(
    r"\b(?:stored|already|old|existing|archived|earlier|previous|kept)\b"
    r"|\bfrom (?:my|her|his|the|their|our) (?:operation|surgery|biopsy|first biopsy)\b|\bthe one (?:from|they|at|in)\b")


def consents_to_the_stored_one(text: str) -> Optional[Reading]:
    """"Only the stored one from the hospital, I am not having another needle" to "would you let the study test
    a sample of your tumour?": the help says it can use a stored sample or a new one, and the listing asks for
    either. Agreeing to the stored one and refusing only a new one is a yes."""
    refusal = _REFUSES_NEW.search(text)
    if not refusal:
        return None
    rest = text[: refusal.start()] + " " + text[refusal.end():]
    if re.search(r"\b(?:no|not|never|nothing|none|nope)\b", rest):
        return None
    if not _STORED_ONE.search(rest):
        if len(rest.split()) <= 3:
            # "I would not want another biopsy": nothing said about a stored sample, which the study may use. Check.
            return Reading(NO, 0.5)
        return None
    return Reading(YES, 0.85, echo="yes, the stored sample")
