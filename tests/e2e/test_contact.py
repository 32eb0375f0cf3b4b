"""The contact hand-off, end to end: both servers, a migrated database and a real
SMTP server on loopback. Expected values are written by hand."""

from __future__ import annotations

import json
import re
import sqlite3
from typing import Mapping

from tests.e2e.conftest import STUDY_TEAM_EMAILS, Chat, SmtpServer, body, button, conversation_events, run_module
from tests.e2e.servers import Servers
from tests.e2e.test_conversations import NPC_BUTTONS

REFERENCE = re.compile(r"\bPS-[A-Z0-9]{4}-[A-Z0-9]{4}\b")
NPC = "NCT06839066"


def database(app_env: Mapping[str, str]) -> sqlite3.Connection:
    return sqlite3.connect(app_env["DATABASE_URL"].removeprefix("sqlite:///"))


def count(app_env: Mapping[str, str], table: str, where: str = "1=1", *args) -> int:
    with database(app_env) as connection:
        return connection.execute(f"SELECT count(*) FROM {table} WHERE {where}", args).fetchone()[0]  # noqa: S608


def finish_npc_screening(chat: Chat) -> None:
    chat.start("self", "npc")
    chat.answer_all(NPC_BUTTONS)
    assert chat.result["verdict"] == "likely_eligible"


def give_details(chat: Chat, email: str = "ana.silva@example.com", phone: str = "+44 20 7946 0958") -> None:
    chat.say("Ana").say("Silva").say(email).say(phone).say("Portuguese").say("skip").say("mornings").say("yes")


def test_details_are_checked_saved_and_sent_to_the_study_team(
    chat: Chat, servers: Servers, smtp_server: SmtpServer, app_env
):
    finish_npc_screening(chat)
    chat.say("/request_contact")
    assert "Shanghai Henlius Biotech" in chat.text
    assert "delete my data" in chat.text
    assert chat.button_titles == ["Yes, I agree", "No, thank you"]
    assert "180 days" in chat.text  # how long it is kept: CONTACT_RETENTION_DAYS (default)
    chat.say("yes")
    # The sponsor, a third party, gets its own question and its own no.
    assert "Shanghai Henlius Biotech" in chat.text
    assert chat.button_titles == ["Yes, the sponsor too", "No, only the study team"]
    chat.say("no")
    assert "Only the study team will get your details" in chat.text
    assert "What first name" in chat.text
    chat.say("Ana").say("Silva")
    assert "email address" in chat.text
    chat.say("ana.silva@")
    assert "Sorry, I could not use that." in chat.text and "email address" in chat.text
    chat.say("ana.silva@example.com")
    assert "phone number" in chat.text
    chat.say("12345")
    assert "Sorry, I could not use that." in chat.text and "phone number" in chat.text
    chat.say("+44 20 7946 0958")
    chat.say("Portuguese").say("skip").say("mornings").say("yes")
    assert "Please check your details" in chat.text
    assert "- Email: ana.silva@example.com" in chat.text
    assert "- Phone: 020 7946 0958" in chat.text  # read back in national format (stored as +442079460958)
    assert "- Shared with Shanghai Henlius Biotech: no" in chat.text
    chat.say("no")
    assert "Which detail should I change?" in chat.text
    chat.say(button("email"))
    assert "email address" in chat.text
    chat.say("ana.silva@example.org")
    assert "- Email: ana.silva@example.org" in chat.text
    chat.say("/affirm")
    assert "The study team will contact you" in chat.text
    reference = REFERENCE.search(chat.text).group(0)
    assert chat.custom("reference") == {"reference": reference, "delivered": True}

    with database(app_env) as connection:
        row = connection.execute(
            "SELECT first_name, last_name, full_name, email, phone, language, city_or_site, best_time, status, "
            "chat_language, sponsor_consent FROM contact_requests WHERE reference = ?",
            (reference,),
        ).fetchone()
    assert row == ("Ana", "Silva", "", "ana.silva@example.org", "+442079460958", "Portuguese", "", "mornings",
                   "notified", "en", 0)

    mails = smtp_server.mailbox.about(reference)
    assert sorted(m["To"] for m in mails) == sorted([STUDY_TEAM_EMAILS[NPC], "ana.silva@example.org"])
    to_team = next(m for m in mails if m["To"] == STUDY_TEAM_EMAILS[NPC])
    assert NPC in to_team["Subject"] and "Ana" not in to_team["Subject"]
    text = body(to_team)
    for expected in (
        "First name: Ana", "Last name: Silva", "Phone: +442079460958", "May be a good match", "[MET] NPC-I02",
        "Language to speak when you call: Portuguese", "Language of the chat: English (en)", "Not agreed",
        "[STUDY TEAM to check] NPC-E20", f"Reference: {reference}",
    ):
        assert expected in text
    confirmation = next(m for m in mails if m["To"] == "ana.silva@example.org")
    assert reference in body(confirmation)
    assert "Your summary from the chat:" in body(confirmation)  # the person's copy keeps the summary

    # Nothing personal is logged by either server.
    logs = "".join(path.read_text() for path in servers.logs.values())
    for secret in ("ana.silva@example", "2079460958", "Silva"):
        assert secret not in logs


