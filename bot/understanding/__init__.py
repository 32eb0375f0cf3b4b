"""Reading what a person types, one reader per language behind one interface.

``reader_for("en")`` gives the English reader, ``reader_for("zh")`` the Chinese one. Every reader turns a typed reply
to a question into a :class:`Reading`: the canonical answer it understood (or
none), how sure it is, and what to say back. Negation and polarity are decided
in one place per language (``english/polarity.py``, ``chinese/polarity.py``), for every question type.
"""

from bot.understanding.reading import CONFIDENT, MAX_ANSWER_CHARS, Reader, Reading
from bot.understanding.registry import reader_for

__all__ = ["CONFIDENT", "MAX_ANSWER_CHARS", "Reader", "Reading", "reader_for"]
