"""Yes, no or not sure: the one place that decides the polarity of an English reply.

Every question type asks this module (a yes/no question, "never" to a "how long
ago" question, "none" to a count, "no" among a choice's answers), so a negation
is read the same way everywhere. The order of the checks is what keeps a "no"
from turning into a "yes":

1. phrases whose words mislead ("no doubt" is a yes, "not to my knowledge" is a
   no, "not sure" is neither) are settled first and taken out;
2. hedges ("I think so", "probably not") mean "not sure", and the reading says so;
3. any negation left ("not", "never", "nobody", "none", "n't") makes a no, and
   an explicit yes word next to it is a contradiction, so nothing is guessed;
4. only then does a yes word, an intensifier or "she has" make a yes.

A reply with no polarity at all ("she had a clot in June") gets no value here;
the reader may then ask a short check instead of guessing.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.english.text import has_phrase, remove_phrases

# Said with a negation but meaning yes.
_YES_DESPITE_NEGATION = (
    "no problem", "no problem at all", "not a problem", "no objection", "no objections", "no doubt", "no doubt about it", "without a doubt", "without doubt", "no question", "no question about it",
    "can not deny", "why not", "not wrong", "you are not wrong", "i can not say no", "no denying",
    # "wouldn't say no to that, whatever helps": a willing yes
    "would not say no", "i would not say no", "would not say no to that",
)
# Knowledge qualifiers that are plain noes ("not to my knowledge").
_NO_AS_FAR_AS_KNOWN = (
    "not to my knowledge", "not that i know of", "not that i know", "not as far as i know", "not that i am aware of",
    "not that i am aware", "none that i know of", "not that we know of", "nothing that i know of",
    "nobody ever mentioned it", "nobody ever said", "no one ever mentioned it", "no one ever said",
    "never been told", "never told", "nobody told us", "no one told us",
)
_NOT_SURE = (
    "not sure", "still pending", "results pending", "result is pending", "is pending", "awaiting", "think about it", "never found out", "did not find out", "not found out", "never knew", "do not know which", "need to think", "have to think", "still waiting", "waiting for the result",
    "waiting for results", "waiting on the result", "waiting on results", "waiting to hear", "not back yet", "unsure", "do not know", "dont know", "no idea", "no clue", "not a clue", "have not got a clue",
    "dunno", "idk", "not certain", "uncertain", "can not remember", "do not remember", "can not recall",
    "do not recall", "forgot", "forget", "hard to say", "can not say", "could not say", "could not tell you",
    "can not tell", "beats me", "who knows", "not know", "no way to know", "need to check", "have to check",
    "have to ask", "need to ask", "would need to check", "would have to check", "ask the doctor", "ask her doctor",
    "ask his doctor", "ask my doctor", "ask the nurse", "check with", "look it up", "not clear", "unclear",
    "yes and no", "not 100% sure", "not entirely sure", "not positive", "50/50", "fifty fifty",
    "do not understand", "did not understand", "not understand", "do not get the question", "not following",
    # wanting to talk it over first: not decided yet
    "need to talk to", "have to talk to", "want to talk to", "would like to talk to", "talk it over", "discuss it with",
    "need to discuss", "want to discuss", "have to discuss",
    # not wanting to say leaves the answer open: the study team asks in person
    "prefer not to say", "rather not say", "prefer not to answer", "rather not answer", "prefer not to tell",
    "rather not tell", "no comment", "rather keep that private", "prefer to keep that private",
)
# "never checked", "has not been tested", "nobody looked at it": no one has looked, so the answer is
# not known (unlike "never been told", a no): not sure.
_NEVER_LOOKED = re.compile(
    r"\b(?:never|not|nobody|no one|not yet)\s+(?:has\s+|have\s+|had\s+|ever\s+|been\s+|had (?:it|that|them)\s+|got (?:it|that)\s+|properly\s+)*"
    r"(?:checked|tested|investigated|examined|scanned|looked (?:at|into)|seen (?:to|by a doctor|a doctor))\b"
    r"|\b(?:have|has|had|did) not (?:seen|asked|been to) (?:a|the|any) (?:doctor|gp|specialist)\b"
)
# "they haven't done the biopsy yet", "not had the scan yet": the test that would tell is still to come. (Where the
# question asks about that test itself, "not had the biopsy yet" is a no: the caller passes its topics.)
_TEST_NOT_DONE_YET = re.compile(
    r"\b(?:not|never)\s+(?:\w+\s+)?(?:done|had|taken|got|did)\s+(?:the |a |any |his |her |my )?"
    r"(biopsy|biopsies|scan|scans|test|tests|pet|mri|ct)\b(?:\s+\w+){0,3}?\s+yet\b")
# Knowledge qualifiers after a plain negation ("no spread as far as we know"): the same as
# "not that we know of", a no, never a hedge.
_KNOWLEDGE_QUALIFIERS = ("as far as i know", "as far as we know", "as far as i can tell", "as far as we can tell",
                         "as far as i am aware", "as far as we are aware", "to my knowledge", "to our knowledge")
# "waiting on the FISH", "waiting for the scan results": the answer is not known yet.
_WAITING = re.compile(r"\bwaiting (?:for|on) (?:the |my |his |her |their )?(?:\w+ ){0,2}(?:results?|scan|biopsy|fish|ish|test|report|tests)\b")
# "they are checking for mets, results next week": a test whose answer is still to come. (Not "just checking for
# my brother": the person's own looking.)
_PENDING = re.compile(r"\b(?:they|doctors?|the team|nurses?) (?:are|were|is|was|will be|have been) (?:still )?"
                      r"(?:checking|testing|looking|screening) (?:him |her |me |them |it )?for\b"
                      r"|\bresults? (?:are |is |will be |should be )?(?:due|next|coming|expected|pending|in \d+ days)\b"
                      # "a fever on and off, they're doing blood cultures, no diagnosis yet" (tests alone may be what is
                      # asked: "doing tests to see if he can get a kidney" is being checked for a transplant)
                      r"|\bno (?:diagnosis|answer|result|results) yet\b")
# Words of a plain answer beside a test to come or a thing not known.
# "... but he already has CVID" (a thing had, after a turn); "if a stem cell counts, he had one" (asks what counts).
_ANSWER_BESIDE = re.compile(r"\b(?:yes|yeah|yep|no|nope|never|counts?|count as)\b"
                            r"|\bbut (?:i|he|she|they|we) (?:already )?(?:have|has|had|got)\b")
# "I have HIV", "he had a kidney transplant", "he already has CVID": a thing asked about, had.
_HAS_IT = re.compile(r"\b(?:i|he|she|they|we) (?:already )?(?:have|has|had|got)(?: got)? (?:an? |the )?(\w+(?: \w+)?)")
# A lead-in that names the answer the person wishes they could give ("I'd love to say no, but yes").
_WISHED_ANSWER = re.compile(r"\b(?:i|we) (?:would|had) (?:love|like|prefer|rather) to say (?:yes|no)\b|\b(?:i|we) wish i could say (?:yes|no)\b")
# Negations that only make something smaller ("nothing serious", "it's not bad"): no answer of their own.
_DIMINISHING_NEGATIONS = (
    "not bad", "not too bad", "not that bad", "not so bad", "nothing serious", "not serious", "nothing much",
    "not much", "nothing major", "not major", "nothing big", "not severe", "nothing severe", "nothing to worry about",
)
# A reply that ends on its own conclusion: "..., so yes", "so I guess no".
_CONCLUSION = re.compile(
    r"(?<!think )(?<!guess )(?<!believe )(?<!hope )(?<!suppose )(?<!reckon )(?<!afraid )"
    r"\bso (?:i guess |i would say |i think |basically )?(yes|yeah|yep|no|nope)\s*$"
)
# "not yet, though the kidney doctor says I might need it one day": a no now, a maybe later.
_FUTURE_AFTER_NO = re.compile(
    r"^((?:no|nope|not yet|never|not at the moment|not now|no not yet))\s+(?:but|though|although)\b"
    r".*\b(?:one day|some day|someday|in the future|later on|eventually|at some point|might need|may need)\b"
)
# "it's not bad" goes as a whole: "it is" left alone would read as a yes.
_DIMINISHING_CLAUSE = re.compile(
    r"\b(?:(?:it|that|this|they|she|he|which|these|those) (?:is|was|are|were|has been|have been) )?"
    rf"(?:{'|'.join(re.escape(p) for p in sorted(_DIMINISHING_NEGATIONS, key=len, reverse=True))})\b"
)
# "the nurses can never find a vein", "spots that haven't been treated": a negated verb that
# describes something (not a person's answer, which _ANSWERING_NEGATION finds).
_DESCRIBING_NEGATION = re.compile(
    r"\b(?:can|could|will|would|do|does|did|have|has|had|is|are)\s+(?:not|never)\s+(?:been\s+)?([a-z]{3,})")
# "an underactive thyroid, nothing else": the reply is all there is, not a no.
_ONLY_THAT_NEGATIONS = (
    "nothing else", "nothing more", "none else", "nothing other than that", "that is all", "that is it",
    "that is about it", "and that is all",
)
# "yes, it was taken out, no further treatment needed": after a yes, what was done was enough, not a no.
_NOTHING_MORE_NEEDED = (
    "no other treatment needed", "no further treatment needed", "no more treatment needed", "no other treatment was needed",
    "no further treatment was needed", "no other treatment required", "no further treatment required",
    "did not need any other treatment", "did not need any further treatment", "did not need other treatment",
    "did not need further treatment",
)
# "is ok", "are fine": how something is, not a yes word.
_STATE_OK = re.compile(
    r"(?<!\bit )(?<!\bthat )(?<!\bthis )\b(?:is|are|was|were|seems?|looks?|feels?) (?:all )?(?:ok|okay|fine|alright|all right)\b"
)
# A correction inside the reply ("yes... well no, actually not"): the words after it are the answer.
_CORRECTION = re.compile(
    r"\b(?:well|actually|i mean|sorry|wait|no wait|oh wait|scratch that|correction|on second thought)\s+"
    # "yes, sorry, misread, no": what went wrong, then the answer
    r"(?:(?:i )?(?:misread|misread it|misunderstood|read it wrong|got it wrong|my mistake|my bad|typo|wrong button)\s+)?"
    r"(?=(?:yes|yeah|yep|no|nope|not|never)\b)"
)
# A slip owned at the very end, with no answer after it: what came before is taken back.
_TAKEN_BACK_AT_THE_END = re.compile(r"\b(?:sorry|oops|oh)\s+(?:i )?(?:wrong button|pressed the wrong \w+|misread(?: it)?|"
                                    r"misunderstood|read it wrong|got it wrong|my mistake|my bad|typo|ignore that)\s*$")
# "not absolutely sure", "not entirely certain"
_NOT_QUITE_SURE = re.compile(r"\bnot (?:\w+ly |entirely |totally |completely |quite |100% |at all )?(?:sure|certain)\b")
# "I don't really know what stage it was", "I didn't catch what": not knowing, with a word between, is still not
# knowing; read as a plain negation it would be a no.
_NOT_KNOWING = re.compile(
    r"\b(?:do|does|did|can|could) not (?:really |actually |honestly |even |quite |fully |exactly |truly |rightly |properly )"
    r"(?:know|remember|recall|understand)\b"
    r"|\b(?:did|do|could|can) not (?:quite |really )?(?:catch|hear|get|follow) (?:what|which|it|that|the (?:name|result|details))\b")
# A hedge turns an answer into "not sure" ("I think so", "probably not").
_HEDGES = (
    "i think", "i think so", "think so", "i believe", "believe so", "i guess", "guess so", "i suppose", "suppose so",
    "i reckon", "reckon so", "probably", "probably not", "likely", "unlikely", "most likely", "maybe", "perhaps",
    "possibly", "might", "might have", "may have", "may be", "could be", "could have", "i doubt it", "doubt it",
    "i doubt", "seems", "seem to", "i would imagine", "i imagine", "presumably", "apparently", "supposedly",
    "i assume", "do not think", "do not believe", "would not think", "do not reckon", "as far as i know", "as far as i can tell", "as far as i remember", "if i remember",
    "i would say", "kind of", "sort of", "not really sure", "more or less", "as far as we know", "as far as we can tell",
)
# Firm enough to lean: these do not make a hedge.
_LEANING = (
    "pretty sure", "quite sure", "fairly sure", "almost certain", "almost certainly", "i am sure", "i am certain",
    "very sure", "100% sure", "absolutely sure", "i know", "i am positive",
)
_NEGATIONS = {
    "no", "not", "never", "nope", "nah", "none", "nothing", "nobody", "neither", "nor", "n", "nay", "negative",
    "nil", "nada", "noway",
}
_NEGATION_PHRASES = ("no one", "not once", "no way", "not at all", "not really", "not yet", "at no time")
# These say "not now" about something that may have been true before: a no to
# "do you still..." and a yes to "have you ever...", so the reader checks.
_NO_LONGER_NOW = ("not anymore", "not any more", "no longer", "not now", "not currently", "stopped")
_NO_LONGER_BEFORE = ("used to", "in the past")
# "healthy apart from the cancer": the cancer the study is for is not another answer.
_THE_CANCER_ITSELF = re.compile(r"\b(?:apart from|except for|except|other than|besides) (?:the|her|his|my|this|their|our) cancer\b")
_STOPPED_BY_OTHERS = re.compile(
    r"\b(?:they|the doctors?|doctors|the nurses?|nurses|the hospital|the oncologist|the team)\s+(?:\w+ly\s+|then\s+)?"
    r"(?:stopped|had to stop|decided to stop)\b"
)
# "No problem" after the thing asked about says how the thing is ("asthma, inhaler now and then, no problem").
_NO_PROBLEM = re.compile(r"\b(?:no problems?|not a problem|not a big problem|no real problem)(?: at all| with it| now)?\b")
_STRONG_YES = {
    "yes", "yeah", "yep", "yup", "ya", "yea", "yah", "y", "correct", "true", "affirmative", "indeed", "sure",
    "ok", "okay", "aye", "positive", "right", "yessir", "uh-huh",
}
_STRONG_YES_PHRASES = ("happy to", "fine by me", "that is fine", "that is ok", "i agree", "agreed", "go ahead",
                       "willing", "that is right", "that is correct", "uh huh", "you bet", "afraid so", "sadly so",
                       "unfortunately so", "i am afraid so", "that is true", "it is true", "for sure",
                       "whatever helps", "whatever it takes", "whatever you need", "anything that helps")
# An intensifier alone is a yes ("absolutely"); with a negation it is a strong no ("absolutely not").
_INTENSIFIERS = (
    "definitely", "absolutely", "certainly", "of course", "surely", "totally", "really", "sure thing", "sadly",
    "unfortunately", "obviously", "clearly", "undoubtedly", "100%", "completely", "always", "yes indeed",
)
_SUBJECT = (
    r"(?:i|you|she|he|they|we|it|that|this|her|him|my \w+|our \w+|the patient|the person|mum|mom|dad|mother"
    r"|father|husband|wife|son|daughter|partner)"
)
_AUXILIARY = r"(?:have|has|had|did|do|does|is|am|are|was|were|will|would|can|could|shall|should|must|got)"
# "she has", "sadly, he did", "yes she has had it": a subject and an auxiliary with at most filler after.
_FILLER = r"(?:\s+(?:had|been|got|done|do|on|it|that|this|so|one|them|once|too|also|already|before|indeed|yes|actually|twice|some|all))*"
_BARE_STATEMENT = re.compile(rf"(?:^|\s){_SUBJECT}(?:\s+(?:\w+ly|sure|really))?\s+{_AUXILIARY}{_FILLER}\s*$")
# Statements about feeling well: a no to "do you have a problem", a yes to "would you agree".
_WELL = ("fine", "all good", "all clear", "healthy", "normal", "well", "good")


@dataclass(frozen=True)
class Polarity:
    """``value`` is yes, no, not_sure or None; ``hedged`` when a hedge made it "not sure"."""

    value: Optional[str]
    confidence: float
    hedged: bool = False
    no_longer: bool = False
    since: bool = False  # "nothing since": a no about recent times only
    leaned: bool = False  # a hedge that clearly leans ("I don't think so, no"): read as it leans, and said so
    which_part: bool = False  # a statement naming a word asked, then "but no <another>": which part answers?


NONE = Polarity(None, 0.0)


@dataclass(frozen=True)
class Asked:
    """The things a question asks about, as groups of its words: each part of its text between commas,
    "or" and "and" ("a heart attack", "heart failure", "an irregular heartbeat"), each term, each example
    its help gives. ``ignored`` are the words of what it says not to count. Built by
    :mod:`bot.understanding.english.question_words`; read by :func:`names_another_asked_thing`."""

    groups: tuple = ()
    ignored: frozenset = frozenset()
    now_words: frozenset = frozenset()  # words of the parts asked about as they are now ("stroke ... not well controlled")


def read_polarity(text: str, topics: frozenset = frozenset(), asked: Optional[Asked] = None,
                  clauses: Optional[str] = None) -> Polarity:
    """The polarity of a normalised reply (see :func:`bot.understanding.english.text.normalise`).

    ``topics`` are the question's content words (:func:`topic_words`): "but no cirrhosis" answers
    a question about cirrhosis, "but no pain" does not. With ``asked`` (the question's things), a no
    that denies one thing while the reply names another thing asked about ("a heart attack in 2019,
    but no heart failure") is never a plain no: it is checked. ``clauses`` is the reply with its parts
    marked (:func:`~bot.understanding.english.text.normalise_clauses`), to see where a denial ends."""
    # The asked-things reading builds on this module's words, so it is imported when it is used.
    from bot.understanding.english.asked_things import keeps_back_an_asked_thing, names_another_asked_thing

    polarity = _read_polarity(text, topics)
    if asked is not None and polarity.value == NO and polarity.confidence > 0.5 \
            and (names_another_asked_thing(clauses or text, topics, asked)
                 or keeps_back_an_asked_thing(clauses or text, asked)):
        return dataclasses.replace(polarity, confidence=0.5)
    if asked is not None and polarity.which_part and not names_another_asked_thing(clauses or text, topics, asked):
        # "she has liver mets but no cirrhosis": the first part names only where the cancer is, or a word of the
        # denied part of the question, so the denial answers.
        return dataclasses.replace(polarity, confidence=0.85, which_part=False)
    return polarity


# "in the past 4 weeks", "in the past month": a stretch of time, as "in the last month", not "in the past" (formerly).
_PAST_STRETCH = re.compile(r"\b(in|during|over|within) the past(?= (?:\d+ |few |couple of |one |two |three |four |six |twelve )?"
                           r"(?:days?|weeks?|months?|years?|fortnight)\b)")


def _read_polarity(text: str, topics: frozenset) -> Polarity:
    if not text:
        return NONE
    text = _PAST_STRETCH.sub(r"\1 the last", text)
    if _TAKEN_BACK_AT_THE_END.search(text):
        return NONE  # "yes. sorry, wrong button": the answer given is taken back, and no other follows
    text = _answer_part(_THE_CANCER_ITSELF.sub(" ", text))
    concluded = _CONCLUSION.search(text)
    if concluded:
        # "... they can't operate, they confirmed it with a biopsy, so yes": the conclusion answers.
        return Polarity(YES if concluded.group(1) in ("yes", "yeah", "yep") else NO, 0.85)
    despite = _yes_despite_negation(topics)
    yes_despite = has_phrase(text, despite)
    known_no = has_phrase(text, _NO_AS_FAR_AS_KNOWN)
    rest = remove_phrases(text, despite + _NO_AS_FAR_AS_KNOWN)
    if has_phrase(rest, _NOT_SURE) or _NOT_QUITE_SURE.search(rest) or _WAITING.search(rest) or _NEVER_LOOKED.search(rest):
        return Polarity(NOT_SURE, 0.95)
    unknown = _NOT_KNOWING.search(rest) or _PENDING.search(rest)
    if unknown:
        # "I have HIV, viral load results due next week", "I don't really know why you ask, he had a kidney
        # transplant": a test to come or a thing not known beside a plain answer. Checked, never taken as not sure.
        beside = rest[: unknown.start()] + " " + rest[unknown.end():]
        plain = _ANSWER_BESIDE.search(beside) or any(
            names_topic(word, topics) for found in _HAS_IT.finditer(beside) for word in found.group(1).split())
        return Polarity(NOT_SURE, 0.5 if plain else 0.95)
    not_done = _TEST_NOT_DONE_YET.search(rest)
    if not_done and not names_topic(not_done.group(1), topics) and not set(rest.split()) & _STRONG_YES:
        return Polarity(NOT_SURE, 0.95)  # "it looks like it came back, but they haven't done the biopsy yet"
    qualified = _knowledge_qualified_no(rest)
    if qualified is not None:
        known_no, rest = True, qualified
    leaning = has_phrase(rest, _LEANING)
    rest = remove_phrases(rest, _LEANING)
    rest = remove_phrases(_STATE_OK.sub(" is fine ", _DIMINISHING_CLAUSE.sub(" ", rest)), _ONLY_THAT_NEGATIONS)
    rest = re.sub(r"\b(?:believe|believes|believed) in\b", " ", rest)  # "I don't believe in that stuff": an opinion
    # "any kind of job", "that sort of thing": a kind, not a hedge.
    rest = re.sub(r"\b(?:any|what|this|that|the|a|some|every|other|which|same|no|one) (?:kind|sort) of\b", " ", rest)
    if rest and has_phrase(rest, _HEDGES) and not known_no:
        future = _FUTURE_AFTER_NO.match(rest)
        if future and not has_phrase(rest[: future.end(1)], _HEDGES):
            return Polarity(NO, 0.85)  # "not yet, though the doctor says I might need it one day"
        return _hedge(rest, topics)
    # "they stopped the drip", "the doctor stopped it": what someone else did, not the person's "no longer".
    rest = _STOPPED_BY_OTHERS.sub(" ", rest)
    if rest.split() and rest.split()[0] in _STRONG_YES and not _OVER_OR_MILD.search(rest):
        rest = _without_describing_negations(rest, topics)
    # "it doesn't happen any more" is "not any more": it did happen.
    rest = as_no_longer(rest)
    not_now = has_phrase(rest, _NO_LONGER_NOW)
    before = has_phrase(rest, _NO_LONGER_BEFORE)
    no_longer = not_now or before
    rest = remove_phrases(rest, _NO_LONGER_NOW + _NO_LONGER_BEFORE)
    if set(rest.split()) & _STRONG_YES:
        rest = remove_phrases(rest, _NOTHING_MORE_NEEDED)
    words = set(rest.split())
    negated = bool(words & _NEGATIONS) or has_phrase(rest, _NEGATION_PHRASES) or known_no or (not_now and not before)
    said_yes = bool(words & _STRONG_YES) or has_phrase(rest, _STRONG_YES_PHRASES) or yes_despite
    if negated and said_yes:
        if rest and rest.split()[0] in _STRONG_YES and not no_longer and not known_no and not _answers_no(rest) \
                and not _CONTRAST.search(rest) and (_DESCRIBING_NEGATION.search(rest) or _untouched_yet(rest, topics)):
            # "yes, the nurses can never find a vein", "yes, hepatitis C, not treated yet": the negation
            # describes what the yes is about.
            return Polarity(YES, 0.8)
        return NONE  # "yes, she hasn't": a contradiction is asked again, never guessed
    if negated and _leading_no_only(rest) and _BARE_STATEMENT.search(" ".join(rest.split()[1:])):
        return NONE  # "no, she has": the same
    confidence = 0.85 if leaning else 0.95
    contrast = _CONTRAST.search(rest) and len(rest.split()) > 3
    if contrast and not (negated and not said_yes and _last_clause_agrees(rest)):
        confidence = 0.7  # "yes, but only to the lymph nodes": said back as a check
    if negated and re.match(r"(?:only|just) (?!no\b|not\b|never\b|none\b)", rest) and len(rest.split()) > 4 \
            and not _denies_a_topic(rest, topics, words=("no", "not", "never")):
        return Polarity(NO, 0.5)  # "only the stored one, I'm not having another needle": part yes, part no
    if negated:
        if no_longer:
            return Polarity(NO, 0.6, no_longer=True)
        if contrast and not known_no and not _last_clause_agrees(rest):
            final = _final_no(rest, topics)  # "I've heard of it, but no, I haven't had it"
            return final if final is not None else Polarity(NO, 0.5)
        if not (known_no or _answers_no(rest)):
            final = _final_no(rest, topics)
            if final is not None:
                return final
            if _denies_a_topic(rest, topics, words=("no", "never")) and not _has_a_topic(_without_denials(rest), topics):
                return Polarity(NO, 0.85)  # "only letrozole and ribociclib, no chemo whatsoever"
            # "he has a sore that won't heal", "he can't swallow tablets": the negation is part
            # of what is described, not a no to the question. Checked, never taken as a no.
            return Polarity(NO, 0.5)
        return Polarity(NO, confidence)
    if no_longer:
        return Polarity(YES, 0.6, no_longer=True)
    if said_yes or has_phrase(rest, _INTENSIFIERS):
        return Polarity(YES, confidence)
    if _BARE_STATEMENT.search(rest):
        return Polarity(YES, min(confidence, 0.9))
    return NONE


# After a leading yes, parts whose negation describes what the yes is about, not a second answer:
# "yes, new spots after she stopped the tablets" (when), "yes, removed, no treatment after" (nothing more was
# needed), "yes, chest pains that the tablets don't really help" (which pains).
_WHEN_STOPPED = re.compile(r"\b(?:after|since|when|once) (?:she|he|i|they|we|you|my \w+) (?:had )?stopped(?: (?:the|her|his|my|their) \w+| it| them)?\b")
_NO_TREATMENT_AFTER = re.compile(r"\b(?:no|nothing) (?:other |further |more )?(?:treatment )?(?:after|afterwards|after that|needed after)\b")
_NEGATED_RELATIVE = re.compile(
    r"\b(?!(?:yes|yeah|and|but|said|say|says|sure|think|know|sorry|told)\b)[a-z]{3,} (?:that|which) (?:the |my |his |her |their )?"
    r"[a-z]{3,} (?:do|does|did|can|could|will|would) not (?:really |always |fully )?[a-z]{3,}\b")
# "yes, a tumour in the brain, they haven't treated it yet": what the doctors have not done yet. Only where
# the question does not ask about that doing ("was it fully treated?").
_NOT_DONE_BY_DOCTORS = re.compile(
    r"\b(?:they|the doctors?|doctors) (?:have|has|had|did) not (?:yet )?(treated|removed|operated|drained|started)"
    r"(?: on)? (?:it|them|her|him)(?: yet)?\b")


# "yes, after she stopped the steroids it cleared up", "yeah, no treatment after, it was mild": the yes is taken
# back or made small; such a reply is not read past its negation.
_OVER_OR_MILD = re.compile(r"\b(?:cleared|clear|gone|went away|resolved|better|settled|healed|fine|ok|okay|mild|minor"
                           r"|slight|not (?:bad|serious|severe)|nothing serious)\b")


def _without_describing_negations(rest: str, topics: frozenset) -> str:
    """A reply that starts with a yes, without the parts whose negation describes what it is about."""
    rest = _WHEN_STOPPED.sub(" ", rest)
    rest = _NO_TREATMENT_AFTER.sub(" ", rest)
    # The relative clause keeps its noun: "chest pains that the tablets don't help" names chest pains.
    rest = _NEGATED_RELATIVE.sub(lambda match: " " + match.group(0).split()[0] + " ", rest)
    undone = _NOT_DONE_BY_DOCTORS.search(rest)
    # Removing or operating is treating: not left out where the question asks about treatment.
    treating = any(names_topic(word, topics) or names_topic(stem(word), topics)
                   for word in ("treated", "treatment", "removed", "surgery", undone.group(1) if undone else "treated"))
    if undone and not treating:
        rest = rest[: undone.start()] + " " + rest[undone.end():]
    return " ".join(rest.split())


def as_no_longer(text: str) -> str:
    """"It doesn't happen any more" said as "not any more" (and "they stopped it" left out): what the
    person says stopped. "She doesn't want any more tests" is not that."""
    text = _STOPPED_BY_OTHERS.sub(" ", text)
    return re.sub(r"\b(?:does|do|did|is|are|has|have) not (?:\w+ ){1,2}(?:any ?more)(?=\s*$|\s+(?:but|and|so|since|now)\b)",
                  " not any more ", text)


def _untouched_yet(rest: str, topics: frozenset) -> bool:
    """"Yes, hepatitis C, not treated yet": the one negation is a bare "not (yet) <done>" with no one doing it,
    and what is not done is not what the question asks ("yes, not confirmed yet" to "has a doctor confirmed
    ...?" contradicts itself)."""
    negations = [word for word in rest.split() if word in _NEGATIONS]
    bare = re.search(r"(?:^|\s)(?!(?:is|are|was|were|has|have|had|do|does|did|it|she|he|they|i|we|you)\s)\w+\s+not (?:yet )?(\w+ed)(?: yet)?\b", rest)
    return negations == ["not"] and bool(bare) and not names_topic(bare.group(1), topics) \
        and not names_topic(stem(bare.group(1)), topics) and bare.group(1) not in _KNOWING
# "not confirmed yet", "not tested": what is not done is finding out, so the yes is not known either.
_KNOWING = frozenset("confirmed diagnosed tested checked proven proved known told seen found decided scanned measured "
                     "biopsied reported explained".split())


def _answer_part(text: str) -> str:
    """The part of a reply that answers: after a wished-for answer ("I'd love to say no, but yes")
    or a correction ("yes... well no, actually not"), only the words that follow count."""
    wished = _WISHED_ANSWER.search(text)
    if wished:
        after = re.search(r"\bbut\b", text[wished.end():])
        if after:
            return text[wished.end() + after.end():].strip() or text
        return (text[: wished.start()] + " " + text[wished.end():]).strip()  # "I'd love to say no": no answer yet
    corrections = [
        m for m in _CORRECTION.finditer(text)
        if set(text[: m.start()].split()) & (_STRONG_YES | _NEGATIONS) or m.group(0).startswith("no ")
    ]
    if corrections:
        return text[corrections[-1].end():].strip() or text
    return text


def _knowledge_qualified_no(rest: str) -> Optional[str]:
    """"No spread as far as we know", "as far as I know she never has": a knowledge qualifier
    beside a plain negation is "not that I know of", a no. The reply without the qualifier is
    returned when that is so, None otherwise (with no negation, or with another hedge, it stays a hedge)."""
    if not has_phrase(rest, _KNOWLEDGE_QUALIFIERS):
        return None
    plain = remove_phrases(rest, _KNOWLEDGE_QUALIFIERS)
    words = set(plain.split())
    if not plain or has_phrase(plain, _HEDGES) or words & _STRONG_YES or _CONTRAST.search(plain):
        return None
    if not (words & _NEGATIONS or has_phrase(plain, _NEGATION_PHRASES)):
        return None
    return plain


def _hedge(rest: str, topics: frozenset = frozenset()) -> Polarity:
    """A hedge is "not sure", unless it clearly leans: "I don't think so, no" ends on a plain no
    (used, said back); "I don't think she ever has" leans to no (checked: "is that a no?"). A last
    "just ..." or "only ..." that names nothing the question asks about ("I don't think so, no. Just
    the hormone pills") is what the person has instead: the no still ends the answer."""
    words = rest.split()
    instead = re.search(r"\b(?:just|only)\b(.*)$", rest)
    if instead and words[0] not in ("just", "only") and not set(instead.group(1).split()) & (_NEGATIONS | _STRONG_YES) \
            and not any(names_topic(word, topics) for word in instead.group(1).split()):
        words = rest[: instead.start()].split() or words
    if _CONTRAST.search(rest):
        return Polarity(NOT_SURE, 0.9, hedged=True)
    if words[-1] in ("no", "nope") and not set(words) & _STRONG_YES:
        return Polarity(NO, 0.85, leaned=True)
    if words[-1] in ("yes", "yeah", "yep") and not set(words) & _NEGATIONS and not re.search(r"\bnot\b", rest):
        return Polarity(YES, 0.85, leaned=True)
    if re.search(r"\b(?:do|did) not (?:think|believe|reckon)\b.*\bever\b", rest):
        return Polarity(NO, 0.7, hedged=True)
    return Polarity(NOT_SURE, 0.9, hedged=True)


def clauses_around_contrast(rest: str):
    """The reply before and after its last "but" (or "though", "however" ...)."""
    matches = list(_CONTRAST.finditer(rest))
    if not matches:
        since = re.search(r"\b(?=(?:nothing|none|not)(?: like that| of that| of those)? since\b)", rest)
        if since and since.start() > 0:  # "a DVT two years ago, nothing since"
            return rest[: since.start()].strip(), rest[since.start():].strip()
        return rest, ""
    return rest[: matches[-1].start()].strip(), rest[matches[-1].end():].strip()


def _last_clause_agrees(rest: str) -> bool:
    """"Not really, I have mild asthma, but it's fine": what follows the "but" does not turn the no around."""
    before, after = clauses_around_contrast(rest)
    if not set(before.split()) & _NEGATIONS and not has_phrase(before, _NEGATION_PHRASES):
        return False  # the no comes only after the "but": see _final_no
    words = set(after.split())
    return not after or bool(words & _NEGATIONS) or is_wellbeing(after)


def _final_no(rest: str, topics: frozenset) -> Optional[Polarity]:
    """"I had a DVT three years ago, but nothing since", "it's in her liver but no cirrhosis": a
    statement with no polarity word of its own, then a "but" and a negation that answers the
    question. What follows the "but" is the answer. ``since`` marks "nothing since", which says
    "not lately" rather than "never": a no to "in the last 6 months", a check anywhere else."""
    before, after = clauses_around_contrast(rest)
    if not before or not after:
        return None
    if set(before.split()) & (_NEGATIONS | _STRONG_YES):
        return None
    if re.search(r"\byet\b", after):
        return None  # "a fever since yesterday, but we haven't seen a doctor yet": not known yet
    if re.match(r"(?:nothing|none|no)(?: of the)? (?:else|more|others?)\b", after):
        return None  # "a lump, but nothing else": only that, which may be the yes
    answers = (
        _ANSWERING_NEGATION.search(after)
        or re.match(r"(?:nothing|none|never|nobody|no one)\b", after)
        or re.search(r"\b(?:nothing|none)(?: like that| of that)? since\b", after)
        or (_denies_a_topic(after, topics) and not _has_a_topic(before, topics))
    )
    if not answers:
        if _denies_a_topic(after, topics) and _has_a_topic(before, topics):
            return Polarity(NO, 0.5, which_part=True)  # "she has liver mets but no cirrhosis": which part answers?
        return None
    if _denies_a_topic(after, topics, words=("no", "never")) and _has_a_topic(before, topics):
        return Polarity(NO, 0.5, which_part=True)  # "he had a heart attack, but never heart failure": which part? Check.
    # "nothing since", "never again": a no about the time after, not about ever.
    return Polarity(NO, 0.85, since=bool(re.search(r"\b(?:since|again|after that|anymore|any more)\b", after)))


def _denies_a_topic(clause: str, topics: frozenset, words: tuple = ("no", "not")) -> bool:
    """"no cirrhosis or hepatitis": a "no" before a word the question asks about."""
    # "no cirrhosis", "never had hormone treatment", "never through a drip", "never any Chinese medicine"
    pairs = re.findall(rf"\b(?:{'|'.join(words)}) (?:(?:had|taken|took|used|got|been on|any|a|an|the|through|by|with|into) )*(\w+)(?: or (\w+))?", clause)
    return any(names_topic(word, topics) for pair in pairs for word in pair if word)


def _without_denials(clause: str) -> str:
    """The clause without its "never had X" / "no X" parts, to see what else it says it has."""
    return re.sub(r"\b(?:no|never) (?:(?:had|taken|took|used|got|been on|any|a|an|the|through|by|with|into) )*\w+(?: \w+)?", " ", clause)


def _has_a_topic(clause: str, topics: frozenset) -> bool:
    """"He had a heart attack (but no heart failure)": the clause already says yes to something asked,
    so which part answers is not clear. "It spread to her liver (but no cirrhosis)" names a place only."""
    return bool(re.search(r"\b(?:has|have|had|get|gets|got)\b", clause)) and any(
        word in topics or word.rstrip("s") in topics for word in clause.split())


def names_the_problem(text: str, topics: frozenset) -> bool:
    """"He can't swallow tablets" to "trouble swallowing?", "a sore that won't heal" to "a wound
    that has not healed?": a negated verb that is itself what the question asks about."""
    if _ANSWERING_NEGATION.search(text) and not re.search(r"\b(?:can|could|will|would) not\b", text):
        return False
    stems = {stem(topic) for topic in topics if len(topic) >= 4}
    return any(stem(match.group(1)) in stems for match in _DESCRIBING_NEGATION.finditer(text))


# "it can't be operated on", "they cannot do an operation": what can not be done, after "be" or "do".
_CAN_NOT_BE_DONE = re.compile(r"\b(?:can|could) not\s+(?:be\s+|(?:do|perform)\s+(?:an?\s+|the\s+|any\s+)?)([a-z]{5,})")


def says_what_can_not_be_done(text: str, topics: frozenset) -> bool:
    """"It can't be operated on", "cannot do operation" name one of ``topics`` as what can not be done. Only
    for a question that itself asks what can not be done ("grown so much that surgery cannot remove it")."""
    return any(stem(match.group(1)) in {stem(t) for t in topics} or names_topic(match.group(1), topics)
               for match in _CAN_NOT_BE_DONE.finditer(text))


def stem(word: str) -> str:
    """A crude stem, enough to match "healing" with "healed" and "swallow" with "swallowing"."""
    return re.sub(r"(?:ing|ed|es|s|e)$", "", word)


# Words that share their first five letters and name different things: "antibiotics" are no "antibodies".
_DISTINCT_AFTER_FIVE = ("antibio", "antibod")


def names_topic(word: str, topics: frozenset) -> bool:
    """The word is one of ``topics``, or shares its first five letters with a long one ("diabetic")."""
    if word in topics:
        return True
    if len(word) < 5 or word[:5] not in _prefixes(topics):
        return False
    if word[:7] in _DISTINCT_AFTER_FIVE:
        return any(topic[:7] == word[:7] for topic in topics)  # only the same one of the pair
    return True


@lru_cache(maxsize=512)
def _prefixes(topics: frozenset) -> frozenset:
    return frozenset(topic[:5] for topic in topics if len(topic) >= 5)


@lru_cache(maxsize=512)
def _yes_despite_negation(topics: frozenset) -> tuple:
    """"It's not a problem" is a yes to "is that OK?" but a no to "do you have a drug problem?"."""
    return tuple(p for p in _YES_DESPITE_NEGATION if not any(names_topic(w, topics) for w in p.split()))


# Words that shrink a statement ("only mild", "just a bit tired"): a no to "more than mild",
# a yes to "any side effects": no polarity of their own.
_DIMINISHERS = ("only", "just", "a bit", "a little", "slight", "slightly", "mild", "mildly", "minor", "barely", "hardly")
_STOPWORDS = frozenset(
    "a an the and or of to in on at for with from by is are was were be been have has had do does did you your they"
    " their them she he her his it this that these those any some what when which who how would could should will"
    " can may might must than then there here about after before during since such other another more most very"
    " also only just still ever been being into onto over under because while where if not no yes so as than one"
    " doctor told confirmed person care think last recent cancer day days week weeks month months year years".split()
)


def topic_words(texts, terms=()) -> frozenset:
    """The content words of a question (its text in both voices, and its terms, acronyms too)."""
    words = set()
    for text in texts:
        for word in re.findall(r"[a-z][a-z0-9-]{3,}", text.lower()):
            if word not in _STOPWORDS:
                words.add(word)
    for term in terms:
        words.update(w for w in re.findall(r"[a-z0-9-]{2,}", term.lower()) if w not in _STOPWORDS)
    return frozenset(words)


# "but", "though": the reply goes on to qualify what it said, so it is checked.
_CONTRAST = re.compile(r"\b(but|though|although|however|except|apart from|unless)\b")


_PERSON = (
    r"(?:i|you|she|he|they|we|it|my \w+|our \w+|the patient|mum|mom|dad|mother|father|husband|wife|son|daughter|partner)"
)
_ANSWER_AUXILIARY = r"(?:have|has|had|did|do|does|is|am|are|was|were|will|would)"
_NEGATION_WORD = r"(?:not|never|no|none|nothing)"
_ANSWERING_NEGATION = re.compile(
    # "... watching it, no treatment yet": "it" before a bare "no" ends one clause and starts another.
    rf"(?:^|\s)(?!it\s+(?:no|none|nothing)\b){_PERSON}(?:\s+\w+ly)?(?:\s+{_ANSWER_AUXILIARY})?(?:\s+(?:had|got|been))?(?:\s+\w+ly)?\s+{_NEGATION_WORD}\b"
    rf"|^\w+ly\s+not\b"
    rf"|\bthere\s+(?:is|are|was|were)\s+(?:no|nothing|none)\b"
    rf"|\b(?:{'|'.join(re.escape(i) for i in _INTENSIFIERS)}|thankfully|sadly|happily|luckily|so|say|afraid)\s+not\b"
)


def _answers_no(text: str) -> bool:
    """A negation that answers the question: a reply that starts with it ("no", "never", "none of
    those"), a person with a negated auxiliary ("she hasn't", "he never did", "I'm not"), a short
    reply ("no clots"), or one that ends on it ("she's 72, so no")."""
    words = text.split()
    if not words:
        return False
    if words[0] in _NEGATIONS or words[-1] in ("no", "not", "never", "none", "nope"):
        return True
    if len(words) <= 3:
        return True
    return bool(_ANSWERING_NEGATION.search(text)) or has_phrase(text, _NEGATION_PHRASES)


def _leading_no_only(text: str) -> bool:
    """The only negation is a "no" (or "nope") before the rest of the reply."""
    words = text.split()
    negations = [i for i, word in enumerate(words) if word in _NEGATIONS]
    return bool(negations) and negations == list(range(len(negations))) and words[0] in ("no", "nope", "nah", "n")


def is_wellbeing(text: str) -> bool:
    """"She's fine": no polarity of its own, so a reader asks instead of guessing."""
    return has_phrase(text, _WELL)


def no_problem_as_state(text: str) -> Optional[str]:
    """"Mild asthma, inhaler now and then, no problem": after a thing named, "no problem" says how it is, not a
    yes (as it is to "would you let us ...?", or alone). The reply with it said as a state, or None."""
    problem = _NO_PROBLEM.search(text)
    before = text[: problem.start()].split() if problem else []
    if not before or set(before) & (_STRONG_YES | _NEGATIONS) or has_phrase(" ".join(before), _STRONG_YES_PHRASES):
        return None
    return " ".join(before + ["is fine"]) + text[problem.end():]
