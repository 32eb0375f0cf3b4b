"""The two e-mails of a contact request, and sending what the outbox holds.

``write_email`` writes the study team's e-mail (every detail they need, and the
criteria with their statuses) and the person's confirmation (plain words, grade
8). They are stored by ``Repository.create_contact_request`` in the same
transaction as the request, and sent afterwards by ``deliver_for`` (right after
the request) or ``deliver_pending`` (``python -m bot.storage.migrate`` at start-up, and
``python -m bot.handoff.requests retry``).

Sending is at most once per e-mail: a sender first claims the row, and marks it
sent in its own transaction as soon as the mail server accepts it. A server that
refuses or cannot be reached leaves the row pending with the error type and
code, and nothing is raised. Logs name notification ids and references only.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Optional

from sqlalchemy.exc import SQLAlchemyError

from bot.handoff.messages import display_team_language
from bot.i18n import domain, use_language
from bot.settings import SmtpSettings, get_settings
from bot.storage.models import CONFIRMATION, STUDY_TEAM, utc_now
from bot.storage.records import CriterionLine, EmailText, PendingNotification, RequestDetails
from bot.storage.repository import Repository

log = logging.getLogger(__name__)
_ = domain("handoff").gettext

STUDY_TEAM_VERDICT = {
    "likely_ineligible": "May not be a match: at least one answer does not meet a study rule (see NOT MET below).",
    "incomplete": "Not finished: some questions were not answered (see NOT ASKED below).",
    "needs_review": "Nothing rules this person out, but some answers were 'not sure' (see UNKNOWN below).",
    "likely_eligible": "May be a good match on every question asked. The checks marked STUDY TEAM are still to do.",
}
STATUS_LABEL = {
    "met": "MET",
    "not_met": "NOT MET",
    "unknown": "UNKNOWN (answered 'not sure')",
    "pending": "NOT ASKED",
    "study_team": "STUDY TEAM to check",
}
ANSWERED_BY = {
    "self": "The person answered for themselves.",
    "caregiver": "A caregiver answered for the person they care for. The contact details may be the caregiver's.",
}


@dataclass(frozen=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0


# --- writing ---------------------------------------------------------------


def write_email(kind: str, request: RequestDetails) -> EmailText:
    """The e-mail of ``kind`` ("study_team" or "confirmation") for a saved request."""
    if kind == STUDY_TEAM:
        return study_team_email(request)
    if kind == CONFIRMATION:
        return confirmation_email(request)
    raise ValueError(f"unknown e-mail kind {kind!r}")


def study_team_email(request: RequestDetails) -> EmailText:
    """The study team's e-mail, in English (the team's working language), whatever the chat's language."""
    # The subject is seen in inboxes and mail logs: reference and trial only, never the name.
    subject = f"Pre-screening contact request {request.reference} for {request.trial_id}"
    if request.full_name:
        names = [f"  Name (one field, family name first): {request.full_name}"]
    else:
        names = [f"  First name: {request.first_name}", f"  Last name: {request.last_name}"]
    lines = [
        "A person asked the study team to contact them after an online pre-screening chat.",
        "",
        f"Reference: {request.reference}",
        f"Trial: {request.trial_id} - {request.trial_title}".rstrip(" -"),
        f"Asked on: {format_utc(request.created_at)} "
        f"(consent to share these details given at {format_utc(request.consent_at)})",
        "",
        "CONTACT DETAILS",
        *names,
        f"  Email: {request.email}",
        f"  Phone: {request.phone}",
        f"  Language to speak when you call: {request.team_language_name}",
        f"  Language of the chat: {request.chat_language_name}"
        " (the person's own e-mails are in it)",
        f"  City or study site: {request.city_or_site or 'not given'}",
        f"  Best time to call: {request.best_time or 'not given'}",
        f"  Confirmation e-mail to the person: {'asked for' if request.wants_confirmation else 'not asked for'}",
        f"  Sharing with the sponsor (a separate consent): {request.sponsor_sharing}",
        "",
        "PRE-SCREENING RESULT",
        f"  {ANSWERED_BY.get(request.voice, 'Who answered: ' + request.voice)}",
        f"  Result: {STUDY_TEAM_VERDICT.get(request.verdict, request.verdict)}",
        "  This is not an eligibility decision: only the study team decides.",
        "",
        "CRITERIA",
    ]
    for line in request.criteria:
        lines.append(criterion_status_line(line))
        lines.append(f"      {line.source}")
    lines += [
        "",
        f"Please quote {request.reference} in any reply. To delete this request: python -m bot.handoff.requests delete "
        f"{request.reference}",
    ]
    return EmailText(subject=subject, body="\n".join(lines) + "\n")


