"""A vaccine against the thing asked is not having it: "I had the hep B vaccine, never been infected", "he's
vaccinated for hep B and never had either" to "an active hepatitis B or C infection?". The vaccine part names the
thing only as what it guards against; the rest of the reply answers. Not where the question asks about vaccines."""

from __future__ import annotations

import re
from typing import Optional

# What a vaccine is against: "hep b", "tb", "hepatitis b" (never a word of the rest: "..., never infected").
_AGAINST = r"(?:(?!(?:no|not|never|nothing|but|and|or)\b)[a-z]{1,10} ){0,2}(?!(?:no|not|never|nothing|but|and|or)\b)[a-z]+"
_VACCINE_PART = re.compile(
    r"\b(?:(?:i|he|she|they|we) (?:am|is|are|was|were|have been|has been|had|got|have had|has had) )?"
    r"(?:(?:had|got|have had|has had|been) )?(?:fully )?(?:the |a |my |his |her |all (?:the |my |his |her )?)?"
    rf"(?:(?:[a-z]{{1,4}} ){{0,2}}(?:vaccines?|vaccinations?|jabs?|shots?)(?: (?:for|against) {_AGAINST})?"
    rf"|(?:vaccinated|immuni[sz]ed) (?:for|against) {_AGAINST})\b")


def without_the_vaccine(text: str, question_topics: frozenset) -> Optional[str]:
    """The reply without its vaccine part, or None when it has none (or the question is about vaccines)."""
    if any(topic.startswith(("vaccin", "jab", "immunis", "immuniz")) for topic in question_topics):
        return None
    found = _VACCINE_PART.search(text)
    if found is None:
        return None
    rest = " ".join((text[: found.start()] + " " + text[found.end():]).split())
    rest = re.sub(r"^(?:and|so) ", "", rest)  # "vaccinated for hep B and never had either"
    return rest or None
