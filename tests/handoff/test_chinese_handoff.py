"""The hand-off the Chinese way, through the contact form's actions (rasa_sdk trackers built by
hand with Tracker.from_dict): one name field, mainland mobiles, the language the study team
speaks, the separate consent for the sponsor, and e-mails in the right languages.

Each test runs with its own SQLite database and a real SMTP server on loopback; every
expected value is written by hand, never read from the code under test."""

from __future__ import annotations

import asyncio
import email
import email.policy
import re

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.contact import (
    ActionAskDetailsConfirmed,
    ActionAskSponsorConsent,
    ActionSubmitContact,
    ValidateContactForm,
    contact_details,
)
from actions.sealed_slots import seal, unseal
from bot.i18n import use_language
from bot.settings import get_settings
from bot.storage.migrate import upgrade
from bot.storage import Repository
from tests.handoff.conftest import NPC, STUDY_TEAM_EMAIL

CJK = re.compile(r"[\u4e00-\u9fff]")
# An English sentence: three Latin words in a row (names, addresses, ids and "PD-1" are not sentences).
ENGLISH_SENTENCE = re.compile(r"\b[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}\b")
SPONSOR = "Shanghai Henlius Biotech"  # the NPC listing's sponsor, as the listing names it
SPONSOR_IN = {"en": SPONSOR, "zh": "上海复宏汉霖生物技术股份有限公司"}  # as the trial file gives it in each language


@pytest.fixture
def chat_app(tmp_path, monkeypatch, smtp_server, catalog):
    """The action server's settings on a fresh database and the loopback mail server."""
    mailbox, smtp = smtp_server
    database_url = f"sqlite:///{tmp_path / 'prescreen.db'}"
    for name, value in {
        "DATABASE_URL": database_url, "ACTION_SERVER_TOKEN": "test-secret-for-sealing",
        f"STUDY_TEAM_EMAIL_{NPC}": STUDY_TEAM_EMAIL, "SMTP_HOST": smtp.host, "SMTP_PORT": str(smtp.port),
        "SMTP_TIMEOUT_SECONDS": "5", "PHONE_DEFAULT_REGION": "GB", "CONTACT_RETENTION_DAYS": "180",
    }.items():
        monkeypatch.setenv(name, value)
    for cached in (get_settings, context.repository, context.funnel):
        cached.cache_clear()
    repository = Repository.from_url(database_url)
    upgrade(repository.engine)
    repository.sync_catalog(catalog)
    yield repository, mailbox
    repository.engine.dispose()
    for cached in (get_settings, context.repository, context.funnel):
        cached.cache_clear()


def tracker(language: str, slots=None, text: str = "", requested: str = None, intent: str = "inform") -> Tracker:
    return Tracker.from_dict(_tracker_dict(language, {"requested_slot": requested, **(slots or {})}, text, intent))


def _tracker_dict(language: str, slots=None, text: str = "", intent: str = "inform") -> dict:
    filled = {"chat_language": language, "voice": "self", "trial_id": NPC, "answers": {}, "requested_slot": None,
              **(slots or {})}
    return {
        "sender_id": f"conversation-{language}", "slots": filled,
        "latest_message": {"text": text, "intent": {"name": intent, "confidence": 0.99}, "entities": []},
        "events": [], "paused": False, "followup_action": None, "active_loop": {"name": "contact_form"},
        "latest_action_name": None,
    }


def validate(field: str, value, language: str, slots=None):
    dispatcher = CollectingDispatcher()
    form = ValidateContactForm()
    with use_language(language):
        result = asyncio.run(getattr(form, f"validate_{field}")(value, dispatcher, tracker(language, slots), {}))
    return result, [m.get("text") for m in dispatcher.messages]


def required(language: str, slots=None):
    with use_language(language):
        return asyncio.run(ValidateContactForm().required_slots([], CollectingDispatcher(), tracker(language, slots), {}))


def run(action, language: str, slots=None):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker(language, slots), {}))
    return events, dispatcher.messages


def messages_of(mailbox):
    return {m["to"][0]: email.message_from_bytes(m["data"], policy=email.policy.default) for m in mailbox.messages}


# --- the form's questions -----------------------------------------------------


