"""The web chat as a patient lives it, in a real browser (Debian's Chromium), on a
1280x800 desktop and a 360x740 phone: axe-core finds no WCAG 2.1 A/AA violation
in any state, the question and all its choices stay in view, the verdict is in
view when the summary arrives, a checklist works, the keyboard needs at most two
presses per choice, and the summary prints to a clean PDF.

Screenshots of every state land in tests/e2e/screenshots/ (git-ignored).
"""

from __future__ import annotations

import io
import json
import re
import unicodedata
from typing import Dict, List, Tuple

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from tests.e2e.conftest import body
from tests.e2e.servers import PROJECT_ROOT, Servers
from tests.e2e.test_contact import database
from tests.e2e.test_widget import browser, chat, choose_self_and_npc, new_page, page  # noqa: F401 - fixtures
from tests.e2e.widget_page import SCREENSHOTS, ChatPage

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
DESKTOP = {"viewport": {"width": 1280, "height": 800}}
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}
DEVICES = {"desktop": DESKTOP, "phone": PHONE}

# The NPC questions up to the health checklist, answered with buttons (and the age typed).
TO_THE_CHECKLIST: List[Tuple[str, str]] = [
    ("npc_recurrent_metastatic", "Yes"), ("age", "=61"), ("chemo_lines", "2"), ("platinum_chemo", "Yes"),
    ("pd1_therapy", "Yes"), ("daily_activity", None), ("last_treatment_days", "More than 4 weeks ago"),
    ("side_effects_more_than_mild", "No"), ("measurable_lesion", "Yes"),
]
AFTER_THE_CHECKLIST: Dict[str, str] = {
    "active_tuberculosis": "No", "active_hepatitis_b_or_c": "No", "other_cancer": None,
    "npc_recent_medicines": "None of these", "tissue_sample": "Yes", "pregnant_or_breastfeeding": "No",
    "contraception": "Yes",
}


def axe_page(browser: Browser, device: dict) -> Page:
    """A page with axe-core from npm loaded before the page's own scripts (it obeys no CSP: it is not the page's)."""
    if not AXE.exists():
        pytest.fail("axe-core is missing: run `npm ci` (scripts/setup_browser.sh does it)")
    page = new_page(browser, **device)
    page.context.add_init_script(path=str(AXE))
    return page


def violations(page: Page) -> List[str]:
    found = page.evaluate(
        """async tags => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
        }""",
        WCAG_21_AA,
    )
    return found


def check_state(page: Page, device: str, state: str, problems: Dict[str, List[str]]) -> None:
    """axe-core at WCAG 2.1 A/AA, and a screenshot of what the person sees."""
    found = violations(page)
    if found:
        problems[f"{device}/{state}"] = found
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{device}-{state}.png"))


def in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).last.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + min(box["height"], 40) <= size["height"] and box["x"] >= 0


def assert_question_and_choices_in_view(page: Page) -> None:
    """The current question's start is in view, and every answer control is visible or
    reachable by scrolling the choices box, never the page away from the question."""
    report = page.evaluate(
        """() => {
            const view = {w: innerWidth, h: innerHeight};
            const inside = r => r.top >= -1 && r.bottom <= view.h + 1 && r.left >= -1 && r.right <= view.w + 1;
            const questions = document.querySelectorAll('.psc-msg[data-question-id]');
            const question = questions[questions.length - 1];
            const log = document.querySelector('.psc-log').getBoundingClientRect();
            const q = question.getBoundingClientRect();
            const box = document.querySelector('.psc-choices');
            const boxRect = box.getBoundingClientRect();
            const scrolls = box.scrollHeight > box.clientHeight + 1;
            // A question without buttons (age) is answered in the text box: that must be in view.
            const controls = box.hidden ? [document.getElementById('psc-input')] : [...box.querySelectorAll('button, input')];
            const lost = controls.filter(c => {
                const r = c.getBoundingClientRect();
                return !(inside(r) || (scrolls && inside(boxRect)));
            }).map(c => c.textContent || c.value);
            return {pageScroll: document.scrollingElement.scrollTop,
                    questionTopInView: q.top >= log.top - 1 && q.top < log.bottom && q.top < view.h,
                    lost: lost, controls: controls.length};
        }"""
    )
    assert report["pageScroll"] == 0, report
    assert report["questionTopInView"], report
    assert report["controls"] > 0 and report["lost"] == [], report
    # After a click the pointer rests where the last answer was: no new button looks chosen.
    backgrounds = page.evaluate("[...document.querySelectorAll('.psc-choice')].map(b => getComputedStyle(b).backgroundColor)")
    assert set(backgrounds) <= {"rgb(255, 255, 255)"}, backgrounds


