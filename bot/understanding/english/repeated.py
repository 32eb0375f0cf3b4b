"""A question about something that must be done again and again ("fluid ... so that it must be drained again and
again?") and a reply that says it was done once and not since ("drained once in July, not again since", "they
drained it once in March, it hasn't come back"), or that it did not need doing ("a little fluid, no need to drain
it"): a no. Once and again ("drained once, then twice more"), or still to come, is not this rule's."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from bot.understanding.english.text import normalise

_AGAIN_AND_AGAIN = re.compile(r"\b([a-z]{4,})ed (?:again and again|over and over|repeatedly|more than once)\b")
_NOT_AGAIN = re.compile(
    r"\b(?:not|never|no|has not|have not|had not|did not|not been|nothing)\b(?: \w+){0,2} (?:again|since|come back|came back|"
    r"returned|refilled|built up)\b|\bnot needed (?:again|since)\b")
# A drain left in ("not again since they put in a pleurx drain") drains it again and again.
_MORE = re.compile(r"\b(?:twice|three times|several times|many times|every|again and again|keeps?|still|more|"
                   r"pleurx|indwelling|catheter|tube|drain (?:in|fitted|put)|put (?:in|a)|fitted|permanent)\b")
_TAKEN_BACK = re.compile(r"\b(?:but|though|although|however|yet|until|now)\b")


@lru_cache(maxsize=None)
def repeated_verb(question_text: str) -> Optional[str]:
    """"drain" in "... so that it must be drained again and again?"."""
    found = _AGAIN_AND_AGAIN.search(normalise(question_text))
    return found.group(1) if found else None


def done_once_or_not_needed(question_text: str, text: str) -> bool:
    verb = repeated_verb(question_text)
    if verb is None or _MORE.search(text):
        return False
    no_need = re.search(rf"\bno need (?:to|for) (?:\w+ )?{verb}|\b(?:did|does|do) not need (?:\w+ )?{verb}", text)
    if no_need:
        return not _TAKEN_BACK.search(text[no_need.end():])  # "a little fluid, but they said no need to drain it"
    not_again = _NOT_AGAIN.search(text)
    return bool(re.search(r"\b(?:once|one time)\b", text)) and bool(not_again) \
        and not _TAKEN_BACK.search(text[not_again.end():])
