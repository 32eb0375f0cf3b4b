"""Message catalogs (bot.i18n): reading .po files strictly, the language in use, dates."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest

from bot.i18n import LANGUAGES, SOURCE_LANGUAGE, current_language, format_date, normalise_language, use_language
from bot.i18n.catalogs import TranslationError, read_catalog
from bot.i18n.extract import check

PO_HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'


def _po(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "messages.po"
    path.write_text(PO_HEADER + body, encoding="utf-8")
    return path


def test_a_translation_is_read(tmp_path: Path):
    catalog = read_catalog(_po(tmp_path, 'msgid "Question {number}"\nmsgstr "第 {number} 题"\n'), "zh")
    assert catalog.gettext("Question {number}") == "第 {number} 题"


@pytest.mark.parametrize(
    "body, problem",
    [
        ('msgid "Hello"\nmsgstr ""\n', "missing translation"),
        ('#, fuzzy\nmsgid "Hello"\nmsgstr "你好"\n', "fuzzy"),
        ('msgid "Hello {name}"\nmsgstr "你好"\n', "placeholders"),
        ('msgid "Hello {name}"\nmsgstr "你好 {nmae}"\n', "placeholders"),
    ],
)
def test_an_unusable_translation_names_the_file_the_sentence_and_the_language(tmp_path: Path, body, problem):
    path = _po(tmp_path, body)
    with pytest.raises(TranslationError) as raised:
        read_catalog(path, "zh")
    message = str(raised.value)
    assert str(path) in message and "[zh]" in message and "Hello" in message and problem in message


def test_each_conversation_keeps_its_own_language():
    async def speak(language: str, seen: list):
        with use_language(language):
            await asyncio.sleep(0.01)  # the other conversation runs meanwhile
            seen.append((language, current_language()))

    async def both():
        seen: list = []
        await asyncio.gather(speak("zh", seen), speak("en", seen))
        return seen

    assert sorted(asyncio.run(both())) == [("en", "en"), ("zh", "zh")]
    assert current_language() == SOURCE_LANGUAGE


@pytest.mark.parametrize(
    "tag, expected",
    [("zh-CN", "zh"), ("zh_Hans", "zh"), ("zh-Hant-HK", "zh"), ("en-US", "en"), ("EN", "en"), ("fr-FR", None), ("", None), (None, None)],
)
def test_language_tags_are_normalised(tag, expected):
    assert normalise_language(tag) == expected


def test_dates_are_written_the_way_each_language_writes_them():
    day = dt.date(2026, 12, 15)
    assert format_date(day, "en") == "15 December 2026"
    assert format_date(day, "zh") == "2026年12月15日"
    with use_language("zh"):
        assert format_date(dt.date(2027, 1, 5)) == "2027年1月5日"


def test_every_sentence_the_code_marks_has_a_translation():
    problems = check([language for language in LANGUAGES if language != SOURCE_LANGUAGE])
    assert problems == []


def test_check_finds_an_untranslated_sentence_and_update_adds_it(tmp_path: Path):
    from bot.i18n.extract import update

    module = tmp_path / "bot" / "greeting.py"
    module.parent.mkdir()
    module.write_text(
        'from bot.i18n import domain\n_ = domain("talk").gettext\n\ndef hello():\n    return _("Hello, {name}.")\n',
        encoding="utf-8",
    )
    (tmp_path / "actions").mkdir()
    (tmp_path / "widget").mkdir()
    assert check(["zh"], tmp_path) == [f"{tmp_path}/locale/zh/LC_MESSAGES/talk.po: [zh] missing catalog for domain 'talk'"]
    (path,) = update(["zh"], tmp_path)
    assert 'msgid "Hello, {name}."' in path.read_text(encoding="utf-8")
    assert any("missing translation" in problem for problem in check(["zh"], tmp_path))
    path.write_text(path.read_text(encoding="utf-8").replace('msgstr ""\n\n', 'msgstr ""\n\n', 1).rstrip("\n")[: -len('msgstr ""')] + 'msgstr "{name}，你好。"\n', encoding="utf-8")
    assert check(["zh"], tmp_path) == []
