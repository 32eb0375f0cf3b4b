"""The action server's doors: loopback by default, the shared secret on every call,
bounded request bodies, and refusals logged by reason only.

``rasa run actions`` (Rasa SDK) creates its Sanic app, then imports this package
to find the actions; ``actions/__init__.py`` calls :func:`guard_action_server`
at that moment, so the plain Rasa command is guarded as much as ``make run``.
The Rasa server sends the secret as ``?token=...`` (``actions/action_token.py``).
"""

from __future__ import annotations

import hmac
import json
import logging
import os
import zlib
from typing import Optional

from sanic import Sanic, response
from sanic.exceptions import SanicException
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.log_privacy import install_log_privacy, remember_typed
from bot.settings import get_settings

logger = logging.getLogger(__name__)

SDK_APP_NAME = "rasa_sdk"
TOKEN_PARAMETER = "token"
# A whole conversation's tracker comes with each call; a long one is well under 1 MB.
MAX_ACTION_CALL_BYTES = 8 * 1024 * 1024
GUARDED_PATHS = ("/webhook", "/actions")


class MissingSecret(RuntimeError):
    """The action server must not start without the shared secret."""


def _sdk_app() -> Optional[Sanic]:
    try:
        return Sanic.get_app(SDK_APP_NAME)
    except SanicException:
        return None  # imported by the Rasa server or by a test: nothing to guard here


def _body(request: Request) -> bytes:
    """The body, inflated when Rasa sent it compressed (at most MAX_ACTION_CALL_BYTES of it)."""
    body = request.body or b""
    if (getattr(request, "headers", None) or {}).get("Content-Encoding") != "deflate":
        return body
    inflater = zlib.decompressobj()
    inflated = inflater.decompress(body, MAX_ACTION_CALL_BYTES)
    if inflater.unconsumed_tail:
        raise ValueError("inflated body too large")
    return inflated


def refusal(request: Request, token: str) -> Optional[str]:
    """Why a call must be refused (a reason, never its content), or None to let it through."""
    given = request.args.get(TOKEN_PARAMETER)
    if not given:
        return "no token"
    if not hmac.compare_digest(given.encode(), token.encode()):
        return "wrong token"
    if request.path != "/webhook":
        return None
    try:
        if (getattr(request, "headers", None) or {}).get("Content-Encoding") == "deflate":
            call = json.loads(_body(request))
        else:
            call = request.json  # parsed once: Sanic keeps it for Rasa SDK's handler
    except (ValueError, UnicodeDecodeError, zlib.error, SanicException):
        return "body is not JSON"
    if not isinstance(call, dict) or not isinstance(call.get("next_action"), str):
        return "body is not an action call"
    tracker = call.get("tracker")
    if not isinstance(tracker, dict) or not isinstance(tracker.get("sender_id"), str) or not tracker["sender_id"]:
        return "action call without a conversation"
    text = (tracker.get("latest_message") or {}).get("text") if isinstance(tracker.get("latest_message"), dict) else None
    remember_typed(text)  # so that no log line of this process can show it
    return None


def guard_action_server() -> None:
    """Guard the Rasa SDK app being built, if this import happens inside ``rasa run actions``."""
    app = _sdk_app()
    if app is None or getattr(app.ctx, "guarded", False):
        return
    settings = get_settings()
    if not settings.action_server_token:
        raise MissingSecret(
            "ACTION_SERVER_TOKEN is not set. Run scripts/setup.sh (it writes one into .env) "
            "or set it in the environment of both servers."
        )
    token = settings.action_server_token
    # Rasa SDK reads SANIC_HOST after loading the actions; an explicit setting wins.
    os.environ.setdefault("SANIC_HOST", settings.action_server_host)
    app.config.REQUEST_MAX_SIZE = MAX_ACTION_CALL_BYTES
    app.ctx.guarded = True
    install_log_privacy()

    @app.middleware("request")
    async def check_secret(request: Request) -> Optional[HTTPResponse]:
        if not request.path.startswith(GUARDED_PATHS):
            return None
        reason = refusal(request, token)
        if reason is None:
            return None
        logger.warning("action call refused: %s", reason)
        status = 401 if "token" in reason else 400
        return response.json({"error": f"Refused: {reason}."}, status=status)

    @app.listener("before_server_start")
    async def plain_errors(server: Sanic, _loop) -> None:
        # Registered last, so it replaces Rasa SDK's handler, which echoes the request body.
        server.error_handler.add(Exception, _plain_error)


async def _plain_error(request: Request, error: Exception) -> HTTPResponse:
    if isinstance(error, SanicException) and getattr(error, "status_code", 500) < 500:
        return response.json({"error": "Refused: the request could not be read."}, status=error.status_code)
    logger.error("action call failed: %s", type(error).__name__)
    return response.json({"error": "The action failed."}, status=500)
