"""Which of a question's things a reply names and which it denies.

A question often asks about several things at once ("a heart attack, heart failure or an irregular
heartbeat?"). A reply that denies one of them and names another ("a heart attack in 2019, but no heart
failure"), or that says no but keeps one back ("no, only angina"), has no plain polarity: which part
does the no answer? :func:`~bot.understanding.english.polarity.read_polarity` asks these functions and
makes such a no a check.
"""

from __future__ import annotations

import re

from bot.understanding.english.polarity import (
    _NEGATIONS, _NO_AS_FAR_AS_KNOWN, _ONLY_THAT_NEGATIONS, _STOPWORDS, Asked, clauses_around_contrast, names_the_problem,
    names_topic,
    read_polarity,
)
from bot.understanding.english.text import has_phrase, remove_phrases


# A denial and the words it covers: "no heart failure", "never had a heart attack", "he does not have AF".
_DENIAL = re.compile(r"\b(?:no|not|never|none|nothing|without|nor)\b((?:\s+(?!(?:\||but|though|although|however|and|so|because|only|just|also|plus|except|while|whereas|since then|i|she|he|they|we|no|not|never|none|nothing|nor)\b)[\w+/.%-]+){0,8})")
# A denial of something more than what the reply names ("no other heart trouble"): what it names stands.
_OTHER = re.compile(r"\b(?:other|else|more|further|another|extra)\b")
# Where the study's own cancer is ("liver mets", "it's in her bones", "spread to the brain"): not another answer.
_CANCER_PLACE = re.compile(
    r"\b(?:[a-z]+ )?(?:mets|metastases|metastasis|metastatic|secondaries|deposits?)(?: (?:in|to|on) (?:the |her |his |my |both )?[a-z]+)?\b"
    r"|\b(?:it|cancer|tumou?r|the cancer|it has|cancer has)\s+(?:is|was|has|had)?\s*(?:also |now |already )?(?:spread |gone |moved )?(?:in|into|to) (?:the |her |his |my |their |both )?[a-z]+\b"
    r"|\b(?:spread|spreading|moved) (?:in|into|to) (?:the |her |his |my |their |both )?[a-z]+\b"
)
# Words that leave a denial about everything ("nothing since", "none of those at all").
_EMPTY_DENIAL_WORDS = frozenset("since like those these all at ever really yet now recently lately anymore any more "
                                "whatsoever either at all thing things".split())
# How a thing named is now ("no problems now", "no issues since").
_STATE_WORDS = frozenset("problem problems issue issues trouble troubles symptom symptoms complication complications".split())
# How something is, not a thing: a denial of these does not say which thing is meant.
_QUALIFIERS = frozenset(
    "active serious severe controlled well problem problems needs need needed caused causing medicine medicines "
    "treatment treated untreated growing symptoms around back came through example drugs others other long time "
    "lasting long-lasting hard kind".split())


# "no, only ...", "none apart from ...": the no keeps one thing back.
_NO_EXCEPT = re.compile(
    r"(?:no|nope|nah|none|nothing|not really)\s*(?:\|\s*)?(?:only|just|except|apart from|other than|besides|save for)\s+(.+)")


def keeps_back_an_asked_thing(text: str, asked: Asked) -> bool:
    """"No, only a heart attack", "none apart from angina", "nope, just AF" to a question that asks about
    that very thing: the no is to the rest, and the one thing kept back is asked about. Which answers? A
    check, never a plain no. The thing kept back must be one of the question's things word for word (all
    the words of a part of its text, a term, an example its help gives), before any "since" or "because"
    that only says when or why: "no, only high blood pressure" keeps back something the question says not
    to count, "no, only letrozole since it spread" and "no, only allergic to shrimp" something it does not
    ask about. Those stay a no."""
    kept_back = _NO_EXCEPT.match(text)
    if kept_back is None:
        return False
    thing = re.split(r"\b(?:since|because|when|after|before|until)\b|\|", kept_back.group(1))[0]
    words = set(thing.split())
    return any(group <= words and not group <= asked.ignored for group in asked.groups)


