"""Which event a time in a reply belongs to: the person's own, someone else's ("my daughter got it last
month, not me"), or one of two events named in one sentence ("mastectomy in 2021, and a needle biopsy
last week"). And whether a part of a reply that ends in "?" only names a time ("maybe 2 weeks ago?")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from typing import Optional

from bot.understanding.english.text import normalise
from bot.understanding.english.times import TimeReading, read_time, still_going_on

# "my daughter got the chickenpox vaccine last month, not me", "that was her sister's, not hers": the time is
# another person's event, and the one asked about is denied.
_RELATIVE = (r"(?:mother|mum|mom|father|dad|husband|wife|partner|son|daughter|sister|brother|friend|aunt|uncle"
             r"|grandson|granddaughter|grandchild|grandchildren|grandkids?|kids?|children|child|baby|niece|nephew|cousin"
             r"|neighbou?r|colleague)s?")
_ANOTHER_PERSON = re.compile(rf"\b(?:my|our|her|his|their|the)\s+(?:\w+\s+)?{_RELATIVE}(?:'s|s')?\b")
_NOT_THE_ONE_ASKED = re.compile(rf"\bnot (?:me|myself|mine|him|her|hers|them|for me|for him|for her|to me)\b(?!\s+(?:\w+\s+)?{_RELATIVE}\b)"
                                r"|\b(?:i|she|he|they) (?:did|do|does|have|has) not\s*(?:had|got|have|get)?\s*(?:it|one|any)?\s*$")
_ONE_ASKED_HAD = re.compile(r"\b(?:i|she|he|they) (?:also|too|as well|had|got|took|was given|were given|did)\b(?! not)|\bmine was\b"
                            r"|\b(?:me|him|her|them) (?:too|as well|also)\b|\bboth\b")


def names_another_persons_event(text: str) -> bool:
    """The reply's time is someone else's ("my daughter got the vaccine last month, not me"), and nothing
    in it says the one asked about had one too ("..., I had mine in 2019" is not this)."""
    return bool(_ANOTHER_PERSON.search(text) and _NOT_THE_ONE_ASKED.search(text) and not _ONE_ASKED_HAD.search(text))


# The question asks about a treatment for the cancer ("Chinese medicine to treat the cancer"); the reply says
# what was taken was not for it ("only ginseng tea for energy, not for the cancer").
_FOR_THE_CANCER = re.compile(r"\b(?:to treat|for|against) (?:the |your |their )?cancer\b", re.I)
_NOT_FOR_THE_CANCER = re.compile(
    r"\b(?:not|nothing|never|none)\s+(?:\w+\s+)?(?:for|to treat|against|because of)\s+(?:the |her |his |my |their )?cancer\b")
_ALSO_FOR_IT = re.compile(r"\b(?:but|and|also|plus|though)\b.*\bfor (?:the |her |his |my |their )?cancer\b(?!.*\bnot\b)")


def denies_the_purpose(question_text: str, text: str) -> bool:
    """The question counts only what treats the cancer and the reply says what it names does not."""
    if not _FOR_THE_CANCER.search(question_text):
        return False
    denial = _NOT_FOR_THE_CANCER.search(text)
    if not denial or _ALSO_FOR_IT.search(text[denial.end():]):
        return False
    before = text[: denial.start()]
    return not re.search(r"\b(?:for|to treat|against) (?:the |her |his |my |their )?cancer\b", before)


def event_parts(raw: str, today: dt.date) -> tuple:
    """"Mastectomy in 2021, and a needle biopsy last week": one sentence that names two events, each with a
    time of its own that disagrees with the other, in its parts between "and", "but" ...; () otherwise."""
    whole = read_time(normalise(raw), today)
    if whole is None or not whole.several:
        return ()
    parts = tuple(part for part in re.split(r",?\s+(?:and|but|plus|also)\s+|;\s*", raw, flags=re.I) if part.strip())
    return parts if len(parts) > 1 else ()


# A question back has a question word or a verb before its subject ("does that count?", "or was it April?").
_QUESTION_WORD = re.compile(
    r"\b(?:what|which|how|why|who|count|counts|mean|means|or|right|ok|okay|enough|matter)\b"
    r"|\b(?:does|do|did|is|are|was|were|should|shall|can|could|would|will)\s+(?:it|that|this|she|he|i|they|you|there|we)\b")


def is_only_a_time(text: str) -> bool:
    """A normalised part of a reply that names a time and asks nothing ("maybe 2 weeks ago")."""
    # Any day will do: only whether the part names a time is asked, not which day it was.
    return read_time(text, dt.date(2026, 1, 1)) is not None and not _QUESTION_WORD.search(text)


# "joined a trial in 2022 and came off it in 2023": a start, then the stop of the same thing ("it").
_STARTED = re.compile(r"\b(?:joined|started|began|begun|went on|put on|got on|signed up|enrolled|first took)\b")
_STOPPED_IT = re.compile(r"\b(?:stopped|finished|ended|came off|come off|quit|completed|dropped out of|left|gave up)\s+"
                         r"(?:it|them|that|the (?:trial|study|drug|drugs|tablets|pills|treatment|medicine))\b"
                         r"|\b(?:it|that|the (?:trial|study|drug|treatment)) (?:stopped|finished|ended)\b")


def answering_time(text: str, reading: Optional[TimeReading], today: dt.date) -> Optional[TimeReading]:
    """The time that answers "when did you last ...?" when the reply names how something began and went on
    or stopped: "on tamoxifen since 2020, still on it" is today; "joined a trial in 2022 and came off it in
    2023" is 2023. None when the reply says neither."""
    going_on = still_going_on(text, reading)
    if going_on is not None or reading is None or not reading.several:
        return going_on
    parts = [part for part in re.split(r",?\s+(?:and|but|then|and then)\s+|,\s*|;\s*", text) if part.strip()]
    timed = [(part, read_time(part, today)) for part in parts]
    timed = [(part, time) for part, time in timed if time is not None]
    if len(timed) != 2:
        return None
    (first, began), (second, ended) = timed
    if re.search(r"\b(?:19|20)\d{2}\b", first) and not re.search(r"\b(?:19|20)\d{2}\b|\bago\b|\blast\b|\bthis\b", second):
        return None  # "enrolled in March 2025 and the study ended in August": which August?
    if _STARTED.search(first) and not _STOPPED_IT.search(first) and _STOPPED_IT.search(second) \
            and not began.several and not ended.several and 0 <= ended.days_max <= began.days_min:
        return dataclasses.replace(ended, echo=f"stopped {ended.echo}")
    return None


# A time that says when something began ("diagnosed last month"), and words that say it is over.
_BEGAN = re.compile(r"\b(?:diagnosed|found to have|found out|started|began|begun|picked up|caught|developed|came back"
                    r"|found (?:it|them|a|an|some|spots?)|detected|discovered|spotted)\b")
_ENDED = re.compile(r"\b(?:treated|cured|cleared|gone|finished|over|recovered|resolved|better|ended|stopped|healed)\b")


def says_when_it_began(text: str) -> bool:
    """"She was diagnosed with active TB last month": the time is when it began, and nothing says it ended."""
    return bool(_BEGAN.search(text)) and not _ENDED.search(text)
