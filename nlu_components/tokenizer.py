"""One tokenizer for English and Chinese in the same model.

English (and any text with spaces) is split exactly as Rasa's WhitespaceTokenizer
splits it. Chinese has no spaces, so every piece that contains Chinese characters
is then cut into words with jieba, the segmenter Rasa's own JiebaTokenizer wraps.
Rasa's JiebaTokenizer cannot serve here: it refuses any model language but `zh`
and cuts English on jieba's rules (spaces become tokens). See "NLU pipeline and
dialogue policies" in the README for the measurement that chose this.

With `traditional_to_simplified: true`, Traditional characters (為什麼, 還有幾題) are
read as Simplified (OpenCC's t2s table) before jieba cuts them, so the model learns
one spelling; each token keeps its place in the text as typed.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from typing import Any, Callable, Dict, List, Optional, Text

import jieba

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

# jieba prints its dictionary loading at INFO on every start.
jieba.setLogLevel(logging.WARNING)

# CJK ideographs (basic block and extension A) and the compatibility block: Simplified and Traditional.
_CHINESE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def blank_wide_punctuation(text: str) -> str:
    """Chinese punctuation (，。？！、“” …) as spaces, keeping every offset.

    WhitespaceTokenizer only knows punctuation next to spaces: it keeps "？" inside a word and
    drops what follows "。" ("我今年62岁。你好" loses 你好), so these marks become spaces first.
    """
    return "".join(
        " " if not char.isascii() and unicodedata.category(char)[0] in "PS" else char for char in text
    )


def cut_chinese(token: Token, convert: Optional[Callable[[str], str]] = None) -> List[Token]:
    """The token itself when it has no Chinese character, else jieba's words with their offsets."""
    if not _CHINESE.search(token.text):
        return [token]
    text = token.text
    if convert is not None:
        converted = convert(text)
        # Offsets must stay those of the typed text; t2s is one character for one in practice.
        text = converted if len(converted) == len(text) else text
    return [
        Token(word, token.start + start, end=token.start + end)
        for word, start, end in jieba.tokenize(text)
        if word.strip()
    ]


def traditional_to_simplified() -> Callable[[str], str]:
    from opencc import OpenCC

    return OpenCC("t2s").convert


@DefaultV1Recipe.register(DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False)
class MixedLanguageTokenizer(WhitespaceTokenizer):
    """WhitespaceTokenizer for English, jieba for the Chinese pieces."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {**WhitespaceTokenizer.get_default_config(), "traditional_to_simplified": False}

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self._convert = traditional_to_simplified() if self._config.get("traditional_to_simplified") else None

    @staticmethod
    def not_supported_languages() -> Optional[List[Text]]:
        return None

    @staticmethod
    def required_packages() -> List[Text]:
        return ["jieba"]

    def remove_emoji(self, text: Text) -> Text:
        # Rasa's emoji pattern spans U+24C2..U+1F251, which holds every Chinese character, so
        # WhitespaceTokenizer silently drops any all-Chinese word that stands between spaces.
        return text if _CHINESE.search(text) else super().remove_emoji(text)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        blanked = Message({attribute: blank_wide_punctuation(message.get(attribute))})
        return [word for token in super().tokenize(blanked, attribute) for word in cut_chinese(token, self._convert)]
