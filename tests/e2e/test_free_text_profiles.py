"""Whole screenings typed in free text only (no buttons), ten or more profiles per
trial, over the REST channel with both servers running.

Each profile is what a patient or caregiver might type, with the verdict and
reasons written by hand from the listings. The voice and the study are typed
too. A check ("Just to be sure...") or a read-back before an exclusion is
answered by typing, as a person would, and counted.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import pytest

from tests.e2e.conftest import Chat


class TypingChat(Chat):
    """A conversation where every reply is typed."""

    def __init__(self, rasa_url: str):
        super().__init__(rasa_url)
        self.seen = ""  # everything the assistant said, for phrases said before the end
        self.first_question_text: Optional[str] = None

    def say(self, text: str) -> "TypingChat":
        super().say(text)
        self.seen += "\n" + self.text
        if self.first_question_text is None and self.question_id is not None:
            self.first_question_text = self.text
        return self

    def start_typing(self, voice_words: str, study_words: str) -> "TypingChat":
        self.say("hello")
        assert "Are you answering for yourself" in self.text
        self.say(voice_words)
        assert "Which condition" in self.text, self.text
        return self.say(study_words)

    def answer_typed(self, profile: Dict[str, str], confirm: str = "yes, that's right") -> Tuple[List[str], dict, int]:
        """Answer each question from ``profile`` until a verdict comes; returns the
        questions asked, the verdict payload and how many checks or read-backs were asked."""
        asked: List[str] = []
        confirmations = 0
        while self.result is None:
            if self.custom("check") or self.custom("read_back"):
                confirmations += 1
                assert confirmations < 10, "too many checks"
                self.say(confirm)
                continue
            question_id = self.question_id
            assert question_id is not None, f"no question and no result; the bot said: {self.text!r}"
            assert question_id in profile, f"unexpected question {question_id}; asked so far {asked}"
            assert len(asked) < 60, f"too many questions: {asked[-5:]}; the bot said: {self.text!r}"
            self.assert_not_asked_again(asked, question_id, profile)
            asked.append(question_id)
            self.say(profile[question_id])
            self.assert_understood(question_id, profile[question_id])
        return asked, self.result, confirmations

    def assert_not_asked_again(self, asked: List[str], question_id: str, profile: Dict[str, str]) -> None:
        """A language whose re-ask has no fixed words checks that the same question did not come back."""

    def assert_understood(self, question_id: str, answer: str) -> None:
        assert "Sorry, I could not use that answer" not in self.text, (question_id, answer, self.text)


@pytest.fixture
def typing_chat(servers) -> TypingChat:
    return TypingChat(servers.rasa_url)


NPC_ELIGIBLE = {
    "npc_recurrent_metastatic": "yes, it has spread to his lungs",
    "age": "he is fifty-eight",
    "chemo_lines": "two",
    "platinum_chemo": "yes, cisplatin",
    "pd1_therapy": "yes he had toripalimab",
    "daily_activity": "he does light jobs around the house",
    "last_treatment_days": "about 6 weeks ago",
    "side_effects_more_than_mild": "no, he's fine now",
    "measurable_lesion": "yes",
    "npc_health_screen": "none of those",
    "other_cancer": "no other cancer",
    "npc_recent_medicines": "nope",
    "tissue_sample": "sure",
    "pregnant_or_breastfeeding": "no, he's a man",
    "contraception": "doesn't apply",
}
NPC_HEALTH_ALL_NO = {
    "active_brain_metastases": "he hasn't", "immune_side_effect_severe": "not to my knowledge",
    "lung_inflammation_steroids": "certainly not", "current_lung_inflammation": "no he doesn't",
    "severe_lung_disease": "nobody ever mentioned it", "effusion_drainage": "never",
    "heart_or_stroke_uncontrolled": "of course not", "autoimmune_disease": "he definitely doesn't",
    "active_hepatitis_b_or_c": "absolutely not", "active_tuberculosis": "no", "immunodeficiency": "nope",
    "organ_transplant": "he never had one", "transplant_waiting": "he isn't", "antibody_allergy_severe": "not that I know of",
}
NPC_WAITS = {
    "days_since_chemotherapy": "10 days ago", "days_since_immunotherapy": "10 days ago",
    "days_since_radiotherapy": "never", "days_since_major_surgery": "he has never had an operation",
    "days_since_hormone_therapy": "never", "days_since_targeted_therapy": "never",
    "days_since_chinese_medicine": "not ever", "days_since_minor_surgery": "never",
}
BREAST_ELIGIBLE = {
    "breast_advanced_unresectable": "yes, it spread to her bones",
    "hr_status": "ER positive, PR negative",
    "her2_result": "IHC 2+, FISH not amplified",
    "metastatic_chemo": "no, only hormone pills",
    "anti_her2_therapy": "never",
    "age": "sixty one",
    "daily_activity": "she still cooks and shops but gets tired",
    "progression_on_scan": "yes it grew on the last scan",
    "measurable_lesion": "yes",
    "last_treatment_days": "two months ago",
    "side_effects_more_than_mild": "not really",
    "other_cancer": "none",
    "breast_health_screen": "no, none of those",
    "breast_recent_screen": "nope",
}
BREAST_HEALTH_ALL_NO = {
    "meningeal_or_active_brain_spread": "she hasn't", "lung_inflammation_steroids": "no never",
    "lung_disease_3_months": "certainly not", "heart_disease": "she definitely hasn't",
    "blood_clot_6_months": "not that I know of", "effusion_drainage": "nope", "severe_bone_damage": "of course not",
    "liver_disease": "no she doesn't", "dialysis": "absolutely not", "immunodeficiency": "nobody ever mentioned it",
    "organ_transplant": "she never had one", "unhealed_wound_or_fracture": "no", "iv_or_swallowing_problem": "not really",
    "substance_or_psychiatric": "no way", "antibody_allergy": "not to my knowledge", "chemo_allergy": "she isn't",
}
BREAST_WAITS = {
    "days_since_chemotherapy": "she's never had chemo", "days_since_radiotherapy": "never",
    "days_since_immunotherapy": "never", "days_since_hormone_therapy": "5 days ago",
    "days_since_targeted_therapy": "never", "days_since_chinese_medicine": "never", "days_since_trial_drug": "never",
}


@dataclass
class Profile:
    name: str
    voice: str  # what the person types at the voice question
    study: str  # and at the study question
    answers: Dict[str, str]
    verdict: str
    reasons: List[str] = field(default_factory=list)
    unknown: Optional[List[str]] = None
    says: Tuple[str, ...] = ()


def _wait_end(days_left: int) -> str:
    ends = dt.date.today() + dt.timedelta(days=days_left)
    return f"which ends around {ends.day} {ends.strftime('%B %Y')}"


NPC_PROFILES = [
    Profile("caregiver for a husband, eligible", "for my husband", "nasopharyngeal cancer", NPC_ELIGIBLE,
            "likely_eligible", says=("the person you care for may be a good match",)),
    Profile("patient, negations everywhere, eligible", "myself", "NPC", dict(
        NPC_ELIGIBLE, age="I'm 45", side_effects_more_than_mild="I haven't", npc_health_screen="not to my knowledge",
        npc_recent_medicines="I definitely haven't", pregnant_or_breastfeeding="I'm not", contraception="yes I would",
        other_cancer="nope, only this one"), "likely_eligible", says=("you may be a good match",)),
    Profile("17 years old", "it's for me", "nose cancer", dict(NPC_ELIGIBLE, age="I'm 17"),
            "likely_ineligible", ["NPC-I02"], says=("only for adults",)),
    Profile("only one earlier treatment plan", "my dad", "nasopharyngeal", dict(NPC_ELIGIBLE, chemo_lines="just one"),
            "likely_ineligible", ["NPC-I04"]),
    Profile("mostly resting", "I'm answering for my mum", "NPC", dict(
        NPC_ELIGIBLE, daily_activity="she sits in her armchair nearly all day"), "likely_ineligible", ["NPC-I08"]),
    Profile("treatment 10 days ago: only a waiting time", "for my wife", "nasopharyngeal cancer",
            dict(NPC_ELIGIBLE, last_treatment_days="10 days ago", **NPC_WAITS), "likely_ineligible", ["NPC-I07"],
            says=("the only thing in the way is a waiting time", _wait_end(18))),
    Profile("health problems asked one by one, all no", "for my husband", "npc", dict(
        NPC_ELIGIBLE, npc_health_screen="not sure", **NPC_HEALTH_ALL_NO), "likely_eligible"),
    Profile("lung inflammation treated with steroids", "for my husband", "npc", dict(
        NPC_ELIGIBLE, npc_health_screen="yes", **dict(NPC_HEALTH_ALL_NO, lung_inflammation_steroids="sadly, he has")),
        "likely_ineligible", ["NPC-E07"]),
    Profile("another cancer three years ago is allowed", "myself", "npc", dict(
        NPC_ELIGIBLE, other_cancer="I had lymphoma back in 2023"), "likely_eligible"),
    Profile("hedges are not sure", "myself", "npc", dict(
        NPC_ELIGIBLE, pd1_therapy="I think so", measurable_lesion="no idea"), "needs_review",
        unknown=["NPC-I04", "NPC-I05"], says=("You sound unsure",)),
    Profile("pregnancy not possible, said in words", "for my daughter", "npc", dict(
        NPC_ELIGIBLE, pregnant_or_breastfeeding="she is not", contraception="she had a hysterectomy"),
        "likely_eligible"),
]

BREAST_PROFILES = [
    Profile("caregiver for a mother, eligible", "I'm answering for my mum", "breast cancer", BREAST_ELIGIBLE,
            "likely_eligible", says=("the person you care for may be a good match",)),
    Profile("patient, eligible", "myself", "breast", dict(
        BREAST_ELIGIBLE, age="I am 52", anti_her2_therapy="I have not", side_effects_more_than_mild="I don't"),
        "likely_eligible", says=("you may be a good match",)),
    Profile("HER2 0", "for my wife", "breast cancer", dict(BREAST_ELIGIBLE, her2_result="HER2 0"),
            "likely_ineligible", ["BC-I03"]),
    Profile("triple negative", "for my sister", "breast cancer", dict(BREAST_ELIGIBLE, hr_status="triple negative"),
            "likely_ineligible", ["BC-S01"]),
    Profile("chemotherapy since it spread", "for my mum", "breast", dict(
        BREAST_ELIGIBLE, metastatic_chemo="yes she had capecitabine"), "likely_ineligible", ["BC-S02"]),
    Profile("80 years old", "for my mother", "breast cancer", dict(BREAST_ELIGIBLE, age="she is 80"),
            "likely_ineligible", ["BC-I02"]),
    Profile("melanoma twelve years ago is allowed", "myself", "breast", dict(
        BREAST_ELIGIBLE, other_cancer="a melanoma removed twelve years ago"), "likely_eligible"),
    Profile("thyroid cancer in 2023", "myself", "breast", dict(
        BREAST_ELIGIBLE, other_cancer="thyroid cancer in 2023"), "likely_ineligible", ["BC-E01"]),
    Profile("heart attack", "for my mum", "breast", dict(
        BREAST_ELIGIBLE, breast_health_screen="yes", **dict(BREAST_HEALTH_ALL_NO, heart_disease="yes, a heart attack in 2020")),
        "likely_ineligible", ["BC-E09"]),
    Profile("health problems asked one by one, all no", "for my mum", "breast", dict(
        BREAST_ELIGIBLE, breast_health_screen="I'm not sure", **BREAST_HEALTH_ALL_NO), "likely_eligible"),
    Profile("hormone pills 5 days ago: only a waiting time", "for my wife", "breast cancer", dict(
        BREAST_ELIGIBLE, last_treatment_days="5 days ago", **BREAST_WAITS), "likely_ineligible", ["BC-E17-2"],
        says=("the only thing in the way is a waiting time", _wait_end(9))),
    Profile("scan not known", "myself", "breast", dict(BREAST_ELIGIBLE, measurable_lesion="no idea"),
            "needs_review", unknown=["BC-I06"]),
]


def _screen(chat: TypingChat, profile: Profile) -> None:
    chat.start_typing(profile.voice, profile.study)
    asked, result, _ = chat.answer_typed(profile.answers)
    assert result["verdict"] == profile.verdict, (profile.name, asked, chat.text)
    assert result["reasons"] == profile.reasons, (profile.name, chat.text)
    if profile.unknown is not None:
        assert sorted(result["unknown"]) == sorted(profile.unknown)
    transcript = chat.text
    for words in profile.says:
        assert words in transcript or words in chat.seen, (profile.name, words, transcript)
    caregiver = chat.first_question_text and "the person you care for" in chat.first_question_text
    assert caregiver == (profile.voice not in ("myself", "it's for me")), (profile.name, chat.first_question_text)


@pytest.mark.parametrize("profile", NPC_PROFILES, ids=[p.name for p in NPC_PROFILES])
def test_npc_profile_in_free_text(typing_chat: TypingChat, profile: Profile):
    _screen(typing_chat, profile)


@pytest.mark.parametrize("profile", BREAST_PROFILES, ids=[p.name for p in BREAST_PROFILES])
def test_breast_profile_in_free_text(typing_chat: TypingChat, profile: Profile):
    _screen(typing_chat, profile)


def test_a_typed_exclusion_is_read_back_and_a_no_asks_again(typing_chat: TypingChat):
    typing_chat.start_typing("myself", "breast cancer")
    typing_chat.say("yes").say("ER positive")
    assert typing_chat.question_id == "her2_result"
    typing_chat.say("her2 zero")
    assert "I read your answer as: HER2 0 (IHC 0)" in typing_chat.text
    assert typing_chat.result is None  # nothing is ruled out before the person confirms
    typing_chat.say("no, that's wrong")
    assert "Let's try that question again" in typing_chat.text
    assert typing_chat.question_id == "her2_result"
    typing_chat.say("IHC 1+")
    assert "Got it: HER2 1+ (IHC 1+)." in typing_chat.text
    assert typing_chat.question_id == "metastatic_chemo"


def test_an_unsure_reading_asks_a_check_with_buttons(typing_chat: TypingChat):
    typing_chat.start_typing("myself", "npc")
    for text in ("yes", "52", "2", "yes", "yes", "fully active", "2 months ago"):
        typing_chat.say(text)
    assert typing_chat.question_id == "side_effects_more_than_mild"
    typing_chat.say("not anymore")  # a no to "still", but it could be read as "I had them": check
    assert "Just to be sure: is that a no?" in typing_chat.text
    assert typing_chat.button_titles == ["Yes", "No"]
    typing_chat.say('/inform{"answer": "yes"}')
    assert typing_chat.question_id == "measurable_lesion"


def test_a_hedge_is_noted_as_not_sure_and_said_so(typing_chat: TypingChat):
    typing_chat.start_typing("myself", "breast cancer")
    typing_chat.say("yes").say("ER positive").say("IHC 1+").say("no")
    assert typing_chat.question_id == "anti_her2_therapy"
    typing_chat.say("probably not")
    assert "You sound unsure, so I noted \"not sure\"" in typing_chat.text
    assert typing_chat.question_id == "age"


def test_a_negated_description_is_asked_again(typing_chat: TypingChat):
    typing_chat.start_typing("myself", "npc")
    for text in ("yes", "52", "2", "yes", "yes"):
        typing_chat.say(text)
    assert typing_chat.question_id == "daily_activity"
    typing_chat.say("I am not fully active any more")
    assert "Sorry, I could not use that answer" in typing_chat.text
    assert typing_chat.question_id == "daily_activity"
