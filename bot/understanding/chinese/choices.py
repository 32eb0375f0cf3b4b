"""Which choice a Chinese reply means: the choice's own Chinese words from
``seeds/questions.yml`` (label, synonyms, ``means:``) and, for descriptions of
daily life, a small classifier trained on the choice's Chinese ``examples``.

The classifier is scikit-learn's logistic regression over jieba words and
character n-grams (Chinese has no spaces, so characters carry much of the
signal), one per question, trained on first use with a fixed seed. It is used
only when no choice's own words match; its probability is the reading's
confidence, so an unsure guess becomes a check, never an answer.
"""

from __future__ import annotations

import re
from typing import List, Optional, Tuple

from bot.screening.answers import Question
from bot.understanding.chinese.text import normalise, words
from bot.understanding.choice_words import ChoiceClassifier, ChoiceGuess, best_match

# A negation just before a choice's words changes their meaning (不是完全正常).
_NEGATION_BEFORE = re.compile(r"(?:不|没|没有|不是|并非|并不|从没|无|未|不太|不怎么|不能|没法)\s*(?:太|很|是|能|算|再)?\s*$")
_NEGATION_INSIDE = re.compile(r"不|没|无|未|干不了|起不了|下不了")
_ORDINAL = re.compile(r"(?:第|选|选择|选第)?\s*([1-5一二三四五])\s*(?:个|项|种|条|个选项)?|最后一个|最后那个")
_ORDINALS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5}
_COMMON = frozenset(
    "我们 你们 他们 她们 现在 时候 就是 一个 什么 还是 可以 但是 自己 的话 觉得 感觉 医生 没有 这个 那个 因为 所以 已经 "
    "比较 时间 一下 一点 还有 然后 怎么 这样 那样 不是 如果 或者 以前 之前 最近 知道 问题 情况 意思 这种 那种".split()
)


def exact_choice(question: Question, text: str) -> Optional[str]:
    """A reply that is a choice's id, its label, or its place in the list (第二个)."""
    bare = text.strip(" .!,")
    for choice in question.choices:
        if bare in (choice.id.lower().replace("_", " "), choice.id.lower(), normalise(choice.label)):
            return choice.id
    match = _ORDINAL.fullmatch(bare)
    numbered = any(re.search(r"\d", c.label) for c in question.choices)
    if match:
        if match.group(0).startswith("最后"):
            return question.choices[-1].id
        word = match.group(1)
        if numbered and word.isdigit() and match.group(0) == word:
            return None  # HER2 "1" is a score, not the first choice
        index = int(word) if word.isdigit() else _ORDINALS[word]
        if 1 <= index <= len(question.choices):
            return question.choices[index - 1].id
    return None


def synonym_choice(question: Question, text: str) -> Optional[ChoiceGuess]:
    """The choice whose synonym or ``means`` phrase is in the reply, longest first.

    A synonym just after a negation (不是完全正常) does not count. Two choices
    matched by equally long words are a tie, and nothing is guessed.
    """
    found: List[Tuple[int, str]] = []
    for choice in question.choices:
        for phrase in _phrases(question, choice.id):
            start = text.find(phrase)
            while start >= 0:
                if _NEGATION_INSIDE.search(phrase) or not _NEGATION_BEFORE.search(text[:start]):
                    found.append((len(phrase), choice.id))
                start = text.find(phrase, start + 1)
    # A longer phrase holds a shorter one (没有限制 holds 没有): the shorter one is not a rival.
    return best_match(found)


def negated_choices(question: Question, text: str) -> set:
    """Choices whose own words come just after a negation (不是完全正常)."""
    negated = set()
    for choice in question.choices:
        for phrase in _phrases(question, choice.id):
            if _NEGATION_INSIDE.search(phrase):
                continue
            start = text.find(phrase)
            while start >= 0:
                if _NEGATION_BEFORE.search(text[:start]):
                    negated.add(choice.id)
                start = text.find(phrase, start + 1)
    return negated


def classify(question: Question, text: str) -> Optional[ChoiceGuess]:
    """The classifier's guess over the choices that have examples, or None when there is none to train."""
    return CLASSIFIER.classify(question.choices, text)


def _phrases(question: Question, choice_id: str) -> Tuple[str, ...]:
    return CLASSIFIER.phrases(question.choices, choice_id)


def _features():
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.pipeline import FeatureUnion  # imported on first use: the loader stays light

    return FeatureUnion([
        ("words", TfidfVectorizer(analyzer=words, sublinear_tf=True)),
        ("chars", TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)),
    ])