def answer_with(chat: ChatPage, how: str) -> None:
    if how.startswith("="):
        chat.type(how[1:])
    else:
        chat.click(how)


@pytest.mark.parametrize("device", ["desktop", "phone"])
def test_every_state_is_accessible_in_view_and_the_summary_prints(browser: Browser, servers: Servers, device: str):
    page = axe_page(browser, DEVICES[device])
    problems: Dict[str, List[str]] = {}
    try:
        chat = ChatPage(page).open(f"{servers.rasa_url}/")
        check_state(page, device, "1-start", problems)
        assert in_viewport(page, ".psc-choices .psc-choice")  # the chat is the page: no scrolling to find it
        choose_self_and_npc(chat)
        for question_id, how in TO_THE_CHECKLIST:
            assert chat.question_id == question_id
            progress = page.locator(".psc-msg[data-question-id]").last.locator(".psc-qnum").text_content()
            assert progress.startswith("Question ") and " of about " in progress
            if question_id == "age":
                chat.type("17").click("Yes")  # typed, so read back first; then explained, then corrected
                check_state(page, device, "3-exclusion", problems)
                chat.click("Change my answer")
            if how is None:
                chat.click(chat.choices[1])
                continue
            assert_question_and_choices_in_view(page)
            if question_id == "chemo_lines":
                check_state(page, device, "2-mid-form", problems)
                chat.type("stop")  # a typed stop asks first; "No, go on" keeps every answer
                assert chat.choices == ["Yes, stop", "No, go on"]
                check_state(page, device, "2b-stop-question", problems)
                chat.click("No, go on")
                assert chat.question_id == "chemo_lines"
                assert page.locator(".psc-qnum").last.text_content() == progress
            answer_with(chat, how)

        # The umbrella list as boxes to tick: one ticked line asks its two follow-ups, the rest are cleared.
        assert chat.question_id == "npc_health_screen"
        assert page.locator(".psc-check").count() == 10
        assert chat.choices == ["None of these", "Not sure"]
        assert_question_and_choices_in_view(page)
        check_state(page, device, "4-checklist", problems)
        before = page.locator(".psc-qnum").last.text_content()
        page.get_by_label("Active TB, or hepatitis B or C that is active now").check()
        page.get_by_role("button", name="Send my answer").click()
        chat.wait()
        assert chat.bubbles("user")[-1] == "These apply: Active TB, or hepatitis B or C that is active now"
        assert chat.question_id in ("active_tuberculosis", "active_hepatitis_b_or_c")
        after = page.locator(".psc-qnum").last.text_content()
        assert before != after  # the count moved with the answer
        while chat.attribute("verdict") is None:
            how = AFTER_THE_CHECKLIST[chat.question_id]
            assert_question_and_choices_in_view(page)
            if how is None:
                chat.click(chat.choices[0])
            else:
                answer_with(chat, how)

        # The summary: a result card, its verdict in view when it arrives.
        assert chat.attribute("verdict") == "likely_eligible"
        assert in_viewport(page, ".psc-verdict"), page.locator(".psc-verdict").bounding_box()
        card = page.locator(".psc-result").last
        assert card.locator(".psc-verdict").text_content() == (
            "Based on your answers, you may be a good match. The study team will confirm this."
        )
        assert card.locator("h3").all_text_contents()[-1] == "Next step"
        assert card.locator("ul li").count() >= 3  # real list markup, no "-" bullets
        assert "- " not in card.text_content()
        check_state(page, device, "5-summary", problems)
        check_print(page, device)

        chat.click("Ask the study team to contact me")
        check_state(page, device, "6-contact-consent", problems)
        chat.click("Yes, I agree")
        chat.click("Yes, the sponsor too")  # the sponsor: its own yes or no
        check_state(page, device, "7-contact-form", problems)
        for text in ("Ana", "Silva", "ana.silva@example.com", "07911 123456", "English"):
            chat.type(text)
        chat.click("Skip")
        chat.click("Skip")
        chat.click("No")
        read_back = chat.latest
        assert "Phone: 07911 123456" in read_back  # national format, not +447911123456
        chat.click("Yes, send it")
        assert chat.attribute("reference")
        check_state(page, device, "8-confirmation", problems)

        chat.tool("Delete my data")  # asks first
        assert page.locator("dialog.psc-dialog").is_visible()
        check_state(page, device, "9-confirm-delete", problems)
        page.keyboard.press("Escape")
        assert chat.attribute("reference")  # nothing deleted
        assert page.errors == []
    finally:
        page.context.close()
    assert problems == {}, json.dumps(problems, indent=1)


