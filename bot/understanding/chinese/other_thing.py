"""A thing the question does not ask about, and a no to what it asks: "只输过血，没做过移植".

The reply names something beside the question (输过血) or something the question itself says is
not it (输血不是移植, 只有高血压这里不算), and then says no to what is asked (没做过移植, 心脏没毛病,
别的心脏病没有). The yes word of the first part (输过) is about that other thing, so the reply is a
no to the question, not a contradiction. Kept careful:

- the no must be about the question: its own words after the negation (没做过移植), or before a
  negation that answers (单抗没有, 心脏没毛病); a no about a third thing (没换肾 to "dialysis?") is not;
- "别的没有" (nothing else) is a no only when the thing told is one the question says is not it:
  "只是起了疹子，别的没有" to an allergy question names no word of the question, yet a rash is an
  allergy, so it stays for the other rules;
- a clause that names what is asked (心梗过，没有心衰) is never "something else";
- to a question that lists several things, a no to one of them (有高血压，没有心衰) leaves the others open.
"""

from __future__ import annotations

import re

from bot.screening.answers import NO, YES
from bot.understanding.chinese.polarity import _CONTRAST, _UNTESTED, _negates_the_question, read_polarity
from bot.understanding.chinese.question_words import QuestionWords, pairs, runs
from bot.understanding.chinese.text import typed_parts

# A no about everything the question asks (别的没有, 其他都没有, 这里面没有).
_NONE_ELSE = re.compile(
    r"(?:别的|其他|其它|其余|另外的|这里面|这些|上面|上面的|以上|列的|里面)[\u4e00-\u9fff]{0,4}?(?:都|也)?(?:没有|没|不是|无)"
)
# Signs of a reaction a reply may tell without the question's word (起了皮疹, 发冷发抖, 输液反应): never
# "something else" beside a no, since they may be the very reaction asked about. A fever alone is left out:
# "不是过敏，是发烧" says what it was not.
_REACTION_SIGN = re.compile(r"反应|皮疹|疹子|起疹|荨麻疹|寒战|发冷|发抖|打摆子|瘙痒|发痒|痒|红肿|憋气|胸闷|休克")


def other_thing_and_a_no(words: QuestionWords, text: str, topic_text: str) -> bool:
    """Every clause is either a thing the question does not ask about or a no to what it asks, and both
    are there (see the module's notes)."""
    if not re.search(r"没|不|未|无", text):
        return False  # no negation, no no: most replies stop here
    parts = typed_parts(text)  # 输过血 别的没有
    if len(parts) < 2 or re.search(r"[?？]|吗", text):
        return False
    excluded = other = firm_no = none_else = False
    for index, part in enumerate(parts):
        reading = read_polarity(part, topic_text)
        if _CONTRAST.match(part) and firm_no | none_else:
            return False  # "没发现有转移，但是头一直疼": a no, and a "but" that may take it back; checked elsewhere
        if reading.value == YES and words.setting and not words.has_content(_without_setting(words, part)):
            other = True  # "化疗做过" to "…化疗的时候，有没有用过铂类": the setting, which the question takes as given
            continue
        if reading.value == NO and _UNTESTED.search(part):
            return False  # "没查过病毒": not tested is no answer, whatever else is told
        if reading.value == NO and not reading.described:
            if (_negates_the_question(part, topic_text) or (reading.confidence >= 0.9 and words.names_topic(part))) \
                    and no_to_what_is_asked(words, part):
                firm_no = True
            elif _NONE_ELSE.search(part):
                none_else = True
            else:
                return False
            continue
        if reading.value not in (YES, None):
            return False
        if words.not_counted_only(part) or any(re.search(_said(thing), part) for thing in words.not_the_thing):
            excluded = other = True
        elif words.has_content(_thing_of(words, part)) and not words.names_topic(_thing_of(words, part)) \
                and not _REACTION_SIGN.search(part) \
                and not kin_of_what_is_asked(words, _thing_of(words, part)):
            other = True
        else:
            return False
    # A question that lists several things (有没有心梗？有没有心衰？…): a no to one of them (没有心衰) is not a no
    # to the others, so only "别的没有" answers it.
    return other and ((firm_no and not lists_several(words)) or (none_else and excluded))


def lists_several(words: QuestionWords) -> bool:
    """The question lists several things (有没有心梗？有没有心衰？…, or lines), so a no to one is no answer."""
    return bool(words.lines) or words.asked_text.count("有没有") >= 3


def names_what_is_asked(words: QuestionWords, part: str) -> bool:
    """The no is about what the question itself says (没做过移植, 心脏没毛病, 铂类没用), not about one kind or
    example of it that only its terms or help name (没用过顺铂 to "铂类?", 没有免疫性肺炎 to "any severe
    side effect?", 没有红斑狼疮 to "any autoimmune disease?"): a no to one kind leaves the others open."""
    asked = pairs(words.asked_text)
    if any(len(term) >= 2 and term in part
           and (term in words.asked_text or not any(term in example for example in words.examples))
           for term in words.terms):
        return True
    for run in runs(part):
        own = pairs(run)
        if own and 2 * len(own & asked) >= len(own):
            return True
    return False


def no_to_what_is_asked(words: QuestionWords, part: str) -> bool:
    """The no is about what the question says (没做过移植), or about the help's own word for it (没有依赖 for 戒不掉),
    and not about one kind of it the help gives as an example (没有红斑狼疮)."""
    return names_what_is_asked(words, part) or (
        words.names_topic(part, whole_terms=False) and not names_an_example(words, part))


def names_an_example(words: QuestionWords, part: str) -> bool:
    """The part names a term the help gives as one kind of what is asked (红斑狼疮, 顺铂), or part of one (狼疮)."""
    return any(len(term) >= 2 and term in part and term not in words.asked_text
               and any(term in example for example in words.examples) for term in words.terms)


def answers_the_list(words: QuestionWords, part: str) -> bool:
    """To a question that lists several things, a no about what its first sentence names (下面问的是心脏的病:
    心脏没问题, 冇心脏病) answers them all; a no to one of the list (没有心衰) does not."""
    header = words.asked_text.split(" ")[0]
    return bool(pairs(part) & pairs(header))


def kin_of_what_is_asked(words: QuestionWords, part: str) -> bool:
    """The thing told shares a pair with what the question asks or its terms (自体干细胞回输 shares 干细 and
    细胞 with 干细胞移植): it may be the very thing under another name, so it is no "something else"."""
    return any(pairs(run) & words.topics for run in runs(part))


def _thing_of(words: QuestionWords, part: str) -> str:
    """To a question about a reaction to medicines (有没有对这些药过敏过), the thing told is what stands beside
    the reaction (青霉素 in 对青霉素过敏): the question's reaction word is taken out. To any other question the
    clause is kept whole (做过化疗 names 化疗, the question's own word)."""
    if not (words.asked_pairs and not words.asked_verbs and "药" in words.asked_text):
        return part
    for word in words.asked_pairs:
        part = part.replace(word, " ")
    return part


def _said(thing: str) -> str:
    """输血 said as 输过血 / 输了血: a verb and its object with 过 or 了 between them."""
    return "(?:过|了|过了)?".join(map(re.escape, thing)) if len(thing) == 2 else re.escape(thing)


def _without_setting(words: QuestionWords, part: str) -> str:
    for term in words.setting:
        part = part.replace(term, " ")
    return part
