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
    ("I'm the one who was diagnosed", "self"),
    ("I am the one that is ill, my husband is typing", "self"),
    ("me, my wife is typing for me because my hands shake", "self"),
    ("my grandson is reading the questions to me, it's about me", "self"),
    ("answering for me, my daughter just helps me with the phone", "self"),
    ("I have nasopharyngeal cancer", "self"),
    ("I was diagnosed in the spring", "self"),
    ("answering as the patient", "self"),
    ("I got diagnosed in March, my wife is helping me with this", "self"),
    ("I have cancer, my son is helping me", "self"),
    # must not fire: the relative is the patient, or the helper helps with answering for someone else
    ("my mum is the one with cancer", "caregiver"),
    ("for my husband, my daughter is helping me type", "caregiver"),
    ("my daughter is typing, it is for her dad", "caregiver"),
    ("my son is helping me answer for my mum", None),
    ("I have a daughter with cancer", None),
    ("I have a son who has cancer", None),
    ("answering as the patient's wife", None),
    ("my husband had cancer, I'm answering for him", "caregiver"),
    ("I had cancer before but this is for my mum", None),
    ("my son is helping me with this, it's for his grandmother", None),
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


# --- HER2: a score in words, the ISH result a few words after the test, a 2+ that was called positive or low
@pytest.mark.parametrize("text, expected", [
    ("score of one", "ihc_1"),
    ("it scored three", "ihc_3"),
    ("the score was two and FISH negative", "ihc_2_ish_negative"),
    ("2+, then the FISH test they sent off came back positive", "ihc_2_ish_positive"),
    ("2+ and the FISH test they did afterwards was negative", "ihc_2_ish_negative"),
    ("her score was 2+ so they called it HER2 positive", "ihc_2_ish_positive"),
    ("2+, which they called HER2 low", "ihc_2_ish_negative"),
    ("not HER2 positive, it was 1+", "ihc_1"),
])
def test_her2_in_words(reader, questions, text, expected):
    assert used(read(reader, questions, "her2_result", text)) == expected


@pytest.mark.parametrize("text", [
    "2+, FISH not done, ER came back positive",               # the "positive" is another test's
    "she had a score of one out of three",                     # not a HER2 score
    "2+ but not her2 positive",                                # denied: nothing guessed
    "2+ fish pending, they said it might be her2 positive",    # a guess: checked
    "HER2 low",                                                # 1+ or 2+: which one?
    "HER2 positive, she was given herceptin",                  # 3+ or 2+ with a positive ISH: which one?
])
def test_her2_in_words_not_guessed(reader, questions, text):
    assert asked_again(read(reader, questions, "her2_result", text))


# --- hormone receptors: "not the hormone kind" is negative, "the hormone type" positive ----------------
@pytest.mark.parametrize("text, expected", [
    ("the oncologist said it's not the hormone kind", "negative"),
    ("it isn't a hormonal one", "negative"),
    ("her cancer is not the hormone type", "negative"),
    ("it's the hormone kind", "positive"),
    ("they told us it is the hormone type, not HER2", "positive"),
    ("not sure if it's the hormone kind", NOT_SURE),
])
def test_hormone_kind(reader, questions, text, expected):
    assert used(read(reader, questions, "hr_status", text)) == expected


def test_hormone_kind_with_a_hedge_is_checked(reader, questions):
    assert asked_again(read(reader, questions, "hr_status", "not the hormone kind I think"))


# --- daily life: active retirees, and lying down more than up (examples and synonyms in seeds) ---------
@pytest.mark.parametrize("text, expected", [
    ("dad is retired, goes fishing and mows the lawn, no problems at all", "fully_active"),
    ("retired but I cycle every morning and babysit the grandchildren", "fully_active"),
    ("he can dress himself but he is lying down more than he is up", "mostly_resting"),
    ("she can get to the bathroom but she lies down more than she's up", "mostly_resting"),
    ("retired, walks to the shops but can't do heavy gardening any more", "light_work"),
    ("he has not got out of bed for days", "bed_bound"),
    ("he stays in bed apart from going to the bathroom", "mostly_resting"),
])
def test_daily_life_descriptions(reader, questions, text, expected):
    assert used(read(reader, questions, "daily_activity", text)) == expected


@pytest.mark.parametrize("text, wrong", [
    ("he is in bed more than he used to be but still does the housework", "mostly_resting"),
    ("she is up more than she lies down, looks after herself but can't work", "mostly_resting"),
])
def test_more_than_up_is_not_any_comparison(reader, questions, text, wrong):
    assert used(read(reader, questions, "daily_activity", text)) != wrong


