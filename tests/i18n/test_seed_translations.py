"""The loader's handling of the translation blocks in the seed files (bot.screening.seed_translations)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.screening.catalog import CatalogError, load_catalog

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _fake_zh(text: str) -> str:
    # Keeps "- " list lines so checklists still match their text, line for line.
    return "\n".join(("- 中" + line[2:]) if line.startswith("- ") else ("中" + line) for line in text.splitlines())


def _with_zh_blocks(seeds: Path) -> None:
    """Give every item of a copy of the seeds a complete zh block (unless the real files already have one)."""
    bank = yaml.safe_load((seeds / "questions.yml").read_text(encoding="utf-8"))
    bank["languages"] = ["en", "zh"]
    for question in bank["questions"]:
        if "zh" in question:
            continue
        block = {"text": {voice: _fake_zh(words) for voice, words in question["text"].items()}, "help": "中" + question["help"]}
        if question.get("terms"):
            block["terms"] = ["中" + str(term) for term in question["terms"]]
        if "unit" in question:
            block["unit"] = "中" + question["unit"]
        if question.get("checklist"):
            block["checklist"] = ["中" + entry["item"].strip() for entry in question["checklist"]]
        if question.get("choices"):
            block["choices"] = {c["id"]: {"label": "中" + c["label"], "synonyms": ["中" + c["id"]]} for c in question["choices"]}
        question["zh"] = block
    (seeds / "questions.yml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in seeds.glob("NCT*.yml"):
        trial = yaml.safe_load(path.read_text(encoding="utf-8"))
        trial["languages"] = ["en", "zh"]
        if "zh" not in trial:
            trial["zh"] = {key: "中" + str(trial[key]) for key in
                           ("short_name", "one_line", "summary", "sponsor", "phase", "status", "condition", "contact")}
            trial["zh"]["arms"] = [{"name": "中" + a["name"], "description": "中" + a["description"]} for a in trial["arms"]]
        for criterion in trial["criteria"]:
            if "zh" not in criterion:
                criterion["zh"] = {"explanation": "中" + criterion["explanation"]}
                if "study_team_reason" in criterion:
                    criterion["zh"]["study_team_reason"] = "中" + criterion["study_team_reason"]
        path.write_text(yaml.safe_dump(trial, allow_unicode=True, sort_keys=False), encoding="utf-8")


@pytest.fixture
def translated_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    _with_zh_blocks(seeds)
    return seeds


def test_a_complete_translation_gives_the_same_catalog_in_chinese(translated_seeds: Path):
    english = load_catalog(translated_seeds)
    chinese = english.in_language("zh")
    assert english.languages == ("en", "zh")
    assert chinese.in_language("en") is english
    assert set(chinese.questions) == set(english.questions)
    age = chinese.questions["age"]
    bank = yaml.safe_load((translated_seeds / "questions.yml").read_text(encoding="utf-8"))
    age_zh = next(question for question in bank["questions"] if question["id"] == "age")["zh"]
    # The file's own zh block (the real translation, or the fixture's stand-in where there is none).
    assert age.text["self"] == age_zh["text"]["self"].strip() and age.unit == age_zh["unit"].strip()
    assert age.text["self"] != english.questions["age"].text["self"]
    assert age.minimum == english.questions["age"].minimum
    for trial_id, trial in english.trials.items():
        translated = chinese.trials[trial_id]
        data = yaml.safe_load((translated_seeds / f"{trial_id}.yml").read_text(encoding="utf-8"))
        assert translated.question_order == trial.question_order
        for original, criterion, item in zip(trial.criteria, translated.criteria, data["criteria"]):
            assert criterion.source == original.source  # the listing's verbatim English stays
            assert criterion.rule is original.rule
            assert criterion.explanation == item["zh"]["explanation"].strip() != original.explanation


def _edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_missing_question_text_names_the_file_the_question_and_the_language(translated_seeds: Path):
    def drop(bank):
        del bank["questions"][1]["zh"]["text"]["caregiver"]

    _edit(translated_seeds / "questions.yml", drop)
    with pytest.raises(CatalogError) as raised:
        load_catalog(translated_seeds)
    message = str(raised.value)
    bank = yaml.safe_load((translated_seeds / "questions.yml").read_text(encoding="utf-8"))
    assert "questions.yml" in message and bank["questions"][1]["id"] in message and "[zh]" in message
    assert "caregiver" in message


def test_a_missing_choice_label_is_refused(translated_seeds: Path):
    def drop(bank):
        question = next(q for q in bank["questions"] if q.get("choices"))
        first = question["choices"][0]["id"]
        del question["zh"]["choices"][first]

    _edit(translated_seeds / "questions.yml", drop)
    with pytest.raises(CatalogError, match=r"choice .*\[zh\] missing translation block"):
        load_catalog(translated_seeds)


def test_a_missing_explanation_names_the_criterion(translated_seeds: Path):
    path = translated_seeds / "NCT06839066.yml"

    def drop(trial):
        del trial["criteria"][3]["zh"]["explanation"]

    _edit(path, drop)
    criterion_id = yaml.safe_load(path.read_text(encoding="utf-8"))["criteria"][3]["id"]
    with pytest.raises(CatalogError, match=rf"NCT06839066.yml: criterion {criterion_id}: \[zh\] missing translation of explanation"):
        load_catalog(translated_seeds)


def test_a_synonym_that_yaml_reads_as_a_boolean_is_refused(translated_seeds: Path):
    def boolean(bank):
        question = next(q for q in bank["questions"] if q.get("choices"))
        question["zh"]["choices"][question["choices"][0]["id"]]["synonyms"] = [False]

    _edit(translated_seeds / "questions.yml", boolean)
    with pytest.raises(CatalogError, match="must be text"):
        load_catalog(translated_seeds)


def test_a_language_is_spoken_only_when_every_file_holds_it(translated_seeds: Path):
    _edit(translated_seeds / "NCT06561607.yml", lambda trial: trial.update(languages=["en"]))
    catalog = load_catalog(translated_seeds)
    assert catalog.languages == ("en",)
    with pytest.raises(KeyError, match="zh"):
        catalog.in_language("zh")


def test_an_unsupported_language_is_refused(translated_seeds: Path):
    _edit(translated_seeds / "questions.yml", lambda bank: bank.update(languages=["en", "fr"]))
    with pytest.raises(CatalogError, match="unsupported language"):
        load_catalog(translated_seeds)
