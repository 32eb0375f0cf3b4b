"""The pipeline's rules: moves allowed, working days, overdue (expected values worked out by hand)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.settings import StaffSettings
from bot.staff.pipeline import Pipeline, next_statuses, working_days_after

D = dt.date


@pytest.mark.parametrize("start, end, expected", [
    (D(2026, 11, 30), D(2026, 11, 30), 0),   # Monday, same day
    (D(2026, 11, 30), D(2026, 12, 2), 2),    # Monday -> Wednesday: Tue, Wed
    (D(2026, 11, 30), D(2026, 12, 3), 3),    # -> Thursday
    (D(2026, 12, 4), D(2026, 12, 7), 1),     # Friday -> Monday: the weekend does not count
    (D(2026, 12, 5), D(2026, 12, 6), 0),     # Saturday -> Sunday
    (D(2026, 11, 30), D(2026, 12, 14), 10),  # two weeks
    (D(2026, 12, 14), D(2026, 11, 30), 0),   # backwards
])
def test_working_days(start, end, expected):
    assert working_days_after(start, end) == expected


def test_holidays_are_not_working_days():
    assert working_days_after(D(2026, 9, 30), D(2026, 10, 2), (D(2026, 10, 1), D(2026, 10, 2))) == 0
    assert working_days_after(D(2026, 9, 30), D(2026, 10, 5), (D(2026, 10, 1),)) == 2  # Fri 2, Mon 5


def at(day: int, hour: int = 9) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, tzinfo=dt.timezone.utc) if day <= 30 else \
        dt.datetime(2026, 12, day - 30, hour, tzinfo=dt.timezone.utc)


def test_a_request_from_monday_is_overdue_on_thursday_with_two_working_days():
    pipeline = Pipeline(StaffSettings(overdue_working_days=2))
    monday = at(30)
    assert not pipeline.is_overdue("new", monday, at(32, 23))       # Wednesday evening
    assert pipeline.is_overdue("new", monday, at(33, 0))            # Thursday
    assert pipeline.is_overdue("notified", monday, at(33))
    assert not pipeline.is_overdue("contacted", monday, at(40))     # contacted: never overdue


def test_days_are_counted_in_the_study_teams_time_zone():
    shanghai = Pipeline(StaffSettings(overdue_working_days=2, timezone="Asia/Shanghai"))
    # Sunday 17:00 UTC is Monday 01:00 in Shanghai: Thursday there is the first overdue day.
    sunday_evening_utc = at(29, 17)
    assert not shanghai.is_overdue("new", sunday_evening_utc, at(32, 15))  # Wednesday 23:00 in Shanghai
    assert shanghai.is_overdue("new", sunday_evening_utc, at(32, 16))      # Thursday 00:00 in Shanghai


def test_moves_allowed():
    assert next_statuses("new") == ("contacted", "call_done", "visit_booked", "consented", "not_eligible",
                                    "not_reached", "withdrew")
    assert next_statuses("visit_booked") == ("consented", "not_eligible", "not_reached", "withdrew")
    assert next_statuses("consented") == ()
    assert next_statuses("not_reached") == ("contacted",)
    pipeline = Pipeline(StaffSettings())
    with pytest.raises(ValueError, match='A request that is "Visit booked" cannot move to "Contacted"'):
        pipeline.check_move("visit_booked", "contacted", None)
    with pytest.raises(ValueError, match="Say why the person is not eligible"):
        pipeline.check_move("contacted", "not_eligible", "  ")
    pipeline.check_move("contacted", "not_eligible", "NPC-E05")
