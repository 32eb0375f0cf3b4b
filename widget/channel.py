"""The widget's Rasa input channel (``credentials.yml``: ``widget.channel.WidgetInput``).

Routes, under /widget (same origin as the assistant):

- ``POST /widget/message``: ``{"conversation_id", "message", "shown", "message_id"}``
  -> ``{"messages": [bubble, ...]}`` (see ``widget.transcript``);
- ``GET /widget/history/<conversation_id>``: the conversation so far, so that a
  reloaded page shows it and continues;
- ``GET /widget/strings/<language>``: every word the widget shows, in that language
  (``widget.strings``; the script holds none of its own);
- ``GET /widget/health``; and the static files ``widget.js``, ``widget.css``, ``page.css``.

The widget sends ``Accept-Language`` with the language the person chose; the
channel's own messages (refusals, "/help") are written in it. Each answer says
the conversation's language (the ``chat_language`` slot), so the widget follows
a switch typed in words ("说中文") as well as one made with its chooser.

The home page at ``/`` is added by ``add_home_page`` (``scripts/rasa_cli.py``
puts it in place of Rasa's "Hello from Rasa" text).

Conversation ids are made by the browser: 32 random hex digits, kept in its
local storage. Only ids of that form are accepted, so the history of a chat
can be read only by someone who holds its id. Nothing a person types is logged.

The doors (``widget/guard.py``): bodies over 64 kB and messages over 10,000
characters are refused, so is a client or conversation sending too fast
(429), and a conversation that another channel started. A command starting
with "/" is taken only when it is a button the assistant offered (or one of
the widget's own: greet, start over, delete my data); typed, it is answered
("/help") or refused in plain words, never passed on.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import store_health
from actions.language import LANGUAGE_SLOT
from bot.screening.catalog import load_catalog
from bot.i18n import LANGUAGES, N_, domain, use_language
from bot.log_privacy import remember_typed
from bot.screening.messages import TRIAL_BUTTONS
from bot.settings import get_settings
from widget import guard
from widget.keep_routes import add_keep_routes
from widget.page import SECURITY_HEADERS, home_page, page_languages, preferred_language
from widget.replies import RecentReplies
from widget.shared_replies import MESSAGE_ID_KEY, SharedReplies, replies_to
from widget.strings import widget_text
from widget.transcript import SHOWN_KEY, bubbles_from_events, bubbles_from_replies

_ = domain("widget").gettext

logger = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"
CONVERSATION_ID = re.compile(r"[0-9a-f]{32}")
MESSAGE_ID = re.compile(r"[0-9A-Za-z-]{1,64}")
MAX_MESSAGE_CHARACTERS = guard.MAX_MESSAGE_CHARACTERS
# What the chat shows for a message: a button's title, or the typed text itself.
MAX_SHOWN_CHARACTERS = MAX_MESSAGE_CHARACTERS
CHANNEL_NAME = "widget"
# Sent by the widget itself: the opening greeting and the items of its menu.
# The language chooser sends the payload of I18N.md: /choose_language{"language": "zh"}.
CHOOSE_LANGUAGE = '/choose_language{{"language": "{}"}}'
WIDGET_COMMANDS = frozenset(
    {"/greet", "/start_over", "/delete_data", "/save_for_later"} | {CHOOSE_LANGUAGE.format(code) for code in LANGUAGES}
)
STRINGS_CACHE_SECONDS = 300
# How many of the assistant's latest messages offer buttons that may be pressed.
RECENT_BOT_MESSAGES = 4

TOO_LONG = guard.TOO_LONG
BAD_REQUEST = N_("Sorry, the chat could not read that message. Please reload the page and try again.")
NO_SUCH_LANGUAGE = "Refused: the chat does not speak that language."
SERVER_ERROR = guard.SERVER_ERROR
HELP = N_(
    "I ask questions to see if one of two studies could fit. Answer in your own words or with the buttons. "
    "At any time you can say \"why are you asking this?\", \"go back\", \"start over\", "
    "\"show the summary\", \"stop\" or \"delete my data\"."
)
NO_COMMANDS = N_(
    "Sorry, commands that start with \"/\" do not work here. Please type your answer in words, "
    "or use the buttons. Type /help to see what you can say."
)


def _error(request: Request, message: str, status: int) -> HTTPResponse:
    """A refusal in the widget's language (the request's Accept-Language, set by the widget)."""
    return response.json({"error": _in_ui_language(request, message)}, status=status)


def _in_ui_language(request: Request, message: str) -> str:
    with use_language(_ui_language(request)):
        if message == guard.TOO_LONG:
            return _(guard.TOO_LONG_TEMPLATE).format(limit=f"{guard.MAX_MESSAGE_CHARACTERS:,}")
        return _(message)


def _ui_language(request: Request) -> str:
    return preferred_language(request.headers.get("accept-language"), LANGUAGES)


def _conversation_language(tracker) -> Optional[str]:
    language = tracker.get_slot(LANGUAGE_SLOT) if tracker is not None else None
    return language if language in LANGUAGES else None


def _read_message(request: Request) -> Optional[Dict[str, Any]]:
    """The fields of a message request, or None when they are malformed."""
    body = guard.read_json_object(request)
    if body is None:
        return None
    conversation_id, text = body.get("conversation_id"), body.get("message")
    shown, message_id = body.get("shown", None), body.get("message_id")
    if not (isinstance(conversation_id, str) and CONVERSATION_ID.fullmatch(conversation_id)):
        return None
    if not (isinstance(message_id, str) and MESSAGE_ID.fullmatch(message_id)):
        return None
    if not isinstance(text, str) or not text.strip() or not (shown is None or isinstance(shown, str)):
        return None
    if len(text) > MAX_MESSAGE_CHARACTERS or (shown is not None and len(shown) > MAX_SHOWN_CHARACTERS):
        return {"too_long": True}
    return {"conversation_id": conversation_id, "text": text, "shown": shown, "message_id": message_id}


class WidgetInput(InputChannel):
    def __init__(self) -> None:
        settings = get_settings()
        # Several replicas share the answer-once cache in Redis; one server keeps it in memory.
        self.recent = (
            SharedReplies.from_url(settings.redis_url, settings.replies_ttl_seconds) if settings.redis_url
            else RecentReplies()
        )

    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    def url_prefix(self) -> Text:
        # Rasa joins this to "/webhooks/"; an absolute path puts the routes at /widget.
        return "/" + CHANNEL_NAME

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        widget = Blueprint("prescreen_widget", __name__)
        for name in ("widget.js", "widget.css", "page.css"):
            widget.static(f"/{name}", str(STATIC_DIR / name), name=name.replace(".", "_"))

        @widget.listener("before_server_start")
        async def limits(app: Sanic, _loop) -> None:
            guard.configure_app(app)

        @widget.get("/health")
        async def health(_: Request) -> HTTPResponse:
            # 503 while saving conversations fails, so a load balancer sends people elsewhere.
            store = store_health.HEALTH.report()
            ok = store["status"] == "ok"
            body = {"status": "ok" if ok else "failing", "tracker_store": store}
            return response.json(body, status=200 if ok else 503)

        @widget.post("/message")
        async def message(request: Request) -> HTTPResponse:
            if not guard.chat_limits().allow_client(request):
                return _error(request, guard.RATE_LIMITED, 429)
            if len(request.body or b"") > guard.MAX_MESSAGE_BODY_BYTES:
                return _error(request, guard.TOO_LARGE, 413)
            fields = _read_message(request)
            if fields is None:
                return _error(request, BAD_REQUEST, 400)
            if fields.get("too_long"):
                return _error(request, TOO_LONG, 413)
            remember_typed(fields["text"])
            remember_typed(fields["shown"])
            conversation_id = fields["conversation_id"]
            if not guard.chat_limits().allow_conversation(CHANNEL_NAME, conversation_id):
                return _error(request, guard.RATE_LIMITED, 429)
            tracker = await guard.peek_tracker(request.app.ctx.agent.tracker_store, conversation_id)
            if tracker is not None and tracker.get_latest_input_channel() not in (None, CHANNEL_NAME):
                logger.warning("widget message refused: the conversation belongs to another channel")
                return _error(request, guard.OTHER_CHAT, 403)
            guard.OWNERS.remember(conversation_id, CHANNEL_NAME)

            # The message id is stored with the message, so a turn a dead replica saved is found again.
            metadata = {MESSAGE_ID_KEY: fields["message_id"]}
            if fields["shown"] is not None:
                metadata[SHOWN_KEY] = fields["shown"]

            async def handle() -> list:
                # Inside: a resent message gets the replies it already had, whatever was offered since.
                command = _typed_command(fields["text"], tracker)
                if command is not None:
                    return [{"role": "bot", "text": _in_ui_language(request, command), "buttons": [], "custom": {}}]
                collector = CollectingOutputChannel()
                await on_new_message(
                    UserMessage(
                        fields["text"], collector, fields["conversation_id"], input_channel=CHANNEL_NAME,
                        metadata=metadata,
                    )
                )
                return bubbles_from_replies(collector.messages)

            async def recover() -> Optional[list]:
                tracker = await guard.peek_tracker(request.app.ctx.agent.tracker_store, fields["conversation_id"])
                events = [] if tracker is None else [event.as_dict() for event in tracker.events]
                return replies_to(events, fields["message_id"])

            try:
                key = (fields["conversation_id"], fields["message_id"])
                bubbles = await self.recent.once(key, handle, recover)
            except Exception as error:
                logger.error("widget message failed: %s", type(error).__name__)
                return _error(request, SERVER_ERROR, 500)
            if not bubbles:
                silent = _in_ui_language(request, await guard.reply_when_silent(request))
                bubbles = [{"role": "bot", "text": silent, "buttons": [], "custom": {}}]
            after = await guard.peek_tracker(request.app.ctx.agent.tracker_store, conversation_id)
            return response.json({"messages": bubbles, "language": _conversation_language(after)})

        @widget.get("/history/<conversation_id:str>")
        async def history(request: Request, conversation_id: str) -> HTTPResponse:
            if not guard.chat_limits().allow_client(request):
                return _error(request, guard.RATE_LIMITED, 429)
            if not CONVERSATION_ID.fullmatch(conversation_id):
                return _error(request, BAD_REQUEST, 400)
            if not guard.chat_limits().allow_conversation("history", conversation_id):
                return _error(request, guard.RATE_LIMITED, 429)
            tracker = await guard.peek_tracker(request.app.ctx.agent.tracker_store, conversation_id)
            if tracker is not None and tracker.get_latest_input_channel() not in (None, CHANNEL_NAME):
                return _error(request, guard.OTHER_CHAT, 403)
            events = [] if tracker is None else [event.as_dict() for event in tracker.events]
            return response.json({"messages": bubbles_from_events(events), "language": _conversation_language(tracker)})

        @widget.get("/strings/<language:str>")
        async def strings(request: Request, language: str) -> HTTPResponse:
            if not guard.chat_limits().allow_client(request):
                return _error(request, guard.RATE_LIMITED, 429)
            if language not in LANGUAGES:
                return response.json({"error": NO_SUCH_LANGUAGE}, status=404)
            return response.json(
                widget_text(language), headers={"Cache-Control": f"public, max-age={STRINGS_CACHE_SECONDS}"}
            )

        add_keep_routes(widget, CONVERSATION_ID)  # e-mail the summary, a link to come back (widget/keep_routes.py)
        return widget


def offered_payloads(tracker) -> set:
    """The button payloads of the assistant's latest messages (a message it did not answer,
    for example while a part was down, does not hide them)."""
    payloads, seen = set(), 0
    for event in reversed(tracker.events if tracker is not None else []):
        if event.type_name == "user" and seen:
            break
        if event.type_name == "bot":
            seen += 1
            data = event.data or {}
            payloads |= {str(b.get("payload")) for b in data.get("buttons") or []}
            payloads |= _checklist_payloads(data.get("custom"))
            if seen >= RECENT_BOT_MESSAGES:
                break
    return payloads


def _checklist_payloads(custom: Any) -> set:
    """A checklist question's payloads: "None of these" and its template with each item's id.

    The widget sends the ticked ids joined by commas in place of "{items}"; single ids are
    listed here and a joined list is checked item by item in ``_is_offered``.
    """
    checklist = custom.get("checklist") if isinstance(custom, dict) else None
    if not isinstance(checklist, dict):
        return set()
    payloads = {str((checklist.get("none") or {}).get("payload"))}
    template = str(checklist.get("payload") or "")
    if "{items}" in template:
        payloads.add(template)
    return payloads


def _is_offered(text: str, offered: set) -> bool:
    if text in offered:
        return True
    for template in (p for p in offered if "{items}" in p):
        head, _, tail = template.partition("{items}")
        if text.startswith(head) and text.endswith(tail) and len(text) > len(head) + len(tail):
            ids = text[len(head):len(text) - len(tail)].split(",")
            if all(re.fullmatch(r"[a-z0-9_]{1,64}", item) for item in ids):
                return True  # the items themselves are checked against the question by bot.screening.checklist
    return False


def _typed_command(text: str, tracker) -> Optional[str]:
    """The answer to a typed "/" command, or None when the message is not one (or is a button)."""
    stripped = text.strip()
    if not stripped.startswith("/") or stripped in WIDGET_COMMANDS or _is_offered(stripped, offered_payloads(tracker)):
        return None
    return HELP if stripped.lower() in ("/help", "/?") else NO_COMMANDS


def add_home_page(app: Sanic) -> None:
    """Serve the home page at / (the studies in plain words, and the widget), first in the
    browser's language; the widget then shows the one the person chose."""
    settings = get_settings()
    catalog = load_catalog(settings.seeds_dir)
    trial_ids = [trial_id for trial_id, _name in TRIAL_BUTTONS]
    offered = page_languages(catalog)
    pages = {language: home_page(catalog, trial_ids, language) for language in offered}
    headers = {**SECURITY_HEADERS, "Vary": "Accept-Language"}

    @app.get("/")
    async def home(request: Request) -> HTTPResponse:
        language = preferred_language(request.headers.get("accept-language"), offered)
        return response.html(pages[language], headers=headers)

    @app.get("/favicon.ico")
    async def no_icon(_: Request) -> HTTPResponse:  # browsers ask; an empty answer keeps the logs quiet
        return response.empty()
