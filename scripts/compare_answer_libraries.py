"""text2num and dateparser against the home-made rules they replaced.

The old reader (bot/answer_parsing.py at commit 5ff80f9, read from git) and the
new one read the same hand-labelled replies: numbers for a number question,
times for a "how long ago" question. Printed: right / wrong / not read, and
the time per reply.

    .venv/bin/python scripts/compare_answer_libraries.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import subprocess
import sys
import time
import types
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening.answers import NEVER, NOT_SURE, InvalidAnswer  # noqa: E402
from bot.screening.catalog import load_questions  # noqa: E402
from bot.understanding import reader_for  # noqa: E402

OLD_COMMIT = "5ff80f9"
TODAY = dt.date(2026, 12, 1)
# (reply, the age or count it states; None when it states no single number)
NUMBERS = [
    ("she's 67", 67), ("sixty two", 62), ("seventy-one", 71), ("he is eighty five years old", 85), ("I'm 45", 45),
    ("54yo", 54), ("a hundred and one", 101), ("forty", 40), ("ninety nine", 99), ("thirty three", 33),
    ("nineteen", 19), ("my husband is 59", 59), ("twenty five", 25), ("she turned sixty in may", 60),
    ("<script>1</script>", None), ("{{7}}", None), ("-5", None), ("minus five", None), ("60-65", None),
    ("67 or 68", None), ("between 60 and 65", None), ("45, nearly 46", None), ("born in 1958", None),
    ("none", 0), ("two", 2), ("just one", 1), ("twice", 2), ("three lines", 3), ("a few", None),
]
# (reply, days ago; "never"; or None when it states no time)
TIMES = [
    ("about 3 weeks ago", 21), ("2 months ago", 60), ("10 days ago", 10), ("yesterday", 1), ("on 2026-10-01", 61),
    ("15/03/2025", 626), ("10 November", 21), ("the 4th of june", 180), ("six weeks back", 42),
    ("twelve days ago", 12), ("a fortnight ago", 14), ("three weeks ago", 21), ("nov 10th", 21),
    ("November 10, 2026", 21), ("on the 3rd of October", 59), ("5 days ago", 5), ("a month ago", 30),
    ("never", NEVER), ("she has never had radiotherapy", NEVER), ("not once", NEVER),
    ("she may have had some", NOT_SURE), ("not in the last 6 months", 181), ("last tuesday", 7),
    ("a year and a half ago", 548), ("half a year ago", 182), ("she is still on it", 0),
]


def old_module() -> types.ModuleType:
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:bot/answer_parsing.py"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    module = types.ModuleType("old_answer_parsing")
    exec(compile(source, "old_answer_parsing.py", "exec"), module.__dict__)  # noqa: S102 - our own history
    return module


def score(name, cases, read):
    right = wrong = unread = 0
    timings = []
    mistakes = []
    for text, expected in cases:
        started = time.perf_counter()
        try:
            got = read(text)
        except InvalidAnswer:
            got = None
        timings.append((time.perf_counter() - started) * 1000)
        if got is None:
            if expected is None:
                right += 1
            else:
                unread += 1
                mistakes.append(f"not read: {text!r}")
        elif expected is not None and got == (expected if expected in (NEVER, NOT_SURE) else Decimal(expected)):
            right += 1
        else:
            wrong += 1
            mistakes.append(f"wrong: {text!r} -> {got}")
    print(f"  {name:32} right {right:2}/{len(cases)}  wrong {wrong:2}  not read {unread:2}  "
          f"p50 {statistics.median(timings):.2f} ms")
    for mistake in mistakes:
        print(f"      {mistake}")


def main() -> None:
    questions = load_questions(ROOT / "seeds" / "questions.yml")
    old = old_module()
    new = reader_for("en")
    age, count, since = questions["age"], questions["chemo_lines"], questions["days_since_radiotherapy"]

    counts = {"none", "two", "just one", "twice", "three lines", "a few"}  # the rest answer the age question

    def new_number(text):
        return new.read(count if text in counts else age, text, TODAY).value

    def old_number(text):
        return old.parse_answer(count if text in counts else age, text, None, TODAY)

    print("Numbers (age, count):")
    score("before: home-made word rules", NUMBERS, old_number)
    score("now: text2num + number rules", NUMBERS, new_number)
    print("How long ago:")
    score("before: home-made date rules", TIMES, lambda t: old.parse_answer(since, t, None, TODAY))
    score("now: dateparser + time rules", TIMES, lambda t: new.read(since, t, TODAY).value)


if __name__ == "__main__":
    main()
