"""Replies that meet the question's own negation ("a wound that has not healed?", "so much that surgery cannot
remove it?") and could answer either way.

"yes it healed ok" says yes and says the very thing the question negates: yes, it has a wound, or yes, it
healed? "no surgery" denies the subject of the question's own "cannot": no to the question, or "no surgery
is possible"? Each could be the opposite of what was meant, so each is checked, never taken as it reads.

"not treated yet" to "... causing symptoms, untreated, or growing?" is the other way round: its negation is the
question's own "un-" word, what it asks about, so it is a yes.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from bot.understanding.english.text import normalise

_NEGATED = re.compile(r"\b(?:no|not|never|nor|without|hardly|barely)\b(?:\s+\w+){0,2}\s*$")


def states_what_the_question_negates(text: str, own_negations: Iterable[str]) -> bool:
    """"yes it healed ok" to "... has not healed?": the negated word of the question, said plainly (no negation
    just before it). "yes, a cut that has not healed" negates it: not this."""
    for phrase in own_negations:
        if phrase.startswith("can not "):
            # "yes, I can stop anytime" to "a drug or alcohol problem that you cannot stop?": yes to a drink, or yes
            # to the question? The very ability the question negates, said plainly.
            able = rf"\bcan (?:\w+ )?{re.escape(phrase[len('can not '):])}\b"
            if any(not _NEGATED.search(text[: found.start()]) for found in re.finditer(able, text)):
                return True
            continue
        if not phrase.endswith("ed"):
            continue  # "not well controlled", "not healed": a state
        # The state without its "not": "healed", "well controlled" (so "poorly controlled" is not it).
        plain = phrase.split(" ", 1)[1]
        for found in re.finditer(rf"\b{re.escape(plain)}\b", text):
            if not _NEGATED.search(text[: found.start()]):
                return True
    return False


@lru_cache(maxsize=None)
def _cannot_subjects(texts: tuple) -> frozenset:
    """"surgery" in "grown so much that surgery cannot remove it"."""
    return frozenset(match.group(1) for text in texts
                     for match in re.finditer(r"\b([a-z]{4,}) (?:can not|could not) [a-z]{4,}", normalise(text))
                     if match.group(1) not in ("that", "which", "they", "doctors", "doctor", "what"))


def denies_the_subject_of_cannot(text: str, question_texts: tuple) -> bool:
    """"no surgery", "no surgery possible" to "... so much that surgery cannot remove it?": the reply denies the thing
    the question says cannot be done. "no spread, and surgery is planned" answers; a short denial of it does not."""
    subjects = _cannot_subjects(question_texts)
    if not subjects:
        return False
    # "no surgery", "no surgery possible", "no operation planned": the denial opens the reply. Short, the denial is
    # all there is; longer, it is checked unless the rest plainly denies the spread ("no surgery needed, not spread").
    names = set(subjects) | ({"operation", "op", "operate"} if "surgery" in subjects else set())
    # "surgery", "surgeries", "operations"
    alternatives = "|".join(re.escape(name[:-1]) + "(?:y|ies)" if name.endswith("y") else re.escape(name) + "s?"
                            for name in sorted(names))
    denial = re.match(rf"(?:no )?(?:no|not|never) (?:any |an |a )?(?:{alternatives})\b", text)
    if denial is None:
        return False
    return len(text.split()) <= 5 or not re.search(r"\b(?:no|not|never|nothing|none)\b", text[denial.end():])


@lru_cache(maxsize=None)
def _un_words(texts: tuple) -> frozenset:
    """"treat" in "is it causing symptoms, untreated, or growing?"."""
    return frozenset(match.group(1) for text in texts for match in re.finditer(r"\bun([a-z]{4,})ed\b", normalise(text)))


def says_the_questions_un_word(text: str, question_texts: tuple) -> bool:
    """"not treated yet", "no treatment yet", "hasn't been treated" to "... untreated, or growing?": the reply's
    negation is the question's own "un-" word, what it asks about, not a no."""
    stems = _un_words(question_texts)
    if not stems:
        return False
    alternatives = "|".join(map(re.escape, sorted(stems)))
    negated = rf"\b(?:not|never|no|nothing)\s+(?:been\s+|yet\s+|had\s+|any\s+|had any\s+|given\s+)?(?:{alternatives})(?:ed|ment)\b"
    if not re.search(negated, text) or re.search(rf"(?:{alternatives})(?:ed|ment)s? (?:needed|required|necessary)\b", text):
        return False  # "no treatment needed" says it was dealt with
    # "treated with radiation, stable, no treatment since": it was treated; what is not done now is not the "un-".
    plain = re.sub(negated, " ", text)
    if re.search(r"\b(?:no|not|never|nothing|none|nope)\b", plain):
        return False  # "no treatment, nothing in the brain": another negation may be the answer
    return not re.search(rf"\b(?:{alternatives})(?:ed|ment|ing)\b", plain) \
        and not re.search(r"\b(?:stable|controlled|cured|remission|shrunk|shrinking|gone|resolved)\b", text)
