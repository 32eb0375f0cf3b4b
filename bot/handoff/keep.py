"""What a person keeps for themselves: their summary by e-mail, and a single-use
link to carry on the chat on another device. Both go through the personal
outbox (bot.storage.personal): written first, then sent, retried on the next start.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import logging
import secrets
import smtplib
from email.message import EmailMessage
from typing import Callable, Mapping, Optional

from bot.i18n import domain, format_date, use_language
from bot.screening.answers import AnswerValue, Question
from bot.screening.messages import summary_message
from bot.handoff.notify import DeliveryReport, _close, _connect, _send, claim_period, describe_error
from bot.screening.evaluation import ScreeningResult
from bot.settings import SmtpSettings
from bot.storage.models import CONFIRMATION, utc_now
from bot.storage.personal import PersonalStore
from bot.storage.records import EmailText, RequestDetails

log = logging.getLogger(__name__)
_ = domain("handoff").gettext

RESUME_LINK_DAYS = 7
RESUME_PARAMETER = "resume"

def summary_email(result: ScreeningResult, voice: str, answers: Mapping[str, AnswerValue],
                  questions: Mapping[str, Question]) -> tuple:
    """The subject and body of "Email me this summary": the same words as the chat's summary.

    Written in the language in use (the conversation's), like the summary itself."""
    text = summary_message(result, voice, answers, questions).text
    body = "\n\n".join([
        _("Here is the summary you asked for, from the research study pre-screening chat."),
        text,
        _("You can show it to your own doctor or to the study team. You did not sign up for anything. "
          "We do not keep your email address once this email is sent."),
    ])
    return _("Your pre-screening summary"), body

def with_summary(write: Callable[[str, RequestDetails], EmailText], summary_text: str,
                 sponsor: Optional[str] = None):
    """An e-mail writer whose copy for the person (the confirmation) ends with their summary.

    ``sponsor`` is the sponsor's name as the person read it in the chat (the listing's name
    in their language); the study team's e-mail keeps the listing's English name."""

    def write_with_summary(kind: str, request: RequestDetails) -> EmailText:
        if kind != CONFIRMATION:
            return write(kind, request)
        written = write(kind, dataclasses.replace(request, trial_sponsor=sponsor) if sponsor else request)
        with use_language(request.chat_language):  # the person's copy is in the chat's language
            heading = _("Your summary from the chat:")
        body = f"{written.body}\n{heading}\n\n{summary_text}\n"
        return EmailText(subject=written.subject, body=body)

    return write_with_summary


def new_resume_link(store: PersonalStore, conversation_id: str, page_url: str) -> tuple:
    """A new single-use link to this conversation, and the day it stops working."""
    token = secrets.token_urlsafe(32)
    expires = utc_now() + dt.timedelta(days=RESUME_LINK_DAYS)
    store.save_token(conversation_id, token, expires)
    return f"{page_url.rstrip('/')}/?{RESUME_PARAMETER}={token}", expires

def resume_email(link: str, expires: dt.datetime) -> tuple:
    """The subject and body of the link to come back, in the language in use (the conversation's)."""
    body = "\n\n".join([
        _("You asked for a link to carry on your chat on another device. It is the chat that checks if a study might fit."),
        link,
        _("The link works once, until {date}. After that, you can start again. "
          "If you did not ask for this, you can delete this email. We do not keep your email address once it is sent."
          ).format(date=format_date(expires.date())),
    ])
    return _("Your link to carry on the pre-screening chat"), body

def send_pending(store: PersonalStore, smtp: SmtpSettings, email_id: Optional[int] = None) -> DeliveryReport:
    """Send waiting personal e-mails (or one). Never raises: a failure stays waiting for a retry."""
    sent = failed = 0
    connection: Optional[smtplib.SMTP] = None
    try:
        for pending in store.pending(email_id):
            if not store.claim(pending.id, utc_now() + claim_period(smtp)):
                continue
            try:
                if connection is None:
                    connection = _connect(smtp)
                message = EmailMessage()
                message["From"], message["To"], message["Subject"] = smtp.sender, pending.recipient, pending.subject
                message["Date"] = email.utils.format_datetime(utc_now())
                message.set_content(pending.body)
                _send(connection, message, smtp.sender, pending.recipient)
            except (smtplib.SMTPException, OSError, ValueError, UnicodeError) as error:
                store.failed(pending.id, describe_error(error))
                log.warning("personal e-mail %d (%s) not sent: %s", pending.id, pending.kind, describe_error(error))
                failed += 1
                if connection is not None:
                    _close(connection)
                    connection = None
                continue
            store.sent(pending.id)
            log.info("personal e-mail %d (%s) sent", pending.id, pending.kind)
            sent += 1
    finally:
        if connection is not None:
            _close(connection)
    return DeliveryReport(sent=sent, failed=failed)

