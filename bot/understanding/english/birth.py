"""The age from a date of birth in an English reply ("born on 12 June 1972", "born in March 1960")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from bot.understanding.english.numbers import as_number_words
from bot.understanding.english.times import _MONTH, _MONTHS, _format, _full_date


@dataclass(frozen=True)
class BirthAge:
    years: int
    echo: str


def age_from_birth(text: str, today: dt.date) -> Optional[BirthAge]:
    """The age from a date of birth ("born on 12 June 1972", "born in March 1960").

    A year alone ("born in 1960") leaves two possible ages, and so does the month of
    today without a day: both are asked again rather than guessed.
    """
    converted = as_number_words(text)
    if not re.search(r"\b(?:born|birthday|date of birth|dob)\b", converted):
        return None
    years = re.findall(r"\b((?:19|20)\d{2})\b", converted)
    if len(set(years)) != 1:
        return None
    year = int(years[0])
    full = _full_date(converted, today)
    if full is not None and full.year == year:
        born, echo = full, _format(full)
    else:
        month = re.search(rf"\b({_MONTH})\b\.?\s+(?:of\s+)?{year}\b", converted)
        named = {m for m in re.findall(rf"\b({_MONTH})\b", converted) if m != "may" or re.search(r"\bin may\b", converted)}
        if month:
            number = _MONTHS[month.group(1)]
        elif len({_MONTHS[m] for m in named}) == 1:
            number = _MONTHS[named.pop()]  # "born 1949 Aug", "1961 born, birthday in June"
        else:
            return None
        if number == today.month:
            return None  # the birthday may or may not have come this month
        born, echo = dt.date(year, number, 1), f"{calendar.month_name[number]} {year}"
    if born > today:
        return None
    age = today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return BirthAge(age, echo)
