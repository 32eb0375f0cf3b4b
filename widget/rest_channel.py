"""Rasa's REST channel (``/webhooks/rest/webhook``) with the doors of widget/guard.py
(``credentials.yml``: ``widget.rest_channel.GuardedRestInput``).

Same request and reply as Rasa documents (``{"sender", "message"}`` -> a list of
replies; button payloads such as ``/affirm`` work as before), plus: a body
that is not a JSON object, a missing or malformed sender or an empty message
gets a 400 with one plain line; too long gets 413; too many gets 429; a
conversation started in the web widget cannot be driven from here; and a turn
that produced no reply at all gets a plain message instead of silence.
"""

from __future__ import annotations

import asyncio
import logging
import re
from typing import Any, Awaitable, Callable, Text

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.log_privacy import remember_typed
from widget import guard

logger = logging.getLogger(__name__)

SENDER = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
CHANNEL_NAME = "rest"


class GuardedRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return CHANNEL_NAME

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        rest = Blueprint("guarded_rest_webhook", __name__)

        @rest.listener("before_server_start")
        async def limits(app: Sanic, _loop) -> None:
            guard.configure_app(app)

        @rest.get("/")
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @rest.post("/webhook")
        async def receive(request: Request) -> HTTPResponse:
            if not guard.chat_limits().allow_client(request):
                return guard.refuse(guard.RATE_LIMITED, 429)
            if len(request.body or b"") > guard.MAX_MESSAGE_BODY_BYTES:
                return guard.refuse(guard.TOO_LARGE, 413)
            body = guard.read_json_object(request)
            if body is None:
                return guard.refuse(guard.NOT_AN_OBJECT, 400)
            sender = body.get("sender")
            if not (isinstance(sender, str) and SENDER.fullmatch(sender)):
                return guard.refuse(guard.NO_SENDER, 400)
            text, refusal = guard.checked_text(body.get("message"))
            if refusal is not None:
                return refusal
            remember_typed(text)
            if not guard.chat_limits().allow_conversation(CHANNEL_NAME, sender):
                return guard.refuse(guard.RATE_LIMITED, 429)
            owner = await guard.OWNERS.owner(request, sender)
            if owner not in (None, CHANNEL_NAME):
                logger.warning("REST message refused: the conversation belongs to another channel")
                return guard.refuse(guard.OTHER_CHAT, 403)
            guard.OWNERS.remember(sender, CHANNEL_NAME)
            collector = CollectingOutputChannel()
            try:
                await on_new_message(UserMessage(text, collector, sender, input_channel=CHANNEL_NAME))
            except asyncio.CancelledError:
                logger.error("REST message timed out")
                raise
            except Exception as error:  # noqa: BLE001 - the client gets one plain line
                logger.error("REST message failed: %s", type(error).__name__)
                return guard.refuse(guard.SERVER_ERROR, 500)
            if not collector.messages:
                return response.json([{"recipient_id": sender, "text": await guard.reply_when_silent(request)}])
            return response.json(collector.messages)

        return rest
