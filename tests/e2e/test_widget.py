"""The web widget in a real browser: Debian's Chromium driven by Playwright, against
both servers, the database and the SMTP server on loopback. Expected values are
written by hand. Screenshots of the start, mid-form and summary states are saved
under tests/e2e/screenshots/ (git-ignored)."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from pathlib import Path
from typing import Dict, Iterator, Mapping, Tuple

import pytest
from playwright.sync_api import Browser, Page, Route, sync_playwright

from tests.e2e.conftest import OtherSite
from tests.e2e.servers import Servers
from tests.e2e.test_contact import database
from tests.e2e.widget_page import CHROMIUM, CHROMIUM_ARGS, ChatPage

PHONE = {"width": 360, "height": 740}

# How a person answers each NPC question in the browser: click a button, or type.
NPC_ANSWERS: Dict[str, Tuple[str, str]] = {
    "npc_recurrent_metastatic": ("click", "Yes"),
    "age": ("number", "61"),
    "chemo_lines": ("click", "2"),
    "platinum_chemo": ("type", "yep, cisplatin"),
    "pd1_therapy": ("click", "Yes"),
    "daily_activity": ("type", "light housework only"),
    "last_treatment_days": ("click", "More than 4 weeks ago"),
    "side_effects_more_than_mild": ("click", "No"),
    "measurable_lesion": ("type", "yes"),
    "npc_health_screen": ("click", "None of these"),
    "other_cancer": ("type", "no other cancer"),
    "npc_recent_medicines": ("type", "no"),  # typing still works for a checklist
    "tissue_sample": ("type", "sure"),
    "pregnant_or_breastfeeding": ("click", "No"),
    "contraception": ("type", "doesn't apply"),
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}; scripts/setup_browser.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def new_page(browser: Browser, **options) -> Page:
    page = browser.new_context(**options).new_page()
    page.set_default_timeout(30_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(error))
    page.errors = errors  # checked by tests that want no script error
    return page


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = new_page(browser, viewport={"width": 1100, "height": 900})
    yield opened
    opened.context.close()


@pytest.fixture
def chat(page: Page, servers: Servers) -> ChatPage:
    return ChatPage(page).open(f"{servers.rasa_url}/")


def answer(chat: ChatPage, how: Tuple[str, str]) -> None:
    kind, value = how
    {"click": chat.click, "type": chat.type, "number": chat.number}[kind](value)


def answer_until_result(chat: ChatPage, answers: Mapping[str, Tuple[str, str]]) -> list:
    asked = []
    while chat.attribute("verdict") is None:
        question_id = chat.question_id
        assert question_id in answers, f"unexpected question {question_id}; the assistant said {chat.latest!r}"
        assert len(asked) < 40
        asked.append(question_id)
        answer(chat, answers[question_id])
    return asked


def contact_request(app_env: Mapping[str, str], reference: str):
    with database(app_env) as connection:
        return connection.execute(
            "SELECT first_name, last_name, email, phone, language, status FROM contact_requests WHERE reference = ?",
            (reference,),
        ).fetchone()


def choose_self_and_npc(chat: ChatPage) -> None:
    assert chat.choices == ["For myself", "For someone I care for"]
    chat.click("For myself")
    assert "Nasopharyngeal cancer: A new drug, HLX43" in chat.latest
    chat.click("Nasopharyngeal cancer")
    assert chat.question_id == "npc_recurrent_metastatic"


def test_whole_screening_with_an_exclusion_corrected_and_a_contact_request(chat: ChatPage, app_env, servers: Servers):
    page = chat.page
    assert page.locator("h3", has_text="The nasopharyngeal cancer study (HLX43)").is_visible()
    assert page.locator("h3", has_text="The breast cancer study (TQB2102)").is_visible()
    assert "It takes about 10 minutes. This is not medical advice." in chat.bubbles("bot")[0]
    chat.screenshot("1-start")

    choose_self_and_npc(chat)
    assert chat.choices == ["Yes", "No", "Not sure"]
    chat.click("Yes")
    assert chat.question_id == "age"
    # One field for a number question, saying its unit and range; one Send button.
    assert page.locator("label[for=psc-input]").text_content() == "Your answer, in years"
    assert page.locator("#psc-hint").text_content() == "A number from 0 to 120."
    assert page.locator("input:visible").count() == 1 and page.locator(".psc-send:visible").count() == 1
    assert chat.choices == []  # answered buttons are gone

    chat.number("17")
    assert "I read your answer as: 17 years" in chat.latest  # a typed exclusion is read back first
    chat.click("Yes")
    assert chat.attribute("verdict") == "likely_ineligible"
    assert "The study is only for adults, aged 18 or older." in chat.latest
    assert "Only the study team makes the final decision" in chat.latest
    assert chat.choices == ["Change my answer", "See the summary", "Ask the study team to contact me"]
    chat.click("Change my answer")
    assert chat.question_id == "age"
    chat.type("61")
    assert chat.question_id == "chemo_lines"
    assert chat.choices == ["0", "1", "2", "3 or more", "Not sure"]
    assert page.locator("#psc-hint").is_hidden()  # the count buttons are enough: no range hint
    assert page.locator("label[for=psc-input]").text_content() == "Type your answer or question"
    chat.screenshot("2-mid-form")

    # Start over and Delete my data stay in reach all through the screening, in the menu.
    chat.open_menu()
    for tool in ("Start over", "Delete my data"):
        assert page.get_by_role("button", name=tool, exact=True).is_visible()
    page.keyboard.press("Escape")

    asked = answer_until_result(chat, NPC_ANSWERS)
    assert asked == list(NPC_ANSWERS)[2:]
    assert chat.attribute("verdict") == "likely_eligible"
    assert "may be a good match" in chat.latest
    assert "You are eligible" not in chat.latest
    chat.screenshot("3-summary")

    chat.click("Ask the study team to contact me")
    assert "Shanghai Henlius Biotech" in chat.latest
    assert "You can also reach the study team yourself. The listing does not give a phone number" in chat.latest
    chat.click("Yes, I agree")
    chat.click("No, only the study team")  # the sponsor: its own yes or no
    for text in ("Ana", "Silva", "ana.silva@example.com", "+44 20 7946 0958", "Portuguese"):
        chat.type(text)
    chat.click("Skip")
    chat.type("mornings")
    chat.click("No")
    assert "Please check your details" in chat.latest
    chat.click("Yes, send it")
    reference = chat.attribute("reference")
    assert reference and reference in chat.latest
    assert "The study team will contact you" in chat.latest
    assert "The study team usually gets in touch within 3 working days." in chat.latest
    assert "If nobody has contacted you by then, give them your reference number." in chat.latest
    assert contact_request(app_env, reference) == (
        "Ana", "Silva", "ana.silva@example.com", "+442079460958", "Portuguese", "notified",
    )

    chat.tool("Delete my data", confirm="Yes, delete my data")
    # What the chat showed is cleared with what was stored; only the confirmation stays.
    assert chat.bubbles() == [
        "Done. I have deleted your answers and any contact request from this chat. "
        "If the study team already got an email, you can also ask them to delete it.",
    ]
    assert contact_request(app_env, reference) is None
    assert page.errors == []
    logs = "".join(path.read_text() for path in servers.logs.values())
    for detail in ("ana.silva@example.com", "7946 0958", "+442079460958", "Silva"):
        assert detail not in logs


def test_reloading_mid_form_shows_the_conversation_and_continues(chat: ChatPage):
    choose_self_and_npc(chat)
    chat.click("Yes").type("58").click("2")
    assert chat.question_id == "platinum_chemo"
    before = chat.bubbles()

    chat.page.reload()
    chat.wait()
    assert chat.bubbles() == before
    assert "For myself" in chat.bubbles("user") and "2" in chat.bubbles("user")
    assert "/self_voice" not in chat.bubbles("user")  # buttons show their title, not their payload
    assert chat.question_id == "platinum_chemo"
    assert chat.choices == ["Yes", "No", "Not sure"]
    chat.click("Yes")
    assert chat.question_id == "pd1_therapy"


def test_start_over_restarts_the_questions(chat: ChatPage):
    choose_self_and_npc(chat)
    chat.click("Yes").type("58")
    chat.tool("Start over", confirm="Cancel")  # a slip of the finger loses nothing
    assert chat.question_id == "chemo_lines"
    chat.tool("Start over", confirm="Yes, start over")
    assert "Are you answering for yourself" in chat.latest
    assert chat.choices == ["For myself", "For someone I care for"]


def test_works_on_a_360_pixel_phone_screen_with_large_text(browser: Browser, servers: Servers):
    page = new_page(browser, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        chat = ChatPage(page).open(f"{servers.rasa_url}/")
        choose_self_and_npc(chat)
        chat.click("Yes")
        assert chat.question_id == "age"
        page.evaluate("document.documentElement.style.fontSize = '200%'")  # the reader's text size
        for selector in ("#psc-input", ".psc-send", ".psc-tool:visible"):
            box = page.locator(selector).first.bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], selector
        # No room for 中文 / English in the header at this size: the other language is in the menu.
        assert not page.locator(".psc-languages").is_visible()
        chat.open_menu()
        assert page.locator(".psc-menu-items").get_by_role("button", name="中文", exact=True).is_visible()
        page.keyboard.press("Escape")
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # no sideways scrolling
        assert page.evaluate("getComputedStyle(document.querySelector('.psc-text')).fontSize") == "32px"
        chat.type("61")
        assert chat.question_id == "chemo_lines"
        chat.screenshot("4-phone-large-text")
    finally:
        page.context.close()


def test_new_messages_are_announced_to_screen_readers(chat: ChatPage):
    log = chat.page.locator(".psc-log")
    assert log.get_attribute("role") == "log"
    assert log.get_attribute("aria-live") == "polite"
    assert chat.page.locator(".psc-choices").get_attribute("aria-label") == "Answer choices"
    assert chat.page.locator("label[for=psc-input]").text_content() == "Type your answer or question"
    assert chat.page.locator(".psc-bot .psc-visually-hidden").first.text_content() == "Assistant said:"


# The contrast ratio of every piece of text against the background behind it
# (WCAG 2.1: 4.5 for normal text, 3 for large text).
CONTRAST_SCRIPT = """
() => {
  const channel = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const parse = s => s.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  const background = el => {
    for (; el; el = el.parentElement) {
      const c = parse(getComputedStyle(el).backgroundColor);
      if (c.length < 4 || c[3] > 0) return c;
    }
    return [255, 255, 255];
  };
  const failures = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el.offsetParent || el.closest('.psc-visually-hidden')) continue;
    const style = getComputedStyle(el);
    const fg = luminance(parse(style.color)), bg = luminance(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
    const needed = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < needed) failures.push(`${node.textContent.trim().slice(0, 40)}: ${ratio.toFixed(2)}`);
  }
  return failures;
}
"""


def test_colour_contrast_meets_wcag_aa(chat: ChatPage):
    choose_self_and_npc(chat)
    chat.click("Yes").number("17")  # bot and user bubbles, buttons, the number field's hint
    assert chat.page.evaluate(CONTRAST_SCRIPT) == []


def test_injected_markup_is_shown_as_text(chat: ChatPage):
    page = chat.page
    attack = '<img src=x onerror="window.pwned = 1">'
    chat.type(attack)
    assert chat.bubbles("user")[-1] == attack
    assert page.locator(".psc img").count() == 0

    # A reply from the server that carries markup is shown as text as well.
    def fake_reply(route: Route) -> None:
        body = {"messages": [{
            "role": "bot", "text": '<img src=x onerror="window.pwned = 2"><b>bold</b>',
            "buttons": [{"title": '<img src=y onerror="window.pwned = 3">', "payload": "/greet"}], "custom": {},
        }]}
        route.fulfill(status=200, content_type="application/json", body=json.dumps(body))

    page.route("**/widget/message", fake_reply)
    chat.type("hello")
    assert chat.bubbles("bot")[-1] == '<img src=x onerror="window.pwned = 2"><b>bold</b>'
    assert chat.choices == ['<img src=y onerror="window.pwned = 3">']
    assert page.locator(".psc img, .psc b").count() == 0
    assert page.evaluate("window.pwned") is None


def test_a_dropped_connection_is_shown_and_the_message_is_sent_once(chat: ChatPage, servers: Servers):
    page = chat.page
    choose_self_and_npc(chat)
    attempts = []

    def lose_the_first_reply(route: Route) -> None:
        attempts.append(route.request.post_data_json["message_id"])
        if len(attempts) == 1:
            route.fetch()  # the server gets the message and answers...
            route.abort("connectionreset")  # ...but the answer never reaches the browser
        else:
            route.continue_()

    page.route("**/widget/message", lose_the_first_reply)
    page.locator(".psc-choices").get_by_role("button", name="Yes", exact=True).click()
    status = page.locator(".psc-status")
    status.wait_for(state="visible")
    assert "The connection was lost" in status.text_content()
    chat.wait()
    assert status.text_content() in ("Connected again.", "")
    assert chat.question_id == "age"
    assert len(attempts) == 2 and attempts[0] == attempts[1]  # resent with the same id

    conversation_id = page.evaluate("localStorage.getItem('prescreen-conversation-id')")
    with urllib.request.urlopen(f"{servers.rasa_url}/widget/history/{conversation_id}") as reply:
        history = json.loads(reply.read())["messages"]
    assert [b["text"] for b in history if b["role"] == "user"] == ["For myself", "Nasopharyngeal cancer", "Yes"]
    assert [b.get("custom", {}).get("question_id") for b in history].count("age") == 1


def test_embedded_on_another_site_with_one_div_and_one_script(browser: Browser, servers: Servers, other_site: OtherSite):
    (other_site.root / "index.html").write_text(
        "<!doctype html><html lang='en'><head><title>A trial site</title></head><body>"
        "<h1>Our hospital's trials</h1>"
        '<div id="prescreen-chat"></div>'
        f'<script src="{servers.rasa_url}/widget/widget.js" defer></script>'
        "</body></html>"
    )
    page = new_page(browser)
    try:
        chat = ChatPage(page).open(f"{other_site.origin}/index.html")
        assert "Are you answering for yourself" in chat.latest
        choose_self_and_npc(chat)
        assert page.errors == []
    finally:
        page.context.close()


def post(url: str, body: bytes) -> Tuple[int, dict]:
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status, json.loads(reply.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


@pytest.mark.parametrize(
    "body, status",
    [
        (b"not json", 400),
        (json.dumps({"conversation_id": "demo", "message": "hi", "message_id": "1"}).encode(), 400),
        (json.dumps({"conversation_id": "a" * 32, "message": "", "message_id": "1"}).encode(), 400),
        (json.dumps({"conversation_id": "a" * 32, "message": "hi", "message_id": "<script>"}).encode(), 400),
        (json.dumps({"conversation_id": "a" * 32, "message": "x" * 10_001, "message_id": "1"}).encode(), 413),
    ],
)
def test_malformed_messages_get_a_clear_error(servers: Servers, body: bytes, status: int):
    code, reply = post(f"{servers.rasa_url}/widget/message", body)
    assert code == status
    assert reply["error"].startswith(("Sorry, the chat could not read that message", "Your message is too long"))


def test_the_page_forbids_scripts_from_anywhere_else(servers: Servers):
    with urllib.request.urlopen(f"{servers.rasa_url}/") as reply:
        policy = reply.headers["Content-Security-Policy"]
        assert reply.headers["Content-Type"].startswith("text/html")
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_a_server_error_is_explained_and_the_chat_goes_on(chat: ChatPage):
    page = chat.page
    page.route("**/widget/message", lambda route: route.fulfill(status=500, content_type="text/html", body="<h1>500</h1>"))
    chat.type("For myself")
    assert chat.latest == "Sorry, something went wrong on our side. Please try again in a minute."
    page.unroute("**/widget/message")
    chat.type("for myself")
    assert "Which condition do you have?" in chat.latest
