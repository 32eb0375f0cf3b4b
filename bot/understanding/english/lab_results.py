"""Pathology-report wording for the two lab questions, turned into one plain phrase.

"IHC 2+, FISH not amplified" and "her2 two plus, ish negative" both become
"ihc 2+ ish negative"; "ER 90% positive, PR negative" becomes "hormone receptor
positive". A choice in ``seeds/questions.yml`` says which phrase it means
(``means:``), so the words stay data and this module only knows report grammar.
"""

from __future__ import annotations

import re
from typing import Optional

# The second test of a 2+ score.
_ISH_TEST = r"(?:(?:fish|ish|sish|cish)(?:\s+(?:test|testing))?)"
# Words between the test's name and its result ("the FISH test and it came back positive"): never a
# negation or another test's name ("FISH not done, ER came back positive").
_GAP = r"(?:(?!(?:not|no|never|er|pr|hormone|estrogen|oestrogen|progesterone|her2|ihc|biopsy|scan|brca)\b)\w+\s+){0,4}?"
_ISH_NEGATIVE = re.compile((
    r"\b(?:not amplified|non ?amplified|non-amplified|no amplification|without amplification|unamplified"
    r"|(?:fish|ish|sish|cish)\s*(?:test\s*)?(?:was|is|came back|result|:)?\s*(?:negative|neg|-(?!\w)|normal)"
    r"|{test}\s+{gap}(?:came back|was|were|showed|is|result was)\s+(?:as\s+)?(?:negative|neg|normal)\b"
    r"|(?:negative|neg)\s+(?:fish|ish|sish|cish))"
).format(test=_ISH_TEST, gap=_GAP))
_ISH_POSITIVE = re.compile((
    r"\b(?:(?<!not )(?<!non )(?<!non-)(?<!no )amplified|amplification(?! not)"
    r"|(?:fish|ish|sish|cish)\s*(?:test\s*)?(?:was|is|came back|result|:)?\s*(?:positive|pos|\+)"
    r"|{test}\s+{gap}(?:came back|was|were|showed|is|result was)\s+(?:as\s+)?(?:positive|pos)\b"
    r"|(?:positive|pos)\s+(?:fish|ish|sish|cish))"
).format(test=_ISH_TEST, gap=_GAP))
_SCORE = re.compile(
    r"(?:\b(?:ihc|her2|her-2|her 2|score|scored|score of|grade|staining)\s*(?:score\s*)?(?:of\s*|was\s*|is\s*|:\s*)?"
    r"([0-3])\s*(\+|plus\b)?|\b([0-3])\s*(\+|plus\b)|\b(zero|null)\b|\b(one|two|three) plus\b|(\+{1,3})(?![\w+])"
    r"|\b(?:ihc|her2|her-2|her 2)?\s*(?:score|scored|scoring)\s+(?:of\s+|was\s+|is\s+)?(one|two|three)\b(?!\s+(?:of|out|times|weeks?|months?|years?)\b))"
)
_CALLED_POSITIVE = re.compile(r"\bher2\s*(?:-\s*)?(?:positive|pos)\b|\bher2\+(?!\+)")
_CALLED_LOW = re.compile(r"\bher2\s*(?:-\s*)?(?:low|negative|neg)\b")
_WORD_SCORES = {"one": 1, "two": 2, "three": 3, "zero": 0, "null": 0}


def her2_phrase(text: str) -> Optional[str]:
    """"ihc 0", "ihc 1+", "ihc 2+", "ihc 2+ ish negative", "ihc 2+ ish positive", "ihc 3+",
    "ish negative" or "ish positive" (no score given), or None."""
    score = _her2_score(text)
    ish = "negative" if _ISH_NEGATIVE.search(text) else "positive" if _ISH_POSITIVE.search(text) else None
    denied = re.sub(r"\b(?:not amplified|no amplification|without amplification)\b", " ", text)
    if _ISH_NEGATIVE.search(text) and _ISH_POSITIVE.search(denied):
        ish = None  # both said: nothing is guessed
    if score is None:
        if re.search(r"\b(no staining|no her2|not expressed|no expression)\b", text):
            return "ihc 0"
        return f"ish {ish}" if ish else None
    if score == 2 and ish is None:
        # "2+, so they called it HER2 positive": a 2+ is positive only with a positive ISH, and HER2-low
        # (or negative) only with a negative one.
        called = re.sub(r"\b(?:not|non)\s+her2\s*(?:-\s*)?(?:positive|pos|low|negative)\b", " ", text)
        if _CALLED_POSITIVE.search(called) and not _CALLED_LOW.search(called):
            ish = "positive"
        elif _CALLED_LOW.search(called) and not _CALLED_POSITIVE.search(called):
            ish = "negative"
    if score == 2 and ish:
        return f"ihc 2+ ish {ish}"
    if score == 0:
        return "ihc 0"
    return f"ihc {score}+"


