"""Round 7 (issue 9k): causes the English development sets (blind9, blind8, blind5, blind4, blind3) showed.

Every sentence here was written for this file, worded differently from the answer sets; expected values come
from what each sentence says. Dates count back from Monday 7 December 2026. Each rule has cases where it must
not fire: a wrong reading is far worse than a question asked again."""

from __future__ import annotations

import pytest

from bot.screening.answers import NO, NOT_SURE, YES
from tests.understanding.helpers import asked_again, read_at as read, used


# --- not knowing, with a word between: "I don't really know" -----------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("other_cancer_early_treated", "we don't really know how early it was"),
    ("heart_disease", "honestly I do not actually know"),
    ("liver_disease", "she doesn't even know what her liver tests showed"),
    ("active_tuberculosis", "I can't really remember, it was years ago"),
    ("chemo_allergy", "he didn't catch what the nurse said it was"),
])
def test_not_knowing_with_a_word_between_is_not_sure(reader, questions, question, text):
    reading = read(reader, questions, question, text)
    assert reading.value in (NOT_SURE, None) or asked_again(reading)
    assert used(reading) != NO


@pytest.mark.parametrize("question, text, expected", [
    ("heart_disease", "no, I really don't have any heart trouble", NO),
    ("liver_disease", "no, none", NO),
])
def test_plain_noes_stay_noes(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


def test_a_result_then_a_change_not_caught_is_not_that_result(reader, questions):
    reading = read(reader, questions, "hr_status",
                   "negative at first, then the second biopsy was different and I didn't catch what they said")
    assert used(reading) in (None, NOT_SURE)


# --- days: "the week before last, on the Tuesday", "Thursday before last", year-first dates, "till June" -----
@pytest.mark.parametrize("question, text, expected", [
    ("days_since_chemotherapy", "Tuesday the week before last", 13),
    ("days_since_chemotherapy", "the week before last on the Monday", 14),
    ("days_since_immunotherapy", "Thursday before last", 11),
    ("days_since_steroids", "the Sunday before last", 8),  # last Sunday was the 6th
    ("days_since_targeted_therapy", "took the last tablet 2025/12/20", 352),
    ("days_since_targeted_therapy", "stopped 2026.10.07", 61),
    ("days_since_radiotherapy", "radiotherapy till june", 160),
    ("days_since_radiotherapy", "had radiation until june", 160),
])
def test_days_named_in_other_ways(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


def test_the_week_before_last_alone_is_still_about_11_days(reader, questions):
    assert used(read(reader, questions, "days_since_chemotherapy", "the week before last")) == 11


def test_may_the_verb_is_still_no_month(reader, questions):
    # "may" the verb gives no month: a hedge, never a day in May.
    assert used(read(reader, questions, "days_since_radiotherapy", "it may have been a while")) in (None, NOT_SURE)


# --- replies that meet the question's own negation ---------------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("unhealed_wound_or_fracture", "yes it healed fine"),
    ("unhealed_wound_or_fracture", "yep, all healed now"),
    ("heart_or_stroke_uncontrolled", "yes, well controlled on tablets"),
    ("breast_advanced_unresectable", "no surgery"),
    ("breast_advanced_unresectable", "no surgery possible"),
    ("breast_advanced_unresectable", "no, no surgery"),
])
def test_a_reply_that_meets_the_questions_own_negation_is_checked(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


@pytest.mark.parametrize("question, text, expected", [
    ("unhealed_wound_or_fracture", "yes, a cut on her shin that has not healed", YES),
    ("unhealed_wound_or_fracture", "no, it healed", NO),
    ("breast_advanced_unresectable", "no spread", NO),
    ("breast_advanced_unresectable", "yes, they said surgery can't remove it", YES),
])
def test_the_questions_own_negation_answered_plainly(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


# --- a window opened by an event: "since it spread, any chemotherapy?" --------------------------------------
@pytest.mark.parametrize("text", [
    "chemo when she was first diagnosed in 2018, nothing since it came back",
    "he had docetaxel years ago, not since it spread",
    "paclitaxel before surgery. since it spread she has only had letrozole",
    "after it came back only anastrozole and ribociclib",
    "nothing since it came back apart from fulvestrant",
])
def test_a_denied_window_is_a_no(reader, questions, text):
    assert used(read(reader, questions, "metastatic_chemo", text)) == NO


@pytest.mark.parametrize("text, expected", [
    ("capecitabine since it spread", YES),
    ("since it came back she's had eribulin", YES),
    ("chemo before, and again since it spread", YES),
])
def test_the_asked_thing_inside_the_window_is_not_a_no(reader, questions, text, expected):
    assert used(read(reader, questions, "metastatic_chemo", text)) in (expected, None)
    assert used(read(reader, questions, "metastatic_chemo", text)) != NO


@pytest.mark.parametrize("text", [
    "nothing since it spread apart from xeloda",                 # xeloda is chemotherapy
    "not before, but since it came back she's had capecitabine",
])
def test_chemo_after_the_denial_is_never_a_no(reader, questions, text):
    assert used(read(reader, questions, "metastatic_chemo", text)) != NO


# --- "nothing active now" to an "active" question ---------------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("active_tuberculosis", "she had TB in her twenties, it was treated, nothing now"),
    ("active_tuberculosis", "TB long ago, not active"),
    ("active_hepatitis_b_or_c", "hep C years ago, cured, nothing active now"),
])
def test_nothing_active_now_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("active_tuberculosis", "TB in 2015, active again now"),
    ("active_tuberculosis", "TB as a child, nothing now but they are testing his sputum"),
    ("liver_disease", "cirrhosis, nothing active now"),   # cirrhosis is asked without "active"
])
def test_nothing_now_does_not_hide_what_is_still_there(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


# --- a vaccine against the thing asked is not having it ---------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("active_hepatitis_b_or_c", "she had all the hep B jabs, never infected"),
    ("active_hepatitis_b_or_c", "vaccinated against hep b, never had hepatitis"),
    ("active_tuberculosis", "had the BCG jab at school, never had TB"),
])
def test_a_vaccine_then_a_denial_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("active_hepatitis_b_or_c", "had the hep b vaccine but still caught hep b, on tenofovir now"),
    ("active_hepatitis_b_or_c", "vaccinated for hep B, but the hep C is active"),
    ("active_tuberculosis", "had the BCG jab as a child"),
])
def test_a_vaccine_does_not_deny_what_the_reply_says_is_there(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


# --- what does not count, as the help now says it: thyroid pills, blood pressure kept under control -----------
@pytest.mark.parametrize("question, text", [
    ("autoimmune_disease", "just hypothyroid, takes thyroxine every morning"),
    ("autoimmune_disease", "Hashimoto's, only on thyroxine for it"),
    ("npc_health_screen", "only blood pressure and it's controlled with tablets"),
    ("heart_or_stroke_uncontrolled", "high blood pressure, kept normal with pills"),
])
def test_what_the_help_says_does_not_count_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("heart_or_stroke_uncontrolled", "very high blood pressure"),
    ("heart_or_stroke_uncontrolled", "blood pressure still sky high even on three tablets"),
    ("heart_or_stroke_uncontrolled", "high blood pressure, not controlled even with pills"),
    ("npc_health_screen", "high blood pressure, controlled, and his hep B is active"),
    ("autoimmune_disease", "hypothyroid on thyroxine, and lupus"),
    ("npc_health_screen", "only high blood pressure"),          # controlled or not is not said
])
def test_what_is_not_kept_in_check_or_something_else_is_never_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


