"""Rules of issue 9g (round 5) for the English reader's choice, number, how-long-ago and voice answers.

Every sentence here was written for this file, worded differently from the answer sets; expected
values come from what each sentence says. Each rule has cases where it must not fire."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.screening.answers import NEVER, NOT_SURE
from tests.understanding.helpers import asked_again, read_at as read, used


# --- voice: a relative who only types is not a caregiver answering; "I am the one with cancer" ----------
@pytest.mark.parametrize("text, expected", [
    ("I am the one with cancer", "self"),
    ("I'm the one who has the tumour", "self"),
    ("I am the one that is ill, my husband is typing", "self"),
    ("me, my wife is typing for me because my hands shake", "self"),
    ("my grandson is reading the questions to me, it's about me", "self"),
    ("answering for me, my daughter just helps me with the phone", "self"),
    # must not fire: the relative is the patient, or the helper helps with answering for someone else
    ("my mum is the one with cancer", "caregiver"),
    ("for my husband, my daughter is helping me type", "caregiver"),
    ("my daughter is typing, it is for her dad", "caregiver"),
    ("my son is helping me answer for my mum", None),
])
def test_voice_typing_helper_and_the_one_with_cancer(reader, text, expected):
    assert reader.read_voice(text) == expected


# --- time: "can't remember exactly" is doubt about the day, not a negation of the event --------------
@pytest.mark.parametrize("text, low, high", [
    ("can't remember exactly, sometime in the summer", 90, 200),
    ("I can't remember the exact date, early October", 55, 70),
    ("don't remember exactly when, around March", 245, 285),
])
def test_cannot_remember_exactly_keeps_the_time(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_chemotherapy", text))
    assert value is not None and low <= value <= high


@pytest.mark.parametrize("text", [
    "can't remember exactly, no chemo but radiation in May",   # a real negation of the thing asked: check
    "can't remember when exactly, not chemo, it was radiotherapy in June",
    "I can't remember, maybe last month",                     # no "exactly": the memory itself is in doubt
])
def test_cannot_remember_with_another_negation_is_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "days_since_chemotherapy", text))


# --- time: "the year" is the year the reply named; the middle of a year is June and July -----------------
@pytest.mark.parametrize("text, low, high", [
    ("joined a study in 2024 and it ended around the middle of the year", 859, 919),
    ("I joined a study in 2023 and came off it at the end of the year", 1072, 1086),
    ("the trial finished in the middle of the year", 129, 189),      # no year named: this one
    ("it ended in the middle of this year", 129, 189),
    ("mid 2025", 494, 554),
])
def test_the_year_is_the_named_one(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_trial_drug", text))
    assert value is not None and low <= value <= high


@pytest.mark.parametrize("text", [
    "started in 2022, stopped in 2024",          # two years: which one answers? Check.
    "from 2021 to 2023",
    "started in 2022, stopped early in the year 2024",
    "in 2022 and 2024, the last one at the end of the year",
])
def test_two_years_named_are_checked(reader, questions, text):
    assert asked_again(read(reader, questions, "days_since_trial_drug", text))
