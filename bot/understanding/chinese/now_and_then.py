"""Now and long ago: a question about now (现在, 目前, 最近) answered with what happened long ago.

"十年前心梗过" to "do you have it now?" is a yes only of the past, so it is checked; "两年前得过肺栓塞，最近没有"
to a question about the last 6 months tells the past and answers no about now.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from bot.screening.answers import NO, NOT_SURE, YES, Question
from bot.understanding.chinese.numbers import to_digits
from bot.understanding.chinese.polarity import Polarity
from bot.understanding.chinese.question_words import pairs, question_words
from bot.understanding.chinese.text import clauses
from bot.understanding.chinese.times import read_time
from bot.understanding.reading import Reading

# A question about now or a recent window (最近 4 周里…, 您现在有没有…).
_ASKS_ABOUT_NOW = re.compile(r"最近|现在|目前")
_RECENT_NOT = re.compile(r"^(?:最近|近期|这段时间|目前|现在|这几个月|这两周|这几周)[^,]*?(?:没|不|未)")
_PAST = re.compile(r"\d+\s*(?:年|个月|月|周|星期|天)(?:多)?(?:以|之)?前|以前|之前|去年|前年|年轻|过去|早年")


# Trouble now or lately (现在还喘, 最近老是心慌, 上个月刚心梗): not only long ago. 现在挺好 / 现在没事 is no trouble.
_RECENT_TROUBLE = re.compile(
    r"最近|近期|目前|还在|还是|仍然|刚|上个?月|上周|上个?星期|上个?礼拜|这几天|这两天|前几天|这个月|这周|老是|经常|总是"
    r"|现在(?!(?:都|也|已经)?(?:挺|很|还|都)?(?:好|正常|没|不|稳定|控制))"
)
# "您现在有，或者以前有过…": the past counts too.
_ASKS_ABOUT_THE_PAST = re.compile(r"以前|曾经|有过|得过|过去")
_LONG_AGO = re.compile(r"\d+\s*年(?:多)?(?:以|之)?前|以前|之前|去年|前年|年轻|过去|早年|小时候")


def only_long_ago(question: Question, text: str) -> bool:
    """The question asks about now (现在, 目前, 最近) and the reply tells only of long ago (五年前, 以前)."""
    asked = " ".join(question.text.values())
    if question.umbrella or not _ASKS_ABOUT_NOW.search(asked) or _ASKS_ABOUT_THE_PAST.search(asked):
        return False
    return bool(_LONG_AGO.search(to_digits(text))) and not _RECENT_TROUBLE.search(text)


def about_now(question: Question, text: str, polarity: Polarity, today: dt.date) -> Optional[Reading]:
    """"两年前得过肺栓塞，最近没有" to a question about the last 6 months, "以前得过肺结核，早就治好了"
    to "do you have it now": the past is told, and the answer about now is no."""
    if not _ASKS_ABOUT_NOW.search(" ".join(question.text.values())):
        return None
    parts = clauses(text)
    recent_not = [part for part in parts if _RECENT_NOT.search(part)]
    past = [part for part in parts if _PAST.search(to_digits(part)) and part not in recent_not]
    if polarity.value in (None, NO) and recent_not and past:
        # "三个月前做的手术，最近没有": the past told is before the question's window, if it names one.
        window = question_words(question).window_days
        times = [read_time(part, today) for part in past] if window else []
        if any(t is not None and t.days_min <= window for t in times):
            return None
        return Reading(NO, 0.85)
    if polarity.value == YES and polarity.no_longer and past and re.search(r"治好|好了|痊愈|停了|戒了|没有了|没了", text):
        return Reading(NO, 0.85)
    return None


# Gone now (肿瘤完全消失了, 片子上看不到了): the thing was there and is not now.
_GONE = re.compile(r"消失|不见了|看不(?:到|见)了|没了|消掉了|吸收了")
_ASKS_HAVING = re.compile(r"有没有|有吗|是否有")
# Something still there beside what is gone (还有一个, 另一个还在, 又长了): not all gone.
_STILL_THERE = re.compile(r"还有|还在|还剩|剩下|另(?:外|一)|又长|新长|新的|新发|(?<!没)变大|长大")


def gone_now(question: Question, topics: frozenset, text: str, polarity: Polarity) -> Optional[Reading]:
    """"复查说肿瘤完全消失了" to "is there a tumour on the scan?": what is asked about is gone, a no; never
    to a question that counts the past too (现在有、或者以前有过), nor when something is still there."""
    asked = " ".join(question.text.values())
    if polarity.value == NOT_SURE or not _ASKS_HAVING.search(asked) or _ASKS_ABOUT_THE_PAST.search(asked):
        return None
    parts = clauses(text)
    gone = [part for part in parts if _GONE.search(part) and pairs(part) & topics]
    if not gone or _STILL_THERE.search(text):
        return None
    return Reading(NO, 0.85)
