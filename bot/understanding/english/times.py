""""How long ago" in an English reply: a duration ("about 3 weeks ago", "twelve
years back"), a relative day ("yesterday", "last Tuesday"), or a date ("10
November", "in March", "back in 2015"; dateparser reads full dates).

The result is a range of days ago, because people answer roughly: "in 2015" is
anywhere in that year, "less than two weeks ago" is 0 to 13 days. A waiting
time is judged on the shortest time in the range (the cautious choice, as the
buttons do); a time band ("2 to 5 years ago") needs the whole range inside it.
"""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

import dateparser

from bot.understanding.english.numbers import as_number_words

_DAYS_PER = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365, "decade": 3650}
_WK = r"(?:wk|wks|wk)"
_UNIT = r"(days?|weeks?|wks?|fortnights?|months?|mths?|mos?|years?|yrs?|decades?)"
_UNIT_NAMES = {"wk": "week", "mth": "month", "mo": "month", "yr": "year"}
_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_AMOUNT = r"(\d+(?:\.\d+)?|an?|one|half an?|half|a couple of|a couple|couple of|a few|few)"
_ONGOING = re.compile(
    r"\b(still|currently|ongoing|right now|at the moment|this morning|today|tonight|on it now|every (?:day|week)"
    r"|each (?:day|week)|daily|weekly|at present|these days|nowadays|on going)\b"
)
_PRESENT_HABIT = re.compile(
    r"\b(?:i|he|she|they|we|you)\s+(?:\w+ly\s+)?(?:take|takes|use|uses|get|gets|have|has|drink|drinks)\b(?!\s+had)"
    r"|\b(?:am|is|are)\s+(?:still\s+)?(?:on|taking|using|having|getting)\b"
)
_DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "DATE_ORDER": "DMY", "RETURN_AS_TIMEZONE_AWARE": False}
# Seasons, as the middle of the months they cover (northern hemisphere: both trials recruit in China).
_SEASONS = {"spring": (4, 15), "summer": (7, 15), "autumn": (10, 15), "fall": (10, 15), "winter": (1, 15)}


@dataclass(frozen=True)
class TimeReading:
    """At least ``days_min`` and at most ``days_max`` days ago (None: no upper bound).

    ``days`` is the one value stored: the time the person named ("3 weeks ago":
    21), or the shortest time in the range when they named a span ("in March",
    "less than 2 weeks ago"), so a waiting time is never judged over too early.
    """

    days: int
    days_min: int
    days_max: Optional[int]
    echo: str
    approximate: bool = False
    several: bool = False  # the reply names other times that do not agree with this one: check
    # A span so wide ("this year") that its nearest day, "today", would misstate the answer to "how long ago":
    # asked again. A choice of years-ago bands can still use it.
    vague: bool = False


def read_time(text: str, today: dt.date) -> Optional[TimeReading]:
    """The time stated in a normalised reply, or None when it states none.

    A reply that names two times that do not agree ("chemo two months ago, but surgery
    10 days ago", "3 weeks on, 1 off ... 5 days ago") is marked ``several``: which one
    answers is for the person to say.
    """
    converted = _spelled_dates(as_number_words(text), today)
    schedule = _SCHEDULE.search(converted)
    if schedule:
        # "3 weeks on, 1 week off" is how the tablets are taken, not a time; "in the week off" is.
        converted = (converted[: schedule.start()] + " on a schedule " + converted[schedule.end():]).strip()
        off = _days_of(schedule.group(3), schedule.group(4) or schedule.group(2))
        if _OFF_WEEK.search(converted) and off and _read_one(_OFF_WEEK.sub(" ", converted), today, ongoing=False) is None:
            return TimeReading(1, 1, off, f"in the {off}-day break of the schedule: 1 to {off} days ago", approximate=True)
    converted = _without_durations(converted, today)
    corrected = _CORRECTION.split(converted)
    if len(corrected) > 1 and _read_one(corrected[-1], today) is not None:
        converted = corrected[-1]  # "on the 14th of this month... sorry, last month, the 14th of November"
    reading = _read_one(converted, today)
    if reading is None:
        return None
    clauses = [clause for clause in _CLAUSE.split(converted) if clause.strip()]
    others = [_read_one(clause, today) for clause in clauses] if len(clauses) > 1 else []
    others = [other for other in others if other is not None]
    plain = re.sub(r"\b(?:and a half|half an?|half)\b", " ", converted)  # "a year and a half" is one time
    amounts = {round(_amount(a) * _DAYS_PER[_unit(u)]) for a, u in re.findall(rf"(?:^|\s){_AMOUNT}\s*{_UNIT}\b", plain)
               if _amount(a) is not None}
    # "started in 2022, stopped in 2024": two years with only a comma between are two times as well.
    years = {year for year in re.findall(r"\b((?:19|20)\d{2})\b", converted) if int(year) <= today.year}
    then = today - dt.timedelta(days=reading.days)
    # "diagnosed in 2019, the last chemo in May": May of which year? (Not "2024, it ended in May".)
    other_year = len(years) == 1 and str(then.year) not in years and re.search(rf"\b(?:{_MONTH})\b", converted)
    if len(amounts) > 1 or len(years) > 1 or other_year or any(not _overlap(reading, other) for other in others):
        return dataclasses.replace(reading, several=True)
    return reading


