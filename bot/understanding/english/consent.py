"""A bare "no problem" answers a question that asks for consent, and nothing else.

"Would you let the study test a sample of your tumour?" - "no problem" is a yes (OK). To "Do you have severe
lung disease?" the same words could mean "no, no problem with my lungs" or "yes, that's fine"; a wrong reading is
worse than a re-ask, so it is asked again there. The Chinese reader reads 没问题 the same way.
"""

from __future__ import annotations

import re

from bot.screening.answers import Question

# The whole reply is "no problem" and nothing else ("no problem at all", "not a problem"). A yes word before it
# ("sure, no problem") is a yes; "no problems" (plural) says there are none, a no where a problem is asked.
_BARE_NO_PROBLEM = re.compile(r"^(?:no problem|not a problem)(?:\s+at all)?$")
# A question that asks for consent: "Would you let ...?", "Will you ...?", "Are you willing to ...?".
_ASKS_CONSENT = re.compile(r"\b(?:would you|will you|are you willing|willing to|do you agree|can we|may we|let us)\b",
                           re.IGNORECASE)


def is_bare_no_problem(cleaned: str) -> bool:
    """The normalised reply is only "no problem"."""
    return bool(_BARE_NO_PROBLEM.match(cleaned.strip(" .!")))


def asks_for_consent(question: Question) -> bool:
    """The question's own text asks whether the person agrees to something."""
    return any(_ASKS_CONSENT.search(text) for text in question.text.values())
