"""The Chinese texts of the seed files that the plain-language check scores, named by where they are.

These are the texts the issue names: every question text (both voices), help
text and choice label, and every criterion's explanation. (A criterion's
study-team reason and a trial's summary, contact text and arms are shown too,
but the issue's check does not cover them; nor does this one.)

Once every seed file holds Chinese, the texts come from the catalog in Chinese
(``load_catalog(...).in_language("zh")``), so what is scored is what is shown.
Until then the catalog has no Chinese, and the ``zh:`` blocks of the files that
already declare ``zh`` are read directly (after the loader has checked them);
the files that do not declare it yet are returned by name, never dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, List, Tuple

import yaml

from bot.screening.catalog import QUESTION_BANK_FILE, Catalog, load_catalog

LANGUAGE = "zh"


@dataclass(frozen=True)
class SeedTexts:
    texts: Tuple[Tuple[str, str], ...]  # (where, text)
    untranslated: Tuple[str, ...]  # seed files that do not declare zh yet


def chinese_seed_texts(seeds_dir: Path) -> SeedTexts:
    seeds_dir = Path(seeds_dir)
    catalog = load_catalog(seeds_dir)  # checks every zh block a file declares
    if LANGUAGE in catalog.languages:
        return SeedTexts(tuple(_catalog_texts(catalog.in_language(LANGUAGE))), ())
    texts: List[Tuple[str, str]] = []
    untranslated: List[str] = []
    for path in [seeds_dir / QUESTION_BANK_FILE, *sorted(seeds_dir.glob("NCT*.yml"))]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if LANGUAGE not in data.get("languages", []):
            untranslated.append(path.name)
        elif path.name == QUESTION_BANK_FILE:
            texts.extend(_question_blocks(data))
        else:
            texts.extend(_trial_blocks(data))
    return SeedTexts(tuple(texts), tuple(untranslated))


def _catalog_texts(catalog: Catalog) -> Iterator[Tuple[str, str]]:
    for question in catalog.questions.values():
        for voice, text in question.text.items():
            yield f"question {question.id} text ({voice})", text
        yield f"question {question.id} help", question.help
        for choice in question.choices:
            yield f"question {question.id} choice {choice.id}", choice.label
    for trial in catalog.trials.values():
        for criterion in trial.criteria:
            yield f"{trial.registry_id} {criterion.id} explanation", criterion.explanation


def _question_blocks(data: dict) -> Iterator[Tuple[str, str]]:
    for question in data["questions"]:
        block = question[LANGUAGE]
        for voice, text in block["text"].items():
            yield f"question {question['id']} text ({voice})", text
        yield f"question {question['id']} help", block["help"]
        for choice_id, choice in (block.get("choices") or {}).items():
            yield f"question {question['id']} choice {choice_id}", choice["label"]


def _trial_blocks(data: dict) -> Iterator[Tuple[str, str]]:
    for criterion in data["criteria"]:
        yield f"{data['registry_id']} {criterion['id']} explanation", criterion[LANGUAGE]["explanation"]
