"""The answer reader's cost per answer (p50 / p95), for every question type.

Reads the generated polarity corpus and a set of typed answers of every type,
several times over, and times each call. The first use of a choice question
trains its small classifier; that one-off cost is reported on its own.
``--language zh`` measures the Chinese reader on the Chinese corpus and answers.

    .venv/bin/python scripts/benchmark_reader.py
    .venv/bin/python scripts/benchmark_reader.py --language zh
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening.catalog import load_questions, load_translated_questions  # noqa: E402
from bot.understanding import reader_for  # noqa: E402
from tests.understanding import polarity_corpus, polarity_corpus_zh  # noqa: E402

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
TYPED_ZH = {
    "age": ["她今年六十七", "六十二岁", "<script>1</script>", "-5", "六七十岁", "我45岁"],
    "chemo_lines": ["没有", "两线", "就一个", "一共用了三个方案"],
    "days_since_chemotherapy": ["大概三周前", "11月10号", "从来没有", "今年3月", "2019年", "去年十月", "她从来没做过化疗",
                                "昨天"],
    "daily_activity": ["能在家做点家务，重活干不了", "几乎整天坐在椅子上", "完全正常", "整天卧床"],
    "her2_result": ["免疫组化 2+，FISH 阴性", "HER2 0", "HER2（1+）"],
    "hr_status": ["ER（+），PR（-）", "三阴性"],
    "other_cancer": ["2015年得过淋巴瘤", "十二年前切过一个黑色素瘤", "没有"],
    "contraception": ["没有，她切了子宫", "愿意"],
}
ROUNDS = 3


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", choices=("en", "zh"), default="en")
    language = parser.parse_args(argv).language
    path = ROOT / "seeds" / "questions.yml"
    questions = load_questions(path) if language == "en" else load_translated_questions(path)[1][language]
    corpus = polarity_corpus.corpus if language == "en" else polarity_corpus_zh.corpus
    typed = TYPED if language == "en" else TYPED_ZH
    reader = reader_for(language)
    today = dt.date(2026, 12, 1)
    started = time.perf_counter()
    reader.read(questions["heart_disease"], "warm up" if language == "en" else "热身", today)
    first_read = (time.perf_counter() - started) * 1000  # loads what the reader needs (jieba's dictionary)
    training = {}
    for question_id in ("daily_activity", "contraception"):
        started = time.perf_counter()
        reader.read(questions[question_id], "warm up" if language == "en" else "热身", today)
        training[question_id] = (time.perf_counter() - started) * 1000
    work = [("heart_disease", sentence) for sentence, _ in corpus()]
    work += [(qid, text) for qid, texts in typed.items() for text in texts]
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
        for question_id, texts in typed.items():
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
    print(f"first answer read (loads the reader's data): {first_read:.0f} ms")
    for question_id, ms in training.items():
        print(f"first use of {question_id} (trains its classifier): {ms:.0f} ms")


if __name__ == "__main__":
    main()