# --- "in the past month" is a stretch of time; what the question asks about now has ended --------------------
@pytest.mark.parametrize("question, text", [
    ("npc_recent_medicines", "none of them in the past 4 weeks"),
    ("breast_recent_screen", "no, nothing in the past month"),
    ("current_lung_inflammation", "not any more"),
    ("current_lung_inflammation", "no, not at the moment"),
    ("pregnant_or_breastfeeding", "she stopped breastfeeding in the spring"),
])
def test_a_no_about_the_asked_time_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("pregnant_or_breastfeeding", "stopped breastfeeding but I'm pregnant again"),
    ("pregnant_or_breastfeeding", "I stopped breastfeeding in the day, but she still feeds at night"),
    ("heart_or_stroke_uncontrolled", "stopped the heart pills"),               # stopping pills is not the heart
    ("organ_transplant", "no, not now"),                                      # "have you had": ended is not never
    ("pregnant_or_breastfeeding", "I breastfed in the past"),
])
def test_ended_is_not_a_no_where_it_does_not_answer(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


# --- "drained again and again?": once and not since, or no need to drain ----------------------------------
@pytest.mark.parametrize("text", [
    "they drained my belly once in August, nothing since",
    "drained one time last spring, it has not come back",
    "some fluid by the heart but the team said no need to drain it",
])
def test_once_or_not_needed_is_a_no_to_again_and_again(reader, questions, text):
    assert used(read(reader, questions, "effusion_drainage", text)) == NO


@pytest.mark.parametrize("text", [
    "drained once, then three more times since",
    "drained once, it keeps building up",
    "drained once in May and it has come back now",
    "no need to drain it yet, but they said it will need draining soon",
])
def test_again_or_soon_is_never_a_no_to_again_and_again(reader, questions, text):
    assert used(read(reader, questions, "effusion_drainage", text)) != NO


# --- hormone receptor shorthand (seeds: the choices' synonyms) ---------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("tnbc", "negative"),
    ("she is triple neg", "negative"),
    ("ER +ve", "positive"),
    ("hormone receptive", "positive"),
])
def test_hormone_receptor_shorthand(reader, questions, text, expected):
    assert used(read(reader, questions, "hr_status", text)) == expected


