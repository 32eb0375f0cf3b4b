"""What a Chinese question's own words say about how a reply should be read.

Everything here comes from the question's Chinese text, help and terms (the ``zh:``
block of ``seeds/questions.yml``), so a coordinator who rewrites a question changes
it too:

- its topics: pairs of characters side by side (心梗, 化疗, 铂类) in its text, help and
  terms, without the commonest ones (医生, 时候, 比如);
- what it says not to count ("有一种放疗不算：对着骨头做的…", "激素药膏不算",
  "吃药就能控制住，就不算"), with the sentence before a "这个不算";
- whether it asks about something active or not controlled (活动性, 没有控制好, 还在长大),
  about severity (很重, 比轻微更重), about a recent window (最近 6 个月里), about now
  (现在), whether it asks "only these?" (是不是只有), which of its own words are a
  problem said with a negation (戒不掉, 长不好, 吃不下去) and who the help says can
  answer no (男的可以回答"没有");
- for an umbrella question (a list), the same for each line of the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import FrozenSet, Optional, Tuple

from bot.screening.answers import Question
from bot.understanding.chinese.numbers import to_digits
from bot.understanding.chinese.synonyms import other_names
from bot.understanding.chinese.text import normalise, tagged_words

# Characters that carry grammar, not a topic: a pair holding one is no topic (您的, 有没, 过了).
_FUNCTION = frozenset(
    "我你您他她它们的了吗呢吧啊呀哦嘛是不没有无未也都还就在过着和与或及而且但这那个些么什哪谁每各"
    "一二两三四五六七八九十几多少半前后年月日天周号次很太挺最更较又再才已经曾从要会能可以想得地"
    "对把被给让说看来去到叫它其别些等算只仅啥哈嗯呃额者如吃喝输服擦涂抹"
)
# Pairs that hold a function character and still name a topic.
_KEPT = frozenset({"过敏", "不良", "不齐", "不全"})
# Pairs without a function character that are still no topic: they are in every question.
_GENERIC = frozenset(
    "医生 大夫 医院 治疗 时候 以前 以后 之前 之后 身体 地方 问题 比如 东西 意思 研究 下面 上面 现在 目前 最近 "
    "告诉 知道 记得 事情 情况 生病 一点 里面 外面 病人 检查 结果 报告 名字 药名 用药 治病 不用 日子 为了 因为 所以 "
    "这样 那样 一些 有些 常常 常用 有的 很多 好多 大多 多数 可能 能够 同时 然后 需要 应该 自己 别人 人家 平时 "
    "就是 还是 只是 而且 或者 如果 就算 这些 那些 这种 那种 一起 一下 一个 一种 一次 看到 看看 团队 研究团队 时间 长时 方面".split()
)
_SENTENCE = re.compile(r"[。！？!?\n]+|(?<=[。])")
_NOT_COUNTED = re.compile(r"不算|不要算|不计|不包括|不是(?:活疫苗|化疗)|都不是")
# A "这个不算" refers to the sentence before it; "下面这些不算" to the lines after it, which say so themselves.
_REFERS_BACK = re.compile(r"^(?:这|它|那)|[这它那](?:个|里|两个|些)?(?:都|也)?不算|(?:就|也)不算")
_REFERS_FORWARD = re.compile(r"下面|以下|有两个|有一种|有几种|这几种")
_ACTIVE = re.compile(r"活动性|活动的|没有控制好|没控制好|控制得不好|控制不好|还在长大|还没控制住|还没有控制住|现在还是活动")
_SEVERITY = re.compile(r"很重|比轻微更重|严重|很难出气|不只是一点点|重到")
_NOW = re.compile(r"现在|目前")
_CONTROL = re.compile(r"(?:没有|没|不)(?:控制好|控制住)|控制(?:得)?不好|控制不佳")
_ONLY = re.compile(r"是不是只有|是不是只|只有下面|只是下面")
_WINDOW = re.compile(r"最近\s*(\d+)\s*个?\s*(周|星期|月|年|天)")
# The question's own problem said with a negation: 戒不掉, 长不好, 吃不下去, 切不掉.
_OWN_NEGATION = re.compile(r"(?<!的)([\u4e00-\u9fff])不(掉|好|下去)")
_NEGATED_ASK = re.compile(r"(?<!有)(?:还|现在|一直|而且)没(?:有)?([\u4e00-\u9fff]{1,2}?)(过|好|住)")
_NEEDED = re.compile(r"(?:要|需要)(?:做|去|再)?([\u4e00-\u9fff]{1,3}?)(?=吗|出来|[?？,.]|$)")
_ANSWERS_NO = re.compile(
    r"([\u4e00-\u9fff]{1,3}?)(?:了)?(?:的)?(?:女的|男的|人)?(?:也)?(?:可以|能)回答\s*[\"“]?(?:没有|不是|否)")
_DAYS = {"天": 1, "周": 7, "星期": 7, "月": 30, "年": 365}


@dataclass(frozen=True)
class Line:
    """One line of an umbrella question's list: its topics and its own qualifiers."""

    topics: FrozenSet[str]
    asks_active: bool
    asks_severity: bool
    asks_control: bool = False  # 没有控制好: under treatment may be under control


