"""How hard a Chinese text is to read: the CLDC score.

Flesch-Kincaid counts English syllables and means nothing for Chinese. The
Chinese readability literature measures two things instead: how long the
sentences are (in words) and how many of the words are uncommon. The score is

    average sentence length in words + HSK level 3+ words per 100 words

and a text scoring above ``DIFFICULT_ABOVE`` (30) is difficult. Words are cut
with jieba (0.42.1, the version Rasa allows); a word's level comes from the
HSK vocabulary of the national standard GF0025-2021 shipped in ``data/``
(levels 1-6, and 7 for its advanced band 7-9; Simplified). Its source, its
licence, and why this list and not the 300-word HSK 2.0 levels 1-2, are in
``data/README.md``.

How each kind of token counts (the choices a formula on words leaves open):

* Words are jieba's dictionary words (``HMM=False``). Its HMM would join runs it
  does not know into made-up words (肝会, 会伤) that no list has, each "hard".
  Instead, where jieba falls back to single characters, consecutive ones that
  HSK does not list either are read as one unknown word: most often a drug's or
  a disease's name jieba does not know (莫昔芬), one hard word, not three.
* A sentence ends at 。！？；!?; or at a line break: each line of a list is read
  as its own sentence, as the English check does.
* Punctuation is not a word.
* A hard word counts once in a text however often it comes back, as in the
  Spache formula's count of unfamiliar words: a reader who has met 化疗 in the
  first sentence meets a known word in the third. (Every occurrence still counts
  as a word.)
* Numbers written in digits (18, 7.5, 0-1, 1+) are one word each and never hard:
  every reader knows digits, and the score should not push "4 周" into "四周".
* Latin abbreviations (CT, ISH, mg) are one word each and hard: they are terms a
  reader has to have explained.
* The standard terms of the project's domain notes (鼻咽癌, 含铂化疗, 免疫组化,
  HER2, PD-1 …; ``data/standard_terms.txt``) are one easy word each. The
  writing rules require exactly these terms, each with a plain explanation
  around it; the score measures the words we choose around a term, not the term
  we must use (as the English reading-level tests read their NAMES).
* Names the reader already knows, their diagnosis (鼻咽癌, 乳腺癌), the trial
  drugs' codes, the registry ids and the sponsors' company names (``KNOWN_NAMES``),
  are one easy word each: splitting 上海复宏汉霖生物技术股份有限公司 into six words,
  half of them "hard", would measure the company's name, not our writing.
* Other medical words and drug names (化疗, 利福平 …; ``data/medical_terms.txt``)
  are one word each, so jieba does not cut a name into pieces that would each
  count; they are hard words.
* Any other Chinese word is easy when HSK lists it at level 1 or 2, or when it is
  made entirely of such words. jieba joins words that HSK lists separately
  (做过, 看不到), and some of its joins are HSK words of another meaning: in
  "才能开始" jieba's 才能 is 才 + 能 ("only then can"), not the level-3 noun
  才能 ("talent"). Cutting such a word into easy words errs toward easy, which a
  few colloquial words (片子, "scan films", is 片 + 子) also get. Every other
  word is hard: HSK level 3 or above, or not in HSK at all, which is rarer still.

This module knows nothing of Rasa; tests and ``scripts/chinese_reading_level.py`` use it.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Tuple

import jieba

DATA = Path(__file__).resolve().parent / "data"
HSK_LEVELS_FILE = DATA / "hsk_2021_levels.tsv"
MEDICAL_TERMS_FILE = DATA / "medical_terms.txt"
STANDARD_TERMS_FILE = DATA / "standard_terms.txt"
DIFFICULT_ABOVE = 30
EASY_LEVELS = (1, 2)

KNOWN_NAMES = (
    "鼻咽癌",
    "乳腺癌",
    "上海复宏汉霖生物技术股份有限公司",
    "正大天晴药业集团股份有限公司",
    "复宏汉霖",
    "正大天晴",
    "Shanghai Henlius Biotech",
    "Chia Tai Tianqing",
    "Qingyuan Zhang",
    "CTTQ",
    "HLX43",
    "TQB2102",
)
_REGISTRY_ID = r"NCT\d{8}"
# A run of Latin letters and digits, joined by . + - inside it: HER2, PD-L1, 7.5, 0-1, 1+, T-DM1.
_LATIN = r"[A-Za-z0-9](?:[A-Za-z0-9.+\-]*[A-Za-z0-9+])?"
_SPECIAL = re.compile(
    "|".join([re.escape(name) for name in sorted(KNOWN_NAMES, key=len, reverse=True)] + [_REGISTRY_ID, _LATIN])
)
_KNOWN = re.compile("|".join([re.escape(name) for name in KNOWN_NAMES] + [_REGISTRY_ID]))
_NUMBER = re.compile(r"[0-9][0-9.+\-]*")
_SENTENCE_END = re.compile(r"[。！？；!?;]+|\n+")
_HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Reading:
    """One text's counts and its score."""

    text: str
    sentences: int
    words: Tuple[str, ...]
    hard_words: Tuple[str, ...]  # each counted once, in the order they first appear

    @property
    def average_sentence_length(self) -> float:
        return len(self.words) / self.sentences

    @property
    def hard_per_100_words(self) -> float:
        return 100 * len(self.hard_words) / len(self.words)

    @property
    def score(self) -> float:
        return self.average_sentence_length + self.hard_per_100_words

    @property
    def difficult(self) -> bool:
        return self.score > DIFFICULT_ABOVE


