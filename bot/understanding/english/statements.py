"""A reply to a yes/no question with no yes, no or hedge word in it ("she has heart failure",
"I was fine with paclitaxel", "just a rash"), read from what it names and what the
question's own words ask (:mod:`bot.understanding.english.question_words`).

Only used after :func:`~bot.understanding.english.polarity.read_polarity` found no
polarity. Each reading here carries a confidence; below CONFIDENT the assistant asks
a short check, so a guess is never used as an answer.
"""

from __future__ import annotations

import re
from decimal import Decimal

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.english.polarity import (
    _STOPWORDS, _CONTRAST, _DIMINISHERS, _STATE_OK, clauses_around_contrast, _DIMINISHING_NEGATIONS, _NEGATIONS, _ONLY_THAT_NEGATIONS, _SUBJECT, NONE, Polarity, is_wellbeing, names_topic,
)
from bot.understanding.english.asked_things import names_another_asked_thing
from bot.understanding.english.question_words import QuestionWords
from bot.understanding.english.text import has_phrase, remove_phrases

# Words that say a problem was dealt with: the reply may be a no to "active" or "now".
_RESOLVED = (
    "stable", "treated", "cured", "controlled", "resolved", "cleared", "cleared up", "gone", "remission", "healed",
    "shrunk", "shrinking", "went away", "under control", "fixed", "carrier",
)
# Kept steady but still there: "stable on lithium", "controlled with tablets".
_MANAGED = ("stable", "controlled", "well controlled", "under control", "managed", "well managed", "kept stable")
# ... by a treatment that goes on: "stable on lithium", "controlled with tablets", "managed with an inhaler".
_MANAGED_ON = re.compile(r"\b(?:stable|controlled|under control|managed|kept stable)\s+(?:on|with|by)\s+\w+")
# Firm enough to say "not active": "stable since", "cured", "well controlled".
_NOT_ACTIVE = (
    "shrinking", "shrunk", "shrank", "got smaller", "getting smaller",
    "stable", "stable since", "cured", "well controlled", "under control", "in remission", "all gone", "fully recovered",
    "recovered", "no problems now", "no symptoms",
    # a virus that blood tests no longer find ("viral load undetectable", "virus suppressed")
    "undetectable", "not detectable", "suppressed",
    # TB or a virus that is there but asleep is by definition not active
    "latent", "dormant", "inactive",
)
# Kept from doing harm: an answer to "more than a little?", "severe?" ("stable" is not: severe COPD can be stable).
_KEPT_AWAY = ("well controlled", "under control", "well managed", "fully recovered", "all better", "completely better")
_STILL_GROWING = frozenset({"growing", "grown", "grew", "bigger", "active", "worse", "spread", "spreading", "progressed", "new"})
# "hard to do up buttons", "struggles to walk", "has trouble holding a pen": something it limits.
_MAKES_IT_HARD = re.compile(
    r"\b(?:hard|difficult|harder|a struggle|tricky) to \w+|\b(?:struggle|struggles|struggling) (?:to|with) \w+"
    r"|\b(?:trouble|difficulty) (?:\w+ing|with)\b|\bmakes? (?:it )?(?:hard|difficult|harder)\b")
# Words that make a diminished reply serious after all.
_SERIOUS = (
    "severe", "serious", "hospital", "bad", "badly", "awful", "terrible", "grade 3", "grade 4", "stopped", "stop",
    "stops", "unable", "all the time", "constant", "every day", "worse",
)
# "fine with paclitaxel", "had no trouble with it": what the person took without a problem.
_FINE_WITH = re.compile(r"\b(?:was |were |is |are |been )?(?:fine|ok|okay|all right|alright|good) (?:with|on)\b")
_JUST_DOING = re.compile(r"\b(?:just|only|even)\s+(?:by\s+|from\s+)?(?=\w+ing\b)")
_ONLY_THAT = re.compile(r"\b(?:nothing else|none else|that is all|that is it|only|just)\b")
# "it's in her liver now", "spread to his bones"
_IN_A_PLACE = re.compile(
    r"\b(?:it is|it has spread|it spread|spread|moved|gone|it is now)\s+(?:in|into|to)\s+(?:her|his|my|the|their|both)\s+(\w+)"
)
# "he does, three times a week": a do-auxiliary answer followed by how often or when.
_DO_WITH_WHEN = re.compile(
    rf"^{_SUBJECT}\s+(?:do|does)\s+(?:\d+|once|twice|one|two|three|four|every|each)\b"
)


