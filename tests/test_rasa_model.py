"""The Rasa side, checked with Rasa's own commands: training data, NLU on
held-out messages, and the story tests."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from tests.e2e.servers import PROJECT_ROOT, RASA, ensure_model

# Held-out messages per language, written blind (by someone who never saw data/nlu); the dev_ sets were used for
# tuning after their one blind scoring.
HOLDOUTS = {
    "en": (PROJECT_ROOT / "tests" / "nlu" / "holdout.yml", 150),
    "zh": (PROJECT_ROOT / "tests" / "nlu" / "holdout_zh.yml", 150),
    # Written for round 3's final measurement, kept unseen until the model was final, scored once (96.1%).
    "zh2": (PROJECT_ROOT / "tests" / "nlu" / "holdout_zh2.yml", 150),
    # Written for round 5's measurement before any tuning, scored once (96.6%).
    "zh3": (PROJECT_ROOT / "tests" / "nlu" / "holdout_zh3.yml", 400),
    # Round 5's English sets: dev_en5 was scored once blind (90.9%), then the first batch of English data was
    # written from its errors; dev_en6, written before that, was scored once after it (93.0%), then the second
    # batch was written from its errors; holdout_en7, written before the second batch, was scored once after it.
    "en5": (PROJECT_ROOT / "tests" / "nlu" / "dev_en5.yml", 400),
    "en6": (PROJECT_ROOT / "tests" / "nlu" / "dev_en6.yml", 400),
    "en7": (PROJECT_ROOT / "tests" / "nlu" / "holdout_en7.yml", 450),
}
# The target is 95% in both languages. English: holdout.yml was scored once, blind, at 95.2% and reads 95.6%
# after round 5's new data. Chinese: holdout_zh.yml was scored once,
# blind, at 93.1% (round 2) and reads 95.4% after round 3's new data; holdout_zh2.yml, round 3's blind set,
# was scored once at 96.1%; holdout_zh3.yml, round 5's, at 96.6%. All are floors against getting worse now.
# English on unseen messages is below the target: holdout_en7's floor is its blind score (92.6%).
MIN_INTENT_ACCURACY = {"en": 0.95, "zh": 0.95, "zh2": 0.95, "zh3": 0.95, "en5": 0.98, "en6": 0.95, "en7": 0.92}


def run_rasa(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([RASA, *args], cwd=PROJECT_ROOT, capture_output=True, text=True)


def examples(path: Path) -> Dict[str, List[str]]:
    found: Dict[str, List[str]] = {}
    for item in yaml.safe_load(path.read_text())["nlu"]:
        lines = [line.strip()[2:] for line in item["examples"].splitlines() if line.strip().startswith("- ")]
        found.setdefault(item["intent"], []).extend(lines)
    return found


def normalised(text: str) -> str:
    """Lower case, annotations as their text ([中文]{...} -> 中文), no end punctuation (English or Chinese)."""
    text = re.sub(r"\[([^\]]*)\]\{[^}]*\}", r"\1", text)
    return re.sub(r"[.!?。！？…~～]+$", "", text.lower().strip())


def test_training_data_is_valid_with_no_warnings():
    result = run_rasa("data", "validate", "--fail-on-warnings")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-3000:]
    assert "UserWarning" not in output, [line for line in output.splitlines() if "UserWarning" in line]


@pytest.mark.parametrize("language", HOLDOUTS)
def test_holdout_messages_are_many_and_not_in_the_training_data(language: str):
    path, minimum = HOLDOUTS[language]
    holdout = examples(path)
    training = {normalised(t) for nlu_file in (PROJECT_ROOT / "data" / "nlu").rglob("*.yml") for ts in examples(nlu_file).values() for t in ts}
    messages = [text for texts in holdout.values() for text in texts]
    assert len(messages) >= minimum
    assert [text for text in messages if normalised(text) in training] == []


@pytest.mark.parametrize("language", HOLDOUTS)
def test_intent_accuracy_on_held_out_messages(language: str, tmp_path: Path):
    model = ensure_model()
    holdout, _ = HOLDOUTS[language]
    result = run_rasa("test", "nlu", "--nlu", str(holdout), "--model", str(model), "--out", str(tmp_path))
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    report = json.loads((tmp_path / "intent_report.json").read_text())
    errors = json.loads((tmp_path / "intent_errors.json").read_text())
    wrong = [(e["text"], e["intent"], e["intent_prediction"]["name"]) for e in errors]
    print(f"{language} held-out intent accuracy: {report['accuracy']:.3f} on {sum(v['support'] for k, v in report.items() if isinstance(v, dict) and k not in ('macro avg', 'weighted avg', 'micro avg'))} messages")
    assert report["accuracy"] >= MIN_INTENT_ACCURACY[language], wrong


def test_story_tests_pass(tmp_path: Path):
    model = ensure_model()
    result = run_rasa(
        "test", "core", "--stories", str(PROJECT_ROOT / "tests" / "stories"), "--model", str(model),
        "--fail-on-prediction-errors", "--out", str(tmp_path),
    )
    failed = (tmp_path / "failed_test_stories.yml").read_text() if (tmp_path / "failed_test_stories.yml").exists() else ""
    assert result.returncode == 0, failed or (result.stdout + result.stderr)[-3000:]
    assert "None of the test stories failed" in failed
