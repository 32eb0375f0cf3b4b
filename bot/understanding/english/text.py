"""English text made regular before it is read: lower case, straight quotes,
contractions spelled out ("hasn't" -> "has not"), punctuation as spaces."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Tuple

from bot.understanding.reading import MAX_ANSWER_CHARS

_IRREGULAR = {
    "won't": "will not", "wont": "will not", "can't": "can not", "cant": "can not", "cannot": "can not",
    "shan't": "shall not", "ain't": "is not", "aint": "is not",
    # Texting short forms of the words that carry a "not sure".
    "rmb": "remember", "rmbr": "remember", "remeber": "remember", "rember": "remember",
    # "no probs swallowing": the texting form of "problems".
    "probs": "problems", "prob": "problem",
    # "yess healed": a doubled letter on the yes (left alone, only the rest would be read)
    "yess": "yes", "yesss": "yes", "yees": "yes",
}
# Contractions typed without the apostrophe ("hasnt", "didnt").
_BARE_NT = re.compile(
    r"\b(is|are|was|were|has|have|had|do|does|did|would|could|should|must|need|might)nt\b"
)
_PRONOUN_CONTRACTIONS = (
    (re.compile(r"\b(i)'m\b"), r"\1 am"),
    (re.compile(r"\b(i|you|we|they|she|he|it|who)'ve\b"), r"\1 have"),
    (re.compile(r"\b(i|you|we|they|she|he|it|who)'ll\b"), r"\1 will"),
    (re.compile(r"\b(i|you|we|they|she|he|it|who)'d\b"), r"\1 would"),
    (re.compile(r"\b(you|we|they)'re\b"), r"\1 are"),
    # "she's" is "she is" or "she has"; both are the same for polarity.
    (re.compile(r"\b(she|he|it|that|there|what)'s\b"), r"\1 is"),
    (re.compile(r"\bim\b"), "i am"),
)


def normalise(text: str) -> str:
    """Lower case with contractions spelled out; words separated by single spaces.

    Keeps the characters that carry meaning in answers: ``+`` and ``-`` (HER2 2+,
    ER-), ``/`` and ``.`` in dates and decimals, ``%``.
    """
    text = (text or "")[:MAX_ANSWER_CHARS].lower()
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    for word, spelled in _IRREGULAR.items():
        text = re.sub(rf"(?<![\w']){re.escape(word)}(?![\w'])", spelled, text)
    text = re.sub(r"(\w)n't\b", r"\1 not", text)
    text = _BARE_NT.sub(r"\1 not", text)
    for pattern, spelled in _PRONOUN_CONTRACTIONS:
        text = pattern.sub(spelled, text)
    text = text.replace("<", " less than ").replace(">", " more than ")
    text = re.sub(r"[^\w\s+\-/.%:']", " ", text)
    # "my husband's on it" is "is"; "my mum's cancer" is whose.
    text = re.sub(
        r"(?<=\w)'s\s+(?=(?:on|been|had|got|not|never|always|definitely|absolutely|certainly|done|in|at|still|fine|very|taking|having)\b)",
        " is ", text,
    )
    text = re.sub(r"(?<=\w)'s\b", "", text)
    text = text.replace("'", " ")
    # "still waiting on the operation date": an operation planned, not a result waited for.
    text = re.sub(r"\b(?:still )?waiting (?:on|for) (?:the |a |an |her |his |my |their |a date for )?(?:operation|surgery|op)"
                  r"(?: date)?\b", "surgery planned", text)
    # "it healed ok", "the op went alright": how it went, said after the verb, is no "ok" of agreement.
    text = re.sub(r"\b(healed|recovered|went|worked|turned out|came out|settled)( up)? (?:ok|okay|alright|all right)\b",
                  r"\1\2 well", text)
    text = re.sub(r"(?<![\d\w])[.:](?!\d)|(?<=\D)[.:](?!\d)", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def normalise_clauses(text: str) -> str:
    """The reply normalised part by part, the parts (between commas, full stops, dashes ...) joined by " | ":
    "MI in 2019, no heart failure" is "mi in 2019 | no heart failure"."""
    parts = re.split(r"[,;!?]+|\.(?!\d)|\s[-\u2013\u2014]+\s|\n", (text or "")[:MAX_ANSWER_CHARS])
    return " | ".join(part for part in (normalise(p) for p in parts) if part)


def has_phrase(text: str, phrases: Iterable[str]) -> bool:
    """True when any phrase occurs in normalised ``text`` as whole words."""
    return bool(_alternation(tuple(phrases)).search(text))


@lru_cache(maxsize=256)
def _alternation(phrases: Tuple[str, ...]):
    """One compiled pattern per phrase list: hundreds of small ones would overflow re's cache."""
    longest_first = sorted(set(phrases), key=len, reverse=True)
    return re.compile(rf"(?<![\w+])(?:{'|'.join(re.escape(p) for p in longest_first)})(?![\w+])")


def find_phrase(text: str, phrase: str):
    return re.search(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", text)


def remove_phrases(text: str, phrases: Iterable[str]) -> str:
    text = _alternation(tuple(phrases)).sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()
