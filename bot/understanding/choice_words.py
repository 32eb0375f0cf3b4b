"""What every language's choice reading shares: picking among matched choice words, and the
small per-question classifier over the choices' ``examples``.

Each language brings its own parts (how a reply is normalised, how sentences become
features, which words count as content); the decisions are the same in every language:
the longest matched words win and a tie guesses nothing; the classifier's guess must share
a content word with its choice's examples, and its margin over the runner-up sets the
confidence, so an unsure guess becomes a check, never an answer.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable, List, Optional, Tuple

from bot.screening.answers import Choice

SEED = 0


@dataclass(frozen=True)
class ChoiceGuess:
    choice_id: str
    confidence: float


def best_match(found: List[Tuple[int, str]]) -> Optional[ChoiceGuess]:
    """The choice of the longest matched words, given (length, choice id) pairs; None on a tie.

    A longer phrase may hold a shorter one of another choice: the shorter one is no rival,
    only a reason for less confidence."""
    if not found:
        return None
    found = sorted(found, reverse=True)
    best_length, best = found[0]
    if any(cid != best and length >= best_length for length, cid in found):
        return None
    others = {cid for _, cid in found if cid != best}
    return ChoiceGuess(best, 0.95 if not others else 0.85)


@dataclass(frozen=True)
class ChoiceClassifier:
    """One language's way of reading choice words; instances are module-level, so caches key on them."""

    normalise: Callable[[str], str]
    features: Callable[[], Any]  # a new scikit-learn vectoriser for this language's sentences
    content_words: Callable[[str], set]

    def phrases(self, choices: Tuple[Choice, ...], choice_id: str) -> Tuple[str, ...]:
        """A choice's own words (synonyms and ``means`` phrases), normalised, once each."""
        return _phrases(self, choices, choice_id)

    def classify(self, choices: Tuple[Choice, ...], text: str) -> Optional[ChoiceGuess]:
        """The classifier's guess over the choices that have examples, or None when there is none to train."""
        model = _train(self, choices)
        if model is None:
            return None
        vectoriser, classifier, vocabulary = model
        probabilities = classifier.predict_proba(vectoriser.transform([text]))[0]
        ranked = sorted(zip(probabilities, classifier.classes_), reverse=True)
        (best_p, best), (second_p, _) = ranked[0], ranked[1]
        # A classifier always picks some choice, even for "what does that mean?": the reply must
        # share a content word with the examples of the choice it picks, or it is no guess at all.
        if not self.content_words(text) & vocabulary[str(best)]:
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


@lru_cache(maxsize=None)
def _phrases(reading: ChoiceClassifier, choices: Tuple[Choice, ...], choice_id: str) -> Tuple[str, ...]:
    choice = next(c for c in choices if c.id == choice_id)
    normalise = reading.normalise
    return tuple(dict.fromkeys(normalise(p) for p in choice.synonyms + choice.means if normalise(p)))


@lru_cache(maxsize=None)
def _train(reading: ChoiceClassifier, choices: Tuple[Choice, ...]):
    from sklearn.linear_model import LogisticRegression  # imported on first use: the loader stays light

    texts, labels = [], []
    for choice in choices:
        if not choice.examples:
            continue
        for sentence in choice.examples + choice.synonyms + (choice.label,):
            texts.append(reading.normalise(sentence))
            labels.append(choice.id)
    if len(set(labels)) < 2:
        return None
    vectoriser = reading.features()
    features = vectoriser.fit_transform(texts)
    classifier = LogisticRegression(C=20.0, max_iter=2000, random_state=SEED)
    classifier.fit(features, labels)
    vocabulary = {label: set() for label in labels}
    for sentence, label in zip(texts, labels):
        vocabulary[label] |= reading.content_words(sentence)
    return vectoriser, classifier, vocabulary
