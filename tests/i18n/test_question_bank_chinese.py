"""The Chinese question bank: every question, help text and choice of the real seeds in plain Chinese.

These tests load the real ``seeds/questions.yml`` through the loader and check
what a test can check without copying the translation: the Chinese is there,
it is Chinese (no English words beyond the abbreviations Chinese reports print),
the caregiver voice speaks of the other person, the numbers of the English
survive, the answer reader has words to learn from, and no text tells a person
they are eligible.
"""

from __future__ import annotations

import re
from typing import Dict, Iterator, List, Tuple

import pytest
import yaml

from bot.screening.answers import AnswerType, Question
from bot.screening.catalog import load_translated_questions
from tests.conftest import SEEDS_DIR

BANK = SEEDS_DIR / "questions.yml"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*")
NUMBER = re.compile(r"\d+(?:\.\d+)?")
# Abbreviations that Chinese pathology reports, scan reports and drug boxes print
# in Latin letters; a Chinese reader meets them as they are.
ALLOWED_ABBREVIATIONS = frozenset(
    {
        "HER2", "ECOG", "PD-1", "PD-L1", "CDK4/6", "IHC", "FISH", "ISH", "ER", "PR", "HR", "CT", "MRI",
        "RECIST", "NPC", "T-DM1", "T-DXd", "HIV", "TB", "HBV", "HCV", "COPD", "DVT", "ILD", "CNS", "IV",
        "ECG", "QTc", "NYHA", "CTCAE", "irAE", "TCM",
        "TPF", "GP", "ICU",  # regimens as the chemo plan names them (TPF方案), and the ward's sign
    }
)
# Only the study team decides; no text may say a person qualifies.
ELIGIBILITY_CLAIMS = ("符合条件", "有资格", "您符合", "合格", "可以入组", "能入组")
CAREGIVER_MARKERS = ("您照顾的人", "他/她")
MIN_EXAMPLES = 6


@pytest.fixture(scope="module")
def bank() -> Tuple[Dict[str, Question], Dict[str, Question]]:
    english, translated = load_translated_questions(BANK)
    assert "zh" in translated, "questions.yml must declare languages: [en, zh]"
    return english, translated["zh"]


def _english_words(text: str) -> List[str]:
    """Latin-letter words that are not an allowed abbreviation ("PD-1/PD-L1" is two allowed ones)."""
    words = []
    for word in LATIN_WORD.findall(text):
        if word in ALLOWED_ABBREVIATIONS:
            continue
        if all(part in ALLOWED_ABBREVIATIONS for part in word.split("/")):
            continue
        words.append(word)
    return words


def _texts(question: Question) -> Iterator[Tuple[str, str]]:
    """(what, text) of everything a person reads in one question."""
    for voice, text in question.text.items():
        yield f"text ({voice})", text
    yield "help", question.help
    if question.unit is not None:
        yield "unit", question.unit
    for choice in question.choices:
        yield f"choice {choice.id} label", choice.label
    for item in question.checklist:
        yield f"checklist {item.id}", item.label


def test_every_question_has_a_chinese_block(bank) -> None:
    english, chinese = bank
    assert set(chinese) == set(english)
    raw = yaml.safe_load(BANK.read_text(encoding="utf-8"))
    assert raw["languages"] == ["en", "zh"]
    missing = [question["id"] for question in raw["questions"] if "zh" not in question]
    assert not missing


def test_every_text_is_chinese_without_english_words(bank) -> None:
    _, chinese = bank
    problems = []
    for question in chinese.values():
        for what, text in _texts(question):
            if not CJK.search(text):
                problems.append(f"{question.id} {what}: no Chinese characters: {text!r}")
            english_words = _english_words(text)
            if english_words:
                problems.append(f"{question.id} {what}: English words {english_words}")
    assert not problems, "\n".join(problems)


def test_the_two_voices_differ_and_the_caregiver_voice_speaks_of_the_other_person(bank) -> None:
    _, chinese = bank
    problems = []
    for question in chinese.values():
        own, other = question.text["self"], question.text["caregiver"]
        if own == other:
            problems.append(f"{question.id}: the caregiver text is the self text")
        if not any(marker in other for marker in CAREGIVER_MARKERS):
            problems.append(f"{question.id}: the caregiver text names neither 您照顾的人 nor 他/她")
        if any(marker in own for marker in CAREGIVER_MARKERS):
            problems.append(f"{question.id}: the self text speaks of someone else")
        if "您" not in own:
            problems.append(f"{question.id}: the self text does not address the person as 您")
        if "您的" in other.replace("您照顾的人", ""):
            problems.append(f"{question.id}: the caregiver text speaks of the caregiver's own body (您的…)")
        if "你" in own + other:
            problems.append(f"{question.id}: 你 instead of the polite 您")
    assert not problems, "\n".join(problems)