def check_print(page: Page, device: str) -> None:
    """"Print or save as PDF" on the summary: Chromium's PDF has the verdict on page 1,
    at most two pages, and every line of the card (nothing clipped by the chat box)."""
    page.evaluate("window.print = () => {}")  # the button's own work, without the print dialog
    page.locator(".psc-result .psc-card-actions").get_by_role("button", name="Print or save as PDF").click()
    pdf = page.pdf(format="A4", print_background=True)
    (SCREENSHOTS / f"{device}-summary.pdf").write_bytes(pdf)
    # NFKC undoes the ligatures the PDF uses ("ﬁ"); spaces are dropped because line breaks move them.
    pages = ["".join(unicodedata.normalize("NFKC", p.extract_text()).split()) for p in PdfReader(io.BytesIO(pdf)).pages]
    assert 1 <= len(pages) <= 2, len(pages)
    assert "youmaybeagoodmatch" in pages[0]
    printed = " ".join(pages)
    card_lines = page.locator(".psc-result").last.locator("p, li, h3").all_text_contents()
    for line in card_lines:
        words = "".join(line.split())
        assert words[-25:] in printed, line  # the end of each line is on paper: nothing clipped


def test_verdict_in_view_on_a_phone_at_200_percent_text(browser: Browser, servers: Servers):
    page = new_page(browser, **PHONE)
    try:
        chat = ChatPage(page).open(f"{servers.rasa_url}/")
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        choose_self_and_npc(chat)
        chat.click("Yes").type("17").click("Yes")  # the read-back of a typed exclusion, confirmed
        page.screenshot(path=str(SCREENSHOTS / "phone-200-percent-exclusion.png"))
        assert_question_and_choices_in_view_or_exclusion(page)
        chat.click("See the summary")
        assert chat.attribute("verdict") == "likely_ineligible"
        assert in_viewport(page, ".psc-verdict"), page.locator(".psc-verdict").bounding_box()
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["viewport"]["width"]
        page.screenshot(path=str(SCREENSHOTS / "phone-200-percent-summary.png"))
    finally:
        page.context.close()


def assert_question_and_choices_in_view_or_exclusion(page: Page) -> None:
    """After an exclusion its buttons (change the answer, summary, contact) are in view, or in the
    choices box, which scrolls on its own while the message stays in view."""
    report = page.evaluate(
        """() => {
            const box = document.querySelector('.psc-choices');
            const r = box.getBoundingClientRect();
            return {boxInView: r.top >= 0 && r.bottom <= innerHeight + 1, scrolls: box.scrollHeight > box.clientHeight + 1,
                    pageScroll: document.scrollingElement.scrollTop, exclusionTop: document.querySelector(
                        '.psc-msg[data-verdict]').getBoundingClientRect().top};
        }"""
    )
    assert report["boxInView"] and report["pageScroll"] == 0 and report["exclusionTop"] >= 0, report


def focused(page: Page) -> str:
    return page.evaluate("document.activeElement.id || document.activeElement.textContent")


class Keyboard:
    """Presses keys, counting every press except arrow keys inside a group of choices."""

    def __init__(self, chat: ChatPage):
        self.chat, self.page, self.presses = chat, chat.page, 0

    def press(self, key: str) -> None:
        self.page.keyboard.press(key)
        if not key.startswith("Arrow"):
            self.presses += 1

    def choose(self, title: str) -> int:
        """Reach the choice ``title`` and press Enter; the number of presses it took."""
        self.presses = 0
        for _ in range(12):
            if focused(self.page) == title:
                break
            on_a_choice = self.page.evaluate("document.activeElement.classList.contains('psc-choice')")
            self.press("ArrowRight" if on_a_choice else "Shift+Tab")
        assert focused(self.page) == title, f"could not reach {title!r}; focus is on {focused(self.page)!r}"
        self.press("Enter")
        self.chat.wait()
        return self.presses

    def type(self, text: str) -> None:
        if focused(self.page) != "psc-input":
            self.press("Tab") if self.page.evaluate("document.activeElement.classList.contains('psc-choice')") else None
        assert focused(self.page) == "psc-input"
        self.page.keyboard.type(text)
        self.page.keyboard.press("Enter")
        self.chat.wait()


