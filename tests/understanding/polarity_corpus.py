"""A generated corpus of yes / no / not-sure replies (subjects x auxiliaries x
tense and contraction x intensifiers), with the polarity each one has.

The expected polarity comes from how each sentence is built here, never from
the reader: "she definitely hasn't" is built as a no.
"""

from __future__ import annotations

from typing import Iterator, Tuple

SUBJECTS = ("I", "she", "he", "they", "my husband", "it")
AUXILIARIES = ("have", "has", "did", "do", "does", "is", "am", "was", "will")
INTENSIFIERS = ("definitely", "absolutely", "of course", "certainly")
# The negative contraction of each auxiliary ("am" has none: "I'm not").
CONTRACTED = {
    "have": "haven't", "has": "hasn't", "did": "didn't", "do": "don't", "does": "doesn't", "is": "isn't",
    "am": None, "was": "wasn't", "will": "won't",
}
# Subject + auxiliary contractions ("she's", "I've", "they'll").
SUBJECT_CONTRACTION = {
    ("I", "have"): "I've", ("I", "am"): "I'm", ("I", "will"): "I'll", ("she", "has"): "she's", ("she", "is"): "she's",
    ("he", "has"): "he's", ("he", "is"): "he's", ("they", "have"): "they've", ("they", "will"): "they'll",
    ("it", "is"): "it's", ("it", "has"): "it's", ("she", "will"): "she'll", ("he", "will"): "he'll",
    ("my husband", "has"): "my husband's", ("my husband", "is"): "my husband's",
}
# What follows a contracted subject, so that "she's" is a whole answer ("she's had it").
AFTER_CONTRACTION = {"have": "had it", "has": "had it", "is": "on it", "am": "on it", "will": "do it"}


def _cap(text: str) -> str:
    return text[0].upper() + text[1:]


def yes_sentences(subject: str, aux: str, intensifier: str) -> Iterator[str]:
    yield f"{_cap(subject)} {aux}."
    yield f"Yes, {subject} {aux}."
    yield f"{_cap(intensifier)}, {subject} {aux}."
    yield f"{_cap(subject)} {intensifier} {aux}."
    yield f"{_cap(intensifier)} yes"
    yield f"yes {intensifier}, {subject} {aux}"
    yield f"Sadly, {subject} {aux}."
    contracted = SUBJECT_CONTRACTION.get((subject, aux))
    if contracted:
        yield f"{_cap(contracted)} {AFTER_CONTRACTION[aux]}."
        yield f"Yes, {contracted} {intensifier} {AFTER_CONTRACTION[aux]}."


def no_sentences(subject: str, aux: str, intensifier: str) -> Iterator[str]:
    yield f"{_cap(subject)} {aux} not."
    yield f"No, {subject} {aux} not."
    yield f"{_cap(subject)} {intensifier} {aux} not."
    yield f"{_cap(intensifier)} not."
    yield f"{_cap(intensifier)} not, {subject} {aux} not."
    yield f"{_cap(subject)} never {aux}."
    yield f"nope, {subject} {intensifier} {aux} not"
    negative = CONTRACTED[aux]
    if negative:
        yield f"{_cap(subject)} {negative}."
        yield f"No {subject} {negative}"
        yield f"{_cap(subject)} {intensifier} {negative}."
        yield f"{_cap(intensifier)} {subject} {negative}."
        yield f"{_cap(intensifier)}, {subject} {negative}!"
        yield f"{_cap(subject)} {negative}, {intensifier} not."
        yield f"{_cap(subject)} {negative.replace(chr(39), '')}"  # typed without the apostrophe
        yield f"{_cap(subject)} {negative.replace(chr(39), chr(8217))}."  # a curly apostrophe
    contracted = SUBJECT_CONTRACTION.get((subject, aux))
    if contracted:
        yield f"{_cap(contracted)} not {AFTER_CONTRACTION[aux]}."
        yield f"{_cap(contracted)} {intensifier} not {AFTER_CONTRACTION[aux]}."


def not_sure_sentences(subject: str, aux: str, intensifier: str) -> Iterator[str]:
    negative = CONTRACTED[aux] or f"{aux} not"
    yield f"I'm not sure {subject} {aux}."
    yield f"I don't know if {subject} {aux}."
    yield f"Maybe {subject} {aux}."
    yield f"I think {subject} {aux}."
    yield f"Probably not, I think {subject} {negative}."
    yield f"I'm not {intensifier} sure {subject} {aux}." if intensifier != "of course" else f"Not sure if {subject} {aux}."
    yield f"No idea whether {subject} {aux}."


def corpus() -> Iterator[Tuple[str, str]]:
    """(sentence, expected polarity) pairs, without duplicates."""
    seen = set()
    for subject in SUBJECTS:
        for aux in AUXILIARIES:
            for intensifier in INTENSIFIERS:
                for polarity, build in (("yes", yes_sentences), ("no", no_sentences), ("not_sure", not_sure_sentences)):
                    for sentence in build(subject, aux, intensifier):
                        if sentence not in seen:
                            seen.add(sentence)
                            yield sentence, polarity
