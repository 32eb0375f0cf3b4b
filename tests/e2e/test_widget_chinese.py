"""The web widget in Chinese, in a real browser (Debian's Chromium): the 中文 / English
chooser follows a Chinese browser, survives a reload and switches mid-screening
keeping every answer; a Chinese page shows no English word of its own (visible
text and aria-labels), and axe-core finds no WCAG 2.1 A/AA violation in Chinese.

Screenshots land in tests/e2e/screenshots/ (git-ignored); `zh-desktop-*` and
`zh-phone-*` are the ones copied to docs/.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from typing import Dict, Iterator, List

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.servers import Servers
from tests.e2e.test_widget import browser, choose_self_and_npc, new_page  # noqa: F401 - fixtures
from tests.e2e.test_widget_experience import DEVICES, axe_page, check_state
from tests.e2e.widget_page import SCREENSHOTS, ChatPage

ZH_MENU = "菜单"
CJK = re.compile(r"[\u4e00-\u9fff]")
# Words in Latin letters a Chinese page may show: abbreviations and codes (ECOG, HER2, PD-L1,
# HLX43, NCT06839066, PDF, T-DXd), each with a digit or at least two capitals.
ABBREVIATION = re.compile(r"^(?=.*(?:\d|[A-Z].*[A-Z]))[A-Za-z0-9+/.-]+$")

# Every piece of text a person can see or hear on the page: visible text (and the
# visually-hidden labels a screen reader reads), aria-labels, placeholders, titles.
# Text inside lang="en" (the English button, quoted listing text) is left out.
PAGE_WORDS = """() => {
    const found = [];
    const english = node => { const tagged = node.closest('[lang]'); return tagged && /^en/i.test(tagged.lang); };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent.trim() || english(parent)) continue;
        if (parent.closest('[hidden], script, style') || !parent.checkVisibility()) continue;
        found.push(node.textContent.trim());
    }
    for (const element of document.querySelectorAll('[aria-label], [placeholder], [title]')) {
        if (english(element) || element.closest('[hidden]')) continue;
        for (const name of ['aria-label', 'placeholder', 'title']) {
            if (element.hasAttribute(name)) found.push(element.getAttribute(name));
        }
    }
    found.push(document.title);
    return found;
}"""


def english_words(page: Page) -> List[str]:
    """Latin-letter words the page shows that are not abbreviations or quoted English."""
    words = []
    for text in page.evaluate(PAGE_WORDS):
        text = re.sub(r"“[^”]*”|\"[^\"]*\"", "", text)  # a quoted listing text stays as it is
        words += [word for word in re.findall(r"[A-Za-z][A-Za-z0-9+/.'’-]*", text) if not ABBREVIATION.match(word)]
    return words


@pytest.fixture
def zh_page(browser: Browser) -> Iterator[Page]:  # noqa: F811 - the fixture imported above
    opened = new_page(browser, viewport={"width": 1100, "height": 900}, locale="zh-CN")
    yield opened
    opened.context.close()


@pytest.fixture
def en_page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    opened = new_page(browser, viewport={"width": 1100, "height": 900}, locale="en-GB")
    yield opened
    opened.context.close()


def test_a_chinese_browser_gets_the_chinese_widget_and_page(zh_page: Page, servers: Servers):
    chat = ChatPage(zh_page, menu=ZH_MENU).open(f"{servers.rasa_url}/")
    assert chat.language == {"html": "zh-CN", "widget": "zh-CN", "pressed": ["中文"], "stored": None}
    assert zh_page.title() == "临床研究预筛查"
    assert zh_page.locator("#psc-title").text_content() == "有适合您的研究吗？"
    assert zh_page.locator("#psc-input").get_attribute("placeholder") == "在这里输入"
    assert zh_page.locator(".psc-log").get_attribute("aria-label") == "对话"
    assert zh_page.locator("[data-psc-lang='zh']").is_visible()
    assert not zh_page.locator("[data-psc-lang='en']").is_visible()
    assert CJK.search(chat.latest), chat.latest  # the assistant greets in Chinese
    chat.open_menu()
    items = zh_page.locator(".psc-menu-items button:visible").all_text_contents()
    assert items == ["保存，以后再继续", "打印或存为 PDF", "重新开始", "删除我的数据"]
    assert zh_page.errors == []


def test_the_choice_is_remembered_after_a_reload(en_page: Page, servers: Servers):
    chat = ChatPage(en_page).open(f"{servers.rasa_url}/")
    assert chat.language == {"html": "en", "widget": "en", "pressed": ["English"], "stored": None}
    assert "Are you answering for yourself" in chat.latest
    chat.choose_language("中文")
    assert chat.language == {"html": "zh-CN", "widget": "zh-CN", "pressed": ["中文"], "stored": "zh"}
    assert CJK.search(chat.latest), chat.latest  # the same question again, in Chinese
    asked = chat.latest

    en_page.reload()
    chat = ChatPage(en_page, menu=ZH_MENU).wait()
    assert chat.language == {"html": "zh-CN", "widget": "zh-CN", "pressed": ["中文"], "stored": "zh"}
    assert chat.latest == asked
    assert en_page.get_by_role("button", name=ZH_MENU, exact=True).is_visible()


def test_switching_mid_screening_keeps_the_answers_and_asks_on_in_the_new_language(en_page: Page, servers: Servers):
    chat = ChatPage(en_page).open(f"{servers.rasa_url}/")
    choose_self_and_npc(chat)
    chat.click("Yes").type("58")
    assert chat.question_id == "chemo_lines"
    before = chat.bubbles()

    chat.choose_language("中文")
    assert chat.bubbles()[:len(before)] == before  # the conversation so far is still shown
    assert chat.bubbles("user")[-1] == "中文"
    assert chat.question_id == "chemo_lines"  # the current question again, not the first one
    assert CJK.search(chat.latest), chat.latest
    assert en_page.locator(".psc-qnum").last.text_content() != ""
    chat.click("2")
    assert chat.question_id == "platinum_chemo"  # the age and the earlier answers were kept
    assert CJK.search(chat.latest), chat.latest
    chinese_choices = chat.choices
    assert all(CJK.search(choice) for choice in chinese_choices), chinese_choices

    en_page.reload()
    chat = ChatPage(en_page, menu=ZH_MENU).wait()
    assert chat.question_id == "platinum_chemo" and chat.choices == chinese_choices

    chat.choose_language("English")
    assert chat.language["html"] == "en" and chat.language["stored"] == "en"
    assert chat.question_id == "platinum_chemo"
    assert chat.choices == ["Yes", "No", "Not sure"]
    assert en_page.errors == []


def test_a_switch_typed_in_words_is_followed_by_the_widget(en_page: Page, servers: Servers):
    """The assistant changes language on typed words (its NLU reads them, not the widget); each
    answer says the conversation's language, and the widget follows it."""
    chat = ChatPage(en_page).open(f"{servers.rasa_url}/")
    choose_self_and_npc(chat)
    chat.type("中文")
    assert chat.language == {"html": "zh-CN", "widget": "zh-CN", "pressed": ["中文"], "stored": "zh"}
    assert en_page.get_by_role("button", name=ZH_MENU, exact=True).is_visible()
    assert chat.question_id == "npc_recurrent_metastatic" and CJK.search(chat.latest), chat.latest
    chat.type("English please")
    assert chat.language["html"] == "en" and chat.language["pressed"] == ["English"]
    assert chat.choices == ["Yes", "No", "Not sure"]


