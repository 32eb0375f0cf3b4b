"""The doors of the chat routes (the widget's and the REST channel's): size limits,
rate limits, one-line refusals, and a plain message when a part is down.

Every refusal is a JSON object ``{"error": "<one plain sentence>"}``; the
widget shows that sentence in the chat. Limits are kept in this server process's
memory (a restart clears them).
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import OrderedDict, deque
from typing import Any, Callable, Deque, Dict, Iterable, Optional, Tuple

import aiohttp
from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.i18n import N_, domain
from bot.log_privacy import install_log_privacy
from bot.settings import get_settings

# The refusals marked N_ below are English for every client; binding the widget's domain puts
# them in its catalog, and the widget's routes show them in the person's language (widget/channel.py).
_ = domain("widget").gettext

# Whole requests: a chat message of 10,000 characters is at most 40 kB of UTF-8.
MAX_REQUEST_BYTES = 1024 * 1024  # any route of the Rasa server (Sanic refuses before reading more)
MAX_MESSAGE_BODY_BYTES = 64 * 1024  # one chat message with its fields
MAX_MESSAGE_CHARACTERS = 10_000
WINDOW_SECONDS = 60.0
MAX_TRACKED_KEYS = 20_000
HEALTH_TIMEOUT_SECONDS = 1.0

TOO_LONG_TEMPLATE = N_("Your message is too long. Please keep it under {limit} characters.")
TOO_LONG = TOO_LONG_TEMPLATE.format(limit=f"{MAX_MESSAGE_CHARACTERS:,}")
TOO_LARGE = N_("That request is too large. Please send a shorter message.")
RATE_LIMITED = N_("You are sending messages faster than I can answer. Please wait a minute, then try again.")
NOT_AN_OBJECT = "Refused: the body must be a JSON object, for example {\"sender\": \"abc\", \"message\": \"hi\"}."
NO_SENDER = "Refused: the request needs a \"sender\": letters, digits, dots, dashes or underscores (at most 64)."
NO_MESSAGE = "Refused: the request needs a \"message\" with some text."
OTHER_CHAT = N_("Refused: this conversation belongs to another chat.")
SERVICE_DOWN = N_(
    "Sorry, part of this service is not answering just now. Your answers so far are safe. "
    "Please try again in a few minutes."
)
NOT_UNDERSTOOD = N_("Sorry, I did not understand that. Please type your answer in words, or use the buttons.")
SERVER_ERROR = N_("Sorry, something went wrong on our side. Please try again in a minute.")
STATUS_MESSAGES = {
    400: "Refused: the request could not be read.",
    404: "Refused: there is nothing at this address.",
    405: "Refused: this address does not take that kind of request.",
    413: TOO_LARGE,
}


def refuse(message: str, status: int) -> HTTPResponse:
    return response.json({"error": message}, status=status)


def read_json_object(request: Request) -> Optional[Dict[str, Any]]:
    """The body as a JSON object, or None (not JSON, invalid UTF-8, or not an object)."""
    try:
        body = json.loads(request.body or b"")
    except (ValueError, UnicodeDecodeError):
        return None
    return body if isinstance(body, dict) else None


class RateLimiter:
    """At most ``limit`` events per key in any ``WINDOW_SECONDS`` (a sliding window)."""

    def __init__(self, limit: int, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.clock = clock
        self._seen: "OrderedDict[str, Deque[float]]" = OrderedDict()

    def allow(self, key: str) -> bool:
        now = self.clock()
        times = self._seen.pop(key, None) or deque()
        while times and now - times[0] >= WINDOW_SECONDS:
            times.popleft()
        allowed = len(times) < self.limit
        if allowed:
            times.append(now)
        self._seen[key] = times
        while len(self._seen) > MAX_TRACKED_KEYS:
            self._seen.popitem(last=False)
        return allowed


class ChatLimits:
    """Per client address and per conversation, shared by every chat route of this process."""

    def __init__(
        self,
        per_client: int,
        per_conversation: int,
        clock: Callable[[], float] = time.monotonic,
        trusted_proxies: Iterable[str] = (),
    ):
        self.clients = RateLimiter(per_client, clock)
        self.conversations = RateLimiter(per_conversation, clock)
        self.trusted_proxies = frozenset(trusted_proxies)

    def client_address(self, request: Request) -> str:
        """The person's address: behind a trusted balancer, the one it added to X-Forwarded-For.

        Only the last address counts (the one the balancer saw); anything before it was
        written by the client and could be forged.
        """
        peer = request.ip or "unknown"
        forwarded = request.headers.get("x-forwarded-for")
        if peer in self.trusted_proxies and forwarded:
            return forwarded.split(",")[-1].strip()[:64] or peer
        return peer

    def allow_client(self, request: Request) -> bool:
        """Counted first, for every request, so that a flood of malformed ones is limited too."""
        return self.clients.allow(self.client_address(request))

    def allow_conversation(self, channel: str, conversation_id: str) -> bool:
        return self.conversations.allow(f"{channel}:{conversation_id}")


_limits: Optional[ChatLimits] = None


def chat_limits() -> ChatLimits:
    global _limits
    if _limits is None:
        settings = get_settings()
        _limits = ChatLimits(settings.rate_limit_per_client, settings.rate_limit_per_conversation,
                             trusted_proxies=settings.trusted_proxies)
    return _limits


class ConversationOwners:
    """Which channel each conversation belongs to, so one channel cannot drive another's conversations."""

    def __init__(self, size: int = MAX_TRACKED_KEYS):
        self.size = size
        self._owners: "OrderedDict[str, Optional[str]]" = OrderedDict()

    async def owner(self, request: Request, conversation_id: str) -> Optional[str]:
        if conversation_id in self._owners:
            self._owners.move_to_end(conversation_id)
            return self._owners[conversation_id]
        tracker = await peek_tracker(request.app.ctx.agent.tracker_store, conversation_id)
        channel = tracker.get_latest_input_channel() if tracker is not None else None
        if channel is not None:
            self.remember(conversation_id, channel)
        return channel

    def remember(self, conversation_id: str, channel: str) -> None:
        self._owners[conversation_id] = channel
        while len(self._owners) > self.size:
            self._owners.popitem(last=False)

    def forget(self, conversation_id: str) -> None:
        self._owners.pop(conversation_id, None)