@pytest.mark.parametrize("text", ["not pos", "ER +ve PR -ve, or was it the other way round"])
def test_hormone_receptor_shorthand_negated_or_mixed_is_not_taken(reader, questions, text):
    assert used(read(reader, questions, "hr_status", text)) in (None, "not_sure")


# --- who answers: a relative's name alone, "next to me", "the one with breast cancer" ------------------------
@pytest.mark.parametrize("text, expected", [
    ("Mum", "caregiver"),
    ("grandpa.", "caregiver"),
    ("my wife, she's sitting beside me", "caregiver"),
    ("dad here", "caregiver"),
    ("I'm the one with lung cancer", "self"),
])
def test_who_answers(reader, text, expected):
    assert reader.read_voice(text) == expected


@pytest.mark.parametrize("text", [
    "it's me, my husband is here with me",   # "me" and "my husband": who the answers are about is not said
    "mum and me",
    "dad and myself",
])
def test_who_answers_is_asked_when_both_are_named(reader, text):
    assert reader.read_voice(text) is None


# --- ages: "will be 70 in March, so 69"; an age back then is not the age now ---------------------------------
@pytest.mark.parametrize("text, expected", [
    ("she'll be 70 in March, so 69", 69),
    ("I will turn 45 next week so I am 44", 44),
    ("I'm 63, diagnosed at 61", 63),
    ("first diagnosed aged 38, she is 42 now", 42),
])
def test_the_age_now_is_read(reader, questions, text, expected):
    assert used(read(reader, questions, "age", text)) == expected


@pytest.mark.parametrize("text", [
    "he'll be 70 in March, so 67",        # not one less: which is it?
    "diagnosed at 49",                     # only the age back then
])
def test_an_age_that_does_not_add_up_or_back_then_only_is_asked_again(reader, questions, text):
    assert asked_again(read(reader, questions, "age", text))


# --- "mets", "growth" (seeds: the questions' terms); a test still to come --------------------------------------
@pytest.mark.parametrize("question, text, expected", [
    ("npc_recurrent_metastatic", "lung mets confirmed in the spring", YES),
    ("breast_advanced_unresectable", "liver mets", YES),
    ("progression_on_scan", "the ct showed growth in the liver", YES),
    ("npc_recurrent_metastatic", "no mets", NO),
    ("progression_on_scan", "no growth on the last scan", NO),
])
def test_mets_and_growth(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


@pytest.mark.parametrize("question, text", [
    ("npc_recurrent_metastatic", "the doctors are checking for mets, results next week"),
    ("breast_advanced_unresectable", "they're testing her for spread"),
    ("progression_on_scan", "scan done, results due on monday"),
])
def test_a_test_still_to_come_is_not_sure(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) in (NOT_SURE, None)


def test_the_persons_own_checking_is_not_a_test_to_come(reader, questions):
    assert used(read(reader, questions, "npc_recurrent_metastatic", "no, never came back, just checking for a friend")) == NO


# --- months named after a verb or at the end of a short reply; one cycle's date ------------------------------
@pytest.mark.parametrize("question, text, expected", [
    ("days_since_trial_drug", "study finished april", 221),            # 30 April 2026
    ("days_since_immunosuppressants", "last pred course august", 98),  # 31 August 2026
    ("days_since_chemotherapy", "the last cycle of chemo was 20/11", 17),
])
def test_months_and_days_in_short_replies(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


@pytest.mark.parametrize("question, text", [
    ("days_since_chemotherapy", "4 cycles of 21/7"),
    ("days_since_radiotherapy", "finished may"),          # "may" alone may be the verb: asked again
])
def test_schedules_and_may_are_not_read_as_dates(reader, questions, question, text):
    assert asked_again(read(reader, questions, question, text))


# --- an umbrella list asked inside one window: "In the last 4 weeks, have you had any of these?" ----------------
@pytest.mark.parametrize("question, text", [
    ("npc_recent_medicines", "a steroid drip back in August, nothing since"),
    ("breast_recent_screen", "an operation in the summer, nothing since then"),
])
def test_something_before_the_window_and_nothing_since_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("npc_recent_medicines", "prednisone 10 days ago, nothing since"),     # inside the 4 weeks
    ("breast_recent_screen", "a biopsy last week, nothing since"),
])
def test_something_inside_the_window_is_never_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


