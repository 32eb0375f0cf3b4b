"""A Chinese reply to a yes/no question read against the question's own words
(:mod:`bot.understanding.chinese.question_words`): what it asks about, what it says
not to count, whether it asks about something active, severe, recent or "only these".

:func:`~bot.understanding.chinese.polarity.read_polarity` decides what the words
say (有, 没有, 不确定); this module decides what they answer. "有甲减，吃药控制着" has a
yes word, but the question says a treated underactive thyroid does not count: a no.
"化疗只用过卡培他滨" has a yes word about a drug the question does not ask about: not a
yes. Each reading carries a confidence; below CONFIDENT the assistant checks, so
nothing here is a guess used as an answer.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Tuple

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.chinese.polarity import (
    _DESCRIBED, _REPORTED, _WHEN, _YES_DESPITE, Polarity, _answers, read_polarity,
)
from bot.understanding.chinese.early_treated import came_back, early_and_treated
from bot.understanding.chinese.growth import grew, grew_earlier_then_settled
from bot.understanding.chinese.other_thing import (
    _NONE_ELSE, _REACTION_SIGN, answers_the_list, kin_of_what_is_asked, lists_several, no_to_what_is_asked,
    other_thing_and_a_no,
)
from bot.understanding.chinese.question_words import QuestionWords, pairs
from bot.understanding.chinese.numbers import to_digits
from bot.understanding.chinese.text import clauses, typed_parts
from bot.understanding.chinese.severity import (
    _BETTER,
    _MILD,
    _SERIOUS,
    _STILL_TROUBLE,
    _TREATED_NOW,
    _asks_control,
    _only_beyond_the_severity,
    _serious,
    _severity_denied,
    _severity_said,
)
from bot.understanding.chinese.times import read_time

# "只用过卡培他滨", "淨係食緊荷爾蒙藥", "就打了流感疫苗": only this, and what follows is what was had.
_ONLY = re.compile(r"(?:只|仅|就|净)(?:是|有|在)?(?:[用吃打做输擦涂抹喝得服打]|在吃|在用|食)?[过了着]?")
# Dealt with: a no to a question about something active or not controlled.
_NOT_ACTIVE = re.compile(
    r"稳定|控制住|控制得(?:很|挺|还|比较|非常)?好|控制得不错|控制着|治好|痊愈|转阴|阴了|测不出|检测不到|查不到|测不到"
    r"|陈旧|钙化|没有症状|没症状|没什么症状|没再长|没有再长|没变化|没有变化|没复发"
    r"|恢复得(?:很|挺|还|比较|非常)?(?:好|不错)"
)
# Growing or not under control: takes "stable" back.
_STILL_ACTIVE = re.compile(r"长大|变大|进展|新的|新发|还在长|没控制|控制不好|控制得不好|不稳定|病毒很高|很高|还没治|没治过|加重")
# A yes said first and then qualified (有高血压，但是控制得很好).
_CONTRAST = re.compile(r"但|不过|可是|只是")
# "Only these?" answered: more than these, or these and nothing else.
_MORE_THAN = re.compile(r"不止|不只|不光|不仅|还有|除了.+?(?:还|也)|另外还|也有|也下降|也不好")
_TREATED_WITH = re.compile(r"(?:打|用|吃|输|挂|抹|涂)(?:了|过)?(?:点|些|几天)?[\u4e00-\u9fff]{2}")
_NOT_SINCE = re.compile(r"(?:之后|以后|后来|此后|那以后|从那).{0,3}(?:没|不)|没再|再没|再也没|就没")
_WELL_SINCE = re.compile(r"挺好|都好|还好|很好|正常|没事|没有|没|不")
# A whole reply that says who the patient is: 我是男的, 他是男性.
_MAN = re.compile(r"男的|男性|男人|男士|是男|老头|我爸|他爸|我老公|我丈夫|我先生|我爷爷|我外公|我儿子|我哥|我弟")


def read_against_question(
    words: QuestionWords, text: str, polarity: Polarity, today: dt.date, topic_text: str = ""
) -> Optional[Tuple[str, float]]:
    """The answer the question's own words give the reply, with its confidence, or None."""
    if polarity.value == NOT_SURE:
        return None
    if polarity.value != NO and came_back(words, text):
        return NO, 0.5  # "切了，后来又复发了" to "found early, and fully treated?": not fully treated. Check.
    if polarity.value != NOT_SURE and early_and_treated(words, text):
        return YES, 0.85  # "原位癌，切了就好了" to "found early, and fully treated?"
    if polarity.value != NOT_SURE and _not_needed(words, text):
        return NO, 0.85  # "肾功能有点差，但不用透析" to "do your kidneys need dialysis?"
    if words.asked_pairs and not words.asked_verbs and "药" in words.asked_text and polarity.value != NOT_SURE:
        reaction = _reaction(words, text, topic_text)
        if reaction is not None:
            return reaction  # "白蛋白紫杉醇打过几次，没过敏": the drug was taken, and no reaction
    if polarity.value in (None, NO) and polarity.confidence < 0.9 and other_thing_and_a_no(words, text, topic_text):
        return NO, 0.9  # "只输过血，没做过移植", "只有高血压，别的心脏病没有": something else, and no to what is asked
    if any(re.search(r"长|大|进展", h) for h in words.happened) and polarity.value == YES \
            and grew_earlier_then_settled(text):
        return YES, 0.5  # "以前长大过，这次缩小了" to "…您的癌长大了？": when it grew is not said. Check.
    if polarity.value != NO and _happened(words, text):
        return YES, 0.9  # "上次复查说长大了" to "您的癌长大了？"
    # Only to a question whose happening is growth (长大, 变大): shrinking says nothing of a spread (转移).
    if any(re.search(r"长|大|进展", h) for h in words.happened) and polarity.value is None and _settled_only(text):
        return NO, 0.85  # "缩小了，效果挺好" to "您的癌长大了？": it shrank, which is the opposite
    if any(re.search(r"长|大|进展", h) for h in words.happened) and polarity.value != NO and grew(text):
        return YES, 0.85  # "又长了新的病灶", "多了两个新的" to "您的癌长大了？"
    if words.asks_repeated and polarity.value != YES and _once_and_gone(words, text, topic_text):
        return NO, 0.85  # "胸水抽过一次，之后就没再长了" to "drained again and again?"
    if words.since and polarity.value != NOT_SURE:
        since = _since(words, text, topic_text)
        if since is not None:
            return since  # "刚确诊的时候做过化疗，转移以后还没有" to "since it spread?"
    if polarity.value == NO and polarity.confidence < 0.8 and _settled_beside_a_no(text, topic_text):
        return NO, 0.85  # "复查说病灶缩小了，没有长": what comes before the no says the same
    if polarity.value != YES and _all_well(text, topic_text):
        return NO, 0.85  # "心脏挺好的", "肝功能正常，没有肝病": what is asked about is fine
    if words.asks_only:
        only = _answers_only(words, text, polarity)
        if only is not None:
            return only
    if words.answers_no_for and any(re.search(rf"(?:没|不|未|还没)(?:有)?{who}", text) for who in words.answers_no_for):
        return (polarity.value, 0.5) if polarity.value else None  # "还没绝经": not who may answer no: checked
    if words.answers_no_for and polarity.value != YES and _names_who_can_answer_no(words, text) \
            and not words.names_topic(text):
        return NO, 0.9  # "我爸是男的" where the help says men can answer no; "早就绝经了" where it says so
    if polarity.value != NO and words.not_counted_only(text):
        return NO, 0.85  # "有甲减，吃药控制着": the question says not to count it
    if polarity.value == NO and polarity.no_longer and _own_problem_resolved(words, text) \
            and not any(re.search(r"没|不|未|但|就是|只是", part) for part in clauses(text)[1:]):
        return NO, 0.9  # "没有，伤口都长好了" to "…长不好的伤口?": the no, and the problem resolved, say the same
    if polarity.value != NO and _own_problem_resolved(words, text):
        # "以前酗酒，已经戒了五年了" to "戒不掉的酒?"; checked when what was given up is not what is asked
        # about (以前抽烟喝酒，现在都戒了).
        return NO, 0.85 if words.names_topic(text) else 0.6
    if polarity.value != YES and words.negated_asks and _says_negated_ask(words, text, topic_text):
        return YES, 0.85  # "还没治过" to "…是不是还没有治过？有一个是这样，就请回答“有”"
    if polarity.value != NOT_SURE and _only_beyond_the_severity(words, text):
        return NO, 0.85  # "爬楼梯会喘，平地走没事" to "…就算只走几步路，也很难出气？": less than it asks
    if polarity.value != NOT_SURE and _severity_denied(words, text, topic_text):
        return NO, 0.85  # "有骨转移，没骨折" to "…让骨头坏得很重？比如骨头断了": the illness, and no to how bad
    active, severity = _qualifiers(words, text)
    # Only descriptions, no answer of their own (腿没力气, 切不了, 麻得厉害): what they describe decides.
    undecided = polarity.value is None or (polarity.value == NO and polarity.described)
    if undecided and _own_problem_stated(words, text):
        return YES, 0.85  # "医生说手术切不了" to "…手术切不掉了?": the question's own problem
    if undecided and _severity_said(words, text, topic_text):
        return YES, 0.85  # "骨转移压到神经，腿没劲" to "…压到了脊髓?": the sign asked, of the illness asked
    if undecided and active and (_UNTREATED.search(text) or _STILL_ACTIVE.search(text)) \
            and not _NOT_ACTIVE.search(text) and not _NO_TREATMENT_NEEDED.search(text) and words.names_topic(text):
        return YES, 0.85  # "丙肝一直没治过" to "active, not under control?"
    if undecided and _serious(text) and not _MILD.search(text) and not _BETTER.search(text) \
            and not re.search(r"[?？]", text):
        if severity:
            return YES, 0.85  # "手脚麻得拿不住筷子" to "worse than mild?"
        if words.only_mild and words.names_topic(text):
            return NO, 0.85  # "脚麻得走不稳" to "only hair loss and mild numbness?": more than mild
    # "有，但是不严重", "有高血压，但是控制得很好": a yes said and then qualified is said back as a check
    # (polarity's reading), not turned into a no.
    qualified_yes = polarity.value == YES and bool(_CONTRAST.search(text))
    if active and polarity.value != NO and not qualified_yes and _NOT_ACTIVE.search(text) \
            and not _STILL_ACTIVE.search(text):
        return NO, 0.85  # "丙肝治好了，转阴了" to "active hepatitis?"
    if _asks_control(words, text) and polarity.value == YES and _TREATED_NOW.search(text) and not _STILL_ACTIVE.search(text) \
            and not _serious(text) and not _UNTREATED.search(text) and not _STILL_TROUBLE.search(text):
        return YES, 0.5  # "有乙肝，在吃恩替卡韦" to "active, not under control?": treated; how well is not said
    if words.asks_now and not active and polarity.value == YES and _NOT_ACTIVE.search(text) \
            and not _STILL_ACTIVE.search(text):
        return YES, 0.6  # "CT说有纤维灶，医生说是陈旧的" to "now?": old, so checked
    # Not beside a degree (走路喘得不行，休息就好了): 就好了 there is what rest does, not a mild problem.
    if severity and polarity.value != NO and not qualified_yes and _MILD.search(text) and not _SERIOUS.search(text) \
            and not re.search(r"得不行|受不了|得要命|得厉害", text):
        return NO, 0.85  # "起过一点疹子，不严重" to "a severe reaction?"
    if polarity.value == YES and _cannot_do_what_is_asked(words, text):
        return YES, 0.5  # "片子上说有个结节，没法量" to "one a doctor can measure?": checked
    if words.treated_with and polarity.value == NO and any(
            _names_treatment(words, part) and not re.search(r"没|不|未", part) for part in typed_parts(text)):
        return YES, 0.5  # "没用激素，用的甲泼尼龙": the treatment asked, by another name: checked
    if words.treated_with and polarity.value != NOT_SURE and _treatment_said(words, text, topic_text) == NO:
        return NO, 0.9  # "肺上有点纤维化，没用过激素": the illness, and no to the treatment asked about
    if words.treated_with and polarity.value == YES and _TREATED_WITH.search(text) \
            and not _names_treatment(words, text):
        return YES, 0.6  # "肺炎，打了抗生素就好了" to "treated with steroids?": another treatment, checked
    if polarity.value == YES and _positive_for_something_else(words, text):
        return YES, 0.6  # "乙肝表面抗体阳性" to "active hepatitis?": a positive test the question does not name
    window = _outside_window(words, text, polarity, today)
    if window is not None:
        return window
    return _names_nothing_asked(words, text, polarity, topic_text)