def confirmation_email(request: RequestDetails, retention_days: Optional[int] = None) -> EmailText:
    """The person's copy, in their chat's language, in plain words (grade 8 or below; checked by a test)."""
    with use_language(request.chat_language):
        return _confirmation_email(request, retention_days)


def _confirmation_email(request: RequestDetails, retention_days: Optional[int]) -> EmailText:
    if retention_days is None:
        retention_days = get_settings().contact_retention_days
    subject = _("Your request to the study team ({reference})").format(reference=request.reference)
    shared = [
        _("- Name: {name}").format(name=request.name),
        _("- Email: {email}").format(email=request.email),
        _("- Phone: {phone}").format(phone=request.phone),
        _("- Language: {language}").format(language=display_team_language(request.language)),
    ]
    if request.city_or_site:
        shared.append(_("- City or study site: {place}").format(place=request.city_or_site))
    if request.best_time:
        shared.append(_("- Best time to call: {time}").format(time=request.best_time))
    shared.append(_("- The answers given in the chat, and how they fit the study rules"))
    if request.voice == "caregiver":
        thanks = _("Thank you for taking the pre-screening chat for the person you care for. "
                   "It was for study {trial}.")
    else:
        thanks = _("Thank you for taking the pre-screening chat with us. It was for study {trial}.")
    sponsor = request.trial_sponsor
    if request.sponsor_consent:
        who = _("You agreed that the study team may also share them with {sponsor}, the company that runs "
                "the study.").format(sponsor=sponsor)
    else:
        who = _("Only the study team gets them. You did not agree to share them with {sponsor}, so the team "
                "will not pass them on.").format(sponsor=sponsor)
    lines = [
        _("Hello {name},").format(name=request.first_name or request.name),
        "",
        thanks.format(trial=request.trial_id),
        "",
        _("You asked the study team to contact you. We have passed your details to them. "
          "Someone from the team will get in touch with you."),
        "",
        _("Your reference number is {reference}. Please keep it. It helps the team find your request.").format(
            reference=request.reference),
        "",
        _("This is what we shared with the study team:"),
        *shared,
        who,
        "",
        _("We keep your request for up to {days} days, then delete it.").format(days=retention_days),
        "",
        _("The chat does not decide who can join. Only the study team can say if the study is a good fit."),
        "",
        _("If something here is wrong, please reply to this email."),
        "",
        _("To have your data deleted, reply to this email and ask us to delete it. "
          "You can also type \"delete my data\" in the chat."),
        "",
        _("If you did not ask for this, please reply and tell us."),
    ]
    return EmailText(subject=subject, body="\n".join(lines) + "\n")


def format_utc(moment: dt.datetime) -> str:
    """A time as staff read it in e-mails and the staff tool: "2026-11-22 07:15 UTC"."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def criterion_status_line(line: CriterionLine) -> str:
    """One criterion with its status, as in the study team's e-mail and the staff tool."""
    return f"  [{STATUS_LABEL.get(line.status, line.status.upper())}] {line.criterion_id} ({line.kind})"


def build_message(notification: PendingNotification, sender: str) -> EmailMessage:
    message = EmailMessage()
    message["From"] = sender
    message["To"] = notification.recipient
    message["Subject"] = notification.subject
    message["Date"] = email.utils.format_datetime(utc_now())
    message["Message-ID"] = message_id(notification, sender)
    message.set_content(notification.body)
    return message


def message_id(notification: PendingNotification, sender: str) -> str:
    """The same id every time this notification is sent, so a duplicate can be spotted and dropped."""
    domain = sender.rpartition("@")[2] or "localhost"
    return f"<notification-{notification.id}.{notification.reference}@{domain}>"


# --- sending ---------------------------------------------------------------


def deliver_pending(repository: Repository, smtp: SmtpSettings) -> DeliveryReport:
    """Send every pending e-mail. Never raises: failures stay pending with their error."""
    return _deliver(repository, smtp, lambda: repository.pending_notifications())


def deliver_for(repository: Repository, smtp: SmtpSettings, reference: str) -> DeliveryReport:
    """Send the pending e-mails of one request (right after it is saved). Never raises."""
    return _deliver(repository, smtp, lambda: repository.pending_notifications(reference))