@dataclass(frozen=True)
class QuestionWords:
    topics: FrozenSet[str]  # pairs of the text and terms
    help_topics: FrozenSet[str]  # pairs of the help that says what counts
    # Per passage that says what is not counted: (its own pairs, which the question does not otherwise
    # ask about, such as 骨头 in "对着骨头做的放疗不算"; all its pairs).
    not_counted: Tuple[Tuple[FrozenSet[str], FrozenSet[str]], ...]
    asks_active: bool
    asks_severity: bool
    asks_now: bool
    asks_only: bool
    window_days: Optional[int]
    own_negations: Tuple[Tuple[str, str], ...] = ()  # (verb, result): 戒不掉 is ("戒", "掉")
    # What it asks said with 没 (是不是还没有治过, 现在没有控制好吗): (verb, ending), ("治", "过").
    negated_asks: Tuple[Tuple[str, str], ...] = ()
    answers_no_for: Tuple[str, ...] = ()  # 男的
    lines: Tuple[Line, ...] = ()
    terms: Tuple[str, ...] = ()
    asked_verbs: FrozenSet[str] = frozenset()  # the verbs the question asks with (用过, 做过)
    asked_pairs: FrozenSet[str] = frozenset()  # its terms in what it asks (过敏 in "有没有对这些药过敏过")
    treated_with: FrozenSet[str] = frozenset()  # "是不是要用激素药来治": the treatment the question asks about
    treatment: FrozenSet[str] = frozenset()  # the pairs of the treatment itself (激素 in "用激素药来治")
    treated_names: Tuple[str, ...] = ()  # its other names (甲强龙, 强的松: 强的松 holds no pair of its own)
    needed: Tuple[str, ...] = ()  # what it asks whether is needed (要做透析吗: 透析; 要…抽出来: 抽)
    asked_text: str = ""
    # What it asks happened, said with 了 / 过 (您的癌长大了？ 有没有…过敏过？): 长大, 过敏.
    happened: FrozenSet[str] = frozenset()
    asks_repeated: bool = False  # 一次又一次, 反复: once is not what it asks
    since: FrozenSet[str] = frozenset()  # "自从…复发或转移以后": the event that opens its window  # the sentences that ask (not the ones saying what is not counted)
    only_mild: bool = False  # "是不是只有…手脚发麻，但是不太重": only these, and only mild
    asks_latest: bool = False  # "请说最近的那一次": of several times told, the latest is the answer
    dose_limit: Optional[float] = None  # "用得很少也不算，就是一天 10 毫克…或者更少": 10 (毫克)
    # The things the question names (nouns of its text and list, its terms), without the tests it names
    # (这个检查叫心电图): a reply naming two of these pairs (类风湿关节炎, 骨髓移植) is about what is asked.
    named_things: FrozenSet[str] = frozenset()
    tests: Tuple[str, ...] = ()  # terms the help calls a test (这个检查叫心电图): naming one is no yes
    # The pairs of the sentences that ask how serious (让骨头坏得很重？比如骨头断了，或者压到了脊髓), not shared
    # with the rest of what it asks, and of the terms that hold one (脊髓压迫): a sign of the severity asked.
    severity_pairs: FrozenSet[str] = frozenset()
    # "这些病没有控制好吗": whether something is under control, not whether it is there (an active TB is
    # treated; an illness under treatment may still be under control).
    asks_control: bool = False
    # The other names (seeds/synonyms_zh.yml) of what its severity sentences name (骨头断了: 骨折; 压到了脊髓:
    # 压到神经), whose pairs may hold grammar characters (到, 经) and so be no severity pair.
    severity_names: Tuple[str, ...] = ()
    severity_text: str = ""  # the severity sentences themselves (就算只走几步路，或者在休息): when it counts
    not_the_thing: Tuple[str, ...] = ()  # "输血不是移植": 输血, which the question says is not what it asks
    examples: Tuple[str, ...] = ()  # terms the help gives as kinds (比如红斑狼疮, 常用的有顺铂和卡铂)
    setting: Tuple[str, ...] = ()  # its context_terms (化疗 to "…化疗的时候，有没有用过铂类"), longest first

    def names_severity(self, text: str) -> bool:
        """The reply names a sign of the severity the question asks about."""
        return bool(pairs(text) & self.severity_pairs) or any(name in text for name in self.severity_names)

    @property
    def every_topic(self) -> FrozenSet[str]:
        return self.topics | self.help_topics

    def names_topic(self, text: str, with_help: bool = True, whole_terms: bool = True) -> bool:
        """The reply names something the question asks about: a term, or a run of characters most of
        whose pairs are the question's (化疗, 肺纤维化; not 卡培他滨, which shares only 他滨 with 吉西他滨)."""
        topics = self.every_topic if with_help else self.topics
        if whole_terms and any(len(term) >= 2 and term in text for term in self.terms):
            return True
        for run in runs(text):
            own = pairs(run)
            if own and 2 * len(own & topics) >= len(own):
                return True
        return False

    def has_content(self, text: str) -> bool:
        """The reply names something at all (a run with a pair that is no common word)."""
        return any(pairs(run) for run in runs(text))

    def not_counted_only(self, text: str) -> bool:
        """The reply names something the question says not to count, and nothing else it asks about.
        A word of what is asked in the same clause as the words not counted is what they qualify
        (鼻子喷的激素: a steroid, sprayed in the nose), unless the clause joins two things (和, 还有)."""
        replied = pairs(text)
        counted = self.every_topic
        for own, passage in self.not_counted:
            if not replied & own:
                continue
            named = replied & own
            # An illness named alone (肺炎, the pair of 肺炎疫苗 that is not counted) is the illness, not its vaccine: it
            # qualifies nothing beside it (两周前肺炎挂了抗生素 had antibiotics, which are asked about).
            qualifies = len(named) > 1 or not all(pair[-1] in "炎癌病症" for pair in named)
            qualified = frozenset(p for part in re.split(r"[,.!?;]", text) if qualifies and pairs(part) & own
                                  and not re.search(r"和|跟|还有|以及|也|都|另外|加|联合|配合|同时", part) for p in pairs(part))
            others = (replied & counted) - passage - qualified
            if not others and not any(term in text and not _in_passage(term, passage) for term in self.terms
                                      if len(term) >= 2):
                return True
        return False


