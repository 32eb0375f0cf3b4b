"""E-mails, sent to a real SMTP server on 127.0.0.1 (aiosmtpd): content, retries, never twice."""

from __future__ import annotations

import email
import email.policy
import logging
import re
import smtplib
import threading

import pytest
from sqlalchemy import text

from bot.handoff.notify import DeliveryReport, deliver_for, deliver_pending, describe_error
from bot.settings import SmtpSettings
from bot.storage import Repository
from tests.conftest import MAX_GRADE, as_sentences
from tests.handoff.conftest import JANE, NPC, NPC_ANSWERS, STUDY_TEAM_EMAIL, save_request

SENDER = "prescreening@example.com"


def parse(received) -> email.message.EmailMessage:
    return email.message_from_bytes(received["data"], policy=email.policy.default)


def by_recipient(mailbox):
    return {received["to"][0]: parse(received) for received in mailbox.messages}


def test_the_study_teams_email(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    reference = save_request(sqlite_repository, wants_confirmation=True)
    assert deliver_for(sqlite_repository, smtp, reference) == DeliveryReport(sent=2, failed=0)
    message = by_recipient(mailbox)[STUDY_TEAM_EMAIL]
    assert message["From"] == SENDER
    assert message["Subject"] == f"Pre-screening contact request {reference} for NCT06839066"
    study_team_id = sqlite_repository.get_request(reference).notifications[0].id
    assert message["Message-ID"] == f"<notification-{study_team_id}.{reference}@example.com>"
    body = message.get_content()
    for line in [
        f"Reference: {reference}",
        "  First name: Jane",
        "  Last name: O'Neil",
        "  Email: jane.oneil@example.com",
        "  Phone: +447911123456",
        "  Language to speak when you call: English",
        "  Language of the chat: English (en) (the person's own e-mails are in it)",
        "  City or study site: Leeds",
        "  Best time to call: Weekday mornings",
        "  Confirmation e-mail to the person: asked for",
        "  The person answered for themselves.",
        "  Result: Nothing rules this person out, but some answers were 'not sure' (see UNKNOWN below).",
        "  This is not an eligibility decision: only the study team decides.",
        "  [STUDY TEAM to check] NPC-I01 (inclusion)",
        "  [MET] NPC-I02 (inclusion)",
        "      Age ≥ 18 years at the time of signing the ICF, regardless of gender;",
        "  [MET] NPC-I03 (inclusion)",
        "  [UNKNOWN (answered 'not sure')] NPC-I04 (inclusion)",
        "  [MET] NPC-E03 (exclusion)",
    ]:
        assert line in body.splitlines()
    assert body.index("NPC-I11") < body.index("NPC-E01")  # inclusions first, in listing order
    assert body.count("\n  [") == 31  # every criterion of the trial
    assert "Jane" not in message["Subject"] and "O'Neil" not in message["Subject"]


def test_the_persons_confirmation(sqlite_repository: Repository, smtp_server, fk_grade):
    mailbox, smtp = smtp_server
    reference = save_request(sqlite_repository, wants_confirmation=True)
    deliver_pending(sqlite_repository, smtp)
    message = by_recipient(mailbox)["jane.oneil@example.com"]
    assert message["Subject"] == f"Your request to the study team ({reference})"
    body = message.get_content()
    lines = body.splitlines()
    assert lines[0] == "Hello Jane,"
    assert "Thank you for taking the pre-screening chat with us. It was for study NCT06839066." in lines
    assert "Someone from the team will get in touch with you." in body
    assert f"Your reference number is {reference}. Please keep it. It helps the team find your request." in lines
    for shared in ["- Name: Jane O'Neil", "- Email: jane.oneil@example.com", "- Phone: +447911123456",
                   "- Language: English", "- City or study site: Leeds", "- Best time to call: Weekday mornings"]:
        assert shared in lines
    assert ('To have your data deleted, reply to this email and ask us to delete it. '
            'You can also type "delete my data" in the chat.') in lines
    assert "eligible" not in body.lower()
    # Grade 8 or below, each line read as its own sentence (reference and trial read as one word).
    too_hard = {}
    for line in lines:
        line = re.sub(r"PS-\w{4}-\w{4}|NCT\d{8}", "it", as_sentences(line))
        if len(line.split()) >= 4 and fk_grade(line) > MAX_GRADE:
            too_hard[line] = fk_grade(line)
    assert too_hard == {}


def test_a_caregivers_confirmation_and_no_optional_details(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    contact = {**JANE, "city_or_site": "", "best_time": ""}
    save_request(sqlite_repository, voice="caregiver", contact=contact, study_team_email=None)
    assert deliver_pending(sqlite_repository, smtp) == DeliveryReport(sent=1, failed=0)
    body = parse(mailbox.messages[0]).get_content()
    assert "Thank you for taking the pre-screening chat for the person you care for." in body
    assert "City or study site" not in body and "Best time" not in body


def test_sent_emails_are_marked_and_the_request_is_notified(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    reference = save_request(sqlite_repository)
    deliver_for(sqlite_repository, smtp, reference)
    request = sqlite_repository.get_request(reference)
    assert request.status == "notified"
    assert [(n.status, n.attempts, n.last_error) for n in request.notifications] == [
        ("sent", 1, None), ("sent", 1, None)]
    assert deliver_pending(sqlite_repository, smtp) == DeliveryReport(sent=0, failed=0)
    assert len(mailbox.messages) == 2


def test_smtp_down_then_a_later_retry_sends_exactly_one(sqlite_repository: Repository, smtp_down, smtp_server):
    mailbox, smtp = smtp_server
    reference = save_request(sqlite_repository, wants_confirmation=False)
    assert deliver_for(sqlite_repository, smtp_down, reference) == DeliveryReport(sent=0, failed=1)
    (notification,) = sqlite_repository.get_request(reference).notifications
    assert (notification.status, notification.attempts) == ("pending", 1)
    assert notification.last_error == "ConnectionRefusedError: Connection refused"
    assert sqlite_repository.get_request(reference).status == "new"

    assert deliver_pending(sqlite_repository, smtp) == DeliveryReport(sent=1, failed=0)
    assert deliver_pending(sqlite_repository, smtp) == DeliveryReport(sent=0, failed=0)
    assert [m["to"] for m in mailbox.messages] == [[STUDY_TEAM_EMAIL]]
    (notification,) = sqlite_repository.get_request(reference).notifications
    assert (notification.status, notification.attempts) == ("sent", 2)


def test_an_unreachable_server_is_tried_once_per_run(sqlite_repository: Repository, smtp_down, monkeypatch):
    for number in range(3):
        save_request(sqlite_repository, conversation_id=f"conv-{number}")
    connects = []
    real_smtp = smtplib.SMTP
    monkeypatch.setattr(smtplib, "SMTP", lambda *args, **kwargs: connects.append(1) or real_smtp(*args, **kwargs))
    assert deliver_pending(sqlite_repository, smtp_down) == DeliveryReport(sent=0, failed=6)
    assert len(connects) == 1
    assert sqlite_repository.count_pending() == 6


def test_a_refused_recipient_stays_pending_and_the_rest_is_sent(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    mailbox.refuse = {STUDY_TEAM_EMAIL}
    reference = save_request(sqlite_repository)
    assert deliver_for(sqlite_repository, smtp, reference) == DeliveryReport(sent=1, failed=1)
    study_team, confirmation = sqlite_repository.get_request(reference).notifications
    assert study_team.status == "pending"
    assert study_team.last_error == "SMTPRecipientsRefused: recipient refused (code 550)"
    assert confirmation.status == "sent"
    assert [m["to"] for m in mailbox.messages] == [["jane.oneil@example.com"]]


@pytest.mark.parametrize(
    "settings, error",
    [
        ({"starttls": True}, "SMTPNotSupportedError: STARTTLS extension not supported by server."),
        ({"username": "bot", "password": "pw"}, "SMTPNotSupportedError: SMTP AUTH extension not supported by server."),
    ],
)
def test_starttls_or_login_the_server_cannot_do_is_an_error_on_the_row(
    sqlite_repository: Repository, smtp_server, settings, error
):
    mailbox, smtp = smtp_server
    reference = save_request(sqlite_repository, wants_confirmation=False)
    configured = SmtpSettings(host=smtp.host, port=smtp.port, timeout_seconds=5, **settings)
    assert deliver_for(sqlite_repository, configured, reference) == DeliveryReport(sent=0, failed=1)
    (notification,) = sqlite_repository.get_request(reference).notifications
    assert (notification.status, notification.last_error) == ("pending", error)
    assert mailbox.messages == []


def test_two_senders_at_once_never_send_twice(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    for number in range(5):
        save_request(sqlite_repository, conversation_id=f"conv-{number}")
    reports = []
    start = threading.Barrier(2)

    def sender():
        start.wait()
        reports.append(deliver_pending(sqlite_repository, smtp))

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(report.sent for report in reports) == 10
    assert len(mailbox.messages) == 10
    assert len({parse(m)["Message-ID"] for m in mailbox.messages}) == 10


def test_deliver_for_sends_only_that_requests_emails(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    save_request(sqlite_repository, conversation_id="conv-1")
    second = save_request(sqlite_repository, conversation_id="conv-2")
    assert deliver_for(sqlite_repository, smtp, second) == DeliveryReport(sent=2, failed=0)
    assert sqlite_repository.count_pending() == 2


def test_a_database_error_during_delivery_is_reported_not_raised(sqlite_repository: Repository, smtp_server):
    mailbox, smtp = smtp_server
    save_request(sqlite_repository)
    with sqlite_repository.engine.begin() as connection:
        connection.execute(text("DROP TABLE notifications"))
    assert deliver_pending(sqlite_repository, smtp) == DeliveryReport(sent=0, failed=0)


def test_delivery_logs_hold_no_personal_details(sqlite_repository: Repository, smtp_server, smtp_down, caplog):
    mailbox, smtp = smtp_server
    caplog.set_level(logging.DEBUG)
    mailbox.refuse = {"jane.oneil@example.com"}
    reference = save_request(sqlite_repository)
    deliver_pending(sqlite_repository, smtp_down)
    deliver_pending(sqlite_repository, smtp)
    # Our loggers only (the test SMTP server logs whole conversations at DEBUG).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert reference in logged
    for value in (*JANE.values(), *NPC_ANSWERS.values(), STUDY_TEAM_EMAIL):
        if len(value) > 3:
            assert value not in logged
    (_, confirmation) = sqlite_repository.get_request(reference).notifications
    assert "jane" not in confirmation.last_error


@pytest.mark.parametrize(
    "error, expected",
    [
        (smtplib.SMTPResponseException(550, b"5.1.1 <jane@example.com>: rejected, call +44 7911 123456"),
         "SMTPResponseException: 550 5.1.1 <address> rejected, call <number>"),
        (smtplib.SMTPRecipientsRefused({"jane@example.com": (550, b"no such user jane@example.com")}),
         "SMTPRecipientsRefused: recipient refused (code 550)"),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"),
         "SMTPServerDisconnected: Connection unexpectedly closed"),
        (ConnectionRefusedError(111, "Connection refused"), "ConnectionRefusedError: Connection refused"),
        (TimeoutError("timed out"), "TimeoutError: timed out"),
    ],
)
def test_errors_are_described_without_personal_details(error, expected):
    assert describe_error(error) == expected


def test_emails_are_queued_with_the_request_not_sent_by_it(sqlite_repository: Repository):
    # Saving never talks to a mail server: the chat does not wait on one.
    save_request(sqlite_repository)
    assert sqlite_repository.count_pending() == 2
    assert NPC == sqlite_repository.list_requests()[0].trial_id
