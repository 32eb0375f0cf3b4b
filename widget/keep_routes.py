"""Routes for what a person keeps: "Email me this summary", a link to come back
on another device, and opening such a link. Added to the widget's blueprint by
``widget.channel``.

- ``POST /widget/email-summary`` ``{"conversation_id", "email", "consent": true}``;
- ``POST /widget/resume-link`` ``{"conversation_id", "email", "consent": true}``;
- ``POST /widget/resume`` ``{"token"}`` -> ``{"conversation_id"}`` once, for an unexpired link.

Nothing a person types is logged; addresses are kept only until the e-mail is sent.
Every answer and e-mail is in the conversation's language (its ``chat_language``
slot; before a conversation is known, the body's ``language`` or the browser's
Accept-Language).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import logging
import time
from functools import lru_cache
from typing import Any, Dict, List, Optional, Tuple

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.i18n import N_, SOURCE_LANGUAGE, current_language, domain, normalise_language, use_language
from bot.screening.answers import InvalidAnswer
from bot.screening.catalog import load_catalog
from bot.handoff.contact import validate_contact_field
from bot.storage.database import make_engine
from bot.handoff.keep import new_resume_link, resume_email, send_pending, summary_email
from bot.storage.models import RESUME_LINK, SUMMARY
from bot.screening.session import ScreeningState, answers_from_json, parse_started_on
from bot.settings import get_settings
from bot.storage.personal import PersonalStore
from widget.guard import peek_tracker

logger = logging.getLogger(__name__)
_ = domain("handoff").gettext

MAX_BODY_BYTES = 2_000
# Marked here, translated when answered (the conversation's language).
NO_CONSENT = N_("Please tick the box to agree, so that we can send the email.")
NO_SUMMARY = N_("There is no summary yet. Please answer the questions first.")
SENT = N_("Done. We have sent the email. Please check your inbox, and your spam folder too.")
QUEUED = N_("We could not send the email just now. We will try again soon.")
TOO_MANY = N_("You have asked for several emails just now. Please wait an hour and try again.")
NO_CHAT = N_("There is nothing to save yet. Please answer a question first.")
# A person asks for one or two of these; more from one chat looks like someone using it to send mail.
MAX_EMAILS_PER_CHAT_PER_HOUR = 3
LINK_NOT_VALID = N_("This link does not work any more. Links work once, for 7 days. You can start again here.")
BAD_REQUEST = N_("Sorry, the chat could not read that. Please reload the page and try again.")


class EmailAllowance:
    """At most ``limit`` e-mails per conversation in ``window`` seconds (kept in this process)."""

    def __init__(self, limit: int = MAX_EMAILS_PER_CHAT_PER_HOUR, window: float = 3600.0, clock=time.monotonic):
        self.limit, self.window, self.clock = limit, window, clock
        self.sent: Dict[str, List[float]] = {}

    def take(self, conversation_id: str) -> bool:
        now = self.clock()
        recent = [moment for moment in self.sent.get(conversation_id, []) if now - moment < self.window]
        if len(recent) >= self.limit:
            self.sent[conversation_id] = recent
            return False
        self.sent[conversation_id] = recent + [now]
        return True


ALLOWANCE = EmailAllowance()


@lru_cache(maxsize=1)
def _store() -> PersonalStore:
    return PersonalStore(make_engine(get_settings().database_url))


@lru_cache(maxsize=1)
def _catalog():
    return load_catalog(get_settings().seeds_dir)


def _fields(request: Request, *names: str) -> Optional[Dict[str, Any]]:
    if len(request.body or b"") > MAX_BODY_BYTES:
        return None
    try:
        body = request.json
    except Exception:  # invalid JSON
        return None
    if not isinstance(body, dict) or any(name not in body for name in names):
        return None
    return body


def _asked_language(request: Request, body: Optional[Dict[str, Any]]) -> str:
    """The language of a request whose conversation is not known (yet): the body's, else the browser's."""
    if body is not None and normalise_language(body.get("language")):
        return normalise_language(body.get("language"))
    header = request.headers.get("accept-language", "")
    return normalise_language(header.split(",")[0].split(";")[0]) or SOURCE_LANGUAGE


def _error(message: str, status: int) -> HTTPResponse:
    return response.json({"error": _(message)}, status=status)


async def _tracker(request: Request, conversation_id: str):
    return await peek_tracker(request.app.ctx.agent.tracker_store, conversation_id)


def _state(tracker) -> Optional[ScreeningState]:
    if tracker is None:
        return None
    voice, trial_id = tracker.get_slot("voice"), tracker.get_slot("trial_id")
    catalog = _catalog()
    if voice not in ("self", "caregiver") or trial_id not in catalog.trials:
        return None
    return ScreeningState(
        trial_id=trial_id, voice=voice,
        answers=answers_from_json(catalog.questions, tracker.get_slot("answers")),
        started_on=parse_started_on(tracker.get_slot("screening_date"), dt.date.today()),
    )


def _address(body: Dict[str, Any]) -> Tuple[Optional[str], Optional[str]]:
    """The checked e-mail address, or the message that says what is wrong."""
    if body.get("consent") is not True:
        return None, _(NO_CONSENT)
    try:
        return validate_contact_field("email", str(body.get("email", "")), get_settings().phone_default_region), None
    except InvalidAnswer as problem:
        return None, str(problem)


async def _queue_and_send(conversation_id: str, kind: str, recipient: str, subject: str, body: str) -> HTTPResponse:
    # Database and mail work run in a worker thread: a slow database never holds up other chats.
    store = _store()
    email_id = await asyncio.to_thread(store.queue_email, conversation_id, kind, recipient, subject, body)
    report = await asyncio.to_thread(send_pending, store, get_settings().smtp, email_id)
    logger.info("personal e-mail %d (%s) queued; sent: %d", email_id, kind, report.sent)
    return response.json({"message": _(SENT) if report.sent else _(QUEUED), "sent": bool(report.sent)})


async def _email_request(
    request: Request, conversation_id_pattern, no_chat: str
) -> Tuple[Optional[Tuple[str, str, ScreeningState]], Optional[HTTPResponse]]:
    """(conversation id, address, screening) of a request to e-mail the person, or the refusal.

    Checked in this order: the body, the address, that the chat has started (``no_chat``
    otherwise), and the chat's e-mail allowance, which only a request that passed the
    rest uses up.
    """
    body = _fields(request, "conversation_id", "email")
    if body is None or not conversation_id_pattern.fullmatch(str(body["conversation_id"])):
        return None, _error(BAD_REQUEST, 400)
    address, problem = _address(body)
    if problem:
        return None, response.json({"error": problem}, status=422)
    state = _state(await _tracker(request, body["conversation_id"]))
    if state is None:
        return None, _error(no_chat, 409)
    if not ALLOWANCE.take(body["conversation_id"]):
        return None, _error(TOO_MANY, 429)
    return (body["conversation_id"], address, state), None


def _speaking(conversation_id_pattern):
    """Run a route in the conversation's language (its chat_language slot), else the one asked for."""

    def decorate(handler):
        @functools.wraps(handler)
        async def in_language(request: Request) -> HTTPResponse:
            body = _fields(request)
            language = _asked_language(request, body)
            conversation_id = body.get("conversation_id") if body else None
            if isinstance(conversation_id, str) and conversation_id_pattern.fullmatch(conversation_id):
                tracker = await _tracker(request, conversation_id)
                if tracker is not None:
                    language = normalise_language(tracker.get_slot("chat_language")) or language
            with use_language(language):
                return await handler(request)

        return in_language

    return decorate


