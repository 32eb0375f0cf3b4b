"""What a yes/no question's own English words say about how a reply without a yes or no
word should be read. Everything here comes from the question's text and help in
``seeds/questions.yml``, so a coordinator who rewrites a question changes it too:

- its topics (content words) and the examples its help gives ("Psoriasis ... is another");
- what it says not to count ("Do not count an underactive thyroid treated with pills");
- whether it asks about something active or not controlled ("still active", "not well
  controlled"), about severity ("more than mild", "severe"), about a recent window
  ("in the last 6 months", "since it came back"), about a possibility ("possible signs"),
  or for consent ("would you let").
"""

from __future__ import annotations

import re
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from bot.screening.answers import Question
from bot.understanding.english.polarity import Asked, topic_words
from bot.understanding.english.text import normalise

_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
_NOT_COUNTED = re.compile(r"\b(?:do|does|did) not count\b|\bdoes not matter\b|\bis not counted\b", re.I)
# "Hormone pills are not chemo.", "Most flu shots are not live.": the help says what is not the thing asked
# about. Read with the question's topics: the word after "not" must be one of them.
_IS_NOT = re.compile(r"\b(?:is|are) not (?:a |an |the )?([a-z][a-z-]+)", re.I)
_NEGATIVE_SENTENCE = re.compile(r"\bnot?\b|n't\b", re.I)
# Help sentences that give examples ("Lupus is one example. So is rheumatoid arthritis.") or say what
# a word means ("... showed the cancer got bigger or spread"). Only
# their longer, specific words count ("psoriasis", "antibiotics"): short ones ("liver", "chest")
# name body parts that many other replies mention too.
_EXAMPLE = re.compile(
    r"\b(?:example|examples|such as|so is|so are|two more|is one|for instance|include|includes|means|count)\b", re.I)
_GENERIC = frozenset("treated treatment disease diseases problem problems medicine medicines doctor doctors "
                     "examples example another others other people person patient parts moved means called "
                     "during after before ended cells tissue under multiple showed needed needle causes making worse nearby "
                     "returned walking pressure heartbeat irregular kidney kidneys breath cancers limits inside outside "
                     "something anything everything".split())
_ACTIVE = re.compile(r"\b(?:active|not well controlled|uncontrolled|grew|growing|still active)\b", re.I)
_SEVERITY = re.compile(r"(?<!not )\b(?:more than mild|severe|more than a little|very hard)\b", re.I)
_WINDOW = re.compile(r"\b(?:in the last|in the past|within|now|currently|at the moment|still|these days|since)\b", re.I)
_POSSIBLE = re.compile(r"\b(?:possible|possibly|might|signs of)\b", re.I)
# "Have you ever had ...?", "Have you had ...?": something that stopped still counts.
_EVER = re.compile(r"\b(?:have|has) (?:you|they|\w+) (?:ever )?had\b|\bdid you ever\b|\bever\b", re.I)
# "... that needed steroids", "treated with dialysis": what the thing asked about must have needed.
_REQUIRED = re.compile(r"\b(?:that |which )?(?:needed|needs|had to be treated with|was treated with)\s+([a-z]{5,})\b", re.I)
_NEEDS_TREATMENT = re.compile(r"\bneed(?:s|ed)? (?:treatment|medicine)\b", re.I)
_CONSENT = re.compile(r"\b(?:would you let|are you willing|would you agree|do you agree|may we|can we)\b", re.I)


