"""Driving the chat widget in a real browser (Debian's Chromium through Playwright)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import List, Optional

from playwright.sync_api import Page

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Headless, and none of the background connections a closed network refuses.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"  # git-ignored
IDLE = ".psc-log[aria-busy='false']"
# A JavaScript expression: the chat bubbles since the person's last message.
SINCE_LAST_USER = """(() => {
    const items = [...document.querySelectorAll('.psc-msg')];
    return items.slice(items.map(i => i.classList.contains('psc-user')).lastIndexOf(true) + 1);
})()"""


class ChatPage:
    """One person using the widget. Every action waits until the assistant has answered.

    ``menu`` is the name of the header's menu button in the language the widget shows."""

    def __init__(self, page: Page, menu: str = "Menu"):
        self.page = page
        self.menu = menu

    def open(self, url: str) -> "ChatPage":
        self.page.goto(url)
        return self.wait()

    def wait(self) -> "ChatPage":
        self.page.wait_for_selector(IDLE, timeout=30_000)
        return self

    def click(self, title: str) -> "ChatPage":
        self.page.locator(".psc-choices").get_by_role("button", name=title, exact=True).click()
        return self.wait()

    def open_menu(self) -> None:
        toggle = self.page.get_by_role("button", name=self.menu, exact=True)
        if toggle.get_attribute("aria-expanded") != "true":
            toggle.click()

    def tool(self, title: str, confirm: Optional[str] = None) -> "ChatPage":
        """A menu item (Start over, Delete my data...), then the confirmation's button if one is named."""
        self.open_menu()
        self.page.locator(".psc-menu-items").get_by_role("button", name=title, exact=True).click()
        if confirm is not None:
            self.page.locator("dialog.psc-dialog").get_by_role("button", name=confirm, exact=True).click()
        return self.wait()

    def click_choice(self, index: int) -> "ChatPage":
        """The answer button at ``index`` (0 is the first): for a test that must not depend on its words."""
        self.page.locator(".psc-choices:not([hidden]) .psc-choice").nth(index).click()
        return self.wait()

    def choose_language(self, name: str) -> "ChatPage":
        """The header's 中文 / English buttons."""
        self.page.locator(".psc-languages").get_by_role("button", name=name, exact=True).click()
        return self.wait()

    @property
    def language(self) -> dict:
        """What the page says its language is: <html lang>, the widget's lang, the pressed chooser button."""
        return self.page.evaluate(
            """() => ({html: document.documentElement.lang,
                       widget: document.querySelector('.psc').lang,
                       pressed: [...document.querySelectorAll('.psc-language[aria-pressed="true"]')].map(b => b.textContent),
                       stored: localStorage.getItem('prescreen-language')})"""
        )

    def type(self, text: str) -> "ChatPage":
        self.page.fill("#psc-input", text)
        self.page.press("#psc-input", "Enter")
        return self.wait()

    def number(self, value: str) -> "ChatPage":
        """A number question uses the one text box, labelled with the unit."""
        return self.type(value)

    def bubbles(self, role: str = "") -> List[str]:
        selector = f".psc-{role}" if role else ".psc-msg"
        return [text for text in self.page.locator(f"{selector} .psc-text").all_text_contents()]

    @property
    def latest(self) -> str:
        """What the assistant said since the person's last message."""
        return self.page.evaluate(
            f"() => {SINCE_LAST_USER}.map(i => i.querySelector('.psc-text').textContent).join('\\n')"
        )

    @property
    def question_id(self) -> Optional[str]:
        return self.page.evaluate(
            "() => { const items = document.querySelectorAll('.psc-msg');"
            " const last = items[items.length - 1];"
            " return last && last.classList.contains('psc-bot') ? last.dataset.questionId || null : null; }"
        )

    def attribute(self, name: str) -> Optional[str]:
        """A data attribute (data-verdict, data-reference) of a bubble since the person's last message."""
        return self.page.evaluate(
            f"""name => {{
                const found = {SINCE_LAST_USER}.filter(i => i.hasAttribute('data-' + name));
                return found.length ? found[found.length - 1].getAttribute('data-' + name) : null;
            }}""",
            name,
        )

    @property
    def choices(self) -> List[str]:
        return self.page.locator(".psc-choices:not([hidden]) .psc-choice").all_text_contents()

    def screenshot(self, name: str, only_the_chat: bool = False) -> Path:
        SCREENSHOTS.mkdir(exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if only_the_chat:
            self.page.locator(".psc").screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=True)
        return path