def _names_treatment(words: QuestionWords, text: str) -> bool:
    return bool(pairs(text) & words.treated_with) or any(name in text for name in words.treated_names)


def _treatment_said(words: QuestionWords, text: str, topic_text: str) -> Optional[str]:
    """NO when a clause says no to the treatment the question asks about (没用过激素, 没用激素) and no
    clause names it otherwise."""
    about = [part for part in typed_parts(text)
             if pairs(part) & words.treatment or any(name in part for name in words.treated_names)]
    if not about:
        return None
    readings = [read_polarity(part, topic_text) for part in about]
    if all(r.value == NO and r.confidence >= 0.9 for r in readings):
        return NO
    return None


# Needs no treatment, a carrier: not what "active" asks about (乙肝携带者，医生说不用治).
_NO_TREATMENT_NEEDED = re.compile(r"(?:不用|不需要|不必|没必要)(?:治|治疗|吃药|用药|处理|管)|携带")
# Not treated: what an active illness is (丙肝一直没治过, 一直没吃药).
_UNTREATED = re.compile(r"(?:没有|没|未|从没|从来没)(?:有)?(?:治|治疗|吃药|用药|吃过药|处理|管)(?:过)?")
# Said the question's way with another negation word: 没法 / 没办法 / 不能 for 无法.
_CANNOT = re.compile(r"没法|没办法|没有办法|不能|不可以")