@dataclass(frozen=True)
class QuestionWords:
    topics: frozenset  # content words of the text (both voices) and terms
    help_examples: frozenset  # content words of the help's sentences that say what counts
    not_counted: tuple  # one frozenset of content words per "do not count ..." sentence
    asks_active: bool
    asks_severity: bool
    asks_window: bool
    asks_possibility: bool
    asks_consent: bool
    answers_no_for: tuple = ()  # who the help says can answer no ("Men can answer no": "man", "men", "male")
    answers_no_because: frozenset = frozenset()  # why else, by the help's examples ("after a hysterectomy")
    own_negations: tuple = ()  # the question's own negated words ("not well controlled", "can not stop")
    spread_places: frozenset = frozenset()  # where the help says a spread goes ("such as the bones, liver or lungs")
    umbrella: bool = False  # a list of many problems: one word of one line is a weak match
    asks_ever: bool = False  # "have you (ever) had": what stopped is still a yes
    required_treatment: tuple = ()  # what it must have needed ("inflammation ... that needed steroids")
    counts_if_treated: bool = False  # "more than mild means it needs treatment"
    treated_things: tuple = ()  # what counts once it needs medicine: "an infection that needed medicine", "chest pain that needs medicine"
    counts_if_limited: bool = False  # "... or limits what you can do"
    asked: Asked = Asked()  # the things it asks about, part by part ("a heart attack", "heart failure")
    asks_only: bool = False  # "are those side effects only hair loss ...?": "only" is the question's own word
    low_dose: tuple = ()  # the help's dose that does not count: (10, "predn") from "a low dose (10 mg of prednisone a day or less)"
    unqualified_words: frozenset = frozenset()  # words of its sentences that ask no "active"/"controlled": "cirrhosis"
    ability_words: frozenset = frozenset()
    signs: frozenset = frozenset()  # what the help says it causes ("a rash, itching or swelling")
    help_words_elsewhere: frozenset = frozenset()  # words of the help's other sentences ("drip" in "given by drip")
    not_sure_for: frozenset = frozenset()  # words of what the help says to answer "not sure" for ("fever or chills")
    asks_progression: bool = False  # "has a scan shown that your cancer grew ...?" ("disease progression")
    asks_treated_in_full: bool = False  # "was it found early and fully treated?": the good outcome is the yes  # what it asks can be done ("a tumour doctors could measure")


def question_words(question: Question) -> QuestionWords:
    # An umbrella's lines are read with their follow-up questions' words too: "a DVT" is "a blood clot",
    # "a needle biopsy does not count" holds for the list's line as for its follow-up.
    follow_up_terms = tuple(term for item in question.checklist for term in item.terms)
    follow_up_help = tuple(item.help for item in question.checklist if item.help)
    return _words(question.id, tuple(question.text.values()), question.terms + follow_up_terms, question.help or "",
                  question.umbrella, follow_up_help)


@lru_cache(maxsize=None)
def _words(question_id: str, texts: tuple, terms: tuple, help_text: str, umbrella: bool = False,
           follow_up_help: tuple = ()) -> QuestionWords:
    sentences = [s for text in texts for s in _SENTENCE.split(text) if s.strip()]
    help_sentences = [s for s in _SENTENCE.split(" ".join((help_text,) + follow_up_help)) if s.strip()]
    excluded = [s for s in sentences + help_sentences if _NOT_COUNTED.search(s)]
    counted = [s for s in sentences if not _NOT_COUNTED.search(s)]
    topics = topic_words(counted, terms)
    excluded += [s for s in help_sentences if s not in excluded and _is_not_a_topic(s, topics)]
    examples = [s for s in help_sentences if _EXAMPLE.search(s) and not _NEGATIVE_SENTENCE.search(s)]
    help_examples = frozenset(w for w in topic_words(examples) - topics if len(w) >= 6 and w not in _GENERIC)
    not_counted = tuple(_not_counted_words(s, topics) for s in dict.fromkeys(excluded))
    # An umbrella question is a list of many problems: "severe" or "active" in one line of it
    # does not qualify the others, so only its follow-up questions use those words.
    english = "" if umbrella else (texts[0] if texts else "")
    who = [m.lower() for s in help_sentences for m in re.findall(r"\b(\w+) (?:can|should|may) answer no\b", s, re.I)]
    # "Men can answer no. So can women who can no longer get pregnant, for example after a hysterectomy or the
    # menopause.": the examples of why someone can answer no.
    no_reasons = [listed for i, s in enumerate(help_sentences)
                  if re.search(r"\bcan answer no\b", s, re.I) or (i and re.match(r"\s*so (?:can|may)\b", s, re.I)
                                                                   and re.search(r"\bcan answer no\b", help_sentences[i - 1], re.I))
                  for listed in re.findall(r"\b(?:for example|such as|like)\b([^.]+)", s, re.I)]
    return QuestionWords(
        topics=topics,
        help_examples=help_examples,
        not_counted=tuple(words for words in not_counted if words),
        asks_active=bool(_ACTIVE.search(english)),
        asks_severity=bool(_SEVERITY.search(english)),
        asks_window=bool(_WINDOW.search(english)),
        asks_possibility=bool(_POSSIBLE.search(english)),
        asks_consent=bool(_CONSENT.search(english)),
        own_negations=_own_negations(counted),
        ability_words=_ability_words(counted),
        signs=frozenset(word for s in help_sentences for listed in re.findall(r"\b(?:can|may|often) cause ([^.]+)", s, re.I)
                        for word in topic_words([listed]) if word not in _GENERIC),
        help_words_elsewhere=_help_words_elsewhere([s for s in _SENTENCE.split(help_text) if s.strip()]),
        not_sure_for=frozenset(
            word for i, s in enumerate(help_sentences) if re.search(r"\bsay \W?not sure\b", s, re.I)
            # "A fever or chills ... can be an infusion reaction. If that is all it was, say "not sure".": "that" points back
            for word in topic_words([s] + help_sentences[i - 1:i] * bool(re.match(r"\s*if (?:that|this|so)\b", s, re.I)))
            - _GENERIC - _ANSWER_TALK),
        asks_progression=bool(re.search(r"\b(?:grew|progression|progressed|got bigger)\b", english, re.I)),
        asks_treated_in_full=bool(re.search(r"\b(?:fully|radically|completely) treated\b|\bcured\b", english, re.I)),
        unqualified_words=_unqualified_words(english),
        spread_places=frozenset(
            word for s in help_sentences if re.search(r"\b(?:spread|moved)\b", s, re.I)
            for listed in re.findall(r"such as ([^.]+)", s, re.I) for word in topic_words([listed])
        ),
        answers_no_for=tuple(dict.fromkeys(form for word in who for form in _singular_and_plural(word))),
        answers_no_because=topic_words(no_reasons) - _GENERIC,
        umbrella=umbrella,
        asks_ever=bool(_EVER.search(english)) and not _WINDOW.search(english),
        required_treatment=tuple(dict.fromkeys(
            m.group(1).lower() for m in _REQUIRED.finditer(english) if m.group(1).lower() not in ("medicine", "treatment"))),
        counts_if_treated=any(_NEEDS_TREATMENT.search(s) and re.search(r"\bmeans\b", s) for s in help_sentences),
        treated_things=tuple(
            frozenset(w for w in m.group(1).lower().split() if w not in ("a", "an", "the", "or", "and", "had"))
            for m in re.finditer(r"\b((?:[a-z]+ )?[a-z]+) that need(?:s|ed)? (?:medicine|treatment)\b", english, re.I)),
        counts_if_limited=any(re.search(r"\bmeans\b.*\blimits what you can do\b", s, re.I) for s in help_sentences),
        asks_only=bool(re.search(r"\bonly\b", english, re.I)),
        low_dose=next(((Decimal(m.group(1)), m.group(2).lower()[:5]) for s in help_sentences for m in re.finditer(
            r"\b(\d+(?:\.\d+)?) ?mg of (\w+) a day or less\b", s, re.I) if _NOT_COUNTED.search(s)), ()),
        asked=Asked(
            groups=_asked_groups(counted, terms, help_examples),
            ignored=frozenset().union(*not_counted) if not_counted else frozenset(),
            now_words=_now_words(counted, topics, english, umbrella),
        ),
    )


