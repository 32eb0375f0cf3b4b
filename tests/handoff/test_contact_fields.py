"""Contact form fields: what is kept (normalised) and what is refused, with which message."""

from __future__ import annotations

import re

import pytest

from bot.handoff import contact
from bot.screening.answers import InvalidAnswer
from bot.handoff.contact import CONTACT_FIELDS, validate_contact_field
from tests.conftest import MAX_GRADE


def check(name: str, text: str, region: str = "GB") -> str:
    return validate_contact_field(name, text, region)


def refused(name: str, text: str, region: str = "GB") -> str:
    with pytest.raises(InvalidAnswer) as caught:
        validate_contact_field(name, text, region)
    return str(caught.value)


def test_the_fields_and_their_order():
    assert CONTACT_FIELDS == (
        "first_name", "last_name", "full_name", "email", "phone", "language", "city_or_site", "best_time",
    )


# --- names -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Jane", "Jane"),
        ("  Jane  ", "Jane"),
        ("Mary Ann", "Mary Ann"),
        ("Mary   Ann", "Mary Ann"),
        ("O'Neil", "O'Neil"),
        ("O\u2019Neil", "O\u2019Neil"),
        ("Jean-Luc", "Jean-Luc"),
        ("J. R.", "J. R."),
        ("Zo\u0065\u0308", "Zoë"),  # e + combining diaeresis is composed (NFC)
        ("José", "José"),
        ("陈小明", "陈小明"),
        ("Ольга", "Ольга"),
        ("محمد", "محمد"),
        ("देवी", "देवी"),  # Devanagari vowel signs are marks, part of the letters
        ("A", "A"),
        ("A" * 60, "A" * 60),
    ],
)
def test_names_kept(text, expected):
    assert check("first_name", text) == expected
    assert check("last_name", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Jane2",
        "R2-D2",
        "<b>Jane</b>",
        "<script>alert(1)</script>",
        "Robert'); DROP TABLE contact_requests;--",
        "Jane 😀",
        "😀",
        "jane@example.com",
        "Jane_Doe",
        "-Jane",
        "'",
        ".",
        "Jane\u200bDoe",  # zero-width space: invisible, so refused
    ],
)
def test_names_refused(text):
    assert refused("first_name", text) == contact.NAME_RULES


def test_name_too_long():
    assert refused("last_name", "A" * 61) == contact.NAME_TOO_LONG


@pytest.mark.parametrize("text", ["", "   "])
def test_names_required(text):
    assert refused("first_name", text) == "Please type your first name."
    assert refused("last_name", text) == "Please type your last name."


# --- email -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jane@example.com", "jane@example.com"),
        ("  Jane.Doe@Example.COM ", "Jane.Doe@example.com"),  # the domain is lower-cased, the local part kept
        ("jane+trial@example.co.uk", "jane+trial@example.co.uk"),
    ],
)
def test_email_kept(text, expected):
    assert check("email", text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "jane",
        "jane@",
        "@example.com",
        "jane@@example.com",
        "jane@example",
        "jane doe@example.com",
        "<jane@example.com>",
        "jane@example.com'; DROP TABLE notifications;--",
        "jane@localhost",
    ],
)
def test_email_refused(text):
    assert refused("email", text) == contact.EMAIL_EXPECTED


def test_email_longer_than_254_refused():
    address = "a" * 64 + "@" + ".".join(["b" * 60] * 3) + ".example.com"  # 258 characters
    assert len(address) > 254
    assert refused("email", address) == contact.EMAIL_TOO_LONG


# --- phone -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, region, expected",
    [
        ("07911 123456", "GB", "+447911123456"),
        ("020 7946 0018", "GB", "+442079460018"),
        ("+44 (0)20 7946 0018", "GB", "+442079460018"),
        ("+1 650-253-0000", "GB", "+16502530000"),  # a leading + works from any region
        ("(650) 253-0000", "US", "+16502530000"),
        ("+852 2123 4567", "US", "+85221234567"),
        ("+86 10 6552 9988", "gb", "+861065529988"),
    ],
)
def test_phone_kept_as_e164(text, region, expected):
    assert check("phone", text, region) == expected


@pytest.mark.parametrize(
    "text, region",
    [
        ("12345", "GB"),
        ("07700 900123", "GB"),  # a drama number: not allocated, so not valid
        ("hello", "GB"),
        ("(650) 253-0000", "GB"),  # a US number read as British
        ("+44 7911 123456 ext <b>", "GB"),
        ("'; DROP TABLE screenings;--", "GB"),
        ("+999 123 4567", "GB"),
    ],
)
def test_phone_refused(text, region):
    assert refused("phone", text, region) == contact.PHONE_EXPECTED


