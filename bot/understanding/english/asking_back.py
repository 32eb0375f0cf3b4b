"""A reply that asks a question back ("carboplatin, does that count?", "76 - is she too old?").

A question mark makes the reading a check ("Just to be sure: ...?"), except where the question back is not
about the answer (a plain number with a question about something else) or where what is named is word for
word one of the question's own things, so the answer to "does that count?" is already yes.
"""

from __future__ import annotations

import re

from bot.screening.answers import AnswerType, Question
from bot.understanding.english.polarity import _STOPWORDS
from bot.understanding.english.question_words import question_words
from bot.understanding.english.text import normalise
from bot.understanding.english.time_events import is_only_a_time


def asks_about_answer(question: Question, raw: str) -> bool:
    """A question mark makes a check, except after a plain number when the question is about
    something else ("76 - is she too old for it?"): the number itself is not in doubt."""
    asked = [part for part in re.split(r"[.!;,\-–—]+", raw) if "?" in part]
    if question.type is AnswerType.TIME_SINCE:
        # "last time maybe 2 weeks ago?": the tone of a rough time, not a question back ("does that count?").
        return not all(is_only_a_time(normalise(part)) for part in asked)
    if question.type is not AnswerType.NUMBER:
        return True
    return any(re.search(r"\d|\b(?:or|maybe|about|around|think|guess)\b", part, re.I) for part in asked)


# "Does that count?", "is that one of them?": the person asks whether what they named is what is asked.
_DOES_IT_COUNT = re.compile(r"^\s*(?:does|would|will) (?:that|it|this) count|^\s*is (?:that|it|this) one of (?:them|those|these)"
                            r"|^\s*(?:does|would) (?:that|it|this) be one", re.I)


# Words that say it was had, not what it was: "she was given cisplatin", "he got toripalimab".
_HAD_IT = frozenset("given gets getting received receiving taking took takes tried using used once before".split())


def asks_if_a_listed_thing_counts(question: Question, raw: str) -> bool:
    """"He had carboplatin, does that count?" to "a platinum drug?": what is named is word for word one of the
    question's own names or its help's examples, so it counts. "A cornea transplant, does that count?" names
    something more ("cornea") and stays a check."""
    if question.type is not AnswerType.YES_NO \
            or re.search(r"\b(?:in the last|in the past|within|since)\b", question.text.get("self", "").split("\n-")[0], re.I):
        return False  # "prednisone, does that count?" to "in the last 4 weeks ...?": when is still open (on a list,
        # its own lines' windows are asked by their follow-ups)
    parts = [part for part in re.split(r"[,.;!?]+|\s[-\u2013\u2014]\s", raw) if part.strip()]
    if len(parts) != 2 or not _DOES_IT_COUNT.search(parts[1]) or "?" not in raw.split(parts[0], 1)[1]:
        return False
    words = question_words(question)
    named = [word for word in normalise(parts[0]).split() if len(word) >= 4 and word not in _STOPWORDS | _HAD_IT]
    return bool(named) and all(word in words.topics or word in words.help_examples for word in named)