def _catalog_in_language():
    catalog = _catalog()
    spoken = current_language()
    return catalog.in_language(spoken) if spoken in catalog.languages else catalog


def add_keep_routes(widget: Blueprint, conversation_id_pattern) -> None:
    speaking = _speaking(conversation_id_pattern)

    @widget.post("/email-summary")
    @speaking
    async def email_summary(request: Request) -> HTTPResponse:
        checked, refusal = await _email_request(request, conversation_id_pattern, NO_SUMMARY)
        if refusal is not None:
            return refusal
        conversation_id, address, state = checked
        catalog = _catalog_in_language()
        subject, text = summary_email(state.result(catalog), state.voice, state.answers, catalog.questions)
        return await _queue_and_send(conversation_id, SUMMARY, address, subject, text)

    @widget.post("/resume-link")
    @speaking
    async def resume_link(request: Request) -> HTTPResponse:
        # Only a chat that has started can be resumed.
        checked, refusal = await _email_request(request, conversation_id_pattern, NO_CHAT)
        if refusal is not None:
            return refusal
        conversation_id, address, _ = checked
        base = get_settings().public_base_url or f"{request.scheme}://{request.host}"
        link, expires = await asyncio.to_thread(new_resume_link, _store(), conversation_id, base)
        subject, text = resume_email(link, expires)
        return await _queue_and_send(conversation_id, RESUME_LINK, address, subject, text)

    @widget.post("/resume")
    @speaking
    async def resume(request: Request) -> HTTPResponse:
        body = _fields(request, "token")
        if body is None or not isinstance(body["token"], str) or not 20 <= len(body["token"]) <= 100:
            return _error(LINK_NOT_VALID, 410)
        conversation_id = await asyncio.to_thread(_store().use_token, body["token"])
        if conversation_id is None:
            logger.info("a resume link was refused (used, expired or unknown)")
            return _error(LINK_NOT_VALID, 410)
        return response.json({"conversation_id": conversation_id})
