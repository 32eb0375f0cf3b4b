"""A question that asks about a window opened by an event ("Since your breast cancer came back or spread, have you
had any chemotherapy?") and a reply that denies the window itself: "chemo before her op, nothing since it spread",
"chemo years ago, not since it came back", "since the mets were found only letrozole". The thing named earlier is
outside the window; the denial answers what is asked. Without the denial ("chemo since it spread") or with the
asked thing inside the window ("since it came back, paclitaxel") it is not this rule's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.understanding.english.polarity import names_topic
from bot.understanding.english.text import normalise

# The event words a reply may use for "came back or spread".
_EVENT_WORDS = {
    "spread": r"spread|spreading|metastasi[sz]ed|mets (?:were|was) found|went to (?:the |her |his |my )?\w+",
    "came back": r"came back|come back|returned|recurred|relapsed",
}
_WINDOW_OPENS = r"\b(?:since|after|once|from when)\b"
_SUBJECT = r"(?:it|the cancer|the mets|her cancer|his cancer|my cancer|she|he|i|they)"
_DENIAL = re.compile(r"\b(?:nothing|not|none|no|never|only|just|except|apart from)\b")


@lru_cache(maxsize=None)
def _window_event(question_text: str) -> str:
    """The reply words for the question's opening event, as one pattern, or "" when it has none."""
    opening = re.match(r"\s*since (?:your|their|the) ([^,]+),", normalise(question_text) + ",")
    if not opening:
        return ""
    found = [pattern for event, pattern in _EVENT_WORDS.items() if re.search(rf"\b{event}\b", opening.group(1))]
    return "|".join(found)


def denies_the_window(question_text: str, text: str, topics: frozenset) -> bool:
    """The reply's part from "since it spread" on (with the few words just before it) denies, or names only
    things that are not asked, and says nothing asked about after the event."""
    event = _window_event(question_text)
    if not event:
        return False
    window = re.search(rf"{_WINDOW_OPENS} (?:{_SUBJECT} )?(?:\w+ ){{0,2}}(?:{event})\b", text)
    if window is None:
        return False
    earlier = text[: window.start()]
    if re.search(r"\b(?:now|currently|still|at the moment|these days|ongoing)\b", earlier):
        return False  # "xeloda tablets now, no drip chemo since it spread": the earlier part is in the window too
    before = earlier.split()[-4:]
    after = text[window.end():].split()
    if not _DENIAL.search(" ".join(before + after)):
        return False  # "chemo since it spread": inside the window
    # Nothing asked about in the window, save right after a denial ("no chemo since it came back").
    for index, word in enumerate(after):
        if names_topic(word, topics) and not (index and after[index - 1] in ("no", "not", "never", "any")):
            return False
    # "chemo since it spread" with a denial later: the word just before "since" is in the window.
    near = before[-2:]
    return not (any(names_topic(word, topics) for word in near) and not set(near) & {"no", "not", "never", "nothing"})


def names_the_asked_thing_in_the_window(question_text: str, text: str, topics: frozenset) -> bool:
    """"nothing since it spread, she is on xeloda now": a denial of the window, then a thing asked about named in it
    (not right after a denial). Which is meant is for the person to say."""
    event = _window_event(question_text)
    window = re.search(rf"{_WINDOW_OPENS} (?:{_SUBJECT} )?(?:\w+ ){{0,2}}(?:{event})\b", text) if event else None
    if window is None:
        return False
    after = text[window.end():].split()
    return any(names_topic(word, topics) and not (index and after[index - 1] in ("no", "not", "never", "any"))
               for index, word in enumerate(after))
