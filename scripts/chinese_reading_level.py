"""The hardest Chinese texts of the seed files, by plain-Chinese (CLDC) score.

The score is the average sentence length in words plus the HSK level 3+ words
per 100 words (bot/plain_chinese explains how each kind of word counts); above
30 is difficult. Prints the hardest texts (ten by default) with their counts,
and the seed files that do not hold Chinese yet.

    .venv/bin/python scripts/chinese_reading_level.py
    .venv/bin/python scripts/chinese_reading_level.py --top 20 --words
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from bot.plain_chinese import DIFFICULT_ABOVE, read  # noqa: E402
from bot.plain_chinese.seed_texts import chinese_seed_texts  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=PROJECT_ROOT / "seeds")
    parser.add_argument("--top", type=int, default=10, help="how many of the hardest texts to print")
    parser.add_argument("--words", action="store_true", help="also print each text's hard words")
    args = parser.parse_args(argv)
    found = chinese_seed_texts(args.seeds)
    readings = sorted(((read(text), where) for where, text in found.texts), key=lambda item: -item[0].score)
    difficult = sum(reading.difficult for reading, _ in readings)
    print(f"{len(readings)} Chinese texts; {difficult} score above {DIFFICULT_ABOVE} (difficult).")
    if found.untranslated:
        print(f"Not yet in Chinese (not scored): {', '.join(found.untranslated)}")
    print()
    print("| score | words per sentence | HSK 3+ per 100 words | text | where |")
    print("|---:|---:|---:|---|---|")
    for reading, where in readings[: args.top]:
        text = " ".join(reading.text.split())
        print(f"| {reading.score:.1f} | {reading.average_sentence_length:.1f} | {reading.hard_per_100_words:.1f} "
              f"| {text} | {where} |")
        if args.words:
            print(f"|  |  |  | hard: {' '.join(reading.hard_words)} |  |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
