"""Contact details sealed while the contact form is open.

The form keeps each detail in a slot until the request is saved, and Rasa
stores every slot change in the conversation store. So the value put in the
slot is sealed (Fernet: AES with an authentication tag) with a key only the
action server derives, from its secret ``ACTION_SERVER_TOKEN``: the
conversation store and the Rasa server only ever see ciphertext. When the form
is over, the tracker store rewrites even that as "[contact detail]".

A value that cannot be opened (the secret changed, or the slot was set by
something else) reads as missing, so the form asks for it again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Optional

from cryptography.fernet import Fernet, InvalidToken

from bot.settings import get_settings

PREFIX = "sealed:"
KEY_PURPOSE = b"prescreen contact slots v1"


def _fernet() -> Fernet:
    secret = get_settings().action_server_token
    if not secret:
        raise RuntimeError("ACTION_SERVER_TOKEN is not set")
    key = hmac.new(secret.encode(), KEY_PURPOSE, hashlib.sha256).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(value: str) -> str:
    return PREFIX + _fernet().encrypt(value.encode()).decode()


def unseal(slot_value: object) -> Optional[str]:
    """The detail held in a slot, or None when it is empty or cannot be opened."""
    if not isinstance(slot_value, str) or not slot_value.startswith(PREFIX):
        return None
    try:
        return _fernet().decrypt(slot_value[len(PREFIX):].encode()).decode()
    except (InvalidToken, ValueError):
        return None
