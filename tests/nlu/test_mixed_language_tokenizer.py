"""The tokenizer that lets one intent model read English and Chinese (nlu_components/tokenizer.py)."""

from __future__ import annotations

from typing import List, Tuple

import pytest
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.tokenizers.whitespace_tokenizer import WhitespaceTokenizer
from rasa.shared.nlu.training_data.message import Message

from nlu_components.tokenizer import MixedLanguageTokenizer

ENGLISH = [
    "can we speak english",
    "HER2 2+ with negative FISH",
    "i'm not sure, tbh",
    "she's 67 :)",
    "is it safe to take paracetamol with capecitabine?",
]


@pytest.fixture(scope="module")
def tokenizer() -> MixedLanguageTokenizer:
    return MixedLanguageTokenizer(MixedLanguageTokenizer.get_default_config())


def tokens(tokenizer, text: str) -> List[Tuple[str, int, int]]:
    return [(t.text, t.start, t.end) for t in tokenizer.tokenize(Message({"text": text}), "text")]


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_split_exactly_like_rasas_whitespace_tokenizer(tokenizer, text):
    rasa_own = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    assert tokens(tokenizer, text) == tokens(rasa_own, text)


def test_chinese_is_cut_into_words(tokenizer):
    assert [word for word, _, _ in tokens(tokenizer, "说中文")] == ["说", "中文"]
    assert [word for word, _, _ in tokens(tokenizer, "我看不懂英文")] == ["我", "看不懂", "英文"]


@pytest.mark.parametrize("text", ["我今年62岁。你好！", "為什麼要問這個？", "“中文”可以吗…", "HER2 低表达，FISH阴性", "ok 好的"])
def test_every_token_is_the_text_at_its_offsets_and_no_word_is_lost(tokenizer, text):
    found = tokens(tokenizer, text)
    assert all(text[start:end] == word for word, start, end in found)
    kept = "".join(word for word, _, _ in found)
    letters = "".join(char for char in text if char.isalnum())
    assert kept == letters


def test_chinese_punctuation_is_not_a_token(tokenizer):
    words = [word for word, _, _ in tokens(tokenizer, "好的，谢谢！还有几题？")]
    assert not {"，", "！", "？"} & set(words)
    assert "谢谢" in words


def test_a_chinese_word_between_spaces_is_kept(tokenizer):
    # Rasa's WhitespaceTokenizer drops it: its emoji pattern covers every Chinese character.
    rasa_own = WhitespaceTokenizer(WhitespaceTokenizer.get_default_config())
    assert "好的" not in "".join(word for word, _, _ in tokens(rasa_own, "ok 好的"))
    assert "".join(word for word, _, _ in tokens(tokenizer, "ok 好的")) == "ok好的"


def test_emoji_are_still_dropped(tokenizer):
    assert [word for word, _, _ in tokens(tokenizer, "yes 👍")] == ["yes"]


def test_it_is_a_registered_tokenizer_for_any_model_language():
    assert MixedLanguageTokenizer.not_supported_languages() is None
    registered = DefaultV1Recipe._registered_components[MixedLanguageTokenizer.__name__]
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types


def test_traditional_characters_can_be_read_as_simplified_at_their_typed_offsets():
    converting = MixedLanguageTokenizer({**MixedLanguageTokenizer.get_default_config(), "traditional_to_simplified": True})
    text = "為什麼要問這個？"
    found = tokens(converting, text)
    assert "".join(word for word, _, _ in found) == "为什么要问这个"
    assert [(start, end) for _, start, end in found] == [(start, end) for _, start, end in tokens(converting, "为什么要问这个？")]
    assert found[-1][2] == len(text) - 1
