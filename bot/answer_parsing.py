"""Understand a typed answer ("yep", "she's 67", "sixty two", "about 3 weeks ago").

The chat sends either a button value (already canonical, see :mod:`bot.answers`)
or free text. Free text is read here with a few plain rules, helped by the
intent the NLU model gave the message (affirm / deny / not_sure). When the text
cannot be understood, :class:`~bot.answers.InvalidAnswer` carries a message that
tells the person what kind of answer is expected.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal
from typing import List, Optional

from bot.answers import NEVER, NO, NOT_SURE, YES, AnswerType, AnswerValue, InvalidAnswer, Question

# Long pasted text is cut before parsing: no answer needs more.
MAX_ANSWER_CHARS = 200

_YES_WORDS = {
    "yes", "y", "yeah", "yep", "yup", "ya", "yea", "sure", "correct", "right", "true", "ok", "okay",
    "definitely", "absolutely", "affirmative", "she has", "he has", "she is", "he is", "she did", "he did",
    "i have", "i am", "i did", "i think so", "i believe so",
}
_NO_WORDS = {
    "no", "n", "nope", "nah", "never", "not really", "none", "negative", "not at all", "no way",
    "she has not", "he has not", "she hasn't", "he hasn't", "she is not", "he is not", "she isn't",
    "he isn't", "i have not", "i haven't", "i am not", "i'm not", "i did not", "i didn't", "i don't think so",
}
_NOT_SURE_WORDS = {
    "not sure", "unsure", "i don't know", "i do not know", "dont know", "don't know", "idk", "no idea",
    "dunno", "maybe", "can't remember", "cannot remember", "not certain", "no clue", "i'm not sure",
    "i am not sure", "perhaps", "possibly",
}
_INTENT_VALUES = {"affirm": YES, "deny": NO, "not_sure": NOT_SURE}

_UNITS = {
    "small": {
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1, "a couple of": 2,
        "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "several": 3,
    },
    "tens": {
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90,
    },
}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1}
_DAYS_PER = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})


def _clean(text: str) -> str:
    text = text[:MAX_ANSWER_CHARS].lower().replace("’", "'")
    text = re.sub(r"[^\w\s'+/.:-]", " ", text)
    return re.sub(r"\s+", " ", text).strip(" .")


def _phrase_in(text: str, phrases) -> bool:
    return any(re.search(rf"(?<![\w']){re.escape(p)}(?![\w'])", text) for p in phrases)


def _starts_with(text: str, phrases) -> bool:
    return any(re.match(rf"{re.escape(p)}(?![\w'])", text) for p in phrases)


def words_to_number(text: str) -> Optional[int]:
    """'sixty two' -> 62, 'twenty-five' -> 25, 'a hundred and one' -> 101; None if no number words."""
    text = text.replace("-", " ")
    for phrase, value in sorted(_UNITS["small"].items(), key=lambda item: -len(item[0])):
        text = re.sub(rf"(?<![\w']){re.escape(phrase)}(?![\w'])", f" {value} ", text)
    for word, value in _UNITS["tens"].items():
        text = re.sub(rf"\b{word}\b", f" {value} ", text)
    text = re.sub(r"\b(\d+)\s+hundred(?:\s+and)?\s*(\d+)?", lambda m: str(int(m.group(1)) * 100 + int(m.group(2) or 0)), text)
    text = re.sub(r"\bhundred(?:\s+and)?\s*(\d+)?", lambda m: str(100 + int(m.group(1) or 0)), text)
    # "60 2" -> 62: a tens word followed by a unit word.
    text = re.sub(r"\b([2-9]0)\s+([1-9])\b", lambda m: str(int(m.group(1)) + int(m.group(2))), text)
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    return int(Decimal(numbers[0])) if len(numbers) == 1 else None


def _numbers_in(text: str) -> List[Decimal]:
    found = re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])|\d+(?=\s*(?:years?|yrs?|y/?o))", text)
    if found:
        return [Decimal(n) for n in dict.fromkeys(found)]
    number = words_to_number(text)
    return [] if number is None else [Decimal(number)]


def parse_answer(question: Question, text: str, intent: Optional[str], today: dt.date) -> AnswerValue:
    """Read a typed answer to ``question``; raises InvalidAnswer saying what is expected."""
    cleaned = _clean(text or "")
    if not cleaned:
        raise InvalidAnswer(expected_answer(question))
    if question.allows_not_sure and (
        _INTENT_VALUES.get(intent or "") == NOT_SURE or cleaned.replace(" ", "_") == NOT_SURE
        or _phrase_in(cleaned, _NOT_SURE_WORDS)
    ):
        return NOT_SURE
    if question.type is AnswerType.YES_NO:
        return _parse_yes_no(question, cleaned, intent)
    if question.type is AnswerType.CHOICE:
        return _parse_choice(question, cleaned, intent)
    if question.type is AnswerType.NUMBER:
        return _parse_number(question, cleaned, today)
    return _parse_time_since(question, cleaned, intent, today)


def expected_answer(question: Question) -> str:
    """What kind of answer a question takes, in plain words (used in re-asks)."""
    if question.type is AnswerType.YES_NO:
        return "Please answer yes, no or not sure."
    if question.type is AnswerType.CHOICE:
        labels = "; ".join(choice.label for choice in question.choices)
        extra = ", or say not sure" if question.allows_not_sure else ""
        return f"Please pick one of the buttons, or type one of these: {labels}{extra}."
    if question.type is AnswerType.NUMBER:
        return f"Please give a number from {_n(question.minimum)} to {_n(question.maximum)} ({question.unit})."
    return (
        "Please say how long ago, like \"3 weeks ago\" or \"2 months ago\", or give a date like 2026-10-01. "
        "You can also say \"never\" or \"not sure\"."
    )


def _n(value: Optional[Decimal]) -> str:
    return str(int(value)) if value is not None and value == value.to_integral_value() else str(value)


def parse_yes_no(text: str, intent: Optional[str] = None) -> str:
    """"yes" or "no" from a typed reply to a yes/no question that has no "not sure"."""
    cleaned = _clean(text or "")
    if cleaned in _YES_WORDS or _starts_with(cleaned, _YES_WORDS - {"ok", "okay", "right"}):
        return YES
    if cleaned in _NO_WORDS or _starts_with(cleaned, _NO_WORDS):
        return NO
    if intent in ("affirm", "deny"):
        return _INTENT_VALUES[intent]
    raise InvalidAnswer("Please answer yes or no.")


def _parse_yes_no(question: Question, text: str, intent: Optional[str]) -> str:
    try:
        return parse_yes_no(text, intent)
    except InvalidAnswer:
        raise InvalidAnswer(expected_answer(question)) from None


def _parse_choice(question: Question, text: str, intent: Optional[str]) -> str:
    for choice in question.choices:
        if text in (choice.id.lower(), _clean(choice.label)):
            return choice.id
    # The longest matching synonym wins, so "2+ fish negative" beats "fish negative".
    matches = sorted(
        ((len(s), choice.id) for choice in question.choices for s in choice.synonyms if _phrase_in(text, [s.lower()])),
        reverse=True,
    )
    if matches:
        return matches[0][1]
    ordinal = re.fullmatch(r"(?:the |option |number )?(\d+|first|second|third|fourth|fifth|last)(?: one| option)?", text)
    if ordinal:
        word = ordinal.group(1)
        index = int(word) if word.isdigit() else _ORDINALS[word]
        if index == -1 or 1 <= index <= len(question.choices):
            return question.choices[index - 1 if index > 0 else -1].id
    ids = {choice.id for choice in question.choices}
    if intent in ("affirm", "deny") and _INTENT_VALUES[intent] in ids:
        return _INTENT_VALUES[intent]
    raise InvalidAnswer(expected_answer(question))


def _parse_number(question: Question, text: str, today: dt.date) -> Decimal:
    numbers = _numbers_in(text)
    if len(numbers) != 1:
        raise InvalidAnswer(expected_answer(question))
    return question.normalise(numbers[0], today)


def _parse_time_since(question: Question, text: str, intent: Optional[str], today: dt.date) -> AnswerValue:
    if text in ("never", "not ever", "no", "none", "nope", "no never") or _starts_with(text, ["never"]):
        return NEVER
    if re.search(r"\b(today|still|currently|ongoing|right now|at the moment|this morning)\b", text):
        return Decimal(0)
    if re.search(r"\byesterday\b", text):
        return Decimal(1)
    date = _find_date(text, today)
    if date is not None:
        return question.normalise(date, today)
    match = re.search(r"\b(last|this past|past)\s+(week|month|year|fortnight)\b", text)
    if match:
        return question.normalise(Decimal(_DAYS_PER[match.group(2)]), today)
    match = re.search(r"(.*?)\b(days?|weeks?|wks?|fortnights?|months?|mths?|years?|yrs?)\b", text)
    if match:
        unit = {"wk": "week", "mth": "month", "yr": "year"}.get(match.group(2).rstrip("s"), match.group(2).rstrip("s"))
        amount_text = match.group(1)
        if re.search(r"\bhalf an?\s*$", amount_text) or re.search(r"\bhalf\s*$", amount_text):
            amount = Decimal("0.5")
        else:
            numbers = _numbers_in(amount_text) or ([Decimal(1)] if re.search(r"\b(a|an|one)\s*$", amount_text) else [])
            if len(numbers) != 1:
                raise InvalidAnswer(expected_answer(question))
            amount = numbers[-1]
        days = amount * _DAYS_PER[unit]
        if re.search(r"\b(less than|under|within|not even)\b", amount_text):
            days -= 1  # "less than 2 weeks ago" is at most 13 days ago
        elif re.search(r"\b(more than|over|at least)\b", amount_text):
            days += 1
        return question.normalise(max(days, Decimal(0)), today)
    if intent == "deny":
        return NEVER
    raise InvalidAnswer(expected_answer(question))


def _find_date(text: str, today: dt.date) -> Optional[dt.date]:
    match = re.search(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b", text)
    if match:
        return _safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = re.search(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text)
    if match:  # day/month/year, as written in most places outside the US
        return _safe_date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    months = "|".join(sorted(_MONTHS, key=len, reverse=True))
    day = r"(\d{1,2})(?:st|nd|rd|th)?"
    year = r"(?:,?\s+(\d{4}))?"
    # A month name counts only next to a day, a year or a word like "in", so the
    # verb "may" in "I may have" is not read as the month of May.
    patterns = (
        (rf"\b{day}\s+(?:of\s+)?({months})\b\.?{year}", 1, 2, 3),
        (rf"\b({months})\.?\s+{day}\b{year}", 2, 1, 3),
        (rf"\b(?:in|since|on|last|early|late|mid|end of|around|about)\s+({months})\b\.?{year}", None, 1, 2),
        (rf"\b({months})\.?\s+(\d{{4}})\b", None, 1, 2),
    )
    for pattern, day_group, month_group, year_group in patterns:
        match = re.search(pattern, text)
        if not match:
            continue
        month = _MONTHS[match.group(month_group)]
        day_of_month = int(match.group(day_group)) if day_group else 15  # "in March": mid-month
        year_given = match.group(year_group)
        date = _safe_date(int(year_given) if year_given else today.year, month, day_of_month)
        if date and not year_given and date > today:
            date = _safe_date(today.year - 1, month, day_of_month)
        return date
    return None


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None