_POORLY = re.compile(r"\b(?:poorly|badly|barely|hardly|un)\s*(?:controlled|treated)\b")
# Dealt with for good: a yes to a question that asks whether something was fully treated.
_DEALT_WITH = ("removed", "taken out", "cut out", "cured", "in remission", "treated with", "fully treated", "excised")
# Not done with, or not early: "still being treated", "it came back", "found late", "stage 4".
_NOT_DONE_WITH = re.compile(
    r"\b(?:still|ongoing|came back|come back|returned|recurred|late|advanced|stage (?:3|4|iii|iv)|"
    r"not|no|never|partly|partially|maybe|might|think|unsure|waiting)\b")
# Words before a state that take it back or leave it open: "poorly controlled", "not yet healed", "was
# controlled until ...", "they're trying to get it controlled".
_STATE_UNDONE = re.compile(
    r"\b(?:poorly|badly|barely|partly|partially|hardly|mostly|somewhat|loosely|half|not|never|no|un|was|were|"
    r"until|till|trying|try|tried|hope|hoping|should|supposed|meant|hard|difficult|getting|get|if|once|when|before)\s+"
    r"(?:\w+\s+){0,2}$")


def states_own_negation_undone(text: str, words: QuestionWords) -> bool:
    """The question asks about a state it negates ("hepatitis that is ... not well controlled", "a wound
    that has not healed") and the reply states it plainly: "hep B, controlled with tablets", "it has
    healed": the opposite of what is asked. Not where it asks "active" too, which the state leaves open. Only a state (a word ending in -ed), said in the present
    with nothing before it that takes it back, and not "until", "any more" or "no longer" after it."""
    states = {phrase.split()[-1] for phrase in words.own_negations if phrase.split()[-1].endswith("ed")}
    if "active" in words.topics:
        # "hepatitis that is active and not well controlled": "controlled with tablets" leaves "active" open.
        return False
    if not states or re.search(r"\b(?:until|till|any ?more|no longer|used to|then|at first)\b", text):
        return False
    for state in states:
        for match in re.finditer(rf"\b{re.escape(state)}\b", text):
            if not _STATE_UNDONE.search(text[: match.start()][-40:]):
                return True
    return False


# "had TB as a child, treated, nothing active now": the reply denies the "now" the question asks about.
_NOTHING_NOW = ("nothing active", "not active", "no longer active", "nothing active now", "not active now", "nothing now",
                "none now", "nothing since", "all clear now", "clear now")


def reads_as_not_active(text: str, words: QuestionWords) -> bool:
    """"Treated two years ago, stable since and no symptoms" to "is it still active?"."""
    rest = remove_phrases(text, _NOTHING_NOW)
    return words.asks_active and (has_phrase(text, _NOT_ACTIVE) or rest != text) \
        and not set(rest.split()) & _STILL_GROWING and not _names_unqualified(text, words)


def _names_what_is_unsure(replied: set, words: QuestionWords) -> set:
    return {word for word in replied if word in words.not_sure_for and word not in words.topics
            and word not in words.help_words_elsewhere}


