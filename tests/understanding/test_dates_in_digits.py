"""Dates as people write them in digits ("2025.6", "6/2025", "last one 11/24") and a weekday "just gone".

Round 7's English blind set was read with "2025.6" as "in 2025" (its last day) and "2026.7" as today."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.understanding.helpers import ago, days, read_at, used


@pytest.mark.parametrize("text, first_day, last_day", [
    ("neck dissection 2025.6", dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
    ("stopped tamoxifen when it spread, that was 2026.7", dt.date(2026, 7, 1), dt.date(2026, 7, 31)),
    ("operation 2025/06", dt.date(2025, 6, 1), dt.date(2025, 6, 30)),
    ("2024-11, the mastectomy", dt.date(2024, 11, 1), dt.date(2024, 11, 30)),
    ("she had it done 3/2025", dt.date(2025, 3, 1), dt.date(2025, 3, 31)),
])
def test_a_month_and_year_in_digits_is_that_month(reader, questions, text, first_day, last_day):
    reading = read_at(reader, questions, "days_since_major_surgery", text)
    assert ago(last_day) <= days(used(reading)) <= ago(first_day)


@pytest.mark.parametrize("text", ["2027.1", "operation planned 2027/02"])
def test_a_month_to_come_is_no_time_ago(reader, questions, text):
    reading = read_at(reader, questions, "days_since_major_surgery", text)
    assert used(reading) is None


def test_a_full_date_keeps_its_day(reader, questions):
    reading = read_at(reader, questions, "days_since_major_surgery", "2025.6.3")
    assert days(used(reading)) == ago(dt.date(2025, 6, 3))


def test_a_decimal_is_no_month(reader, questions):
    reading = read_at(reader, questions, "days_since_major_surgery", "2.5 years ago")
    assert abs(days(used(reading)) - 2.5 * 365) <= 31



@pytest.mark.parametrize("question, text, date", [
    ("days_since_hormone_therapy", "fulvestrant shot every 4 weeks, last one 11/24", dt.date(2026, 11, 24)),
    ("days_since_immunotherapy", "Last infusion of tislelizumab was 10/30", dt.date(2026, 10, 30)),
    ("days_since_targeted_therapy", "ribociclib stopped 10/15", dt.date(2026, 10, 15)),
    ("days_since_major_surgery", "she had her hip pinned on 11/19 after the fracture", dt.date(2026, 11, 19)),
    ("days_since_chinese_medicine", "Pingxiao capsule until 11/30", dt.date(2026, 11, 30)),
    ("days_since_chemotherapy", "last one 12/20", dt.date(2025, 12, 20)),
    ("days_since_chemotherapy", "last chemo 11/23", dt.date(2026, 11, 23)),  # asked again before round 7
])
def test_a_month_first_date_after_a_word_of_when_is_that_day(reader, questions, question, text, date):
    assert days(used(read_at(reader, questions, question, text))) == ago(date)


@pytest.mark.parametrize("text", [
    "cycle 11/20",  # the 11th of 20
    "pain 11/20",
    "since 11/20",  # a start, not the last time
    "last dose 10/9",  # 9 October in the US, 10 September elsewhere
    "finished 3/11",
])
def test_a_slash_date_that_is_no_date_or_has_two_orders_is_asked_again(reader, questions, text):
    assert used(read_at(reader, questions, "days_since_chemotherapy", text)) is None


@pytest.mark.parametrize("text, back", [("friday just gone", 4), ("monday just gone", 1), ("the tuesday gone", 7)])
def test_a_weekday_just_gone_is_the_last_one(reader, questions, text, back):
    tuesday = dt.date(2026, 12, 8)
    assert days(used(read_at(reader, questions, "days_since_chemotherapy", text, today=tuesday))) == back
