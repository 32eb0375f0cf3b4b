"""The generated Chinese polarity corpus: no yes is ever read as a no, nor a no as a yes."""

from __future__ import annotations

import collections
import datetime as dt

import pytest

from bot.screening.answers import NEVER, NO, NOT_SURE, YES
from bot.understanding import reader_for
from tests.understanding.chinese_questions import chinese_questions
from tests.understanding.polarity_corpus_zh import INTENSIFIERS, NEGATIONS, SUBJECTS, VERBS, corpus

TODAY = dt.date(2026, 12, 1)
OPPOSITE = {YES: NO, NO: YES}


@pytest.fixture(scope="module")
def reader():
    return reader_for("zh")


def test_the_corpus_is_large_and_covers_every_polarity_and_word():
    sentences = corpus()
    counts = collections.Counter(polarity for _, polarity in sentences)
    assert sum(counts.values()) >= 2000
    assert set(counts) == {YES, NO, NOT_SURE}
    text = " ".join(sentence for sentence, _ in sentences)
    for word in SUBJECTS + VERBS + NEGATIONS + INTENSIFIERS:
        assert word in text, word
    assert "從來沒有" in text  # Traditional characters too


def test_no_reading_has_the_opposite_polarity(reader):
    question = chinese_questions()["pd1_therapy"]
    opposite = [
        (sentence, expected)
        for sentence, expected in corpus()
        if reader.read(question, sentence, TODAY).value == OPPOSITE.get(expected)
    ]
    assert opposite == []


def test_every_reading_is_the_built_polarity_and_needs_no_check(reader):
    question = chinese_questions()["heart_disease"]
    wrong = []
    for sentence, expected in corpus():
        reading = reader.read(question, sentence, TODAY)
        if reading.value != expected or reading.needs_check:
            wrong.append((sentence, expected, reading.value))
    assert wrong == []


def test_a_no_to_a_how_long_ago_question_is_never_and_a_yes_asks_when(reader):
    question = chinese_questions()["days_since_chemotherapy"]
    for sentence, expected in corpus():
        value = reader.read(question, sentence, TODAY).value
        if expected == NO:
            assert value == NEVER, sentence
        elif expected == YES:
            assert value is None, sentence  # a yes is not a time: asked again