def _names_what_the_help_calls_unsure(text: str, replied: set, named: set, words: QuestionWords) -> bool:
    """"Fever and chills with the first herceptin, the nurse called it an infusion reaction" where the help says
    "A fever or chills during the drip can be an infusion reaction instead. If that is all it was, say 'not
    sure'": a word of its own from that sentence, and nothing the question asks about that the sentence does not
    say too ("allergic"), nor a sign the help gives of the thing itself ("a rash")."""
    if _CONTRAST.search(text) or not _names_what_is_unsure(replied, words):
        return False
    return all(word in words.not_sure_for for word in named) and not any(names_topic(w, words.signs) for w in replied)


def _names_a_sign_of_the_thing(replied: set, words: QuestionWords) -> bool:
    """The reply names a sign the help says the thing causes ("rash") and, apart from it, something the
    question asks about ("trastuzumab")."""
    signs = {word for word in replied if names_topic(word, words.signs)}
    things = {word for word in replied - signs if names_topic(word, words.topics | words.help_examples)}
    return bool(signs) and bool(things)


def _names_unqualified(text: str, words: QuestionWords) -> bool:
    """The reply names what the question asks without "active" ("cirrhosis"), other than to say it is fine
    ("liver is fine")."""
    plain = re.sub(r"\b\w+ (?:is|are|was|looks|seems) (?:all )?(?:fine|ok|okay|normal|good|healthy)\b", " ", text)
    return any(names_topic(word, words.unqualified_words) for word in plain.split())


_AS_IT_SHOULD = r"(?:normally|fine|well|nicely|ok|okay|as expected|properly|as it should)"


def _kept_in_check_is_the_uncounted_one(replied: set, named: set, words: QuestionWords) -> bool:
    """"had a stroke, blood pressure under control with pills": what is said to be under control is the thing the
    question does not count (two of its words), and another thing it asks about (the stroke) is named beside it, of
    which the reply says nothing."""
    every_not_counted = frozenset().union(*words.not_counted) if words.not_counted else frozenset()
    if not any(len({word for word in replied if _among(word, not_counted)}) >= 2 for not_counted in words.not_counted):
        return False
    own = {word for phrase in words.own_negations for word in phrase.split()}
    return any(not _among(word, every_not_counted) and not names_topic(word, frozenset(own)) for word in named)


def _mends_as_it_should(text: str, words: QuestionWords) -> bool:
    """The question asks about a state it negates that comes with time ("a wound that has not healed") and the reply
    says it is on its way there, as it should be: "healing normally", "healing nicely". Not "healing very slowly", nor
    with any other negation ("not healing")."""
    if re.search(r"\b(?:not|never|no|slow|slowly|badly|poorly|still open|weeping)\b", text):
        return False
    for phrase in words.own_negations:
        last = phrase.split()[-1]
        mends = re.search(rf"\b{re.escape(last[:-2])}ing (?:\w+ )?{_AS_IT_SHOULD}\b", text) \
            if phrase.startswith("not ") and last.endswith("ed") and len(last) > 5 else None
        # "healing normally until it got infected, now it's open again": a later turn takes it back.
        if mends and not re.search(r"\b(?:until|till|but|though|then|again|open|infected|worse|except|apart from)\b",
                                   text[mends.end():]):
            return True
    return False


