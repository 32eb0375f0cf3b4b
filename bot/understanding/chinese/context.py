"""A yes that names only what the question is set in (the Chinese reader's side of ``context_terms``).

"您做过化疗吗？化疗的时候，有没有用过铂类的药？" is set in chemotherapy and asks about platinum; 做过化疗 answers
the first half only, yet reads as a yes. Each question lists its setting in ``context_terms`` (the ``zh:``
block of seeds/questions.yml); a yes whose reply names one of them and otherwise says only who had it, that
it was had, and when or how often (我妈去年做过四个疗程的化疗) is checked instead of used. When the reply also
says the person does not know (做过化疗，哪些药记不清了), it is "not sure". See ``english/context.py``.
"""

from __future__ import annotations

import re

from bot.screening.answers import NOT_SURE, YES, Question
from bot.understanding.chinese.text import normalise
from bot.understanding.reading import Reading

_CHECK = 0.5
# Who had it, that it was had, when and how often: none of it answers what the question asks.
_FILLER_WORDS = """
    是 是的 对 对的 嗯 有 有的 做过 做了 用过 用了 打过 打了 吃过 吃了 上过 接受过 都 也 已经
    我 她 他 俺 咱 妈 妈妈 爸 爸爸 我妈 我爸 老公 老婆 爱人 父亲 母亲 儿子 女儿
    去年 今年 前年 以前 之前 那时 那时候 时候 好几 好多 个 次 回 疗程 周期 年 月 天 周 前 后 多 过 了 的 啊 呢 吧 呀 哦
""".split()
# Longest first, so 我妈 goes whole before 我 could leave 妈 behind.
_WHO_HAD_IT_WHEN = re.compile(
    "|".join(sorted(_FILLER_WORDS, key=len, reverse=True)) + r"|\d+|[一二三四五六七八九十两几半]+|[,.!\s]")
_DOES_NOT_KNOW = re.compile(r"不记得|记不得|记不清|不清楚|不知道|忘了|不太清楚|搞不清|说不清|不晓得")
_SAYS_WHICH = re.compile(r"(?:什么|哪些|哪个|哪种|啥)药?|药名|名字")


def weigh_setting_only(question: Question, text: str, reading: Reading) -> Reading:
    """``reading`` of normalised ``text``, checked (or "not sure") when its yes names only the setting."""
    if reading.value != YES or not question.context_terms or reading.needs_check:
        return reading
    setting = sorted({normalise(term) for term in question.context_terms}, key=len, reverse=True)
    if not any(term in text for term in setting):
        return reading
    rest = text
    for term in setting:
        rest = rest.replace(term, " ")
    doubt = _DOES_NOT_KNOW.search(rest)
    rest = _SAYS_WHICH.sub(" ", _DOES_NOT_KNOW.sub(" ", rest))
    if _WHO_HAD_IT_WHEN.sub("", rest):
        return reading  # 化疗用的顺铂, 打赫赛汀的时候起了疹子: the asked thing is said too
    if doubt:
        return Reading(NOT_SURE, 0.9, note=reading.note)
    return Reading(YES, min(reading.confidence, _CHECK), reading.echo, reading.note)
