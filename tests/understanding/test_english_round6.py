"""Round 6 (issue 9i): families the development set blind8.yml showed in the English reader.

Every sentence here was written for this file, worded differently from the answer sets; expected
values come from what each sentence says. Dates count back from Monday 7 December 2026. Each rule
has cases where it must not fire: a wrong reading is far worse than a question asked again."""

from __future__ import annotations

import pytest

from tests.understanding.helpers import asked_again, read_at as read, used


# --- a day and month with no year: "20/11" ------------------------------------------------------------
@pytest.mark.parametrize("question, text, expected", [
    ("days_since_chemotherapy", "final infusion was on 30/11", 7),
    ("days_since_chemotherapy", "had the last dose 18/11", 19),
    ("last_treatment_days", "radiation finished 14/10", 54),
    ("days_since_steroids", "stopped the prednisolone 21/11", 16),
    ("days_since_minor_surgery", "port put in 13/11", 24),
    ("days_since_chemotherapy", "last one 15/12", 357),   # still to come this year: last year's
])
def test_day_and_month_without_a_year(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "last chemo 4/11"),        # 4 November or 11 April: the order is not plain
    ("days_since_chemotherapy", "on cycle 3/6 now"),       # the third cycle of six
    ("days_since_steroids", "on dexamethasone 24/7"),      # all the time
    ("days_since_chemotherapy", "pain is 7/10 since the chemo"),
])
def test_day_and_month_not_read_when_it_may_be_something_else(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


# --- counting chemotherapy plans from a story ----------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("one back in 2020, then a different one in 2024 after it spread", 2),
    ("carboplatin first, then docetaxel when it grew, then a new one this year", 3),
    ("TPF at the start, then another one when the cancer returned", 2),
    ("two, I forget which ones", 2),
    ("cisplatin first, then capecitabine when it spread, then one more, I forget which", 3),
    ("gemcitabine, then one more after that", 2),
    ("4, the first one was FOLFOX", 4),                # "the first one" names a plan, it is no count
])
def test_chemo_plans_counted_from_a_story(reader, questions, text, expected):
    assert used(read(reader, questions, "chemo_lines", text)) == expected


@pytest.mark.parametrize("text", [
    "one in 2021, then a new one is planned for January",          # still to come: not had
    "one in 2021, then radiotherapy when it came back",            # the second part is no chemo plan
    "one in 2021, then the same again in 2023",                    # the same plan given again
    "cisplatin, then maybe another one, I can't remember which",
    "not sure how many, I forget the names",
])
def test_chemo_story_not_counted_past_what_it_says(reader, questions, text):
    value = used(read(reader, questions, "chemo_lines", text))
    assert value is None or value == 1 or value == "not_sure"


# --- a yes, then a negation that describes what the yes is about ---------------------------------------
@pytest.mark.parametrize("question, text", [
    ("progression_on_scan", "yes, it grew again after he stopped the capecitabine"),            # when: not a no
    ("active_brain_metastases", "yes, two spots in the brain, the doctors have not treated them yet"),
    ("other_cancer_early_treated", "yes, a small melanoma cut out, nothing after"),               # nothing more needed
    ("heart_or_stroke_uncontrolled", "yes, an irregular heartbeat which the pills can't control"),  # which heartbeat
    ("meningeal_or_active_brain_spread", "yes, the MRI detected it in the lining two weeks ago"),   # when it was found
])
def test_yes_with_a_describing_negation(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == "yes"


@pytest.mark.parametrize("question, text", [
    ("progression_on_scan", "yes, she hasn't"),                                    # a contradiction
    ("other_cancer_early_treated", "yes, but they haven't treated it yet"),        # the question asks about treating
    ("other_cancer_early_treated", "yes, not treated after"),
    ("progression_on_scan", "after she stopped the tablets"),                      # no yes said
])
def test_yes_with_a_negation_that_answers_is_asked_again(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


def test_a_no_about_a_time_after_stopping_stays_a_no(reader, questions):
    assert read(reader, questions, "progression_on_scan", "no, it did not grow after she stopped the tablets").value == "no"


# --- a thing seen, "don't know what it is": whether it is the thing asked is not known --------------------
@pytest.mark.parametrize("text", [
    "the CT showed a patch on the lung, not sure what it is",
    "they saw a spot on his lung, we don't know what it is yet",
])
def test_a_thing_of_unknown_kind_is_checked(reader, questions, text):
    assert used(read(reader, questions, "current_lung_inflammation", text)) in (None, "not_sure")


# --- voice: what families call their elders, "a friend of mine", a relative who set up the phone -----------
@pytest.mark.parametrize("text, expected", [
    ("for ah gong", "caregiver"),
    ("answering for my lola", "caregiver"),
    ("on behalf of po po", "caregiver"),
    ("for grandpa", "caregiver"),
    ("a cousin of mine, I'm helping her", "caregiver"),
    ("it's me, my grandson set up the phone for me", "self"),
    # must not fire
    ("for me", "self"),
    ("a friend of mine set up the phone for me", None),        # whose answers? not said
    ("my daughter set up the app, it's about her", None),
])
def test_voice_local_kin_and_phone_helpers(reader, text, expected):
    assert reader.read_voice(text) == expected
