"""The parts of the doors that need no server: rate limits, the log filter, which
events are redacted, and why the action server refuses a call."""

from __future__ import annotations

import io
import json
import logging
from types import SimpleNamespace

import pytest

from actions.redaction import REDACTED, form_is_over, redact_after_form, redact_user_event, typed_contact_details
from actions.server_guard import refusal
from bot.log_privacy import TypedTextFilter, remember_typed
from widget.guard import WINDOW_SECONDS, ChatLimits, RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_allows_the_limit_per_window_then_recovers():
    clock = Clock()
    limiter = RateLimiter(3, clock)
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    assert limiter.allow("b") is True  # another key has its own allowance
    clock.now += WINDOW_SECONDS - 1
    assert limiter.allow("a") is False
    clock.now += 1
    assert limiter.allow("a") is True


@pytest.fixture
def log_lines():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(TypedTextFilter())
    logger = logging.getLogger("tests.doors")
    logger.addHandler(handler)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


def _request(peer: str, forwarded: str = None):
    headers = {} if forwarded is None else {"x-forwarded-for": forwarded}
    return SimpleNamespace(ip=peer, headers=headers)


def test_the_client_address_comes_from_x_forwarded_for_only_behind_a_trusted_balancer():
    limits = ChatLimits(2, 10, trusted_proxies=["10.0.0.5"])
    # Behind the balancer: the address it appended (the last one); earlier ones are the client's own words.
    assert limits.client_address(_request("10.0.0.5", "6.6.6.6, 203.0.113.7")) == "203.0.113.7"
    assert limits.client_address(_request("10.0.0.5")) == "10.0.0.5"
    # Anyone else cannot choose their address with the header.
    assert limits.client_address(_request("198.51.100.9", "203.0.113.7")) == "198.51.100.9"
    # Two people behind one balancer are counted apart; the third message of one is refused.
    first, second = _request("10.0.0.5", "203.0.113.7"), _request("10.0.0.5", "203.0.113.8")
    assert [limits.allow_client(first) for _ in range(3)] == [True, True, False]
    assert limits.allow_client(second) is True


def test_log_filter_removes_typed_text_and_message_fields(log_lines):
    logger, stream = log_lines
    remember_typed("Marguerite Fennimore")
    logger.error("contact %s", "Marguerite Fennimore")
    logger.error(json.dumps({"event": "rest.message.received.timeout", "text": "she is 67 and lives in Leeds"}))
    try:
        raise ValueError("expected a number, got 'Marguerite Fennimore'")
    except ValueError:
        logger.exception("failed")
    written = stream.getvalue()
    assert "Marguerite" not in written and "lives in Leeds" not in written
    assert '"text": "[typed text]"' in written
    assert "ValueError" in written  # the error type is still there to debug with


def test_typed_contact_details_are_found_only_inside_the_contact_form():
    events = [
        {"event": "user", "text": "hi"},
        {"event": "active_loop", "name": "contact_form"},
        {"event": "slot", "name": "requested_slot", "value": "consent"},
        {"event": "user", "text": "yes"},
        {"event": "slot", "name": "requested_slot", "value": "email"},
        {"event": "user", "text": "a@example.org"},
        {"event": "active_loop", "name": None},
        {"event": "user", "text": "thanks"},
    ]
    assert typed_contact_details(events) == [5]
    redacted = redact_user_event({"event": "user", "text": "a@example.org", "metadata": {"shown": "a@example.org"},
                                  "parse_data": {"text": "a@example.org", "entities": [{"value": "a@example.org"}]}})
    assert "a@example.org" not in json.dumps(redacted) and redacted["text"] == REDACTED


def test_slots_are_redacted_only_once_the_form_is_over():
    assert form_is_over("contact_form", {}) is False
    assert form_is_over(None, {"email": "a@example.org"}) is False
    assert form_is_over(None, {"email": None}) is True
    assert redact_after_form({"event": "slot", "name": "email", "value": "a@example.org"})["value"] == REDACTED
    assert redact_after_form({"event": "slot", "name": "answers", "value": {"age": 61}}) is None
    assert redact_after_form({"event": "bot", "text": "- Email: a", "data": {"custom": {"read_back": True}}})


def call(query: dict, body: object, path: str = "/webhook") -> SimpleNamespace:
    return SimpleNamespace(args=query, path=path, body=json.dumps(body).encode(), json=body, headers={})


GOOD_CALL = {"next_action": "action_stop", "tracker": {"sender_id": "abc", "latest_message": {"text": "hi"}}}


@pytest.mark.parametrize(
    "query, body, reason",
    [
        ({}, GOOD_CALL, "no token"),
        ({"token": ""}, GOOD_CALL, "no token"),
        ({"token": "s3cret-but-wrong"}, GOOD_CALL, "wrong token"),
        ({"token": "s3cret"}, [], "body is not an action call"),
        ({"token": "s3cret"}, {"next_action": "action_stop", "tracker": {}}, "action call without a conversation"),
        ({"token": "s3cret"}, GOOD_CALL, None),
    ],
)
def test_action_calls_are_refused_without_the_secret_or_a_conversation(query, body, reason):
    assert refusal(call(query, body), "s3cret") == reason


def test_sealed_contact_slots_hide_the_value_and_open_only_with_the_same_secret(monkeypatch):
    from actions import sealed_slots
    from bot.settings import Settings

    monkeypatch.setattr(sealed_slots, "get_settings", lambda: Settings(seeds_dir=".", action_server_token="one"))
    sealed = sealed_slots.seal("ann.lee@example.org")
    assert "ann.lee" not in sealed and sealed.startswith("sealed:")
    assert sealed_slots.unseal(sealed) == "ann.lee@example.org"
    assert sealed_slots.unseal("ann.lee@example.org") is None  # a slot set by anything else reads as missing
    monkeypatch.setattr(sealed_slots, "get_settings", lambda: Settings(seeds_dir=".", action_server_token="two"))
    assert sealed_slots.unseal(sealed) is None
