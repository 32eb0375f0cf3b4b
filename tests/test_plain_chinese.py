"""The plain-Chinese (CLDC) score on sentences counted by hand.

Each expected count was made by hand: the words as jieba cuts them, each word's
level looked up in bot/plain_chinese/data/hsk_2021_levels.tsv (levels noted
beside each word), then score = words / sentences + 100 * hard words / words.
"""

from __future__ import annotations

import pytest

from bot.plain_chinese import DIFFICULT_ABOVE, hsk_levels, is_easy, read, sentences


def test_everyday_words_only():
    # 我 1 / 今天 1 / 去 1 / 医院 1: four words, none hard.
    reading = read("我今天去医院。")
    assert reading.words == ("我", "今天", "去", "医院")
    assert reading.sentences == 1 and reading.hard_words == ()
    assert reading.score == pytest.approx(4.0)


def test_one_hsk_level_4_word():
    # 这个 (这 1 + 个 1) / 研究 4 / 要 1 / 做 1 / 几个 (几 1 + 个 1) / 月 1: six words, one hard.
    reading = read("这个研究要做几个月。")
    assert len(reading.words) == 6 and reading.hard_words == ("研究",)
    assert reading.score == pytest.approx(6 + 100 / 6)  # 22.67


def test_two_sentences_and_a_repeated_hard_word_counted_once():
    # 研究 4 / 医生 1 / 会 1 / 看 1 / 病历 (not in HSK) | 研究 4 / 团队 6 / 也 1 / 会 1 / 看 1
    # Ten words in two sentences (5 each); hard: 研究 (twice, counted once), 病历, 团队 = 3.
    reading = read("研究医生会看病历。研究团队也会看。")
    assert reading.sentences == 2 and len(reading.words) == 10
    assert reading.hard_words == ("研究", "病历", "团队")
    assert reading.score == pytest.approx(5 + 30)
    assert reading.difficult and reading.score > DIFFICULT_ABOVE


def test_digits_standard_terms_and_latin_abbreviations():
    # HER2 and 低表达 are standard terms (easy) / 的 1 / 检查 2 / 结果 2 / 是 1 / 1+ a number (easy).
    reading = read("HER2 低表达的检查结果是 1+。")
    assert reading.words == ("HER2", "低表达", "的", "检查", "结果", "是", "1+")
    assert reading.hard_words == () and reading.score == pytest.approx(7.0)
    # CT is a Latin abbreviation outside the standard terms: one hard word of three.
    ct = read("医生看 CT。")
    assert ct.words == ("医生", "看", "CT") and ct.hard_words == ("CT",)
    assert ct.score == pytest.approx(3 + 100 / 3)


def test_a_sponsor_name_is_one_easy_word():
    # The company name is one known word / 联系 3 / 您 1.
    reading = read("上海复宏汉霖生物技术股份有限公司联系您。")
    assert reading.words == ("上海复宏汉霖生物技术股份有限公司", "联系", "您")
    assert reading.hard_words == ("联系",)


def test_each_line_of_a_list_is_a_sentence():
    assert sentences("您有没有：\n- 肺病\n- 心脏病") == ["您有没有：", "- 肺病", "- 心脏病"]
    assert sentences("好。对吗？是的！不；") == ["好", "对吗", "是的", "不"]


def test_a_word_jieba_joins_is_easy_when_made_of_easy_words():
    assert "做过" not in hsk_levels() and is_easy("做过")  # 做 1 + 过 1
    assert hsk_levels()["才能"] == 3 and is_easy("才能")  # 才 2 + 能 1, as in 才能开始
    assert not is_easy("病历") and not is_easy("化疗")


def test_the_shipped_list_has_all_six_levels_and_the_advanced_band():
    counts = {}
    for level in hsk_levels().values():
        counts[level] = counts.get(level, 0) + 1
    assert sorted(counts) == [1, 2, 3, 4, 5, 6, 7]
    # GF0025-2021's published counts for levels 1-6 (new words per level).
    assert [counts[level] for level in range(1, 7)] == [507, 753, 953, 973, 1059, 1124]


def test_a_text_without_words_is_refused():
    with pytest.raises(ValueError):
        read("。。！")


def test_a_name_jieba_does_not_know_is_one_hard_word():
    # 她 1 / 吃 1 / 过 1 / 他 1 / 莫昔芬: jieba falls back to 莫, 昔, 芬, none of them in HSK, read as one word.
    reading = read("她吃过他莫昔芬。")
    assert reading.words == ("她", "吃", "过", "他", "莫昔芬")
    assert reading.hard_words == ("莫昔芬",)
    assert reading.score == pytest.approx(5 + 20)
