"""Compare dialogue policies on the story tests: correct actions, training time.

    .venv/bin/python scripts/compare_policies.py

Trains the dialogue part only (the NLU pipeline of config.yml is kept) for each
candidate, then runs `rasa test core` on tests/stories. Prints one line each.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).with_name("rasa"))

RULES = [
    {"name": "MemoizationPolicy"},
    {"name": "RulePolicy", "core_fallback_threshold": 0.3, "core_fallback_action_name": "action_default_fallback",
     "enable_fallback_prediction": True},
]
CANDIDATES = {
    "rules_and_memoization": RULES,
    "rules_memoization_ted": RULES + [{"name": "TEDPolicy", "max_history": 5, "epochs": 50, "random_seed": 42}],
}


def evaluate(name: str, policies, work: Path) -> dict:
    config = yaml.safe_load((PROJECT_ROOT / "config.yml").read_text())
    config["policies"] = policies
    config_path = work / f"{name}.yml"
    config_path.write_text(yaml.safe_dump(config))
    start = time.perf_counter()
    subprocess.run(
        [RASA, "train", "--config", str(config_path), "--out", str(work), "--fixed-model-name", name],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )
    train_seconds = time.perf_counter() - start
    out = work / f"{name}-results"
    subprocess.run(
        [RASA, "test", "core", "--stories", "tests/stories", "--model", str(work / f"{name}.tar.gz"), "--out", str(out)],
        cwd=PROJECT_ROOT, capture_output=True,
    )
    report = json.loads((out / "story_report.json").read_text())
    failed = (out / "failed_test_stories.yml").read_text()
    return {
        "policies": name,
        "action_accuracy": round(report["accuracy"], 3),
        "stories_failed": failed.count("- story:"),
        "train_s": round(train_seconds, 1),
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for name, policies in CANDIDATES.items():
            print(json.dumps(evaluate(name, policies, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