def test_a_whole_screening_with_the_keyboard_only_takes_at_most_two_presses_per_choice(chat: ChatPage):
    page = chat.page
    keyboard = Keyboard(chat)
    for _ in range(30):  # from the top of the page to the first choice
        if focused(page) == "For myself":
            break
        page.keyboard.press("Tab")
    presses = {"voice": keyboard.choose("For myself"), "trial": keyboard.choose("Nasopharyngeal cancer")}
    answers = {
        "npc_recurrent_metastatic": "Yes", "age": "=61", "chemo_lines": "2", "platinum_chemo": "Yes",
        "pd1_therapy": "Yes", "daily_activity": None, "last_treatment_days": "More than 4 weeks ago",
        "side_effects_more_than_mild": "No", "measurable_lesion": "Yes", "npc_health_screen": "None of these",
        "other_cancer": None, "npc_recent_medicines": "None of these", "tissue_sample": "Yes",
        "pregnant_or_breastfeeding": "No", "contraception": "Yes",
    }
    while chat.attribute("verdict") is None:
        question_id = chat.question_id
        how = answers[question_id]
        if how is None:
            how = chat.choices[0]
        if how.startswith("="):
            keyboard.type(how[1:])
        else:
            presses[question_id] = keyboard.choose(how)
    assert chat.attribute("verdict") == "likely_eligible"
    assert max(presses.values()) <= 2, presses
    assert page.evaluate("document.activeElement.classList.contains('psc-verdict')")  # focus on the verdict


def test_email_the_summary_then_come_back_on_another_device_with_a_single_use_link(
    browser: Browser, servers: Servers, smtp_server, app_env
):
    page = new_page(browser, **DESKTOP)
    others = []
    try:
        chat = ChatPage(page).open(f"{servers.rasa_url}/")
        choose_self_and_npc(chat)
        chat.click("Yes").type("17").click("Yes").click("See the summary")
        card = page.locator(".psc-result").last
        card.get_by_role("button", name="Email me this summary").click()
        card.get_by_label("Your email address").fill("kim.lee@example.com")
        card.get_by_role("button", name="Send the email").click()
        status = card.locator(".psc-email-form [role=status]")
        status.filter(has_text="Please tick the box").wait_for()  # nothing is sent without consent
        card.get_by_label("Send my summary to this address once", exact=False).check()
        card.get_by_role("button", name="Send the email").click()
        status.filter(has_text="Done. We have sent the email").wait_for()
        mails = [m for m in smtp_server.mailbox.messages if m["To"] == "kim.lee@example.com"]
        assert len(mails) == 1 and mails[0]["Subject"] == "Your pre-screening summary"
        assert "this study may not be a match for you right now" in body(mails[0])
        assert "The study is only for adults, aged 18 or older." in body(mails[0])
        assert personal_email_rows(app_env) == 0  # the address is not kept once the e-mail is sent

        chat.tool("Save and come back later")
        assert "Your answers are kept in this web browser on this device" in chat.latest
        offer = page.locator(".psc-msg").last
        offer.get_by_role("button", name="Email me a link to carry on on another device").click()
        offer.get_by_label("Your email address").fill("kim.lee@example.com")
        offer.get_by_label("Send a link to this address once", exact=False).check()
        offer.get_by_role("button", name="Send the email").click()
        offer.locator("[role=status]").filter(has_text="Done.").wait_for()
        mail = [m for m in smtp_server.mailbox.messages if m["To"] == "kim.lee@example.com"][-1]
        link = re.search(r"http://\S+\?resume=[\w-]+", body(mail)).group(0)
        conversation_id = page.evaluate("localStorage.getItem('prescreen-conversation-id')")
        assert conversation_id not in link  # a token, never the conversation id
        before = chat.bubbles()

        phone = new_page(browser, **PHONE)  # another device
        others.append(phone)
        on_phone = ChatPage(phone).open(link)
        assert on_phone.bubbles() == before
        assert "resume=" not in phone.url  # the token leaves the address bar
        assert phone.evaluate("localStorage.getItem('prescreen-conversation-id')") == conversation_id

        again = new_page(browser, **PHONE)  # the same link a second time
        others.append(again)
        ChatPage(again).open(link)
        assert "This link does not work any more" in again.locator(".psc-status").text_content()
        assert again.evaluate("localStorage.getItem('prescreen-conversation-id')") != conversation_id
    finally:
        for opened in [page, *others]:
            opened.context.close()


def personal_email_rows(app_env) -> int:
    with database(app_env) as connection:
        return connection.execute("SELECT COUNT(*) FROM personal_emails").fetchone()[0]


def test_a_link_cannot_be_sent_for_a_chat_that_never_started(servers: Servers, smtp_server):
    import urllib.error
    import urllib.request

    before = len(smtp_server.mailbox.messages)
    body = json.dumps({"conversation_id": "f" * 32, "email": "someone@example.com", "consent": True}).encode()
    request = urllib.request.Request(f"{servers.rasa_url}/widget/resume-link", data=body,
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 409
    assert len(smtp_server.mailbox.messages) == before
