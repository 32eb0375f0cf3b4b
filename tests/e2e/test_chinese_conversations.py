"""Whole screenings in Chinese over the REST channel, answered with buttons only
(the Chinese reader of typed answers is built elsewhere): ten profiles per trial
in both voices, exclusions explained, "not yet" with its date written the Chinese
way, and a switch of language in the middle that keeps every answer."""

from __future__ import annotations

import datetime as dt
from typing import List, Mapping, Tuple

import pytest

from bot.screening.catalog import Catalog, load_catalog
from tests.conftest import SEEDS_DIR, TODAY
from tests.e2e.conftest import Chat, button
from tests.i18n.chinese_checks import CHINESE_DATE, CJK, assert_plain_chinese
from tests.test_profiles import BC_TYPICAL, NPC_TYPICAL, PROFILES

NPC, BREAST = "NCT06839066", "NCT06561607"
CHOOSE_ZH = '/choose_language{"language": "zh"}'
CHOOSE_EN = '/choose_language{"language": "en"}'
TRIAL_PAYLOAD = {NPC: "/choose_npc", BREAST: "/choose_breast"}
VOICE_PAYLOAD = {"self": "/self_voice", "caregiver": "/caregiver_voice"}

# Ten profiles per trial, each with its expected verdict, answered by a patient and by a caregiver in turn.
ROWS = [tuple(getattr(row, "values", row)) for row in PROFILES]
PROFILES_PER_TRIAL = 10
CHINESE_PROFILES = [
    (name, trial_id, profile, verdict, waits, ("self", "caregiver")[number % 2])
    for trial in (NPC, BREAST)
    for number, (name, trial_id, profile, verdict, _not_met, waits) in enumerate(
        [row for row in ROWS if row[1] == trial][:PROFILES_PER_TRIAL])
]


def test_the_chinese_profiles_cover_both_trials_both_voices_exclusions_and_waits():
    for trial in (NPC, BREAST):
        rows = [row for row in CHINESE_PROFILES if row[1] == trial]
        assert len(rows) == PROFILES_PER_TRIAL
        assert {row[5] for row in rows} == {"self", "caregiver"}
        assert "likely_ineligible" in {row[3] for row in rows} and any(row[4] for row in rows)


@pytest.fixture(scope="module")
def chinese() -> Catalog:
    bilingual = load_catalog(SEEDS_DIR)
    if "zh" not in bilingual.languages:
        pytest.fail("the seed files do not all hold Chinese (languages: [en, zh])")
    return bilingual.in_language("zh")


def _texts(chat: Chat) -> List[str]:
    return [reply["text"] for reply in chat.replies if reply.get("text")]


def _begin_in_chinese(chat: Chat, voice: str, trial_id: str, chinese: Catalog) -> List[str]:
    said: List[str] = []
    chat.say(CHOOSE_ZH)
    said += _texts(chat)
    chat.say("/greet")
    assert chat.button_titles[:2] == ["English", "中文"] and "为自己回答" in chat.text
    said += _texts(chat) + chat.button_titles
    chat.say(VOICE_PAYLOAD[voice])
    assert ("您照顾的人" in chat.text) == (voice == "caregiver")
    said += _texts(chat) + chat.button_titles
    chat.say(TRIAL_PAYLOAD[trial_id])
    return said


def _answer_with_buttons(chat: Chat, profile: Mapping[str, object], voice: str,
                         chinese: Catalog) -> Tuple[List[str], List[str]]:
    """Press the profile's answers until a result; the question ids asked and every text said."""
    asked, said = [], []
    while chat.result is None:
        question_id = chat.question_id
        assert question_id is not None, chat.text
        assert question_id not in asked, f"{question_id} asked twice"
        assert question_id in profile, f"unexpected question {question_id}"
        asked.append(question_id)
        assert chat.custom("question_id")["voice"] == voice
        assert chinese.questions[question_id].text_for(voice) in chat.text  # the Chinese question, in the voice
        said += _texts(chat) + chat.button_titles
        chat.say(button(_pressed(profile[question_id])))
    said += _texts(chat) + chat.button_titles
    return asked, said


def _pressed(value: object) -> str:
    """What a button sends for a profile's answer; a date becomes "days ago", as the buttons send it.

    The profiles' dates are set against the tests' fixed today; the servers' today is the real one."""
    if isinstance(value, str):
        try:
            value = dt.date.fromisoformat(value)
        except ValueError:
            return value
    if isinstance(value, dt.date):
        return str((TODAY - value).days)
    return str(value)


@pytest.mark.parametrize("name, trial_id, profile, verdict, waits, voice", CHINESE_PROFILES,
                         ids=[f"{row[0]}-{row[5]}" for row in CHINESE_PROFILES])
