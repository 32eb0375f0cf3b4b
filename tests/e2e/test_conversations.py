"""Whole conversations with both servers running: questions asked, explanations given, verdicts.

Expected question orders and verdicts are written by hand from the two listings
and the order the study coordinators chose (condition first, then the most
common reasons to exclude)."""

from __future__ import annotations

import datetime as dt
import re

from tests.e2e.conftest import Chat, button, conversation_events

NPC_ELIGIBLE_QUESTIONS = [
    "npc_recurrent_metastatic", "age", "chemo_lines", "platinum_chemo", "pd1_therapy", "daily_activity",
    "last_treatment_days", "side_effects_more_than_mild", "measurable_lesion", "npc_health_screen",
    "other_cancer", "npc_recent_medicines", "tissue_sample", "pregnant_or_breastfeeding", "contraception",
]
BREAST_ELIGIBLE_QUESTIONS = [
    "breast_advanced_unresectable", "hr_status", "her2_result", "metastatic_chemo", "anti_her2_therapy", "age",
    "daily_activity", "progression_on_scan", "measurable_lesion", "last_treatment_days",
    "side_effects_more_than_mild", "other_cancer", "breast_health_screen", "breast_recent_screen",
]

NPC_BUTTONS = {
    "npc_recurrent_metastatic": button("yes"), "age": "61", "chemo_lines": button("2"),
    "platinum_chemo": button("yes"), "pd1_therapy": button("yes"), "daily_activity": button("light_work"),
    "last_treatment_days": button("28"), "side_effects_more_than_mild": button("no"),
    "measurable_lesion": button("yes"), "npc_health_screen": button("no"), "other_cancer": button("none"),
    "npc_recent_medicines": button("no"), "tissue_sample": button("yes"),
    "pregnant_or_breastfeeding": button("no"), "contraception": button("not_applicable"),
}
NPC_FREE_TEXT = {
    "npc_recurrent_metastatic": "yes it has spread to her liver", "age": "she's 67", "chemo_lines": "three",
    "platinum_chemo": "yep, cisplatin", "pd1_therapy": "yes, toripalimab", "daily_activity": "she can do light housework",
    "last_treatment_days": "about 6 weeks ago", "side_effects_more_than_mild": "not really",
    "measurable_lesion": "yes", "npc_health_screen": "nope", "other_cancer": "no other cancer",
    "npc_recent_medicines": "no", "tissue_sample": "sure", "pregnant_or_breastfeeding": "no",
    "contraception": "doesn't apply",
}
BREAST_MIXED = {
    "breast_advanced_unresectable": "yes", "hr_status": "ER positive", "her2_result": "IHC 1+",
    "metastatic_chemo": button("no"), "anti_her2_therapy": "no never", "age": "fifty eight",
    "daily_activity": button("fully_active"), "progression_on_scan": "yes", "measurable_lesion": button("yes"),
    "last_treatment_days": "2 months ago", "side_effects_more_than_mild": "no", "other_cancer": button("none"),
    "breast_health_screen": "no", "breast_recent_screen": button("no"),
}


def test_npc_patient_answers_with_buttons_and_may_be_a_match(chat: Chat):
    chat.start("self", "npc")
    assert chat.text.startswith("Has a doctor confirmed that your nasopharyngeal cancer")
    assert chat.button_titles == ["Yes", "No", "Not sure"]
    asked, result = chat.answer_all(NPC_BUTTONS)
    assert asked == NPC_ELIGIBLE_QUESTIONS
    assert result["verdict"] == "likely_eligible"
    assert result["reasons"] == []
    assert set(result["study_team_checks"]) == {"NPC-I01", "NPC-I09", "NPC-I10", "NPC-E01", "NPC-E02", "NPC-E11", "NPC-E20"}
    assert "you may be a good match" in chat.text and "The study team will confirm this" in chat.text
    assert "you are eligible" not in chat.text.lower()


def test_npc_caregiver_answers_in_free_text(chat: Chat):
    chat.start("caregiver", "npc")
    assert "the person you care for" in chat.text
    asked, result = chat.answer_all(NPC_FREE_TEXT)
    assert asked == NPC_ELIGIBLE_QUESTIONS
    assert result["verdict"] == "likely_eligible"
    assert "the person you care for may be a good match" in chat.text