def test_a_chinese_conversation_asks_one_name_and_an_english_one_two(chat_app):
    chinese, english = required("zh"), required("en")
    assert "full_name" in chinese and "first_name" not in chinese and "last_name" not in chinese
    assert "first_name" in english and "last_name" in english and "full_name" not in english
    for slots in (chinese, english):  # the sponsor's own yes or no comes right after the consent, before any detail
        assert slots[:2] == ["consent", "sponsor_consent"]


@pytest.mark.parametrize("typed", ["+86 139 1234 5678", "0086 139-1234-5678", "13912345678", "139 1234 5678",
                                   "+86-139-1234-5678", "８６ １３９１２３４５６７８"])
def test_a_mainland_mobile_is_accepted_in_several_spellings(chat_app, typed):
    result, said = validate("phone", typed, "zh")
    assert unseal(result["phone"]) == "+8613912345678" and said == []


@pytest.mark.parametrize("typed", ["010 6552 9988", "021-12345678", "1391234567", "139123456789", "12345"])
def test_a_landline_or_a_wrong_length_is_refused_in_chinese_and_nothing_given_is_lost(chat_app, typed):
    given = {"consent": True, "sponsor_consent": False, "full_name": seal("陈小明"), "email": seal("xm@example.cn")}
    result, said = validate("phone", typed, "zh", given)
    assert result == {"phone": None}  # only the number is asked again: the name and e-mail stay as they were
    assert len(said) == 1 and CJK.search(said[0]) and not ENGLISH_SENTENCE.search(said[0])
    assert "11" in said[0]  # says how many digits a mobile number has


def test_an_english_conversation_keeps_its_own_default_region(chat_app):
    result, _ = validate("phone", "07911 123456", "en")
    assert unseal(result["phone"]) == "+447911123456"
    result, said = validate("phone", "010 6552 9988", "en")  # a Chinese landline, read as a UK number: refused
    assert result == {"phone": None} and not CJK.search(said[0])


@pytest.mark.parametrize("typed", ["陈小明", "欧阳娜娜", "阿依古丽·买买提", "  王 芳 "])
def test_a_chinese_name_is_one_field(chat_app, typed):
    result, said = validate("full_name", typed, "zh")
    assert unseal(result["full_name"]) == " ".join(typed.split()) and said == []


def test_a_name_with_markup_is_refused_in_chinese(chat_app):
    result, said = validate("full_name", "<b>陈</b>", "zh")
    assert result == {"full_name": None} and CJK.search(said[0])


@pytest.mark.parametrize("typed, code", [("cmn", "cmn"), ("普通话", "cmn"), ("粤语", "yue"), ("广东话", "yue"),
                                         ("en", "en"), ("英语", "en"), ("客家话", "客家话")])
def test_the_language_the_team_speaks_is_a_code(chat_app, typed, code):
    result, _ = validate("language", typed, "zh")
    assert unseal(result["language"]) == code


@pytest.mark.parametrize("typed", ["中文", "Chinese"])
def test_chinese_alone_is_asked_again_never_guessed(chat_app, typed):
    result, said = validate("language", typed, "zh")
    assert result == {"language": None} and CJK.search(said[0])


def test_other_asks_for_the_name_of_the_language(chat_app):
    from actions.contact import PROMPT_ACTIONS

    result, said = validate("language", "other", "zh")
    assert result == {"language": None} and said == []  # no "sorry": the name is asked for next
    ask_language = next(action for action in PROMPT_ACTIONS if action().name() == "action_ask_language")
    dispatcher = CollectingDispatcher()
    chose_other = Tracker.from_dict({**_tracker_dict("zh", {"requested_slot": "language"}, "其他"),
                                     "latest_message": {"text": "/inform", "intent": {"name": "inform"},
                                                        "entities": [{"entity": "answer", "value": "other"}]}})
    asyncio.run(ask_language().run(dispatcher, chose_other, {}))
    asked = dispatcher.messages[0]
    assert CJK.search(asked["text"]) and not asked.get("buttons")  # only "type its name", not the buttons again
    dispatcher = CollectingDispatcher()
    asyncio.run(ask_language().run(dispatcher, tracker("zh", requested="language", text="陈小明"), {}))
    assert len(dispatcher.messages[0]["buttons"]) == 4  # any other reply: the question with its buttons


