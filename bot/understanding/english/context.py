"""A yes that names only what the question is set in.

"Did any of your chemotherapy use a platinum drug?" is set in chemotherapy; it asks about platinum.
"He had chemotherapy" names the setting and says nothing of platinum, yet every word rule reads a
yes in it ("had" and a word of the question). The same holds for "she had Herceptin" to "an allergic
reaction to an antibody drug?" and "she had immunotherapy" to "a severe side effect of it?". Each
question lists its setting in ``context_terms`` (seeds/questions.yml); a yes whose reply names one
of them, and no other word of the question, is checked instead of used. When the reply also says
the person does not know ("chemo yes, not sure which drugs"), it is "not sure".
"""

from __future__ import annotations

import re
from typing import Callable

from bot.screening.answers import NOT_SURE, YES, Question
from bot.understanding.english.text import has_phrase, normalise, remove_phrases
from bot.understanding.reading import Reading

_CHECK = 0.5
# The words of "yes, my mum had chemo twice, in 2019 and last year": the reply is about the setting only.
_WHO_HAD_IT_WHEN = frozenset("""
    yes yeah yep yup ya ok i we she he they me my our her his their mum mom mother dad father husband wife son
    daughter has had have got get gets was were been is on took taken take given gave did do does the a an some
    of and also too already once twice before it that this all courses course cycles cycle rounds round sessions
    session times time in for since until till last year years month months week weeks day days ago back then
    but which what exactly name names one ones kind kinds
""".split())
_DOES_NOT_KNOW = re.compile(
    r"\b(?:not sure|do not know|dont know|no idea|can not remember|do not remember|forget|forgot|unsure|"
    r"not certain)\b")


# What went wrong, said in the reply: the answer to a question about a reaction or side effect.
_SOMETHING_HAPPENED = re.compile(
    r"\b(?:rash|rashes|itch\w*|hives|swell\w*|breath\w*|reaction|reacted|allerg\w*|hospital\w*|icu|intensive"
    r"|severe|serious|admitted|anaphyla\w*|wheez\w*|blister\w*|red spots|flushing|fever|chills|throat|collaps\w*|faint\w*|pressure dropped)\b"
    r"|^(?:yes|yeah|yep) to\b")  # "yes to abraxane": yes, to that drug
_NEGATION = re.compile(r"\b(?:not|no|never|none|nothing|without)\b")


def weigh_setting_only(question: Question, text: str, reading: Reading, names_asked: Callable[[str], bool]) -> Reading:
    """``reading`` of normalised ``text``, checked (or "not sure") when its yes names only the setting."""
    if reading.value != YES or not question.context_terms or reading.needs_check:
        return reading
    setting = tuple(normalise(term) for term in question.context_terms)
    if not has_phrase(text, setting):
        return reading
    rest = remove_phrases(text, setting)
    doubt = _DOES_NOT_KNOW.search(rest)
    said = [word for word in _DOES_NOT_KNOW.sub(" ", rest).split() if not _carries_no_answer(word)]
    if said and (any(names_asked(word) for word in said) or _NEGATION.search(rest) or _SOMETHING_HAPPENED.search(rest)):
        return reading  # "a rash with capecitabine", "couldn't breathe during the drip", "yes to abraxane"
    if doubt:
        return Reading(NOT_SURE, 0.9, note=reading.note)  # "chemo yes, not sure which drugs"
    # "he had chemotherapy"; "she had chemo, it was the red one", "had the drip, felt tired after": more may be
    # said, but nothing the question asks (platinum, an allergy): checked.
    return Reading(YES, min(reading.confidence, _CHECK), reading.echo, reading.note)


def _carries_no_answer(word: str) -> bool:
    """Who had it, that it was had, and when or how often: none of it says what the question asks."""
    return word in _WHO_HAD_IT_WHEN or word.isdigit()

