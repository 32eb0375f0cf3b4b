"""Numbers stated in an English reply: digits or words ("sixty two"), via text2num.

A number is read only when the reply states one number plainly. Markup or code
("<script>1</script>", "{{7}}") is never a number, a minus sign or "minus" is
refused rather than dropped, and a range ("60-65", "3 or 4") or two different
numbers are asked again: the person must say which.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import List, Optional

from text_to_num import alpha2digit

# Characters of markup, templates and code: a reply holding them states no number.
_MARKUP = re.compile(r"[<>{}\[\]\\`$=;|]|&#|&\w+;|\(\)|\bfunction\b|\beval\b|\bscript\b|\balert\b")
_NUMBER = re.compile(r"(?<![\w.])(-?\s?\d+(?:\.\d+)?)(?![\d])(?:%)?")
_RANGE = re.compile(r"\d+(?:\.\d+)?\s*(?:-|to|or|and|/)\s*-?\d+(?:\.\d+)?")
_BETWEEN = re.compile(r"\bbetween\s+\d")
_NEGATIVE = re.compile(r"(?:^|[\s(])(?:-\s?\d|minus\s+\d|negative\s+\d)")
# Words for small counts that text2num leaves alone.
_COUNT_WORDS = {"once": 1, "twice": 2, "a couple": 2, "a couple of": 2, "a single": 1, "a pair of": 2}
_VAGUE = re.compile(r"\b(a few|few|several|some|many|lots|a lot|a number of|multiple|various|numerous|dozens?)\b")


# "she'll be 60 at Christmas", "71 next birthday": a future age, one more than now.
_FUTURE = re.compile(
    r"\b(?:will|going to|gonna)\s+(?:be|turn)\s+(\d+)\b|\b(?:turns|turning)\s+(\d+)\s+(?:next|in|on|this|soon)\b"
    r"|\b(\d+)\s+(?:next|on (?:his|her|my|their) next)\s+birthday\b"
    r"|\babout to (?:hit|turn|be)\s+(\d+)\b"
    r"|(?<!turned )(?<!was )(?<!were )\b(\d+)\s+(?:next|this coming|come)\s+(?:week|month|year|birthday|spring|summer|autumn|fall|winter|christmas)\b"
)
# "he's 66, he turns 67 on Christmas Day": the age now, then the one to come.
_NOW_THEN_NEXT = re.compile(r"\b(\d{1,3})\b.*\b(?:turns|turning|will be|will turn|is going to be)\s+(\d{1,3})\b")
_THEN_SO_NOW = re.compile(r"\b(?:will|going to|gonna)\s+(?:be|turn)\s+(\d{1,3})\b.*\bso\s+(?:(?:he|she|i|they) (?:is|am|are) )?"
                          r"(\d{1,3})(?:\s+(?:now|at the moment|today|right now))?\s*$")
_AGE_BACK_THEN = re.compile(r"\b(?:diagnosed|found|first found|first diagnosed|when (?:i|he|she|they) (?:was|were)|"
                            r"it started|started|since)\s+(?:at|aged|age|at age|at the age of)?\s*\d{1,3}\b"
                            r"(?!\s*(?:years? ago|months? ago|weeks? ago|days? ago))")
_CORRECTED = re.compile(r"\b(?:sorry|i mean|no wait|actually)\b")


# "58, 59 in January", "I'm 56, nearly 57": the age now, then the next one.
_NEXT_AGE = re.compile(
    r"\b(\d{1,3})\s+(?:and\s+)?(?:nearly|almost|soon|turning|going on|will be|be)?\s*(\d{1,3})"
    r"(?=\s+(?:in|next|on|at|this|soon|by)\b|\s*$)"
)
# "in her 70s ... 72 to be exact": the decade, then the number in it.
_DECADE = re.compile(r"\b(?:in\s+(?:his|her|my|their|the|our)\s+)?(?:early\s+|mid\s+|late\s+)?(\d)0s\b")
_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b(?!\s+birthday)")
# "born in March 1960", "born on 12 June 1972": a date of birth.
_BORN = re.compile(r"\b(?:born|birth|birthday is|date of birth|dob)\b")


@dataclass(frozen=True)
class NumberReading:
    value: Optional[Decimal] = None
    future: bool = False  # the number is what it will be soon ("will be 60 next month")
    counted: bool = False  # counted from ordinals ("first ..., then a second ..."): said back as a check
    # Why no number was read: "markup", "negative", "range", "several", "vague", "year", "cycles" or "none".
    problem: Optional[str] = None


def read_number(raw_text: str, text: str, counting: bool = False) -> NumberReading:
    """The one number in a reply; ``text`` is the normalised form of ``raw_text``.

    ``counting`` is for a question that counts things: there "first ..., second ..." says two.
    """
    if _MARKUP.search(raw_text or ""):
        return NumberReading(problem="markup")
    # "another one", "different ones" are not numbers.
    text = re.sub(r"\b(another|that|this|which|any|each|every|no|different|other|new|first|last|latest|current|next|same|previous)"
                  r" ones?\b", r"\1 item", text)
    text = re.sub(r"\bones\b", "items", text)
    if counting:
        # "GP, then capecitabine, then one more": one more is another plan, not a count of one.
        text = re.sub(r"\b(?:one|1) more\b(?!\s+(?:cycles?|rounds?|doses?|sessions?|times?|infusions?|courses?)\b)",
                      "another item", text)
    converted = alpha2digit(text, "en", threshold=0)
    converted = re.sub(r"(\d),(\d{3})\b", r"\1\2", converted)
    corrected = _CORRECTED.split(converted)
    if len(corrected) > 1 and re.search(r"\d", corrected[-1]):
        converted = corrected[-1]  # "she's 57... no sorry, 58"
    if _BORN.search(converted):
        return NumberReading(problem="year")
    soon = bool(re.search(r"\b\d+\s+in\s+\d+\s*(?:weeks?|days?|months?)\b", converted))  # "60 in 2 weeks"
    converted = re.sub(r"\bin \d+\s*(?:weeks?|days?|months?)(?:\s+time)?\b", " ", converted)
    if counting:
        # "five lines, I've been fighting this for 8 years": a time is not the count; nor are the
        # cycles, rounds or doses inside one plan ("one plan, 6 cycles").
        converted = re.sub(r"\b\d+\s*(?:years?|months?|weeks?|days?|yrs?)\b", " ", converted)
        converted = re.sub(r"\b(?:19|20)\d{2}\b", " ", converted)  # "once in 2020 and again in 2023": years are when
        # "6 cycles of the same two drugs": the drugs of one plan, not plans.
        converted = re.sub(r"\bsame\s+\d+\s+(drugs?|medicines?|medications?|chemos?)\b", r"same \1", converted)
        inside_plan = re.compile(r"\b\d+\s*(?:cycles?|rounds?|doses?|sessions?|infusions?|drips?|shots?|injections?|times)\b")
        if inside_plan.search(converted):
            converted = inside_plan.sub(" ", converted)
            if not re.search(r"\d|\b(?:once|twice|a couple|a single|a pair of)\b|\b\w+(?:st|nd|rd|th)\b", converted):
                if _SAME_PLAN.search(converted) and not re.search(r"\b(?:not|never|different|another|new|changed|switched)\b", converted):
                    return NumberReading(value=Decimal(1), counted=True)  # "8 rounds but all the same drugs": one plan
                return NumberReading(problem="cycles")
    if counting:
        told = _told_count(raw_text, converted)
        if told is not None:
            return told
    if not counting:
        # "he'll be 60 next month, so 59": the age to come, then the one now (one less), which answers.
        then_now = _THEN_SO_NOW.search(converted)
        if then_now and int(then_now.group(2)) == int(then_now.group(1)) - 1:
            return NumberReading(value=Decimal(then_now.group(2)))
        # "I'm 51, diagnosed at 49": an age back then is not the age asked.
        back_then = _AGE_BACK_THEN.sub(" ", converted)
        if back_then != converted:
            # "diagnosed at 45, 4 years ago": the time since then is no age either (the sum is for the person to say).
            back_then = re.sub(r"\b\d{1,3}\s*(?:years?|yrs?|months?|weeks?|days?) (?:ago|back|before)\b", " ", back_then)
        converted = back_then
    now_then = None if counting else _NOW_THEN_NEXT.search(converted)
    if now_then and int(now_then.group(2)) == int(now_then.group(1)) + 1:
        converted = converted[: now_then.start(2)] + converted[now_then.end(2):]
    next_age = None if counting else _NEXT_AGE.search(converted)
    if next_age and int(next_age.group(2)) == int(next_age.group(1)) + 1:
        converted = converted[: next_age.start(2)] + converted[next_age.end(2):]
    decade = _DECADE.search(converted)
    if decade:
        inside = [n for n in re.findall(r"(?<![\w.])\d+(?![\d])", converted[: decade.start()] + " " + converted[decade.end():])
                  if n[:-1] == decade.group(1) and len(n) == 2]
        if not inside:
            return NumberReading(problem="range")  # "late 60s": ten years, not one number
        converted = converted[: decade.start()] + " " + converted[decade.end():]
    ordinals = [int(n) for n in _ORDINAL.findall(converted)]
    converted = _ORDINAL.sub(" ", converted)
    if _NEGATIVE.search(converted):
        return NumberReading(problem="negative")
    if _RANGE.search(converted) or _BETWEEN.search(converted):
        return NumberReading(problem="range")
    found = _distinct(m.group(1).replace(" ", "") for m in _NUMBER.finditer(converted))
    found += _distinct(m.group(1) for m in re.finditer(r"\b(\d+)(?=yo\b|y/o\b|yrs?\b|years?\b)", converted))
    if counting and len(found) >= 2 and len(set(found)) == 1 and found[0] == "1":
        return NumberReading(problem="several")  # "one after they found it and one when it spread": two, not one
    found = list(dict.fromkeys(found))
    if len(found) > 1:
        return NumberReading(problem="several")
    if counting and ordinals and max(ordinals) >= 2 and not re.search(r"\b(?:cycles?|rounds?|doses?|sessions?|weeks?)\b", converted) and (not found or int(Decimal(found[0])) < max(ordinals)):
        # "first was cisplatin, second was paclitaxel": two; "one course, then a second" as well.
        if len(found) <= 1:
            return NumberReading(value=Decimal(max(ordinals)), counted=True)
    if len(found) == 1:
        return NumberReading(value=Decimal(found[0]), future=soon or bool(_FUTURE.search(converted)))
    for phrase, value in sorted(_COUNT_WORDS.items(), key=lambda item: -len(item[0])):
        if re.search(rf"(?<!not )(?<!never )\b{phrase}\b(?!\s+(?:a|an|every|per|each)\s+(?:day|week|month|fortnight)\b)", converted):
            return NumberReading(value=Decimal(value))
    if _VAGUE.search(converted):
        return NumberReading(problem="vague")
    return NumberReading(problem="none")


# "8 rounds, all the same drugs", "6 cycles of the same chemo": the cycles of one plan.
_SAME_PLAN = re.compile(r"\b(?:all |always |every time |each time )?(?:the )?same (?:drugs?|chemo|chemotherapy|plan|regimen|treatment"
                        r"|medicines?|combination|ones?|mix|cocktail)\b")
# A total said after a story: "..., so 3 in total", "3 altogether", "that's 2", "... since it spread. 2".
_TOTAL = re.compile(
    r"\b(?:so|that is|thats|which makes|making|makes|in total|a total of|total of|total)\s+(?:of\s+)?(\d+)"
    r"(?:\s+(?:in total|altogether|all together|overall|total|so far|plans?|lines?|regimens?|different ones))*\s*$"
    r"|\b(\d+)\s+(?:in total|altogether|all together|overall)\b(?:\s+so far)?\s*$")
_LAST_PART = re.compile(r"[.!;:,]\s*([^.!;:,]+?)\s*[.!]?\s*$")
# "once in 2020 and again in 2023", "once at first, again when it spread and again this year": one plan and one
# more for each "again". "Once a week" is how often; "not again" is none more.
_ONCE = re.compile(r"\bonce\b(?!\s+(?:a|an|every|per|each|more|or|in a while)\b)")
_AGAIN = re.compile(r"(?<!not )(?<!never )\bagain\b")


# Another kind of treatment named in an "again" story ("chemo once, and radiation again"): which was again? Not counted.
_OTHER_TREATMENT = re.compile(r"\b(?:radiation|radiotherapy|radio|surgery|operation|immunotherapy|hormone|hormonal|targeted|tablets?)\b")
_NEXT_PLAN = re.compile(r"\b(?:then|now|after that|afterwards|later|followed by)\b")
_CHEMO = re.compile(r"\b(?:chemo|chemotherapy)\b")
_NEW_PLAN = re.compile(r"\b(?:new|different|another|other|second|third|fourth|switched|changed)\b"
                       r"|\b(?:when|after|since|because) (?:it|the cancer|the tumou?r) (?:came back|spread|grew|progressed|returned)\b")


_COUNTED_PLANS = re.compile(r"\b(\d+)\s+(?:\w+\s+)?(?:plans?|lines?|regimens?|courses?|kinds?|types?|different)\b")


def _told_count(raw_text: str, converted: str) -> Optional[NumberReading]:
    """A count told as a story: a total said at the end, "once ... and again ...", or parts that each name a new chemo.
    Cycles, rounds and times are gone from ``converted`` by now."""
    numbers = [m.group(1).replace(" ", "") for m in _NUMBER.finditer(_ORDINAL.sub(" ", converted))]
    total = _TOTAL.search(converted)
    if total and len(numbers) >= 2 and len(re.findall(r"[a-z]{3,}", converted[: total.start()])) >= 2 and not re.search(r"\b(?:or|maybe|about|around|roughly|not sure)\b", converted):
        return NumberReading(value=Decimal(total.group(1) or total.group(2)), counted=True)
    last = _LAST_PART.search(alpha2digit(normalise_punctuation(raw_text), "en", threshold=0))
    if last and re.fullmatch(r"(?:so\s+)?\d+(?:\s+(?:in total|total|altogether|plans?|lines?))?", last.group(1).lower()) \
            and len(numbers) >= 1 and not re.search(r"\b(?:or|maybe|about|around|roughly|not sure)\b", converted) \
            and len(last.group(1).split()) <= 4 and len(re.findall(r"[a-z]{3,}", raw_text[: last.start(1)].lower())) >= 2:
        said = re.search(r"\d+", last.group(1)).group(0)
        story = converted[: converted.rfind(said)] if said in converted else converted
        if any(count != said for count in _COUNTED_PLANS.findall(story)):
            return None  # "3 plans, the first failed after 2 months. 2": which count is it?
        return NumberReading(value=Decimal(said), counted=True)
    if not numbers and not _OTHER_TREATMENT.search(converted) and _ONCE.search(converted) and _AGAIN.search(converted) and len(_ONCE.findall(converted)) == 1 \
            and not re.search(r"\b(?:same|not|never|twice|or|maybe)\b", converted):
        return NumberReading(value=Decimal(1 + len(_AGAIN.findall(converted))), counted=True)
    pieces = [piece for piece in _NEXT_PLAN.split(converted) if piece.strip()]
    if len(pieces) >= 2 and _counts_one_plan_per_piece(pieces, numbers) \
            and all(_NEW_PLAN.search(piece) for piece in pieces[1:]) \
            and not re.search(r"\b(?:same|or|maybe)\b", converted) and not _PLANNED.search(converted):
        # "chemo with the radiation at first, then a new chemo when it spread", "GP first, then gemcitabine
        # when it came back", "one in 2019, then a new one when it came back": each part names a chemo plan,
        # each one after the first says it was new.
        return NumberReading(value=Decimal(len(pieces)), counted=True)
    return None


# A chemotherapy plan named by its drug or the regimen's letters, or "one" itself ("a new one" is "new item" by now).
_PLAN_NAMED = re.compile(
    r"\b(?:chemo|chemotherapy|item|plan|regimen|cisplatin|carboplatin|oxaliplatin|nedaplatin|lobaplatin|gemcitabine"
    r"|gemzar|paclitaxel|abraxane|docetaxel|taxol|taxotere|capecitabine|xeloda|fluorouracil|5fu|5 fu|tegafur|s1"
    r"|doxorubicin|epirubicin|cyclophosphamide|vinorelbine|eribulin|irinotecan|pemetrexed|etoposide"
    r"|gp|tp|tpf|pf|ac|ec|tc|folfox|xelox|capox|folfiri)\b")
# A plan still to come is not one had: "then a new one next month".
_PLANNED = re.compile(r"\b(?:will|going to|gonna|planned|planning|plan to|next|soon|upcoming|about to|to start)\b")


def _counts_one_plan_per_piece(pieces: List[str], numbers: List[str]) -> bool:
    """Every part of the story names one chemotherapy plan. The only number allowed is a "1" that opens
    it ("one in 2019, then ..."): any other number is a count of its own, and the parts do not add up."""
    if numbers and (numbers != ["1"] or not re.match(r"\s*1\b", pieces[0])):
        return False
    first = re.sub(r"^\s*1\b", " item ", pieces[0])
    return all(_PLAN_NAMED.search(piece) for piece in [first] + pieces[1:])


def normalise_punctuation(raw_text: str) -> str:
    """The raw reply in lower case with its sentence marks kept (the normalised text has none)."""
    return re.sub(r"\s+", " ", (raw_text or "").lower()).strip()


def _distinct(values) -> List[str]:
    return [str(Decimal(v).normalize()) if "." in v else str(int(v)) for v in values]


def as_number_words(text: str) -> str:
    """``text`` with number words written as digits ("twelve years" -> "12 years")."""
    return alpha2digit(text, "en", threshold=0)
