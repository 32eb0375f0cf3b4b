"""How serious, and how controlled: what a Chinese yes/no reply says about the severity or the control a
question asks about (让骨头坏得很重？比如骨头断了; 这些病现在没有控制好吗？).

:mod:`~bot.understanding.chinese.statements` asks these when the polarity alone does not answer: "有骨转移，没断"
to "…坏得很重？比如骨头断了" is a no (the illness, and no to the sign of severity), "有乙肝，在吃恩替卡韦" to
"…没有控制好吗？" is checked (treated, and how well is not said). The signs of severity are the question's own
words (its severity sentences, and their other names in ``seeds/synonyms_zh.yml``).
"""

from __future__ import annotations

import re

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.chinese.polarity import read_polarity
from bot.understanding.chinese.question_words import _FUNCTION, QuestionWords, pairs
from bot.understanding.chinese.text import clauses, normalise

# How serious: mild, no hospital, gone with an ointment.
_MILD = re.compile(
    r"不严重|不算严重|不算重|算不上重|不太严重|不是很严重|不重|不太重|没那么重|轻微|轻度|(?:很|比较|挺|还算)轻(?!松)|一点|了点|有点|不影响|没住院|没有住院|不用住院|没住过院"
    r"|不用吃药|不用治|不用处理|没什么大|没有大|没大|就好了|自己好了|药膏|小问题"
)
_SERIOUS = re.compile(
    r"(?<!不)(?<!不是)(?<!不算)(?<!不太)(?<!没那么)(?:很重|严重|厉害)|(?<!没)(?<!没有)(?<!不用)住(?:过)?院|抢救|icu|重症"
    r"|喘不上|出不来气|喘不过|吸氧|(?:就|都|也)(?:要|会|觉得|感觉)?(?:喘|歇|气促|气短|气急|憋气)|血压.{0,4}(?:低|掉)|困难|都不行|做不了|干不了|拿不|不稳|听不(?!懂)|看不(?!出)"
)
# Better now: a serious word about the past (以前麻得厉害，现在好多了).
_BETTER = re.compile(r"好多了|好些了|好一些|好转|缓解|减轻|轻多了|轻一些|恢复|没那么|不那么")


def _serious(text: str) -> bool:
    """A serious word that is not itself negated: 血压掉得很低, not 血压没掉; 喘不上气, not 没喘不上气."""
    for match in _SERIOUS.finditer(text):
        span = text[max(0, match.start() - 2): match.start()] + (match.group(0) if "不" not in match.group(0) else "")
        if not re.search(r"没|不|未|无", span):
            return True
    return False


# Being treated now (在吃恩替卡韦, 一直吃降压药): an illness under treatment may or may not be under control.
_TREATED_NOW = re.compile(r"(?:在|一直|还在|正在|每天|长期|天天)(?:吃|用|打|服|喝)|吃(?:着)?(?:药|[\u4e00-\u9fff]{0,4}药)")
# Still troubling despite treatment (还是喘, 老是心慌, 药调了好几次): not under control.
_STILL_TROUBLE = re.compile(r"还是|仍然|依然|老是|总是|经常|反复|调了|换了|加了|降不")
_NEGATION_WORD = re.compile(r"(?:没|不|未|无)(?:有)?(?:再)?")


def _severity_denied(words: QuestionWords, text: str, topic_text: str) -> bool:
    """To a question about how serious (its severity sentences: 骨头断了, 压到了脊髓), a reply whose clauses
    are a yes to the illness only (有骨转移), or a firm no to a sign of the severity asked (没骨折, 冇断: the
    word after the negation is one of those sentences' pairs, or a single character of them), with at least
    one such no, and nothing serious."""
    if not words.severity_pairs or _serious(text):
        return False
    from bot.understanding.chinese.statements import _ANSWER_CLAUSE

    severe_chars = {char for pair in words.severity_pairs for char in pair}
    denied = False
    for part in clauses(text):
        reading = read_polarity(part, topic_text)
        negation = _NEGATION_WORD.search(part)
        if reading.value == NO and negation is not None:
            after = part[negation.end():]
            single = re.fullmatch(r"([\u4e00-\u9fff])(?:了|过|掉)?", after)
            if words.names_severity(after) or (single and single.group(1) in severe_chars):
                denied = True
                continue
            return False
        if words.names_severity(part) or reading.value in (NOT_SURE, NO):
            return False
        # What else is told is about the illness itself (有骨转移, 骨头疼), in the question's own words and not
        # its help's (压到神经 is in the help, as a sign of how bad).
        if not _ANSWER_CLAUSE.match(part) and not words.names_topic(part, with_help=False):
            return False
    return denied


def _severity_said(words: QuestionWords, text: str, topic_text: str) -> bool:
    """A clause with no negation of its own names the illness asked about (转移) and a sign of the severity
    asked (压到神经); the rest only describe (腿没劲)."""
    base = words.topics - words.severity_pairs
    return any(words.names_severity(part) and pairs(part) & base and not re.search(r"没|不|未|无", part)
               and read_polarity(part, topic_text).value in (None, YES) for part in clauses(text))


def _asks_control(words: QuestionWords, text: str) -> bool:
    """The question (or every line of an umbrella's list that the reply names) asks whether something is
    under control (没有控制好)."""
    if not words.lines:
        return words.asks_control
    replied = pairs(text)
    named = [line for line in words.lines if replied & line.topics]
    return bool(named) and all(line.asks_control for line in named)


def _severity_of_what_is_asked(words: QuestionWords, text: str) -> bool:
    """"腰椎转移压到神经了": a sign of the severity asked (压到神经) and the illness it asks about (转移), named
    apart; 腰椎间盘突出，压到神经 names the sign only, of something else."""
    return words.names_severity(text) and bool(pairs(text) & (words.topics - words.severity_pairs))


def _sign_only(question, words: QuestionWords, text: str) -> bool:
    """"腰椎间盘突出，压到神经了" to "has cancer in the bones done damage (压到了脊髓)?": the sign of how bad,
    named without the illness the question asks about (转移, 骨头): of what, is not said."""
    # Only the other names of the severity asked (seeds/synonyms_zh.yml), which name no illness of their own;
    # a pair of the severity sentences (住院) beside an illness (肠炎) is read by the other rules.
    named = any(name in text for name in words.severity_names)
    # The question's own terms (病理性骨折, 脊髓压迫) name the severity of what it asks about.
    own = any(len(term) >= 2 and normalise(term, limit=None) in text for term in question.terms)
    return named and not own and not _severity_of_what_is_asked(words, text)


# Fine, or only now and then (没事, 还行, 不喘): said of a time or an activity.
_FINE_THEN = re.compile(r"没事|还行|还可以|可以|正常|没问题|不喘|不累|不难受|挺好|还好")


def _only_beyond_the_severity(words: QuestionWords, text: str) -> bool:
    """"有慢阻肺，爬楼梯会喘，平地走没事" to "…就算只走几步路，或者在休息，也很难出气吗？": the very thing its
    severity sentences name (走, 休息) is said to be fine, and nothing serious is told: less than it asks."""
    if not words.severity_text or _serious(text) or words.names_severity(text):
        return False
    asked = {char for char in words.severity_text if re.match(r"[\u4e00-\u9fff]", char) and char not in _FUNCTION}
    fine = [part for part in clauses(text) if _FINE_THEN.search(part)
            and asked & set(_FINE_THEN.sub("", part))]
    return bool(fine)
