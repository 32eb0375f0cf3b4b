"""The keep routes answer in the conversation's language: its chat_language slot, else the
body's language, else the browser's (fake requests; the routes themselves run in the e2e tests)."""

from __future__ import annotations

import asyncio
import json
import re
from types import SimpleNamespace

from widget import keep_routes

CONVERSATION = "0123456789abcdef0123456789abcdef"
PATTERN = re.compile(r"[0-9a-f]{32}")
CJK = re.compile(r"[\u4e00-\u9fff]")


class _Tracker:
    def __init__(self, slots):
        self.slots = slots

    def get_slot(self, name):
        return self.slots.get(name)


class _Store:
    def __init__(self, trackers):
        self.trackers = trackers

    async def retrieve(self, conversation_id):
        return self.trackers.get(conversation_id)


def _request(body, trackers=None, accept_language=""):
    raw = json.dumps(body).encode()
    agent = SimpleNamespace(tracker_store=_Store(trackers or {}))
    return SimpleNamespace(body=raw, json=body, headers={"accept-language": accept_language},
                           app=SimpleNamespace(ctx=SimpleNamespace(agent=agent)))


async def _refuse(request):
    return keep_routes._error(keep_routes.NO_SUMMARY, 409)


def _answer(request) -> str:
    handler = keep_routes._speaking(PATTERN)(_refuse)
    return json.loads(asyncio.run(handler(request)).body)["error"]


def test_a_chinese_conversation_is_answered_in_chinese_whatever_the_browser_says():
    trackers = {CONVERSATION: _Tracker({"chat_language": "zh"})}
    said = _answer(_request({"conversation_id": CONVERSATION}, trackers, accept_language="en-GB"))
    assert CJK.search(said)


def test_an_english_conversation_is_answered_in_english():
    trackers = {CONVERSATION: _Tracker({"chat_language": "en"})}
    assert not CJK.search(_answer(_request({"conversation_id": CONVERSATION}, trackers, accept_language="zh-CN")))


def test_without_a_conversation_the_body_then_the_browser_decide():
    assert CJK.search(_answer(_request({"token": "x", "language": "zh"})))
    assert CJK.search(_answer(_request({"token": "x"}, accept_language="zh-CN,zh;q=0.9,en;q=0.8")))
    assert not CJK.search(_answer(_request({"token": "x"}, accept_language="en-US")))
    assert not CJK.search(_answer(_request({"token": "x"})))