def content_words(text: str) -> set:
    """Pairs of Chinese characters side by side (躺着, 卧床), and Latin words, without the commonest ones.

    Pairs rather than jieba's words: jieba cuts 时候躺着 so that 躺 stands alone."""
    pairs = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        pairs.update(run[i:i + 2] for i in range(len(run) - 1))
    pairs.update(re.findall(r"[a-z][a-z0-9+-]+", text))
    return {pair for pair in pairs if pair not in _COMMON}


CLASSIFIER = ChoiceClassifier(normalise=normalise, features=_features, content_words=content_words)


# The one asked cannot answer for the person it is about (这个得问她男人, 得她自己决定, 我没法替她回答): not sure.
_ANOTHER_DECIDES = re.compile(
    r"(?:得|要|需要|只能)(?:去)?(?:问|看)(?:她|他|病人|本人)|(?:她|他)自己(?:决定|定|说了算)"
    r"|(?:没法|没办法|不能|不好)替(?:她|他)|替不了(?:她|他)")


def answered_by_another(text: str) -> bool:
    return bool(_ANOTHER_DECIDES.search(text))


# A couple both past the age of a pregnancy (俺跟老伴都七十了, 他七十多了，老伴也七十了): the choice that says
# the question does not apply for age (its synonym 年纪大了 in seeds/questions.yml).
_TOO_OLD = "年纪大了"
_PARTNER = re.compile(r"老伴|老婆|爱人|媳妇|老公|丈夫|妻子|两口子|我们俩|我俩|他俩|她俩|(?:我们|俺们|咱们|咱俩)\s*(?:俩|两个|2\s*个?)?\s*都")
_AGE = re.compile(r"(?<![\d.])(\d{2,3})\s*(?:多|来)?\s*(?:岁|了|,|$)")
# "我们都七十了": the two of them at once.
_BOTH_AT_AGE = re.compile(r"(?:跟|和|与)\s*(?:老伴|老婆|爱人|媳妇|老公|丈夫|妻子)\s*(?:都|俩都|两个都)\s*(?:已经|都)?\s*\d"
                          r"|(?:我们|俺们|咱们|咱俩|我俩)\s*(?:俩|两个|2\s*个?)?\s*都\s*(?:已经)?\s*\d")
_PREGNANCY_AGE_ENDS = 60
_BUT = re.compile(r"但|不过|可是|年轻|还有月经|没绝经|还能生")


def past_pregnancy_age(question: Question, converted: str) -> Optional[str]:
    """The "does not apply" choice when ``converted`` (numerals as digits) gives the ages of both partners, every
    one 60 or more; one person's age alone says nothing of a partner who may be younger."""
    if not _PARTNER.search(converted) or _BUT.search(converted):
        return None  # "…，但是她还年轻": the rest of the reply says otherwise
    choice = next((c.id for c in question.choices if _TOO_OLD in _phrases(question, c.id)), None)
    if choice is None:
        return None
    ages = [int(age) for age in _AGE.findall(converted)]
    if not ages or any(age < _PREGNANCY_AGE_ENDS or age > 120 for age in ages):
        return None
    return choice if len(ages) >= 2 or _BOTH_AT_AGE.search(converted) else None


# A method of birth control said of the past, taken out, or only thought of (上过环，后来取了; 以前上环，现在没了;
# 上了环，但是医生说要取; 考虑上环): no method in use now and no willingness said, so a "yes" read from the method's
# words is asked again. A plain assent beside it (愿意, 可以) still answers.
_NOT_IN_USE = re.compile(
    r"以前|之前|过去|曾经|原来|后来|上过|戴过|带过|放过|取了|取掉|取出|拿掉|摘了|摘掉|要取|得取|没了|不戴了|停了"
    r"|考虑|打算|准备|想上|想放|想戴")
_ASSENT = re.compile(r"愿意|可以|当然|好的|没问题|会避孕|同意")


def method_not_in_use(text: str) -> bool:
    """The reply speaks of a method not in use now (see ``_NOT_IN_USE``) and says no willingness of its own."""
    return bool(_NOT_IN_USE.search(text)) and not _ASSENT.search(text)


# Not wanting one method (不想上环, 不愿意带环): another may still be used, so it is no "no" to birth control.
_REFUSAL = re.compile(r"(?:不想|不愿意?|不要|不肯|不用|不打算|不准备|不考虑)\s*$")


def method_refused(question: Question, text: str) -> bool:
    """A method named by the question's "yes" choice (a synonym that is no assent: 上环, 带环) refused by name."""
    willing = next((c.id for c in question.choices if c.polarity == "yes"), None)
    if willing is None:
        return False
    methods = [p for p in _phrases(question, willing) if len(p) >= 2 and not _ASSENT.search(p) and "避孕" not in p]
    return any(_REFUSAL.search(text[:start]) for p in methods for start in _starts(text, p))


def _starts(text: str, phrase: str):
    start = text.find(phrase)
    while start >= 0:
        yield start
        start = text.find(phrase, start + 1)