def _now_words(sentences, topics: frozenset, english: str, umbrella: bool) -> frozenset:
    """The words of what the question asks about as it is now: all of them where the question asks "still
    active?", "not well controlled?", "in the last 6 months?" or "severe?"; on a list, those of its lines that say so."""
    now = re.compile(rf"{_ACTIVE.pattern}|{_SEVERITY.pattern}|{_WINDOW.pattern}", re.I)
    if not umbrella:
        return topics if now.search(english) else frozenset()
    return frozenset().union(*(topic_words([s]) for s in sentences if s.lstrip().startswith("-") and now.search(s)))


def _asked_groups(sentences, terms: tuple, help_examples: frozenset) -> tuple:
    """The question's things, one group of words each: the parts of its text between commas, "or" and "and"
    ("Have you had a heart attack", "heart failure", "an irregular heartbeat"), each term ("atrial
    fibrillation") and each example its help gives ("psoriasis")."""
    parts, pointing = [], None
    for sentence in sentences:
        if pointing is not None and not sentence.rstrip().endswith("?") and not sentence.lstrip().startswith("-"):
            # "... an allergic reaction to any of these drugs? One is capecitabine.": the sentences after
            # "these" name what it points to, so they belong to its part.
            parts[pointing] += " " + sentence
            continue
        pieces = [piece for piece in re.split(r"[,?.;:!\n]|\b(?:or|and)\b", sentence, flags=re.I) if piece.strip()]
        pointing = len(parts) + len(pieces) - 1 if pieces and not sentence.lstrip().startswith("-") and re.search(r"\b(?:these|those|the following)\b", sentence, re.I) \
            and sentence.rstrip().endswith("?") else None
        parts += pieces
    groups = [topic_words([part]) for part in parts] + [topic_words([], (term,)) for term in terms]
    groups += [frozenset({word}) for word in help_examples]
    return tuple(dict.fromkeys(group for group in groups if group))