_CANNOT_VERB = re.compile(r"(?:没法|没办法|不能|无法|不好)([\u4e00-\u9fff])|([\u4e00-\u9fff])不(?:了|出|到)")


def _cannot_do_what_is_asked(words: QuestionWords, text: str) -> bool:
    """A yes beside "cannot" said of a verb the question asks with (没法量 where it asks 能量出大小): the
    thing is there, but not as the question asks."""
    own = {verb for verb, _ in words.own_negations} | {verb for verb, _ in words.negated_asks}
    for match in _CANNOT_VERB.finditer(text):
        verb = match.group(1) or match.group(2)
        if verb not in own and re.search(rf"能{verb}|{verb}[出得]", words.asked_text):
            return True
    return False


# Fine, well, no problem; 好扎 / 好找 "easy to" (血管好扎).
_FINE = re.compile(r"(?:都|也|一直|还|挺|很|蛮|比较|完全)?(?:挺好|很好|还好|都好|好好的|是好的|正常|没问题|没什么问题|没毛病|没事|健康"
                   r"|(?<![不没])好[扎找打抽]|挺顺|很顺|顺利|(?:是|很|挺|都|也|还|蛮|比较)干(?:干)?净(?:净)?)(?:的|了|啊|呢)?")


def _all_well(text: str, topic_text: str) -> bool:
    """Every clause says that what the question asks about is fine (心脏挺好的; 血管也好扎), with nothing
    but the question's own words, who, when or who reported it beside the word for fine, or is a plain
    no; and at least one names what is asked."""
    named = False
    for part in clauses(text):
        if _FINE.search(part):
            # Who reported it and when (上个月CT说) are no part of what is named.
            rest = _REPORTED.sub("", _SEEN_ON.sub("", _WHEN.sub("", _FINE.sub("", part))))
            if _A_LITTLE_OR_BUT.search(part) or not _answers(rest, topic_text):
                return False
            named = named or bool(re.search(r"[\u4e00-\u9fff]", rest) and _answers(rest, topic_text)
                                  and re.sub(r"[^\u4e00-\u9fff]", "", rest) in topic_text or _covers(rest, topic_text))
            continue
        reading = read_polarity(part, topic_text)
        if reading.value != NO or reading.confidence < 0.9:
            return False
    return named