def zh_states(chat: ChatPage) -> Iterator[str]:
    """The states of a Chinese screening a person passes, by name (answers by position, not by word)."""
    yield "start"
    chat.click_choice(0)  # for myself
    chat.click_choice(0)  # the nasopharyngeal cancer study
    assert chat.question_id == "npc_recurrent_metastatic"
    yield "question"
    chat.click_choice(0)  # yes
    assert chat.question_id == "age"
    yield "number"
    chat.open_menu()
    yield "menu"
    chat.page.locator(".psc-menu-items button.psc-danger").first.click()
    yield "confirm"
    chat.page.locator("dialog.psc-dialog .psc-tool").click()  # the safe choice
    assert chat.question_id == "age"


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_no_english_word_and_no_accessibility_violation_in_chinese(browser: Browser, servers: Servers, device: str):  # noqa: F811
    page = axe_page(browser, {**DEVICES[device], "locale": "zh-CN"})
    problems: Dict[str, List[str]] = {}
    english: Dict[str, List[str]] = {}
    try:
        chat = ChatPage(page, menu=ZH_MENU).open(f"{servers.rasa_url}/")
        for state in zh_states(chat):
            check_state(page, f"zh-{device}", state, problems)
            found = english_words(page)
            if found:
                english[state] = found
            if device == "phone":
                width = page.evaluate("document.documentElement.scrollWidth")
                assert width <= DEVICES[device]["viewport"]["width"], f"{state}: the page scrolls sideways"
        assert page.errors == []
    finally:
        page.context.close()
    assert english == {}
    assert problems == {}
    assert (SCREENSHOTS / f"zh-{device}-question.png").exists()


