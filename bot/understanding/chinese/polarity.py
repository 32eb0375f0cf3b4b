"""是 / 不是 / 不确定: the one place that decides the polarity of a Chinese reply.

Every question type asks this module (a yes/no question, 从来没有 to a "how long
ago" question, 一次也没有 to a count, 没有 among a choice's answers), so a
negation is read the same way everywhere. Chinese puts the negation before
the verb (没做过, 不是, 从来没有), so the reply is read clause by clause, and
the order of the checks is what keeps a no from turning into a yes:

1. a correction (有…哦不对，没有) keeps only what follows it;
2. "not sure" (不确定, 不清楚, 记不清, 要问医生) is settled first;
3. hedges (应该有吧, 好像没有, 可能吧) mean "not sure", unless a firm word
   (我很确定, 百分之百) leans; the reading then says it noted "not sure";
4. in each clause, words that hold 不 / 没 / 无 without saying no (不良反应,
   心跳不齐, 不到两年, 有没有) are taken out, and a double negation (不是没有)
   is a yes;
5. a negation left is a no, an explicit yes word beside it is a contradiction,
   and nothing is guessed; a negation inside a description (伤口一直长不好,
   起不了床) is not a no to the question, so it is only ever a check;
6. only then does a yes word (是, 对, 有, 做过, 当然) make a yes.

Clauses that disagree are asked again, unless a "but" (但是, 不过) qualifies
the first one: then the first is said back as a check.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterable, List, Optional, Tuple

from bot.screening.answers import NO, NOT_SURE, YES
from bot.understanding.chinese.text import CJK, clauses, has_any, remove_all

_CJK = r"[\u4e00-\u9fff]"

# A correction: what comes after it is the answer (有…哦不对，没有).
_CORRECTION = re.compile(
    r"(?:哦|噢|喔|啊|呃|额|哎|唉|嗯)?\s*(?:不对不对|不对|说错了|我说错了|搞错了|弄错了|记错了|更正一下|纠正一下|更正|纠正"
    r"|等等(?=\s*[,.!])|等一下(?=\s*[,.!]))了?"
)
_NOT_SURE_WORDS = re.compile(
    # Not after speech or sight (说话还不太清楚: slurred speech, a sign; 看东西不清楚): that is no doubt.
    r"(?<!说话)(?<!话还)(?<!讲话)(?<!口齿)(?<!齿还)(?<!吐字)(?<!看东西)(?<!西还)(?<!眼睛)(?<!睛还)"
    r"(?:不|没|没有)(?:太|是很|是太|是好|是几|好|很|大|怎么|是特别|十分|完全|敢|能)?"
    r"(?:确定|清楚|肯定|记得|知道|晓得|了解|确认|懂|明白|说准|敢说|敢讲)"
)
_WAITING = re.compile(
    r"等.{0,6}结果|结果还没|还没出来|还在等|还要查|还在查"
    # Not tested yet (还没复查，下个月才查; CT还没做): the answer is not known.
    r"|还没(?:有)?(?:去)?(?:复查|检查|查|拍片|做检查|做ct|做核磁)|(?:复查|检查|ct|核磁|片子)还没(?:有)?(?:做|拍|查)"
    r"|下(?:个)?(?:月|周|星期|礼拜|次)[\u4e00-\u9fff]{0,3}(?:才|再)(?:去)?(?:查|复查|检查)"
    # Not yet decided whether (还没说要不要移植, 还没定做不做): open, not a no.
    r"|(?:没|未)(?:有)?(?:说|讲|定|决定|确定)(?:好)?(?:要不要|做不做|用不用|需不需要|是否)"
    # Someone else must be asked first (要问问我爸本人的意思, 得先问下他).
    r"|(?:要|得|先|再|还要|还得|需要|等我)(?:先)?(?:问问|问一下|问下|商量)"
    # "说不好" is "cannot say"; 说不好切 is "said it is hard to cut".
    r"|(?:说|讲)不(?:准|清|好)(?![\u4e00-\u9fff])|(?:说|讲)不(?:准|清|好)(?=[是有呢吧啊了哦的]|算)"
    # Never tested (最近没做过CT, 没做过检查): what a test would show is not known.
    r"|(?:没|未)(?:有)?(?:去)?(?:做|拍|照|查)(?:过)?(?:ct|核磁|mri|pet|片子|复查)"
    # Not tested, said of a thing (丙肝没查, HIV没查过): what a test would say is not known.
    r"|(?:没|未)(?:有)?(?:去)?(?:查|测|化验|验)(?:过)?(?=$|[,.!?]|呢|的|吧|啊)"
    # To be seen later (先化疗，再看能不能手术; 等复查完看有没有长): the answer is not known yet.
    r"|(?:再|先|还要|还得|要|得|到时候|然后)看(?:看)?(?:能不能|能否|可不可以|是不是|有没有|会不会|要不要|用不用|行不行)"
    # Never noticed (没注意过, 没怎么留意): the person does not know; 没注意到 + what was not seen is a report.
    r"|没(?:有)?(?:太|怎么|仔细)?(?:注意|留意|在意)(?:过)?(?!到)"
)
_NOT_SURE = (
    "记不清", "记不得", "记不太清", "记不住", "忘了", "忘记了", "忘掉了", "说不上来",
    "不好说", "难说", "很难说", "搞不清", "弄不清", "分不清", "分不太清", "分不出来", "想不起来", "没印象", "没什么印象", "没把握", "拿不准", "吃不准", "一半一半",
    "不一定", "问医生", "问问医生", "问一下医生", "问下医生", "问过医生才知道", "查一下", "查查", "看看报告", "看一下报告",
    "翻一下", "等结果", "结果还没出", "还没出结果", "结果没出来", "谁知道", "天知道", "未知", "不详", "不明", "idk",
    "not sure", "don't know", "dont know", "有没有也不", "有还是没有", "看情况", "再说吧", "考虑一下", "考虑考虑", "商量",
    "问问家里", "问一下家里", "想一想", "想想", "再看看", "没想好", "还没决定", "犹豫", "没底", "没数",
    # Suspected, not confirmed (医生说怀疑复发): the answer is not known yet.
    "怀疑", "疑似", "待排", "待查",
)
# What may happen later (以后可能要…, 将来也许会…): no answer to what is or was.
_FUTURE = re.compile(r"(?:^|说|讲)(?:以后|将来|今后|到时候)(?:也)?(?:可能|也许|或许|会|要|得|需要)")
# What a body feels (坐着都觉得喘, 感觉很累): after 觉得 / 感觉 it is a symptom told, not a hedge.
_SENSATION = (r"(?:都|也|还|有点|有些|很|好|特别|非常|一直)?(?:喘|气促|气短|气急|气紧|憋|闷|累|乏|疼|痛|麻|晕|胀|痒|冷|热|恶心|心慌"
              r"|难受|透不过|上不来气|喘不)")
# Firm enough to lean: these stop a hedge.
_LEANING = re.compile(r"我?(?:很|非常|十分|特别|完全)?(?:确定|肯定)(?!吗)|百分之百|100%|一百个确定")
_HEDGES = re.compile(
    r"应该|好像|(?<!不)可能|不太可能|(?:大概|大约|估计|差不多)(?!\s*(?:是\s*)?[\d一二两三四五六七八九十半几上去前今昨])|也许|或许|似乎|貌似"
    r"|(?:觉得|感觉)(?!" + _SENSATION + r")"
    r"|我想(?:是|应该|有|没)|印象中|印象里|说不定|八成|多半(?!时间|天|的时间|日子|躺|坐|靠|在床|卧)|恐怕|兴许|"
    r"差不多吧|(?:有|是|没有|没|不是|过|了|的|会|对)吧"
)
# A question back (你们是哪家医院？): "什么都能做" and "不怎么" are not questions.
_ASKS = re.compile(r"[?？]|吗|(?<!不)怎么(?![都也])(?!\S{1,2}都)|(?<!没)(?<!没有)什么(?![都也])(?![\u4e00-\u9fff]{1,4}?[都也](?:没|不))|为什么|为啥|多少|哪(?![里儿]?都)|谁")
# 什么 a few characters after a negation is "any" (没受过什么伤, 不吃什么药), not a question.
_ANY_AFTER_NEGATION = re.compile(r"((?:没|不|未)[\u4e00-\u9fff]{0,4}?)什么(?![?？])")
# A negated report (没说过, 没查出过, 没发现): a 有 after it in the clause is what was not found
# (医生没说过脑子有转移, 从来没查出过有问题), not a yes.
_NOT_FOUND = re.compile(
    r"((?:没|没有|从来没|从没|未|并没)(?:有)?(?:听(?:到)?(?:医生|大夫)?)?(?:说|讲|提|查出|查到|发现|看到|看出|检查出|诊断|确诊)(?:过|出|到)?[^,]{0,8}?)有(?![点些])"
)
# A negated saying (从来没说过要移植, 医生没提过需要化疗): the 要 after it is what was never said to be needed.
_NOT_SAID_NEEDED = re.compile(r"((?:没|没有|从来没|从没|未|并没)(?:有)?(?:听(?:到)?(?:医生|大夫)?)?(?:说|讲|提)(?:过|起)?[^,]{0,4}?)(?:需要|要)")
# Said with a negation, meaning yes.
_YES_DESPITE = re.compile(
    r"不是没有|不是说没|不是没|并非没有|并不是没有|不能说没有|不是不|可不是|那还用说|毫无疑问|没得说|不可否认|无可否认|没错|不错"
    r"|不介意|不反对|没意见|没有意见|没什么意见|无所谓"
)
_TESTED_WORD = re.compile(r"(?:都|也)?(?:查过|检查过|测过|化验过|验过|查了|检查了)(?:了)?")
_NO_WAY = re.compile(r"(?:(?<=^)|(?<=[,.!?]))(?:这|那)?(?:怎么|哪里|哪儿|哪|哪里有|哪有)(?:会)?可能(?:呢|啊|嘛|呀)?(?=$|[,.!?])")
_NO_PROBLEM = re.compile(r"^(?:好|行|可以|嗯|好的|得)?(?:,)?没(?:有)?问题(?:的|啊|呀|哦)?$")
# "没问题" as a whole answer: to a question that asks for consent (愿意, 同意, 可以) it is a yes ("OK"); to one
# that asks whether there is a problem or illness (下面这些问题，您有没有) it is a no; to any other it is asked again.
_ASKS_CONSENT = re.compile(r"愿意|同意|可以|能不能|能否|行不行|接受")
_ASKS_PROBLEM = re.compile(r"(?:有没有|有吗|有过|是否有)[\s\S]*(?:问题|病)|(?:问题|病)[\s\S]*(?:有没有|有吗|有过)")
# Words holding 不 / 没 / 无 that do not say no to the question.
_NEUTRAL = (
    "不良", "不适", "不舒服", "不齐", "不全", "不足", "不佳", "不过", "不管", "不仅", "不但", "不论", "不然", "要不",
    "不久", "不到", "不超过", "没多久", "不少", "不同的", "不同于", "各不相同", "不止", "不断", "不停", "差不多", "无论", "不一样", "了不起",
    "不得了", "不规律", "不明显", "无痛", "不大", "不太好", "不稳定", "不正常", "不干净", "不太干净", "不怎么干净", "不规则", "不对称", "不均匀", "不了了之",
    # These say yes, or more: 不得不 "had to", 不止一次 "more than once", 离不开 "cannot do without".
    "不得不", "不由得", "不免", "不禁", "免不了", "少不了", "离不开", "没少", "无时无刻", "不在少数", "没完没了",
    "就没事了", "就没事",
    # A degree, not a negation: 喘得不行 "breathless beyond words", 疼得受不了 is read as a description.
    "得不行",
    # Names that begin with 非 ("non-"): 非角化性癌, 非感染性肺炎 (a question's own term), 非小细胞肺癌.
    "非角化", "非感染性", "非小细胞", "非霍奇金",
    # Places: 非洲 (Africa), 南非, where a yellow-fever jab is had (去非洲之前打过黄热病疫苗).
    "非洲", "南非",
)
# A-not-A: the question's own form echoed (有没有, 是不是, 做没做过), not a no.
_A_NOT_A = re.compile(rf"({_CJK})(?:没|不)\1")
# A negation inside a description: 起不了床, 吃不下, 伤口长不好, 不能工作, 没法走.
_DESCRIBED = re.compile(
    r"(?<=[\u4e00-\u9fff])(?<![是有会要能对不没])不(?:了|下|动|住|起|上|进|出|开|完|好|来|去|掉|着|到|成|通|透|净|清|稳|见)"
    r"|不能|无法|没法|没办法|没有办法|没有能力|没(?:有)?力气|没胃口|没精神|没劲|做不到|干不了|受不了|不行了"
    # How serious, not whether: 不严重, 不是很严重, 不要紧, 没大碍.
    r"|不(?:是|算)?(?:很|太|怎么|特别|那么|十分)?(?:严重|厉害|重|明显|要紧|碍事)|没(?:有)?(?:什么)?大(?:碍|问题)|没关系|问题不大"
    # What a problem does, not whether there is one: 伤口不愈合, 一直没好, 吃药也不管用.
    r"|不愈合|没愈合|未愈合|不好转|没好转|不见好|没(?:长)?好|不消|没消|不退|没退|不(?:太)?管用|没(?:什么)?效果|不见效"
)
_NOT_AGAIN = re.compile(r"不(?:想|要|愿意|肯|打算)再")
# Not treated (没治过, 一直没吃药, 没看过医生): a description of the problem, unless the question asks about
# treatment itself (已经完全治过了吗).
_UNTREATED = re.compile(r"(?:没有|没|未|从没|从来没)(?:有)?(?:治|治疗|吃药|用药|处理|管|看过医生|看医生|看过)(?:过)?")
_ASKS_TREATED = re.compile(r"治过|治疗过|治好|治疗")
_NEGATION = re.compile(
    r"阴性|从来没有|从来没|从来不|从没有|从没|从未|根本没有|根本没|根本不|压根没有|压根没|压根不|并没有|并没|并不|"
    r"绝不|决不|没有|没|不|未|无|非|否|甭|木有|莫有|莫得|没得|\b(?:no|nope|none|never|not|n)\b"
)
# The negated verb phrase, so its verb is not read as a yes (没做过, 不是, 没有用过).
_NEGATED_PHRASE = re.compile(
    "(?:" + _NEGATION.pattern.replace(r"\b(?:no|nope|none|never|not|n)\b", "(?!)") + ")"
    + r"(?:(?:有)?[\u4e00-\u9fff]{1,4}?过|可以|愿意|需要|同意|[\u4e00-\u9fff]{1,2})?"
)
_COPULA_BEFORE_NEGATION = re.compile(r"是(?=阴性|没有|没|不是|无)")
_INTENSIFIERS = re.compile(r"肯定|确实|当然|绝对|一定|的确|真的|确定|必须|毫无疑问")
# Parts of words that look like a yes word and are not: 有点, 但是, 主要, 好像, 对于 …
_NOT_YES = (
    "有点", "有些", "有一点", "有时", "有时候", "所有", "只有", "但是", "可是", "还是", "要是", "于是", "只是", "或是",
    "就是", "总是", "凡是", "是否", "倒是", "算是", "主要", "重要", "只要", "要不", "好多", "好几", "最好", "还好",
    "会诊", "机会", "绝对", "对于", "针对", "对比", "对方", "进行", "流行", "过敏", "超过", "经过", "难过", "通过", "不过", "过去",
    "有关", "有效", "有人", "有助", "有利", "一会", "社会", "要求", "要么", "过年", "检查过", "查过", "测过", "化验过",
)
_YES_WORDS = re.compile(
    # 是 and 对 only on their own (是的, 对对): "我是男的" and "对紫杉醇过敏" are not a yes.
    r"是(?=(?:的|啊|呀|呢|了|哦|嘛|滴|吧|有|这样|那样|\s)*$)|对(?=(?:的|啊|呀|呢|了|哦|嘛|对|\s)*$)"
    # 会 answers only on its own or after who says it (会, 我会, 肯定会); inside a sentence it is "would" or
    # "tends to" (吃海鲜会拉肚子: only when eating seafood), no answer.
    r"|有|嗯|恩|可以|(?:^|(?<=[\s我她他你您也都还定]))会|愿意|要|需要|同意|阳性|yes|ok|okay|yeah|yep|\by\b"
    r"|^(?:好|行)(?:的|啊|呀|吧|嘞|滴)?$"
    rf"|(?<![不超经难通度太越穿查测验])(?<={_CJK})过(?![敏去度量多于程期渡头分年])"
    r"|(?:^|(?<=[我她他还]))在(?:吃|用|打|做|喝)|正在|一直在|还在"
    r"|(?:怀孕|转移|复发|确诊)了|(?<![作使费利应享运信不没])(?:做|用|打|吃|得|输|喝)了"
)
# 就是 qualifies only before a little or a negation (就是有点累); 对，就是掉头发 confirms.
_CONTRAST = re.compile(r"但是|但|不过|可是|只是|然而|除了|就是(?=有点|有一点|一点|不|没|稍微|偶尔)|只不过|只(?!要)|仅")
# "有点早搏", "有一点麻": a yes made small, so it is checked.
_A_LITTLE = re.compile(r"有(?:一)?点(?:儿)?[\u4e00-\u9fff]|有些[\u4e00-\u9fff]")
# Not any more: a no to "do you still…", a yes to "have you ever…", so it is checked.
_NO_LONGER = re.compile(
    r"现在(?:已经)?(?:没有|没|不)[^,]*了|已经(?:停|好|治好|痊愈|不用|不吃|不打|没有|没|控制住)了?|不再|早就停了|早停了|早就好了|治好了|停了|长好了|愈合了|(?<!就)好了"
)
# Under control, stable: a yes that may not be one to "active" or "uncontrolled", so a yes is checked
# (a no stays a no: 没有进展，医生说稳定).
_STABLE = re.compile(r"稳定|控制住了|控制得(?:很|挺|还|比较)?好|没有症状|没症状")
# "以前有过，现在没有": the past beside the present. "现在没有" alone is a plain no to "do you now…".
_PAST = re.compile(r"以前|之前|过去|曾经|[\u4e00-\u9fff]过")
_NOW_NOT = re.compile(r"现在(?:已经)?(?:没有|没|不)")
# Who answers and how firmly: these may stand before a negation that answers the question.
_SUBJECT = re.compile(
    r"(?:我们?|你|您|他们?|她们?|它|患者|病人|本人|自己|老人家?|家里人|医生|大夫)"
    r"(?:的)?(?:妈妈?|爸爸?|老公|老婆|爱人|丈夫|妻子|先生|太太|母亲|父亲|儿子|女儿|婆婆|公公|奶奶|爷爷|外婆|外公|姥姥|姥爷"
    r"|哥哥?|姐姐?|弟弟?|妹妹?|家人|家属|朋友|亲戚|本人|自己)?"
    r"|老公|老婆|爱人|丈夫|妻子|妈妈|爸爸|母亲|父亲|儿子|女儿|婆婆|公公|奶奶|爷爷|外婆|外公"
)
_ADVERBS = tuple(
    "肯定 确实 当然 绝对 一定 的确 真的 从来 一直 也 都 还 并 既 又 根本 完全 压根 压根儿 就 倒 其实 目前 现在 暂时 最近 之前"
    " 以前 过去 至今 目前为止 到现在 到目前为止 好在 幸好 幸亏 还好 可惜 百分之百 一次 一点 这辈子 今年 这几年 这些年 平时"
    " 嗯 哦 噢 呃 额 啊 唉 哎 那个 这个 的 了 呢 呀 吧 嘛 哈 是 得 过 他说 医生说 说 据我所知 我知道 我记得 应该"
    " 很确定 非常确定 十分确定 我确定 我很确定 确定 很肯定 我肯定 谢天谢地 感谢 目前还 暂时还 到现在还"
    " 任何 一样 一种 一个 这些 那些 这种 那种 上面 上面的 以上 以上的 里面 这里面 这几种 这几个 这几样 这方面 哪个 哪样 一项"
    " 哪一种 全部 全都 统统 通通 什么 后来 然后 之后 再".split()
)


@dataclass(frozen=True)
class Polarity:
    """``value`` is yes, no, not_sure or None; ``hedged`` when a hedge made it "not sure"."""

    value: Optional[str]
    confidence: float
    hedged: bool = False
    no_longer: bool = False
    corrected: bool = False
    described: bool = False  # only negations inside descriptions (腿没力气, 切不了): no answer of its own
    leaned: bool = False  # a hedged no read as the no it leans to (没有吧，医生没说过): no rule makes it surer


NONE = Polarity(None, 0.0)


# Words that make a time or a number approximate (大概三周前), not a hedge on the answer.
APPROXIMATELY = re.compile(r"大概|大约|差不多|约莫|左右|上下")


def after_correction(text: str) -> Optional[str]:
    """What follows the last correction (有…哦不对，没有 -> 没有), ``text`` itself when there is none,
    or None when the reply corrects itself to nothing (有，哦不对)."""
    for match in reversed(list(_CORRECTION.finditer(text))):
        before, after = text[: match.start()], text[match.end():]
        if CJK.search(before) or re.search(r"[a-z0-9]", before):
            return after if after.strip(" ,.!?…") else None
        break
    return text


def after_echo(text: str) -> str:
    """"移植？没有没有": a question word echoed before the answer; the answer is what follows it."""
    parts = re.split(r"[?？]", text)
    if len(parts) > 1 and CJK.search(parts[-1]):
        return parts[-1]
    return text


def read_polarity(text: str, topic_text: str = "") -> Polarity:
    """The polarity of a normalised reply (see :func:`bot.understanding.chinese.text.normalise`).

    ``topic_text`` is the question's own text: its words may stand before a
    negation that answers it (化疗没做过, 心脏没问题).
    """
    if not text:
        return NONE
    corrected_text = after_correction(text)
    if corrected_text is None:
        return NONE  # "有，哦不对": corrected to nothing, so asked again
    corrected, text = corrected_text != text, after_echo(corrected_text)
    # "怎么可能" / "哪有可能" said as a whole clause: "impossible", a no; not a hedge (可能) nor a question.
    text = _NO_WAY.sub("不可能", text)
    parts = clauses(text)
    future = [part for part in parts if _FUTURE.search(part)]
    if future and len(future) < len(parts):
        # "医生说以后可能要透析，现在还不用": what may happen later is no answer about now.
        text = ",".join(part for part in parts if part not in future)
    if _NOT_SURE_WORDS.search(text) or has_any(text, _NOT_SURE) or _WAITING.search(text):
        return Polarity(NOT_SURE, 0.95, corrected=corrected)
    leaning = bool(_LEANING.search(text))
    if _HEDGES.search(_LEANING.sub(" ", text)) and not leaning:
        leaned = _leans_no(text, topic_text)
        if leaned is not None:
            return leaned
        return Polarity(NOT_SURE, 0.9, hedged=True, corrected=corrected)
    if _ASKS.search(_ANY_AFTER_NEGATION.sub(r"\1", text)):
        return NONE  # "你们是哪家医院？": a question back, not an answer
    # "我很确定" says how sure, not what: the clauses are read without it.
    parts = clauses(_LEANING.sub(" ", text))
    found = [(_clause(c, topic_text), c) for c in parts]
    readings = [r for r, _ in found if r is not None]
    # "我老公是大三阳，一直没吃药": the answer comes first; a yes or no found only after other
    # content may be about something else, so it is checked.
    # "HIV查过，阴性": tested (查过) is no content of its own; the answer follows.
    late = bool(found) and found[0][0] is None and _has_content(_TESTED_WORD.sub("", found[0][1]), topic_text) \
        and not any(r is not None and r.value == NO and _negates_the_question(c, topic_text) for r, c in found)
    if not readings and leaning:
        # "肯定", "我确定": the firm word is the whole answer.
        readings = [r for r in (_clause(c, topic_text) for c in clauses(text)) if r is not None]
    if _NOW_NOT.search(text) and _PAST.search(_NOW_NOT.sub(" ", text)):
        readings = [replace(r, no_longer=True) for r in readings]
    polarity = _combine(text, readings)
    if polarity.value is None:
        return polarity
    confidence = polarity.confidence
    if late and polarity.value == NO:
        confidence = min(confidence, 0.6)
    if polarity.value == YES and _STABLE.search(text):
        confidence = min(confidence, 0.6)
    if leaning:
        confidence = min(confidence, 0.85 if _HEDGES.search(text) else confidence)
    if corrected:
        confidence = min(confidence, 0.9)
    return Polarity(polarity.value, confidence, no_longer=polarity.no_longer, corrected=corrected,
                    described=polarity.described)


# "应该没有" with nothing softening it (吧, 吗) and a reason beside it that is itself a no
# ("應該冇，驗過血冇事"): a hedge that clearly leans, read as the no it leans to. "没有吧" / "应该没有吧" with
# such a reason ("没有吧，从来没听医生讲过") leans too, more softly: the no, checked.
_SHOULD_NOT = re.compile(r"^(?:我|他|她|我们|患者)?(?:应该(?:是)?)?(?:没有|没|不是|不)")
_SHOULD = re.compile(r"应该(?:是)?")
_SOFTENED = re.compile(r"吧|吗|呢|[?？]|可能|好像|估计|也许|大概|不太|不知道|不清楚|不确定")
# "都查过", "检查过了": tested, and the no said before it is what the tests found.
_TESTED_ALL = re.compile(r"^(?:都|也|全|全部|之前|以前|每次|一直)?(?:都)?(?:查过|检查过|查了|检查了|做过检查|验过|化验过)(?:了)?(?:的)?$")

_UNTESTED = re.compile(r"(?:没|未|不)(?:有)?(?:去)?(?:查|检查|验|化验|做检查|复查|拍片|做过检查)")


def _leans_no(text: str, topic_text: str) -> Optional[Polarity]:
    parts = clauses(text)
    if len(parts) < 2 or not _SHOULD_NOT.search(parts[0]) or not (_SHOULD.search(parts[0]) or parts[0].endswith("吧")):
        return None
    softly = parts[0].endswith("吧")  # 没有吧, 应该没用过吧
    if _SOFTENED.search(" ".join(parts[1:])) or (_SOFTENED.search(parts[0][:-1]) if softly else _SOFTENED.search(parts[0])):
        return None
    if _HEDGES.search(" ".join(parts[1:])) or any(_CONTRAST.match(part) or _UNTESTED.search(part) for part in parts[1:]):
        return None  # "应该没有吧，不过没查过": not tested is no reason for a no
    first = _clause(_SHOULD.sub("", parts[0]).rstrip("吧"), topic_text)
    rest = [None if _TESTED_ALL.match(part) else _clause(part, topic_text) for part in parts[1:]]
    tested = any(_TESTED_ALL.match(part) for part in parts[1:])
    if first is None or first.value != NO or not rest:
        return None
    if softly:
        # A reason that is a firm no (医生没说什么) and nothing that says otherwise (就让继续吃药 says nothing).
        if not any(r is not None and r.value == NO and r.confidence >= 0.9 for r in rest) \
                or any(r is not None and r.value != NO for r in rest):
            return None
        return Polarity(NO, 0.6, leaned=True)
    if any(r is None and not _TESTED_ALL.match(part) or r is not None and r.value != NO
           for r, part in zip(rest, parts[1:])):
        return None
    return Polarity(NO, 0.85 if tested or all(r is not None for r in rest) else 0.6, leaned=True)


@dataclass(frozen=True)
class _Clause:
    value: str
    confidence: float
    described: bool = False  # a negation inside a description, not an answer
    positioned: bool = False  # a negation after other content (转移后没化疗过): a no about something
    no_longer: bool = False
    contrast: bool = False  # the clause starts with 但是 / 不过


def _clause(clause: str, topic_text: str) -> Optional[_Clause]:
    contrast = bool(_CONTRAST.match(clause))
    no_longer = bool(_NO_LONGER.search(clause))
    if _NO_PROBLEM.match(clause):
        if not topic_text or _ASKS_CONSENT.search(topic_text):
            return _Clause(YES, 0.9, contrast=contrast)
        return _Clause(NO, 0.9, contrast=contrast) if _ASKS_PROBLEM.search(topic_text) else None
    if _YES_DESPITE.search(clause):
        rest = _YES_DESPITE.sub(" ", clause)
        if _negations(rest):
            return None  # "不是没有，没有": a contradiction
        confidence = 0.7 if ("不能说没有" in clause or "无所谓" in clause) else 0.8 if "不是不" in clause else 0.9
        return _Clause(YES, confidence, contrast=contrast)
    rest = _A_NOT_A.sub(" ", clause)
    rest = remove_all(rest, _NEUTRAL)
    rest = _NOT_SAID_NEEDED.sub(r"\1 ", _NOT_FOUND.sub(r"\1 ", rest))
    described = bool(_DESCRIBED.search(rest))
    rest = _DESCRIBED.sub(" ", rest)
    if not _ASKS_TREATED.search(topic_text) and _UNTREATED.search(rest):
        # "丙肝一直没治" to "active hepatitis?": not treated describes the problem; it is no answer.
        described = True
        rest = _UNTREATED.sub(" ", rest)
    negations = _negations(rest)
    intensified = bool(_INTENSIFIERS.search(rest))
    # 是 right before a negation is the copula of what follows (都是阴性, 是没有的), not a yes of its own.
    yes_rest = remove_all(_NEGATED_PHRASE.sub(" ", _COPULA_BEFORE_NEGATION.sub("", rest)), _NOT_YES)
    said_yes = bool(_YES_WORDS.search(yes_rest))
    if negations and _NOT_AGAIN.search(clause):
        # "不想再做穿刺了": a no to doing it again, which may not be what is asked: checked.
        return _Clause(NO, 0.5, positioned=True, contrast=contrast)
    if negations:
        if said_yes:
            return _Clause("contradiction", 0.0)
        if _answers(rest[: negations[0].start()], topic_text):
            if "新" in rest[negations[0].end():] and "新" not in topic_text:
                # "复查说没看到新的病灶" to "is there a tumour?": no new one is not no tumour: checked.
                return _Clause(NO, 0.5, positioned=True, no_longer=no_longer, contrast=contrast)
            return _Clause(NO, 0.95, no_longer=no_longer, contrast=contrast)
        # Content before the negation (转移后没化疗过): a no about something, checked; it still
        # disagrees with a yes beside it, so the two together are asked again.
        return _Clause(NO, 0.5, positioned=True, no_longer=no_longer, contrast=contrast)
    if said_yes or intensified:
        return _Clause(YES, 0.95, no_longer=no_longer, contrast=contrast)
    if _A_LITTLE.search(clause) and not described:
        return _Clause(YES, 0.6, contrast=contrast)
    if described:
        return _Clause(NO, 0.5, described=True, contrast=contrast)
    if no_longer:
        return _Clause(YES, 0.6, no_longer=True, contrast=contrast)
    return None


# A stretch of time may stand before a negation that answers (最近一个月没有, 这两周都没用过).
_WHEN = re.compile(
    r"(?:最近|近|这|过去|这个|这段)?\s*[\d一二两三四五六七八九十半几]+\s*个?\s*(?:天|周|星期|礼拜|月|年)\s*(?:里|内|以来|来|之内|以内)?"
    r"|这段时间|这些天|这几天|这阵子|近期|目前为止|到现在为止"
    r"|(?:上|这)(?:个)?(?:月|周|星期|礼拜|次)|最近一次|去年|今年"
)


# Who or what reported it (CT上说, 复查说, 报告写的是): it may stand before a negation that answers.
_REPORTED = re.compile(
    r"(?:最近一次|最后一次|上次|这次|最近)?(?:的)?(?:(?:拍的|做的|查的)?(?:ct|mri|pet|核磁|片子|报告|检查|复查|化验|拍片|医生|大夫)){1,2}"
    r"(?:报告|结果)?(?:上|里)?(?:都|也)?(?:说|写着|写的是|写了|显示|提示)(?:的)?(?:是)?"
)
# What the question is about, named right after a negation (不是治癌的, 没用过这种药): the no answers it.
_REFERS_BACK = re.compile(r"这(?:种|类|个|些|样)(?!问题|事)")


def _negates_the_question(clause: str, topic_text: str) -> bool:
    """The negation in ``clause`` is followed by the question's own words (两个字 it uses) or by 这种 /
    这个, which stand for what it asks about."""
    match = _NEGATION.search(clause)
    if match is None or not topic_text:
        return False
    after = clause[match.end():]
    if _REFERS_BACK.search(after):
        return True
    words = re.sub(r"[过了的是有用吃做打]", " ", after)
    return any(words[i:i + 2] in topic_text for i in range(len(words) - 1) if CJK.fullmatch(words[i])
               and CJK.fullmatch(words[i + 1]))


def _has_content(clause: str, topic_text: str) -> bool:
    """More than a subject, a firm word or the question's own words (我妈, 化疗, 这个)."""
    return not _answers(clause, topic_text)