def _in_passage(term: str, passage: FrozenSet[str]) -> bool:
    return all(term[i:i + 2] in passage for i in range(len(term) - 1)) if len(term) >= 2 else False


def runs(text: str) -> list:
    """The reply cut at every function character and punctuation: 化疗只用过卡培他滨 is 化疗, 卡培他滨."""
    return [run for run in re.split(r"[^\u4e00-\u9fffa-z0-9]|[" + "".join(sorted(_FUNCTION)) + "]", text.lower())
            if len(run) >= 2] + ["过敏"] * text.count("过敏")


def pairs(text: str) -> FrozenSet[str]:
    """Pairs of Chinese characters side by side, and Latin words, that may name a topic."""
    found = set()
    for run in re.findall(r"[\u4e00-\u9fff]+", text):
        for i in range(len(run) - 1):
            pair = run[i:i + 2]
            if pair in _KEPT or (pair[0] not in _FUNCTION and pair[1] not in _FUNCTION and pair not in _GENERIC):
                found.add(pair)
    found.update(word for word in re.findall(r"[a-z][a-z0-9+/-]+", text.lower()) if len(word) >= 2)
    return frozenset(found)


def question_words(question: Question, follow_ups: Tuple[Question, ...] = ()) -> QuestionWords:
    """The question's words; an umbrella's ``follow_ups`` (the questions its lines stand for) add what
    they say not to count: a needle biopsy that one of them does not count is no yes to the umbrella."""
    words = _words(question.id, tuple(question.text.values()), question.terms, question.help or "", question.umbrella,
                   tuple(question.context_terms))
    if not follow_ups:
        return words
    extra = tuple(p for q in follow_ups for p in question_words(q).not_counted if p not in words.not_counted)
    return replace(words, not_counted=words.not_counted + extra) if extra else words


