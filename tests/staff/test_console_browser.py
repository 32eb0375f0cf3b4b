"""The staff console in a real browser: Debian's Chromium through Playwright, against the console
running on loopback with a clock the tests move, a migrated SQLite database and the real app.
axe-core (from npm, package-lock.json) checks every page for WCAG 2.1 AA. Expected values are
written by hand."""

from __future__ import annotations

import csv
import datetime as dt
import io
import logging
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from sqlalchemy import text

from bot.staff.web.server import ConsoleServer
from tests.conftest import PROJECT_ROOT
from tests.e2e.servers import free_port
from tests.e2e.widget_page import CHROMIUM, CHROMIUM_ARGS
from tests.handoff.conftest import JANE, prepared_repository, sqlite_url_in
from tests.staff.conftest import MONDAY, PASSWORD, MovableClock, console_settings, save_at

AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ASHA = {**JANE, "first_name": "Asha", "last_name": "Okafor", "email": "asha.okafor@example.org",
        "phone": "+447700900123", "best_time": "After 5 pm"}


class Captured(logging.Handler):
    """Every log record of every logger while the console runs, as text."""

    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture(scope="module")
def clock() -> MovableClock:
    return MovableClock(MONDAY)


@pytest.fixture(scope="module")
def logs() -> Iterator[Captured]:
    handler = Captured()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    yield handler
    root.removeHandler(handler)
    root.setLevel(old_level)


@pytest.fixture(scope="module")
def console(tmp_path_factory, catalog, clock, logs):
    url = sqlite_url_in(tmp_path_factory.mktemp("console"))
    prepared_repository(url, catalog).engine.dispose()
    from bot.staff.web.server import Console

    services = Console(console_settings(url), clock)
    services.accounts.add_user("alice", "Alice Admin", PASSWORD, is_admin=True)
    services.accounts.add_user("bob", "Bob Coordinator", PASSWORD, is_admin=False)
    services.accounts.add_user("carol", "Carol Locked", PASSWORD, is_admin=False)
    server = ConsoleServer(services, "127.0.0.1", free_port(), run_digest_timer=False)
    server.start_in_thread()
    server.url = f"http://127.0.0.1:{server.port}"
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}; scripts/setup_browser.sh installs Debian's chromium")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    yield opened
    context.close()


def sign_in(page: Page, console, username: str, password: str = PASSWORD) -> Page:
    page.goto(f"{console.url}/login")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    return page


def request_status(console, reference: str):
    with console.console.engine.connect() as connection:
        return connection.execute(text("SELECT status FROM contact_requests WHERE reference = :r"),
                                  {"r": reference}).scalar()


def audit_actions(console, reference: str):
    with console.console.engine.connect() as connection:
        return connection.execute(text("SELECT actor, action, detail FROM audit_log WHERE reference = :r ORDER BY id"),
                                  {"r": reference}).all()


def check_axe(page: Page) -> None:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_21_AA)
    problems = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    assert len(result["passes"]) > 10, "axe-core did not run its checks"
    assert problems == [], page.url


def test_a_chinese_request_shows_its_one_name_its_languages_and_the_sponsor_no(page: Page, console, clock):
    clock.set(MONDAY)
    chen = {"full_name": "陈小明", "email": "chen.xm@example.cn", "phone": "+8613912345678", "language": "yue",
            "city_or_site": "", "best_time": ""}
    reference = save_at(console.console, MONDAY, contact=chen, chat_language="zh", sponsor_consent=False)
    sign_in(page, console, "bob")
    page.goto(f"{console.url}/requests/{reference}")
    assert page.locator("#case-name").text_content() == "陈小明"
    assert page.locator("#case-team-language").text_content() == "Cantonese (yue)"
    assert "Chinese" in page.locator("#case-chat-language").text_content()
    assert page.locator("#case-sponsor-consent").text_content().startswith("Not agreed")