# Where or by whom it was seen (片子上, 医生看过片子说): no part of what is named.
_SEEN_ON = re.compile(r"^(?:ct|mri|pet|片子|核磁|b超|报告)(?:上|里)(?:看)?|^(?:医生|大夫)?(?:看过|看了)(?:片子|ct|核磁|报告)(?:说|讲)")
_A_LITTLE_OR_BUT = re.compile(r"有点|有些|一点|但|不过|就是|只是|除了|偶尔|有时")


def _covers(rest: str, topic_text: str) -> bool:
    """``rest`` holds a pair of the question's own words (心脏, 血管)."""
    chars = re.sub(r"[^\u4e00-\u9fff]", "", rest)
    return any(chars[i:i + 2] in topic_text for i in range(len(chars) - 1))


# Not after 要 (还没说要不要移植: whether it is needed is open, the A-not-A of 要).
_NOT_NEEDED = r"(?<!要)(?:不用|不需要|不必|用不着|没必要|还不用|暂时不用)(?:做|去|再)?"


def _not_needed(words: QuestionWords, text: str) -> bool:
    """The reply says what the question asks is needed is not (不用透析, 医生说不用抽), and names it
    nowhere else."""
    for thing in words.needed:
        if len(thing) < 1 or not re.search(_NOT_NEEDED + re.escape(thing), text):
            continue
        others = [part for part in clauses(text) if thing in part and not re.search(_NOT_NEEDED + re.escape(thing), part)]
        if not others:
            return True
    return False


_SETTLED = re.compile(r"稳定|缩小|变小|好转|消失|控制住|控制得(?:很|挺|还|比较|非常)?好|控制得不错|恢复得(?:很|挺|还)?好")


def _settled_beside_a_no(text: str, topic_text: str) -> bool:
    """Each clause is a firm no, or says it is stable, smaller or under control (and nothing still
    growing): they agree, so the no stands."""
    no = False
    for part in clauses(text):
        reading = read_polarity(part, topic_text)
        if reading.value == NO and reading.confidence >= 0.9:
            no = True
            continue
        if not _SETTLED.search(part) or _STILL_ACTIVE.search(part) or reading.value in (YES, NOT_SURE):
            return False
    return no


def _settled_only(text: str) -> bool:
    """Every clause says smaller, stable or fine (缩小了, 稳定, 效果挺好), and none says growing or new."""
    parts = clauses(text)
    return bool(parts) and any(_SETTLED.search(part) for part in parts) and not _STILL_ACTIVE.search(text) \
        and all((_SETTLED.search(part) or _FINE.search(part)) and not re.search(r"没|不|未|但|就是|只是", part)
                for part in parts)