def _negations(text: str) -> List[re.Match]:
    return list(_NEGATION.finditer(text))


_NOTHING_AT_ALL = re.compile(r"(?:什么|任何)[\u4e00-\u9fff\s]{1,5}?(?:都|也)$")


_THESE = re.compile(r"(?:(?:这|那|上面|以上|列的)(?:的)?)?(?:[一二两三四五六七八九十几]|\d)?(?:样|种|个|类|项)(?:药|病|情况|问题)?"
                    r"(?:一次|一样|一种|一个)?(?=(?:都|也|全|全都)?$)")


def _answers(before: str, topic_text: str) -> bool:
    """A negation answers the question when only a subject, a firm word, or the question's own
    words stand before it (她肯定没有, 化疗从来没做过); otherwise it is part of a description."""
    # "什么反应都没有", "任何药都没用过": nothing of the kind at all, which answers.
    before = _NOTHING_AT_ALL.sub("", before)
    # "这四样都没有", "这类药一次都没用过", "四样都冇": the question's own things, counted or named by kind.
    before = _THESE.sub("", before)
    rest = _REPORTED.sub("", _WHEN.sub("", before))
    rest = remove_all(rest, _ADVERBS, by="")
    rest = _SUBJECT.sub("", rest)
    rest = remove_all(rest, _ADVERBS, by="")
    rest = re.sub(r"[\s,.!?\"'()]", "", rest)
    # The question's own Latin words (HIV, CT) and where a thing is (脑部, 肺里: 脑, 肺 and a place word).
    rest = "".join(word for word in re.split(r"([a-z0-9+-]+)", rest) if not (word and re.fullmatch(r"[a-z0-9+-]+", word)
                                                                            and word in topic_text.lower()))
    rest = re.sub(r"(?<=[\u4e00-\u9fff])[部里上内中]$", "", rest)
    if not rest:
        return True
    if not topic_text or re.search(r"[^\u4e00-\u9fff]", rest):
        return False
    if len(rest) == 1:
        return rest in topic_text
    # Every character is part of a pair the question uses: 心脏血管 is 心脏 and 血管.
    covered = set()
    for i in range(len(rest) - 1):
        if rest[i:i + 2] in topic_text:
            covered.update((i, i + 1))
    return len(covered) == len(rest)