def test_no_consent_means_nothing_is_stored(chat: Chat, app_env):
    finish_npc_screening(chat)
    before = count(app_env, "contact_requests")
    chat.say("/request_contact").say("no thanks")
    assert "I have not saved your details" in chat.text
    assert count(app_env, "contact_requests") == before


def test_smtp_down_then_retry_sends_exactly_one_email(chat: Chat, smtp_server: SmtpServer, app_env):
    smtp_server.stop()
    try:
        finish_npc_screening(chat)
        chat.say("/request_contact").say("yes").say("yes")
        give_details(chat, email="li.wei@example.com", phone="+44 20 7946 0123")
        chat.say("yes")
        reference = REFERENCE.search(chat.text).group(0)
        assert "Your request is saved" in chat.text
        assert count(app_env, "notifications n JOIN contact_requests c ON n.contact_request_id = c.id",
                     "c.reference = ? AND n.status = 'pending'", reference) == 2
    finally:
        smtp_server.start()
    run_module("bot.handoff.requests", "retry", env=app_env)
    run_module("bot.handoff.requests", "retry", env=app_env)
    assert len([m for m in smtp_server.mailbox.about(reference) if m["To"] == STUDY_TEAM_EMAILS[NPC]]) == 1
    assert count(app_env, "contact_requests", "reference = ? AND status = 'notified'", reference) == 1


def test_delete_my_data_removes_the_request_and_the_screening(chat: Chat, servers: Servers, app_env):
    finish_npc_screening(chat)
    chat.say("/request_contact").say("yes").say("yes")
    give_details(chat, email="sam.lee@example.com", phone="+44 20 7946 0456")
    chat.say("yes")
    reference = REFERENCE.search(chat.text).group(0)
    assert count(app_env, "screenings", "conversation_id = ?", chat.sender) == 1
    chat.say("please delete my data")
    assert "I have deleted your answers and any contact request" in chat.text
    assert count(app_env, "contact_requests", "reference = ?", reference) == 0
    assert count(app_env, "screenings", "conversation_id = ?", chat.sender) == 0
    chat.say("show me the summary")
    assert "We have not started the questions yet" in chat.text
    stored = conversation_events(servers, chat.sender)
    assert [e for e in stored if "sam.lee@example.com" in json.dumps(e)] == []


def test_a_conversation_continues_after_the_rasa_server_restarts(chat: Chat, servers: Servers):
    chat.start("caregiver", "npc")
    chat.say("yes").say("she is 70").say("2")
    assert chat.question_id == "platinum_chemo"
    servers.restart_rasa()
    chat.say("yes")
    assert chat.question_id == "pd1_therapy"
    assert chat.custom("question_id")["number"] == 5


def test_hostile_and_very_long_input_is_refused_safely(chat: Chat, app_env):
    finish_npc_screening(chat)
    chat.say("/request_contact").say("yes").say("yes")
    chat.say("<script>alert(1)</script>")
    assert "Sorry, I could not use that." in chat.text and "first name" in chat.text
    chat.say("Robert'); DROP TABLE contact_requests;--")
    assert "Sorry, I could not use that." in chat.text
    chat.say("x" * 10_000)
    assert "Sorry, I could not use that." in chat.text and "first name" in chat.text
    chat.say("Zoë")
    assert "last name" in chat.text
    assert count(app_env, "sqlite_master", "type = 'table' AND name = 'contact_requests'") == 1
