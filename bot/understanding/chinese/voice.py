"""Who is answering, from the words of a Chinese reply: 帮我妈问的 is a caregiver, 我自己 the patient."""

from __future__ import annotations

import re
from typing import Optional

from bot.understanding.voice_words import VoiceWords

_RELATIVES = (
    r"妈妈?|母亲|老妈|爸爸?|父亲|老爸|老公|老婆|爱人|丈夫|妻子|先生|太太|媳妇|儿子|女儿|闺女|哥哥?|姐姐?|弟弟?|妹妹?"
    r"|婆婆|公公|岳母|岳父|丈母娘|奶奶|爷爷|外婆|外公|姥姥|姥爷|阿姨|叔叔|舅舅|姑姑|伯伯|孙子|孙女|外孙女?|侄子|侄女"
    r"|朋友|亲戚|家人|家属|邻居|同事|老伴|对象|男朋友|女朋友|孩子|小孩|病人|患者|老人|长辈|家里人|老父亲|老母亲|老爷子|老太太|老头子?|老太"
    # Words of the regions for parents and spouses: 爹 / 娘 (north), 堂客 (Hunan, wife), 老倌 (Hunan, husband),
    # 老汉 (Sichuan, father), 婆娘 (south-west, wife), 屋里人 (wife).
    r"|老?爹|老?娘|爹爹|堂客|老倌|老汉|婆娘|屋里人|老头儿"
)
# Home said the regional way: 我屋里老头子 (Hunan, Hubei), 我屋头 (Sichuan), 俺家.
_HOME = r"(?:家|屋里|屋头|屋)(?:的|里的?)?"
_CAREGIVER = re.compile(
    # "我女儿(在)帮我打字": a relative typing for the patient is no caregiver answering.
    rf"(?:我|我们|我的|我们的|俺|俺的)(?:{_HOME})?(?:{_RELATIVES})(?!(?:在|正在)?(?:旁边|身边|边上)?(?:帮我|替我|给我打))"
    # "我是病人的女儿": a relative of the patient.
    rf"|(?:病人|患者)的?(?:{_RELATIVES})"
    # "替家里老人问", "替我婆婆": on behalf of someone else ("替我打字" is typing for me, below).
    rf"|替(?:他|她|别人|家人)|替(?:我|我们)?(?:家里|家)?(?:的)?(?:{_RELATIVES})"
    # "帮我妈问", "帮家里老人问", "帮他填"; not "帮我问", "帮我看看" (for me).
    rf"|帮(?:他|她|别人|家人|(?:我|我的)?(?:一个|个|一位|家里的?)?(?:{_RELATIVES}))?(?:问|填|答|看|咨询)"
    rf"|代(?:他|她|别人|家人)|给(?:我|俺|他|她)?(?:的)?(?:{_RELATIVES})|照顾(?:他|她|的人|病人|患者)|我是(?:他|她)(?:的)?|家属|陪护|护工|为(?:他|她|(?:我|我们)?(?:家里|家)?的?(?:{_RELATIVES}))(?:问|填|答|咨询)"
    r"|(?:他|她)本人|不是我|不是本人|别人"
)
_SELF = re.compile(r"(?:帮|替)我(?:打字|打的字|打字的|输入|填的|操作)|说的是我(?:自己)?的|^我$|^我的$|^自己$|自己(?:问|填|答|看)|给自己|我自己|本人|是我|我就是|给我自己|我是患者(?!家属|的|#|女|儿|妈|爸|老)|我是病人(?!家属|的|#|女|儿|妈|爸|老)|自己的|我得了|我得的|俺得的|我本人|就我|我的病|为自己")
_NOT_SELF = re.compile(r"不是我|不是本人|不是我自己|不是给我|不是为自己")


_WORDS = VoiceWords(caregiver=_CAREGIVER, self_=_SELF, not_self=_NOT_SELF, mask="#")


def read_voice(text: str) -> Optional[str]:
    """"self" or "caregiver", or None when the words say neither or both."""
    return _WORDS.read(text)
