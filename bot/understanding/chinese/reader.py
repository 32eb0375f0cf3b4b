"""The Chinese answer reader: one entry point for every question type.

It reads the Chinese catalog's questions (``catalog.in_language("zh")``): their
Chinese texts, choice labels and the choices' Chinese synonyms, examples and
``means``. Traditional characters are read too (OpenCC, in ``text.py``).

Polarity (是 / 不是 / 不确定, negation, hedges, corrections) comes from
``polarity.py`` and is the same for every type; each type then adds what it
needs: a number, a time, a choice. The NLU model's intent is a second opinion
only: when it disagrees with the words, or the words alone say nothing clear,
the reading's confidence drops below
:data:`~bot.understanding.reading.CONFIDENT` and the assistant asks a short
check. The intent never overrides the words, and no word list overrides a
negation. A wrong reading is worse than a re-ask.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from itertools import chain
from typing import Iterable, Optional

from bot.screening.answers import NEVER, NO, NOT_SURE, YES, AnswerType, InvalidAnswer, Question
from bot.understanding.chinese import choices, lab_results, messages, time_replies
from bot.understanding.chinese.context import weigh_setting_only
from bot.understanding.chinese.bank import names_only_another_question, own_words
from bot.understanding.chinese.heads import only_inside_another_thing
from bot.understanding.chinese.names_forgotten import name_forgotten_only
from bot.understanding.chinese.now_and_then import about_now, gone_now, only_long_ago
from bot.understanding.chinese.numbers import only_to_come, read_number, to_digits, told_steps
from bot.understanding.chinese.plan_counts import stated_plans
from bot.understanding.chinese.polarity import (
    _FUTURE,
    APPROXIMATELY,
    Polarity,
    after_correction,
    after_echo,
    read_polarity,
    topic_text,
    without_neutral,
)
from bot.understanding.chinese.question_words import pairs, question_words
from bot.understanding.chinese.severity import _serious, _severity_of_what_is_asked, _sign_only
from bot.understanding.chinese.statements import (
    _FINE,
    _all_well,
    _MILD,
    counted_clauses,
    names_only_what_is_not_asked,
    names_something_else,
    read_against_question,
)
from bot.understanding.chinese.synonyms import groups
from bot.understanding.chinese.text import clauses, normalise, rejoined, typed_parts
from bot.understanding.chinese.times import NOT_WITHIN, TAKING_NOW_ECHO, read_time
from bot.understanding.chinese.voice import read_voice
from bot.understanding.english.times import TimeReading
from bot.understanding.reading import MAX_ANSWER_CHARS, Reading, confirmation

# A question back about the answer itself (算不算？ 这个算吗？ 要紧吗？).
_ASKS_BACK = re.compile(r"(?:算不算|算吗|算么|算唔算|算是吗|算不|要不要紧|要紧吗|有关系吗|有影响吗)\s*[?？]?\s*$")
# Whether it counts, hedged (应该算吧, 我觉得也算): no doubt about what was had.
_COUNTS_HEDGE = re.compile(r"^(?:我觉得|我看|我想|应该|估计|可能|大概)(?:也|是)?算(?:是)?(?:的|数)?(?:吧|吧[?？])?$")
# Not treated yet (还没处理, 还没治): the thing was found; the negation is about its treatment.
_NOT_TREATED_YET = re.compile(r"(?:还|暂时|目前)(?:没有?|未)(?:处理|治疗|治|开始治疗?|手术|做手术|开刀|切)")
_INTENT_VALUES = {"affirm": YES, "deny": NO, "not_sure": NOT_SURE}
# A classifier guess below this is no answer at all; between it and CONFIDENT it is a check.
_LOWEST_GUESS = 0.45
_DAYS_PER_YEAR = Decimal("365.25")
# A negation in a reply that also names a time: "没做化疗，放疗是三周前" — which one is meant?
_NEGATED = re.compile(r"没|不|未|从来")
# "不到两年", "没多久", "有没有": these hold a negation and are about the time itself.
# "之后就没再治疗", "一年前就不吃了": the negation says nothing happened since the time named.
_NEGATION_ABOUT_TIME = re.compile(
    r"不到|没到|不满|没多久|不久|不超过|有没有|没有超过|还没满|以内|没再|再没|再也没|之后.{0,4}没|以后.{0,4}没|后来.{0,4}没"
    r"|就没|就不|就停|不[吃用打做喝服输]了|没[吃用打做喝服输]了"
)
_NOT_WITHIN = re.compile(NOT_WITHIN)
# Not remembering the exact day of a time that is said (记不太清, 具体时间不记得); not a choice between two.
_INEXACT = re.compile(r"记不(?:太)?(?:清|得)|不(?:太)?记得|忘了|具体")
_ALTERNATIVES = re.compile(r"还是|或者|或是|到底")
# Taking part in a study for the first time (这是第一次参加, 头一回整这个试验): none before. Said of a study, never of
# a treatment ("第一次化疗" may be going on now).
_FIRST_TRIAL = re.compile(
    r"(?:第一次|头一回|头一次|头回|首次)\s*(?:参加|参与|整|弄|进|做)?\s*(?:这个|这种|这类|这样的)?\s*(?:临床)?(?:试验|研究|实验)"
    r"|(?:第一次|头一回|头一次|首次)\s*(?:参加|参与)(?!\s*(?:化疗|放疗|治疗))")
# What came after the time and is not what is asked (之后改成内分泌治疗了, 之后没再开刀): another question's word
# there says what followed, not what the time was of.
_AFTERWARDS = re.compile(
    r"(?:之后|以后|后来|然后|接着)(?:就)?(?:改成|换成|改用|换了|转成|改为|没再|再没|再也没|没有再)[^,.!?;]*")
# "不算吧", "那个不算的话": whether the thing just said counts, with nothing of its own.
_NOT_COUNTING = re.compile(r"(?:那个|这个|那次|这次|那些)?(?:应该|可能)?(?:也)?不算(?:吧|的话|了|啊|呢)?\s*[?]?")
# A number asked back (所以是两个吗?, 是三个吧?): the reply is a question, not the count.
_ASKED_BACK = re.compile(r"(?:吗|么|吧\s*[?])\s*[?]?\s*$|\d\s*(?:个|岁|次|种)?\s*[?]\s*$")
# Cycles are not regimens: "化疗做了六个疗程" is one plan given six times.
_CYCLES = re.compile(r"疗程|周期|轮")
# "One" said of a plan (一个, 1个, 一种).
_ONE_SAID = re.compile(r"(?<![\d第那这])1\s*(?:个|种)")  # not 那一个 ("that one")
# "做了六个疗程，都是同一个方案": cycles of one plan.
_ONE_PLAN = re.compile(r"同一(?:个|种)?(?:方案|药)|(?:都|一直)是(?:一个|一种|同样的)(?:方案)?|就一个方案|只有一个方案")
# Times a treatment was given (打了六次, 六个疗程): cycles, not plans.
_GIVEN_TIMES = re.compile(r"(?:打|做|用|输|化疗)(?:了|过)?\s*\d+\s*(?:次|个?疗程|个?周期|轮)(?![\u4e00-\u9fff]{0,3}方案)")
# Where a story's next step starts inside a clause (先TP后来GP).
_STEP_BREAK = re.compile(r"(?<![,再])(?=后来|再后来|然后|接着)")
# A birth year and month (1964年3月出生).
# To the age question a year and month with only 的 after them (我妈1960年2月的) are a birth date too.
_BORN = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:份)?(?:[\u4e00-\u9fff]{0,2}?(?:出生|生的|生人|生)|的(?=[,.!\s]|$))")
# Statements about feeling well (挺好的, 都正常): no polarity of their own.
_WELL = re.compile(r"挺好|很好|还好|都好|正常|健康|没事|顺利")
_DIMINISHERS = re.compile(
    r"只是|只有|就是一点|有点|有一点|一点点|轻微|稍微|不严重|不太严重|偶尔|有时|时不时|阴性|转阴|就好了|就好")
# Able to (药片也能吃, 可以自己走): what a person can do is no statement of a problem; nor what happens
# only when something else does (吃海鲜会拉肚子, 一累就喘): a condition, not the problem asked about.
_ABLE = re.compile(r"(?<!可)能|可以|会自己|(?<![不没])会(?!诊|议)|一[\u4e00-\u9fff]{1,4}就")
# Gone (病灶都已经消失了, 吸收了): the thing was there and is not now.
_GONE_NOW = re.compile(r"消失|不见了|没了|吸收了|消掉了|消了")
# Something that comes now and then and passes (偶尔, 一两天就好), and a question that asks for it to last (很长时间一直).
_PASSING = re.compile(r"偶尔|有时候?|(?:一两|两三|三两|几)天就(?:好|没事|过去)")
_LASTING = re.compile(r"很长时间|长期|一直|老是")

# Being tested for something is not having it (查过HIV).
_TESTED = re.compile(r"查过|检查过|测过|化验过|筛查|查了|检查了|化验了")


class ChineseReader:
    language = "zh"

    def __init__(self) -> None:
        self._questions: dict = {}  # by id, from prepare(): an umbrella's follow-ups

    def read(
        self,
        question: Question,
        text: str,
        today: dt.date,
        intent: Optional[str] = None,
        intent_confidence: float = 0.0,
    ) -> Reading:
        raw = (text or "")[:MAX_ANSWER_CHARS]
        cleaned = normalise(raw)
        if not cleaned:
            return Reading(None, 0.0, problem=self.expected(question))
        corrected = after_correction(cleaned)  # "三个礼拜前？不对，是四个礼拜前": the correction is the answer
        if corrected is None:
            return Reading(None, 0.0, problem=self.expected(question))
        corrected = after_echo(corrected)  # "移植？没有没有": the question word echoed, then the answer
        if corrected != cleaned:
            cleaned, raw = corrected, corrected
        polarity = read_polarity(cleaned, _topics(question))
        if question.type is AnswerType.YES_NO:
            reading = weigh_setting_only(question, cleaned,
                                         self._yes_no(question, cleaned, polarity, today, intent, intent_confidence))
        elif question.type is AnswerType.NUMBER:
            reading = self._number(question, raw, cleaned, polarity, today)
        elif question.type is AnswerType.TIME_SINCE:
            reading = self._time_since(question, cleaned, polarity, today, intent, intent_confidence)
            if reading.value == NEVER and reading.confidence >= 0.8 and _time_in_a_spaced_part(cleaned, today):
                # "两年前乳房切除 之后就没做过手术": a never in one typed part, a time in another. Check.
                reading = Reading(NEVER, 0.5, echo=reading.echo)
        else:
            reading = self._choice(question, cleaned, polarity, today)
        if reading.value == NOT_SURE and not question.allows_not_sure:
            return Reading(None, 0.0, problem=messages.NEEDS_ANSWER + self.expected(question))
        return reading

    # --- 是 / 不是 -----------------------------------------------------------------
    def _yes_no(
        self, question: Question, text: str, polarity: Polarity, today: dt.date, intent: Optional[str],
        intent_confidence: float,
    ) -> Reading:
        if polarity.value == NOT_SURE:
            told = name_forgotten_only(self._words(question), text, _topics(question))  # 具体哪个牌子记不得
            text, polarity = (told, read_polarity(told, _topics(question))) if told else (text, polarity)
        counted = self._counts_hedged(question, text, polarity, today)
        if counted is not None:
            return counted
        reading = self._yes_no_words(question, text, polarity, today, intent, intent_confidence)
        if reading.value in (YES, NO) and reading.confidence >= 0.8 and _ASKS_BACK.search(text) \
                and len(clauses(text)) == 1:
            # "感冒算不算？": the person asks whether it counts; the help's answer is said back as a check.
            return Reading(reading.value, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and len(clauses(text)) > 1 \
                and any(_all_well(part, _topics(question)) for part in clauses(text)):
            # "核磁说脑子挺好的，就是骨头有转移": what is asked about is fine, and a yes about something beside it. Check.
            return Reading(YES, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and not question.umbrella \
                and _WAITING_FOR.search(" ".join(question.text.values())) \
                and _DONE.search(text) and not _WAITING_FOR.search(text):
            # "做过肾移植，十年了" to "…在等着做移植？": done, not waited for. Check.
            return Reading(YES, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and _UNRELATED.search(text):
            # "因为别的病住了一周院，跟免疫没关系": what is told is said not to come from what is asked. Check.
            return Reading(YES, 0.5, note=reading.note)
        if reading.value == NO and reading.confidence >= 0.8 and _no_to_one_place(question, text):
            # "医生说没转到肝" to "has it spread?": a no to one place leaves the others open. Check.
            return Reading(NO, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and self._words(question).only_mild and _serious(text):
            # "脚麻得厉害，其他没有" to "only hair loss, or numbness that is not severe?": only that, but severe. Check no.
            return Reading(NO, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and _PASSING.search(text) \
                and _LASTING.search(" ".join(question.text.values())):
            # "有时候会拉肚子，一两天就好" to "很长时间一直拉肚子?": now and then, and it passes. Check no.
            return Reading(NO, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and only_long_ago(question, text):
            # "五年前心梗过，现在挺好" to "…现在没有控制好吗？": it was, long ago; about now nothing is said. Check.
            return Reading(YES, 0.5, note=reading.note)
        if reading.value == YES and reading.confidence >= 0.8 and not question.umbrella \
                and not _severity_of_what_is_asked(self._words(question), text) \
                and only_inside_another_thing(_own_text(question), self._words(question), text):
            # "打过乙肝疫苗" to "active hepatitis B?", "肝上有个囊肿" to "liver disease?", "骨关节炎" to
            # "autoimmune (类风湿关节炎)?": the question's word is only part of another thing. Check.
            return Reading(YES, 0.5, note=reading.note)
        return reading

    def _counts_hedged(self, question: Question, text: str, polarity: Polarity, today: dt.date) -> Optional[Reading]:
        """"单子上有个顺铂注射液，应该算吧": the only hedge is whether the thing told counts, and the thing is
        one the question names (a term of it): that is for the question to say, and it says yes."""
        parts = clauses(text)
        if not polarity.hedged or len(parts) < 2 or not _COUNTS_HEDGE.match(parts[-1]):
            return None
        rest = ",".join(parts[:-1])
        rest_polarity = read_polarity(rest, _topics(question))
        if rest_polarity.value not in (YES, None) or rest_polarity.hedged or _NEGATED.search(without_neutral(rest)):
            return None
        if not any(len(term) >= 2 and term in rest for term in self._words(question).terms):
            return None
        reading = self._yes_no(question, rest, rest_polarity, today, None, 0.0)
        return reading if reading.value == YES else None

    def _yes_no_words(
        self, question: Question, text: str, polarity: Polarity, today: dt.date, intent: Optional[str],
        intent_confidence: float,
    ) -> Reading:
        opinion = _INTENT_VALUES.get(intent or "")
        if polarity.value == NO and _NEVER_CHECKED.search(text) \
                and _CHECK_ASKED.search(" ".join(question.text.values()).lower()):
            # "治完以后没做过检查" to "…做过检查吗？片子上有没有看到…": what a check would show is not known.
            return Reading(NOT_SURE, 0.9)
        now = about_now(question, text, polarity, today) or gone_now(question, self._words(question).topics, text, polarity)
        if now is not None:
            return now
        answered = read_against_question(self._words(question), text, polarity, today, _topics(question))
        if answered is not None:
            value, confidence = answered
            if opinion is not None and intent_confidence >= 0.5 and opinion != value and value != NOT_SURE:
                confidence = min(confidence, 0.5)
            if polarity.leaned:
                confidence = min(confidence, polarity.confidence)  # a hedge leaned on is never made surer
            return Reading(value, confidence)
        if polarity.value is not None:
            confidence = polarity.confidence
            if polarity.value != NOT_SURE and opinion is not None and intent_confidence >= 0.5 \
                    and opinion != polarity.value:
                confidence = min(confidence, 0.5)  # the words and the model disagree: check
            note = messages.HEDGE_NOTE if polarity.hedged else None
            if polarity.value == NO and any(_statement(question, part) for part in clauses(text)):
                confidence = min(confidence, 0.5)  # "白蛋白紫杉醇没事，普通紫杉醇过敏了": which one? Check.
            if polarity.value == NO and self._severity_told_beside(question, text):
                confidence = min(confidence, 0.5)  # "没骨折，压到神经了": a no, and a sign of how bad. Check.
            if polarity.value == YES and not question.umbrella and names_something_else(self._words(question), text):
                # "肝上有个囊肿" to "cirrhosis, or active hepatitis?", "有高血压" to the heart question: a yes
                # about a thing the question does not name. (A yes to an umbrella only asks its lines.)
                confidence = min(confidence, 0.5)
            if polarity.value == YES and (_base_only(question, self._words(question), text)
                                          or _sign_only(question, self._words(question), text)):
                confidence = min(confidence, 0.5)  # "骨转移，骨头疼" to "so bad a bone broke?": how bad is not said
            return Reading(polarity.value, confidence, note=note)
        statement = _statement(question, text, self._words(question))
        if statement is not None:
            confidence = statement
            if _base_only(question, self._words(question), text) or _sign_only(question, self._words(question), text):
                confidence = min(confidence, 0.5)
            if opinion is not None and intent_confidence >= 0.5 and opinion != YES:
                confidence = min(confidence, 0.5)
            return Reading(YES, confidence)
        if opinion in (YES, NO) and intent_confidence >= 0.6 and not _WELL.search(text):
            return Reading(opinion, 0.6)  # only the model has an opinion: check
        return Reading(None, 0.0, problem=self.expected(question))

    def _severity_told_beside(self, question: Question, text: str) -> bool:
        """A clause with no answer of its own names a sign of the severity the question asks about."""
        words = self._words(question)
        return any(read_polarity(part, _topics(question)).value is None and words.names_severity(part)
                   for part in clauses(text))

    # --- 数字 -----------------------------------------------------------------------
    def _number(self, question: Question, raw: str, text: str, polarity: Polarity, today: dt.date) -> Reading:
        if polarity.value == NOT_SURE and not polarity.hedged:
            return Reading(NOT_SURE, polarity.confidence)
        if re.search(r"\d", to_digits(text)) and _ASKED_BACK.search(to_digits(text)):
            return Reading(None, 0.0, problem=self.expected(question))  # "所以是两个吗?": a question, not a count
        if "方案" in (question.unit or "") and only_to_come(to_digits(text)):
            return Reading(None, 0.0, problem=self.expected(question))  # "要换第三个方案了": not had yet
        if "方案" in (question.unit or ""):
            stated = stated_plans(to_digits(text))  # "…复发以后又换了一个药 那就是两个": the count the reply makes
            if stated is not None and _in_range(question, Decimal(stated)):
                return Reading(Decimal(stated), 0.9, echo=messages.number_echo(Decimal(stated), question.unit or ""))
        number = read_number(raw, text)
        plans_beside_cycles = False
        if number.problem == "several" and "方案" in (question.unit or ""):
            # "就一个，打了六次": the times it was given are cycles; the other number counts the plans.
            without = _GIVEN_TIMES.sub(" ", to_digits(text))
            if without != to_digits(text):
                counted = read_number(without, without)
                if counted.value is not None:
                    number = counted
                    # The number left is said of no times or cycles (就一个, 用了两种): it counts the plans.
                    plans_beside_cycles = not _CYCLES.search(without) and "次" not in without
        elif number.value and "方案" in (question.unit or "") and _GIVEN_TIMES.search(to_digits(text)) \
                and not _ONE_PLAN.search(text):
            # (Zero is never cycles: "没做过化疗 一次都没有" is none, whatever "化疗 一次" looks like.)
            # "化疗做了六次": six times given, which may be six cycles of one plan: asked again.
            return Reading(None, 0.0, problem=messages.CYCLES_NOT_PLANS + self.expected(question))
        if number.problem == "year" and question.unit == "岁":
            born = _BORN.search(to_digits(text))
            if born and 1 <= int(born.group(2)) <= 12 and int(born.group(2)) != today.month:
                # "1964年3月出生的": the birthday is past or still to come this year, so the age is known.
                year, month = int(born.group(1)), int(born.group(2))
                age = Decimal(today.year - year - (1 if month > today.month else 0))
                if _in_range(question, age):
                    return Reading(age, 0.9, echo=messages.number_echo(age, question.unit or ""))
        if "方案" in (question.unit or "") and _CYCLES.search(text) and not plans_beside_cycles:
            if _ONE_PLAN.search(text):
                return Reading(Decimal(1), 0.9, echo=messages.number_echo(Decimal(1), question.unit or ""))
            if number.value is not None or number.problem == "several":
                return Reading(None, 0.0, problem=messages.CYCLES_NOT_PLANS + self.expected(question))
        if number.value == 1 and "方案" in (question.unit or "") and len(_ONE_SAID.findall(to_digits(text))) > 1 \
                and not _ONE_PLAN.search(text):
            # "一个方案打了6个疗程，后来又换了一个": "one" said of each plan is no count of one. Asked again.
            return Reading(None, 0.0, problem=self.expected(question))
        if number.value is not None:
            stated = number.value - 1 if number.future and question.unit == "岁" else number.value
            if not _in_range(question, stated):
                return Reading(None, 0.0, problem=messages.out_of_range(
                    stated, question.minimum, question.maximum, question.unit or ""))
            value = question.normalise(stated, dt.date.today())
            confidence = 0.7 if number.future else 0.85 if polarity.hedged else 0.95
            if value == 0 and question.minimum == 0:
                return Reading(value, confidence, echo=messages.zero_echo(question.unit or ""))
            return Reading(value, confidence, echo=messages.number_echo(value, question.unit or ""))
        if number.problem == "none" and "方案" in (question.unit or "") and polarity.value is None:
            steps = told_steps(clauses(_STEP_BREAK.sub(",", text)))
            if steps is not None and _in_range(question, Decimal(steps)):
                # "一开始…，后来换成…，再后来…": one plan a step. Which are chemotherapy, and which are new plans,
                # the words alone do not say (来曲唑 is no chemotherapy), so the count is checked.
                return Reading(Decimal(steps), 0.7,
                               echo=messages.number_echo(Decimal(steps), question.unit or ""))
        if number.problem == "none" and polarity.value in (NO, None) and question.minimum == 0 \
                and _none_of_it_only_else(question, text):
            # "没做过化疗，只做了放疗": the "only" is about something else, so it does not doubt the none.
            return Reading(Decimal(0), max(0.9, polarity.confidence), echo=messages.zero_echo(question.unit or ""))
        if number.problem == "none" and polarity.value == NO and question.minimum == 0:
            return Reading(Decimal(0), polarity.confidence, echo=messages.zero_echo(question.unit or ""))
        if polarity.value == NOT_SURE:
            return Reading(NOT_SURE, 0.9, note=messages.HEDGE_NOTE if polarity.hedged else None)
        lead = messages.NUMBER_PROBLEMS.get(number.problem or "")
        expected = self.expected(question)
        return Reading(None, 0.0, problem=f"{lead}{expected}" if lead else expected)

    # --- 多久以前 ---------------------------------------------------------------------
    def _time_since(
        self,
        question: Question,
        text: str,
        polarity: Polarity,
        today: dt.date,
        intent: Optional[str],
        intent_confidence: float,
    ) -> Reading:
        words = self._words(question)
        first = _FIRST_TRIAL.search(text)
        if first and _NEGATED.search(text[max(0, first.start() - 3):first.start()]) and read_time(text, today) is None:
            # "不是第一次参加了": there was a study before; its 不 is no "never". When was it?
            return Reading(None, 0.0, problem=messages.WHEN_WAS_IT + self.expected(question))
        if first and re.match(r"\s*(?:吗|么)?\s*[?]", text[first.end():]):
            first = None  # "第一次参加?不是,…": the words asked back, then answered
        if first and polarity.value in (None, NO) and read_time(text, today) is None:
            # "这是第一次参加", "头一回整这个试验": no study before this one, so no study drug either.
            return Reading(NEVER, 0.85, echo=messages.NONE_ECHO)
        if polarity.value in (None, NO) and (time_replies.only_for_another_purpose(words, text)
                                             or (_asks_drip(question) and time_replies.no_drip(text))) \
                and read_time(text, today) is None:
            # "中药调理身体，不是治癌的", "只吃过阿莫西林 没打过点滴": what was had is not what is asked; nothing is.
            return Reading(NEVER, 0.85, echo=messages.NONE_ECHO)
        if polarity.value == NOT_SURE and not polarity.hedged:
            # A vague time with it (记不清了，大概几年前) stays "not sure"; "具体时间不记得" is only the exact day.
            definite = "具体" in text or not re.search(r"几", text)
            # "从来没打过，小时候的不记得": a negation beside not remembering: the time is not what is said.
            denied = _NEGATED.search(without_neutral(_INEXACT.sub(" ", text)))
            remembered = read_time(text, today) if _INEXACT.search(text) and not _ALTERNATIVES.search(text) \
                and definite and not denied else None
            if remembered is not None and remembered.days >= 0:
                # "大概一个月前吧，记不太清": the time is said; only its exact day is not remembered.
                try:
                    value = question.normalise(Decimal(remembered.days), today)
                except InvalidAnswer:
                    return Reading(NOT_SURE, polarity.confidence)
                return Reading(value, 0.85, echo=remembered.echo)
            return Reading(NOT_SURE, polarity.confidence)
        not_asked = names_only_what_is_not_asked(words, text, polarity, _topics(question))
        if not_asked and not time_replies.counted_time_told(words, text, today):
            return Reading(NEVER, not_asked, echo=messages.NONE_ECHO)  # "只擦过激素药膏": the question does not count it
        replied = text
        text = counted_clauses(words, text)
        if text != replied:
            # "…，上个月那次是骨头止痛的，不算吧": the "不算" was said of the clause taken out, not of what is left.
            kept = [part for part in clauses(text) if not _NOT_COUNTING.fullmatch(part)]
            if kept and len(kept) < len(clauses(text)):
                text = ",".join(kept)
                polarity = read_polarity(text, _topics(question))
        text = self._clauses_naming_it(question, words, text, today)
        about_time = bool(_NEGATION_ABOUT_TIME.search(text) or _NOT_WITHIN.search(to_digits(text)))
        time = read_time(text, today) if polarity.value != NO or about_time else None
        if time is not None and words.asks_latest and polarity.value != NO and not _NEGATED.search(without_neutral(text)):
            # "今年三月手术，九月出车祸骨折了" to "the most recent one, please": the latest time told.
            told = [t for t in (read_time(part, today) for part in clauses(text)) if t is not None and t.days >= 0]
            if len(told) > 1:
                time = min(told, key=lambda t: t.days)
        several = False
        if time is not None and not words.asks_latest and time.days >= 0:
            settled = time_replies.settled_time(words, own_words(question), text, time, today)
            several, time = settled is None, settled or time  # "两周前做完放疗，前天去了医院": which? Check.
        if time is None and polarity.value == NO:
            # "没有，三周前那次不算": a no that also names a time is checked, never guessed.
            time_too = read_time(text, today)
            if time_too is not None:
                return Reading(None, 0.0, problem=self.expected(question))
        if time is not None:
            if time.days < 0:
                return Reading(None, 0.0, problem=messages.FUTURE_DATE)
            try:
                value = question.normalise(Decimal(time.days), today)
            except InvalidAnswer:
                return Reading(None, 0.0, problem=self.expected(question))
            confidence = 0.9
            if time.echo == TAKING_NOW_ECHO and words.has_content(text) and not words.names_topic(text) \
                    and not pairs(text) & words.every_topic:
                confidence = 0.6  # "在吃降压药" to "immunosuppressants?": going on, but is it what is asked? Check.
            if polarity.hedged and read_polarity(APPROXIMATELY.sub(" ", text)).hedged:
                confidence = 0.7  # "好像是三周前吧": the time, checked; "大概三周前" is only approximate
            elif _NEGATED.search(without_neutral(_NEGATION_ABOUT_TIME.sub(" ", text))) and time.days_max is not None \
                    and not about_time:
                confidence = 0.5  # a negation beside a time: which one is meant? Check.
            if several or time_replies.doubted(words, text, replied, today):
                confidence = min(confidence, 0.5)  # "上周拍了个CT" to "radiotherapy?": of something else? Check.
            if _another_route(question, text):
                confidence = min(confidence, 0.5)  # "上周吃过头孢" to "antibiotics through a drip?": by mouth. Check.
            if self._questions and names_only_another_question(self._questions, question, words,
                                                               rejoined(_AFTERWARDS.sub(",", text), chain(*groups()))):
                # "吃过强的松" to "hormone therapy for cancer?", "去年点了个痣" to "major surgery?": a word of another
                # question of the bank (the steroid one, the minor-surgery one) and none of this one. Check.
                confidence = min(confidence, 0.5)
            return Reading(value, confidence, echo=time.echo)
        if polarity.value == NO and time_replies.denied_only_lately(text):
            # "最近没做化疗": none lately, which says nothing of before. When was it?
            return Reading(None, 0.0, problem=messages.WHEN_WAS_IT + self.expected(question))
        if polarity.value == NO:
            return Reading(NEVER, polarity.confidence, echo=messages.NONE_ECHO)
        if polarity.value == NOT_SURE:
            return Reading(NOT_SURE, 0.9, note=messages.HEDGE_NOTE if polarity.hedged else None)
        if polarity.value == YES:
            return Reading(None, 0.0, problem=messages.WHEN_WAS_IT + self.expected(question))
        if intent == "deny" and intent_confidence >= 0.6:
            return Reading(NEVER, 0.6, echo=messages.NONE_ECHO)
        return Reading(None, 0.0, problem=self.expected(question))

    def _clauses_naming_it(self, question: Question, words, text: str, today: dt.date) -> str:
        """"上个月做的靶向，化疗是两年前" to "when was your last chemo?": of several clauses with a time each, a
        clause about something else (靶向 is the targeted-therapy question's; 前天拍了CT) is not this question's
        time, when another clause names what it asks."""
        parts = clauses(text)
        timed = [part for part in parts if read_time(part, today) is not None]
        if len(timed) < 2 or not self._questions:
            return text
        other = time_replies.other_clauses(
            words, timed, lambda part: bool(names_only_another_question(self._questions, question, words, part)))
        if not other or not any(words.names_topic(part) for part in timed if part not in other):
            return text
        return ",".join(part for part in parts if part not in other)

    # --- 选项 -------------------------------------------------------------------------
    def _choice(self, question: Question, text: str, polarity: Polarity, today: dt.date) -> Reading:
        exact = choices.exact_choice(question, text)
        if exact is not None:
            return self._chosen(question, exact, 1.0)
        if polarity.value == NOT_SURE and not polarity.hedged:
            return Reading(NOT_SURE, polarity.confidence)
        if question.allows_not_sure and choices.answered_by_another(text):
            return Reading(NOT_SURE, 0.9)  # "这个得问她男人": the one typing cannot say
        too_old = choices.past_pregnancy_age(question, to_digits(text))
        if too_old is not None:
            return self._chosen(question, too_old, 0.9)
        if any(choice.means for choice in question.choices) and lab_results.ish_to_be_redone(text):
            return Reading(None, 0.0, problem=self.expected(question))  # "未见扩增，但要复查FISH": not settled
        lab = self._lab_choice(question, text)
        if lab is not None:
            return lab
        lab_question = any(choice.means for choice in question.choices)
        if lab_question and lab_results.scores_disagree(text):
            return Reading(None, 0.0, problem=self.expected(question))  # "2+ …，免疫组化3+": which score?
        if lab_question and lab_results.ish_pending(text):
            return Reading(NOT_SURE, 0.9)  # "2+，FISH还没做": which 2+ choice, the test has not said yet
        if lab_question and lab_results.her2_needs_score(text):
            return Reading(None, 0.0, problem=messages.HER2_SCORE)
        if any(choice.years_ago for choice in question.choices):
            banded = self._time_band(question, text, polarity, today)
            if banded is not None:
                return banded
        synonym = choices.synonym_choice(question, text)
        if synonym is not None and question.choice(synonym.choice_id).polarity is None:
            return self._chosen(question, synonym.choice_id, synonym.confidence)
        by_polarity = next((c.id for c in question.choices if c.polarity and c.polarity == polarity.value), None)
        if any(c.polarity == YES for c in question.choices) and (polarity.value != NO or polarity.confidence < 0.8) \
                and choices.method_not_in_use(text):
            # "上过环，后来取了" to the birth-control question (whose "yes" choice names the methods): none in use
            # now and no willingness said, whatever the method's words or the classifier make of it.
            return Reading(None, 0.0, problem=self.expected(question))
        if polarity.value == NO and choices.method_refused(question, text):
            return Reading(None, 0.0, problem=self.expected(question))  # "不想上环": another method may do
        if by_polarity is not None and polarity.confidence >= 0.8:
            return self._chosen(question, by_polarity, polarity.confidence)
        if polarity.hedged:
            return Reading(NOT_SURE, 0.9, note=messages.HEDGE_NOTE)
        guess = choices.classify(question, text)
        if guess is not None and guess.confidence >= _LOWEST_GUESS:
            if guess.choice_id in choices.negated_choices(question, text):
                return Reading(None, 0.0, problem=self.expected(question))  # 不是完全正常: not that one
            # A lab report read by the classifier, not by report grammar, is always checked.
            return self._chosen(question, guess.choice_id, min(guess.confidence, 0.7 if lab_question else 0.95))
        return Reading(None, 0.0, problem=self.expected(question))

    def _chosen(self, question: Question, choice_id: str, confidence: float, echo: Optional[str] = None) -> Reading:
        return Reading(choice_id, confidence, echo=echo or question.choice(choice_id).label)

    def _lab_choice(self, question: Question, text: str) -> Optional[Reading]:
        means = {normalise(phrase): choice.id for choice in question.choices for phrase in choice.means}
        if not means:
            return None
        for phrase in (lab_results.her2_phrase(text), lab_results.hormone_phrase(text)):
            if phrase is None:
                continue
            phrase = normalise(phrase)
            if phrase in means:
                return self._chosen(question, means[phrase], 0.95)
            # "FISH 阴性" with no score: the one choice that has it, but ask to be sure.
            wider = {cid for meaning, cid in means.items() if phrase in meaning}
            if len(wider) == 1:
                return self._chosen(question, wider.pop(), 0.7)
        return None

    def _time_band(self, question: Question, text: str, polarity: Polarity, today: dt.date) -> Optional[Reading]:
        time: Optional[TimeReading] = read_time(text, today)
        if time is None:
            if polarity.value == YES and not choices.synonym_choice(question, text):
                return Reading(None, 0.0, problem=messages.WHEN_FOUND + self.expected(question))
            return None
        if time.days < 0:
            return Reading(None, 0.0, problem=messages.FUTURE_DATE)
        low = Decimal(time.days_min) / _DAYS_PER_YEAR
        high = None if time.days_max is None else Decimal(time.days_max) / _DAYS_PER_YEAR
        for choice in question.choices:
            if choice.years_ago is None:
                continue
            start, end = choice.years_ago
            inside_high = end is None or (high is not None and high < end)
            if low >= start and inside_high:
                confidence = 0.7 if polarity.hedged else 0.9
                if _NEGATED.search(without_neutral(_NOT_TREATED_YET.sub(" ", text))):
                    confidence = 0.6  # "二十年前做过手术，那个不是癌": a negation beside the time, checked
                return self._chosen(question, choice.id, confidence, echo=messages.band_echo(choice.label, time.echo))
        return Reading(None, 0.0, problem=messages.BAND_UNCLEAR + self.expected(question))

    # --- the rest of the interface ----------------------------------------------------
    def _words(self, question: Question):
        follow_ups = tuple(
            self._questions[fid] for item in question.checklist for fid in item.follow_ups if fid in self._questions
        )
        return question_words(question, follow_ups)

    def prepare(self, questions: Iterable[Question]) -> None:
        questions = list(questions)
        self._questions.update({question.id: question for question in questions})
        for question in questions:
            if question.type is AnswerType.CHOICE:
                choices.classify(question, "")

    def read_confirmation(self, text: str) -> Optional[bool]:
        polarity = read_polarity(normalise(text))
        return confirmation(polarity.value, polarity.confidence)

    def read_voice(self, text: str) -> Optional[str]:
        return read_voice(normalise(text))

    def expected(self, question: Question) -> str:
        if question.type is AnswerType.YES_NO:
            return messages.YES_NO_EXPECTED
        if question.type is AnswerType.CHOICE:
            labels = "；".join(choice.label for choice in question.choices)
            return messages.choice_expected(labels, question.allows_not_sure)
        if question.type is AnswerType.NUMBER:
            return messages.number_expected(question.minimum, question.maximum, question.unit or "")
        return messages.TIME_EXPECTED


_TOPICS: dict = {}


def _time_in_a_spaced_part(text: str, today: dt.date) -> bool:
    """A part of a reply typed with spaces for commas (两年前乳房切除 之后…) that states a time gone by."""
    parts = typed_parts(text)
    if len(parts) == len(clauses(text)):
        return False  # no space parted it
    for part in parts:
        time = read_time(part, today)
        if time is not None and time.days is not None and time.days > 0:
            return True
    return False


def _own_text(question: Question) -> str:
    """The question's texts, help and terms, normalised: where it uses a word on its own (移植, 积液)."""
    key = ("own", question.id, tuple(question.text.values()), question.help, question.terms)
    if key not in _TOPICS:
        words = question_words(question)
        _TOPICS[key] = " ".join([normalise(t, limit=None) for t in (*question.text.values(), question.help or "")]
                                + list(words.terms))
    return _TOPICS[key]


def _topics(question: Question) -> str:
    """The question's words, computed once per question text."""
    key = (question.id, tuple(question.text.values()), question.terms)
    if key not in _TOPICS:
        _TOPICS[key] = normalise(topic_text(question.text.values(), question.terms), limit=None)
    return _TOPICS[key]


# Never checked (没做过检查), to a question that asks what a check showed (做过检查吗？片子上…).
_NEVER_CHECKED = re.compile(r"(?:没|未)(?:有)?(?:去)?(?:再)?(?:做|查)(?:过)?(?:什么)?检查")
_CHECK_ASKED = re.compile(r"检查|片子|ct|核磁")
# Waiting for something to be done (在等着做移植, 排队等肾源), and a thing already done (做过, 做完了).
_WAITING_FOR = re.compile(r"等着|在等|排队|等待|计划|打算|准备")
_DONE = re.compile(r"(?:做|换|移植|用|打)(?:过|完)|(?:做|换)了")

# How a medicine is given: by a drip (打点滴, 输液, 静脉 and their other names), or by mouth.
_BY_MOUTH = re.compile(r"吃|口服|喝|服用|含服")
_DRIP = re.compile(r"点滴|输|静脉|吊|挂水|挂针|针|iv")


def _asks_drip(question: Question) -> bool:
    """The question asks about medicine given by a drip (打点滴用过抗生素吗), not by mouth."""
    from bot.understanding.chinese.synonyms import other_names

    key = ("drip", question.id, tuple(question.text.values()))
    if key not in _TOPICS:
        asked = " ".join(normalise(t, limit=None) for t in question.text.values())
        drip_words = other_names(["打点滴"])
        _TOPICS[key] = (any(word in asked for word in drip_words) or "静脉" in asked) and not _BY_MOUTH.search(asked)
    return _TOPICS[key]


def _another_route(question: Question, text: str) -> bool:
    """The question asks about medicine given one way (打点滴用过抗生素吗, not 吃的) and the reply says it
    was taken another way (吃过头孢), and never the way asked."""
    return _asks_drip(question) and bool(_BY_MOUTH.search(text)) and not _DRIP.search(text)


def _base_only(question: Question, words, text: str) -> bool:
    """To a question about how serious (让骨头坏得很重？比如骨头断了…), a reply that names a thing (骨转移, 肺纤维化)
    and no sign of the severity asked (a serious word, or a word of the question's severity sentences: 脊髓,
    骨头断了 / 骨折, 出气) says the illness, not how bad it is."""
    from bot.understanding.chinese.statements import _serious, things_named

    if question.umbrella or not words.severity_pairs or _serious(text):
        return False
    # Only the illness the question names (骨转移, 肺气肿); other things (白细胞一直偏低) are read by the other rules.
    return bool(things_named(words, text)) and words.names_topic(text) and not words.names_severity(text)


# "只做了放疗", "只系手术": only something else.
_ONLY_ELSE = re.compile(r"^(?:就|只|仅)(?:是|系|有)?(?:做了?|做过|用了?|用过|打了?|打过|吃了?|吃过)?")
_NONE_OF = r"(?:没有|没|未|从没|从来没有?|从未|不曾)\s*(?:做|打|用|接受|上)?\s*(?:过)?\s*"


def _none_of_it_only_else(question: Question, text: str) -> bool:
    """"没做过化疗，只做了手术和内分泌治疗": one clause says none of what is counted (the question's own term),
    every other says only something else, with no number and none of the question's terms."""
    terms = [term for term in question.terms if len(term) >= 2 and re.search(r"[\u4e00-\u9fff]", term)]
    parts = clauses(text)
    if len(parts) < 2 or not terms:
        return False
    named = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    if not re.fullmatch(rf"{_NONE_OF}(?:{named})", parts[0]):
        return False
    return all(_ONLY_ELSE.match(part) and not re.search(rf"\d|{named}", to_digits(part)) for part in parts[1:])


def _in_range(question: Question, value: Decimal) -> bool:
    return (question.minimum is None or value >= question.minimum) and (question.maximum is None or value <= question.maximum)


def _statement(question: Question, text: str, words=None) -> Optional[float]:
    """A statement with no polarity word, read as a yes when it names what the question asks about
    (心衰，去年确诊的 to "any heart disease?"; 类风湿关节炎很多年了 to a list naming it); a word like
    只是, 轻微 or 很轻 stops it, and so does naming only a test the question names (心电图报告…)."""
    if _DIMINISHERS.search(text) or _WELL.search(text) or _NEGATED.search(text) or _TESTED.search(text) \
            or _MILD.search(text) or _FINE.search(text) or _ABLE.search(text) or _FUTURE.search(text) \
            or _GONE_NOW.search(text):
        return None
    tests = set(words.tests) if words is not None else set()
    terms = words.terms if words is not None else question.terms
    topics = {term.lower() for term in terms if len(term) >= 2 and term not in tests}
    if any(term in text for term in topics) or any(_split_said(term, text) for term in topics if len(term) == 2):
        return 0.85
    if words is not None and len(pairs(text) & words.named_things) >= 2:
        return 0.85  # two pairs of what is asked (骨髓移植, 类风湿关节炎), not one word it shares (发现)
    return None


# How often, said inside a verb and its object: 洗三次肾 for 洗肾, and in a weekly rhythm the verb alone
# (一个礼拜透三回 for 透析).
_TIMES = r"[\d一二两三四五六七八九十几]+\s*(?:次|回|趟)"
_EVERY = r"(?:每|一)\s*个?\s*(?:周|星期|礼拜)"


def _split_said(term: str, text: str) -> bool:
    first, second = map(re.escape, term)
    return bool(re.search(rf"{first}(?:了|过)?{_TIMES}{second}|{_EVERY}\s*(?:要|得)?{first}{_TIMES}", text))


# Said not to come from the thing told beside it (跟免疫没关系, 和化疗无关, 不是因为药).
_UNRELATED = re.compile(r"(?:跟|和|与|同)[^,.]{0,8}(?:没关系|没有关系|没啥关系|无关|不相关)|不是因为")
_NOT_SPREAD_TO = re.compile(r"(?:没|未|没有|并没)(?:有)?转移到\s*([\u4e00-\u9fff]{1,2})")


def _no_to_one_place(question: Question, text: str) -> bool:
    """A no to a spread to one place (没转移到肝) where the question asks about a spread anywhere: the
    place is not one the question names."""
    asked = " ".join(question.text.values())
    return any(match.group(1)[0] not in asked for match in _NOT_SPREAD_TO.finditer(text))