def test_no_text_says_a_person_is_eligible(bank) -> None:
    _, chinese = bank
    found = [
        f"{question.id} {what}: {claim}"
        for question in chinese.values()
        for what, text in list(_texts(question))
        + [(f"choice {c.id} example", e) for c in question.choices for e in c.examples + c.synonyms]
        for claim in ELIGIBILITY_CLAIMS
        if claim in text
    ]
    assert not found, "\n".join(found)


def test_every_number_of_the_english_is_in_the_chinese(bank) -> None:
    """"6 months", "10 mg", "RECIST 1.1": a number lost in translation changes the question."""
    english, chinese = bank
    problems = []
    for question_id, source in english.items():
        target = chinese[question_id]
        pairs = [(f"text ({voice})", source.text[voice], target.text[voice]) for voice in source.text]
        pairs.append(("help", source.help, target.help))
        for what, original, translation in pairs:
            lost = sorted(set(NUMBER.findall(original)) - set(NUMBER.findall(translation)))
            if lost:
                problems.append(f"{question_id} {what}: {lost} missing from {translation!r}")
    assert not problems, "\n".join(problems)


def test_terms_are_listed_where_the_english_lists_terms(bank) -> None:
    english, chinese = bank
    empty = [qid for qid, question in english.items() if question.terms and not chinese[qid].terms]
    assert not empty
    without_chinese = [qid for qid, q in chinese.items() if q.terms and not any(CJK.search(t) for t in q.terms)]
    assert not without_chinese, "each term list names the Chinese words, not only abbreviations"


def test_number_questions_have_a_chinese_unit(bank) -> None:
    english, chinese = bank
    numbers = [qid for qid, question in english.items() if question.type is AnswerType.NUMBER]
    assert numbers
    for question_id in numbers:
        assert chinese[question_id].unit and CJK.search(chinese[question_id].unit), question_id


def test_every_choice_has_a_label_and_words_for_the_reader(bank) -> None:
    english, chinese = bank
    problems = []
    for question_id, question in chinese.items():
        if not question.choices:
            continue
        assert [c.id for c in question.choices] == [c.id for c in english[question_id].choices]
        labels = [choice.label for choice in question.choices]
        if len(set(labels)) != len(labels):
            problems.append(f"{question_id}: two choices share a label")
        for choice in question.choices:
            if not CJK.search(choice.label):
                problems.append(f"{question_id} {choice.id}: the label is not Chinese")
            if not choice.synonyms:
                problems.append(f"{question_id} {choice.id}: no synonyms")
            if len(choice.examples) < MIN_EXAMPLES:
                problems.append(f"{question_id} {choice.id}: {len(choice.examples)} examples, fewer than {MIN_EXAMPLES}")
            if english[question_id].choices and any(c.means for c in english[question_id].choices if c.id == choice.id):
                if not choice.means:
                    problems.append(f"{question_id} {choice.id}: the English has `means`, the Chinese does not")
    assert not problems, "\n".join(problems)


def test_no_word_names_two_choices_of_one_question(bank) -> None:
    """A synonym or example given to two choices would make the reader pick one of them at random."""
    _, chinese = bank
    problems = []
    for question_id, question in chinese.items():
        owner: Dict[str, str] = {}
        for choice in question.choices:
            for phrase in set(choice.synonyms + choice.examples):
                key = phrase.lower()
                if key in owner and owner[key] != choice.id:
                    problems.append(f"{question_id}: {phrase!r} is given to {owner[key]} and {choice.id}")
                owner[key] = choice.id
    assert not problems, "\n".join(problems)


def test_choice_examples_include_traditional_characters(bank) -> None:
    """Southern China and Hong Kong write Traditional characters; the reader learns from some."""
    opencc = pytest.importorskip("opencc")
    to_simplified = opencc.OpenCC("t2s")
    _, chinese = bank
    without = [
        question_id
        for question_id, question in chinese.items()
        if question.choices
        and not any(to_simplified.convert(e) != e for c in question.choices for e in c.examples)
    ]
    assert not without, f"no example in Traditional characters: {without}"
