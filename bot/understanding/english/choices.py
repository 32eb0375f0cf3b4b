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
from dataclasses import dataclass
from functools import lru_cache
from typing import List, Optional, Tuple

from bot.screening.answers import Choice, Question
from bot.understanding.english.text import normalise

_NEGATION_BEFORE = re.compile(r"\b(?:not|no|never|no longer|hardly|barely|can not|could not|is not|not really)\s+(?:\w+\s+)?$")
_ORDINAL = re.compile(
    r"(?:the |option |number |choice )?(\d|first|second|third|fourth|fifth|last)(?: one| option| choice)?"
)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
SEED = 0


@dataclass(frozen=True)
class ChoiceGuess:
    choice_id: str
    confidence: float


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
    for choice in question.choices:
        for phrase in _phrases(question, choice.id):
            for match in re.finditer(rf"(?<![\w+]){re.escape(phrase)}(?![\w+])", text):
                negated_inside = bool(re.search(r"\b(not|no|never|can not)\b", phrase))
                if not negated_inside and _NEGATION_BEFORE.search(text[: match.start()]):
                    continue
                found.append((len(phrase), choice.id))
    if not found:
        return None
    found.sort(reverse=True)
    best_length, best = found[0]
    rivals = {cid for length, cid in found if cid != best and length >= best_length}
    if rivals:
        return None
    others = {cid for _, cid in found if cid != best}
    return ChoiceGuess(best, 0.95 if not others else 0.85)


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


def classify(question: Question, text: str) -> Optional[ChoiceGuess]:
    """The classifier's guess over the choices that have examples, or None when there is none to train."""
    model = _model(question)
    if model is None:
        return None
    vectoriser, classifier, vocabulary = model
    probabilities = classifier.predict_proba(vectoriser.transform([text]))[0]
    ranked = sorted(zip(probabilities, classifier.classes_), reverse=True)
    (best_p, best), (second_p, _) = ranked[0], ranked[1]
    # A classifier always picks some choice, even for "what does that mean?": the reply must
    # share a content word with the examples of the choice it picks, or it is no guess at all.
    if not _content_words(text) & vocabulary[str(best)]:
        return None
    # The margin over the runner-up matters as much as the probability itself: a clear
    # winner (ahead by half or more) is used; a close call is checked or asked again.
    margin = float(best_p - second_p)
    if margin >= 0.5:
        confidence = max(float(best_p), 0.8)
    elif margin >= 0.25:
        confidence = min(float(best_p), 0.79)
    else:
        confidence = float(best_p) * 0.7
    return ChoiceGuess(str(best), confidence)


def _phrases(question: Question, choice_id: str) -> Tuple[str, ...]:
    return _choice_phrases(question.choices, choice_id)


@lru_cache(maxsize=None)
def _choice_phrases(choices: Tuple[Choice, ...], choice_id: str) -> Tuple[str, ...]:
    choice = next(c for c in choices if c.id == choice_id)
    return tuple(dict.fromkeys(normalise(p) for p in choice.synonyms + choice.means if normalise(p)))


def _model(question: Question):
    return _train(question.choices)


@lru_cache(maxsize=None)
def _train(choices: Tuple[Choice, ...]):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion  # imported on first use: the loader stays light

    texts, labels = [], []
    for choice in choices:
        if not choice.examples:
            continue
        for sentence in choice.examples + choice.synonyms + (choice.label,):
            texts.append(normalise(sentence))
            labels.append(choice.id)
    if len(set(labels)) < 2:
        return None
    vectoriser = FeatureUnion([
        ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True)),
    ])
    features = vectoriser.fit_transform(texts)
    classifier = LogisticRegression(C=20.0, max_iter=2000, random_state=SEED)
    classifier.fit(features, labels)
    vocabulary = {label: set() for label in labels}
    for sentence, label in zip(texts, labels):
        vocabulary[label] |= _content_words(sentence)
    return vectoriser, classifier, vocabulary


_COMMON = frozenset(
    "what does that this mean with from have your they them their there then than about would could should "
    "will just also very much more most some when where which while because into over under after before "
    "been being does doing done make made like want need tell know think".split()
)


def _content_words(text: str) -> set:
    return {word for word in text.split() if len(word) >= 4 and word not in _COMMON}