def test_sign_in_work_a_request_through_the_pipeline_with_a_note(page: Page, console, clock):
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY, contact=ASHA)
    sign_in(page, console, "bob")
    assert page.locator("h1").text_content() == "Contact requests"
    row = page.locator(f"tr[data-reference='{reference}']")
    assert "NCT06839066" in row.text_content() and "New" in row.locator(".status").text_content()
    row.get_by_role("link", name=reference).click()
    assert page.locator("h1").text_content() == f"Request {reference}"
    assert "Asha Okafor" in page.locator("main").text_content()
    # Each criterion with the listing's own words.
    assert "Age ≥ 18 years at the time of signing the ICF" in page.locator("tr[data-criterion='NPC-I02']").text_content()

    page.get_by_label("Move to").select_option("contacted")
    page.get_by_label("Owner").select_option("bob")
    page.get_by_label("Next action date").fill("2026-12-02")
    page.get_by_label("Add a note").fill("Called at 5 pm. Pre-screen call booked for Wednesday.")
    page.get_by_role("button", name="Save").click()
    assert page.locator("#form-message").text_content() == "Saved."
    assert page.locator("#case-status").text_content().strip() == "Contacted"
    assert page.locator("#case-owner").text_content() == "bob"
    assert "Called at 5 pm. Pre-screen call booked for Wednesday." in page.locator("#notes").text_content()

    for status in ("call_done", "visit_booked"):
        page.get_by_label("Move to").select_option(status)
        page.get_by_role("button", name="Save").click()
        assert page.locator("#form-message").is_visible()
    # "Not eligible" needs a reason: refused with a message, and the note typed is kept.
    page.get_by_label("Move to").select_option("not_eligible")
    page.get_by_label("Add a note").fill("Scan shows a new lesion.")
    page.get_by_role("button", name="Save").click()
    assert "Say why the person is not eligible" in page.locator("#form-error").text_content()
    assert page.get_by_label("Add a note").input_value() == "Scan shows a new lesion."
    page.get_by_label("Move to").select_option("consented")
    page.get_by_label("Add a note").fill("")
    page.get_by_role("button", name="Save").click()
    assert page.locator("#case-status").text_content().strip() == "Consented"
    assert request_status(console, reference) == "consented"
    assert [(actor, action) for actor, action, _ in audit_actions(console, reference) if action != "viewed"] == [
        ("bob", "status"), ("bob", "owner"), ("bob", "next_action"), ("bob", "note"), ("bob", "status"),
        ("bob", "status"), ("bob", "status")]
    assert ("bob", "viewed", "personal details shown") in audit_actions(console, reference)
    page.get_by_role("link", name="Audit log").click()
    assert "call_done -> visit_booked" in page.locator("#audit").text_content()


def test_an_untouched_request_is_overdue_after_the_clock_moves(page: Page, console, clock):
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY)
    sign_in(page, console, "bob")
    row = page.locator(f"tr[data-reference='{reference}']")
    assert row.get_attribute("class") == ""
    clock.set(MONDAY + dt.timedelta(days=2, hours=10))  # Wednesday evening: 2 working days, not yet
    sign_in(page, console, "bob")  # days later: the idle session has ended
    assert "Overdue" not in row.text_content()
    clock.set(MONDAY + dt.timedelta(days=3))  # Thursday
    sign_in(page, console, "bob")
    assert row.get_attribute("class") == "is-overdue"
    assert "Overdue" in row.locator(".status").text_content()
    assert page.locator("#queue tbody tr").first.get_attribute("data-reference") == reference  # overdue first
    page.get_by_label("Status").select_option("overdue")
    page.get_by_role("button", name="Filter").click()
    assert reference in [r.get_attribute("data-reference") for r in page.locator("#queue tbody tr").all()]
    assert "status=overdue" in page.url


def test_export_then_delete_both_audited(page: Page, console, clock):
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY, contact={**ASHA, "last_name": "=cmd|' /C calc'!A0"})
    sign_in(page, console, "bob")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download these requests as CSV").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    exported = next(r for r in rows if r["reference"] == reference)
    assert exported["last_name"] == "'=cmd|' /C calc'!A0"  # a spreadsheet shows it as text
    assert download.value.suggested_filename == "contact-requests-2026-11-30.csv"

    page.goto(f"{console.url}/requests/{reference}")
    page.get_by_label("The person asked us to delete their data.").check()
    page.get_by_role("button", name="Delete").click()
    assert page.get_by_role("status").text_content() == f"Request {reference} was deleted."
    assert request_status(console, reference) is None
    page.goto(f"{console.url}/requests/{reference}")
    assert page.locator("h1").text_content() == "No such request"
    assert ("bob", "deleted", "4 rows removed") in audit_actions(console, reference)
    with console.console.engine.connect() as connection:
        assert connection.execute(text("SELECT actor FROM audit_log WHERE action = 'exported'")).scalars().all() == [
            "bob"]


def test_wrong_password_lock_out_and_an_expired_session(page: Page, console, clock):
    clock.set(MONDAY)
    sign_in(page, console, "carol", "not the password")
    assert page.locator("#login-message").text_content() == "The username or password is not right."
    for _ in range(4):
        sign_in(page, console, "carol", "not the password")
    assert "This account is locked after too many wrong passwords" in page.locator("#login-message").text_content()
    sign_in(page, console, "carol")  # the right password, still locked
    assert "locked" in page.locator("#login-message").text_content()
    clock.advance(minutes=16)
    sign_in(page, console, "carol")
    assert page.locator("h1").text_content() == "Contact requests"

    clock.advance(minutes=31)  # idle longer than STAFF_IDLE_MINUTES
    page.goto(f"{console.url}/funnel")
    assert page.url.endswith("/login?ended=1")
    assert "Your session ended" in page.locator("#login-message").text_content()
    page.context.clear_cookies()
    sign_in(page, console, "carol")
    page.get_by_role("button", name="Sign out").click()
    assert page.locator("#login-message").text_content() == "You are signed out."
    page.goto(f"{console.url}/")
    assert page.url.endswith("/login")


