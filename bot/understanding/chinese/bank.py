"""What the other questions of the bank name: a reply that names another question's thing.

Every Chinese question has its own words: its terms, the things its text and help name (jieba's
nouns: 强的松 through ``seeds/synonyms_zh.yml`` for the steroid question, 来曲唑 in the hormone
question's help, 痣 in the minor-surgery help, CT in the scan question's terms) and the other names
of those words. A reply that names a word of ANOTHER question and no word of the one asked
("吃过强的松" to "hormone therapy for cancer?", "去年点了个痣" to "major surgery?") says something
true about another question, not this one: it is checked, never read as this question's answer.

The words come from the question bank as loaded (``ChineseReader.prepare``), so a coordinator who
adds a term or a help example adds it here too; the reader keeps no list of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Dict, FrozenSet, Iterable, Tuple

from bot.screening.answers import Question
from bot.understanding.chinese.question_words import QuestionWords, pairs, question_words
from bot.understanding.chinese.synonyms import other_names
from bot.understanding.chinese.text import normalise, tagged_words

# jieba's tags for things: nouns, fixed phrases, names (地塞米松 nr), foreign words (CT eng).
_THING_TAGS = ("n", "l", "i", "nz", "nr", "ns", "eng")
_CHARS = re.compile(r"[\u4e00-\u9fff]")
# Words that many questions use and that name no one question's thing.
_SHARED = frozenset(
    "医生 大夫 医院 药 药名 药片 身体 时候 问题 研究 研究团队 名字 地方 东西 意思 日期 时间 病 癌 肿瘤 癌症 癌细胞 治疗"
    " 手术 检查 片子 血 针 皮肤 免疫系统 病人 器官 生活 治癌 肺 肝 肾 心脏 骨头 血管".split()
)


def own_words(question: Question) -> FrozenSet[str]:
    """The words one question names: its terms, the things its text and help name, and their other names;
    not what it says not to count (穿刺活检 in "用针取一点组织，叫穿刺活检。这个不算")."""
    words = question_words(question)
    return frozenset(word for word in _own_words(tuple(question.text.values()), question.terms, question.help or "")
                     if not words.not_counted_only(word))


@lru_cache(maxsize=None)
def _own_words(texts: tuple, terms: tuple, help_text: str) -> FrozenSet[str]:
    found = {normalise(term, limit=None) for term in terms}
    written = [normalise(text, limit=None) for text in texts] + [normalise(help_text, limit=None)]
    for text in written:
        for word, tag in tagged_words(text):
            if tag.startswith(_THING_TAGS) and (len(word) >= 2 or (tag == "n" and re.fullmatch(r"[\u4e00-\u9fff]", word))):
                found.add(word)
    found |= set(other_names(written + sorted(found)))
    return frozenset(word for word in found if word and word not in _SHARED and (pairs(word) or len(word) == 1 or len(_CHARS.findall(word)) >= 3))


def others_named(questions: Iterable[Question], question: Question, words: QuestionWords, text: str) -> Tuple[str, ...]:
    """The words of other questions of the same type (another treatment, to a "how long ago" question)
    that the reply names and that are no word of this one. A word of one character (痣) counts only as
    a whole word of the reply and when one other question alone names it."""
    mine = own_words(question)
    peers = [other for other in questions
             if other.id != question.id and not other.umbrella and other.type is question.type]
    single = {}
    for other in peers:
        for word in own_words(other):
            if len(word) == 1:
                single[word] = single.get(word, 0) + 1
    reply_words = {word for word, tag in tagged_words(text) if tag == "n"}
    found = []
    for other in peers:
        for word in own_words(other):
            if word in mine or word in found or word not in text:
                continue
            if len(word) == 1 and (single[word] > 1 or word not in reply_words):
                continue
            if words.names_topic(word) or pairs(word) & words.every_topic:
                continue
            found.append(word)
    return tuple(found)


def names_only_another_question(questions: Dict[str, Question], question: Question, words: QuestionWords,
                                text: str) -> Tuple[str, ...]:
    """The other questions' words the reply names, when it names no word of this question; else ()."""
    if question.umbrella or words.names_topic(text) or any(word in text for word in own_words(question)):
        return ()
    return others_named(questions.values(), question, words, text)
