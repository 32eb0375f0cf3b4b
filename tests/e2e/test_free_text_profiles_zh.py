"""Whole screenings typed in Chinese free text only (no buttons), ten or more
profiles per trial, over the REST channel with both servers running.

The Chinese twin of test_free_text_profiles.py: each profile is what a Chinese
patient or caregiver might type (the voice and the study too), with the
verdict and reasons written by hand from the listings. The conversation starts
with a Chinese greeting, so the assistant speaks Chinese from the start; every
reply it sends must be Chinese.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

import pytest

from tests.e2e.test_free_text_profiles import TypingChat

CJK = re.compile(r"[\u4e00-\u9fff]")
# An English sentence in a reply: three or more Latin words in a row (abbreviations such as
# HER2, ECOG, PD-1 or "FISH" stand alone, and the listing's verbatim text is only quoted in the summary).
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}(?:[ ,']+[A-Za-z]{2,}){2,}\b")


class ChineseTypingChat(TypingChat):
    """A conversation where every reply is typed in Chinese, and every reply it gets is Chinese."""

    def say(self, text: str) -> "ChineseTypingChat":
        super().say(text)
        for reply in self.replies:
            words = reply.get("text") or ""
            if words and not self.result:
                assert CJK.search(words), f"a reply with no Chinese: {words!r}"
                assert not ENGLISH_SENTENCE.search(words), f"English in a Chinese reply: {words!r}"
        return self

    def start_typing(self, voice_words: str, study_words: str) -> "ChineseTypingChat":
        self.say("你好")
        self.say(voice_words)
        return self.say(study_words)

    def answer_typed(self, profile: Dict[str, str], confirm: str = "对，没错") -> Tuple[List[str], dict, int]:
        return super().answer_typed(profile, confirm)

    def assert_not_asked_again(self, asked: List[str], question_id: str, profile: Dict[str, str]) -> None:
        # A question asked again right after its answer was not understood: a re-ask.
        assert not asked or asked[-1] != question_id, (question_id, profile[question_id], self.text)

    def assert_understood(self, question_id: str, answer: str) -> None:
        """The Chinese re-ask has no fixed words: assert_not_asked_again catches it."""


@pytest.fixture
def chinese_chat(servers) -> ChineseTypingChat:
    return ChineseTypingChat(servers.rasa_url)


NPC_ELIGIBLE = {
    "npc_recurrent_metastatic": "是的，已经转移到肺了",
    "age": "五十八岁",
    "chemo_lines": "两线",
    "platinum_chemo": "用过，顺铂",
    "pd1_therapy": "用过特瑞普利单抗",
    "daily_activity": "能做点轻的家务，重活干不了",
    "last_treatment_days": "大概六周前",
    "side_effects_more_than_mild": "没有，现在挺好的",
    "measurable_lesion": "有",
    "npc_health_screen": "都没有",
    "other_cancer": "没有得过别的癌",
    "npc_recent_medicines": "没有",
    "tissue_sample": "可以",
    "pregnant_or_breastfeeding": "没有，他是男的",
    "contraception": "不适用",
}
NPC_HEALTH_ALL_NO = {
    "active_brain_metastases": "他没有", "immune_side_effect_severe": "据我所知没有",
    "lung_inflammation_steroids": "肯定没有", "current_lung_inflammation": "没有",
    "severe_lung_disease": "医生从来没说过", "effusion_drainage": "从来没有",
    "heart_or_stroke_uncontrolled": "当然没有", "autoimmune_disease": "他绝对没有",
    "active_hepatitis_b_or_c": "没有", "active_tuberculosis": "没得过", "immunodeficiency": "没有",
    "organ_transplant": "他没做过移植", "transplant_waiting": "不是", "antibody_allergy_severe": "没听说过",
}
NPC_WAITS = {
    "days_since_chemotherapy": "10天前", "days_since_immunotherapy": "十天前",
    "days_since_radiotherapy": "从来没做过", "days_since_major_surgery": "他从来没做过手术",
    "days_since_hormone_therapy": "从来没用过", "days_since_targeted_therapy": "从来没有",
    "days_since_chinese_medicine": "没吃过", "days_since_minor_surgery": "从来没有",
}
BREAST_ELIGIBLE = {
    "breast_advanced_unresectable": "是的，转移到骨头了",
    "hr_status": "ER阳性，PR阴性",
    "her2_result": "免疫组化2+，FISH没有扩增",
    "metastatic_chemo": "没有，只吃了内分泌的药",
    "anti_her2_therapy": "从来没用过",
    "age": "六十一岁",
    "daily_activity": "她还能做饭买菜，就是容易累",
    "progression_on_scan": "是的，上次复查长大了",
    "measurable_lesion": "有",
    "last_treatment_days": "两个月前",
    "side_effects_more_than_mild": "没有",
    "other_cancer": "没有",
    "breast_health_screen": "没有，都没有",
    "breast_recent_screen": "没有",
}
BREAST_HEALTH_ALL_NO = {
    "meningeal_or_active_brain_spread": "她没有", "lung_inflammation_steroids": "从来没有",
    "lung_disease_3_months": "肯定没有", "heart_disease": "她绝对没有",
    "blood_clot_6_months": "据我所知没有", "effusion_drainage": "没有", "severe_bone_damage": "当然没有",
    "liver_disease": "她没有", "dialysis": "没有", "immunodeficiency": "医生从来没说过",
    "organ_transplant": "她没做过移植", "unhealed_wound_or_fracture": "没有", "iv_or_swallowing_problem": "没有",
    "substance_or_psychiatric": "没有", "antibody_allergy": "没听说过", "chemo_allergy": "她不过敏",
}
BREAST_WAITS = {
    "days_since_chemotherapy": "她从来没做过化疗", "days_since_radiotherapy": "从来没有",
    "days_since_immunotherapy": "从来没用过", "days_since_hormone_therapy": "5天前",
    "days_since_targeted_therapy": "从来没有", "days_since_chinese_medicine": "没吃过", "days_since_trial_drug": "从来没有",
}


@dataclass
class Profile:
    name: str
    voice: str
    study: str
    answers: Dict[str, str]
    verdict: str
    caregiver: bool
    reasons: List[str] = field(default_factory=list)
    unknown: Optional[List[str]] = None
    wait_days: Optional[int] = None  # the waiting time that is left, when the only thing in the way is one


def _chinese_date(days_from_today: int) -> str:
    day = dt.date.today() + dt.timedelta(days=days_from_today)
    return f"{day.year}年{day.month}月{day.day}日"


NPC_PROFILES = [
    Profile("caregiver for a husband, eligible", "帮我老公问的", "鼻咽癌", NPC_ELIGIBLE, "likely_eligible", True),
    Profile("patient, negations everywhere, eligible", "我自己", "鼻咽癌", dict(
        NPC_ELIGIBLE, age="我45岁", side_effects_more_than_mild="我没有", npc_health_screen="据我所知都没有",
        npc_recent_medicines="肯定没有", pregnant_or_breastfeeding="没有", contraception="愿意",
        other_cancer="没有，就这一个"), "likely_eligible", False),
    Profile("17 years old", "是我本人", "鼻咽癌", dict(NPC_ELIGIBLE, age="17岁"), "likely_ineligible", False, ["NPC-I02"]),
    Profile("only one earlier treatment plan", "我爸爸", "鼻咽癌", dict(NPC_ELIGIBLE, chemo_lines="只做过一线"),
            "likely_ineligible", True, ["NPC-I04"]),
    Profile("mostly resting", "替我妈填的", "鼻咽癌", dict(
        NPC_ELIGIBLE, daily_activity="她一天大部分时间都躺在床上"), "likely_ineligible", True, ["NPC-I08"]),
    Profile("treatment 10 days ago: only a waiting time", "帮我老婆问", "鼻咽癌",
            dict(NPC_ELIGIBLE, last_treatment_days="10天前", **NPC_WAITS), "likely_ineligible", True, ["NPC-I07"],
            wait_days=18),
    Profile("health problems asked one by one, all no", "帮我老公问的", "鼻咽癌", dict(
        NPC_ELIGIBLE, npc_health_screen="不确定", **NPC_HEALTH_ALL_NO), "likely_eligible", True),
    Profile("lung inflammation treated with steroids", "帮我老公问的", "鼻咽癌", dict(
        NPC_ELIGIBLE, npc_health_screen="有", **dict(NPC_HEALTH_ALL_NO, lung_inflammation_steroids="有，很遗憾")),
        "likely_ineligible", True, ["NPC-E07"]),
    Profile("another cancer three years ago is allowed", "我自己", "鼻咽癌", dict(
        NPC_ELIGIBLE, other_cancer="2023年得过淋巴瘤"), "likely_eligible", False),
    Profile("hedges are not sure", "我自己", "鼻咽癌", dict(
        NPC_ELIGIBLE, pd1_therapy="应该用过吧", measurable_lesion="不知道"), "needs_review", False,
        unknown=["NPC-I04", "NPC-I05"]),
    Profile("pregnancy not possible, said in words", "帮我女儿问", "鼻咽癌", dict(
        NPC_ELIGIBLE, pregnant_or_breastfeeding="没有", contraception="她做过子宫切除手术"), "likely_eligible", True),
    Profile("Traditional characters", "幫我爸爸問的", "鼻咽癌", dict(
        NPC_ELIGIBLE, platinum_chemo="用過，順鉑", side_effects_more_than_mild="沒有"), "likely_eligible", True),
]

BREAST_PROFILES = [
    Profile("caregiver for a mother, eligible", "我是帮我妈妈问的", "乳腺癌", BREAST_ELIGIBLE, "likely_eligible", True),
    Profile("patient, eligible", "我自己", "乳腺癌", dict(
        BREAST_ELIGIBLE, age="52岁", anti_her2_therapy="我没用过", side_effects_more_than_mild="我没有"),
        "likely_eligible", False),
    Profile("HER2 0", "帮我老婆问", "乳腺癌", dict(BREAST_ELIGIBLE, her2_result="HER2是0"),
            "likely_ineligible", True, ["BC-I03"]),
    Profile("triple negative", "帮我姐姐问", "乳腺癌", dict(BREAST_ELIGIBLE, hr_status="三阴性"),
            "likely_ineligible", True, ["BC-S01"]),
    Profile("chemotherapy since it spread", "帮我妈问的", "乳腺癌", dict(
        BREAST_ELIGIBLE, metastatic_chemo="做过，吃的卡培他滨"), "likely_ineligible", True, ["BC-S02"]),
    Profile("80 years old", "替我母亲填", "乳腺癌", dict(BREAST_ELIGIBLE, age="她八十岁了"),
            "likely_ineligible", True, ["BC-I02"]),
    Profile("melanoma twelve years ago is allowed", "我自己", "乳腺癌", dict(
        BREAST_ELIGIBLE, other_cancer="十二年前切过一个黑色素瘤"), "likely_eligible", False),
    Profile("thyroid cancer in 2023", "我自己", "乳腺癌", dict(
        BREAST_ELIGIBLE, other_cancer="2023年得过甲状腺癌"), "likely_ineligible", False, ["BC-E01"]),
    Profile("heart attack", "帮我妈问的", "乳腺癌", dict(
        BREAST_ELIGIBLE, breast_health_screen="有", **dict(BREAST_HEALTH_ALL_NO, heart_disease="有，2020年心梗过")),
        "likely_ineligible", True, ["BC-E09"]),
    Profile("health problems asked one by one, all no", "帮我妈问的", "乳腺癌", dict(
        BREAST_ELIGIBLE, breast_health_screen="我不太确定", **BREAST_HEALTH_ALL_NO), "likely_eligible", True),
    Profile("hormone pills 5 days ago: only a waiting time", "帮我老婆问", "乳腺癌", dict(
        BREAST_ELIGIBLE, last_treatment_days="5天前", **BREAST_WAITS), "likely_ineligible", True, ["BC-E17-2"],
        wait_days=9),
    Profile("scan not known", "我自己", "乳腺癌", dict(BREAST_ELIGIBLE, measurable_lesion="不清楚"),
            "needs_review", False, unknown=["BC-I06"]),
]


def _screen(chat: ChineseTypingChat, profile: Profile) -> None:
    chat.start_typing(profile.voice, profile.study)
    asked, result, _ = chat.answer_typed(profile.answers)
    assert result["verdict"] == profile.verdict, (profile.name, asked, chat.text)
    assert result["reasons"] == profile.reasons, (profile.name, chat.text)
    if profile.unknown is not None:
        assert sorted(result["unknown"]) == sorted(profile.unknown)
    assert CJK.search(chat.text), chat.text  # the summary is in Chinese too
    if profile.wait_days is not None:
        assert _chinese_date(profile.wait_days) in chat.seen, (profile.name, chat.seen[-600:])
    caregiver = "您照顾的人" in (chat.first_question_text or "")
    assert caregiver == profile.caregiver, (profile.name, chat.first_question_text)


@pytest.mark.parametrize("profile", NPC_PROFILES, ids=[p.name for p in NPC_PROFILES])
def test_npc_profile_in_chinese_free_text(chinese_chat: ChineseTypingChat, profile: Profile):
    _screen(chinese_chat, profile)


@pytest.mark.parametrize("profile", BREAST_PROFILES, ids=[p.name for p in BREAST_PROFILES])
def test_breast_profile_in_chinese_free_text(chinese_chat: ChineseTypingChat, profile: Profile):
    _screen(chinese_chat, profile)
