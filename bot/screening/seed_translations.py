"""The translations held in the seed files, beside the English they translate.

One criterion is still read in one place: each question, trial and criterion
carries a block per language (``zh:``) with the same fields as its English.
A file says which languages it holds (``languages: [en, zh]``); for each one
every text must be there, and loading stops, naming the file, the id and the
language, when one is missing. Ids, rules, numbers and the listing's verbatim
English criterion text (``source``) are never translated.

What each block holds:

* a question: ``text`` (self, caregiver), ``help``, ``terms``, ``context_terms``, ``unit`` (number
  questions), ``checklist`` (the list lines, in order, as in the text), and for
  each choice (by id) its ``label`` and the words the reader of that language
  uses: ``synonyms``, ``examples``, ``means``;
* a trial: ``short_name``, ``one_line``, ``summary``, ``sponsor``, ``phase``,
  ``status``, ``condition``, ``contact`` and ``arms`` (name, description, in order);
* a criterion: ``explanation`` and, for one the study team checks,
  ``study_team_reason``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any, List, Mapping, Optional, Tuple

from bot.screening.answers import VOICES, ChecklistItem, Choice, Question

SOURCE_LANGUAGE = "en"


class MissingTranslation(ValueError):
    """Raised with the file, the item and the language; see :class:`bot.screening.catalog.CatalogError`."""

    def __init__(self, where: str, language: str, problem: str):
        self.where, self.language = where, language
        super().__init__(f"{where}: [{language}] {problem}")


def file_languages(data: Any, path: Path, supported: Tuple[str, ...]) -> Tuple[str, ...]:
    """The languages a seed file says it holds (English first, always)."""
    declared = data.get("languages", [SOURCE_LANGUAGE]) if isinstance(data, dict) else [SOURCE_LANGUAGE]
    if not isinstance(declared, list) or not all(isinstance(item, str) for item in declared):
        raise MissingTranslation(str(path), "?", "languages must be a list such as [en, zh]")
    if SOURCE_LANGUAGE not in declared:
        raise MissingTranslation(str(path), SOURCE_LANGUAGE, "languages must include en, the source language")
    unknown = sorted(set(declared) - set(supported))
    if unknown:
        raise MissingTranslation(str(path), unknown[0], f"unsupported language (supported: {', '.join(supported)})")
    return tuple(language for language in supported if language in declared)


class _Block:
    """One item's translation block, read strictly."""

    def __init__(self, data: Any, where: str, language: str, allowed: Tuple[str, ...]):
        self.where, self.language = where, language
        if not isinstance(data, dict):
            raise MissingTranslation(where, language, f"missing translation block `{language}:`")
        unknown = sorted(set(data) - set(allowed))
        if unknown:
            self.fail(f"unknown field(s) {', '.join(unknown)} (allowed: {', '.join(allowed)})")
        self.data = data

    def fail(self, problem: str):
        raise MissingTranslation(self.where, self.language, problem)

    def text(self, key: str) -> str:
        value = self.data.get(key)
        if not isinstance(value, str) or not value.strip():
            self.fail(f"missing translation of {key}")
        return value.strip()

    def words(self, key: str, required: bool = False) -> Tuple[str, ...]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or (required and not value):
            self.fail(f"{key} must be a list of text")
        for item in value:
            if not isinstance(item, str) or not item.strip():
                self.fail(f"every item of {key} must be text; {item!r} is not (put quotes around it)")
        return tuple(item.strip() for item in value)


def translate_question(question: Question, data: Any, where: str, language: str) -> Question:
    block = _Block(data, where, language, ("text", "help", "terms", "context_terms", "unit", "checklist", "choices"))
    texts = _Block(block.data.get("text"), f"{where} text", language, VOICES)
    text = {voice: texts.text(voice) for voice in VOICES}
    terms = block.words("terms", required=bool(question.terms))
    context_terms = block.words("context_terms", required=bool(question.context_terms))
    unit = block.text("unit") if question.unit is not None else None
    choices = _translate_choices(question, block)
    checklist = _translate_checklist(question, block, text)
    return replace(
        question, text=text, help=block.text("help"), terms=terms, context_terms=context_terms, unit=unit,
        choices=choices, checklist=checklist,
    )


def _translate_choices(question: Question, block: _Block) -> Tuple[Choice, ...]:
    given = block.data.get("choices", {}) if question.choices else block.data.get("choices")
    if not question.choices:
        if given:
            block.fail("a question without choices has no choices to translate")
        return ()
    if not isinstance(given, dict):
        block.fail("choices must map each choice id to its label and words")
    known = {choice.id for choice in question.choices}
    extra = sorted(set(given) - known)
    if extra:
        block.fail(f"choices: unknown choice id(s) {', '.join(extra)}")
    translated: List[Choice] = []
    for choice in question.choices:
        item = _Block(given.get(choice.id), f"{block.where} choice {choice.id}", block.language,
                      ("label", "synonyms", "examples", "means"))
        translated.append(
            replace(
                choice,
                label=item.text("label"),
                synonyms=item.words("synonyms"),
                examples=item.words("examples"),
                means=item.words("means"),
            )
        )
    return tuple(translated)


def _translate_checklist(question: Question, block: _Block, text: Mapping[str, str]) -> Tuple[ChecklistItem, ...]:
    if not question.checklist:
        if block.data.get("checklist"):
            block.fail("a question without a checklist has no checklist to translate")
        return ()
    labels = block.words("checklist", required=True)
    if len(labels) != len(question.checklist):
        block.fail(f"checklist has {len(labels)} lines, the English has {len(question.checklist)}")
    for voice, words in text.items():
        lines = [line[2:].strip() for line in words.splitlines() if line.startswith("- ")]
        if lines != list(labels):
            block.fail(f"checklist lines do not match the list in the {voice} text, line for line")
    return tuple(replace(item, label=label) for item, label in zip(question.checklist, labels))


TRIAL_FIELDS = ("short_name", "one_line", "summary", "sponsor", "phase", "status", "condition", "contact", "arms")
CRITERION_FIELDS = ("explanation", "study_team_reason")


def translate_trial_texts(data: Any, where: str, language: str, arm_count: int) -> Mapping[str, Any]:
    """The translated trial fields, ``arms`` as (name, description) pairs in the English order."""
    block = _Block(data, where, language, TRIAL_FIELDS)
    fields = {key: block.text(key) for key in TRIAL_FIELDS if key != "arms"}
    arms = block.data.get("arms")
    if not isinstance(arms, list) or len(arms) != arm_count:
        block.fail(f"arms must list the {arm_count} arm(s) in the English order")
    pairs = []
    for number, arm in enumerate(arms, start=1):
        item = _Block(arm, f"{where} arm {number}", language, ("name", "description"))
        pairs.append((item.text("name"), item.text("description")))
    fields["arms"] = tuple(pairs)
    return fields


def translate_criterion_texts(data: Any, where: str, language: str, has_reason: bool) -> Mapping[str, Optional[str]]:
    block = _Block(data, where, language, CRITERION_FIELDS)
    return {
        "explanation": block.text("explanation"),
        "study_team_reason": block.text("study_team_reason") if has_reason else None,
    }