def claim_period(smtp: SmtpSettings) -> dt.timedelta:
    # Long enough for connect, TLS, login and the message, each within the timeout.
    # A sender that dies while holding a row frees it when this runs out.
    return dt.timedelta(seconds=max(60.0, smtp.timeout_seconds * 10))


# A refusal of one message leaves the connection usable (smtplib resets it); any other
# error (SMTPException is an OSError too) means reconnecting for the next message.
_MESSAGE_REFUSED = (smtplib.SMTPRecipientsRefused, smtplib.SMTPSenderRefused, smtplib.SMTPDataError)
_SEND_ERRORS = (smtplib.SMTPException, OSError, ValueError, UnicodeError)


def _deliver(repository: Repository, smtp: SmtpSettings, pending) -> DeliveryReport:
    sent = failed = 0
    connection: Optional[smtplib.SMTP] = None
    unreachable: Optional[str] = None  # once connecting fails, the rest of this run is not tried
    try:
        for notification in pending():
            if not repository.claim_notification(notification.id, utc_now() + claim_period(smtp)):
                continue  # sent meanwhile, or another sender holds it
            if unreachable is None:
                try:
                    if connection is None:
                        connection = _connect(smtp)
                except _SEND_ERRORS as error:
                    unreachable = describe_error(error)
            if unreachable is not None:
                _failed(repository, notification, unreachable)
                failed += 1
                continue
            try:
                _send(connection, build_message(notification, smtp.sender), smtp.sender, notification.recipient)
            except _SEND_ERRORS as error:
                _failed(repository, notification, describe_error(error))
                failed += 1
                if not isinstance(error, _MESSAGE_REFUSED):
                    _close(connection)
                    connection = None  # the next message reconnects
                continue
            repository.mark_sent(notification.id)
            sent += 1
            log.info("notification %d (%s, %s) sent", notification.id, notification.kind, notification.reference)
    except SQLAlchemyError as error:
        # The request is saved; what was not marked sent is retried on the next start.
        log.error("delivery stopped by a database error: %s", type(error).__name__)
    finally:
        if connection is not None:
            _close(connection)
    return DeliveryReport(sent=sent, failed=failed)


def _failed(repository: Repository, notification: PendingNotification, error: str) -> None:
    repository.record_failed_attempt(notification.id, error)
    log.warning("notification %d (%s, %s) not sent: %s", notification.id, notification.kind,
                notification.reference, error)


def _connect(smtp: SmtpSettings) -> smtplib.SMTP:
    connection = smtplib.SMTP(smtp.host, smtp.port, timeout=smtp.timeout_seconds)
    try:
        if smtp.starttls:
            connection.ehlo()
            connection.starttls(context=ssl.create_default_context())
            connection.ehlo()
        if smtp.username:
            connection.login(smtp.username, smtp.password or "")
    except BaseException:
        _close(connection)
        raise
    return connection


def _send(connection: smtplib.SMTP, message: EmailMessage, sender: str, recipient: str) -> None:
    refused = connection.send_message(message, from_addr=sender, to_addrs=[recipient])
    if refused:  # only possible with several recipients, but never count a refusal as sent
        raise smtplib.SMTPRecipientsRefused(refused)


def _close(connection: smtplib.SMTP) -> None:
    try:
        connection.quit()
    except (smtplib.SMTPException, OSError):
        connection.close()


_ADDRESS = re.compile(r"\S+@\S+")
_LONG_NUMBER = re.compile(r"\+?\d[\d ()-]{5,}\d")


def describe_error(error: BaseException) -> str:
    """The error type and a short reason, with anything like an address or phone number removed.

    Mail servers often repeat the recipient in their replies ("<jane@...>:
    Recipient address rejected"); that must not end up in the database or logs.
    """
    name = type(error).__name__
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({str(code) for code, _ in error.recipients.values()})
        return f"{name}: recipient refused (code {', '.join(codes)})"
    if isinstance(error, smtplib.SMTPResponseException):
        reply = error.smtp_error
        text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else str(reply)
        return _short(f"{name}: {error.smtp_code} {_redact(text)}")
    if isinstance(error, OSError) and error.strerror:
        return _short(f"{name}: {error.strerror}")
    return _short(f"{name}: {_redact(str(error))}" if str(error) else name)


def _redact(text: str) -> str:
    return _LONG_NUMBER.sub("<number>", _ADDRESS.sub("<address>", text))


def _short(text: str) -> str:
    return " ".join(text.split())[:200]
