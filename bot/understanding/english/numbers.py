"""Numbers stated in an English reply: digits or words ("sixty two"), via text2num.

A number is read only when the reply states one number plainly. Markup or code
("<script>1</script>", "{{7}}") is never a number, a minus sign or "minus" is
refused rather than dropped, and a range ("60-65", "3 or 4") or two different
numbers are asked again: the person must say which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import List, Optional

from text_to_num import alpha2digit

# Characters of markup, templates and code: a reply holding them states no number.
_MARKUP = re.compile(r"[<>{}\[\]\\`$=;|]|&#|&\w+;|\(\)|\bfunction\b|\beval\b|\bscript\b|\balert\b")
_NUMBER = re.compile(r"(?<![\w.])(-?\s?\d+(?:\.\d+)?)(?![\d])(?:%)?")
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*(?:-|to|or|and|/)\s*-?\d+(?:\.\d+)?")
_BETWEEN = re.compile(r"\bbetween\s+\d")
_NEGATIVE = re.compile(r"(?:^|[\s(])(?:-\s?\d|minus\s+\d|negative\s+\d)")
# Words for small counts that text2num leaves alone.
_COUNT_WORDS = {"once": 1, "twice": 2, "a couple": 2, "a couple of": 2, "a single": 1, "a pair of": 2}
_VAGUE = re.compile(r"\b(a few|few|several|some|many|lots|a lot|a number of|multiple|various|numerous|dozens?)\b")


# "she'll be 60 at Christmas", "71 next birthday": a future age, one more than now.
_FUTURE = re.compile(
    r"\b(?:will|going to|gonna)\s+(?:be|turn)\s+(\d+)\b|\b(?:turns|turning)\s+(\d+)\s+(?:next|in|on|this|soon)\b"
    r"|\b(\d+)\s+(?:next|on (?:his|her|my|their) next)\s+birthday\b"
)


@dataclass(frozen=True)
class NumberReading:
    value: Optional[Decimal] = None
    future: bool = False  # the number is what it will be soon ("will be 60 next month")
    # Why no number was read: "markup", "negative", "range", "several", "vague", "year" or "none".
    problem: Optional[str] = None


def read_number(raw_text: str, text: str) -> NumberReading:
    """The one number in a reply; ``text`` is the normalised form of ``raw_text``."""
    if _MARKUP.search(raw_text or ""):
        return NumberReading(problem="markup")
    # "another one", "different ones" are not numbers.
    text = re.sub(r"\b(another|that|this|which|any|each|every|no|different|other|new) ones?\b", r"\1 item", text)
    text = re.sub(r"\bones\b", "items", text)
    converted = alpha2digit(text, "en", threshold=0)
    converted = re.sub(r"(\d),(\d{3})\b", r"\1\2", converted)
    if re.search(r"\b(born|birth|birthday is)\b", converted):
        return NumberReading(problem="year")
    if _NEGATIVE.search(converted):
        return NumberReading(problem="negative")
    if _RANGE.search(converted) or _BETWEEN.search(converted):
        return NumberReading(problem="range")
    found = _distinct(m.group(1).replace(" ", "") for m in _NUMBER.finditer(converted))
    found += _distinct(m.group(1) for m in re.finditer(r"\b(\d+)(?=yo\b|y/o\b|yrs?\b|years?\b)", converted))
    found = list(dict.fromkeys(found))
    if len(found) > 1:
        return NumberReading(problem="several")
    if len(found) == 1:
        return NumberReading(value=Decimal(found[0]), future=bool(_FUTURE.search(converted)))
    for phrase, value in sorted(_COUNT_WORDS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"\b{phrase}\b", converted):
            return NumberReading(value=Decimal(value))
    if _VAGUE.search(converted):
        return NumberReading(problem="vague")
    return NumberReading(problem="none")


def _distinct(values) -> List[str]:
    return [str(Decimal(v).normalize()) if "." in v else str(int(v)) for v in values]


def as_number_words(text: str) -> str:
    """``text`` with number words written as digits ("twelve years" -> "12 years")."""
    return alpha2digit(text, "en", threshold=0)
