"""The screening conversation in Chinese, action by action (Tracker.from_dict, as Rasa calls them).

Each test checks what a Chinese reader gets, not the words themselves: no
English left in a Chinese message (outside the abbreviations doctors write,
the ids and the study's registry numbers), every placeholder filled, the
caregiver's questions worded for the person cared for, dates written the
Chinese way, never a claim that someone qualifies, and every answer kept when
the language changes.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import re
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.choose_language import ActionChooseLanguage
from actions.control import ActionGoBack, ActionStartOver
from actions.form import ActionAskAnswer, ActionAskTrialId, ActionAskVoice, ValidateScreeningForm
from actions.help import ActionExplainQuestion, ActionExplainTerm
from actions.replies import ActionDefaultFallback, ActionGreet, ActionIAmABot, ActionOutOfScope
from actions.results import ActionScreeningResult, ActionShowSummary
from actions.safety import SafeAction
from bot.screening.answers import AnswerType, NOT_SURE
from bot.screening.catalog import Catalog
from tests.i18n.chinese_checks import CHINESE_DATE, CJK, assert_plain_chinese
from tests.i18n.chinese_seeds import chinese_catalog

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))
NPC, BREAST = "NCT06839066", "NCT06561607"
STARTED = "2026-11-22"
@pytest.fixture(scope="module")
def bilingual(tmp_path_factory) -> Catalog:
    return chinese_catalog(tmp_path_factory.mktemp("zh-seeds"))


@pytest.fixture(autouse=True)
def use_bilingual_catalog(bilingual: Catalog, monkeypatch):
    monkeypatch.setattr(context, "source_catalog", lambda: bilingual)
    monkeypatch.setattr(context, "today", lambda: dt.date.fromisoformat(STARTED))
    monkeypatch.setattr(context, "funnel", lambda: _NoFunnel())


class _NoFunnel:
    """The funnel counts are not what these tests look at (tests/staff test them)."""

    def screening_started(self, *args) -> None:
        pass

    def screening_finished(self, *args) -> None:
        pass


class Conversation:
    """The slots of one conversation, and the actions run on them as Rasa would."""

    def __init__(self, language: Optional[str] = "zh", voice: Optional[str] = None, trial: Optional[str] = None):
        self.slots: Dict[str, object] = {"chat_language": language, "voice": voice, "trial_id": trial,
                                         "answers": {}, "screening_date": STARTED if trial else None}
        self.messages: List[dict] = []
        self.events: List[dict] = []

    def run(self, action, text: str = "", intent: Optional[str] = None, entities=(), requested=None) -> "Conversation":
        tracker = Tracker.from_dict({
            "sender_id": "zh-test",
            "slots": {**self.slots, "requested_slot": requested},
            "latest_message": {"text": text, "intent": {"name": intent, "confidence": 1.0}, "entities": list(entities)},
            "events": [],
            "active_loop": {"name": "screening_form"} if requested else {},
        })
        dispatcher = CollectingDispatcher()
        self.events = asyncio.run(action.run(dispatcher, tracker, DOMAIN))
        self.messages = dispatcher.messages
        for event in self.events:
            if event.get("event") == "slot":
                self.slots[event["name"]] = event["value"]
        return self

    @property
    def texts(self) -> List[str]:
        return [m["text"] for m in self.messages if m.get("text")]

    @property
    def button_titles(self) -> List[str]:
        return [b["title"] for m in self.messages for b in m.get("buttons") or []]

    def custom(self, key: str) -> Optional[dict]:
        found = [m["custom"] for m in self.messages if key in (m.get("custom") or {})]
        return found[-1] if found else None

    def ask(self) -> Optional[str]:
        """Ask the current question; its id."""
        self.run(ActionAskAnswer(), requested="answer")
        asked = self.custom("question_id")
        return asked["question_id"] if asked else None

    def press(self, value: str) -> "Conversation":
        """Press the answer button that sends ``value``."""
        payload = json.dumps({"answer": value})
        return self.run(ValidateScreeningForm(), text=f"/inform{payload}", intent="inform",
                        entities=[{"entity": "answer", "value": value}], requested="answer")

    def answer_until_result(self, profile: Dict[str, str], catalog: Catalog) -> Tuple[List[str], List[str]]:
        """Press the profile's answers (a cautious one for any other question) until no question is left.

        Returns the question ids asked and every text said on the way."""
        asked, said = [], []
        while (question_id := self.ask()) is not None:
            said += self.texts
            asked.append(question_id)
            assert len(asked) < 60
            self.press(profile.get(question_id, _cautious(catalog.questions[question_id])))
            said += self.texts
        self.run(ActionScreeningResult())
        return asked, said + self.texts


def _cautious(question) -> str:
    """An answer that rules nothing out: "not sure", or "never" for a how-long-ago question."""
    if question.type is AnswerType.TIME_SINCE:
        return "never"
    return NOT_SURE if question.allows_not_sure else "0"


BREAST_WAITING = {  # everything fits but hormone therapy 3 days ago: a waiting time
    "breast_advanced_unresectable": "yes", "hr_status": "positive", "her2_result": "ihc_1", "metastatic_chemo": "no",
    "anti_her2_therapy": "no", "age": "60", "daily_activity": "fully_active", "progression_on_scan": "yes",
    "measurable_lesion": "yes", "last_treatment_days": "0", "days_since_chemotherapy": "never",
    "days_since_radiotherapy": "never", "days_since_immunotherapy": "never", "days_since_hormone_therapy": "0",
}


def test_the_greeting_is_chinese_and_offers_both_languages(bilingual):
    chat = Conversation().run(ActionGreet(), text="/greet", intent="greet")
    assert_plain_chinese(chat.texts, bilingual)
    payloads = [b["payload"] for m in chat.messages for b in m.get("buttons") or []]
    assert payloads == ['/choose_language{"language": "en"}', '/choose_language{"language": "zh"}']
    assert chat.button_titles == ["English", "中文"]
    english = Conversation(language=None).run(ActionGreet(), text="/greet", intent="greet")
    assert english.button_titles == ["English", "中文"] and not CJK.search(english.texts[0].splitlines()[0])


@pytest.mark.parametrize("action", [ActionOutOfScope(), ActionIAmABot(), ActionDefaultFallback()])
def test_the_fixed_replies_are_chinese(action, bilingual):
    assert_plain_chinese(Conversation().run(action).texts, bilingual)


def test_the_voice_and_trial_questions_are_chinese_and_the_caregiver_is_asked_about_the_person_cared_for(bilingual):
    voice = Conversation().run(ActionAskVoice(), requested="voice")
    assert_plain_chinese(voice.texts + voice.button_titles, bilingual)
    self_trial = Conversation(voice="self").run(ActionAskTrialId(), requested="trial_id")
    carer_trial = Conversation(voice="caregiver").run(ActionAskTrialId(), requested="trial_id")
    assert_plain_chinese(self_trial.texts + carer_trial.texts + carer_trial.button_titles, bilingual)
    assert self_trial.texts != carer_trial.texts
    assert "您照顾的人" in carer_trial.texts[0] and "您照顾的人" not in self_trial.texts[0]


def test_every_question_and_its_buttons_are_chinese_with_the_progress_filled_in(bilingual):
    chat = Conversation(voice="self", trial=BREAST)
    chinese = bilingual.in_language("zh")
    seen_types = set()
    while (question_id := chat.ask()) is not None and len(seen_types) < 4:
        asked = chat.custom("question_id")
        assert chat.texts[0] == chinese.questions[question_id].text["self"]  # the question from the zh catalog
        assert_plain_chinese(chat.button_titles + [asked["progress"]["label"]], bilingual)
        assert re.fullmatch(r"第\d+题，大约共\d+题", asked["progress"]["label"])
        seen_types.add(chinese.questions[question_id].type)
        chat.press(BREAST_WAITING.get(question_id, _cautious(chinese.questions[question_id])))
    assert AnswerType.TIME_SINCE in seen_types or len(seen_types) >= 3


@pytest.mark.parametrize("voice", ["self", "caregiver"])
def test_an_exclusion_is_explained_in_chinese_in_both_voices(voice, bilingual):
    chat = Conversation(voice=voice, trial=NPC)
    assert chat.ask() == "npc_recurrent_metastatic"
    chat.press("no")
    chat.run(ActionScreeningResult())
    assert chat.custom("verdict")["verdict"] == "likely_ineligible"
    assert_plain_chinese(chat.texts + chat.button_titles, bilingual)
    reason = chat.custom("verdict")["reasons"][0]
    explanation = next(c.explanation for c in bilingual.in_language("zh").trial(NPC).criteria if c.id == reason)
    assert explanation in chat.texts[0]  # the criterion's explanation from the zh catalog
    other = Conversation(voice="caregiver" if voice == "self" else "self", trial=NPC)
    other.ask()
    other.press("no")
    other.run(ActionScreeningResult())
    assert other.texts != chat.texts  # each voice has its own wording
    assert ("您照顾的人" in chat.texts[0]) == (voice == "caregiver")


@pytest.mark.parametrize("voice", ["self", "caregiver"])
def test_a_not_yet_gives_the_date_the_chinese_way(voice, bilingual):
    chat = Conversation(voice=voice, trial=BREAST)
    asked, said = chat.answer_until_result(BREAST_WAITING, bilingual)
    assert "days_since_hormone_therapy" in asked
    assert chat.custom("verdict")["not_yet"], chat.texts
    assert_plain_chinese(said, bilingual)
    assert any(CHINESE_DATE.search(text) for text in chat.texts), chat.texts
    chat.run(ActionShowSummary())
    card = chat.custom("card")["card"]
    for item in card["sections"][0]["items"]:  # each waiting time says "not yet" once, not twice
        assert len(re.findall(r"还要等|暂时还不行|not yet", item)) == 1, item
    assert_plain_chinese([card["verdict"], card["title"], card["not_a_decision"], card["next_step"]], bilingual)


def test_switching_language_mid_screening_keeps_every_answer_and_asks_the_same_question(bilingual):
    chat = Conversation(language="en", voice="self", trial=BREAST)
    for _ in range(3):
        question_id = chat.ask()
        chat.press(BREAST_WAITING[question_id])
    answers = dict(chat.slots["answers"])
    english_question = chat.ask()
    english_text = chat.texts[0]

    chat.run(ActionChooseLanguage(), text='/choose_language{"language": "zh"}', intent="choose_language",
             entities=[{"entity": "language", "value": "zh"}], requested="answer")
    assert [e["name"] for e in chat.events if e["event"] == "slot"] == ["chat_language"]
    assert chat.slots["chat_language"] == "zh"
    assert_plain_chinese(chat.texts, bilingual)
    assert chat.ask() == english_question and chat.texts[0] != english_text
    assert chat.slots["answers"] == answers

    chat.run(ActionChooseLanguage(), text="English please", intent="choose_language", requested="answer")
    assert chat.slots["chat_language"] == "en" and not CJK.search(chat.texts[0].replace("中文", ""))
    assert chat.ask() == english_question and chat.texts[0] == english_text
    assert chat.slots["answers"] == answers


@pytest.mark.parametrize("words, chosen", [("中文", "zh"), ("说中文吧", "zh"), ("Chinese please", "zh"),
                                           ("English", "en"), ("用英文", "en"), ("not Chinese, English", None)])
def test_the_language_is_read_from_the_words_without_an_entity(words, chosen):
    chat = Conversation(language=None).run(ActionChooseLanguage(), text=words, intent="choose_language")
    assert chat.slots["chat_language"] == chosen
    if chosen is None:
        assert chat.button_titles == ["English", "中文"]  # asked which, with a button for each


def test_a_person_writing_chinese_before_choosing_is_answered_in_chinese_from_then_on(bilingual):
    chat = Conversation(language=None).run(ActionGreet(), text="你好，我想了解一下这个研究", intent="greet")
    assert chat.slots["chat_language"] == "zh"
    assert_plain_chinese(chat.texts, bilingual)
    assert "English" in chat.texts[0]  # how to switch back
    chat.run(ActionAskVoice(), text="你好，我想了解一下这个研究", intent="greet", requested="voice")
    assert len(chat.texts) == 1  # said once, not by every action of the turn
    assert_plain_chinese(chat.texts, bilingual)


def test_a_chinese_name_in_the_contact_form_chooses_no_language():
    tracker = Tracker.from_dict({
        "sender_id": "zh-test", "slots": {"chat_language": None, "requested_slot": "first_name"},
        "latest_message": {"text": "张伟", "intent": {"name": "inform", "confidence": 0.9}, "entities": []},
        "events": [], "active_loop": {"name": "contact_form"},
    })
    dispatcher = CollectingDispatcher()
    events = asyncio.run(ActionIAmABot().run(dispatcher, tracker, DOMAIN))
    assert events == [] and not CJK.search(dispatcher.messages[0]["text"])


@pytest.mark.parametrize("text", ["hello there", "I had 化疗 last month", "/greet", "62"])
def test_english_or_a_button_press_chooses_nothing(text):
    chat = Conversation(language=None).run(ActionGreet(), text=text, intent="greet")
    assert chat.slots["chat_language"] is None


def test_a_typed_chinese_answer_without_a_chinese_reader_asks_for_the_buttons_and_keeps_the_answers(
        bilingual, monkeypatch):
    import actions.safety
    from bot.understanding import reader_for

    def only_english(language):  # as before the Chinese reader exists (it is built on another branch)
        if language != "en":
            raise KeyError(language)
        return reader_for(language)

    monkeypatch.setattr(actions.safety, "reader_for", only_english)
    chat = Conversation(voice="caregiver", trial=NPC)
    chat.ask()
    chat.press("yes")
    kept = dict(chat.slots["answers"])
    chat.ask()
    chat.run(ValidateScreeningForm(), text="六十二岁", intent="inform", requested="answer")
    assert_plain_chinese(chat.texts, bilingual)
    assert chat.slots["answers"] == kept and chat.slots.get("answer") is None


def test_go_back_start_over_and_why_are_chinese(bilingual):
    chat = Conversation(voice="self", trial=NPC)
    chat.ask()
    chat.press("yes")
    chat.ask()
    chat.run(ActionExplainQuestion(), text="为什么问这个", intent="ask_why", requested="answer")
    assert_plain_chinese(chat.texts, bilingual)
    chat.run(ActionGoBack(), text="改一下", intent="go_back", requested="answer")
    assert_plain_chinese(chat.texts, bilingual)
    assert chat.slots["answers"] == {}
    chat.run(ActionStartOver(), text="重新开始", intent="start_over")
    assert_plain_chinese(chat.texts, bilingual)
    assert chat.slots["chat_language"] == "zh"  # starting over keeps the language chosen


class _Broken(SafeAction):
    def name(self):
        return "action_broken"

    async def act(self, dispatcher, tracker, domain):
        raise RuntimeError("boom")


def test_the_apology_is_chinese(bilingual):
    assert_plain_chinese(Conversation().run(_Broken()).texts, bilingual)


def test_a_chinese_term_is_found_inside_a_chinese_sentence(bilingual):
    chinese = bilingual.in_language("zh")
    question = next(q for q in chinese.questions.values() if any(CJK.search(t) and len(t) >= 3 for t in q.terms))
    term = max((t for t in question.terms if CJK.search(t)), key=len)
    chat = Conversation().run(ActionExplainTerm(), text=f"{term}是什么意思？", intent="ask_meaning")
    assert question.help in chat.texts[0]
    assert_plain_chinese(chat.texts, bilingual)
    english = Conversation(language="en").run(ActionExplainTerm(), text="what does ecography mean", intent="ask_meaning")
    assert "ECOG" not in english.texts[0]  # a Latin-letter term still needs whole words


def test_go_back_finds_the_answer_named_in_chinese(bilingual):
    chat = Conversation(voice="self", trial=NPC)
    first = chat.ask()
    chat.press("yes")
    second = chat.ask()
    chat.press("62")
    term = next(t for t in bilingual.in_language("zh").questions[first].terms if CJK.search(t) and len(t) >= 3)
    chat.run(ActionGoBack(), text=f"我想改一下{term}那个回答", intent="go_back", requested="answer")
    assert list(chat.slots["answers"]) == [second]  # the named answer is undone, not the last one