def get_json(url: str, headers: Dict[str, str] = None):
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, dict(reply.headers), json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


def test_the_widgets_words_come_from_the_server_in_each_language(servers: Servers):
    status, headers, zh = get_json(f"{servers.rasa_url}/widget/strings/zh")
    assert status == 200 and headers["Cache-Control"].startswith("public")
    assert zh["language"] == "zh" and zh["html_lang"] == "zh-CN"
    assert zh["text"]["startOver"] == "重新开始" and zh["text"]["deleteData"] == "删除我的数据"
    assert zh["text"]["emailSummary"] == "把这份总结发到我的邮箱"
    assert zh["languages"] == [
        {"code": "en", "name": "English", "html_lang": "en"}, {"code": "zh", "name": "中文", "html_lang": "zh-CN"},
    ]
    status, _, en = get_json(f"{servers.rasa_url}/widget/strings/en")
    assert status == 200 and en["text"]["startOver"] == "Start over" and en["text"].keys() == zh["text"].keys()
    status, _, refused = get_json(f"{servers.rasa_url}/widget/strings/fr")
    assert status == 404 and "error" in refused


def test_the_channels_own_messages_come_in_the_widgets_language(servers: Servers):
    request = urllib.request.Request(
        f"{servers.rasa_url}/widget/message", data=b"not json", method="POST",
        headers={"Content-Type": "application/json", "Accept-Language": "zh-CN"},
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 400
    assert json.loads(refused.value.read())["error"] == "抱歉，聊天窗口没能读取这条消息。请刷新页面后再试一次。"


@pytest.mark.parametrize("accept, lang", [("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"), ("en-GB,en;q=0.9", "en"), ("", "en")])
def test_the_home_page_starts_in_the_browsers_language(servers: Servers, accept: str, lang: str):
    request = urllib.request.Request(f"{servers.rasa_url}/", headers={"Accept-Language": accept} if accept else {})
    with urllib.request.urlopen(request, timeout=30) as reply:
        assert reply.headers["Vary"] == "Accept-Language"
        page = reply.read().decode()
    assert f'<html lang="{lang}">' in page


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_a_chinese_summary_has_its_verdict_in_view_and_no_english_of_its_own(
    browser: Browser, servers: Servers, device: str  # noqa: F811
):
    page = axe_page(browser, {**DEVICES[device], "locale": "zh-CN"})
    problems: Dict[str, List[str]] = {}
    try:
        chat = ChatPage(page, menu=ZH_MENU).open(f"{servers.rasa_url}/")
        chat.click_choice(0).click_choice(0)  # for myself; the nasopharyngeal cancer study
        chat.click_choice(1)  # "no": the cancer has not come back or spread, which the study needs
        assert chat.attribute("verdict") is not None  # the read-back of an answer that may exclude
        titles = chat.choices
        assert all(CJK.search(title) for title in titles), titles
        summary = next(i for i, title in enumerate(titles) if "总结" in title)
        # The connection drops as the person asks for the summary: the notice is in Chinese too.
        page.route("**/widget/message", lambda route: route.abort())
        page.locator(".psc-choices:not([hidden]) .psc-choice").nth(summary).click()
        page.wait_for_selector(".psc-status:not([hidden])")
        assert page.locator(".psc-status").text_content() == "连接断开了。正在重新连接… 您的回答都保存着。"
        page.unroute("**/widget/message")
        chat.wait()
        assert chat.attribute("verdict") == "likely_ineligible"
        assert page.locator(".psc-verdict").last.is_visible()
        box = page.locator(".psc-verdict").last.bounding_box()
        assert box is not None and 0 <= box["y"] < DEVICES[device]["viewport"]["height"]
        assert page.locator(".psc-card-heading", has_text="下一步").count() == 1
        card_actions = page.locator(".psc-card-actions button").all_text_contents()
        assert card_actions[:2] == ["打印或存为 PDF", "把这份总结发到我的邮箱"]
        check_state(page, f"zh-{device}", "summary", problems)
        assert english_words(page) == []
        page.locator(".psc-card-actions button", has_text="把这份总结发到我的邮箱").click()
        assert page.get_by_label("您的电子邮箱地址").is_visible()
        check_state(page, f"zh-{device}", "summary-email", problems)
        assert english_words(page) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= DEVICES[device]["viewport"]["width"]
        assert page.errors == []
    finally:
        page.context.close()
    assert problems == {}
