"""Chinese text made regular before it is read.

Traditional characters become Simplified (OpenCC's ``t2s`` table, in the pure
Python ``opencc-python-reimplemented``), full-width letters, digits and
punctuation become half-width (Unicode NFKC), Latin letters are lower case, and
a few Cantonese words that carry the answer (冇 "not have", 唔 "not", 係 "is")
are written the Mandarin way, since nasopharyngeal cancer is most common where
people speak Cantonese. Words are cut with jieba (the version Rasa allows).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable, List, Optional, Tuple

from bot.understanding.reading import MAX_ANSWER_CHARS

# Cantonese words for the answer itself, longest first (after OpenCC, so Simplified).
# Whole words that hold 唔, 咗 or 紧 come before those characters are rewritten on their own; a character that is
# also common Mandarin (痕 "mark" in 疤痕) is mapped only in a word that cannot mean something else (好痕 "itchy").
# 嘢 is mapped only in words that say "things" (乜嘢, 食嘢); 做嘢 "work" and 重嘢 stay as the choices' Cantonese
# examples have them (rewriting those examples moved the daily-activity choices).
# OpenCC writes 嗰 as 𠮶, so both spellings are listed.
_CANTONESE = (
    ("透唔到气", "喘不上气"), ("透唔过气", "喘不上气"), ("切唔到", "切不掉"), ("切唔甩", "切不掉"),
    ("喂紧奶", "在喂奶"), ("唔使", "不用"), ("未埋口", "没愈合"), ("埋口", "愈合"), ("肚屙", "拉肚子"),
    ("乜嘢", "什么东西"), ("乜", "什么"), ("食嘢", "吃东西"), ("买嘢", "买东西"), ("攰", "累"), ("日日", "每天"), ("出世", "出生"),
    ("耳仔", "耳朵"), ("啱啱", "刚刚"), ("今朝", "今天早上"), ("嗰阵", "那时候"), ("𠮶阵", "那时候"), ("成日", "经常"),
    ("入面", "里面"), ("少少", "一点"), ("好痕", "好痒"), ("很痕", "很痒"), ("痕痒", "痒"), ("搽", "擦"),
    ("食咗", "吃了"), ("食过", "吃过"), ("食到", "吃到"), ("饮咗", "喝了"), ("饮过", "喝过"), ("再饮", "再喝"),
    ("吞唔落", "吞不下"), ("唔识睇", "看不懂"), ("唔识", "不会"), ("睇唔到", "没看到"),
    ("冇有", "没有"), ("冇", "没有"), ("唔系", "不是"), ("唔係", "不是"), ("唔知", "不知道"), ("唔记得", "不记得"),
    ("唔清楚", "不清楚"), ("唔肯定", "不肯定"), ("唔会", "不会"), ("唔", "不"), ("系呀", "是啊"), ("系啊", "是啊"),
    ("係", "是"), ("佢", "他"), ("嘅", "的"), ("咗", "了"), ("有冇", "有没有"), ("边个", "哪个"),
    ("寻日", "昨天"), ("琴日", "昨天"), ("前日", "前天"), ("食紧", "在吃"), ("打紧", "在打"), ("仲", "还"), ("而家", "现在"),
    ("冇试过", "没有过"), ("喺度", "在"), ("呢个", "这个"), ("呢种", "这种"), ("呢度", "这里"), ("阿妈", "妈妈"), ("阿爸", "爸爸"), ("老豆", "爸爸"), ("喺", "在"), ("今日", "今天"), ("吊紧", "在打"), ("未试过", "没有过"), ("净系", "只是"), ("淨系", "只是"), ("甩头发", "掉头发"), ("行路", "走路"),
    ("旧年", "去年"), ("年尾", "年底"), ("卅", "三十"), ("廿", "二十"), ("睇", "看"),
)
# Words jieba should keep whole: the answers themselves.
_WORDS = (
    "从来没有", "从来没", "从没", "从未", "不确定", "不清楚", "记不清", "记不得", "不记得", "说不准", "说不清",
    "不好说", "没印象", "做过", "用过", "打过", "得过", "吃过", "没做过", "没用过", "没打过", "没得过", "化疗过",
    "放疗过", "免疫组化", "原位杂交", "激素受体", "我老公", "我老婆", "我爱人", "我妈", "我爸", "不良反应",
)
CLAUSE_BREAK = re.compile(r"(?:[,，。!！?？;；、~～…\n]|(?<!\d)\.|\.(?!\d))+|\s{2,}")
CJK = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _converter():
    import opencc  # the pure-Python OpenCC: Traditional -> Simplified

    return opencc.OpenCC("t2s")


def normalise(text: str, limit: Optional[int] = MAX_ANSWER_CHARS) -> str:
    """Simplified, half-width, lower case, one space between runs; Chinese punctuation kept as ASCII.

    A reply is cut at ``limit`` characters first; a question's own text is read whole (``limit=None``).
    """
    text = (text or "")[:limit]
    text = unicodedata.normalize("NFKC", text)
    text = _converter().convert(text)
    text = text.replace("\u3002", ".").replace("\u3001", ",").replace("\u2026", "...")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\u2018", "'").replace("\u2019", "'")
    text = text.replace("\u3010", "[").replace("\u3011", "]").replace("\u300a", '"').replace("\u300b", '"')
    # Cantonese 走咗去 "went to": spread to only when a part of the body follows (走咗去肺); 走咗去广州睇医生 is
    # a trip.
    text = re.sub(r"走咗去(?=\s*(?:肺|肝|骨|脑|淋巴|颈|脖子|胸|腹|肚|腰|脊|全身|身体|其他地方|别的地方|第二个地方))", "转移到", text)
    for cantonese, mandarin in _CANTONESE:
        text = text.replace(cantonese, mandarin)
    # 住院 said split around how long (住了一周院, 住了半个月院, 住咗院): 住院了一周, read as 住院.
    text = re.sub(r"住(了|过)?((?:[\d一二两三四五六七八九十几半]+\s*(?:个|多)?\s*(?:天|日|周|星期|礼拜|月|晚))?)院", r"住院\1\2", text)
    # 转到肝 is 转移到肝 said short (已经转到肝和骨头了): only when a part of the body follows.
    # Not a move to a ward or a hospital (转到肺科, 转到胸外科, 转到肝胆外科住院).
    text = re.sub(r"转到(?=\s*(?:肺|肝|骨|脑|淋巴|颈|脖子|胸|腹|肚|腰|脊|全身|身体|其他地方|别的地方))"
                  r"(?![\u4e00-\u9fff]{0,3}(?:科|病区|病房|医院|中心|门诊))", "转移到", text)
    # Cantonese 话 "says" after who says it (医生话, 佢话): 说.
    text = re.sub(r"(?<=[生佢他她我士])话(?!费|筒|题)", "说", text)
    # What a scan "can't show" (看不到肿瘤, 医生说看不见了) it did not show: read as 没看到, which the
    # negated-report rule knows.
    text = re.sub(r"看不(?:到|见)|见不到", "没看到", text)
    # "手术没意义", "做不了手术": an operation is no option, which the readers know as 不能手术 (read literally,
    # 没 made "手术没意义" a no to "can it no longer be removed by surgery?").
    text = re.sub(r"(?:(?:手术|开刀)(?:已经|都|也)?(?:没有?(?:什么)?意义|做不了|不能做|开不了|做不成)|(?:做|开)不了(?:手术|刀)|不能(?:做|开)(?:手术|刀))"
                  # not how soon or how big (手术做不了那么快, 手术不能做太大的)
                  r"(?![那这]么|太|马上|很快|立刻|现在|今年|这个月|这周|这礼拜|这星期|得?那么)",
                  "不能手术", text)
    # "医生说可以切", "能做手术": the operation can be done, which the readers know as 手术切得掉 (read literally,
    # 可以 made it a yes to "can surgery no longer remove it?"). Not a question (能不能, 可不可以) or a maybe.
    text = re.sub(r"(?<![不没])(?:可以|能够|能)(?:做|开)?(?:手术|开刀|切(?:掉|除)?)(?![吗么?])", "手术切得掉", text)
    # "控制得不理想", "控制得不太稳定": not well controlled, which the readers know as 控制得不好.
    text = re.sub(r"控制(?:得|的)?(?:不太|不是很|不怎么|不)(?:理想|满意|稳定|好)", "控制得不好", text)
    # Cantonese 係 ("is") after a person: 我係病人 (OpenCC writes it 系, which is also 系统's).
    text = re.sub(r"(?<=[我你他她])系(?!统|列|数|着|上|好)", "是", text)
    # "不太好说" is "不好说" said softer: the same "hard to say".
    text = re.sub(r"不(?:太|大)好说(?!话)", "不好说", text)
    # 係 becomes 系 in Simplified; on its own at the start of a reply it is Cantonese "yes" (系，…).
    text = re.sub(r"^系(?=\s*(?:[,.!]|$))", "是", text)
    # Net slang and the south-west's words: 木有 / 木做过 is 没有 / 没做过 (not 麻木, 木头, 木耳); 记不到 is 记不得.
    text = re.sub(r"(?<![麻积树草原苗])木(?=有|[做打吃用得去查输喝参放化开住]过)", "没", text)
    text = text.replace("记不到", "记不得")
    # "节后没几天", "出院没几天": a few days, not a negation (没 read literally made it a "no").
    # "没过几天又吃上了": soon after, not a time ago.
    text = re.sub(r"没过几天(?=\s*(?:又|就|再))", "很快", text)
    text = re.sub(r"没(?:过)?几天", "几天", text)
    # 不过敏 is "not allergic", not 不过 ("but") before 敏: keep the negation apart from its word.
    text = text.replace("不过敏", "不 过敏")
    text = text.lower()
    return re.sub(r"\s+", " ", text).strip(" .")


def clauses(text: str) -> List[str]:
    """The reply cut at punctuation: each clause is read on its own."""
    return [part.strip() for part in CLAUSE_BREAK.split(text) if part.strip()]


_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])(?<!不)\s(?=[\u4e00-\u9fff])")


def typed_parts(text: str) -> List[str]:
    """The clauses, also cut at a single space between two Chinese phrases (输过血 别的没有), as a typed reply
    parts them; not at the space normalise() puts in 不 过敏. For rules that look at one part at a time;
    the polarity of a whole reply still reads clauses."""
    return [piece for part in clauses(text) for piece in _SPACE.split(part) if piece.strip()]


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(60)  # jieba prints its dictionary loading to the log otherwise
    for word in _WORDS:
        jieba.add_word(word)
    return jieba


def words(text: str) -> List[str]:
    """jieba's words of ``text``, without spaces and punctuation."""
    return [w for w in _jieba().lcut(text) if w.strip() and not CLAUSE_BREAK.fullmatch(w)]