def test_breast_patient_mixes_buttons_and_typing(chat: Chat):
    chat.start("self", "breast")
    asked, result = chat.answer_all(BREAST_MIXED)
    assert asked == BREAST_ELIGIBLE_QUESTIONS
    assert result["verdict"] == "likely_eligible"
    assert "BC-E14" in result["study_team_checks"]


def test_breast_caregiver_not_sure_means_the_study_team_checks(chat: Chat):
    chat.start("caregiver", "breast")
    assert "Has a doctor confirmed that the breast cancer of the person you care for" in chat.text
    profile = dict(BREAST_MIXED, measurable_lesion="no idea", her2_result=button("not_sure"))
    asked, result = chat.answer_all(profile)
    assert asked == BREAST_ELIGIBLE_QUESTIONS
    assert result["verdict"] == "needs_review"
    assert set(result["unknown"]) == {"BC-I03", "BC-I06"}
    assert "Answers the study team will check, because you were not sure" in chat.text


def test_an_exclusion_is_explained_at_once_and_shown_in_the_summary(chat: Chat):
    chat.start("self", "npc")
    chat.say("yes")
    assert chat.question_id == "age"
    chat.say("I'm 17")
    # A typed answer that rules the study out is read back first.
    assert "I read your answer as: 17 years" in chat.text and chat.result is None
    chat.say("yes")
    assert chat.result == {"verdict": "likely_ineligible", "reasons": ["NPC-I02"]}
    assert "you may not meet one of this study's requirements" in chat.text
    assert "The study is only for adults, aged 18 or older." in chat.text
    assert "Only the study team makes the final decision" in chat.text
    assert chat.button_titles == ["Change my answer", "See the summary", "Ask the study team to contact me"]
    chat.say("/show_summary")
    assert chat.result["verdict"] == "likely_ineligible"
    assert chat.result["reasons"] == ["NPC-I02"]
    assert "may not be a match for you right now" in chat.text


def test_a_corrected_answer_is_scored_again(chat: Chat):
    chat.start("self", "breast")
    chat.say("yes").say("hr positive")
    assert chat.question_id == "her2_result"
    chat.say("ihc 0")
    chat.say(button("yes"))  # the read-back: a button press needs no further check
    assert chat.result["reasons"] == ["BC-I03"]
    assert "low amount of HER2" in chat.text
    chat.say("oops I made a mistake")
    assert "change your last answer" in chat.text
    assert chat.question_id == "her2_result"
    chat.say("IHC 2+ with negative FISH")
    assert chat.question_id == "metastatic_chemo"
    asked, result = chat.answer_all(BREAST_MIXED)
    assert asked == BREAST_ELIGIBLE_QUESTIONS[3:]
    assert result["verdict"] == "likely_eligible"


def test_a_named_answer_can_be_changed(chat: Chat):
    chat.start("self", "npc")
    chat.say("yes").say("45").say("2").say("yes")
    assert chat.question_id == "pd1_therapy"
    chat.say("can I change my age")
    assert "change that answer" in chat.text
    assert chat.question_id == "age"
    chat.say("46")
    assert chat.question_id == "pd1_therapy"


def test_why_and_what_does_it_mean_keep_the_question(chat: Chat):
    chat.start("self", "breast")
    chat.say("yes").say("positive")
    assert chat.question_id == "her2_result"
    chat.say("why are you asking this?")
    assert "TQB2102 targets the HER2 protein" in chat.text
    assert chat.question_id == "her2_result"
    chat.say("what does HER2-low mean?")
    assert "a score of 1+, or a score of 2+ with a negative ISH test" in chat.text
    assert chat.question_id == "her2_result"
    chat.say(button("ihc_1"))
    assert chat.question_id == "metastatic_chemo"


def test_answers_that_do_not_fit_are_asked_again(chat: Chat):
    chat.start("self", "npc")
    chat.say("yes")
    chat.say("banana")
    assert "Please give a number from 0 to 120 (years)" in chat.text
    assert chat.question_id == "age"
    chat.say("250")
    assert "250 is not possible here" in chat.text
    assert chat.question_id == "age"
    chat.say("sixty two")
    assert chat.question_id == "chemo_lines"
    chat.say("2")
    assert chat.question_id == "platinum_chemo"
    chat.say("three")  # a number is no answer to a yes/no question
    assert "Please answer yes, no or not sure." in chat.text
    assert chat.question_id == "platinum_chemo"
    chat.say("maybe")
    assert chat.question_id == "pd1_therapy"


