"""A no that keeps one thing back ("No, only a heart attack") is never a plain no when that thing is asked
about: the person may be saying no to the rest of the list, and yes to the one thing. It is checked. A thing
kept back that the question does not ask about, or says not to count, leaves the no as it is. Sentences
written for this file, not taken from the answer sets."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.screening.answers import NO

TODAY = dt.date(2026, 12, 7)

KEEPS_BACK_AN_ASKED_THING = [
    ("heart_disease", "No, only a heart attack"),
    ("heart_disease", "No. Only a heart attack in 2019."),
    ("heart_disease", "no, just angina"),
    ("heart_disease", "nope, only AF"),
    ("heart_disease", "none apart from angina"),
    ("liver_disease", "no, just cirrhosis"),
    ("autoimmune_disease", "no, only psoriasis"),
    ("blood_clot_6_months", "no, only a DVT in October"),
    ("platinum_chemo", "no, only cisplatin"),
    ("anti_her2_therapy", "no, only herceptin"),
    ("chemo_allergy", "no, only a rash from paclitaxel"),
    ("substance_or_psychiatric", "no, only depression"),
]

KEEPS_BACK_SOMETHING_ELSE = [
    ("heart_disease", "no, only high blood pressure"),  # the help says it does not count
    ("liver_disease", "no, only fatty liver"),  # likewise
    ("autoimmune_disease", "no, only an underactive thyroid on pills"),  # likewise
    ("platinum_chemo", "no, only letrozole"),  # not chemotherapy at all
    ("antibody_allergy", "no, only allergic to shrimp"),
    ("metastatic_chemo", "no, only letrozole and palbociclib since it spread"),
]


@pytest.mark.parametrize("question_id,text", KEEPS_BACK_AN_ASKED_THING)
def test_a_no_that_keeps_back_an_asked_thing_is_checked(reader, questions, question_id, text):
    reading = reader.read(questions[question_id], text, TODAY)
    assert reading.value is None or reading.needs_check, (text, reading)


@pytest.mark.parametrize("question_id,text", KEEPS_BACK_SOMETHING_ELSE)
def test_a_no_that_keeps_back_something_not_asked_stays_a_no(reader, questions, question_id, text):
    reading = reader.read(questions[question_id], text, TODAY)
    assert reading.value == NO and not reading.needs_check, (text, reading)