def read_statement(text: str, words: QuestionWords) -> Polarity:
    """"She has heart failure" to "any heart disease?" is a yes; "only letrozole" to "any
    chemotherapy?" names nothing the question asks about, so it is no answer."""
    replied = set(text.split())
    if replied & _NEGATIONS and not has_phrase(text, _DIMINISHING_NEGATIONS + _ONLY_THAT_NEGATIONS):
        return NONE
    if words.answers_no_for and re.search(
            rf"(?:\b(?:i am|he is|she is|they are|am|is)\s+|^)(?:a |an )?(?:{'|'.join(words.answers_no_for)})\b", text):
        return Polarity(NO, 0.85)  # "he's a man", "male", where the help says "Men can answer no"
    if words.answers_no_because and not _CONTRAST.search(text) \
            and any(reason[:6] in word for word in replied for reason in words.answers_no_because if len(reason) >= 6) \
            and not any(names_topic(word, words.topics) for word in replied):
        # "had a hysterectomy", "postmenopausal", where the help says women after one can answer no
        return Polarity(NO, 0.85)
    named = {word for word in replied if names_topic(word, words.topics)}
    if _names_what_the_help_calls_unsure(text, replied, named, words):
        return Polarity(NOT_SURE, 0.85)  # "fever and chills with the first herceptin": the help says "not sure"
    excluded = _names_what_is_not_counted(text, replied, named, words)
    if excluded:
        return Polarity(NO, 0.85)  # "an underactive thyroid, nothing else": the question says not to count it
    if words.asks_only:
        only = _only_what_is_asked(text, words)
        if only is not None:
            return only
    if _mends_as_it_should(text, words):
        return Polarity(NO, 0.8)  # "a cut last week, but it's healing normally" to "a wound that has not healed?"
    growing = bool(replied & _STILL_GROWING)
    contrast = bool(_CONTRAST.search(text))
    # "she has AF but it's well controlled": the "but" brings the answer. "Stable, but causing
    # headaches": it takes it back.
    _, after = clauses_around_contrast(text)
    resolved_last = not contrast or has_phrase(after, _RESOLVED)
    stated_plainly = states_own_negation_undone(after if contrast else text, words) and not words.umbrella
    # "cirrhosis, but hep B is stable" names what the question asks without "active": not a no.
    unqualified = _names_unqualified(text, words)
    if (words.asks_active or stated_plainly) and (has_phrase(text, _NOT_ACTIVE) or stated_plainly) \
            and not growing and resolved_last and not unqualified \
            and not _kept_in_check_is_the_uncounted_one(replied, named, words):
        return Polarity(NO, 0.8)  # "treated, scans stable since" to "is it still active?"
    if words.asks_severity and not words.umbrella and has_phrase(text, _KEPT_AWAY) and not growing and resolved_last \
            and not has_phrase(text, _SERIOUS) and not unqualified:
        return Polarity(NO, 0.8)  # "asthma, well controlled with an inhaler" to "hard to breathe, more than a little?"
    # "out of breath just walking to the toilet": "just" before what is done makes it more, not less.
    diminished = has_phrase(_JUST_DOING.sub(" ", text), _DIMINISHERS) or has_phrase(text, _DIMINISHING_NEGATIONS)
    if diminished:
        if words.asks_possibility and named and not contrast:
            return Polarity(YES, 0.85)  # "mild interstitial changes" to "has a scan shown possible signs?"
        if not words.asks_severity and not words.umbrella and not contrast and _names_a_sign_of_the_thing(replied, words):
            # "a mild rash during trastuzumab" to "an allergic reaction to an antibody drug?", where the help says a
            # reaction can cause a rash: mild or not, it is what is asked.
            return Polarity(YES, 0.85)
        if words.asks_severity and not has_phrase(remove_phrases(text, _DIMINISHING_NEGATIONS), _SERIOUS) \
                and not (words.counts_if_limited and _MAKES_IT_HARD.search(text)):
            return Polarity(NO, 0.8)  # "just a mild rash" to "a severe reaction?"
        return NONE
    if words.asks_treated_in_full and re.search(r"\bstill (?:being |having |on |under |getting )?(?:treated|treatment|chemo|radiotherapy)\b", text) \
            and not contrast:
        return Polarity(NO, 0.85)  # "she is still being treated for it" to "was it fully treated?": not yet
    if words.asks_treated_in_full and _NOT_DONE_WITH.search(re.sub(r"\b(?:not|no|never|maybe|might|think)\b", " ", text)):
        return NONE  # "stage 4 when found, the lump removed": not early, not done with: the person says which
    if words.asks_treated_in_full and not contrast and not growing and not _NOT_DONE_WITH.search(text) \
            and (has_phrase(text, _DEALT_WITH) or has_phrase(text, ("all clear", "clear since", "no sign", "cancer free"))):
        # "early cervical, cone biopsy, all clear since" to "was it found early and fully treated?": the good outcome
        # the question asks about.
        return Polarity(YES, 0.85)
    if is_wellbeing(text) or _STATE_OK.search(text):
        if growing and words.asks_progression:
            return NONE  # "scan fine in June, the one in November showed it grew": fine then, grown since
        if named and not words.asks_consent and not contrast:
            fine_with = _FINE_WITH.sub(" no problem with ", text)
            if fine_with == text and words.asks_ever:
                # "a heart attack in 2019, all fine now" to "have you ever had ...?": it was had. Check.
                return Polarity(YES, 0.5)
            if names_another_asked_thing(fine_with, words.topics, words.asked):
                return Polarity(NO, 0.5)  # "allergic to paclitaxel, fine with capecitabine": which part answers?
            return Polarity(NO, 0.8)  # "I was fine with paclitaxel" to "a reaction to paclitaxel?"
        return NONE
    if named:
        # "hep C, poorly controlled" says what is asked ("not well controlled"), not that it was dealt with.
        resolved = has_phrase(_POORLY.sub(" ", text), _RESOLVED)
        if resolved and words.asks_active and not growing and resolved_last:
            # "he had TB as a child but it was treated" to "is it active now?": the team checks.
            return Polarity(NOT_SURE, 0.85, hedged=True)
        if resolved and not growing and _MANAGED_ON.search(text) and not has_phrase(remove_phrases(text, _MANAGED), _RESOLVED) \
                and not (words.asks_active or words.asks_window or words.asks_severity or words.umbrella or contrast
                         or words.asks_possibility or words.ability_words):
            # "bipolar disorder, stable on lithium" to "do you have a mental health condition?": kept steady, still had.
            return Polarity(YES, 0.85)
        if resolved and not growing:
            return Polarity(YES, 0.5)  # "treated, stable since": a yes to "ever", a no to "active": check
        if words.umbrella and _ONLY_THAT.search(text):
            # "allergic to penicillin, that's all" to a list that has "an allergy to a drug made from
            # antibodies": the person names the one thing they wonder about. Whether it is the line of
            # the list it shares a word with is for them to say: check.
            return Polarity(YES, 0.6)
        return Polarity(YES, 0.6 if _CONTRAST.search(text) else 0.85)
    helped = {word for word in replied if names_topic(word, words.help_examples)}
    if helped and not _CONTRAST.search(text) and not has_phrase(text, _RESOLVED):
        return Polarity(YES, 0.8)  # names an example the help gives ("psoriasis")
    place = _IN_A_PLACE.search(text)
    if place and names_topic(place.group(1), words.spread_places):
        return Polarity(YES, 0.85)  # "it's in her liver now" to "has it spread?"
    if _DO_WITH_WHEN.search(text):
        return Polarity(YES, 0.85)
    if re.match(rf"{_SUBJECT}\s+(?:do|does|did|have|has|will|would|had)\b", text):
        return Polarity(YES, 0.7)  # "she has AF": probably a yes, so check
    return NONE