def names_another_asked_thing(text: str, topics: frozenset, asked: Asked) -> bool:
    """"A heart attack in 2019, but no heart failure", "AF for years, never had a heart attack", "MI in 2019,
    no heart failure": the reply denies one thing the question asks about and names another one outside the
    denied thing's part of the question. "Liver mets but no cirrhosis" names where the cancer is; "her kidneys
    are weak but no dialysis" names a word of the same part ("do your kidneys need dialysis?"): neither is."""
    if has_phrase(text, _NO_AS_FAR_AS_KNOWN):
        return False  # "not to my knowledge": a no to all of it
    if re.match(r"(?:no|nope|nah|none|not yet|not really|not at all|never)\s*(?:\||$)", text):
        return False  # "no, ...", "never, ...": the reply's first word answers all of it
    denials = []
    kept = text
    for match in _DENIAL.finditer(text):
        covered = match.group(1)
        before = text[: match.start()]
        verb = re.search(r"\b(?:can|could|will|would|do|does|did)\s+$", before)
        if verb and names_the_problem(text[verb.start(): match.end()], topics):
            continue  # "he can't swallow pills": the negated verb is the problem itself, named
        if re.search(r"\b(?:it|that|this|which|they)\s+(?:\w+\s+)?(?:is|was|are|were|has|have|had|did|does|do|will|would)\s+$", before) \
                or re.match(r"\s+(?:like|of) (?:that|this|those|these|it)\b", covered):
            return False  # "it hasn't come back", "nothing like that since": about what the reply names
        denials.append(re.split(r"\b(?:since|in the last|in the past|after|before|for)\b", covered)[0])
        kept = kept.replace(match.group(0), " | ", 1)
    if not denials:
        return False
    kept = _CANCER_PLACE.sub(" ", remove_phrases(kept, _ONLY_THAT_NEGATIONS))
    named = {word for word in asked_words(kept, topics, asked)}
    if not named:
        return False
    for covered in denials:
        if _OTHER.search(covered):
            continue  # "no other heart trouble": what the reply names stands
        denied = asked_words(covered, topics, asked)
        if not denied and set(covered.split()) & _STATE_WORDS:
            # "a heart attack in 2019, no problems now": how the thing named is now. A no where the question
            # asks how it is now ("a stroke ... not well controlled"), not where it asks whether it ever was.
            named = {word for word in named if word not in asked.now_words}
            continue
        if not denied:
            if set(covered.split()) - _STOPWORDS - _EMPTY_DENIAL_WORDS - _QUALIFIERS:
                continue  # "nothing in the legs", "no PE": a denial of something the question does not name
            return False  # "nothing since", "none of those", "no problems": a denial of everything asked
        key = _distinctive(denied, asked.groups)
        alone = {word for group in asked.groups if len(group) == 1 for word in group}
        named = {word for word in named if word not in denied and (
            (word in alone and denied & alone)  # "a rash from paclitaxel, but no reaction to capecitabine"
            # "her kidney is weak, no dialysis": "kidney" is the "kidneys" of "do your kidneys need dialysis?"
            or not any(group & {word, word + "s", word.rstrip("s")} and group & key for group in asked.groups))}
    return bool(named)


def asked_words(text: str, topics: frozenset, asked: Asked) -> set:
    """The question's words (each as the group word it matches) that ``text`` names: "attack", "af"."""
    group_words = frozenset().union(*asked.groups) if asked.groups else frozenset()
    found = set()
    for word in text.split():
        if word in _QUALIFIERS or word in _STOPWORDS or word in asked.ignored:
            continue
        for candidate in (word, word.rstrip("s"), word + "s"):
            if candidate in group_words and candidate not in _QUALIFIERS:
                found.add(candidate)
                break
        else:
            if len(word) >= 5:
                found.update(w for w in group_words if len(w) >= 5 and w[:5] == word[:5] and w not in _QUALIFIERS)
    return found


def _distinctive(words: set, groups: tuple) -> set:
    """The denied words found in the fewest of the question's parts: "failure" in "heart failure" (not
    "heart", which is in many)."""
    counts = {word: sum(1 for group in set(groups) if word in group) for word in words}
    fewest = min(counts.values())
    return {word for word, count in counts.items() if count == fewest}


def denies_one_but_has_another(text: str, words) -> bool:
    """"Not pregnant, but still breastfeeding" to "are you pregnant or breastfeeding?": the reply denies one
    thing the question asks about and then says, with no negation or hedge, that another one is so. Where
    naming a thing is a yes (the question asks nothing about now, how bad, or since when), any one is a yes."""
    if words.umbrella or words.asks_active or words.asks_severity or words.asks_window or words.asks_possibility \
            or words.asks_consent or words.asked.now_words:
        return False
    before, after = clauses_around_contrast(text)
    if not after or not re.match(r"(?:no|not|never)\b", before) or set(after.split()) & (_NEGATIONS | {"never", "nobody"}) \
            or read_polarity(after).value is not None:
        return False
    denied, named = asked_words(before, words.topics, words.asked), asked_words(after, words.topics, words.asked)
    # A whole thing is named, not a word of one ("my kidney numbers are low" is not "kidney failure").
    whole = any(group and all(any(names_topic(word, frozenset({part})) for word in after.split()) for part in group)
                for group in words.asked.groups if not group & denied)
    return bool(denied) and bool(named) and whole \
        and not any(group & denied and group & named for group in words.asked.groups)


def bare_no_but_an_asked_thing(text: str, words) -> bool:
    """"No, but breastfeeding", "nope, but carboplatin": a bare no, then a "but" and a thing the question asks
    about with no negation of its own. The no may answer only the other part (or someone else's may be meant:
    "no, but her sister has lupus"): checked, never taken as a plain no."""
    before, after = clauses_around_contrast(text)
    if not after or not re.fullmatch(r"(?:no|nope|nah|not really|not me|no no)", before) \
            or set(after.split()) & (_NEGATIONS | {"never", "nobody"}):
        return False
    return bool(asked_words(after, words.topics, words.asked))