def still_going_on(text: str, reading: Optional[TimeReading]) -> Optional[TimeReading]:
    """"On tamoxifen since 2020, still on it", "started letrozole in 2022 and still taking it": to "when did you
    last take it?" the time named is when it began, and it goes on today. None when nothing says so."""
    if reading is None or reading.days <= 0:
        return None
    converted = as_number_words(text)
    if not _GOES_ON_SINCE.search(converted) or _STOPPED.search(converted):
        return None
    return TimeReading(0, 0, 0, f"still going on (since {reading.echo.removeprefix('in ').removeprefix('on ')})")


def latest_of_several(text: str, today: dt.date, names_a_treatment=lambda clause: True) -> Optional[TimeReading]:
    """"The operation was 2 years ago but chemo finished in April": two events, each with its own time,
    in parts of the reply joined by "but", "and" ... The most recent one, when every part that names a time
    reads as one time, names what the question counts (``names_a_treatment``) and they do not overlap; None
    otherwise (a correction, a range, "the scan was last week")."""
    converted = _without_durations(_spelled_dates(as_number_words(text), today), today)
    if _CORRECTION.search(converted) or _SCHEDULE.search(converted):
        return None
    clauses = [clause for clause in _CLAUSE.split(converted) if clause.strip()]
    readings = [_read_one(clause, today) for clause in clauses]
    timed = [reading for reading in readings if reading is not None]
    if len(timed) < 2 or any(reading.days < 0 for reading in timed):
        return None
    for clause, reading in zip(clauses, readings):
        if reading is None:
            continue
        if not names_a_treatment(clause):
            return None  # "her last chemo was in May and the scan was last week": a scan is not a treatment
        if read_time(clause, today) is not None and read_time(clause, today).several:
            return None  # "two or three months" in one part: a range, not an event
    if any(_overlap(one, other) for i, one in enumerate(timed) for other in timed[i + 1:]):
        return None
    latest = min(timed, key=lambda reading: reading.days)
    return dataclasses.replace(latest, echo=f"the latest: {latest.echo}")


# Taking something still, or since a time with nothing that says it stopped.
_GOES_ON_SINCE = re.compile(
    r"\bstill (?:on|taking|takes|having|getting|gets|using|uses|receiving)\b(?!\s+(?:\w+\s+)?(?:side effects?|symptoms?|pain|problems?))"
    r"|\b(?:been|am|is|are) (?:on|taking|having|using) (?:\w+ ){0,2}since\b|^\s*(?:on (?:it |them |\w+ )?)?since (?!(?:it|she|he|they|then|that|this|i|we)\b)"
    r"|\b(?:on|taking) (?:it|them|\w+) (?:ever )?since\b")
_STOPPED = re.compile(r"\b(?:stopped|stop|finished|ended|until|till|came off|quit|no longer|not|no|never|nothing|none|was on"
                      r"|(?:the )?last (?:dose|one|time|tablet|pill|injection|infusion|cycle|course)|took|had"
                      r"|were on|gave up|switched off|off it|ago)\b")
_CORRECTION = re.compile(r"\b(?:sorry|i mean|actually|no wait|correction|scratch that)\b")
# "3 weeks on 1 week off", "2 weeks on and 1 off", "21 days on, 7 days off": a schedule.
_SCHEDULE = re.compile(rf"\b{_AMOUNT}\s*{_UNIT}?\s+on\s*(?:and\s+|then\s+)?{_AMOUNT}\s*{_UNIT}?\s+off\b")
_OFF_WEEK = re.compile(r"\b(?:the |an? )?(?:off (?:week|days?)|(?:week|weeks|days?) off|break week|rest week)\b(?:\s+now)?")
# "prednisone for 5 days": how long it lasted, not how long ago.
_FOR_A_WHILE = re.compile(
    rf"\bfor\s+(?:about\s+|around\s+|nearly\s+|almost\s+|over\s+)?{_AMOUNT}\s*{_UNIT}\b(?!\s+(?:ago|back|before|now))")


def _days_of(amount: Optional[str], unit: Optional[str]) -> Optional[int]:
    value = _amount(amount or "")
    if value is None:
        return None
    return round(value * _DAYS_PER[_unit(unit or "week")])


def _without_durations(converted: str, today: dt.date) -> str:
    """"Dexamethasone for 3 days after each chemo, last one 2 weeks ago": with another time in the reply and
    no negation ("not for 6 months" is a time), a "for" span says how long, so it is left out."""
    if not _FOR_A_WHILE.search(converted) or re.search(r"\b(?:not|no|never|none|nothing)\b", converted):
        return converted
    stripped = re.sub(r"\s+", " ", _FOR_A_WHILE.sub(" ", converted)).strip()
    return stripped if _read_one(stripped, today, ongoing=False) is not None else converted
_CLAUSE = re.compile(r"\b(?:but|and then|then|and(?! a half)|though|however|while)\b")
_DOSE_FREQUENCY = re.compile(
    r"(?:\d+\s*(?:mg|mcg|ml|g|units?)|tablets?|pills?|capsules?|once|twice|times|doses?|puffs?)"
    r"(?:\s+of)?(?:\s+(?!(?:ago|last|this|since|until|in|on|for|a|an|per|each|was|were|is)\b)[a-z]+){0,2}"  # "20mg prednisone a day"
    r"\s+(?:a|an|per|each)\s+(?:day|week|month)\b(?!\s+(?:ago|before|back|earlier)\b)"
)