# "mainly", "also", "as well": there is more than what the reply names.
_MORE_THAN = re.compile(r"\b(?:mainly|mostly|also|as well|plus|too|besides|on top of)\b")
_ONLY_PARTS = re.compile(r"\b(?:and|also|plus|but|though|although|as well as|as well|too|besides)\b|\|")


def _only_what_is_asked(text: str, words: QuestionWords) -> Polarity | None:
    """"Are those side effects only hair loss, or tingling that is not severe?": "just pins and needles" and
    "hair loss only" say only that (the question's own "only"), a yes; "mainly numb toes, and his hearing got
    worse" and "also tired all the time" name something more, a no."""
    parts = [part for part in _ONLY_PARTS.split(text) if part.strip()]
    def names_something(part):
        return any(names_topic(word, words.topics | words.help_examples) for word in part.split())
    def names_something_else(part):
        content = {word for word in part.split() if len(word) >= 4 and word not in _STOPWORDS and word not in _COMMENT}
        return bool(content) and not names_something(part)
    if _MORE_THAN.search(text) and any(names_something_else(part) for part in parts):
        return Polarity(NO, 0.85)
    if any(names_something(part) for part in parts) and not any(names_something_else(part) for part in parts) \
            and _ONLY_THAT.search(text) and not has_phrase(remove_phrases(text, _DIMINISHING_NEGATIONS), _SERIOUS) \
            and not _CONTRAST.search(text):
        return Polarity(YES, 0.85)
    return None