def raw(console, method: str, path: str, cookie: str = "", data: bytes = b""):
    """A request without the browser: (status, Location, body). Redirects are not followed."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(f"{console.url}{path}", method=method, data=data if method == "POST" else None,
                                     headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=10) as response:
            return response.status, response.headers.get("Location"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location"), error.read().decode()


def test_every_page_and_download_refuses_without_a_session(console, clock):
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY, contact=ASHA)
    routes = {(r.method, r.resource.canonical) for r in console._runner.app.router.routes() if r.method != "HEAD"}
    public = {("GET", "/login"), ("POST", "/login"), ("GET", "/health"), ("GET", "/favicon.ico"),
              ("GET", "/static")}
    assert ("GET", "/requests/{reference}") in routes and ("POST", "/export.csv") in routes
    for method, path in sorted(routes - public):
        concrete = path.replace("{reference}", reference).replace("{username}", "bob")
        for cookie in ("", "__Host-staff-session=forged-or-expired-token"):
            status, location, body = raw(console, method, concrete, cookie, b"csrf_token=x&status=withdrew")
            if method == "GET" and not concrete.endswith(".csv"):
                assert (status, location) in ((303, "/login"), (303, "/login?ended=1")), (method, concrete)
            else:
                assert status == 401, (method, concrete)
            assert "Asha" not in body and reference not in body
    assert request_status(console, reference) == "new"


def test_a_form_without_its_csrf_token_is_refused(page: Page, console, clock):
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY)
    sign_in(page, console, "bob")
    for data in ({"status": "withdrew"}, {"status": "withdrew", "csrf_token": "guessed"}):
        response = page.request.post(f"{console.url}/requests/{reference}", form=data, max_redirects=0)
        assert response.status == 403
        assert "This form has expired" in response.text()
    response = page.request.post(f"{console.url}/requests/{reference}/delete", form={"confirm": "yes"})
    assert response.status == 403
    assert request_status(console, reference) == "new"
    # The sign-in form has a token too (in its own cookie).
    assert page.request.post(f"{console.url}/login", form={"username": "bob", "password": PASSWORD}).status == 403


def csrf_of(page: Page) -> str:
    return page.locator("input[name=csrf_token]").first.get_attribute("value")


def test_staff_users_are_added_or_changed_only_by_an_admin(page: Page, console, clock):
    clock.set(MONDAY)
    sign_in(page, console, "bob")
    assert page.get_by_role("link", name="Staff users").count() == 0
    page.goto(f"{console.url}/users")
    assert page.locator("h1").text_content() == "Only an administrator can do this"
    token = csrf_of(page)
    created = page.request.post(f"{console.url}/users", max_redirects=0, form={
        "csrf_token": token, "username": "mallory", "display_name": "M", "password": PASSWORD, "is_admin": "yes"})
    assert created.status == 403
    assert page.request.post(f"{console.url}/users/carol/unlock", form={"csrf_token": token}).status == 403
    assert console.console.staff.by_username("mallory") is None
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, console, "alice")
    page.get_by_role("link", name="Staff users").click()
    page.get_by_label("Username").fill("dana")
    page.get_by_label("Name", exact=True).fill("Dana Nurse")
    page.get_by_label("First password (at least 12 characters)").fill(PASSWORD)
    page.get_by_role("button", name="Add user").click()
    assert page.get_by_role("status").text_content() == "User dana added."
    assert console.console.staff.by_username("dana").is_admin is False


def test_axe_finds_no_wcag_21_aa_violation_on_any_console_page(browser: Browser, console, clock):
    # The console's CSP allows no script at all, so this one test lets Playwright inject axe-core.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    clock.set(MONDAY)
    reference = save_at(console.console, MONDAY, contact=ASHA)
    page.goto(f"{console.url}/login")
    check_axe(page)
    sign_in(page, console, "wrong-user", "wrong password")  # the sign-in page with its error
    check_axe(page)
    sign_in(page, console, "alice")
    for path in ("/", "/?status=overdue", f"/requests/{reference}", "/audit", "/funnel", "/users",
                 "/requests/PS-2222-2222"):
        page.goto(f"{console.url}{path}")
        check_axe(page)
    page.get_by_role("button", name="Sign out").click()
    check_axe(page)
    # The check can fail: an image without a text alternative is caught.
    page.evaluate("() => document.querySelector('main').append(Object.assign(new Image(), {src: '/x.png'}))")
    with pytest.raises(AssertionError, match="image-alt"):
        check_axe(page)
    context.close()


def test_no_personal_details_in_any_log(console, logs):
    text_logged = "\n".join(logs.lines)
    assert "staff console listening" in text_logged and "GET /requests/PS-" in text_logged  # the capture works
    for person in (JANE, ASHA):
        for field in ("first_name", "last_name", "email", "phone", "best_time"):
            assert person[field] not in text_logged, field
    assert PASSWORD not in text_logged
    assert "Called at 5 pm" not in text_logged and "calc" not in text_logged