def conflicting(text: str) -> bool:
    """Two results that cannot both be the answer: two different HER2 scores ("2+ on the first biopsy,
    1+ on the liver one"), or one receptor called both positive and negative ("ER positive ... later
    ER negative"). Which one counts is for the person (or the study team) to say."""
    if len(_her2_scores(text)) > 1:
        return True
    said = {}
    for receptor, result in re.findall(
            r"\b(er|pr|estrogen|oestrogen|progesterone|her2)\s*(?:receptors?\s*)?(?:was|is|were|are|:)?\s*"
            r"(positive|pos|negative|neg)\b", text):
        key = {"estrogen": "er", "oestrogen": "er", "progesterone": "pr"}.get(receptor, receptor)
        said.setdefault(key, set()).add(result.startswith("pos"))
    return any(len(results) > 1 for results in said.values())


def _her2_score(text: str) -> Optional[int]:
    scores = _her2_scores(text)
    return scores.pop() if len(scores) == 1 else None


def _her2_scores(text: str) -> set:
    scores = set()
    for match in _SCORE.finditer(text):
        digit, _, bare, _, word, plus_word, pluses, score_word = match.groups()
        plus_word = plus_word or score_word
        if digit is not None:
            scores.add(int(digit))
        elif bare is not None:
            scores.add(int(bare))
        elif word is not None:
            scores.add(0)
        elif plus_word is not None:
            scores.add(_WORD_SCORES[plus_word])
        elif pluses is not None:
            scores.add(len(pluses))
    return scores


_RECEPTOR = r"(?:er|pr|pgr|estrogen|oestrogen|progesterone|hormone|hormones|hr|hormone receptors?|estrogen receptors?|oestrogen receptors?|progesterone receptors?|receptors?)"
# An Allred score (of 8) of 3 or more is positive, 0 to 2 negative.
_POSITIVE_WORDS = r"(?:positive|pos|\+|sensitive|strongly positive|weakly positive|\d{1,3}%|[3-8]\s*(?:/|out of)\s*8)"
_NEGATIVE_WORDS = r"(?:negative|neg|-|0%|[0-2]\s*(?:/|out of)\s*8|0(?![\d.%/]))"


def hormone_phrase(text: str) -> Optional[str]:
    """"hormone receptor positive" when ER or PR is positive, "... negative" when every one named is negative."""
    if re.search(r"\btriple negative\b|\btnbc\b", text):
        return "hormone receptor negative"
    # A receptor stained in under 1% of cells counts as negative (0%, <1%).
    text = re.sub(r"(?:less than\s*1|\b0(?:\.\d+)?)\s*%", " negative ", text)
    # "not the hormone kind", "it isn't a hormonal one": the kind of cancer, denied.
    text = re.sub(r"\b(?:not|non)\s+(?:the\s+|a\s+)?(?:hormone|hormonal)\s+(?:kind|type|sort|one|cancer)\b|\bnot hormonal\b",
                  " not hormone sensitive ", text)
    denied = re.compile(r"\b(?:not|non)\s+(?:\w+\s+){0,2}(?:sensitive|responsive|positive|driven|dependent)\b")
    if denied.search(text):
        text = denied.sub(" negative ", text)
        if not re.search(rf"{_POSITIVE_WORDS}", text):
            return "hormone receptor negative"
    positives = re.findall(rf"\b{_RECEPTOR}\s*(?:receptors?\s*)?(?:was|is|were|are|:)?\s*(?:both\s+)?(?<!not ){_POSITIVE_WORDS}(?!\w)", text)
    negatives = re.findall(rf"\b{_RECEPTOR}\s*(?:receptors?\s*)?(?:was|is|were|are|:)?\s*(?:both\s+)?{_NEGATIVE_WORDS}(?!\w)", text)
    negatives += re.findall(r"\b(?:not|non)\s+(?:hormone\s+)?(?:sensitive|responsive|positive)\b", text)
    negatives += re.findall(r"\bboth\s+(?:were\s+|are\s+)?negative\b", text)
    if re.search(r"\b(?:fed by|feeds on|driven by|responds to|sensitive to)\s+(?:estrogen|oestrogen|hormones?)\b|\bhormone (?:driven|dependent)\b"
                 r"|\b(?:the|a)\s+(?:hormone|hormonal)\s+(?:kind|type|sort|one)\b", text):
        positives.append("hormone driven")
    if positives and not re.search(r"\bnot\b", " ".join(positives)):
        return "hormone receptor positive"
    if negatives and not positives:
        return "hormone receptor negative"
    return None