# --- earlier cancer: "in my 30s, I'm 65 now" is a decade of ages, counted back from the age now ----------
@pytest.mark.parametrize("text, expected", [
    ("a long time ago, in my 30s. I'm 65 now", "over_5_years"),
    ("thyroid cancer in her 40s, she is 58 now", "over_5_years"),
    ("cervical cancer in her late thirties, she is 70 now", "over_5_years"),
])
def test_decade_of_age_then(reader, questions, text, expected):
    assert used(read(reader, questions, "other_cancer", text)) == expected


@pytest.mark.parametrize("text", [
    "a melanoma in his late 50s, he is 63 now",   # 4 to 8 years: either side of 5
    "breast cancer in my 30s, I'm 40 now",         # 1 to 11 years
    "in my twenties, I'm 24 now",
    "in her 20s",                                   # no age now
])
def test_decade_of_age_across_a_band_is_asked(reader, questions, text):
    assert asked_again(read(reader, questions, "other_cancer", text))


# --- treatment plans told as a story -------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a total said at the end wins over the numbers of the story
    ("cisplatin twice and then 2 more plans, so 3 in total", 3),
    ("two at first and another one later, so 3 altogether", 3),
    ("4 cycles, then 6 cycles, 2 in total", 2),
    ("gem-cis when it started, capecitabine this year. 2", 2),
    # the cycles of one plan
    ("he had 8 rounds but it was all the same drugs", 1),
    ("12 rounds of the same chemo", 1),
    ("she's had 6 cycles of the same two drugs", 1),
    # once ... and again ...
    ("once at the start in 2021 and again last year when it grew", 2),
    ("once in 2019, again in 2021 and again this year", 3),
    # parts that each name a chemo, the later ones new
    ("chemo with the radiation at first, then a different chemo when it came back, now another chemo", 3),
    ("she had chemo at diagnosis, then a new chemo when it spread to her liver", 2),
    # "not once" is none
    ("not once, never", 0),
])
def test_plans_told_as_a_story(reader, questions, text, expected):
    assert used(read(reader, questions, "chemo_lines", text)) == Decimal(expected)


@pytest.mark.parametrize("text", [
    "8 cycles in total",                                  # cycles, not plans
    "6 cycles, not the same drugs each time",
    "once a week for 6 weeks, and again in 2023",         # how often, not how many plans
    "one plan, one drug",
    "chemo at diagnosis, then more chemo",                # "more" may be the same plan
    "chemo with radiation, then surgery, then new chemo when it spread",   # surgery is no chemo plan
    "3 plans, the first one failed after 2 months. 2",    # a count in the story and another at the end
])
def test_stories_that_are_not_counted(reader, questions, text):
    assert asked_again(read(reader, questions, "chemo_lines", text))


def test_an_unsure_total_is_not_sure(reader, questions):
    assert used(read(reader, questions, "chemo_lines", "2 or 3, so 3 in total maybe")) == NOT_SURE


def test_once_and_radiation_again_counts_the_chemo_once(reader, questions):
    assert used(read(reader, questions, "chemo_lines", "chemo once, and radiation again in 2023")) == Decimal(1)


# --- time: a question mark after a rough time is its tone, not a question back ----------------------------
@pytest.mark.parametrize("question_id, text, low, high", [
    ("days_since_chinese_medicine", "she has it now and then, the last was maybe 2 weeks ago?", 10, 21),
    ("days_since_chemotherapy", "3 weeks ago?", 18, 24),
    ("days_since_chemotherapy", "about a month ago I think?", 25, 35),
])
def test_a_rough_time_with_a_question_mark(reader, questions, question_id, text, low, high):
    value = used(read(reader, questions, question_id, text))
    assert value is not None and low <= value <= high


@pytest.mark.parametrize("question_id, text", [
    ("days_since_chemotherapy", "in March, or was it April?"),
    ("days_since_chemotherapy", "2 months ago, does that count?"),
    ("days_since_major_surgery", "a port went in last week, does that count?"),
    ("days_since_chemotherapy", "was it 2 weeks ago?"),
    ("days_since_chemotherapy", "2 weeks ago? what's chemo"),
])
def test_a_question_back_about_a_time_is_checked(reader, questions, question_id, text):
    assert asked_again(read(reader, questions, question_id, text))


