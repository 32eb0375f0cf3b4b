"""Compare NLU pipelines on held-out messages: accuracy, training time, parse latency.

    .venv/bin/python scripts/compare_pipelines.py [--data tests/nlu/holdout.yml]

Each candidate is trained from data/nlu with pinned random seeds, then scored on
messages that are not in the training data. Prints one line per pipeline. The
figures in the README come from this script.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RASA = str(Path(sys.executable).with_name("rasa"))

FEATURIZERS = [
    {"name": "WhitespaceTokenizer"},
    {"name": "LexicalSyntacticFeaturizer"},
    {"name": "CountVectorsFeaturizer"},
    {"name": "CountVectorsFeaturizer", "analyzer": "char_wb", "min_ngram": 1, "max_ngram": 4},
]
CANDIDATES = {
    "logistic_regression": FEATURIZERS + [{"name": "LogisticRegressionClassifier", "random_state": 42}],
    "diet_100_epochs": FEATURIZERS
    + [{"name": "DIETClassifier", "epochs": 100, "random_seed": 42, "entity_recognition": False,
        "constrain_similarities": True}],
    "diet_50_epochs": FEATURIZERS
    + [{"name": "DIETClassifier", "epochs": 50, "random_seed": 42, "entity_recognition": False,
        "constrain_similarities": True}],
}


def held_out_messages(path: Path):
    for item in yaml.safe_load(path.read_text())["nlu"]:
        for line in item["examples"].splitlines():
            if line.strip().startswith("- "):
                yield line.strip()[2:], item["intent"]


async def parse_latencies_ms(model: Path, texts):
    from rasa.core.agent import Agent

    # Rasa's debug logging prints each parsed message; keep this script's output to its results.
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        agent = Agent.load(str(model))
        latencies = []
        for text in texts:
            start = time.perf_counter()
            await agent.parse_message(text)
            latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def evaluate(name: str, pipeline, data: Path, work: Path) -> dict:
    config = work / f"{name}.yml"
    config.write_text(yaml.safe_dump({"recipe": "default.v1", "language": "en", "pipeline": pipeline, "policies": []}))
    start = time.perf_counter()
    subprocess.run(
        [RASA, "train", "nlu", "--config", str(config), "--nlu", "data/nlu", "--out", str(work),
         "--fixed-model-name", name],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )
    train_seconds = time.perf_counter() - start
    model = work / f"{name}.tar.gz"
    out = work / f"{name}-results"
    subprocess.run(
        [RASA, "test", "nlu", "--nlu", str(data), "--model", str(model), "--out", str(out)],
        cwd=PROJECT_ROOT, check=True, capture_output=True,
    )
    report = json.loads((out / "intent_report.json").read_text())
    texts = [text for text, _ in held_out_messages(data)]
    latencies = sorted(asyncio.run(parse_latencies_ms(model, texts)))
    return {
        "pipeline": name,
        "accuracy": round(report["accuracy"], 3),
        "macro_f1": round(report["macro avg"]["f1-score"], 3),
        "train_s": round(train_seconds, 1),
        "parse_p50_ms": round(statistics.median(latencies), 1),
        "parse_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
        "messages": len(texts),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=PROJECT_ROOT / "tests/nlu/holdout.yml")
    parser.add_argument("--only", nargs="*", default=list(CANDIDATES))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.only:
            print(json.dumps(evaluate(name, CANDIDATES[name], args.data, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
