"""What a yes/no question says makes a thing count, and whether a reply meets it.

"Lung inflammation that needed steroids", "more than mild means it needs treatment or limits what you
can do", "a tumour that doctors could measure": the question's own words set a threshold
(:mod:`bot.understanding.english.question_words`), and a reply without a plain yes or no may still say
which side of it the person is on ("antibiotics only, no steroids", "makes it hard to do up buttons",
"nothing that stops me", "too small to measure").
"""

from __future__ import annotations

import re
from typing import Optional

from bot.screening.answers import NO, YES
from bot.understanding.english.polarity import _DIMINISHERS, _NEGATIONS, _STRONG_YES, Polarity, names_topic, stem
from bot.understanding.english.statements import _MAKES_IT_HARD, _SERIOUS
from bot.understanding.english.text import has_phrase
from bot.understanding.reading import Reading


def says_it_cannot_be_done(text: str, ability_words: frozenset) -> bool:
    """"Too small to measure", "they can't measure it", "not able to measure them" where the question asks
    whether it can be done ("a tumour that doctors could measure?"): the reply says it cannot. Not with a
    "but" ("one is too small to measure but the other is 2 cm") or a yes word beside it."""
    if not ability_words or _CONTRAST_WORDS.search(text) or set(text.split()) & _STRONG_YES:
        return False
    verbs = "|".join(re.escape(stem(word)) for word in ability_words)
    return bool(re.search(
        rf"\b(?:too \w+(?: \w+)? to|can not|could not|unable to|not able to|not big enough to)\s+(?:be\s+)?(?:{verbs})\w*\b", text))


_CONTRAST_WORDS = re.compile(r"\b(?:but|though|although|however|except|apart from|unless|whereas|while)\b")
# Taking or needing something for it: "I take gabapentin for it", "needs pills for the nausea every day".
_TREATMENTS = (r"(?:medicine|medicines|medication|medications|pills|tablets|treatment|drugs|antibiotics|antivirals?|injections|cream|creams|spray|mouthwash|mouth rinse|ointment|lotion|drops|painkillers"
               # aids a person now lives with: "needs hearing aids now", "uses a stick since the neuropathy"
               r"|hearing aids?|aids|walking stick|stick|walker|frame|wheelchair|splints?|brace)")
_TAKES_FOR_IT = re.compile(
    rf"\b(?:need|needs|needed|take|takes|taking|took|on|prescribed|given|gave (?:me|him|her|them)|using|uses|use|wear|wears|wearing)\s+"
    rf"(?:\w+\s+){{0,2}}?{_TREATMENTS}\b"
    r"|\b(?:take|takes|taking|took|need|needs|needed|use|uses|using|on)\s+\w+\s+for (?:it|them|that|this|the \w+|her \w+|his \w+|my \w+)\b"
)
# Kinds of treatment that are not the one a question requires ("she had pneumonia but only antibiotics").
_OTHER_TREATMENT = re.compile(
    r"\b(?:only|just)\s+(?:\w+\s+)?(?:antibiotics?|antivirals?|inhalers?|painkillers?|paracetamol|oxygen|rest)\b"
    r"|\b(?:antibiotics?|antivirals?|inhalers?|painkillers?)\s+only\b"
)
_WENT_AWAY = re.compile(
    r"\bwithout (?:any )?(?:treatment|medicine|medication)\b|\b(?:went|go|goes|gone) away (?:by itself|on its own)\b"
    r"|\bcleared (?:up )?(?:by itself|on its own)\b|\bno (?:treatment|medicine|medication) (?:was )?needed\b"
)


