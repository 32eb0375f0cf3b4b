"""Rasa 3.6's calls to the action server, made cheaper without changing what is sent or accepted.

Each turn calls the action server about twice, and each call sends the whole
conversation. Profiling the Rasa server under load (py-spy,
``scripts/benchmark.py``) put these calls at a quarter of its time:

- **Encoding the body (7%).** aiohttp encodes it with the standard ``json``
  module; orjson (installed with Rasa) gives the same JSON several times faster.
  Anything orjson cannot encode falls back to ``json.dumps``.
- **A new connection each call (2-3%).** ``EndpointConfig.request`` opens a new
  aiohttp session, and so a new TCP connection, for every call. One kept session
  per endpoint and event loop reuses its connections. They are dropped after
  ``KEEPALIVE_SECONDS`` idle, well before the action server's Sanic closes them
  (5 s), so a call never goes out on a connection the server is closing.
- **Checking the reply (7%).** Rasa checks every reply against a JSON schema in
  which each event is tried against all twenty-odd event types (``oneOf``). Each
  type is told by its ``event`` name, so a reply is checked against the one type
  its events name; anything that does not pass that way is checked by the full
  schema, which decides and words the error exactly as Rasa does. (Building
  the full validator once, instead of once per reply, was the first fix: before
  it, checking took 64% of the server's time.)
"""

from __future__ import annotations

import asyncio
import copy
import json
from typing import Any, Dict, Optional, Tuple

import aiohttp
import jsonschema
import orjson
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

KEEPALIVE_SECONDS = 2.0

RESPONSE_SCHEMA = RemoteAction.action_response_format_spec()
jsonschema.validators.validator_for(RESPONSE_SCHEMA).check_schema(RESPONSE_SCHEMA)
FULL_VALIDATOR = jsonschema.validators.validator_for(RESPONSE_SCHEMA)(RESPONSE_SCHEMA)


def validate_with_full_schema(self: RemoteAction, result: Dict[str, Any]) -> bool:
    """Rasa's own check, with its error message, with a validator built once."""
    error = jsonschema.exceptions.best_match(FULL_VALIDATOR.iter_errors(result))
    if error is not None:
        error.message += (
            ". Failed to validate Action server response from API, make sure your response from the Action "
            f"endpoint is valid. For more information about the format visit {DOCS_BASE_URL}/custom-actions"
        )
        raise error
    return True


def _split_event_types(schema: Dict[str, Any]) -> Optional[Tuple[Dict[str, Any], Dict[str, Any]]]:
    """The schema without the per-event ``oneOf``, and one schema per event name.

    None when the event types cannot be told apart by their names alone (then the
    shortcut would not be the same check, and only the full schema is used)."""
    items = schema.get("properties", {}).get("events", {}).get("items", {})
    alternatives = items.get("oneOf")
    if not alternatives or "event" not in items.get("required", []):
        return None
    by_name: Dict[str, Any] = {}
    for alternative in alternatives:
        name = alternative.get("properties", {}).get("event", {}).get("const")
        if not isinstance(name, str) or name in by_name:
            return None
        by_name[name] = alternative
    without_one_of = copy.deepcopy(schema)
    del without_one_of["properties"]["events"]["items"]["oneOf"]
    return without_one_of, by_name


def _event_type_validators():
    split = _split_event_types(RESPONSE_SCHEMA)
    if split is None:
        return None, {}
    common, by_name = split
    validator_class = jsonschema.validators.validator_for(RESPONSE_SCHEMA)
    return validator_class(common), {name: validator_class(schema) for name, schema in by_name.items()}


COMMON_VALIDATOR, EVENT_VALIDATORS = _event_type_validators()


def passes_by_event_type(result: Any) -> bool:
    """Whether the reply passes the full schema, checked one event type per event.

    True only when the full schema would pass it too: the common part passes, and
    each event passes the one type named by its ``event`` (no other type can
    match, since each requires its own name)."""
    if COMMON_VALIDATOR is None or not COMMON_VALIDATOR.is_valid(result):
        return False
    for event in result.get("events") or []:
        validator = EVENT_VALIDATORS.get(event.get("event"))
        if validator is None or not validator.is_valid(event):
            return False
    return True


def validate_by_event_type(self: RemoteAction, result: Dict[str, Any]) -> bool:
    return passes_by_event_type(result) or validate_with_full_schema(self, result)


def _as_plain_float(value: Any) -> float:
    # The model's confidences are numpy.float64, a subclass of float that json.dumps writes
    # as a float and orjson leaves to this hook.
    if isinstance(value, float):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(value: Any) -> str:
    """The JSON ``json.dumps`` would write (same values), several times faster (orjson)."""
    try:
        return orjson.dumps(value, default=_as_plain_float).decode()
    except TypeError:
        return json.dumps(value)


class KeptSession:
    """Used like the session ``EndpointConfig.session()`` returns (``async with``),
    but closing it leaves the shared session and its connections open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self._session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self._session

    async def __aexit__(self, *exc_info: Any) -> None:
        return None

    async def close(self) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._session, name)


SESSIONS_ATTRIBUTE = "_kept_sessions"


def kept_session(self: EndpointConfig) -> KeptSession:
    """This endpoint's session on the running event loop, created on first use."""
    loop = asyncio.get_running_loop()
    kept = self.__dict__.get(SESSIONS_ATTRIBUTE)
    if kept is None or kept[0] is not loop or kept[1].closed:
        auth = aiohttp.BasicAuth(self.basic_auth["username"], self.basic_auth["password"]) if self.basic_auth else None
        session = aiohttp.ClientSession(
            headers=self.headers,
            auth=auth,
            timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
            connector=aiohttp.TCPConnector(keepalive_timeout=KEEPALIVE_SECONDS),
            json_serialize=dumps,
        )
        kept = (loop, session)
        self.__dict__[SESSIONS_ATTRIBUTE] = kept
    return KeptSession(kept[1])


def install_full_schema_check() -> None:
    RemoteAction._validate_action_result = validate_with_full_schema


def install() -> None:
    RemoteAction._validate_action_result = validate_by_event_type
    EndpointConfig.session = kept_session
