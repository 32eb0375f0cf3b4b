"""Which choice a reply means: the choice's own words from ``seeds/questions.yml``
(label, synonyms, ``means:`` phrases) and, for descriptions, a small classifier
trained on the choice's ``examples``.

The classifier is scikit-learn's logistic regression over word and character
n-grams, one per question, trained on first use with a fixed seed. It is used
only when no choice's own words match; its probability is the reading's
confidence, so an unsure guess becomes a check, never an answer.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.screening.answers import Question
from bot.understanding.choice_words import ChoiceClassifier, ChoiceGuess, best_match
from bot.understanding.english.text import normalise

_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|no longer|hardly|barely|can not|could not|is not|not really)\s+(?:\w+\s+)?$")
_ORDINAL = re.compile(
    r"(?:the |option |number |choice )?(\d|first|second|third|fourth|fifth|last)(?: one| option| choice)?"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}


def exact_choice(question: Question, text: str) -> Optional[str]:
    """A reply that is a choice's id, label, or its place in the list ("the second one")."""
    for choice in question.choices:
        if text in (choice.id.lower().replace("_", " "), choice.id.lower(), normalise(choice.label)):
            return choice.id
    match = _ORDINAL.fullmatch(text)
    # A bare "1" is the first choice only where no choice names a number (HER2 "1" is a score).
    numbered = any(re.search(r"\d", c.label) for c in question.choices)
    if match and not (numbered and match.group(1).isdigit()):
        word = match.group(1)
        index = int(word) if word.isdigit() else _ORDINALS[word]
        if index == -1:
            return question.choices[-1].id
        if 1 <= index <= len(question.choices):
            return question.choices[index - 1].id
    return None


def synonym_choice(question: Question, text: str) -> Optional[ChoiceGuess]:
    """The choice whose synonym or ``means`` phrase is in the reply, longest first.

    A synonym just after a negation ("not fully active") does not count: the
    negation changes its meaning. Two choices matched by equally long words
    are a tie, and nothing is guessed.
    """
    found: List[Tuple[int, str]] = []
    spans = []
    for choice in question.choices:
        for phrase in _phrases(question, choice.id):
            for match in re.finditer(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", text):
                negated_inside = bool(re.search(r"\b(not|no|never|can not)\b", phrase))
                if not negated_inside and _NEGATION_BEFORE.search(text[: match.start()]):
                    continue
                found.append((len(phrase), choice.id))
                spans.append((choice.id, match.span()))
    best = best_match(found)
    if best is not None and choice_of(question, best.choice_id) is None and any(
            cid != best.choice_id and choice_of(question, cid) is None and all(
                end <= start or begin >= stop for own, (start, stop) in spans if own == best.choice_id)
            for cid, (begin, end) in spans):
        # "does the cooking but no heavy stuff, she's up and about all day": words of two descriptions, each
        # apart from the other. The longer ones are a guess only: check.
        return ChoiceGuess(best.choice_id, min(best.confidence, 0.6))
    return best


def choice_of(question: Question, choice_id: str):
    """The choice's yes or no (None for a description)."""
    return question.choice(choice_id).polarity


def negated_choices(question: Question, text: str) -> set:
    """Choices whose own words come just after a negation ("not fully active")."""
    negated = set()
    for choice in question.choices:
        for phrase in _phrases(question, choice.id):
            if re.search(r"\b(not|no|never|can not)\b", phrase):
                continue
            for match in re.finditer(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", text):
                if _NEGATION_BEFORE.search(text[: match.start()]):
                    negated.add(choice.id)
    return negated


def names_another_choice_apart(question: Question, parts: str, choice_id: str) -> bool:
    """A part of the reply (``parts``: the parts of the normalised reply joined by " | "), with no negation of
    its own, names a choice other than ``choice_id``: "no pregnancy planned, we use condoms" says no about a
    pregnancy and names the "yes" choice about birth control."""
    for part in re.split(r"\||\b(?:so|but|and)\b", parts):
        if not part.strip() or set(part.split()) & {"no", "not", "never", "nope", "none", "nothing"}:
            continue
        named = synonym_choice(question, part)
        if named is not None and named.choice_id != choice_id:
            return True
    return False


def says_only(question: Question, choice_id: str, text: str) -> bool:
    """The reply is one of the choice's own phrases, with nothing else of substance ("only this one, thanks")."""
    for phrase in _phrases(question, choice_id):
        match = re.search(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", text)
        if match and not _NEGATION_BEFORE.search(text[: match.start()]):
            rest = (text[: match.start()] + " " + text[match.end():]).split()
            if not [word for word in rest if len(word) >= 4 and word not in _COMMON and word not in ("thanks", "thank")]:
                return True
    return False


def classify(question: Question, text: str) -> Optional[ChoiceGuess]:
    """The classifier's guess over the choices that have examples, or None when there is none to train."""
    return CLASSIFIER.classify(question.choices, text)


def _phrases(question: Question, choice_id: str) -> Tuple[str, ...]:
    return CLASSIFIER.phrases(question.choices, choice_id)


def _features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion  # imported on first use: the loader stays light

    return FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])


_COMMON = frozenset(
    "what does that this mean with from have your they them their there then than about would could should "
    "will just also very much more most some when where which while because into over under after before "
    "been being does doing done make made like want need tell know think".split()
)


def _content_words(text: str) -> set:
    return {word for word in text.split() if len(word) >= 4 and word not in _COMMON}


CLASSIFIER = ChoiceClassifier(normalise=normalise, features=_features, content_words=_content_words)