OWNERS = ConversationOwners()


async def action_server_is_up(request: Request) -> bool:
    endpoint = getattr(request.app.ctx.agent, "action_endpoint", None)
    if endpoint is None or not endpoint.url:
        return True
    health = endpoint.url.rsplit("/", 1)[0] + "/health"
    try:
        timeout = aiohttp.ClientTimeout(total=HEALTH_TIMEOUT_SECONDS)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            async with session.get(health) as reply:
                return reply.status == 200
    except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
        return False


async def reply_when_silent(request: Request) -> str:
    """What to tell a person when the assistant produced no reply at all."""
    return NOT_UNDERSTOOD if await action_server_is_up(request) else SERVICE_DOWN


async def _plain_error(request: Request, error: Exception) -> HTTPResponse:
    status = getattr(error, "status_code", 500) if isinstance(error, SanicException) else 500
    if status >= 500:
        return refuse(SERVER_ERROR, 500)
    return refuse(STATUS_MESSAGES.get(status, STATUS_MESSAGES[400]), status)


def configure_app(app: Sanic) -> None:
    """Limits and one-line errors for the whole Rasa server (called before it starts)."""
    if getattr(app.ctx, "chat_guarded", False):
        return
    app.ctx.chat_guarded = True
    app.config.REQUEST_MAX_SIZE = MAX_REQUEST_BYTES
    app.error_handler.add(SanicException, _plain_error)
    install_log_privacy()


def checked_text(text: Any) -> Tuple[Optional[str], Optional[HTTPResponse]]:
    """A message text, or the refusal to send instead."""
    if not isinstance(text, str) or not text.strip():
        return None, refuse(NO_MESSAGE, 400)
    if len(text) > MAX_MESSAGE_CHARACTERS:
        return None, refuse(TOO_LONG, 413)
    return text, None


async def peek_tracker(store, conversation_id: str):
    """The stored conversation, read outside its turn's lock without disturbing the store's
    cache (``actions.cached_tracker_store``); Rasa wraps the store in FailSafeTrackerStore."""
    inner = getattr(store, "_tracker_store", store)
    peek = getattr(inner, "peek", None)
    if peek is not None:
        try:
            return await peek(conversation_id)
        except Exception:  # noqa: BLE001 - a store that fails is reported by Rasa's own path below
            pass
    return await store.retrieve(conversation_id)