# --- the question's own "un-" word: "not treated yet" to "... untreated, or growing?" -------------------------
@pytest.mark.parametrize("text", [
    "a tiny spot on the brain scan, not treated yet",
    "one lesion in the brain, no treatment for it yet",
])
def test_not_treated_is_the_questions_untreated(reader, questions, text):
    assert used(read(reader, questions, "active_brain_metastases", text)) == YES


@pytest.mark.parametrize("text", [
    "no, not treated because there is nothing there",
    "brain spot treated with gamma knife, stable, no treatment needed since",
    "no spread to the brain, so no treatment",
])
def test_not_treated_is_not_a_yes_where_there_is_nothing_or_it_was_treated(reader, questions, text):
    assert used(read(reader, questions, "active_brain_metastases", text)) != YES


def test_a_brain_lesion_with_no_treatment_yet_is_never_a_plain_no(reader, questions):
    reading = read(reader, questions, "active_brain_metastases", "one lesion in the brain, she has had no treatment for it yet")
    assert used(reading) != NO


def test_no_treatment_and_nothing_in_the_brain_stays_a_no(reader, questions):
    reading = read(reader, questions, "active_brain_metastases", "she has had no treatment, nothing in the brain")
    assert used(reading) in (NO, None) and reading.value != YES


# --- "has a scan shown that your cancer grew?": the scan was fine; a blood marker is not a scan ---------------
@pytest.mark.parametrize("text", [
    "CEA crept up a little but the CT was clear",
    "no, scans have all been fine",
    "the mri showed a partial response",
])
def test_a_scan_that_was_fine_is_a_no_to_growth(reader, questions, text):
    assert used(read(reader, questions, "progression_on_scan", text)) == NO


@pytest.mark.parametrize("text", [
    "the ct was clear but the pet showed new spots",
    "scan fine in june, the one in november showed it grew",
    "yes, the scan was not good",
    "the mri was fine but the liver one got bigger",
])
def test_growth_anywhere_or_a_scan_not_fine_is_never_a_no(reader, questions, text):
    assert used(read(reader, questions, "progression_on_scan", text)) != NO


