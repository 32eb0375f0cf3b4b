"""How long a screening takes, and how good the "Question N of about M" estimate is.

Walks every hand-written patient profile (tests/test_profiles.py) one question
at a time through the rules engine, as the chat would, and counts the words the
assistant shows (greeting, the two set-up questions, each question with its
buttons, and the closing summary or exclusion). Time = words read at
READING_WORDS_PER_MINUTE plus ANSWER_SECONDS per answer. It also compares the
first progress estimate ("of about M") with the number of questions really asked.

    .venv/bin/python scripts/screening_time.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
from pathlib import Path


PROJECT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(PROJECT_ROOT))

from bot.screening.answers import normalise_answers  # noqa: E402
from bot.screening.catalog import load_catalog  # noqa: E402
from bot.screening.replies import greeting_message  # noqa: E402
from bot.screening.messages import exclusion_message, question_message, summary_message, trial_choice_message, voice_message  # noqa: E402
from bot.screening.progress import progress  # noqa: E402
from bot.screening.evaluation import Verdict, screen  # noqa: E402
from tests.test_profiles import PROFILES  # noqa: E402

READING_WORDS_PER_MINUTE = 150  # a slow, careful reader: plain text on a phone, often a worried one
ANSWER_SECONDS = 10  # to choose or type an answer
TODAY = dt.date(2026, 11, 22)  # the profiles' "today"


def words(message) -> int:
    return len(message.text.split()) + sum(len(button.title.split()) for button in message.buttons)


def walk(catalog, trial_id, profile):
    trial = catalog.trial(trial_id)
    given = {}
    result = screen(trial, catalog.questions, given, TODAY)
    estimates = []
    count = 0
    while result.next_question is not None:
        estimates.append(progress(result, catalog.questions, normalise_answers(catalog.questions, given, TODAY)).total)
        question = catalog.questions[result.next_question]
        count += words(question_message(question, "self", len(given) + 1))
        given[question.id] = profile[question.id]
        result = screen(trial, catalog.questions, normalise_answers(catalog.questions, given, TODAY), TODAY)
    answers = normalise_answers(catalog.questions, given, TODAY)
    closing = exclusion_message(result, "self") if result.verdict is Verdict.LIKELY_INELIGIBLE else summary_message(
        result, "self", answers, catalog.questions
    )
    return len(given), count + words(closing), estimates, result.verdict


def main() -> None:
    catalog = load_catalog(PROJECT_ROOT / "seeds")
    greeting = greeting_message().text
    setup_words = len(greeting.split()) + words(voice_message()) + words(trial_choice_message(catalog, "self"))
    rows = []
    for row in PROFILES:
        name, trial_id, profile = tuple(getattr(row, "values", row))[:3]
        asked, count, estimates, verdict = walk(catalog, trial_id, profile)
        total_words = setup_words + count
        minutes = total_words / READING_WORDS_PER_MINUTE + (asked + 2) * ANSWER_SECONDS / 60
        rows.append((name, trial_id, asked, estimates, total_words, minutes, verdict))
    print(f"{'profile':40} {'questions':>9} {'first estimate':>14} {'words':>6} {'minutes':>7}")
    for name, _, asked, estimates, total_words, minutes, _ in rows:
        print(f"{name:40} {asked:9d} {estimates[0]:14d} {total_words:6d} {minutes:7.1f}")
    for trial_id in sorted({r[1] for r in rows}):
        mine = [r for r in rows if r[1] == trial_id]
        print(
            f"{trial_id}: {len(mine)} profiles; questions median {statistics.median(r[2] for r in mine):.0f} "
            f"(range {min(r[2] for r in mine)}-{max(r[2] for r in mine)}); minutes median "
            f"{statistics.median(r[5] for r in mine):.1f}, longest {max(r[5] for r in mine):.1f}"
        )
    # An exclusion ends the questions early by design; the estimate is for reaching the end.
    finished = [r for r in rows if r[6] is not Verdict.LIKELY_INELIGIBLE]
    errors = [abs(estimate - r[2]) for r in finished for estimate in r[3]]
    print(f"'of about M' at every question of the {len(finished)} profiles that reach the summary: "
          f"off by {statistics.mean(errors):.1f} questions on average, at most {max(errors)}; "
          f"exact or within 2 at {sum(e <= 2 for e in errors)} of {len(errors)} questions")


if __name__ == "__main__":
    main()