def against_the_threshold(text: str, words, polarity: Polarity) -> Optional[Reading]:
    """The question says what makes it count, and the reply says whether that was so.

    "Lung inflammation that needed steroids": "pneumonia, antibiotics only, no steroids" and "it went away
    without any treatment" are a no. "More than mild means it needs treatment or limits what you can do":
    "neuropathy, I take gabapentin for it" and "he can't do up his buttons" are a yes."""
    if polarity.value not in (None, NO) or polarity.hedged or set(text.split()) & _STRONG_YES:
        return None
    if words.required_treatment:
        required = "|".join(re.escape(stem(word)) for word in words.required_treatment)
        said = [m for m in re.finditer(rf"\b(?:{required})\w*", text)]
        denied = [m for m in said if re.search(r"\b(?:no|not|never|without|any)\s+(?:\w+\s+)?$", text[: m.start()])]
        if said and len(denied) == len(said):
            return Reading(NO, 0.85)  # "antibiotics only, no steroids"
        if not said and (_WENT_AWAY.search(text) or _OTHER_TREATMENT.search(text)):
            return Reading(NO, 0.85)  # "it went away without any treatment", "only antibiotics"
        return None
    named_thing = any(all(any(names_topic(w, frozenset({t})) for w in text.split()) for t in thing)
                      for thing in words.treated_things)
    if polarity.value is None and (words.counts_if_treated or named_thing):
        if _TAKES_FOR_IT.search(text) or (words.counts_if_treated and re.search(
                r"\bneeds?\s+(?!to\b|a\b)\w+\s+(?:most days|every day|daily|each day|all the time|every night)\b", text)):
            return Reading(YES, 0.85)  # "neuropathy in my feet, I take gabapentin for it"
    if polarity.value is None and words.counts_if_limited and _MAKES_IT_HARD.search(text) \
            and not has_phrase(text, _DIMINISHERS):
        return Reading(YES, 0.85)  # "numb fingers, it makes doing up buttons hard": it limits what he can do
    if polarity.value == NO and polarity.confidence <= 0.5 and words.counts_if_limited:
        rest = re.sub(r"\b(?:can|could) not (?:\w+)\b|\bunable to\b", " ", text)
        if rest != text and not set(rest.split()) & _NEGATIONS and not re.search(r"\bnever\b", rest):
            return Reading(YES, 0.85)  # "he can't do up his buttons": it limits what he can do
    return None


# "nothing that stops me", "it doesn't get in the way", "does not bother her": a side effect that limits nothing.
_LIMITS_NOTHING = re.compile(
    r"\b(?:nothing|not|never|none)\s+(?:that |which |really |at all |much )?(?:stops?|stopping|limits?|limiting|bothers?|"
    r"bothering|gets? in (?:the|my|her|his) way|getting in the way|keeps? (?:me|her|him|them) from|affects? (?:my|her|his|their) "
    r"(?:daily life|day|life|work))\b")


def limits_nothing(text: str, words, polarity: Polarity) -> bool:
    """"Just a bit tired, nothing that stops me", "mild numbness, it does not bother her" to "side effects more
    than mild (needs treatment or limits what you can do)?": a small thing whose one negation says it
    limits nothing. Not with anything serious or any treatment beside it."""
    if not (words.asks_severity and words.counts_if_limited) or polarity.value != NO or polarity.confidence > 0.5:
        return False
    denial = _LIMITS_NOTHING.search(text)
    if not denial or not has_phrase(text, _DIMINISHERS):
        return False
    rest = text[: denial.start()] + " " + text[denial.end():]
    if _CONTRAST_WORDS.search(text[denial.end():]):
        return False  # "doesn't stop me, but I take gabapentin": what follows may be the yes
    return not set(rest.split()) & _NEGATIONS and not has_phrase(rest, _SERIOUS) and not _TAKES_FOR_IT.search(rest) \
        and not _MAKES_IT_HARD.search(rest) and not re.search(r"\b(?:can|could) not\b", rest)


# "the treatment stopped working", "the chemo isn't working any more": the cancer grew through it.
_TREATMENT_FAILED = re.compile(
    r"\b(?:treatment|chemo|chemotherapy|drug|drugs|medicine|therapy|immunotherapy|tablets|pills|it)\s+"
    r"(?:has\s+|had\s+)?(?:stopped working|stops working|is not working|was not working|no longer works?|"
    r"did not work|does not work|failed)\b")


def says_the_treatment_failed(text: str, words, polarity: Polarity) -> bool:
    """"The scan showed the treatment stopped working, so they switched" to "has a scan shown your cancer grew
    during or after your treatment?" (help: "disease progression"): the treatment failing is the cancer growing.
    Only where the question asks about growth, with no other negation and no hedge."""
    if not words.asks_progression or polarity.hedged or polarity.value == YES:
        return False
    failed = _TREATMENT_FAILED.search(text)
    if not failed:
        return False
    rest = text[: failed.start()] + " " + text[failed.end():]
    return not set(rest.split()) & _NEGATIONS and not re.search(r"\b(?:never|nobody|none|stable|shrinking|shrunk)\b", rest)