# --- what does not count, and a denial of everything else ---------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("days_since_surgery_biopsy_injury", "just a needle biopsy on 2 December, no operations and no injuries ever"),
    ("days_since_radiotherapy", "only a short course to the spine for pain, never any other radiotherapy"),
    ("days_since_surgery_biopsy_injury", "a needle biopsy last week. never had an operation in my life"),
])
def test_only_what_does_not_count_and_nothing_else_is_never(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == "never"


@pytest.mark.parametrize("question, text", [
    ("days_since_surgery_biopsy_injury", "a needle biopsy, and an operation on her knee in November, never any injuries"),
    ("days_since_surgery_biopsy_injury", "a needle biopsy in October, no injuries, but a lumpectomy 3 weeks ago"),
    ("days_since_radiotherapy", "a short course for pain, no other radiation except the 7 weeks to the neck in 2023"),
])
def test_a_denial_does_not_hide_what_counts(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != "never"


# --- "no diagnosis yet": the answer is still to come -------------------------------------------------------
def test_no_diagnosis_yet_is_not_sure(reader, questions):
    reading = read(reader, questions, "infection_last_2_weeks", "temperature up and down, bloods taken, no diagnosis yet")
    assert used(reading) in (NOT_SURE, None)


@pytest.mark.parametrize("question, text, expected", [
    ("infection_last_2_weeks", "yes a chest infection, they are doing tests to see which bug", YES),
    ("transplant_waiting", "they're running tests to see if he can have a new liver", YES),
])
def test_tests_that_are_what_is_asked_stay_a_yes(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) in (expected, None)


# --- "wouldn't say no", "sorry, misread, no", "no probs" ------------------------------------------------------
@pytest.mark.parametrize("question, text, expected", [
    ("tissue_sample", "I wouldn't say no, if it helps research", YES),
    ("active_tuberculosis", "yes... sorry, misunderstood, no", NO),
    ("heart_disease", "nope, sorry my mistake, yes I have AF", YES),
    ("heart_disease", "no probs with my heart at all", NO),
])
def test_willing_corrected_and_texting_replies(reader, questions, question, text, expected):
    assert used(read(reader, questions, question, text)) == expected


def test_would_say_no_is_never_a_yes(reader, questions):
    assert read(reader, questions, "tissue_sample", "I would say no to that").value != YES


# --- "nothing on the list"; "no treatment at the moment, last was ..." ----------------------------------------
@pytest.mark.parametrize("question, text", [
    ("breast_health_screen", "only gout, nothing on the list"),
    ("npc_health_screen", "just gout, which is not on the list"),
])
def test_something_not_on_the_list_is_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) == NO


@pytest.mark.parametrize("question, text", [
    ("breast_health_screen", "a DVT in October, which is not on the list"),   # a clot is on the list
    ("breast_health_screen", "heart failure, nothing else on the list"),
])
def test_something_on_the_list_is_never_a_no(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) != NO


def test_no_treatment_now_and_the_last_one_then(reader, questions):
    reading = read(reader, questions, "last_treatment_days", "nothing at the moment, the last one was radiotherapy 5 weeks ago")
    assert used(reading) == 35


def test_no_chemo_now_and_another_treatment_is_checked_for_chemo(reader, questions):
    assert asked_again(read(reader, questions, "days_since_chemotherapy", "no chemo right now, last was radiotherapy 3 weeks ago"))


# --- "healing normally" to "a wound that has not healed for a long time?" -----------------------------------
@pytest.mark.parametrize("text", ["grazed her knee on Sunday, it's healing nicely", "a small cut, healing normally"])
def test_healing_as_it_should_is_a_no(reader, questions, text):
    assert used(read(reader, questions, "unhealed_wound_or_fracture", text)) == NO


@pytest.mark.parametrize("text", ["an ulcer since June, healing very slowly", "a sore that is not healing well",
                                  "the scar is still open, healing fine they say"])
def test_healing_slowly_or_not_is_never_a_no(reader, questions, text):
    assert used(read(reader, questions, "unhealed_wound_or_fracture", text)) != NO


# --- "it's not that it hasn't spread, it has": still a check, about a yes --------------------------------------
def test_a_negated_negation_that_ends_on_it_has_is_checked_as_a_yes(reader, questions):
    reading = read(reader, questions, "npc_recurrent_metastatic", "it's not that it hasn't come back, it has, in the neck")
    assert asked_again(reading) and reading.value == YES


def test_a_negated_negation_that_ends_on_it_has_not_is_never_a_yes(reader, questions):
    reading = read(reader, questions, "npc_recurrent_metastatic", "not that it has not spread, it has not")
    assert asked_again(reading) and reading.value != YES


# --- found in a last probe of the new rules ---------------------------------------------------------------------
@pytest.mark.parametrize("question, text", [
    ("metastatic_chemo", "nothing since it spread, she is on xeloda now"),        # xeloda is chemotherapy
    ("active_hepatitis_b_or_c", "had the vaccine, never had a test though"),      # never tested is not never infected
    ("days_since_surgery_biopsy_injury", "only a needle biopsy, never had an operation until last week"),
])
def test_the_new_rules_do_not_hide_what_is_asked(reader, questions, question, text):
    assert used(read(reader, questions, question, text)) not in (NO, "never")


def test_a_sign_that_stopped_is_not_the_asked_thing_ended(reader, questions):
    # "weeping" is a sign the help names; the wound may still not have healed.
    assert used(read(reader, questions, "unhealed_wound_or_fracture", "the sore stopped weeping")) != NO


def test_still_being_treated_is_never_a_plain_no_to_active(reader, questions):
    assert used(read(reader, questions, "active_tuberculosis", "nothing now, they're still treating it")) != NO