def test_the_language_buttons(chat_app):
    from bot.handoff.messages import CONTACT_PROMPTS

    with use_language("zh"):
        chinese = CONTACT_PROMPTS["language"]
    with use_language("en"):
        english = CONTACT_PROMPTS["language"]
    assert [b.title for b in chinese.buttons] == ["普通话", "粤语", "English", "其他"]
    assert [b.title for b in english.buttons] == ["Mandarin", "Cantonese", "English", "Other"]
    assert [b.payload for b in chinese.buttons] == [b.payload for b in english.buttons]


# --- the separate consent for the sponsor --------------------------------------------


@pytest.mark.parametrize("language", ["zh", "en"])
def test_the_sponsor_question_is_its_own_yes_or_no_and_names_the_sponsor(chat_app, language):
    _, said = run(ActionAskSponsorConsent(), language, {"consent": True})
    assert SPONSOR_IN[language] in said[0]["text"]
    assert [b["payload"] for b in said[0]["buttons"]] == ["/affirm", "/deny"]
    assert bool(CJK.search(said[0]["text"])) == (language == "zh")


@pytest.mark.parametrize("language", ["zh", "en"])
def test_no_to_the_sponsor_says_what_it_means(chat_app, language):
    result, said = validate("sponsor_consent", False, language)
    assert result == {"sponsor_consent": False}
    assert len(said) == 1 and SPONSOR_IN[language] in said[0]
    result, said = validate("sponsor_consent", True, language)
    assert result == {"sponsor_consent": True} and said == []


def test_the_read_back_in_chinese(chat_app):
    slots = {"consent": True, "sponsor_consent": False, "full_name": seal("陈小明"), "email": seal("xm@example.cn"),
             "phone": seal("+8613912345678"), "language": seal("yue"), "city_or_site": seal(""),
             "best_time": seal("")}
    _, said = run(ActionAskDetailsConfirmed(), "zh", slots)
    text = said[0]["text"]
    assert "陈小明" in text and "139 1234 5678" in text  # the number in national format
    assert "粤语" in text and "yue" not in text  # the language in words, not its code
    assert SPONSOR_IN["zh"] in text
    assert not ENGLISH_SENTENCE.search(text)


# --- saving and the e-mails ------------------------------------------------------------


def _submitted(language: str, details, sponsor_consent: bool):
    slots = {"consent": True, "sponsor_consent": sponsor_consent, "wants_confirmation": True,
             "details_confirmed": True, **{field: seal(value) for field, value in details.items()}}
    return run(ActionSubmitContact(), language, slots)


CHEN = {"full_name": "陈小明", "email": "chen.xm@example.cn", "phone": "+8613912345678", "language": "yue",
        "city_or_site": "广州", "best_time": ""}
ANA = {"first_name": "Ana", "last_name": "Silva", "email": "ana.silva@example.com", "phone": "+442079460958",
       "language": "Portuguese", "city_or_site": "", "best_time": "mornings"}


def test_a_chinese_request_is_stored_with_one_name_both_languages_and_the_sponsor_no(chat_app):
    repository, mailbox = chat_app
    events, said = _submitted("zh", CHEN, sponsor_consent=False)
    reference = said[-1]["custom"]["reference"]
    assert CJK.search(said[-1]["text"]) and reference in said[-1]["text"]
    saved = repository.get_request(reference)
    assert (saved.full_name, saved.first_name, saved.last_name) == ("陈小明", "", "")
    assert saved.name == "陈小明"
    assert (saved.language, saved.chat_language, saved.sponsor_consent) == ("yue", "zh", False)
    assert all(e["value"] is None for e in events if e.get("event") == "slot")  # the form's slots are cleared

    mails = messages_of(mailbox)
    team = mails[STUDY_TEAM_EMAIL].get_content()
    assert "陈小明" in team and "First name" not in team
    assert "Cantonese (yue)" in team  # the language to call in, in the team's language
    assert "Simplified Chinese (zh)" in team  # and the language the person chatted in
    assert re.search(r"sponsor.*Not agreed", team)
    assert not CJK.search(team.replace("陈小明", "").replace("广州", ""))  # the team's e-mail is English

    mine = mails["chen.xm@example.cn"]
    body = mine.get_content()
    assert CJK.search(mine["Subject"]) and CJK.search(body)
    assert "陈小明" in body and "粤语" in body
    assert SPONSOR_IN["zh"] in body and SPONSOR not in body  # the sponsor as the person read it in the chat
    # The letter, before the chat's summary (which quotes the listing's English), has no English sentence.
    letter, summary_heading, _ = body.partition("您在对话中的小结：")
    assert summary_heading
    for kept in ("chen.xm@example.cn", NPC, reference):
        letter = letter.replace(kept, "")
    assert not ENGLISH_SENTENCE.search(letter)