# "never any other radiation", "no operations ever", "nothing else ever": a part that denies names nothing had.
_DENIED_PART = re.compile(r"\b(?:no|never|nothing|none)\b(?: (?:any|other|an?|had|have|has|been|ever|else|more|further))*"
                          r"(?: (?!but\b|and\b)[a-z]+)?(?: ever| else| at all)?")


def names_what_is_not_counted(text: str, words: QuestionWords) -> bool:
    """The reply names only something the question says not to count ("a steroid shot into her knee"). What it
    denies besides ("a needle biopsy, never had an operation") is not something else named."""
    denied = " ".join(_DENIED_PART.sub(" ", text).split())
    # "no other radiation except the course to the neck", "never had an operation until last week": an exception to
    # the denial, or its end, names something. Not read.
    if denied and denied != text and not re.search(r"\b(?:except|apart from|other than|besides|but|bar|only|until|till|before|up to)\b", text[
            _DENIED_PART.search(text).start():]) and _names_only_what_is_not_counted(denied, words):
        return True
    return _names_only_what_is_not_counted(text, words)


def _names_only_what_is_not_counted(text: str, words: QuestionWords) -> bool:
    replied = set(text.split())
    named = {word for word in replied if names_topic(word, words.topics)}
    if words.low_dose and any(Decimal(dose) > words.low_dose[0] for dose in _DOSE.findall(text)):
        return False  # "prednisone 40mg daily, a knee injection in October": a dose that counts is named
    return _names_what_is_not_counted(text, replied, named, words) or _under_the_low_dose(text, named, words)


_DOSE = re.compile(r"\b(\d+(?:\.\d+)?) ?(?:mg|mgs|milligrams?)\b")


def _under_the_low_dose(text: str, named: set, words: QuestionWords) -> bool:
    """"5 mg of prednisolone every day, nothing else" where the help says not to count a low dose ("10 mg of
    prednisone a day or less"): one dose, a day, at most the help's, of that drug only (not "dexamethasone"),
    and no other part that names something ("... and a steroid drip in May")."""
    doses = _DOSE.findall(text)
    if not words.low_dose or len(doses) != 1 or Decimal(doses[0]) > words.low_dose[0] \
            or not re.search(r"\b(?:a|per|each|every|one) day\b|\bdaily\b|\bmornings?\b", text):
        return False
    drug = words.low_dose[1]
    return bool(named) and all(word.startswith(drug) for word in named) and not _PARTS.search(text)


# A "does not count" sentence about something kept in check ("high blood pressure that is under control with pills",
# "an underactive thyroid treated with pills") does not cover a reply that says it is not kept in check.
_KEPT_IN_CHECK = frozenset({"control", "controlled", "treated", "pills", "needs", "insulin", "thyroxine"})
_SAYS_KEPT = re.compile(r"\b(?:controlled|under control|normal|fine|ok|okay|good|stable|managed|pills|tablets|meds|"
                        r"medication|medicine|insulin|thyroxine|levothyroxine|takes?|taking)\b")