@lru_cache(maxsize=1)
def hsk_levels() -> Dict[str, int]:
    """Each HSK word with its level (the lowest, for the few listed twice)."""
    levels: Dict[str, int] = {}
    for number, line in enumerate(HSK_LEVELS_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        word, _, level = line.partition("\t")
        if not word or not level.isdigit() or not 1 <= int(level) <= 7:
            raise ValueError(f"{HSK_LEVELS_FILE}: line {number} is not 'word<TAB>level 1-7'")
        levels[word] = min(int(level), levels.get(word, 7))
    return levels


@lru_cache(maxsize=1)
def _easy_words() -> FrozenSet[str]:
    return frozenset(word for word, level in hsk_levels().items() if level in EASY_LEVELS)


def _terms(path: Path) -> Tuple[str, ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def standard_terms() -> FrozenSet[str]:
    return frozenset(_terms(STANDARD_TERMS_FILE))


@lru_cache(maxsize=1)
def medical_terms() -> Tuple[str, ...]:
    return _terms(MEDICAL_TERMS_FILE)


@lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    # A tokenizer of our own, so the terms added here never change how Rasa's JiebaTokenizer cuts.
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    for term in (*standard_terms(), *medical_terms()):
        if _HAN.search(term):
            tokenizer.add_word(term)
    return tokenizer


def is_easy(word: str) -> bool:
    """A standard term or a known name, HSK level 1-2, or made entirely of such words (做过 is 做 + 过)."""
    if word in standard_terms() or _KNOWN.fullmatch(word):
        return True
    easy = _easy_words()
    if word in easy:
        return True
    # Can the word be cut, left to right, into easy words? (Short words: a small table.)
    reachable = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        reachable[end] = any(reachable[start] and word[start:end] in easy for start in range(end))
    return reachable[len(word)]


def words(sentence: str) -> List[Tuple[str, bool]]:
    """The sentence's words, each with whether it is hard."""
    found: List[Tuple[str, bool]] = []
    position = 0
    for match in _SPECIAL.finditer(sentence):
        found.extend(_chinese_words(sentence[position : match.start()]))
        token = match.group()
        if _KNOWN.fullmatch(token) or _NUMBER.fullmatch(token) or token.rstrip("+-") in standard_terms():
            found.append((token, False))
        else:
            found.append((token, True))  # a Latin abbreviation: a term to explain
        position = match.end()
    found.extend(_chinese_words(sentence[position:]))
    return found


def _chinese_words(segment: str) -> List[Tuple[str, bool]]:
    if not _HAN.search(segment):
        return []
    tokens = [token for token in _tokenizer().cut(segment, HMM=False) if _HAN.search(token)]
    return [(token, not is_easy(token)) for token in _join_unknown_characters(tokens)]


def _join_unknown_characters(tokens: List[str]) -> List[str]:
    """Consecutive single characters that HSK does not list are one unknown word (他/莫/昔/芬 is 他 + 莫昔芬).

    Without its HMM, jieba cuts a name it does not know (a drug's, a disease's)
    into single characters; each would count as a hard word of its own. A
    character HSK lists (和, 西) is never swallowed, so a run stops there.
    """
    joined: List[str] = []
    run = ""
    for token in tokens:
        if len(token) == 1 and token not in hsk_levels() and token not in standard_terms():
            run += token
            continue
        if run:
            joined.append(run)
            run = ""
        joined.append(token)
    if run:
        joined.append(run)
    return joined


def sentences(text: str) -> List[str]:
    return [part.strip() for part in _SENTENCE_END.split(text) if part.strip()]


def read(text: str) -> Reading:
    """Count the sentences, words and hard words of ``text``; refuses a text with no words."""
    counted = [(sentence, words(sentence)) for sentence in sentences(text)]
    counted = [(sentence, found) for sentence, found in counted if found]
    if not counted:
        raise ValueError(f"no Chinese, Latin or digit words to score in {text!r}")
    every = [word for _, found in counted for word in found]
    return Reading(
        text=text,
        sentences=len(counted),
        words=tuple(word for word, _ in every),
        hard_words=tuple(dict.fromkeys(word for word, hard in every if hard)),
    )