# --- time: someone else's event, and the one asked about denied, is never -------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_live_vaccine", "my son got the MMR last month, not me"),
    ("days_since_live_vaccine", "her grandson had the chickenpox jab in June, not her"),
    ("days_since_live_vaccine", "my husband had the shingles jab last week but I didn't"),
    ("days_since_iv_antibiotics", "my mum had a drip last week, not me"),
])
def test_someone_elses_event_is_never(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NEVER


@pytest.mark.parametrize("question_id, text", [
    ("days_since_live_vaccine", "my daughter got the chickenpox vaccine last month and I had one too"),
    ("days_since_live_vaccine", "not me, my wife had it in 2019 and I had mine in 2020"),
    ("days_since_live_vaccine", "my son and I both had it in May"),
    ("days_since_live_vaccine", "I had the yellow fever vaccine in 2015, not my daughter"),
    ("days_since_live_vaccine", "not her daughter, her: she had the MMR in June"),
    ("days_since_live_vaccine", "not my son, me, last month"),
])
def test_someone_elses_event_with_the_persons_own_is_not_never(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) != NEVER


# --- time: two events in one sentence, one of them what the question says not to count -------------------
@pytest.mark.parametrize("question_id, text, low, high", [
    ("days_since_surgery_biopsy_injury", "a mastectomy in 2022, and a needle biopsy last week", 1437, 1802),
    ("days_since_surgery_biopsy_injury", "a needle biopsy 5 days ago and an operation in 2021", 1802, 2167),
    ("days_since_surgery_biopsy_injury", "lumpectomy in March but a core needle biopsy 10 days ago", 250, 282),
    ("days_since_radiotherapy", "a short course to the bone for pain last week, and the real radiotherapy in 2023", 1072, 1437),
])
def test_the_event_that_counts_answers(reader, questions, question_id, text, low, high):
    value = used(read(reader, questions, question_id, text))
    assert value is not None and low <= value <= high


@pytest.mark.parametrize("question_id, text", [
    ("days_since_surgery_biopsy_injury", "broke my wrist in 2022 and had a mastectomy in 2024"),   # both count: which?
    ("days_since_chemotherapy", "chemo in 2021 and radiotherapy last month"),
    ("days_since_surgery_biopsy_injury", "a needle biopsy last week, sorry, I mean an operation in 2021 and a fall in May"),
])
def test_two_events_that_both_may_count_are_checked(reader, questions, question_id, text):
    assert asked_again(read(reader, questions, question_id, text))


# --- time: what was taken was not for the cancer, where the question counts only what treats it ------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_chinese_medicine", "just some ginseng tea for tiredness, not for the cancer"),
    ("days_since_chinese_medicine", "she drinks herbal soup for her sleep, nothing for the cancer"),
    ("days_since_chinese_medicine", "herbs for his stomach, not to treat the cancer"),
    ("days_since_chinese_medicine", "herbal tea last week, not for the cancer"),   # the time is of what does not count
])
def test_not_for_the_cancer_is_never(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == NEVER


@pytest.mark.parametrize("question_id, text", [
    ("days_since_chinese_medicine", "not for the cancer at first, but she took herbs for the cancer last month"),
    ("days_since_chinese_medicine", "herbs for the cancer, not for her sleep"),
    ("days_since_trial_drug", "a diabetes study, not for cancer"),   # the question has no "for the cancer" to deny
])
def test_for_the_cancer_named_too_is_not_never_by_this_rule(reader, questions, question_id, text):
    assert read(reader, questions, question_id, text).echo != "never (not for the cancer)"


@pytest.mark.parametrize("text, low", [("not for 6 months", 181), ("no chemo for the last 3 months", 91)])
def test_not_for_a_stretch_of_time_is_still_a_time(reader, questions, text, low):
    value = used(read(reader, questions, "days_since_chemotherapy", text))
    assert value is not None and value >= low


# --- time: a start time with the thing still going on is today ----------------------------------------------
@pytest.mark.parametrize("question_id, text", [
    ("days_since_hormone_therapy", "on tamoxifen since 2020, still on it now"),
    ("days_since_hormone_therapy", "started letrozole in 2022 and still taking it"),
    ("days_since_hormone_therapy", "changed from letrozole to exemestane in spring and she is still on it"),
    ("days_since_hormone_therapy", "been taking anastrozole since 2023"),
    ("days_since_hormone_therapy", "since 2021"),
    ("days_since_steroids", "on dexamethasone since the scan last week"),
])
def test_still_going_on_since_a_time_is_today(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) == Decimal(0)


@pytest.mark.parametrize("question_id, text", [
    ("days_since_hormone_therapy", "not since 2021"),
    ("days_since_hormone_therapy", "stopped in 2023, nothing since"),
    ("days_since_chemotherapy", "last chemo in May and nothing since"),
    ("days_since_chemotherapy", "still having the side effects, last chemo in October"),
    ("days_since_hormone_therapy", "been on tamoxifen since 2019 but stopped it in June"),
    ("days_since_hormone_therapy", "since it spread in 2024 she has had no hormone pills"),
])
def test_a_time_that_stopped_is_not_today(reader, questions, question_id, text):
    assert used(read(reader, questions, question_id, text)) != Decimal(0)


# --- seed help: antibiotic tablets or pills do not count for "antibiotics through a drip" ----------------
@pytest.mark.parametrize("text", ["only tablets", "just antibiotic tablets last month", "never, only pills"])
def test_antibiotic_tablets_are_never_a_drip(reader, questions, text):
    assert used(read(reader, questions, "days_since_iv_antibiotics", text)) == NEVER


@pytest.mark.parametrize("text", ["tablets at first, then a drip in hospital last week", "IV antibiotics last week"])
def test_a_drip_named_with_tablets_still_counts(reader, questions, text):
    assert used(read(reader, questions, "days_since_iv_antibiotics", text)) != NEVER


# --- time: a start and then the stop of the same thing ("came off it"): the stop answers -------------------
@pytest.mark.parametrize("question_id, text, low, high", [
    # was asked again after the second blind run (it read the start); the stop of "it" answers
    ("days_since_trial_drug", "She joined a trial in 2022 and came off it in 2023.", 1072, 1437),
    ("days_since_hormone_therapy", "started letrozole in 2022 and stopped it in 2024", 706, 1071),
    ("days_since_chemotherapy", "started chemo in May then stopped it 3 weeks ago", 18, 24),
    ("days_since_trial_drug", "signed up for a study in 2021 and the study ended in 2023", 1072, 1437),
])
def test_the_stop_of_what_began_answers(reader, questions, question_id, text, low, high):
    value = used(read(reader, questions, question_id, text))
    assert value is not None and low <= value <= high


@pytest.mark.parametrize("question_id, text", [
    ("days_since_hormone_therapy", "stopped the tamoxifen in March and started letrozole in April"),  # another drug began
    ("days_since_hormone_therapy", "started letrozole in 2024 and stopped it in 2022"),               # out of order
    ("days_since_trial_drug", "enrolled in March 2025 and the study ended in August"),               # which August?
    ("days_since_trial_drug", "started in 2022, stopped in 2024"),                                   # stopped what?
])
def test_a_start_and_a_stop_that_do_not_fit_are_checked(reader, questions, question_id, text):
    assert asked_again(read(reader, questions, question_id, text))


# --- time: "last dose Saturday", "the last tablet was Friday" are last week's days -------------------------
@pytest.mark.parametrize("text, expected", [
    ("methotrexate once a week for his joints, last dose Saturday", 2),
    ("the last tablet was friday", 3),
    ("last injection Thursday", 4),
])
def test_the_last_dose_on_a_weekday(reader, questions, text, expected):
    assert used(read(reader, questions, "days_since_immunosuppressants", text)) == Decimal(expected)


def test_a_weekday_alone_is_not_read(reader, questions):
    assert asked_again(read(reader, questions, "days_since_immunosuppressants", "Saturday"))


# --- time: "2 or 3 months ago" keeps the shorter time (it read the longer one) ------------------------------
@pytest.mark.parametrize("text, low, high", [
    ("2 or 3 months ago", 60, 60),
    ("two or three weeks ago", 14, 14),
    ("about 3-4 weeks ago", 21, 21),
    ("between 2 and 3 months ago", 60, 60),
    ("the last one 2 or 3 weeks ago", 14, 14),
    ("in the last 2 or 3 weeks", 0, 0),
    ("more than 2 or 3 years ago", 731, 731),
    ("prednisone for 2 or 3 weeks, finished in October", 37, 67),   # how long it lasted is not a time
])
def test_a_spread_of_times_keeps_the_shorter(reader, questions, text, low, high):
    value = used(read(reader, questions, "days_since_chemotherapy", text))
    assert value is not None and low <= value <= high


def test_a_wide_spread_of_times_is_checked(reader, questions):
    assert asked_again(read(reader, questions, "days_since_chemotherapy", "2 to 10 years ago"))