# A plan to do something: "they're going to operate", "surgery is booked", "planning an operation".
_PLANNED = re.compile(
    r"\b(?:going to|will|plan|plans|planned|planning|booked|scheduled|due to have|due for|lined up|set for|date for)\b"
    r"|\b(?:is|are|am) \w+ing (?:\w+ )?(?:in|next|on|this|soon|after)\b"
    # "surgery next month", "the op in two weeks", "chemo first, then surgery": a time to come, or a next step.
    r"|\bnext (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    r"|\bin (?:a|one|two|three|four|five|six|\d+) (?:days?|weeks?|months?)(?! ago)\b"
    r"|\b(?:first|after that)\b.*\bthen\b")
# A meeting or a decision to come, not an operation: "in 2 weeks we see the surgeon", "they will tell us if".
_UNDECIDED = re.compile(r"\b(?:if|whether|see|seeing|meet|meeting|talk|discuss|decide|deciding|tell us|consult"
                        r"|consultation|appointment|review|assess|ask|maybe|might|possible)\b")
_CAN_NOT_DO = re.compile(r"\b(\w+) (?:can not|cannot|can't|could not) (\w+)\b|\b(?:can not|cannot|can't) (\w+)\b")


def doing_words(texts) -> frozenset:
    """What the question says cannot be done, and by what: "surgery cannot remove it", a term "can't operate"."""
    found = set()
    for text in texts:
        for match in _CAN_NOT_DO.finditer(text.lower()):
            found |= {stem(word)[:5] for word in match.groups() if word}
    return frozenset(found)


def plans_what_cannot_be_done(text: str, question, words) -> bool:
    """"Stage 2, they're going to operate next month" to "... grown so much that surgery cannot remove it?": the
    reply plans what the question says cannot be done, and names nothing else the question asks about (not
    "it has spread, they will operate on the lump"). Not with a negation or a "but"."""
    return _plans_it(text, question, words) and not _UNDECIDED.search(text)


def plans_a_decision_on_it(text: str, question, words) -> bool:
    """"in 2 weeks we see the surgeon", "next month they will tell us if surgery is possible": a meeting or a
    decision to come about what the question says cannot be done; whether it can is not known yet."""
    return _plans_it(text, question, words) and bool(_UNDECIDED.search(text))


def _plans_it(text: str, question, words) -> bool:
    replied, doing = text.split(), doing_words((question.text.get("self", ""),) + tuple(question.terms))
    if not doing or not _PLANNED.search(text) or set(replied) & _NEGATIONS or _CONTRAST_WORDS.search(text):
        return False
    named = [word for word in replied if names_topic(word, words.topics)]
    return bool(named) and all(stem(word)[:5] in doing for word in named)


# "the scan was fine", "scans have been ok", "partial response, smaller than before": what a scan showed, no growth.
_SCAN_FINE = re.compile(
    r"\b(?:scans?|ct|mri|pet|pet ct|imaging|x ?ray)\b(?: \w+){0,3}? (?:was|were|is|are|has been|have been|came back|looked|looks|"
    r"showed|shows|said)(?: (?!not\b|never\b|no\b)\w+)? (?:fine|ok|okay|well|clear|all clear|stable|good|normal|unchanged|no change)\b"
    r"|\b(?:partial response|complete response|smaller than before|got smaller|getting smaller|shrinking|shrunk|shrank)\b")
_GROWTH = re.compile(r"\b(?:grew|grow|grows|growing|growth|grown|bigger|larger|progress\w*|new|spread|spreading|worse|"
                     r"not responding|stopped working|increase|increased)\b")


def says_the_scan_was_fine(text: str, words, polarity: Polarity) -> bool:
    """"Her tumour markers went up but the scan was fine", "nope, scans have been ok" to "has a scan shown that your
    cancer grew ...?": the scan answers, and it showed no growth. A blood marker going up is not a scan. Not with any
    word of growth, nor a hedge."""
    if not words.asks_progression or polarity.hedged or polarity.value == YES:
        return False
    fine = _SCAN_FINE.search(text)
    # "the scan came back fine, but they found more in the bone scan": a turn after the fine scan.
    # (Not "... my CA 15-3 has gone up a bit though, another scan on the 15th": a marker, a scan still to come.)
    if fine is None or re.search(r"\b(?:but|however|although|until|till|except|apart from)\b|\b(?:found|showed|shows|saw|"
                                 r"shown) (?:\w+ )?(?:more|another|other|new)\b", text[fine.end():]):
        return False
    return not _GROWTH.search(text) \
        and not re.search(r"\b(?:not|never|no longer|worried|concern\w*)\b", text)