# --- language ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # The three languages of the buttons are kept as codes, whatever the words or script ...
        ("English", "en"),
        ("英语", "en"),
        ("Cantonese", "yue"),
        ("粤语", "yue"),
        ("廣東話", "yue"),
        ("Mandarin Chinese", "cmn"),
        ("  mandarin   chinese ", "cmn"),
        ("普通话", "cmn"),
        ("國語", "cmn"),
        ("cmn", "cmn"),  # the button's payload
        # ... and any other language as typed.
        ("Scottish Gaelic", "Scottish Gaelic"),
        ("Ga-Adangbe", "Ga-Adangbe"),
        ("Español", "Español"),
        ("客家话", "客家话"),
    ],
)
def test_language_kept(text, expected):
    assert check("language", text) == expected


@pytest.mark.parametrize("text", ["E", "English!", "English 2", "<i>English</i>", "English; DROP", "L" * 41, "--"])
def test_language_refused(text):
    assert refused("language", text) == contact.LANGUAGE_EXPECTED


# --- optional free text --------------------------------------------------------


@pytest.mark.parametrize("field", ["city_or_site", "best_time"])
@pytest.mark.parametrize("text", ["skip", "Skip", " NO ", "none", "-", "", "   "])
def test_optional_fields_skipped(field, text):
    assert check(field, text) == ""


@pytest.mark.parametrize(
    "field, text, expected",
    [
        ("city_or_site", "Leeds", "Leeds"),
        ("city_or_site", "  St. James's  University Hospital, Leeds ", "St. James's University Hospital, Leeds"),
        ("city_or_site", "香港", "香港"),
        ("best_time", "Weekday mornings, 9-12", "Weekday mornings, 9-12"),
        ("best_time", "After 5pm 🙂", "After 5pm 🙂"),  # an emoji is harmless here, so it is kept
        # Stored as typed: queries use bound parameters, so this is only text.
        ("best_time", "'; DROP TABLE contact_requests;--", "'; DROP TABLE contact_requests;--"),
        ("city_or_site", "x" * 100, "x" * 100),
    ],
)
def test_free_text_kept(field, text, expected):
    assert check(field, text) == expected


@pytest.mark.parametrize("field", ["city_or_site", "best_time"])
def test_free_text_refusals(field):
    assert refused(field, "x" * 101) == contact.FREE_TEXT_TOO_LONG
    assert refused(field, "<script>alert(1)</script>") == contact.NO_ANGLE_BRACKETS
    assert refused(field, "mornings > evenings") == contact.NO_ANGLE_BRACKETS


# --- any field -------------------------------------------------------------------


@pytest.mark.parametrize("field", CONTACT_FIELDS)
@pytest.mark.parametrize(
    "text",
    ["Jane\x00", "Ja\x1bne", "Jane\nDoe", "Jane\tDoe", "Ja\x7fne", "Ja\u0085ne", "Jane\u202eeoD"],
    ids=["nul", "escape", "newline", "tab", "delete", "next-line", "right-to-left-override"],
)
def test_control_characters_refused_in_every_field(field, text):
    assert refused(field, text) == contact.CONTROL_CHARACTERS


@pytest.mark.parametrize("field", CONTACT_FIELDS)
def test_input_over_10000_characters_refused_before_anything_else(field, monkeypatch):
    # Not even trimmed or normalised: the length is checked first.
    monkeypatch.setattr(contact, "_tidy", lambda text: pytest.fail("a huge input was processed"))
    assert refused(field, "a" * 10_001) == "That is too long."
    assert refused(field, " " * 10_001) == "That is too long."


def test_exactly_10000_characters_is_processed():
    # Not "too long" for the input limit; then too long for a name.
    assert refused("first_name", "a" * 10_000) == contact.NAME_TOO_LONG


def test_surrounding_newline_is_trimmed_not_refused():
    assert check("first_name", "Jane\n") == "Jane"


def test_unknown_field_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown contact field 'age'"):
        validate_contact_field("age", "54", "GB")


def test_messages_are_plain(fk_grade):
    messages = [
        value for name, value in vars(contact).items()
        if name.isupper() and isinstance(value, str) and " " in value
    ] + list(contact.REQUIRED.values())
    assert len(messages) >= 10
    too_hard = {m: fk_grade(m) for m in messages if len(m.split()) >= 4 and fk_grade(m) > MAX_GRADE}
    assert too_hard == {}
    assert not any(re.search(r"[{}]", m) for m in messages)