def test_an_english_request_keeps_first_and_last_name_and_the_sponsor_yes(chat_app):
    repository, mailbox = chat_app
    _, said = _submitted("en", ANA, sponsor_consent=True)
    reference = said[-1]["custom"]["reference"]
    saved = repository.get_request(reference)
    assert (saved.first_name, saved.last_name, saved.full_name, saved.name) == ("Ana", "Silva", "", "Ana Silva")
    assert (saved.chat_language, saved.sponsor_consent) == ("en", True)
    mails = messages_of(mailbox)
    team = mails[STUDY_TEAM_EMAIL].get_content()
    assert "First name: Ana" in team and "Last name: Silva" in team
    assert "English (en)" in team and "Portuguese" in team
    assert re.search(r"sponsor.*Agreed", team)
    assert not CJK.search(mails["ana.silva@example.com"].get_content())


def test_a_chinese_name_is_shown_in_the_terminal_tool(chat_app):
    from bot.handoff.requests import show_request

    repository, _ = chat_app
    _, said = _submitted("zh", CHEN, sponsor_consent=True)
    shown = show_request(repository, said[-1]["custom"]["reference"])
    assert "Name: 陈小明" in shown
    assert any(line.startswith("Sharing with the sponsor: Agreed") for line in shown)
    assert any("Simplified Chinese" in line for line in shown)


def test_the_details_asked_follow_the_language(chat_app):
    slots = {field: seal(value) for field, value in {**CHEN, "first_name": "Stale"}.items()}
    with use_language("zh"):
        details = contact_details(tracker("zh", slots))
    assert "first_name" not in details and details["full_name"] == "陈小明"


def test_the_new_details_never_reach_the_logs(chat_app, caplog):
    caplog.set_level("DEBUG")
    validate("phone", "010 6552 9988", "zh")  # refused: the refusal is logged by field name only
    validate("full_name", "陈小明", "zh")
    validate("language", "粤语", "zh")
    _submitted("zh", CHEN, sponsor_consent=False)
    # The project's own loggers (the loopback mail server of the test logs what it receives, as mail servers do).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.split(".")[0] in ("actions", "bot", "widget"))
    assert "contact request" in logged  # the hand-off was logged, by reference
    for detail in ("陈小明", "13912345678", "139 1234 5678", "65529988", "chen.xm", "广州", "粤语"):
        assert detail not in logged


def test_the_emails_a_person_sends_themselves_are_in_the_chat_language(screen_answers, catalog):
    import datetime as dt

    from bot.handoff.keep import resume_email, summary_email

    result = screen_answers(NPC, {"npc_recurrent_metastatic": "yes", "age": 16})
    expires = dt.datetime(2026, 12, 8, 9, 0, tzinfo=dt.timezone.utc)
    with use_language("zh"):
        subject, body = resume_email("https://assistant.example.org/?resume=TOKEN", expires)
        summary_subject, _ = summary_email(result, "self", {}, catalog.questions)
    assert CJK.search(subject) and "2026年12月8日" in body and not ENGLISH_SENTENCE.search(body.replace(
        "https://assistant.example.org/?resume=TOKEN", ""))
    assert CJK.search(summary_subject)
    with use_language("en"):
        subject, body = resume_email("https://assistant.example.org/?resume=TOKEN", expires)
    assert not CJK.search(subject + body) and "8 December 2026" in body