@lru_cache(maxsize=None)
def _words(question_id: str, texts: tuple, terms: tuple, help_text: str, umbrella: bool,
           setting: tuple = ()) -> QuestionWords:
    raw_lines = texts[0].split("\n") if texts else []
    list_lines = [normalise(line.strip().lstrip("-"), limit=None) for line in raw_lines[1:] if line.strip().startswith("-")]
    # An umbrella's own question is what stands before its list; its lines are questions of their own.
    texts = tuple(normalise(text.split("\n")[0] if list_lines else text, limit=None) for text in texts)
    help_text = normalise(help_text, limit=None)
    terms = tuple(normalise(term, limit=None) for term in terms)
    blocks = [_sentences(text) for text in texts] + [_sentences(help_text)]
    passages, excluded = [], set()
    for block in blocks:
        for index, sentence in enumerate(block):
            if not _NOT_COUNTED.search(sentence):
                continue
            passage = [sentence]
            names_its_own = any(len(term) >= 2 and term in sentence for term in terms)
            if index and _REFERS_BACK.search(sentence) and not _REFERS_FORWARD.search(sentence) and not names_its_own:
                # The sentence before, and before that while each refers back in turn ("它是为了止痛…。
                # 这叫姑息性骨放疗。这里不算它。").
                back = index - 1
                while back >= 0 and not re.search(r"[?？]|有没有|算", block[back]):
                    passage.insert(0, block[back])
                    if not re.match(r"[这它那]", block[back]) or len(passage) >= 4:
                        break
                    back -= 1
            # The name the next sentence gives it ("吃的激素药不是化疗。医生叫它内分泌治疗。") is not counted either.
            if index + 1 < len(block) and re.match(r"(?:医生)?(?:叫它|也叫|这叫|它叫|医生叫它)", block[index + 1]) \
                    and not _NOT_COUNTED.search(block[index + 1]):
                passage.append(block[index + 1])
            excluded.update(passage)
            # A dose is read by dose_limit, not as words ("一天 10 毫克…或者更少").
            words = pairs(re.sub(r"不算|不要算|不计|不包括|\d*\s*(?:毫克|mg)", " ", "，".join(passage)))
            # Its other names too (吸进去的药: 吸入, 雾化; seeds/synonyms_zh.yml).
            words |= frozenset(p for name in other_names(passage) for p in _term_pairs(name))
            if words:
                passages.append(frozenset(words))
    asked_sentences = [s for s in _sentences(texts[0] if texts else "") if s not in excluded]
    # Several questions in a row (有没有心梗？有没有心衰？…有一个就算有) are a list: a qualifier in one
    # of them (很重的心脏瓣膜病) is not the whole question's.
    listed = bool(list_lines) or sum(1 for s in asked_sentences if "有没有" in s) >= 3
    asked = " ".join(asked_sentences)
    counted_text = " ".join(s for text in texts for s in _sentences(text) if s not in excluded)
    # A term the help explains in order to say it does not count (穿刺活检 in "用针取一点组织，叫穿刺活检。
    # 这个不算") is no topic.
    excluded_text = " ".join(excluded)
    counted_everywhere = " ".join([counted_text] + [s for s in _sentences(help_text) if s not in excluded])
    counted_terms = tuple(term for term in terms if term not in excluded_text or term in counted_everywhere)
    # Other names of what the question names in its text, list or terms (房颤 for 心跳不齐): its words too.
    more = tuple(name for name in other_names([counted_text, *list_lines, *counted_terms]) if name not in terms)
    counted_terms += more
    terms += more
    topics = pairs(counted_text) | frozenset(p for term in counted_terms for p in _term_pairs(term)) \
        | frozenset(p for line in list_lines for p in pairs(line))
    help_topics = pairs(" ".join(s for s in _sentences(help_text) if s not in excluded))
    window = _WINDOW.search(to_digits(asked))
    window_days = int(window.group(1)) * _DAYS[window.group(2)] if window else None
    own = tuple(dict.fromkeys(
        m.groups() for m in _OWN_NEGATION.finditer(" ".join(texts + (help_text,) + tuple(list_lines)))
        if m.group(1) not in _FUNCTION))
    answers_no = tuple(dict.fromkeys(m.group(1) for m in _ANSWERS_NO.finditer(help_text)))
    return QuestionWords(
        topics=topics,
        help_topics=help_topics - topics,
        not_counted=tuple(dict.fromkeys((passage - topics, passage) for passage in passages if passage - topics)),
        asks_active=bool(_ACTIVE.search(asked)) and not listed,
        asks_severity=bool(_SEVERITY.search(asked)) and not listed,
        asks_now=bool(_NOW.search(asked)),
        asks_only=bool(_ONLY.search(asked)),
        asked_text=asked,
        happened=frozenset(m.group(1) for m in re.finditer(r"([\u4e00-\u9fff]{2})(?:了|过)(?:吗)?[?？]", texts[0] if texts else "")
                           if pairs(m.group(1)) or m.group(1) in _KEPT),
        asks_repeated=bool(re.search(r"一次又一次|反复|多次", asked)),
        since=frozenset(p for m in re.findall(r"自从(.{1,16}?)(?:以后|之后)", asked) for p in pairs(m)),
        needed=tuple(dict.fromkeys(
            m.group(1)[:1] if m.group(1).endswith(("出来", "出", "掉")) else m.group(1)
            for m in _NEEDED.finditer(re.sub(r"一次又一次地?|反复地?|经常", "", asked)) if not m.group(1).startswith("算"))),
        only_mild=bool(_ONLY.search(asked)) and bool(re.search(r"不太重|不重|轻微|不严重", asked)),
        window_days=window_days,
        own_negations=own,
        negated_asks=tuple(dict.fromkeys(
            (m.group(1), m.group(2)) for m in _NEGATED_ASK.finditer(" ".join(asked_sentences + list_lines)))),
        answers_no_for=answers_no,
        lines=tuple(
            Line(pairs(line) | frozenset(p for name in other_names([line]) for p in _term_pairs(name)),
                 bool(_ACTIVE.search(line)), bool(_SEVERITY.search(line)),
                 bool(_CONTROL.search(line)) and "药" not in line)
            for line in list_lines
        ),
        # "要用药才能好？或者还没控制住？" counts the medicine itself: being treated is then a yes, not a doubt.
        asks_control=bool(_CONTROL.search(asked)) and "药" not in asked and not listed,
        terms=terms,
        dose_limit=_dose_limit(" ".join(excluded)),
        treated_with=_treated_with(asked, help_text),
        treatment=_treatment(asked),
        treated_names=_treated_names(asked, help_text),
        asks_latest=bool(re.search(r"最近的那一次|最近那一次|最后的那一次", " ".join(texts + (help_text,)))),
        asked_verbs=_asked_verbs(" ".join([texts[0] if texts else ""] + list_lines)),
        asked_pairs=frozenset(p for span in _asked_spans(texts[0] if texts else "") for p in pairs(span))
        & frozenset(p for term in terms for p in _term_pairs(term)),
        named_things=_named_things(texts[0] if texts else "", counted_text, list_lines, counted_terms, help_text,
                                   tuple((passage - topics, passage) for passage in passages)),
        tests=_tests(terms, help_text),
        severity_pairs=_severity_pairs(asked_sentences, terms) if _SEVERITY.search(asked) and not listed else frozenset(),
        severity_names=other_names(_severe_sentences(asked_sentences)) if _SEVERITY.search(asked) and not listed else (),
        severity_text=" ".join(_severe_sentences(asked_sentences)) if _SEVERITY.search(asked) and not listed else "",
        not_the_thing=_not_the_thing(texts, help_text, terms),
        examples=_examples(help_text, terms),
        setting=tuple(sorted({normalise(term, limit=None) for term in setting}, key=len, reverse=True)),
    )