def test_out_of_scope_questions_get_honest_answers(chat: Chat):
    chat.start("self", "npc")
    chat.say("what's the weather like tomorrow")
    assert "I can ask the questions for these two studies" in chat.text
    assert chat.question_id == "npc_recurrent_metastatic"
    chat.say("are you a bot?")
    assert "I am a computer program" in chat.text
    assert chat.question_id == "npc_recurrent_metastatic"
    chat.say("is the drug safe?")
    assert "I can't give medical advice" in chat.text
    assert chat.question_id == "npc_recurrent_metastatic"


def test_neither_condition_ends_kindly(chat: Chat):
    chat.say("hello").say("/self_voice").say("I have lung cancer")
    assert "they are not a match" in chat.text
    assert chat.question_id is None


def test_start_over_clears_the_answers(chat: Chat):
    chat.start("self", "npc")
    chat.say("yes").say("50")
    chat.say("start over")
    assert "I have cleared your earlier answers" in chat.text
    assert "Are you answering for yourself" in chat.text
    chat.say("/caregiver_voice").say("/choose_breast")
    assert chat.question_id == "breast_advanced_unresectable"
    assert chat.custom("question_id")["number"] == 1


def test_stop_ends_politely_and_keeps_nothing(chat: Chat, servers):
    chat.start("self", "npc")
    chat.say("yes").say("50")
    chat.say("stop")
    assert "Do you want to stop now?" in chat.text  # a typed stop is asked about first
    chat.say("/affirm")  # "Yes, stop"
    assert "I have not kept your answers" in chat.text
    chat.say("show me the summary")
    assert "We have not started the questions yet" in chat.text
    # The stored history was forgotten too: only what came after "stop" is kept.
    stored = conversation_events(servers, chat.sender)
    assert stored and all(event.get("text") != "50" for event in stored)


def test_a_typed_stop_then_no_goes_on_with_every_answer_kept(chat: Chat):
    chat.start("caregiver", "npc")
    chat.say("yes").say("she is 50")
    asked, number = chat.question_id, chat.custom("question_id")["number"]
    chat.say("I want to stop")
    assert "Do you want to stop now?" in chat.text and "I have not kept" not in chat.text
    assert chat.button_titles == ["Yes, stop", "No, go on"]
    chat.say("no")
    assert "OK, let's go on." in chat.text
    assert chat.question_id == asked
    assert chat.custom("question_id")["number"] == number == 3  # both answers before the stop question count


def test_goodbye_in_the_middle_is_asked_about_and_a_second_goodbye_stops(chat: Chat):
    chat.start("self", "breast")
    chat.say("yes")
    chat.say("bye")
    assert "Do you want to stop now?" in chat.text
    chat.say("bye")
    assert "I have not kept your answers" in chat.text


def test_a_waiting_time_is_reported_as_not_yet_with_its_end_date(chat: Chat):
    chat.start("self", "breast")
    profile = dict(
        BREAST_MIXED,
        last_treatment_days="5 days ago",
        days_since_chemotherapy="never",
        days_since_radiotherapy="never",
        days_since_immunotherapy=button("never"),
        days_since_hormone_therapy="5 days ago",
    )
    profile.update(days_since_targeted_therapy="never", days_since_chinese_medicine="never",
                   days_since_trial_drug="never")
    asked, result = chat.answer_all(profile)
    # The waiting time does not end the questions: everything after it is still asked.
    assert asked[9:14] == [
        "last_treatment_days", "days_since_chemotherapy", "days_since_radiotherapy", "days_since_immunotherapy",
        "days_since_hormone_therapy",
    ]
    assert asked[-3:] == ["other_cancer", "breast_health_screen", "breast_recent_screen"]
    assert result["reasons"] == ["BC-E17-2"]
    assert result["not_yet"] == ["BC-E17-2"]
    ends = dt.date.today() + dt.timedelta(days=14 - 5)
    assert "the only thing in the way is a waiting time" in chat.text
    assert f"which ends around {ends.day} {ends.strftime('%B %Y')}" in chat.text


def test_an_unclear_voice_is_asked_again(chat: Chat):
    chat.say("hi").say("banana")
    assert "Are you answering for yourself, or for someone you care for?" in chat.text
    chat.say("for my dad")
    assert re.search(r"Which condition does the person you care for have", chat.text)