def test_a_whole_screening_in_chinese_with_buttons(chat: Chat, chinese: Catalog, name, trial_id, profile,
                                                   verdict, waits, voice):
    said = _begin_in_chinese(chat, voice, trial_id, chinese)
    asked, answered = _answer_with_buttons(chat, profile, voice, chinese)
    said += answered
    result = chat.result
    assert result["verdict"] == verdict
    lasting = [reason for reason in result["reasons"] if reason not in result.get("not_yet", [])]
    if verdict == "likely_ineligible" and lasting:
        # Explained at once, with the criterion's plain Chinese explanation.
        explanations = {c.id: c.explanation for c in chinese.trial(trial_id).criteria}
        assert any(explanations[reason] in chat.text for reason in result["reasons"])
    if waits:
        assert any(CHINESE_DATE.search(text) for text in said), "a waiting time without its end date"
    chat.say("/show_summary")
    summary = chat.custom("card")
    assert summary is not None and summary["trial"] == trial_id
    said += _texts(chat) + chat.button_titles
    assert_plain_chinese(said, chinese)


def test_switching_language_in_the_middle_keeps_every_answer(chat: Chat, chinese: Catalog):
    chat.start("caregiver", "breast")
    asked: List[str] = []
    for _ in range(4):
        asked.append(chat.question_id)
        chat.say(button(_pressed(BC_TYPICAL[chat.question_id])))
    current, english_text = chat.question_id, chat.text
    assert current not in asked and not CJK.search(english_text)

    chat.say(CHOOSE_ZH)
    assert chat.question_id == current  # the same question again, in Chinese, in the caregiver's voice
    assert chinese.questions[current].text_for("caregiver") in chat.text
    assert_plain_chinese(_texts(chat), chinese)
    chat.say("/ask_progress")
    assert f"第{len(asked) + 1}题" in chat.text  # every answer before the switch still counts
    chat.say(button(_pressed(BC_TYPICAL[chat.question_id])))
    asked.append(current)

    chat.say(CHOOSE_EN)
    assert "English" in chat.text and chat.question_id not in asked
    rest, _said = _answer_with_buttons(chat, BC_TYPICAL, "caregiver", load_catalog(SEEDS_DIR))
    assert not set(rest) & set(asked)
    assert chat.result["verdict"] == "likely_eligible"


def test_a_typed_stop_in_chinese_is_asked_about_and_a_refusal_goes_on(chat: Chat, chinese: Catalog):
    _begin_in_chinese(chat, "self", NPC, chinese)
    asked = []
    for _ in range(3):
        asked.append(chat.question_id)
        chat.say(button(_pressed(NPC_TYPICAL[chat.question_id])))
    current = chat.question_id
    chat.say("我不想做了")
    assert "您要现在结束吗" in chat.text and "我没有保存" not in chat.text
    assert chat.button_titles == ["是的，结束", "不，继续回答"]
    assert_plain_chinese(_texts(chat) + chat.button_titles, chinese)
    chat.say("不要")  # "don't (stop)": a bare refusal must never end the screening
    assert "我们继续" in chat.text and chat.question_id == current
    chat.say("/ask_progress")
    assert f"第{len(asked) + 1}题" in chat.text  # the answers before the stop question are kept
    chat.say("结束吧")
    assert "您要现在结束吗" in chat.text
    chat.say("/affirm")
    assert "我没有保存您的回答" in chat.text


def test_the_chinese_summary_after_a_switch_counts_the_english_answers(chat: Chat, chinese: Catalog):
    chat.start("self", "npc")
    before: List[str] = []
    for _ in range(3):
        before.append(chat.question_id)
        chat.say(button(_pressed(NPC_TYPICAL[chat.question_id])))
    chat.say(CHOOSE_ZH)
    asked, said = _answer_with_buttons(chat, NPC_TYPICAL, "self", chinese)
    assert not set(before) & set(asked)  # nothing answered in English is asked again
    assert chat.result["verdict"] == "likely_eligible"
    assert_plain_chinese(said, chinese)


def test_writing_chinese_first_switches_to_chinese_and_says_how_to_switch_back(chat: Chat, chinese: Catalog):
    chat.say("你好")
    assert_plain_chinese(_texts(chat), chinese)
    assert "English" in chat.text
    chat.say("/greet")
    assert_plain_chinese(_texts(chat), chinese)
    assert "为自己回答" in chat.text


def test_pressing_the_greetings_chinese_button_asks_the_first_question_again_in_chinese(chat: Chat, chinese: Catalog):
    chat.say("hi")
    assert "Are you answering for yourself" in chat.text and chat.button_titles[:2] == ["English", "中文"]
    chat.say(CHOOSE_ZH)
    assert_plain_chinese(_texts(chat) + chat.button_titles, chinese)
    assert "为自己回答" in chat.text and "为我自己" in chat.button_titles
    chat.say("/caregiver_voice")
    assert "您照顾的人" in chat.text and "鼻咽癌" in chat.button_titles
    chat.say("/choose_breast")
    assert chat.question_id == chinese.trial(BREAST).question_order[0]
    assert chinese.questions[chat.question_id].text_for("caregiver") in chat.text
