"""What a Chinese "how long ago" reply says beside its time, and which of its times answers.

Every "how long ago" question asks about one kind of thing: a treatment, an operation, an injury, a
vaccine. A reply can give a time of something else: an examination (上周拍了个CT), a medicine taken for
another purpose (六味地黄丸调理身体), a mild injury to the serious-injury question, the kind the question
does not count (三周前做的放疗，是止痛的). Such a time is checked, never used as it is (:func:`doubted`).

A reply can also tell several times ("去年确诊，PD-1是上个月打的", "两周前做完放疗，前天去了医院"): a clause
about another question's thing or an examination is not its time (:func:`other_clauses`), and when the
times left disagree, a single clause naming what is asked, or the last time, settles it (:func:`settled_time`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable, Iterable, List, Optional

from bot.understanding.chinese.polarity import without_neutral
from bot.understanding.chinese.statements import _MILD
from bot.understanding.chinese.text import clauses
from bot.understanding.chinese.times import ONGOING_ECHO, TAKING_NOW_ECHO, read_time
from bot.understanding.english.times import TimeReading

# An examination: a scan, an X-ray, a blood test, a check-up (拍了个CT, 做了骨扫描, 复查, 抽血).
EXAMINATION = re.compile(
    r"(?:拍|照|做|查)了?(?:个|一次|一个|一下)?[\u4e00-\u9fffa-z0-9-]{0,6}?"
    r"(?:ct|核磁|mri|pet|b超|彩超|超声|扫描|造影|片子|x光|胸片|检查|化验)|复查|抽血|验血|体检|拍片")
# What a medicine is taken for, when it is not a cancer (调理身体, 降火, 控制血糖).
_OTHER_PURPOSE = re.compile(r"调理|保健|滋补|补身体|补气|补血|降火|安神|助眠|睡眠|降糖|降血糖|降压|降血压|控制血糖|控制血压|减肥|美容")
_CANCER = re.compile(r"癌|肿瘤|瘤")
# Said of an injury: slight (有点擦伤, 不严重, 一点小伤, 擦破点皮: 破点 is 破了一点).
_SLIGHT = re.compile(_MILD.pattern + r"|只是|轻微|一点点|小伤|皮外伤|擦伤|破了?点")
# A clause about another event than the one timed beside it (后来又做过一次止痛的, 另外…).
# "只做过穿刺": only that was had, an event of its own, not what the timed one was.
_ANOTHER_EVENT = re.compile(r"后来|又|另外|还有|其他|其它|别的|再|只(?:是)?(?:做|打|用|吃|抽)过")
_NEGATED = re.compile(r"没|不|未|从来")
# When it began (从国庆开始打, 确诊): no last time.
_STARTED = re.compile(r"开始|开始的|起开始|确诊")
# The last time, named as such (上次是11月19号, 最后一次用药是今年3月).
_LAST = re.compile(r"上次|上一次|最后一次|最近一次|最后一针|最后一回")


def doubted(words, text: str, replied: str, today: dt.date) -> bool:
    """The time told may not be of what the question asks: checked. ``text`` is the reply as read for its time,
    ``replied`` the whole reply."""
    if not_counted_qualifier(words, replied, today):
        return True  # "三周前做的放疗，是止痛的": the time may be of what is not counted
    if words.asks_severity and _SLIGHT.search(text):
        return True  # "上个月摔了一跤，有点擦伤" to "when were you last badly hurt?": it was mild
    if _OTHER_PURPOSE.search(text) and not _CANCER.search(text) and _CANCER.search(words.asked_text):
        return True  # "在吃六味地黄丸调理身体" to "Chinese medicine for cancer?"
    return examination_only(words, text)  # "上周拍了个CT" to "radiotherapy?"


def examination_only(words, text: str) -> bool:
    """The reply names an examination and nothing of what the question asks."""
    return bool(EXAMINATION.search(text)) and not words.names_topic(text)


def not_counted_qualifier(words, text: str, today: dt.date) -> bool:
    """A clause naming only what the question does not count, with no time of its own and not told as another
    event ("三周前做的放疗，是止痛的", "昨天用了激素，是药膏"): it may say what the timed one was."""
    return any(words.not_counted_only(part) and read_time(part, today) is None and not _ANOTHER_EVENT.search(part)
               for part in clauses(text))


def counted_time_told(words, text: str, today: dt.date) -> bool:
    """"2024年初做的放疗，后来又做过一次止痛的，那个不算": a clause with a time ago names what the question asks
    and nothing it does not count, with no negation, and what is not counted is another event (told with a
    time of its own, or as 后来又…): a time that counts is told, so the reply is no "never"."""
    parts = clauses(text)
    if not any(words.not_counted_only(part) for part in parts) or not_counted_qualifier(words, text, today):
        return False
    for part in parts:
        time = read_time(part, today)
        # A time ago, not "now" (一天吃5毫克强的松，还在吃: a dose, which the question may not count).
        if time is not None and time.days > 0 and words.names_topic(part) and not words.not_counted_only(part) \
                and not _NEGATED.search(without_neutral(part)):
            return True
    return False


def other_clauses(words, timed: List[str], another_question: Callable[[str], bool]) -> List[str]:
    """Of the clauses with a time, those about something else: naming only another question's thing (靶向 to
    the chemotherapy question) or an examination (前天拍了CT)."""
    return [part for part in timed if another_question(part) or examination_only(words, part)]


def settled_time(words, own: Iterable[str], text: str, time: TimeReading, today: dt.date) -> Optional[TimeReading]:
    """When the reply's clauses tell times that disagree, and the time read is one clause's that names nothing
    of the question and is not said to be the last one ("两周前做完放疗，前天去了医院", "去年确诊，PD-1是上个月打的"):
    the time of the one clause that names what is asked or the last time (上次, 最后一次); None when more than
    one does (a check). Otherwise ``time`` as read."""
    told = [(part, reading) for part in clauses(text)
            for reading in [read_time(part, today)] if reading is not None and reading.days >= 0]
    if len(told) < 2 or _agree([reading for _, reading in told]):
        return time
    own = tuple(word for word in own if len(word) >= 2)

    def names_it(part: str) -> bool:  # a word of the question, or one of its own (PD-1 in its help)
        return words.names_topic(part) or any(word in part for word in own)

    source = [part for part, reading in told if (reading.days, reading.echo) == (time.days, time.echo)]
    if len(source) == 1 and _STARTED.search(source[0]) and not _LAST.search(source[0]):
        # "中秋那时候开始化疗的，上个月做完", "从国庆开始打，打到上个礼拜": when it began is no last time; the
        # one other clause with a time tells it (more than one: a check).
        later = [reading for part, reading in told if part != source[0] and not _STARTED.search(part)]
        return later[0] if len(later) == 1 else None
    if len(source) != 1 or names_it(source[0]) or _LAST.search(source[0]):
        return time  # the time is of what is asked, or drawn from several clauses (去年…，8月结束的)
    # A clause saying it went on at some time (住院时一直在打) tells no last time of its own.
    naming = [reading for part, reading in told if (names_it(part) or _LAST.search(part))
              and reading.echo not in (ONGOING_ECHO, TAKING_NOW_ECHO)]
    if not naming:
        return time
    return naming[0] if len(naming) == 1 else None


def _agree(times: List[TimeReading]) -> bool:
    """Every time told overlaps the others, give or take a day (三周前, 11月16号左右; 还在吃, 昨天吃的)."""
    low = max(t.days_min for t in times)
    high = min(t.days_max if t.days_max is not None else 10 ** 6 for t in times)
    exact = all(t.days_max is not None and t.days_max - t.days_min <= 1 for t in times)
    return low <= high or (exact and low <= high + 1)


# Said not to be for the cancer (不是治癌的, 治癌的中药没喝过, 抗癌的中药就没有).
_NOT_FOR_CANCER = re.compile(
    r"(?:不是|并非|不算)\s*(?:治|抗|防)(?:癌|肿瘤)|(?:治|抗)(?:癌|肿瘤)的?\s*(?:中药|药)?\s*(?:就|倒是|是)?\s*(?:没|从来没|从没|未)")


def only_for_another_purpose(words, text: str) -> bool:
    """"喝过一段时间中药调理身体，不是治癌的" to "Chinese medicine for the cancer?": taken, for another purpose, and
    said not to be for the cancer."""
    return bool(_CANCER.search(words.asked_text) and _OTHER_PURPOSE.search(text) and _NOT_FOR_CANCER.search(text))


# A drip said never to have been had (没打过点滴, 从来没因为感染输过液, 没挂过水).
NO_DRIP = re.compile(r"(?:没|没有|从没|从来没有?|未)\s*(?:因为[\u4e00-\u9fff]{1,4})?\s*(?:打|输|挂|吊)(?:过)?\s*(?:点滴|液|水|盐水|瓶)")
# A window before the denial (好久没打过点滴, 最近没输过液, 这个月没挂过水): none inside it, one before it may be.
_WINDOW_BEFORE = re.compile(r"(?:好久|很久|好长时间|好多年|好几年|多年|几年|最近|近来|这阵子|这段时间|这个月|今年|这几天"
                            r"|这半年|\d+\s*(?:年|个月|周|天))\s*(?:了|都|也|就|内|里|来)?\s*$")


_EVER = re.compile(r"从来|从没|一直|一次都|这辈子|以前也|之前也|过去也|以前都|之前都")


def denied_only_lately(text: str) -> bool:
    """"最近没做化疗", "好久没打过点滴": the first denial is of a window only (``_WINDOW_BEFORE``), and nothing
    says never: one before the window may have been had."""
    match = re.search(r"没|未", text)
    return bool(match) and bool(_WINDOW_BEFORE.search(text[:match.start()])) and not _EVER.search(text)


def no_drip(text: str) -> bool:
    """A drip said never to have been had (``NO_DRIP``), not only within a window (好久没打过点滴)."""
    match = NO_DRIP.search(text)
    return bool(match) and not _WINDOW_BEFORE.search(text[:match.start()])
