"""Check and tidy what a person types into the contact form.

Each field returns one normalised value (trimmed, Unicode NFC, single spaces;
e-mail addresses in their normalised form; phone numbers in E.164; the
language the study team should speak as a code, see :data:`TEAM_LANGUAGES`) or
raises :class:`~bot.screening.answers.InvalidAnswer` with a short message, for
the person, in the conversation's language, that says what is expected.
Nothing here logs: these values are personal details.

A Chinese conversation asks one name field, ``full_name`` (姓名, family name
first); an English one asks ``first_name`` and ``last_name``
(:func:`name_fields`). With the default region CN (a Chinese conversation), a
Chinese number must be a mobile: 11 digits starting with 1.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Callable, Dict, Optional

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from bot.i18n import N_, domain
from bot.screening.answers import InvalidAnswer

_ = domain("handoff").gettext

CONTACT_FIELDS = ("first_name", "last_name", "full_name", "email", "phone", "language", "city_or_site", "best_time")
OPTIONAL_FIELDS = ("city_or_site", "best_time")
# One name field or two: a Chinese name is written family name first, as one (姓名).
SPLIT_NAME_FIELDS, FULL_NAME_FIELDS = ("first_name", "last_name"), ("full_name",)
# Said instead of an answer to an optional field; stored as "".
SKIP_WORDS = frozenset({"skip", "no", "none", "-", "跳过", "不填", "没有", "无", "不用"})

# The language the study team should speak: a code (ISO 639-3 for the two Chinese
# languages) and the words people type or tap for it. Another language is kept as typed.
MANDARIN, CANTONESE, ENGLISH, OTHER_LANGUAGE = "cmn", "yue", "en", "other"
TEAM_LANGUAGES = {MANDARIN: "Mandarin", CANTONESE: "Cantonese", ENGLISH: "English"}
TEAM_LANGUAGE_WORDS = {
    MANDARIN: ("普通话", "普通話", "国语", "國語", "华语", "華語", "汉语", "漢語", "mandarin", "mandarin chinese", "putonghua"),
    CANTONESE: ("粤语", "粵語", "广东话", "廣東話", "白话", "白話", "cantonese", "cantonese chinese"),
    ENGLISH: ("english", "英语", "英語", "英文"),
}
# "Chinese" can be either spoken language: asked again, never guessed.
AMBIGUOUS_CHINESE = ("中文", "chinese", "华文", "華文", "说中文", "講中文")

# Longer input is refused before any other work, so a huge paste costs nothing.
MAX_INPUT_LENGTH = 10_000
MAX_NAME_LENGTH = 60
MAX_EMAIL_LENGTH = 254  # the longest address SMTP can carry (RFC 5321 path limit)
MIN_LANGUAGE_LENGTH, MAX_LANGUAGE_LENGTH = 2, 40
MAX_FREE_TEXT_LENGTH = 100

# Messages say what is expected (grade 8 or below; checked by tests). Marked here,
# translated where they are raised (the conversation's language).
TOO_LONG = N_("That is too long.")
CONTROL_CHARACTERS = N_("Please type it on one line, with no special characters.")
REQUIRED = {
    "first_name": N_("Please type your first name."),
    "last_name": N_("Please type your last name."),
    "full_name": N_("Please type your full name."),
    "email": N_("Please type your email address."),
    "phone": N_("Please type your phone number."),
    "language": N_("Please type the language you would like to speak."),
}
NAME_RULES = N_("Please use letters only. Spaces, hyphens (-), apostrophes (') and dots are fine.")
NAME_TOO_LONG = N_("Please keep the name to 60 letters or fewer.")
EMAIL_EXPECTED = N_("That does not look like an email address. Please type it like name@example.com.")
EMAIL_TOO_LONG = N_("That email address is too long. Please check it and type it again.")
PHONE_EXPECTED = N_(
    "That does not look like a phone number. Please type it with the area code. "
    "For a number in another country, start with + and the country code."
)
# With the default region CN (a Chinese conversation): the study team calls a mobile.
MOBILE_EXPECTED = N_(
    "That does not look like a mobile number. A mobile number in China has 11 digits and starts with 1, "
    "like 139 1234 5678. For a number in another country, start with + and the country code."
)
LANDLINE_REFUSED = N_(
    "That looks like a landline number. Please type a mobile number: 11 digits, starting with 1."
)
LANGUAGE_EXPECTED = N_("Please type the name of a language, like English or Cantonese.")
WHICH_CHINESE = N_("Do you mean Mandarin or Cantonese? Please choose one, or type the name of the language.")
OTHER_LANGUAGE_PROMPT = N_("Please type the name of the language.")
FREE_TEXT_TOO_LONG = N_("Please keep it to 100 characters or fewer.")
NO_ANGLE_BRACKETS = N_("Please do not use the < or > signs here.")
ANSWER_EXPECTED = N_("Please type an answer.")

# Apostrophe-like and hyphen-like marks people type in names ("O'Neil", "O’Neil", "Jean‐Luc"),
# and the middle dots between the parts of a transcribed name (阿依古丽·买买提).
_NAME_PUNCTUATION = frozenset(" -'.\u2019\u2010\u00b7\u30fb")
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
        raise InvalidAnswer(_(REQUIRED.get(name, ANSWER_EXPECTED)))
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidAnswer(_(TOO_LONG))
    value = _tidy(text)
    if name in OPTIONAL_FIELDS and (not value or value.lower().strip("。.!！") in SKIP_WORDS):
        return ""
    if not value:
        raise InvalidAnswer(_(REQUIRED[name]))
    return _VALIDATORS[name](value, default_region)


def name_fields(language: str) -> tuple:
    """The name fields a conversation in ``language`` asks: one (姓名) in Chinese, two in English."""
    return FULL_NAME_FIELDS if language == "zh" else SPLIT_NAME_FIELDS


def display_name(first_name: str, last_name: str, full_name: str) -> str:
    """The name as the person wrote it: the one field, or first and last name."""
    return full_name or " ".join(part for part in (first_name, last_name) if part)


def team_language_code(text: str) -> Optional[str]:
    """The code of a language people name in words ("普通话", "Cantonese"), or None for another one.

    Raises InvalidAnswer for "中文" / "Chinese", which could be Mandarin or Cantonese."""
    word = " ".join(text.strip().rstrip("。.").lower().split())
    for code, words in TEAM_LANGUAGE_WORDS.items():
        if word in words or word == code:
            return code
    if word in AMBIGUOUS_CHINESE:
        raise InvalidAnswer(_(WHICH_CHINESE))
    if word in (OTHER_LANGUAGE, "其他", "其它", "别的", "other language"):
        raise InvalidAnswer(_(OTHER_LANGUAGE_PROMPT))
    return None


# The person's chat language, as staff read it (the study team's e-mail, the console, the terminal tool).
CHAT_LANGUAGE_NAMES = {"en": "English (en)", "zh": "Simplified Chinese (zh)"}


def team_language_name(value: str) -> str:
    """A stored team language as the study team reads it (in English): "Cantonese (yue)" or the typed name."""
    return f"{TEAM_LANGUAGES[value]} ({value})" if value in TEAM_LANGUAGES else value


def _tidy(text: str) -> str:
    """Trim, compose accents (NFC) and refuse control characters."""
    text = unicodedata.normalize("NFC", text).strip()
    if any(_is_control(char) for char in text):
        raise InvalidAnswer(_(CONTROL_CHARACTERS))
    return _SPACES.sub(" ", text)


def _is_control(char: str) -> bool:
    return unicodedata.category(char) == "Cc" or char in _BIDI_CONTROLS


def _is_letter(char: str) -> bool:
    # Marks (M*) belong to letters in many scripts: Devanagari and Thai vowel signs, for example.
    return unicodedata.category(char)[0] in ("L", "M")


def _name(value: str, default_region: str) -> str:
    if len(value) > MAX_NAME_LENGTH:
        raise InvalidAnswer(_(NAME_TOO_LONG))
    if not _is_letter(value[0]) or not all(_is_letter(c) or c in _NAME_PUNCTUATION for c in value):
        raise InvalidAnswer(_(NAME_RULES))
    return value


def _email(value: str, default_region: str) -> str:
    if len(value) > MAX_EMAIL_LENGTH:
        raise InvalidAnswer(_(EMAIL_TOO_LONG))
    try:
        normalised = validate_email(value, check_deliverability=False).normalized
    except EmailNotValidError:
        raise InvalidAnswer(_(EMAIL_EXPECTED)) from None
    if len(normalised) > MAX_EMAIL_LENGTH:
        raise InvalidAnswer(_(EMAIL_TOO_LONG))
    return normalised


def _phone(value: str, default_region: str) -> str:
    region = default_region.upper()
    expected = MOBILE_EXPECTED if region == "CN" else PHONE_EXPECTED
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        raise InvalidAnswer(_(expected)) from None
    if not phonenumbers.is_valid_number(number):
        raise InvalidAnswer(_(expected))
    if region == "CN" and phonenumbers.region_code_for_number(number) == "CN":
        kind = phonenumbers.number_type(number)
        if kind != phonenumbers.PhoneNumberType.MOBILE:
            raise InvalidAnswer(_(LANDLINE_REFUSED if kind == phonenumbers.PhoneNumberType.FIXED_LINE else expected))
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _language(value: str, default_region: str) -> str:
    code = team_language_code(value)
    if code is not None:
        return code
    letters = sum(1 for c in value if _is_letter(c))
    if not MIN_LANGUAGE_LENGTH <= len(value) <= MAX_LANGUAGE_LENGTH or letters < MIN_LANGUAGE_LENGTH:
        raise InvalidAnswer(_(LANGUAGE_EXPECTED))
    if not _is_letter(value[0]) or not all(_is_letter(c) or c in _LANGUAGE_PUNCTUATION for c in value):
        raise InvalidAnswer(_(LANGUAGE_EXPECTED))
    return value


def _free_text(value: str, default_region: str) -> str:
    if len(value) > MAX_FREE_TEXT_LENGTH:
        raise InvalidAnswer(_(FREE_TEXT_TOO_LONG))
    if "<" in value or ">" in value:
        raise InvalidAnswer(_(NO_ANGLE_BRACKETS))
    return value


_VALIDATORS: Dict[str, Callable[[str, str], str]] = {
    "first_name": _name,
    "last_name": _name,
    "full_name": _name,
    "email": _email,
    "phone": _phone,
    "language": _language,
    "city_or_site": _free_text,
    "best_time": _free_text,
}