def _not_the_thing(texts: tuple, help_text: str, terms: tuple) -> Tuple[str, ...]:
    """"输血不是移植": what a short sentence says is not the question's own term (not "也可能不是过敏", which
    leaves it open). Kept as words: 输血 holds a grammar character and so has no pair of its own."""
    found = []
    for sentence in _sentences(" ".join(texts + (help_text,))):
        match = re.fullmatch(r"([\u4e00-\u9fff]{2,8}?)(?:也|都)?不是([\u4e00-\u9fff]{2,8})", sentence)
        if match and match.group(2) in terms and not re.search(r"可能|也许|不一定|大多|有的|有些", sentence):
            found.append(match.group(1))
    return tuple(found)


def _examples(help_text: str, terms: tuple) -> Tuple[str, ...]:
    """The terms the help gives as one kind of what is asked: standing alone after 比如, 有, 和, 、 or 是
    (比如红斑狼疮, 常用的有顺铂和卡铂), not inside a longer name (曲妥珠单抗 holds 单抗, another name of the thing
    asked)."""
    return tuple(term for term in terms if len(term) >= 2
                 and re.search(rf"(?:比如|例如|有|和|、|是|还有|或者|,)\s*{re.escape(term)}", help_text))


def _severe_sentences(asked_sentences: list) -> list:
    """The sentences that ask how serious (很重), and their examples (比如…)."""
    severe = []
    for sentence in asked_sentences:
        if _SEVERITY.search(sentence) or (severe and re.match(r"比如|就算|例如", sentence)):
            severe.append(sentence)
    return severe


