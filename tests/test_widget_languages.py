"""The page's and the widget's words in each language, without a server (widget.strings, widget.page)."""

from __future__ import annotations

import re

import pytest

from bot.i18n import LANGUAGES
from bot.screening.catalog import load_catalog
from tests.conftest import PROJECT_ROOT
from widget.page import home_page, page_languages, preferred_language
from widget.strings import WIDGET_TEXT, widget_text

CJK = re.compile(r"[\u4e00-\u9fff]")
NPC, BREAST = "NCT06839066", "NCT06561607"


@pytest.mark.parametrize(
    "header, language",
    [
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("en-US,en;q=0.9,zh-CN;q=0.8", "en"),
        ("zh-TW", "zh"),  # Traditional: the assistant writes Simplified and reads both
        ("fr-FR, en;q=0.1, zh;q=0.5", "zh"),  # the weights count, not the order
        ("fr-FR", "en"),
        ("zh;q=0", "en"),  # "not Chinese"
        ("zh;q=abc", "en"),
        (None, "en"),
        ("," * 10_000 + "zh", "en"),  # only the first 500 characters are read
    ],
)
def test_the_first_language_of_the_browser_that_the_chat_speaks(header, language):
    assert preferred_language(header, LANGUAGES) == language


def test_english_words_are_the_ones_people_already_know():
    english = widget_text("en")
    assert english["language"] == "en" and english["html_lang"] == "en"
    assert english["text"]["startOver"] == "Start over"
    assert english["text"]["deleteData"] == "Delete my data"
    assert english["text"]["emailSummary"] == "Email me this summary"
    assert english["text"]["print"] == "Print or save as PDF"
    assert english["text"]["lost"] == "The connection was lost. Trying to connect again… Your answers are kept."


def test_every_word_of_the_widget_is_in_chinese():
    chinese = widget_text("zh")
    assert chinese["language"] == "zh" and chinese["html_lang"] == "zh-CN"
    assert chinese["text"].keys() == WIDGET_TEXT.keys()
    untranslated = [key for key, text in chinese["text"].items() if text == WIDGET_TEXT[key]]
    assert untranslated == []
    no_chinese = [key for key, text in chinese["text"].items() if not CJK.search(text) and key != "tickedSeparator"]
    assert no_chinese == []
    assert chinese["text"]["tickedSeparator"] == "；"
    assert [entry["name"] for entry in chinese["languages"]] == ["English", "中文"]


def test_the_home_page_holds_the_studies_in_each_language_and_shows_the_chosen_one():
    catalog = load_catalog(PROJECT_ROOT / "seeds")
    assert page_languages(catalog) == ["en", "zh"]
    page = home_page(catalog, [NPC, BREAST], "zh")
    assert '<html lang="zh-CN">' in page and "<title>临床研究预筛查</title>" in page
    assert re.search(r'<section data-psc-lang="zh" lang="zh-CN" aria-labelledby="studies-title-zh">', page)
    assert re.search(r'<section data-psc-lang="en" lang="en" aria-labelledby="studies-title-en"\s+hidden>', page)
    assert 'data-title-zh="有适合您的研究吗？"' in page and 'data-title-en="Could a study fit you?"' in page
    zh_block = page.split('data-psc-lang="zh"')[1].split("</section>\n      </section>")[0]
    assert "两项研究" in zh_block and "回到聊天" in zh_block
    assert '<a href="https://clinicaltrials.gov/study/NCT06839066">NCT06839066</a>' in zh_block
    english = home_page(catalog, [NPC, BREAST], "en")
    assert '<html lang="en">' in english and "<title>Research study pre-screening</title>" in english


def _script_without_comments() -> str:
    script = (PROJECT_ROOT / "widget" / "static" / "widget.js").read_text(encoding="utf-8")
    script = re.sub(r"/\*.*?\*/", "", script, flags=re.S)
    return re.sub(r"(?m)^\s*//.*$|\s//\s.*$", "", script)


def test_the_script_shows_only_the_words_the_server_gives_it():
    script = _script_without_comments()
    used = set(re.findall(r"\bTEXT\.([A-Za-z]+)", script))
    assert used == set(WIDGET_TEXT), (used ^ set(WIDGET_TEXT))
    # A string literal with words in it would be a sentence no catalog translates.
    literals = re.findall(r'"((?:[^"\\\n]|\\.)*)"|\'((?:[^\'\\\n]|\\.)*)\'', script)
    sentences = [a or b for a, b in literals if _reads_as_words(a or b)]
    assert sentences == []


def _reads_as_words(literal: str) -> bool:
    """Two words in a row, as in a sentence ("Start over"); not CSS classes (psc-...) or the strict-mode line."""
    if literal == "use strict":
        return False
    text = re.sub(r"psc-[\w-]+", "", literal)
    return re.search(r"(?<![\w-])[A-Za-z]{2,}[,.!?]? [A-Za-z]{2,}(?![\w-])", text) is not None