def _reaction(words: QuestionWords, text: str, topic_text: str) -> Optional[Tuple[str, float]]:
    """A question about a reaction (过敏), not about taking a drug: a clause saying the drug was taken
    (打过几次) is no answer; the others decide, if they agree."""
    values = set()
    drugs = [term for term in words.terms if len(term) >= 2 and term not in words.asked_pairs]
    if not any(term in text for term in drugs):
        # It names none of the medicines asked about. A reaction to something else it does name (青霉素过敏,
        # 对海鲜过敏, 多西他赛过敏过) is no yes to this question: checked.
        rest = text
        for asked in words.asked_pairs:
            rest = rest.replace(asked, " ")
        if re.search(r"没|不|未|吗|[?？]", text) or words.names_topic(rest):
            return None
        if words.not_counted_only(text):
            return NO, 0.85  # "只对青霉素过敏" where the help says a penicillin allergy does not count
        # The thing reacted to stands right before the reaction, in its clause (青霉素过敏, 对海鲜过敏).
        before = [part[: part.index(p)] for part in clauses(text) for p in words.asked_pairs if p in part]
        # A name jieba gives no pair (多西他赛: 他 is a grammar character elsewhere) is still a thing when it
        # has two characters of its own.
        if not any(words.has_content(b) or things_named(words, b) or _NAME.search(b) for b in before):
            return None
        return YES, 0.5
    for part in clauses(text):
        reading = read_polarity(part, topic_text)
        asked = bool(pairs(part) & words.asked_pairs) or any(p in part for p in words.asked_pairs)
        if not asked and not re.search(r"没|不|未", part) and (_CONTRAST.match(part) or _REACTION_SIGN.search(part)):
            return None  # "…没过敏，但是白蛋白紫杉醇起了皮疹", "是输液反应，发冷发抖": a reaction told otherwise
        if reading.value == YES and not _verb_answers(words, part) and not asked:
            continue  # "紫杉醇打了好几次": taken
        if reading.value == NO and reading.described and not asked:
            continue  # "脸红喘不上气": a negation inside a description of the reaction, no answer of its own
        negation = re.search(r"没|不|未", part)
        if reading.value == NO and (reading.confidence >= 0.9 or (negation and any(
                p in part[negation.end():] for p in words.asked_pairs))):
            values.add(NO)
        elif len(re.findall(r"没|不|未", part)) == 1 and any(
                re.search(rf"(?:没|不|未)(?:有)?(?:发生)?(?:过)?{p}", part) for p in words.asked_pairs):
            values.add(NO)  # "曲妥珠单抗打了一年都没过敏": taken, and the one negation is of the reaction itself
        elif not re.search(r"没|不|未", part) and any(re.search(rf"{p}(?:了|过|$)", part) for p in words.asked_pairs):
            if _reacted_to_another(words, part, drugs):
                return None  # "对青霉素过敏，单抗打了没事": the reaction is to another medicine
            values.add(YES)
        elif reading.value is not None or asked:
            return None
    if len(values) == 1:
        return values.pop(), 0.9
    return None


def _reacted_to_another(words: QuestionWords, part: str, drugs: list) -> bool:
    """The clause names a thing right before the reaction (对青霉素过敏) and no medicine the question asks about."""
    if any(drug in part for drug in drugs):
        return False
    before = [part[: part.index(p)] for p in words.asked_pairs if p in part]
    return any(words.has_content(b) or things_named(words, b) or _NAME.search(b) for b in before)


# The name of a medicine right before the reaction (多西他赛过敏过): three or more characters, none of a time,
# a number or who.
_NAME = re.compile(r"(?:^|[我你您她它对有是就也都还])(?:(?![年月日天周前后号次个零一二三四五六七八九十两几半去今明昨时候])[\u4e00-\u9fff]){3,}$")


def _happened(words: QuestionWords, text: str) -> bool:
    """What the question asks happened, said with 了 in a clause with no negation (长大了, 长大咗少少); to a
    question about a reaction to medicines, not a reaction to another thing (对青霉素过敏了)."""
    reaction = bool(words.asked_pairs) and not words.asked_verbs and "药" in words.asked_text
    drugs = [term for term in words.terms if len(term) >= 2 and term not in words.asked_pairs]
    return any(not re.search(r"没|不|未|吗|[?？]", part) and any(re.search(rf"{h}了", part) for h in words.happened)
               and not (reaction and _reacted_to_another(words, part, drugs))
               for part in clauses(text))


_GONE = re.compile(r"没再(?:长|有|出现|积|来)|再没(?:长|有)|不再(?:长|有)|吸收了|自己吸收|消了|消失了|没了")


def _once_and_gone(words: QuestionWords, text: str, topic_text: str) -> bool:
    """Once, or not at all, and then it went away (抽过一次…之后就没再长了; 没抽，自己吸收了)."""
    if not _GONE.search(text) or re.search(r"两次|二次|几次|好几|多次|又|反复|每次|经常|\d\s*次", to_digits(text).replace("1次", "")):
        return False
    return all(read_polarity(part, topic_text).value != YES or re.search(r"一次|1次", to_digits(part))
               for part in clauses(text))


def _since(words: QuestionWords, text: str, topic_text: str) -> Optional[Tuple[str, float]]:
    """"自从…转移以后" asked: a no said about after the event (转移以后还没有, 转移后没化疗过) answers; a yes
    said about before it (刚确诊的时候, 之前) does not."""
    after, before = [], []
    for part in clauses(text):
        names_event = re.search(r"(?:" + "|".join(map(re.escape, words.since)) + r")(?:了)?(?:以后|之后|后)", part)
        reading = read_polarity(part, topic_text)
        if names_event and reading.value is not None:
            after.append(reading.value)
        # Around the first operation (手术后做过辅助化疗, 术前化疗): the early treatment, before it came back.
        elif reading.value == YES and re.search(r"之前|以前|刚确诊|确诊的时候|当时|那时|一开始|早期|手术[前后]|术[前后]|辅助", part):
            before.append(part)
        elif reading.value is not None:
            return None
    if after == [NO] or (after and set(after) == {NO}):
        return NO, 0.85
    return None


