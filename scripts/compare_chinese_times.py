"""dateparser against the Chinese reader's own time parser, on Chinese "how long ago" replies.

Both read the same hand-labelled replies (written for this comparison, not the
blind set); a reading is right when its days ago fall inside the labelled
range. Printed: right / wrong / not read for each, the replies where they
differ, and the time per reply.

    .venv/bin/python scripts/compare_chinese_times.py
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from pathlib import Path
from typing import Callable, List, Optional, Tuple

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dateparser  # noqa: E402

from bot.understanding.chinese.text import normalise  # noqa: E402
from bot.understanding.chinese.times import read_time  # noqa: E402

TODAY = dt.date(2026, 12, 1)
# (reply, fewest days ago, most days ago): the range a careful reader takes from it.
REPLIES: List[Tuple[str, int, int]] = [
    ("三周前", 18, 24), ("3周前", 18, 24), ("两个月前", 54, 66), ("2个月前", 54, 66), ("半年前", 165, 200),
    ("上周", 2, 13), ("上个星期", 2, 13), ("昨天", 1, 1), ("前天", 2, 2), ("去年十月", 396, 426),
    ("11月10号", 21, 21), ("11月10日", 21, 21), ("2026年10月1日", 61, 61), ("2026-10-01", 61, 61),
    ("十天前", 9, 11), ("10天前", 9, 11), ("一年前", 330, 400), ("两年前", 690, 770), ("上个月", 1, 30),
    ("去年", 335, 699), ("2019年", 2527, 2891), ("五年前", 1700, 1950), ("三个月前", 81, 99),
    ("一个半月前", 40, 50), ("一年半以前", 500, 600), ("上周三", 6, 6), ("今年3月", 245, 275), ("十月底", 31, 41),
    ("两周前", 12, 16), ("三天前", 3, 3), ("四个礼拜前", 25, 31), ("前年", 700, 1065), ("十月份", 31, 61),
]


def with_dateparser(text: str) -> Optional[int]:
    settings = {
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
        "RELATIVE_BASE": dt.datetime.combine(TODAY, dt.time(12)),
    }
    parsed = dateparser.parse(text, languages=["zh"], settings=settings)
    return None if parsed is None else (TODAY - parsed.date()).days


def with_reader(text: str) -> Optional[int]:
    reading = read_time(normalise(text), TODAY)
    return None if reading is None else reading.days


def measure(name: str, parse: Callable[[str], Optional[int]]) -> dict:
    right = wrong = unread = 0
    timings, readings = [], {}
    for text, low, high in REPLIES:
        started = time.perf_counter()
        days = parse(text)
        timings.append((time.perf_counter() - started) * 1000)
        readings[text] = days
        if days is None:
            unread += 1
        elif low <= days <= high:
            right += 1
        else:
            wrong += 1
    print(f"{name:>20}: right {right}, wrong {wrong}, not read {unread} of {len(REPLIES)}; "
          f"median {statistics.median(timings):.2f} ms per reply")
    return readings


def main() -> None:
    with_dateparser("热身")  # dateparser loads its language data on first use
    library = measure("dateparser 1.2.0", with_dateparser)
    own = measure("the Chinese reader", with_reader)
    print("\nWhere they differ (days ago; the labelled range):")
    for text, low, high in REPLIES:
        if library[text] != own[text]:
            print(f"  {text}: dateparser {library[text]}, reader {own[text]}  ({low}-{high})")


if __name__ == "__main__":
    main()