_DESPITE = re.compile(r"\b(?:still|even (?:on|with)|despite|uncontrolled|not (?:well |fully |properly )?controlled|"
                      r"not under control|poorly|badly|out of control|keeps? (?:going|getting) up|not working)\b")


def _names_what_is_not_counted(text: str, replied: set, named: set, words: QuestionWords) -> bool:
    """The reply names one of the things the question says not to count, and nothing else it asks about.
    One of the words it shares with that sentence must be the sentence's own: "prednisone" alone is in
    "a low dose of prednisone" and in the question too, so "only prednisone" is not the low dose. A part
    of the reply that names something else ("a glass of wine now and then, but I'm on antidepressants")
    may be what is asked: then it is not only what does not count."""
    every_not_counted = frozenset().union(*words.not_counted) if words.not_counted else frozenset()
    for not_counted in words.not_counted:
        if not_counted & _KEPT_IN_CHECK and _DESPITE.search(text):
            continue  # "still very high even on 3 pills": what the sentence says is kept in check is not
        if not_counted & {"control", "controlled", "keep", "kept"} and not _SAYS_KEPT.search(text):
            continue  # "very high blood pressure" to "... blood pressure that is under control with pills does not count"
        shared = {word for word in replied if _among(word, not_counted)}
        # "steroid" in "a steroid shot into the knee" is also in "steroid creams": no other thing named.
        # "a cortisone injection in the knee": a name of the thing asked that says what the shot was is not another thing.
        qualifies = re.compile(rf"\b(\w+) (?=(?:\w+ )?(?:{'|'.join(map(re.escape, shared))})\b)") if shared else None
        qualifiers = {match.group(1) for match in qualifies.finditer(text)} if qualifies else set()
        # "had a stroke, blood pressure under control": a thing the question asks on its own ("a stroke") next to
        # what does not count is another thing named, not a word that says what it is (the comma is gone here).
        qualifiers -= {word for word in qualifiers if frozenset({word}) in words.asked.groups
                       and word not in words.asked.ignored}
        others = {
            word for word in replied
            if (word in named or names_topic(word, words.help_examples)) and not _among(word, every_not_counted)
            and word not in qualifiers
        }
        if others or not {word for word in shared if not names_topic(word, words.topics)}:
            continue
        if _another_part_names_something(text, every_not_counted):
            continue
        if len(shared) >= 2 or (shared and _ONLY_THAT.search(text)):
            return True
    return False


# Words that comment on what a reply names rather than name something: "the doctor says it's nothing serious".
_COMMENT = frozenset(
    "doctor doctors nurse says said told tells thinks nothing serious worry worried fine okay well good mild minor "
    "small little sometimes often usually really much else ever once twice time times since ago later "
    "stable controlled treated cured gone fully better normal".split()
)
_PARTS = re.compile(r"\b(?:but|and|also|plus|as well as|though|although|however|besides|apart from)\b")


def _another_part_names_something(text: str, not_counted: frozenset) -> bool:
    """A part of the reply, between "and", "but", "also" ..., that shares no word with what is not counted
    and has a word of its own ("i am on antidepressants")."""
    for part in _PARTS.split(text):
        content = {word for word in part.split() if len(word) >= 4 and word not in _STOPWORDS and word not in _COMMENT
                   and not has_phrase(word, _ONLY_THAT_NEGATIONS)}
        if content and not any(_among(word, not_counted) for word in part.split()):
            return True
    return False


def _among(word: str, words: frozenset) -> bool:
    """The word, its singular or its plural is one of ``words`` ("shot" and "shots"), or it shares its first
    six letters with a long one ("transfusions"; five, as "trans", would make "transplant" one too)."""
    if word in words or (len(word) >= 3 and (word + "s" in words or (word.endswith("s") and word[:-1] in words))):
        return True
    return len(word) >= 6 and any(len(other) >= 6 and other[:6] == word[:6] for other in words)