def _says_negated_ask(words: QuestionWords, text: str, topic_text: str) -> bool:
    """Every clause with a no in it says what the question asks with 没 (还没治过 for 还没有治过), and
    nothing else is a no."""
    said = False
    for part in clauses(text):
        reading = read_polarity(part, topic_text)
        if reading.value == NOT_SURE:
            return False
        if reading.value != NO:
            continue
        if not any(re.search(rf"(?:没|没有|未)(?:有)?(?:再)?{verb}(?:{ending})?", part) for verb, ending in words.negated_asks):
            return False
        if re.fullmatch(r"(?:还|一直|从来|从|都|也)?(?:没有|没)(?:有)?", part):
            return False
        said = True
    return said


def _own_problem_stated(words: QuestionWords, text: str) -> bool:
    """The reply says the question's own problem said with a negation: its verb with 不了 / 不动 (切不了
    for 切不掉), 没 … result (还没长好 for 长不好), 不好 / 很难 + verb (不好切), or a term that holds a
    negation, said with 没法 for 无法 (没法手术 for 无法手术)."""
    for verb, result in words.own_negations:
        said = rf"{verb}不(?:{result}|了|动)|(?:不好|很难|难以|没法){verb}|(?:没|还没|一直没|没有){verb}{result}"
        if re.search(said, text) and not re.search(rf"{verb}(?:{result})?了(?!.*不)|已经{verb}", text):
            return True
    negative_terms = [term for term in words.terms if re.search(r"无法|不可|不能|不愈合", term)]
    said_as = _CANNOT.sub("无法", text)
    # 伤口不愈合 said as 伤口一直没愈合 / 伤口还未愈合: the same negation, with 没 or 未 and an adverb of time.
    return any(term in text or term in said_as
               or ("不" in term and re.search(_LASTING_NOT.join(map(re.escape, term.split("不", 1))), text))
               for term in negative_terms)


_LASTING_NOT = r"(?:一直|还|都|总|老|始终|迟迟)?(?:没有|没|不|未)(?:能)?"


def _positive_for_something_else(words: QuestionWords, text: str) -> bool:
    """Every 阳性 in the reply is the result of a test whose name is not mostly the question's words."""
    tests = [re.split(r"[^\u4e00-\u9fffa-z0-9]", before)[-1] for before in re.findall(r"(.*?)(?:是|为|呈)?阳性", text)]
    tests = [re.sub(r"(?:是|为|呈)$", "", test) for test in tests]
    return bool(tests) and all(len(test) >= 4 and not words.names_topic(test, whole_terms=False) for test in tests)


def _answers_only(words: QuestionWords, text: str, polarity: Polarity) -> Optional[Tuple[str, float]]:
    """"是不是只有掉头发和手麻？": "不止，还有口干" is a no; "头发掉光了，别的没什么" a yes."""
    if any(not _one_of_the_asked(words, text, more) for more in _MORE_THAN.finditer(text)):
        return NO, 0.9
    if polarity.value == NO and not _NONE_ELSE.search(text):
        parts = clauses(text)
        first = read_polarity(parts[0]) if parts else None
        if first is not None and first.value == NO and first.confidence >= 0.9 and len(parts) > 1 \
                and all(words.has_content(p) and not words.names_topic(p) for p in parts[1:]):
            return NO, 0.9  # "不是，主要是耳朵听不清了": no, and something else the question does not name
        return None
    if _NONE_ELSE.search(text) and words.names_topic(text):
        return YES, 0.85
    if polarity.value == YES or re.search(r"只|就是|净是", text):
        return YES, 0.9
    return None


_OTHERS_FINE = re.compile(r"^(?:别的|其他|其它|其余)(?:的)?(?:都|也)?(?:还好|挺好|好|正常|还行|没事)")


def _one_of_the_asked(words: QuestionWords, text: str, more: "re.Match") -> bool:
    """"掉头发，还有手指头有点麻": what 还有 adds is the other thing the question names, no more than it. Every
    clause after it counts ("还有手麻，也恶心" adds nausea), unless it says there is nothing else (别的没有);
    "等等", "之类" (and so on) add more than is named."""
    if more.group(0) != "还有":
        return False
    added = []
    for number, clause in enumerate(re.split(r"[,.;!?]", text[more.end():])):
        if number and (_NONE_ELSE.search(clause) or _OTHERS_FINE.search(clause) or not clause.strip()):
            continue
        added += [piece for piece in re.split(r"和|跟|以及|还有|、|加上|也", clause) if piece.strip()]
    return bool(added) and not re.search(r"等等|等$|之类|什么的|啥的|这些那些", text[more.end():]) \
        and all(words.names_topic(piece) for piece in added)


def _names_who_can_answer_no(words: QuestionWords, text: str) -> bool:
    # 男 needs a man named (我爸是男的); another word the help names (绝经) is itself the answer.
    named = any(who in text and (who != "男" or _MAN.search(text)) and not re.search(rf"(?:没|不|未|还没){who}", text)
                for who in words.answers_no_for)
    return named and len(clauses(text)) <= 2


def _own_problem_resolved(words: QuestionWords, text: str) -> bool:
    """The question's problem said with a negation (戒不掉, 长不好), and the reply says the verb
    succeeded (戒了, 已经长好了)."""
    for verb, result in words.own_negations:
        if re.search(rf"{verb}不{result}|{verb}不了", text):
            return False
        # The verb done, with no thing after it: "长了血栓" grew a clot, it is no healing.
        done = rf"(?:{verb}(?:{result})?了|已经{verb}|早就{verb}|{verb}得{result[:1]})(?![\u4e00-\u9fff](?<![的啊呀了吧呢好]))"
        if re.search(done, text):
            return True
    return False


