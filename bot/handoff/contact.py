"""Check and tidy what a person types into the contact form.

Each field returns one normalised value (trimmed, Unicode NFC, single spaces;
e-mail addresses in their normalised form; phone numbers in E.164) or raises
:class:`~bot.screening.answers.InvalidAnswer` with a short message, for the person, that
says what is expected. Nothing here logs: these values are personal details.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Dict

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.screening.answers import InvalidAnswer

CONTACT_FIELDS = ("first_name", "last_name", "email", "phone", "language", "city_or_site", "best_time")
OPTIONAL_FIELDS = ("city_or_site", "best_time")
# Said instead of an answer to an optional field; stored as "".
SKIP_WORDS = frozenset({"skip", "no", "none", "-"})

# Longer input is refused before any other work, so a huge paste costs nothing.
MAX_INPUT_LENGTH = 10_000
MAX_NAME_LENGTH = 60
MAX_EMAIL_LENGTH = 254  # the longest address SMTP can carry (RFC 5321 path limit)
MIN_LANGUAGE_LENGTH, MAX_LANGUAGE_LENGTH = 2, 40
MAX_FREE_TEXT_LENGTH = 100

TOO_LONG = "That is too long."
CONTROL_CHARACTERS = "Please type it on one line, with no special characters."
# Messages say what is expected (grade 8 or below; checked by tests).
REQUIRED = {
    "first_name": "Please type your first name.",
    "last_name": "Please type your last name.",
    "email": "Please type your email address.",
    "phone": "Please type your phone number.",
    "language": "Please type the language you would like to speak.",
}
NAME_RULES = "Please use letters only. Spaces, hyphens (-), apostrophes (') and dots are fine."
NAME_TOO_LONG = "Please keep the name to 60 letters or fewer."
EMAIL_EXPECTED = "That does not look like an email address. Please type it like name@example.com."
EMAIL_TOO_LONG = "That email address is too long. Please check it and type it again."
PHONE_EXPECTED = (
    "That does not look like a phone number. Please type it with the area code. "
    "For a number in another country, start with + and the country code."
)
LANGUAGE_EXPECTED = "Please type the name of a language, like English or Cantonese."
FREE_TEXT_TOO_LONG = "Please keep it to 100 characters or fewer."
NO_ANGLE_BRACKETS = "Please do not use the < or > signs here."

# Apostrophe-like and hyphen-like marks people type in names ("O'Neil", "O’Neil", "Jean‐Luc").
_NAME_PUNCTUATION = frozenset(" -'.\u2019\u2010")
_LANGUAGE_PUNCTUATION = frozenset(" -")
# Bidirectional overrides and isolates make text display in a different order
# from how it is stored (a known spoofing trick); they are format characters, not Cc.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")
_SPACES = re.compile(r"\s+")


def validate_contact_field(name: str, text: str, default_region: str) -> str:
    """The normalised value of contact field ``name``; raises InvalidAnswer if it does not fit.

    ``default_region`` (an ISO country code such as "GB") is how phone numbers
    without a leading + are read.
    """
    if name not in _VALIDATORS:
        raise ValueError(f"unknown contact field {name!r} (known: {', '.join(CONTACT_FIELDS)})")
    if not isinstance(text, str):
        raise InvalidAnswer(REQUIRED.get(name, "Please type an answer."))
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidAnswer(TOO_LONG)
    value = _tidy(text)
    if name in OPTIONAL_FIELDS and (not value or value.lower() in SKIP_WORDS):
        return ""
    if not value:
        raise InvalidAnswer(REQUIRED[name])
    return _VALIDATORS[name](value, default_region)


def _tidy(text: str) -> str:
    """Trim, compose accents (NFC) and refuse control characters."""
    text = unicodedata.normalize("NFC", text).strip()
    if any(_is_control(char) for char in text):
        raise InvalidAnswer(CONTROL_CHARACTERS)
    return _SPACES.sub(" ", text)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS


def _is_letter(char: str) -> bool:
    # Marks (M*) belong to letters in many scripts: Devanagari and Thai vowel signs, for example.
    return unicodedata.category(char)[0] in ("L", "M")


def _name(value: str, default_region: str) -> str:
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidAnswer(NAME_TOO_LONG)
    if not _is_letter(value[0]) or not all(_is_letter(c) or c in _NAME_PUNCTUATION for c in value):
        raise InvalidAnswer(NAME_RULES)
    return value


def _email(value: str, default_region: str) -> str:
    if len(value) > MAX_EMAIL_LENGTH:
        raise InvalidAnswer(EMAIL_TOO_LONG)
    try:
        normalised = validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidAnswer(EMAIL_EXPECTED) from None
    if len(normalised) > MAX_EMAIL_LENGTH:
        raise InvalidAnswer(EMAIL_TOO_LONG)
    return normalised


def _phone(value: str, default_region: str) -> str:
    try:
        number = phonenumbers.parse(value, default_region.upper())
    except phonenumbers.NumberParseException:
        raise InvalidAnswer(PHONE_EXPECTED) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidAnswer(PHONE_EXPECTED)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _language(value: str, default_region: str) -> str:
    letters = sum(1 for c in value if _is_letter(c))
    if not MIN_LANGUAGE_LENGTH <= len(value) <= MAX_LANGUAGE_LENGTH or letters < MIN_LANGUAGE_LENGTH:
        raise InvalidAnswer(LANGUAGE_EXPECTED)
    if not _is_letter(value[0]) or not all(_is_letter(c) or c in _LANGUAGE_PUNCTUATION for c in value):
        raise InvalidAnswer(LANGUAGE_EXPECTED)
    return value


def _free_text(value: str, default_region: str) -> str:
    if len(value) > MAX_FREE_TEXT_LENGTH:
        raise InvalidAnswer(FREE_TEXT_TOO_LONG)
    if "<" in value or ">" in value:
        raise InvalidAnswer(NO_ANGLE_BRACKETS)
    return value


_VALIDATORS: Dict[str, Callable[[str, str], str]] = {
    "first_name": _name,
    "last_name": _name,
    "email": _email,
    "phone": _phone,
    "language": _language,
    "city_or_site": _free_text,
    "best_time": _free_text,
}
