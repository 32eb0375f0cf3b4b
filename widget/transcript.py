"""What the widget shows: chat bubbles built from Rasa's replies and stored events.

Rasa hands a channel one message per part (a question's text and buttons, then
its ``custom`` payload separately); the widget wants one bubble per message,
with its buttons and payload together. Nothing here imports Sanic.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional

Bubble = Dict[str, Any]

# The browser sends, with each message, the words to show for it in the chat
# ("shown"): a button's title for a button, nothing for the opening greeting.
SHOWN_KEY = "shown"


def _bot_bubble(text: Optional[str], buttons: Optional[list], custom: Optional[dict]) -> Bubble:
    return {
        "role": "bot",
        "text": text or "",
        "buttons": [{"title": str(b.get("title", "")), "payload": str(b.get("payload", ""))} for b in buttons or []],
        "custom": custom or {},
    }


def _add_bot_part(bubbles: List[Bubble], text: Optional[str], buttons: Optional[list], custom: Optional[dict]) -> None:
    """A new bubble for a text (or buttons); a custom-only part joins the bot bubble before it."""
    if text or buttons:
        bubbles.append(_bot_bubble(text, buttons, custom))
    elif custom and bubbles and bubbles[-1]["role"] == "bot" and not bubbles[-1]["custom"]:
        bubbles[-1]["custom"] = dict(custom)


def bubbles_from_replies(replies: Iterable[Mapping[str, Any]]) -> List[Bubble]:
    """Rasa's collected replies, with each custom-only part joined to the text before it."""
    bubbles: List[Bubble] = []
    for reply in replies:
        _add_bot_part(bubbles, reply.get("text"), reply.get("buttons"), reply.get("custom"))
    return bubbles


def shown_text(metadata: Optional[Mapping[str, Any]], text: Optional[str]) -> Optional[str]:
    """What to show for a person's message; None when nothing should be shown."""
    if metadata and isinstance(metadata.get(SHOWN_KEY), str):
        return metadata[SHOWN_KEY] or None
    if not text or text.startswith("/"):  # an intent sent by a button of some other client
        return None
    return text


def bubbles_from_events(events: Iterable[Mapping[str, Any]]) -> List[Bubble]:
    """The conversation as stored by the tracker store (event dictionaries), as bubbles."""
    bubbles: List[Bubble] = []
    for event in events:
        if event.get("event") == "user":
            text = shown_text(event.get("metadata"), event.get("text"))
            if text is not None:
                bubbles.append({"role": "user", "text": text})
        elif event.get("event") == "bot":
            data = event.get("data") or {}
            _add_bot_part(bubbles, event.get("text"), data.get("buttons"), data.get("custom"))
    return bubbles