def _severity_pairs(asked_sentences: list, terms: tuple) -> FrozenSet[str]:
    severe = _severe_sentences(asked_sentences)
    other = [sentence for sentence in asked_sentences if sentence not in severe]
    names = other_names(severe)
    found = frozenset(p for s in severe for p in pairs(s)) | frozenset(p for n in names for p in _term_pairs(n))
    base = frozenset(p for s in other for p in pairs(s))
    found -= base
    return (found | frozenset(p for term in terms if _term_pairs(term) & found for p in _term_pairs(term))) - base


# jieba's tags for nouns and fixed phrases (骨髓移植 n, 器官移植 l, 打点滴 i); not verbs such as 发现 or
# adverbs such as 完全, which a question uses around what it asks about.
_NOUN_TAGS = ("n", "l", "i", "vn", "nz")


def _named_things(asked_text: str, text: str, list_lines: list, terms: tuple, help_text: str,
                  not_counted: tuple = ()) -> FrozenSet[str]:
    """Empty when what the question asks (after 有没有, 是不是, before 吗) names none of them: "是不是很早就
    发现了" asks about how, not what, so naming the thing (皮肤癌) is no answer."""
    nouns = [word for word, tag in tagged_words(" ".join([text] + list(list_lines))) if tag.startswith(_NOUN_TAGS)]
    tests = _tests(terms, help_text)
    # Pairs inside one word of a term (室性 and 心动 of 室性心动过速, not 性心, which 窦性心律 has too).
    term_words = [word for term in terms if term not in tests for word, _ in tagged_words(term)]
    found = frozenset(p for word in nouns + term_words for p in _term_pairs(word))
    found -= frozenset(p for term in tests for p in _term_pairs(term))
    found -= frozenset(p for own, _ in not_counted for p in own)
    asked = frozenset(p for span in _asked_spans(asked_text) for p in pairs(span))
    return found if not asked or asked & found else frozenset()