def _qualifiers(words: QuestionWords, text: str) -> Tuple[bool, bool]:
    """Whether the reply's subject is asked about as active, or as severe: the question's own words,
    or for an umbrella, the lines of its list that the reply names."""
    if not words.lines:
        return words.asks_active, words.asks_severity
    from bot.understanding.chinese.question_words import pairs

    replied = pairs(text)
    named = [line for line in words.lines if replied & line.topics]
    if not named:
        return False, False
    return all(line.asks_active for line in named), all(line.asks_severity for line in named)


def _outside_window(words: QuestionWords, text: str, polarity: Polarity, today: dt.date) -> Optional[Tuple[str, float]]:
    """"去年有过深静脉血栓，一年多了" to "in the last 6 months?": what is told is outside the window."""
    if words.window_days is None or polarity.value == NO:
        return None
    if re.search(r"现在|还在|正在|一直|最近(?!没)", text) and not re.search(r"最近(?:\d+|[一二三两几这])?.{0,3}(?:没|挺好|都好|还好)", text):
        return None
    # "这三个月挺好" says how it has been since, not when it happened.
    told = [part for part in clauses(text) if not _WELL_SINCE.search(part)]
    times = [read_time(part, today) for part in told]
    times = [t for t in times if t is not None and t.days >= 0]
    if not times:
        return None
    if all(t.days_min > words.window_days for t in times):
        standalone = any(read_polarity(part).value == YES and len(part) <= 3 for part in clauses(text))
        return NO, 0.5 if standalone else 0.85
    return None


def _names_nothing_asked(
    words: QuestionWords, text: str, polarity: Polarity, topic_text: str, bare_no_denies_echo: bool = False
) -> Optional[Tuple[str, float]]:
    """A yes about something the question does not ask about ("化疗只用过卡培他滨" to "platinum?",
    "没有，只输过血" to "a transplant?") is no yes to the question."""
    parts = clauses(text)
    readings = [(read_polarity(part, topic_text), part) for part in parts]
    yes_parts = [part for reading, part in readings if reading.value == YES]
    # "之后没再做过手术" says nothing happened since: it is about the time, not a no to the question.
    # To a "how long ago" question a bare "不是" denies what was said before it (第一次参加?不是), not the question.
    no_parts = [part for reading, part in readings
                if reading.value == NO and reading.confidence >= 0.9 and not _NOT_SINCE.search(part)
                and not (bare_no_denies_echo and re.fullmatch(r"\s*(?:不是|不对|并不是)\s*", part))]
    none_else = bool(_NONE_ELSE.search(text))
    onlies = [part for part in parts if _ONLY.search(part) and not re.search(r"就是|就好|就算", part)]
    if onlies:
        objects = [_ONLY.split(part, maxsplit=1)[-1] for part in onlies]
        if all(words.has_content(o) and not words.names_topic(o) for o in objects):
            others = [p for p in parts if p not in onlies and p not in no_parts and words.names_topic(p)]
            if others:
                return None
            return NO, 0.9 if (no_parts or none_else) else 0.6
    # A no to one kind or example of what is asked (没有心衰 to the heart list, 没有免疫性肺炎 to "any severe
    # side effect?", 没有红斑狼疮 to "autoimmune?") leaves the others open; a bare no (没有) or one about what
    # the question itself says (心脏没问题) answers.
    no_parts = [part for part in no_parts if not kin_of_what_is_asked(words, part) or (
        answers_the_list(words, part) if lists_several(words) else no_to_what_is_asked(words, part))]
    if polarity.value in (YES, None) and yes_parts and (no_parts or none_else):
        if all(words.has_content(p) and not words.names_topic(p) for p in yes_parts):
            return NO, 0.85  # "有糖尿病和高血压，这里面没有": the yes is about something else
    if polarity.value == YES and polarity.confidence >= 0.8 and yes_parts and not words.asked_verbs \
            and words.asked_pairs and not pairs(text) & words.asked_pairs \
            and any(len(term) >= 2 and term in text for term in words.terms) and not words.names_severity(text) \
            and not any(_verb_answers(words, p) for p in yes_parts):
        # "卡培他滨吃了手脚脱皮" to "allergic to capecitabine?": it names the drug and says it was taken,
        # which is not what the question asks.
        return YES, 0.6
    return None


_YES_VERB = re.compile(r"([做用打吃输喝服])(?:过|了)")
_OTHER_YES = re.compile(r"^(?:是|对|有|嗯|恩|当然|肯定)|有(?!点|些|时)|是的|阳性|确诊|正在|还在|在[吃用打做]")


def _verb_answers(words: QuestionWords, part: str) -> bool:
    """A yes said with a verb (吃了, 用过) answers only a question asked with that verb."""
    verbs = _YES_VERB.findall(part)
    if not verbs or _OTHER_YES.search(part):
        return True
    return any(verb in words.asked_verbs for verb in verbs)


