"""Keep what people type out of every log line, the libraries' own lines included.

Two layers, installed on every handler of the process's loggers:

- the texts recently received from people (``remember_typed``, called by the
  chat channels and the action server for each message) are replaced by
  "[typed text]" wherever they appear in a formatted line;
- fields that carry a message in structured lines (Rasa's JSON log lines such as
  ``rest.message.received.timeout`` with ``"text": ...``) are blanked whatever
  their value.

Nothing here knows Rasa: it is a :class:`logging.Filter`.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections import OrderedDict
from typing import Optional

TYPED = "[typed text]"
# Shorter texts ("yes", "no", "2") say nothing about a person and appear in ordinary words.
MIN_REMEMBERED_CHARACTERS = 4
REMEMBERED_TEXTS = 2000
MESSAGE_FIELDS = re.compile(
    r"""(["']?(?:text|message|user_message|user_text|parse_data_text|response_text|request_body|"""
    r"""tracker_latest_message|slot_values)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')"""
)

_lock = threading.Lock()
_recent: "OrderedDict[str, None]" = OrderedDict()


def remember_typed(text: Optional[str]) -> None:
    """Note a text a person sent, so that no log line shows it."""
    if not isinstance(text, str):
        return
    text = text.strip()
    if len(text) < MIN_REMEMBERED_CHARACTERS:
        return
    with _lock:
        _recent[text] = None
        _recent.move_to_end(text)
        while len(_recent) > REMEMBERED_TEXTS:
            _recent.popitem(last=False)


def scrub(line: str) -> str:
    """``line`` without any remembered typed text or message field."""
    with _lock:
        texts = sorted(_recent, key=len, reverse=True)
    for text in texts:
        if text in line:
            line = line.replace(text, TYPED)
    return MESSAGE_FIELDS.sub(lambda match: f'{match.group(1)}"{TYPED}"', line)


class TypedTextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken record is dropped rather than shown raw
            return False
        cleaned = scrub(message)
        if record.exc_info:
            # A traceback can quote a value: it is scrubbed like the message.
            cleaned += "\n" + scrub("".join(traceback.format_exception(*record.exc_info)).rstrip())
            record.exc_info = None
            record.exc_text = None
        record.msg, record.args = cleaned, None
        record.stack_info = None
        return True


_FILTER = TypedTextFilter()


def install_log_privacy() -> None:
    """Put the filter on every handler there is now (root and named loggers); safe to call again."""
    loggers = [logging.getLogger()] + [
        logger for logger in list(logging.Logger.manager.loggerDict.values()) if isinstance(logger, logging.Logger)
    ]
    for logger in loggers:
        for handler in logger.handlers:
            if _FILTER not in handler.filters:
                handler.addFilter(_FILTER)