def _tests(terms: tuple, help_text: str) -> Tuple[str, ...]:
    return tuple(term for term in terms
                 if re.search(rf"检查叫\s*{re.escape(term)}|{re.escape(term)}\s*检查|查{re.escape(term)}", help_text))


_USE = frozenset("做用吃打输服喝")
_VERB = re.compile(r"[做用打吃输喝服]")


def _treated_with(asked: str, help_text: str) -> FrozenSet[str]:
    """"是不是要用激素药来治": the treatment asked about, with the help's sentences that name it and
    their examples ("激素药能让发炎好一些。比如泼尼松。")."""
    named = frozenset(p for m in re.findall(r"用([^,.?]{1,8}?)(?:来)?治", asked) for p in pairs(m))
    if not named:
        return named
    found = set(named)
    sentences = _sentences(help_text)
    for index, sentence in enumerate(sentences):
        if pairs(sentence) & named:
            found |= pairs(sentence)
            if index + 1 < len(sentences) and sentences[index + 1].startswith("比如"):
                found |= pairs(sentences[index + 1])
    return frozenset(found)


def _treatment(asked: str) -> FrozenSet[str]:
    return frozenset(p for m in re.findall(r"用([^,.?]{1,8}?)(?:来)?治", asked) for p in pairs(m))


def _treated_names(asked: str, help_text: str) -> Tuple[str, ...]:
    """The other names (seeds/synonyms_zh.yml) of the treatment asked about: of the help's sentences
    that name it and their examples (激素药… 比如泼尼松: 强的松, 甲强龙)."""
    named = _treatment(asked)
    if not named:
        return ()
    sentences = _sentences(help_text)
    chosen = []
    for index, sentence in enumerate(sentences):
        if pairs(sentence) & named:
            chosen.append(sentence)
            if index + 1 < len(sentences) and sentences[index + 1].startswith("比如"):
                chosen.append(sentences[index + 1])
    return other_names(chosen)


def _dose_limit(text: str) -> Optional[float]:
    match = re.search(r"(\d+(?:\.\d+)?)\s*(?:毫克|mg)[^.]{0,16}?(?:或者更少|或更少|以下|以内)", to_digits(text))
    return float(match.group(1)) if match else None


def _asked_spans(text: str) -> list:
    return re.findall(r"(?:有没有|是不是)([^?,.]*)", text) + re.findall(r"([^?,.]*)吗", text)


def _asked_verbs(text: str) -> FrozenSet[str]:
    """The verbs of what the question asks: after 有没有 or 是不是, or in a sentence ending in 吗
    ("有没有对这些药过敏过" asks no verb of taking; "您用过…的药吗" asks 用, and so 吃, 打, 输)."""
    spans = _asked_spans(text)
    verbs = {verb for span in spans for verb in _VERB.findall(span)}
    if verbs & _USE:
        verbs |= _USE
    return frozenset(verbs) if spans else frozenset(_VERB.pattern[1:-1])


def _term_pairs(term: str) -> FrozenSet[str]:
    found = pairs(term)
    if not found and re.fullmatch(r"[\u4e00-\u9fff]{2}", term):
        found = frozenset({term})  # a term of two characters is a topic even with a common character (有效)
    return found


def _sentences(text: str) -> list:
    return [s.strip() for s in re.split(r"[。！？!?\n]+|[.](?!\d)", text) if s.strip()]
