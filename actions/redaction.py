"""What the conversation store keeps of the contact form: "[contact detail]" in
place of every detail a person typed.

Works on Rasa's event dictionaries (as stored). Two moments:

- every message typed while the contact form asks for a detail, and the
  read-back that shows the details, are stored redacted from the start (the
  form has already taken the value into its slot, sealed);
- once the form is over (the hand-off is done, or the person said no or stop)
  and no detail slot holds a value any more, the slot events that carried the
  sealed details are redacted too. Until then the form needs them to read the
  details back and save the request.
"""

from __future__ import annotations

from typing import Any, Dict, Iterable, List, Mapping, Optional

from bot.handoff.contact import CONTACT_FIELDS

REDACTED = "[contact detail]"
READ_BACK_REDACTED = "[Your contact details were shown here. They are kept only in your contact request.]"
CONTACT_FORM = "contact_form"


def _redact_shown(metadata: Any) -> Any:
    if isinstance(metadata, dict) and "shown" in metadata:
        return {**metadata, "shown": REDACTED}
    return metadata


def redact_user_event(event: Mapping[str, Any]) -> Dict[str, Any]:
    """A user event with its text, entities and the words shown for it replaced."""
    redacted = dict(event)
    redacted["text"] = REDACTED
    parse_data = dict(event.get("parse_data") or {})
    if parse_data:
        parse_data.update(text=REDACTED, entities=[], metadata=_redact_shown(parse_data.get("metadata")))
        redacted["parse_data"] = parse_data
    redacted["metadata"] = _redact_shown(event.get("metadata"))
    return redacted


def typed_contact_details(events: Iterable[Mapping[str, Any]]) -> List[int]:
    """Indexes of user messages that answered a contact-detail question."""
    active_loop: Optional[str] = None
    requested: Optional[str] = None
    found = []
    for index, event in enumerate(events):
        kind = event.get("event")
        if kind == "active_loop":
            active_loop = event.get("name")
        elif kind == "slot" and event.get("name") == "requested_slot":
            requested = event.get("value")
        elif kind in ("restart", "reset_slots", "session_started"):
            active_loop = requested = None
        elif kind == "user" and active_loop == CONTACT_FORM and requested in CONTACT_FIELDS:
            if event.get("text") != REDACTED:
                found.append(index)
    return found


def form_is_over(active_loop: Optional[str], slots: Mapping[str, Any]) -> bool:
    return active_loop != CONTACT_FORM and all(slots.get(field) is None for field in CONTACT_FIELDS)


def redact_after_form(event: Mapping[str, Any]) -> Optional[Dict[str, Any]]:
    """The redacted form of a detail-carrying slot or read-back event, or None if it carries none."""
    kind = event.get("event")
    if kind == "slot" and event.get("name") in CONTACT_FIELDS and event.get("value") not in (None, REDACTED):
        return {**event, "value": REDACTED}
    if kind == "bot" and ((event.get("data") or {}).get("custom") or {}).get("read_back"):
        if event.get("text") != READ_BACK_REDACTED:
            return {**event, "text": READ_BACK_REDACTED}
    return None