def names_only_what_is_not_asked(words: QuestionWords, text: str, polarity: Polarity, topic_text: str = "") -> float:
    """For a "how long ago" question: the reply names only what the question does not count
    ("只擦过激素药膏", "只做过骨头止痛的放疗，别的没有"), a dose it calls too small, or only
    something it does not ask about ("没有，只吃过消炎药"): never, as far as the question goes."""
    if polarity.value == NOT_SURE:
        return 0.0
    # Said as the only thing ("只…", "…别的没有", "没吃过也没打过"), it is never; named alone
    # ("上周做了个穿刺活检"), the question's exclusion is said back as a check.
    said_only = bool(_ONLY.search(text) or _NONE_ELSE.search(text) or polarity.value == NO)
    if words.dose_limit is not None:
        doses = [float(d) for d in re.findall(r"(\d+(?:\.\d+)?)\s*(?:毫克|mg)", to_digits(text))]
        if doses and all(d <= words.dose_limit for d in doses):
            return 0.85  # "一天5毫克" where the help says 10 mg a day or less does not count
    # Every clause that names something is about what is not counted ("治鼻咽癌的放疗是两年前，上周做了
    # 骨头止痛的放疗" keeps its first clause, so it is not never).
    counted = [part for part in clauses(text) if words.has_content(part) and not words.not_counted_only(part)
               and not _NONE_ELSE.search(part) and read_polarity(part).value != NO]
    if words.not_counted_only(text) and not counted:
        return 0.85 if said_only else 0.6
    nothing = _names_nothing_asked(words, text, polarity, topic_text, bare_no_denies_echo=True)
    if nothing is not None and nothing[0] == NO:
        return nothing[1]
    # "只吃过消炎药，没打过点滴": only something else, and a plain no to what the question asks (its own
    # words after the negation): never.
    parts = clauses(text)
    onlies = [part for part in parts if _ONLY.match(part)]
    noes = [part for part in parts if part not in onlies]
    if onlies and noes and all(_no_to_the_question(words, part, topic_text) for part in noes):
        return 0.85
    return 0.0


def _no_to_the_question(words: QuestionWords, part: str, topic_text: str) -> bool:
    reading = read_polarity(part, topic_text)
    if reading.value != NO or reading.confidence < 0.9:
        return False
    match = re.search(r"没|不|未", part)
    # A verb split by 过 (输过液, 打过针) is the question's word too.
    return match is not None and words.names_topic(re.sub(r"(?<=[\u4e00-\u9fff])[过了](?=[\u4e00-\u9fff])", "", part[match.end():]))


def counted_clauses(words: QuestionWords, text: str) -> str:
    """The reply without its clauses about what the question does not count
    ("根治放疗是三年前，上个月做过骨转移止痛的放疗": the second is not counted)."""
    parts = clauses(text)
    kept = [part for part in parts if not words.not_counted_only(part)]
    return ",".join(kept) if kept and len(kept) < len(parts) else text


# A clause that is itself the answer (有, 是的, 对, 用过): the person answered the question, then told more.
_ANSWER_CLAUSE = re.compile(
    r"^(?:有|有的|有啊|有呀|是|是的|是啊|对|对的|对啊|嗯|有过|得过|用过|做过|打过|吃过|确诊了)$")
# Nouns that name no thing of their own: who, where, when, how much.
_NO_THING = frozenset(
    "院 药 时 天 年 月 周 次 人 个 点 些 事 话 说 样 种 针 片 瓶 盒 颗 一段时间 公分 厘米 毫米 复查 礼拜 星期 月份 全身 左右"
    " 时间 结果 检查 报告 片子 意见 意思".split())
_NOUN_TAGS = ("n", "l", "i", "vn", "nz")


def things_named(words: QuestionWords, text: str) -> list:
    """The nouns of the reply that name a thing (高血压, 囊肿, 牙), not a common word (医生, 时候, 一段时间)."""
    from bot.understanding.chinese.text import tagged_words

    found = []
    for word, tag in tagged_words(text):
        if not tag.startswith(_NOUN_TAGS) or not re.search(r"[\u4e00-\u9fff]", word):
            continue
        if word in _NO_THING or re.search(r"[不没]", word):
            continue
        if pairs(word) or (len(word) == 1 and not words.has_content(word)):
            found.append(word)
    return found


def names_something_else(words: QuestionWords, text: str) -> bool:
    """The reply's yes is about something the question does not name: it names a thing (肝上有个囊肿 to
    "cirrhosis or active hepatitis?", 有高血压 to the heart question, 输过血 to "a transplant?"), and no
    word of the question; no clause of it is a plain answer (有，…)."""
    if any(_ANSWER_CLAUSE.match(part) for part in clauses(text)) or _YES_DESPITE.search(text):
        return False
    # What the thing does is told (住了半个月院, 一直不好, 戒不掉, 降不下来): the reply describes a problem,
    # which the question's other rules read; only a thing named, and nothing said of it, is checked here.
    if _serious(text) or _DESCRIBED.search(text):
        return False
    return bool(things_named(words, text)) and not words.names_topic(text)