def tagged_words(text: str) -> List[Tuple[str, str]]:
    """jieba's words of ``text`` with their part of speech (n, v, l …)."""
    import jieba.posseg

    _jieba()
    return [(pair.word, pair.flag) for pair in jieba.posseg.lcut(text) if pair.word.strip()]


def has_any(text: str, phrases: Iterable[str]) -> bool:
    return bool(_alternation(tuple(phrases)).search(text))


def remove_all(text: str, phrases: Iterable[str], by: str = " ") -> str:
    return _alternation(tuple(phrases)).sub(by, text)


@lru_cache(maxsize=256)
def _alternation(phrases: Tuple[str, ...]):
    longest_first = sorted(set(phrases), key=len, reverse=True)
    return re.compile("|".join(re.escape(p) for p in longest_first) or r"(?!)")


# A word of a verb and its object said apart (离合词): 拔了颗牙 is 拔牙, 点了个痣 点痣, 洗过一次肾 洗肾.
_SPLIT_VERB_OBJECT = re.compile(
    r"([\u4e00-\u9fff])(?:了|过)\s*(?:一|两|几|\d+)?\s*(?:颗|个|次|回|下)\s*([\u4e00-\u9fff]{1,2})")


def rejoined(text: str, names: Iterable[str]) -> str:
    """``text`` with a verb and its object said apart written as one word, when that word is one of ``names``
    (拔了颗牙 is 拔牙 when 拔牙 is a name; 吃了个饭 stays as it is)."""
    known = frozenset(names)

    def join(match: re.Match) -> str:
        verb, thing = match.group(1), match.group(2)
        for length in (len(thing), 1):
            if verb + thing[:length] in known:
                return verb + thing[:length] + thing[length:]
        return match.group(0)

    return _SPLIT_VERB_OBJECT.sub(join, text)