_ONLY_THIS = re.compile(r"[,.!]\s*(?:只|就|只有|只是|就是)(?:这|这一)(?:个|种|样|次)(?:了|啦|啊|而已)?\s*$")


def _combine(text: str, readings: List[_Clause]) -> Polarity:
    if not readings:
        return NONE
    if any(r.value == "contradiction" for r in readings):
        return NONE
    answering = [r for r in readings if not r.described] or readings
    values = [r.value for r in answering]
    no_longer = any(r.no_longer for r in readings)
    first = answering[0]
    if len(set(values)) == 1:
        # A no after other content agrees with a plain no before it (没有，…复查也没发现转移).
        firm = [r for r in answering if not r.positioned] or answering
        confidence = min(r.confidence for r in firm)
        if no_longer:
            return Polarity(first.value, min(confidence, 0.6), no_longer=True)
        plain = _ONLY_THIS.sub("", text)  # "没有，只是这个": only this one, which says the no again
        if len(clauses(plain)) > 1 and (any(r.contrast for r in readings[1:]) or _CONTRAST.search(plain)):
            confidence = min(confidence, 0.7)  # "有，但是很轻": said back as a check
        if len(answering) < len(readings):
            # A yes with a description beside it (有慢阻肺，走几步就喘不上气) stands; a no beside a
            # described negation is checked.
            confidence = min(confidence, 0.9 if first.value == YES else 0.6)
        return Polarity(first.value, confidence, described=all(r.described for r in readings))
    if no_longer:
        # "以前有过，现在没有了": a no now, a yes before; the reader checks.
        return Polarity(NO, 0.6, no_longer=True)
    later = answering[1:]
    if all(r.value == first.value or r.contrast for r in later) and any(r.contrast for r in later):
        return Polarity(first.value, 0.6)  # "有，但是没住院": the first, checked
    return NONE


def without_neutral(text: str) -> str:
    """``text`` without the words that hold 不 / 没 and say no no (差不多, 不到, 有没有)."""
    return remove_all(_A_NOT_A.sub(" ", text), _NEUTRAL)


def topic_text(texts: Iterable[str], terms: Tuple[str, ...] = ()) -> str:
    """The question's texts and terms as one string, for :func:`read_polarity`."""
    return " ".join(list(texts) + list(terms))