def _overlap(one: TimeReading, other: TimeReading) -> bool:
    one_high = one.days_max if one.days_max is not None else 10 ** 6
    other_high = other.days_max if other.days_max is not None else 10 ** 6
    return one.days_min <= other_high and other.days_min <= one_high


def _spelled_dates(text: str, today: dt.date) -> str:
    """Words for dates made plain: "the 20th of last month" -> "20 november 2026",
    "early this year" -> "early 2026", "30mg a day" is how often, not a time."""
    text = _DOSE_FREQUENCY.sub(" every time ", text)
    # "every three weeks" is how often, not how long ago; with "still" it is going on now.
    text = re.sub(rf"\b(?:every|each)\s+(?:\d+\s+|other\s+){_UNIT}\b", " every time ", text)
    text = re.sub(r"\b(early|mid|late)-(?=[a-z])", r"\1 ", text)  # "mid-October"
    # "in 2024, it stopped around the middle of the year": "the year" is the one the reply named; with no
    # year named (or several) it is this one.
    named_years = {int(year) for year in re.findall(r"\b((?:19|20)\d{2})\b", text) if int(year) <= today.year}
    the_year = named_years.pop() if len(named_years) == 1 else today.year
    text = re.sub(r"\b(early|mid|middle of|late|end of|start of|beginning of) the year\b", rf"\1 {the_year}", text)
    text = re.sub(r"\b(early|mid|middle of|late|end of|start of|beginning of) this year\b", rf"\1 {today.year}", text)
    text = re.sub(r"\b(early|mid|middle of|late|end of|start of|beginning of) last year\b", rf"\1 {today.year - 1}", text)
    text = re.sub(rf"\b(?:last|this past|past) {_WK}\b", " last week ", text)
    text = _weekday_before_last(text, today)
    text = re.sub(r"\bthe week before last\b", " about 11 days ago ", text)

    def on_the(match: re.Match) -> str:  # "on the 24th": this month, or last month if still to come
        day = int(match.group(1))
        month = today.replace(day=1) if day <= today.day else (today.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        if day > calendar.monthrange(month.year, month.month)[1]:
            return match.group(0)
        return f" on {day} {calendar.month_name[month.month].lower()} {month.year} "

    months = {m for m in re.findall(rf"\b({_MONTH})\b", text) if m != "may" or re.search(r"\b(?:in|of|since|last) may\b", text)}
    named = {_MONTHS[m] for m in months}
    if len(named) == 1 and not re.search(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b|\b(?:{_MONTH})\s+\d", text):
        # "in October ... finished around the 20th": the day of the month the reply named.
        month_name = calendar.month_name[named.pop()].lower()
        text = re.sub(r"\b(?:on |around |about |by |until |till |after |before )?the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+of)",
                      lambda m: f" {m.group(0).rsplit('the', 1)[0]}{m.group(1)} {month_name} ", text)
    text = re.sub(r"\b(?:on|around|about|by) the (\d{1,2})(?:st|nd|rd|th)\b(?!\s+of)", on_the, text)

    def day_of(match: re.Match) -> str:
        day, which = int(match.group(1)), match.group(2)
        first = today.replace(day=1)
        month = first if which == "this" else (first - dt.timedelta(days=1)).replace(day=1)
        if day > calendar.monthrange(month.year, month.month)[1]:
            return match.group(0)
        return f" {day} {calendar.month_name[month.month].lower()} {month.year} "

    return re.sub(r"\b(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+of\s+(last|this)\s+month\b", day_of, text)


def _weekday_before_last(text: str, today: dt.date) -> str:
    """"The week before last, on the Wednesday", "Friday before last": one day, written as its date."""
    names = "|".join(_WEEKDAYS)

    def dated(back: int) -> str:
        day = today - dt.timedelta(days=back)
        return f" on {day.day} {calendar.month_name[day.month].lower()} {day.year} "

    text = re.sub(rf"\b(?:the )?week before last,?(?: on)?(?: the)? ({names})\b|\b({names}) (?:of |in )?the week before last\b",
                  lambda m: dated(today.weekday() + 14 - _WEEKDAYS[m.group(1) or m.group(2)]), text)
    # "Friday before last": the one a week before last Friday.
    return re.sub(rf"\b(?:the |on )?({names}) before last\b",
                  lambda m: dated(((today.weekday() - _WEEKDAYS[m.group(1)]) % 7 or 7) + 7), text)


def _read_one(converted: str, today: dt.date, ongoing: bool = True) -> Optional[TimeReading]:
    # "I take it every day", "he's on it daily": a present-tense habit is going on now.
    every = re.search(r"\b(?:every|each)\s+(?:day|week|month|morning|night)\b|\bdaily\b|\bweekly\b|\bmonthly\b", converted)
    # "tacrolimus every day since the transplant": how often, with nothing that says it stopped.
    past = re.search(r"\b(?:took|had|was|were|stopped|finished|ended|until|till|last|ago|used to|came off|quit)\b", converted)
    habit = every and (_PRESENT_HABIT.search(converted) or not past)
    # "every three weeks" is how often, not how long ago; with "still" it is going on now.
    converted = re.sub(rf"\b(?:every|each)\s+(?:\d+\s+|other\s+)?{_UNIT}\b", " every time ", converted)
    for reader in (_date, _age_difference, _duration, _relative_day):
        reading = reader(converted, today)
        if reading is not None:
            return reading
    if ongoing and (habit or _ONGOING.search(converted)):
        return TimeReading(0, 0, 0, "still going on, or today")
    return None


_AGE_THEN = re.compile(r"\b(?:when|since)\s+(?:i|she|he|they|we)\s+(?:was|were)\s+(\d{1,3})\b|\bat (?:the )?age (?:of )?(\d{1,3})\b")
_AGE_NOW = re.compile(r"\b(?:i am|she is|he is|they are|we are|i turned|she turned|he turned)\s+(?:now\s+)?(\d{1,3})\b")


# "in my 30s", "in her late forties" (number words are digits by now: "in her 40s").
_DECADE_THEN = re.compile(r"\bin (?:my|her|his|their|your) (?:(early|mid|late)[\s-]+)?(?:([1-9])0\s*(?:s|'s)|(twenties|thirties|forties"
                          r"|fifties|sixties|seventies|eighties|nineties))\b")
_DECADE_WORDS = {word: 10 * (index + 2) for index, word in enumerate(
    "twenties thirties forties fifties sixties seventies eighties nineties".split())}
_AS_A_CHILD = re.compile(r"\bas an? (?:boy|girl|child|kid|teenager|teen|baby|toddler)\b")


def _age_difference(text: str, today: dt.date) -> Optional[TimeReading]:
    """"Cervical cancer when she was 30, she's 64 now": 34 years ago, give or take a year.
    "Leukaemia as a boy, he's 45 now": at least 45 - 19 years ago."""
    then, now = _AGE_THEN.search(text), _AGE_NOW.search(text)
    decade = _DECADE_THEN.search(text)
    if now and decade and not then:
        # "in my 30s, I'm 65 now": between 65 - 39 and 65 - 30 years ago ("early" 30 to 33, "mid" 33 to 36, "late" 36 to 39).
        first = int(decade.group(2)) * 10 if decade.group(2) else _DECADE_WORDS[decade.group(3)]
        part = {"early": (0, 3), "mid": (3, 6), "late": (6, 9)}.get(decade.group(1) or "", (0, 9))
        years = int(now.group(1))
        youngest, oldest = first + part[0], min(first + part[1], years)
        if years < youngest or first < 10:
            return None
        low, high = (years - oldest - 1) * 365, (years - youngest + 1) * 365
        return TimeReading(low, low, high, f"about {years - oldest} to {years - youngest} years ago", approximate=True)
    if now and not then and _AS_A_CHILD.search(text):
        years = int(now.group(1))
        low = max(years - 19, 0) * 365
        return TimeReading(low, low, years * 365, f"as a child, at least {max(years - 19, 0)} years ago", approximate=True)
    if not (then and now):
        return None
    years = int(now.group(1)) - int(then.group(1) or then.group(2))
    if years < 0 or years > 110:
        return None
    low, high = max(years - 1, 0) * 365, (years + 1) * 365
    return TimeReading(low, low, high, f"about {years} years ago", approximate=True)


def _when(today: dt.date, days: int) -> str:
    return _format(today - dt.timedelta(days=days))


def _format(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B %Y')}"


def _duration(text: str, today: dt.date) -> Optional[TimeReading]:
    some = re.search(rf"\b(?:some|a few|several)\s+{_UNIT}\s+ago\b.*?\b(\d+)\s*(?:or|to|-)\s*(\d+)\b", text)
    if some:  # "some weeks ago, maybe 4 or 5"
        unit = _unit(some.group(1))
        low, high = sorted((int(some.group(2)), int(some.group(3))))
        return TimeReading(low * _DAYS_PER[unit], low * _DAYS_PER[unit], high * _DAYS_PER[unit],
                           f"{low} to {high} {unit}s ago", approximate=True)
    spread = re.search(rf"(?:^|\s)(?:between\s+)?(\d+)\s*(?:or|to|-|and)\s*(\d+)\s*{_UNIT}\b", text)
    if spread and 0 < int(spread.group(1)) < int(spread.group(2)):
        return _spread(spread, text[: spread.start()])
    match = re.search(rf"(?:^|\s){_AMOUNT}\s*(?:and a half\s+)?{_UNIT}\b(\s+and a half)?", text)
    if not match:
        match = re.search(rf"(?:^|\s)(a|an|one)\s+{_UNIT}\s+and a half\b", text)
        if not match:
            return None
        unit = _unit(match.group(2))
        amount = 1.5
    else:
        unit = _unit(match.group(2))
        amount = _amount(match.group(1))
        if amount is None:
            return None
        if "and a half" in match.group(0):
            amount += 0.5
    vague = match.group(1) in ("a few", "few")
    days = round(amount * _DAYS_PER[unit])
    before = text[: match.start()]
    after = text[match.end():]
    amount_text = f"{amount:g} {unit}{'' if amount == 1 else 's'}"
    if vague:
        # "a few weeks": two to four of them
        return TimeReading(2 * _DAYS_PER[unit], 2 * _DAYS_PER[unit], 4 * _DAYS_PER[unit], f"a few {unit}s ago", True)
    if re.search(r"\b(not|none|nothing|no)\s+(?:\w+\s+)?(in|within|during|for)\s+(the\s+)?(last|past)?\s*$", before):
        return TimeReading(days + 1, days + 1, None, f"more than {amount_text} ago", approximate=True)
    if re.search(r"\b(less than|under|within|not even|in the last|in the past|up to|no more than)\s*$", before) or \
            re.search(r"\b(within|in the last|in the past|over the last|during the last)\b", before):
        return TimeReading(0, 0, max(days - 1, 0), f"less than {amount_text} ago", approximate=True)
    if re.search(r"\b(more than|over|at least|longer than|not for|not in|for over|for more than|beyond)\s*$", before) \
            or re.search(r"^\s*(or more|plus|\+|at least)\b", after):
        return TimeReading(days + 1, days + 1, None, f"more than {amount_text} ago", approximate=True)
    approximate = bool(re.search(r"\b(about|around|roughly|approximately|approx|nearly|almost|maybe|some|like)\s*$", before))
    spread = max(1, days // 7) if unit in ("week", "fortnight") else max(1, days // 10)
    if unit == "day":
        spread = 1 if approximate else 0
    low, high = max(days - spread, 0), days + spread
    return TimeReading(days, low, high, f"about {amount_text} ago, around {_when(today, days)}", approximate)


def _spread(spread: re.Match, before: str) -> Optional[TimeReading]:
    """"2 or 3 months ago", "3-4 weeks ago": the shorter time is the one kept (a waiting time is never judged
    over too early), the longer one bounds it; a wide one ("2 to 10 years") is checked. "In the last 2 or 3
    weeks" is less than the longer, "more than 2 or 3 years" more than the shorter."""
    unit = _unit(spread.group(3))
    first, second = int(spread.group(1)), int(spread.group(2))
    low, high = first * _DAYS_PER[unit], second * _DAYS_PER[unit]
    said = f"{first} to {second} {unit}s"
    if re.search(r"\bfor\s*$", before) and not re.search(r"\bnot\s+for\s*$", before):
        return None  # "for 2 or 3 weeks": how long, not how long ago
    if re.search(r"\b(?:within|(?:in|over|during) the (?:last|past)|less than|under|up to|no more than|not even)\s*$", before):
        return TimeReading(0, 0, high - 1, f"less than {said} ago", approximate=True)
    if re.search(r"\b(?:more than|over|at least|longer than|not for|not in|for over|for more than|beyond)\s*$", before):
        return TimeReading(low + 1, low + 1, None, f"more than {said} ago", approximate=True)
    return TimeReading(low, low, high, f"{said} ago", approximate=True, several=second > 3 * first)


def _unit(word: str) -> str:
    word = word.rstrip("s") if word not in ("mos",) else "mo"
    return _UNIT_NAMES.get(word, word)


def _amount(text: str) -> Optional[float]:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text in ("a", "an", "one"):
        return 1.0
    if text.startswith("half"):
        return 0.5
    if "couple" in text:
        return 2.0
    if text in ("a few", "few"):
        return 3.0
    return None


def _relative_day(text: str, today: dt.date) -> Optional[TimeReading]:
    if re.search(r"\bday before yesterday\b", text):
        return TimeReading(2, 2, 2, f"2 days ago, on {_when(today, 2)}")
    if re.search(r"\byesterday\b", text):
        return TimeReading(1, 1, 1, f"yesterday, {_when(today, 1)}")
    match = re.search(r"\b(?:last|previous)\s+(year|month)\b", text)
    if match and not re.search(r"\b(?:in|within|over|during) the (?:last|past)\b", text):
        # "last year" is the calendar year before this one; "last month" the month before.
        if match.group(1) == "year":
            start, end = dt.date(today.year - 1, 1, 1), dt.date(today.year - 1, 12, 31)
        else:
            end = today.replace(day=1) - dt.timedelta(days=1)
            start = end.replace(day=1)
        return _from_dates(start, end, today, f"last {match.group(1)}")
    day = re.search(r"\b(?:on )?(" + "|".join(_WEEKDAYS) + r")\b", text)
    if day and re.search(rf"\blast week(?: on)? {day.group(1)}\b|\b{day.group(1)} (?:of )?last week\b", text):
        back = today.weekday() + 7 - _WEEKDAYS[day.group(1)]  # "last week, on Wednesday": that week's Wednesday
        return TimeReading(back, back, back, f"{day.group(1).title()} last week, {_when(today, back)}")
    match = re.search(r"\b(?:last|this past|past|previous)\s+(week|month|year|fortnight|weekend)\b", text)
    if match:
        unit = match.group(1)
        if unit == "weekend":
            saturday = (today.weekday() - 5) % 7 or 7
            return TimeReading(saturday - 1, saturday - 1, saturday + 7, "last weekend", approximate=True)
        span = _DAYS_PER[unit]
        return TimeReading(max(span // 2, 1), max(span // 2, 1), span * 2 - 1, f"last {unit}", approximate=True)
    match = re.search(r"\b(?:earlier )?this\s+(week|month|year)\b", text)
    if match:
        unit = match.group(1)
        start = {"week": today.weekday(), "month": today.day - 1, "year": today.timetuple().tm_yday - 1}[unit]
        # "this year" is up to eleven months: too vague for a "how long ago" answer (see ``vague``).
        return TimeReading(0, 0, start, f"this {unit}", approximate=True, vague=unit == "year")
    match = re.search(r"\b(?:last|on|this past)?\s*(" + "|".join(_WEEKDAYS) + r")\b", text)
    # "last Tuesday", "on Friday", "last dose Saturday", "the last one was on Monday"
    if match and (re.search(r"\b(?:last|on|this past|past|last (?:dose|one|time|injection|infusion|shot|tablet|pill)(?: was)?)\s+"
                            + match.group(1), text)
                  or re.search(match.group(1) + r"\s+(?:just gone|just past|gone)\b", text)):  # "friday just gone"
        back = (today.weekday() - _WEEKDAYS[match.group(1)]) % 7 or 7
        return TimeReading(back, back, back, f"last {match.group(1).title()}, {_when(today, back)}")
    return None


# A month and a year in digits, as reports and forms write them: "2025.6", "2025/06", "2025-6", "6/2025".
# Never a date with a day ("2025.6.3", read above) nor a decimal ("2.5 years").
_YEAR_MONTH = re.compile(r"(?<![\d./-])(?:((?:19|20)\d{2})[./-](\d{1,2})|(\d{1,2})[./-]((?:19|20)\d{2}))(?![./-]?\d)")


def _year_and_month(text: str, today: dt.date) -> Optional[TimeReading]:
    match = _YEAR_MONTH.search(text)
    if not match:
        return None
    year, month = (int(match.group(1)), int(match.group(2))) if match.group(1) else (int(match.group(4)), int(match.group(3)))
    if not 1 <= month <= 12 or dt.date(year, month, 1) > today:
        return None
    end = dt.date(year, month, calendar.monthrange(year, month)[1])
    return _from_dates(dt.date(year, month, 1), end, today, f"in {calendar.month_name[month]} {year}")


def _date(text: str, today: dt.date) -> Optional[TimeReading]:
    full = _full_date(text, today)
    if full is not None:
        return _from_dates(full, full, today, f"on {_format(full)}")
    year_month = _year_and_month(text, today)
    if year_month is not None:
        return year_month
    match = re.search(rf"\b(early|mid|middle of|late|end of|start of|beginning of)?\s*({_MONTH})\b\.?(?:\s+(?:of\s+)?(\d{{4}}))?", text)
    if match and (match.group(3) or match.group(1) or re.match(rf"{match.group(2)}\b", text) or re.search(
            rf"\b(in|since|during|around|about|last|back in|from|until|till|by|of|this|early|late|ended|finished|stopped|"
            rf"done|completed)\s+(?:early |mid |late )?{match.group(2)}\b", text)
            # "last steroid course june": the month that ends a short reply
            # (not "chemo started march": a start is not the last time)
            or (re.search(rf"\b{match.group(2)}\s*$", text) and match.group(2) != "may" and len(text.split()) <= 6
                and not re.search(rf"\b(?:started|starting|began|begun|start|since|from)\s+(?:\w+ )?{match.group(2)}\s*$", text))):
        month = _MONTHS[match.group(2)]
        if match.group(2) == "may" and not (match.group(3) or re.search(r"\b(in|since|during|last|of|until|till|til|through)\s+may\b", text)):
            return None  # "she may have": the verb, not the month
        year = int(match.group(3)) if match.group(3) else today.year
        leading = re.match(r"(?:in |back in )?((?:19|20)\d{2})\b(?! (?:and|to|until|till))", text)
        if not match.group(3) and leading and int(leading.group(1)) < today.year:
            year = int(leading.group(1))  # "2024, the trial ended in May": the year the reply begins with
        elif not match.group(3) and dt.date(year, month, 1) > today:
            year -= 1
        if not match.group(3) and re.search(r"\blast year\b", text):
            year = today.year - 1  # "last year, in June"
        if re.search(rf"\blast\s+{match.group(2)}\b", text) and not match.group(3) and month >= today.month:
            year = min(year, today.year - 1)
        last_day = calendar.monthrange(year, month)[1]
        part = match.group(1) or ""
        first, last = 1, last_day
        if part == "early" or part.startswith(("start", "beginning")):
            last = 10
        elif part.startswith("mid"):
            first, last = 10, 20
        elif part in ("late", "end of"):
            first = 20
        start, end = dt.date(year, month, first), dt.date(year, month, last)
        label = f"{part + ' ' if part else ''}{calendar.month_name[month]} {year}"
        reading = _from_dates(start, end, today, f"in {label}".replace("in end of", "at the end of"))
        middle = dt.date(year, month, 15)
        if part.startswith("mid") and reading is not None and reading.days >= 0 and middle <= today:
            # "mid November" names a time, about the 15th (as "about 3 weeks ago" names 21 days), not a span.
            return dataclasses.replace(reading, days=(today - middle).days)
        return reading
    if re.search(r"\b(?:chinese|lunar) new year\b|\bspring festival\b", text):
        return _season("chinese new year", text, today)
    match = re.search(r"\b(?:last\s+)?(spring|summer|autumn|fall|winter|christmas|new year)\b", text)
    if match and (re.search(r"\b(last|this|in|around|at|over|during|this past|since|before|after|until|till|til|by)\s+(?:the\s+|this\s+)?"
                            + match.group(1), text) or re.search(rf"\b{match.group(1)} (?:of )?(?:(?:19|20)\d{{2}}|last year)\b", text)):
        return _season(match.group(1), text, today)
    match = re.search(r"\b(early|mid|middle of|late|end of|start of|beginning of)\s+((?:19|20)\d{2})\b", text)
    if match and int(match.group(2)) <= today.year:
        year, part = int(match.group(2)), match.group(1)
        # The middle of a year is its middle two months, June and July (as "mid November" is about the 15th).
        months = (1, 4) if part == "early" else (6, 7) if part.startswith("mid") else (9, 12)
        start = dt.date(year, months[0], 1)
        end = dt.date(year, months[1], calendar.monthrange(year, months[1])[1])
        if part in ("start of", "beginning of"):  # narrower than "early": the first two weeks of January
            start, end = dt.date(year, 1, 1), dt.date(year, 1, 15)
        elif part == "end of":  # the last two weeks of December
            start, end = dt.date(year, 12, 17), dt.date(year, 12, 31)
        return _from_dates(start, end, today, f"{'at the ' + part if ' of' in part else 'in ' + part} {year}")
    match = re.search(r"\b(?:in|since|back in|around|about|of|from|during|year)?\s*((?:19|20)\d{2})\b", text)
    if match:
        year = int(match.group(1))
        if year > today.year:
            return None
        start, end = dt.date(year, 1, 1), min(dt.date(year, 12, 31), today)
        return _from_dates(start, end, today, f"in {year}")
    return None


# "20/11" with no year. Not "for 14/7" (the clinic's shorthand for 14 days) or "24/7" (all the time).
_DAY_MONTH = re.compile(r"(?<![\d/.])(?<!for )\b(\d{1,2})/(\d{1,2})\b(?![/.]?\d)")


# "6 cycles of", "cycles of 21 days": a plan; "the last cycle of GP was 14/11" names one cycle, and its day.
_SCHEDULE_WORDS = re.compile(r"\b(?:schedule|on off|on and off|days on|days off|\d+ cycles? of|cycles of|regimen)\b")


# The words just before a month-first date ("last one 11/24", "finished 10/30", "was on 11/19") that say it
# names when something happened, not a score or a count ("11/20" on its own may be 11 of 20).
_MONTH_FIRST_CUE = re.compile(
    r"\b(?:on|was|were|until|till|til|finished|finish|stopped|stop|ended|done|completed|last(?: \w+)?)\s+(?:on\s+)?$")


def _day_and_month(text: str, today: dt.date) -> Optional[dt.date]:
    """"last cycle 20/11": 20 November, this year or last year if still to come.

    Read only where the order cannot be mistaken, the day above 12 and above the month: "20/11" can
    only be 20 November, and is no count either ("cycle 3/6" is the third of six). "3/11" is
    3 November in Singapore but 11 March in Manila: it is not read. "11/20" may be 11 of 20, so it is read as
    20 November only after a word that says when ("last one 11/20", "finished on 11/20").
    """
    match = _DAY_MONTH.search(text)
    if not match or match.group(0) == "24/7":
        return None
    day, month = int(match.group(1)), int(match.group(2))
    if (day % 7 == 0 and month == 7) or _SCHEDULE_WORDS.search(text):
        return None  # "xeloda 14/7", "ibrance 21/7": days on and off, a schedule (a check, if 14 July is meant)
    if 1 <= day <= 12 < month <= 31 and _MONTH_FIRST_CUE.search(text[:match.start()]):
        day, month = month, day  # "last one 11/24", "stopped 10/15": month first, the only order it can have
    if not 1 <= month <= 12 < day:
        return None
    for year in (today.year, today.year - 1, today.year - 2):  # 29/2: the last leap year
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, day) <= today:
            return dt.date(year, month, day)
    return None


def _full_date(text: str, today: dt.date) -> Optional[dt.date]:
    """A date with a day: ISO, day/month/year, or a month name next to a day (dateparser reads it);
    a day/month with no year when its order is plain ("25/11")."""
    patterns = (
        r"\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b",  # year first: "2026-11-01", "2026/11/01" (never day first)
        r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b",
        rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{_MONTH})\b\.?(?:,?\s+\d{{4}})?",
        rf"\b(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}})?",
        rf"\bthe\s+\d{{1,2}}(?:st|nd|rd|th)\s+of\s+(?:{_MONTH})\b(?:,?\s+\d{{4}})?",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if not match:
            continue
        phrase = match.group(0)
        settings = dict(_DATEPARSER_SETTINGS, RELATIVE_BASE=dt.datetime.combine(today, dt.time(12)))
        if re.fullmatch(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}", phrase):
            settings["DATE_ORDER"] = "YMD"
        parsed = dateparser.parse(phrase, languages=["en"], settings=settings)
        if parsed is None:
            continue
        date = parsed.date()
        has_year = bool(re.search(r"\d{4}|[/.]\d{2}\b", phrase))
        if date > today and not has_year:
            try:
                date = date.replace(year=date.year - 1)
            except ValueError:
                return None
        return date
    return _day_and_month(text, today)


def _season(name: str, text: str, today: dt.date) -> TimeReading:
    if name == "christmas":
        year = today.year if today >= dt.date(today.year, 12, 25) else today.year - 1
        date = dt.date(year, 12, 25)
        if re.search(r"\b(?:just )?before christmas\b", text):
            return _from_dates(date - dt.timedelta(days=10), date - dt.timedelta(days=1), today, f"just before Christmas {year}")
        if re.search(r"\b(?:just )?after christmas\b", text):
            return _from_dates(date + dt.timedelta(days=1), date + dt.timedelta(days=10), today, f"just after Christmas {year}")
        return _from_dates(date - dt.timedelta(days=7), date + dt.timedelta(days=7), today, f"around Christmas {year}")
    if name == "chinese new year":
        first = _LUNAR_NEW_YEAR.get(today.year, dt.date(today.year, 2, 20))
        year = today.year if today >= first else today.year - 1
        if re.search(r"\blast\s+(?:chinese|lunar) new year\b|\blast year\b", text) and year == today.year:
            year -= 1
        date = _LUNAR_NEW_YEAR.get(year)
        if date is None:  # outside the table: the lunar new year falls between 21 January and 20 February
            return _from_dates(dt.date(year, 1, 21), dt.date(year, 2, 20), today, f"around Chinese New Year {year}")
        return _around_a_day(date, text, r"(?:chinese|lunar) new year|spring festival", today, f"Chinese New Year {year}")
    if name == "new year":
        year = today.year
        date = dt.date(year, 1, 1)
        return _from_dates(date - dt.timedelta(days=7), date + dt.timedelta(days=7), today, f"around New Year {year}")
    month, day = _SEASONS[name]
    year = today.year
    middle = dt.date(year, month, day)
    named = re.search(rf"\b{name} (?:of )?((?:19|20)\d{{2}})\b", text)
    if named:
        year = int(named.group(1))  # "summer 2023", "the summer of 2022"
    elif re.search(r"\blast year\b", text):
        year -= 1
    elif re.search(rf"\blast\s+{name}\b", text):
        # "last summer" in December is this year's: the latest one that is over.
        year -= middle + dt.timedelta(days=45) > today
    elif middle > today:
        year -= 1
    middle = dt.date(year, month, day)
    return _from_dates(middle - dt.timedelta(days=45), middle + dt.timedelta(days=45), today, f"in {name} {year}")


# The first day of the lunar (Chinese) new year, which moves between 21 January and 20 February.
_LUNAR_NEW_YEAR = {
    2015: dt.date(2015, 2, 19), 2016: dt.date(2016, 2, 8), 2017: dt.date(2017, 1, 28), 2018: dt.date(2018, 2, 16),
    2019: dt.date(2019, 2, 5), 2020: dt.date(2020, 1, 25), 2021: dt.date(2021, 2, 12), 2022: dt.date(2022, 2, 1),
    2023: dt.date(2023, 1, 22), 2024: dt.date(2024, 2, 10), 2025: dt.date(2025, 1, 29), 2026: dt.date(2026, 2, 17),
    2027: dt.date(2027, 2, 6), 2028: dt.date(2028, 1, 26), 2029: dt.date(2029, 2, 13), 2030: dt.date(2030, 2, 3),
    2031: dt.date(2031, 1, 23), 2032: dt.date(2032, 2, 11), 2033: dt.date(2033, 1, 31), 2034: dt.date(2034, 2, 19),
    2035: dt.date(2035, 2, 8),
}


def _around_a_day(date: dt.date, text: str, name: str, today: dt.date, label: str) -> Optional[TimeReading]:
    """A holiday: "just before" it is the two weeks before, "just after" the two weeks after, and
    otherwise the week either side."""
    if re.search(rf"\b(?:just |right |shortly )?before (?:the )?(?:{name})\b", text):
        return _from_dates(date - dt.timedelta(days=14), date - dt.timedelta(days=1), today, f"just before {label}")
    if re.search(rf"\b(?:just |right |shortly )?after (?:the )?(?:{name})\b", text):
        return _from_dates(date + dt.timedelta(days=1), date + dt.timedelta(days=14), today, f"just after {label}")
    return _from_dates(date - dt.timedelta(days=7), date + dt.timedelta(days=7), today, f"around {label}")


def _from_dates(start: dt.date, end: dt.date, today: dt.date, echo: str) -> Optional[TimeReading]:
    if start > today:
        return TimeReading(-1, -1, -1, echo)  # in the future: the reader refuses it
    end = min(end, today)
    low, high = (today - end).days, (today - start).days
    if low == high:
        return TimeReading(low, low, high, f"{echo}, {_ago(low)}")
    return TimeReading(low, low, high, echo, approximate=True)


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    if days < 14:
        return f"{days} day{'s' if days != 1 else ''} ago"
    if days < 60:
        return f"about {round(days / 7)} weeks ago"
    if days < 730:
        return f"about {round(days / 30)} months ago"
    return f"about {round(days / 365)} years ago"