def _is_not_a_topic(sentence: str, topics: frozenset) -> bool:
    """"Targeted pills, such as palbociclib, are not chemo either": a help sentence that says something is
    not what the question asks about."""
    if re.search(r"\b(?:that|which|who|when|if|unless)\b", sentence, re.I):
        return False  # "Brain spread that was treated and is stable is not active": a condition, not a thing
    return any(match.group(1).lower() in topics for match in _IS_NOT.finditer(sentence))


def _not_counted_words(sentence: str, topics: frozenset) -> frozenset:
    """The words of a sentence that says what does not count, short ones too ("flu"); the thing that is
    not counted is named by these, not by the verb or by the topic the sentence says it is not."""
    plain = _NOT_COUNTED.sub(" ", sentence)
    said_not = {match.group(1).lower() for match in _IS_NOT.finditer(plain)}
    plain = _IS_NOT.sub(" ", plain)
    words = topic_words([plain]) | {w for w in re.findall(r"\b[a-z]{3}\b", plain.lower()) if w not in _SHORT_COMMON}
    words |= {w.lower() for w in re.findall(r"\b[A-Z]{2,}\b", plain)}  # "a CT scan"
    return frozenset(words - {"count", "counted", "either", "most", "dose", "doses", "less", "more"} - said_not)


def _help_words_elsewhere(own_help: list) -> frozenset:
    """The words of the question's own help sentences other than one that says to answer "not sure" (and the one
    before it that "If that is all it was" points to): "drip" in "Many cancer drugs given by drip ..."."""
    def says_not_sure(i):
        return bool(re.search(r"\bsay \W?not sure\b", own_help[i], re.I))
    pointed = {i for i in range(len(own_help) - 1)
               if says_not_sure(i + 1) and re.match(r"\s*if (?:that|this|so)\b", own_help[i + 1], re.I)}
    return topic_words([s for i, s in enumerate(own_help) if not says_not_sure(i) and i not in pointed])


# Words of a help sentence that tell how to answer, not what it is about.
_ANSWER_TALK = frozenset("know whether that instead often sure live say said".split())


# Three-letter words that name nothing ("flu", "jab" and "eye" do).
_SHORT_COMMON = frozenset(
    "the and are not for but you can too its all any has had was who one two per day via use out few new old "
    "own see way may get got did does let put say she her him his how why yet now off".split()
)


def _own_negations(sentences) -> tuple:
    """"that are not well controlled", "that has not healed": a reply that repeats these says yes."""
    found = []
    for sentence in sentences:
        for match in re.finditer(r"\b(?:can )?not (?:well |fully |under |been )?[a-z]{4,}", normalise(sentence)):
            found.append(match.group(0))
    return tuple(dict.fromkeys(found))


# "a tumour that doctors could measure", "are you able to walk": what the question asks as something that can be
# done. "They can't measure it" says it cannot: a no, not the trouble a negated verb names elsewhere ("he can't
# swallow tablets" to "trouble swallowing?").
_CAN_DO = re.compile(r"(?<!not )\b(?:could|can|able to)\s+(?:\w+ly\s+)?([a-z]{4,})")


def _unqualified_words(english: str) -> frozenset:
    """"Do you have cirrhosis of the liver? Or hepatitis that is active and not well controlled?": the words of
    the sentences asked without "active" or "not well controlled" ("cirrhosis", "liver"). A reply that names one
    of them is not answered by "it is controlled", which is about the other sentence."""
    sentences = [s for s in _SENTENCE.split(english) if s.strip()]
    qualified = [s for s in sentences if _ACTIVE.search(s)]
    if not qualified or not all(re.match(r"\s*or\b", s, re.I) for s in qualified):
        return frozenset()  # "... spread to your brain? And is it growing?": the second asks about the first
    plain = [s for s in sentences if not _ACTIVE.search(s) and s.rstrip().endswith("?")]
    return topic_words(plain) - topic_words(qualified)


def _ability_words(sentences) -> frozenset:
    """The verbs the question asks about as an ability ("measure" in "doctors could measure")."""
    return frozenset(match.group(1) for sentence in sentences for match in _CAN_DO.finditer(normalise(sentence))
                     if match.group(1) not in ("not", "never"))


def _singular_and_plural(word: str) -> tuple:
    irregular = {"men": "man", "women": "woman", "children": "child", "people": "person"}
    # "I'm male" says "I'm a man".
    also = {"men": ("male", "males"), "women": ("female", "females")}
    if word in irregular:
        return (word, irregular[word]) + also.get(word, ())
    return (word, word[:-1]) if word.endswith("s") else (word, word + "s")
