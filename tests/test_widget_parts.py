"""The widget's server-side parts without a server: bubbles, history, resends."""

from __future__ import annotations

import asyncio

import pytest

from widget.replies import RecentReplies
from widget.transcript import bubbles_from_events, bubbles_from_replies, shown_text

QUESTION_BUTTONS = [{"title": "Yes", "payload": '/inform{"answer": "yes"}'}]


def test_a_custom_payload_joins_the_text_it_came_with():
    replies = [
        {"recipient_id": "a", "text": "Thank you."},
        {"recipient_id": "a", "text": "Is it back?", "buttons": QUESTION_BUTTONS},
        {"recipient_id": "a", "custom": {"question_id": "npc_recurrent_metastatic"}},
    ]
    assert bubbles_from_replies(replies) == [
        {"role": "bot", "text": "Thank you.", "buttons": [], "custom": {}},
        {"role": "bot", "text": "Is it back?", "buttons": QUESTION_BUTTONS,
         "custom": {"question_id": "npc_recurrent_metastatic"}},
    ]


def test_a_custom_payload_alone_is_not_a_bubble():
    assert bubbles_from_replies([{"custom": {"reference": "PS-AAAA-BBBB"}}]) == []


@pytest.mark.parametrize(
    "metadata, text, shown",
    [
        ({"shown": "Yes"}, '/inform{"answer": "yes"}', "Yes"),  # a button shows its title
        ({"shown": ""}, "/greet", None),  # the widget's hidden opening message
        (None, "she is 67", "she is 67"),  # typed in another client
        (None, "/choose_npc", None),  # another client's button: nothing readable to show
        ({"shown": 5}, "hello", "hello"),  # a malformed "shown" is ignored
    ],
)
def test_what_is_shown_for_a_persons_message(metadata, text, shown):
    assert shown_text(metadata, text) == shown


def test_history_from_stored_events():
    events = [
        {"event": "action", "name": "action_session_start"},
        {"event": "user", "text": "/greet", "metadata": {"shown": ""}},
        {"event": "bot", "text": "Hello!", "data": {}},
        {"event": "bot", "text": "How old are you?", "data": {"buttons": None}},
        {"event": "bot", "text": None, "data": {"custom": {"question_id": "age", "answer_type": "number"}}},
        {"event": "slot", "name": "requested_slot", "value": "answer"},
        {"event": "user", "text": "61", "metadata": {"shown": "61"}},
    ]
    assert bubbles_from_events(events) == [
        {"role": "bot", "text": "Hello!", "buttons": [], "custom": {}},
        {"role": "bot", "text": "How old are you?", "buttons": [], "custom": {"question_id": "age", "answer_type": "number"}},
        {"role": "user", "text": "61"},
    ]


def test_a_resent_message_gets_the_first_replies_without_being_handled_again():
    recent = RecentReplies(size=2)
    handled = []

    async def handle():
        handled.append(1)
        return [{"text": f"reply {len(handled)}"}]

    async def scenario():
        first = await recent.once(("a", "m1"), handle)
        again = await recent.once(("a", "m1"), handle)
        other = await recent.once(("b", "m1"), handle)
        return first, again, other

    first, again, other = asyncio.run(scenario())
    assert first == again == [{"text": "reply 1"}]
    assert other == [{"text": "reply 2"}]
    assert len(handled) == 2


def test_a_failed_message_can_be_tried_again_and_old_ids_are_forgotten():
    recent = RecentReplies(size=1)
    calls = []

    async def fail():
        calls.append("fail")
        raise ConnectionError("action server down")

    async def succeed():
        calls.append("ok")
        return ["done"]

    async def scenario():
        with pytest.raises(ConnectionError):
            await recent.once(("a", "m1"), fail)
        assert await recent.once(("a", "m1"), succeed) == ["done"]
        await recent.once(("a", "m2"), succeed)  # pushes m1 out (size 1)
        assert await recent.once(("a", "m1"), succeed) == ["done"]

    asyncio.run(scenario())
    assert calls == ["fail", "ok", "ok", "ok"]
