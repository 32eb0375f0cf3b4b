"""The answer reader's cost per answer (p50 / p95), for every question type.

Reads the generated polarity corpus and a set of typed answers of every type,
several times over, and times each call. The first use of a choice question
trains its small classifier; that one-off cost is reported on its own.

    .venv/bin/python scripts/benchmark_reader.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening.catalog import load_questions  # noqa: E402
from bot.understanding import reader_for  # noqa: E402
from tests.understanding.polarity_corpus import corpus  # noqa: E402

TYPED = {
    "age": ["she's 67", "sixty two", "<script>1</script>", "-5", "60-65", "I am 45 years old"],
    "chemo_lines": ["none", "two", "just one", "3 lines of chemo"],
    "days_since_chemotherapy": ["about 3 weeks ago", "10 November", "never", "in March", "back in 2019",
                                "his last dose was on the 4th of june", "she's never had chemo", "yesterday"],
    "daily_activity": ["she potters about the house but can't do heavy work", "sits in his armchair nearly all day",
                       "fully active", "completely bedridden"],
    "her2_result": ["IHC 2+, FISH not amplified", "HER2 0", "score of 1+"],
    "hr_status": ["ER+ PR-", "triple negative"],
    "other_cancer": ["lymphoma back in 2015", "a melanoma removed twelve years ago", "no"],
    "contraception": ["no, she had a hysterectomy", "yes we would"],
}
ROUNDS = 3


def main() -> None:
    questions = load_questions(ROOT / "seeds" / "questions.yml")
    reader = reader_for("en")
    today = dt.date(2026, 12, 1)
    training = {}
    for question_id in ("daily_activity", "contraception"):
        started = time.perf_counter()
        reader.read(questions[question_id], "warm up", today)
        training[question_id] = (time.perf_counter() - started) * 1000
    work = [("heart_disease", sentence) for sentence, _ in corpus()]
    work += [(qid, text) for qid, texts in TYPED.items() for text in texts]
    timings = []
    for _ in range(ROUNDS):
        for question_id, text in work:
            started = time.perf_counter()
            reader.read(questions[question_id], text, today)
            timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95)]
    typed_only = []
    for _ in range(ROUNDS * 20):
        for question_id, texts in TYPED.items():
            for text in texts:
                started = time.perf_counter()
                reader.read(questions[question_id], text, today)
                typed_only.append((time.perf_counter() - started) * 1000)
    typed_only.sort()
    print(f"answers read: {len(timings)} ({len(work)} different, {ROUNDS} rounds)")
    print(f"all answers: p50 {p50:.2f} ms, p95 {p95:.2f} ms, max {timings[-1]:.2f} ms")
    print(
        f"numbers, times and choices only: p50 {statistics.median(typed_only):.2f} ms, "
        f"p95 {typed_only[int(len(typed_only) * 0.95)]:.2f} ms"
    )
    for question_id, ms in training.items():
        print(f"first use of {question_id} (trains its classifier): {ms:.0f} ms")


if __name__ == "__main__":
    main()
