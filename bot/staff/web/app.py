"""The staff console's web app: aiohttp routes, server-rendered pages, no script.

Every route but the sign-in page, the stylesheet and /health needs a live
session; every POST needs the session's CSRF token (the sign-in form a token
in its own cookie). Cookies are Secure, HttpOnly and SameSite=Strict with the
``__Host-`` prefix. Pages carry a strict Content-Security-Policy and are never
cached. Request bodies are limited to 64 KB. Database work runs in a thread so
one slow query does not stall other staff.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
import hmac
import logging
import re
import secrets
from pathlib import Path
from typing import Any, Callable, Dict, Optional

import jinja2
from aiohttp import web

from bot.screening.catalog import Catalog
from bot.settings import Settings
from bot.staff.accounts import AccountError, Accounts, StaffSession
from bot.staff.casework import Casework
from bot.staff.charts import horizontal_bars, weekly_bars
from bot.staff.funnel import VERDICTS, build_report, funnel_csv
from bot.staff.pipeline import LABELS, PIPELINE_ORDER, next_statuses
from bot.storage.audit import AuditRepository
from bot.storage.followup import UnknownStaffUser
from bot.storage.funnel import FunnelRepository
from bot.storage.staff_accounts import StaffAccountRepository, UsernameTaken

log = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
SESSION_COOKIE = "__Host-staff-session"
LOGIN_COOKIE = "__Host-staff-login"
MAX_BODY_BYTES = 64 * 1024
REFERENCE = re.compile(r"^PS-[0-9A-Z]{4}-[0-9A-Z]{4}$")
LOGIN_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")
PUBLIC_ROUTES = {("GET", "/login"), ("POST", "/login"), ("GET", "/health"), ("GET", "/favicon.ico")}
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; "
        "base-uri 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
VERDICT_LABELS = {
    "likely_ineligible": "May not be a match",
    "incomplete": "Not finished",
    "needs_review": "Needs review (\"not sure\" answers)",
    "likely_eligible": "May be a match",
}
CRITERION_LABELS = {
    "met": "Met", "not_met": "Not met", "unknown": "Not sure", "pending": "Not asked",
    "study_team": "Study team to check", "not recorded": "Not recorded",
}
# Keys of the application's state.
SERVICES = web.AppKey("services", dict)


def create_app(settings: Settings, catalog: Catalog, accounts: Accounts, casework: Casework,
               staff_repository: StaffAccountRepository, audit: AuditRepository,
               funnel: FunnelRepository) -> web.Application:
    templates = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")), autoescape=True, undefined=jinja2.StrictUndefined,
    )
    app = web.Application(middlewares=[security_headers, authenticate], client_max_size=MAX_BODY_BYTES)
    app[SERVICES] = {
        "settings": settings, "catalog": catalog, "accounts": accounts, "casework": casework,
        "staff": staff_repository, "audit": audit, "funnel": funnel, "templates": templates,
    }
    app.router.add_get("/health", health)
    app.router.add_get("/favicon.ico", no_icon)
    app.router.add_get("/login", login_page)
    app.router.add_post("/login", login)
    app.router.add_post("/logout", logout)
    app.router.add_get("/", queue_page)
    app.router.add_post("/export.csv", export)
    app.router.add_get("/requests/{reference}", case_page)
    app.router.add_post("/requests/{reference}", update_case)
    app.router.add_post("/requests/{reference}/delete", delete_case)
    app.router.add_get("/audit", audit_page)
    app.router.add_get("/funnel", funnel_page)
    app.router.add_get("/funnel.csv", funnel_download)
    app.router.add_get("/users", users_page)
    app.router.add_post("/users", add_user)
    app.router.add_post("/users/{username}/unlock", unlock_user)
    app.router.add_static("/static", str(HERE / "static"), show_index=False)
    return app


# --- plumbing ------------------------------------------------------------------


def services(request: web.Request) -> Dict[str, Any]:
    return request.app[SERVICES]


async def blocking(function: Callable, *args, **kwargs):
    return await asyncio.get_running_loop().run_in_executor(None, functools.partial(function, *args, **kwargs))


def render(request: web.Request, template: str, status: int = 200, **values) -> web.Response:
    page = services(request)["templates"].get_template(template).render(staff=request.get("staff"), **values)
    return web.Response(text=page, content_type="text/html", status=status)


def error_page(request: web.Request, status: int, heading: str, text: str) -> web.Response:
    return render(request, "error.html", status=status, heading=heading, text=text)


def _is_public(request: web.Request) -> bool:
    return (request.method, request.path) in PUBLIC_ROUTES or (
        request.method in ("GET", "HEAD") and request.path.startswith("/static/")
    )


def _same(given: Optional[str], expected: Optional[str]) -> bool:
    return bool(given) and bool(expected) and hmac.compare_digest(str(given), str(expected))


def _set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str,
                max_age: Optional[int] = None) -> None:
    # Browsers accept Secure cookies from http://127.0.0.1 and localhost too, so they are always Secure.
    response.set_cookie(name, value, path="/", httponly=True, samesite="Strict", max_age=max_age, secure=True)


def _clear_cookie(request: web.Request, response: web.StreamResponse, name: str) -> None:
    # With the same attributes: a browser ignores a __Host- cookie without Secure.
    _set_cookie(request, response, name, "", max_age=0)


@web.middleware
async def security_headers(request: web.Request, handler):
    try:
        response = await handler(request)
    except web.HTTPException as exception:
        exception.headers.update(SECURITY_HEADERS)
        exception.headers["Cache-Control"] = "no-store"
        raise
    response.headers.update(SECURITY_HEADERS)
    if not request.path.startswith("/static/"):
        response.headers["Cache-Control"] = "no-store"
    return response


@web.middleware
async def authenticate(request: web.Request, handler):
    """Load the session; refuse what needs one without it, and any POST without its CSRF token."""
    if request.path.startswith("/static/") or request.path in ("/health", "/favicon.ico"):
        request["staff"] = None  # no database work, and fetching the stylesheet does not keep a session alive
        return await handler(request)
    token = request.cookies.get(SESSION_COOKIE)
    staff: Optional[StaffSession] = await blocking(services(request)["accounts"].session, token) if token else None
    request["staff"] = staff
    if _is_public(request):
        return await handler(request)
    if staff is None:
        if request.method == "GET" and not request.path.endswith(".csv"):
            refused = web.HTTPSeeOther("/login?ended=1" if token else "/login")
        else:
            refused = web.HTTPUnauthorized(text="Sign in first.")
        if token:
            _clear_cookie(request, refused, SESSION_COOKIE)
        raise refused
    if request.method == "POST":
        form = await request.post()
        if not _same(form.get("csrf_token"), staff.csrf_token):
            log.warning("form refused: missing or wrong CSRF token (%s)", request.path)
            return error_page(request, 403, "This form has expired",
                              "The page was open too long or came from somewhere else. Go back, reload it and try again.")
        request["form"] = form
    return await handler(request)


def require_admin(handler):
    @functools.wraps(handler)
    async def checked(request: web.Request):
        if not request["staff"].account.is_admin:
            log.warning("%s refused to %s: not an admin", request.path, request["staff"].account.username)
            return error_page(request, 403, "Only an administrator can do this",
                              "Ask an administrator to add or change staff users.")
        return await handler(request)
    return checked


def _reference(request: web.Request) -> str:
    reference = request.match_info["reference"].strip().upper()
    if not REFERENCE.match(reference):
        raise web.HTTPNotFound(text="No such request.")
    return reference


def _actor(request: web.Request) -> str:
    return request["staff"].account.username


# --- signing in and out -----------------------------------------------------------


async def health(request: web.Request) -> web.Response:
    return web.Response(text="ok")


async def no_icon(request: web.Request) -> web.Response:
    return web.Response(status=404)


def _login_form(request: web.Request, status: int = 200, message: str = "", message_class: str = "error",
                username: str = "") -> web.Response:
    settings = services(request)["settings"].staff
    # Keep a token the browser already holds: a second tab (or a favicon fetch) must not void the first form.
    token = request.cookies.get(LOGIN_COOKIE, "")
    if not LOGIN_TOKEN.match(token):
        token = secrets.token_urlsafe(32)
    response = render(
        request, "login.html", status=status, csrf_token=token, message=message, message_class=message_class,
        username=username, lockout_attempts=settings.lockout_attempts, lockout_minutes=f"{settings.lockout_minutes:g}",
    )
    _set_cookie(request, response, LOGIN_COOKIE, token)
    return response


async def login_page(request: web.Request) -> web.Response:
    if request.get("staff"):
        raise web.HTTPSeeOther("/")
    minutes = f"{services(request)['settings'].staff.idle_minutes:g}"
    if "ended" in request.query:
        return _login_form(request, message=f"Your session ended (after {minutes} minutes without use, or signed "
                                            "out elsewhere). Please sign in again.", message_class="notice")
    if "signed_out" in request.query:
        return _login_form(request, message="You are signed out.", message_class="notice")
    return _login_form(request)


async def login(request: web.Request) -> web.Response:
    form = await request.post()
    if not _same(form.get("csrf_token"), request.cookies.get(LOGIN_COOKIE)):
        log.warning("sign-in form refused: missing or wrong CSRF token")
        return _login_form(request, 403, "This form had expired. Please sign in again.")
    username = str(form.get("username", ""))[:40]
    result = await blocking(services(request)["accounts"].sign_in, username, str(form.get("password", "")))
    if result.locked_until is not None:
        until = result.locked_until.astimezone(dt.timezone.utc).strftime("%H:%M UTC")
        return _login_form(request, 403, f"This account is locked after too many wrong passwords. Try again after "
                                         f"{until}, or ask an administrator to unlock it.", username=username)
    if not result.ok:
        return _login_form(request, 403, "The username or password is not right.", username=username)
    response = web.HTTPSeeOther("/")
    _set_cookie(request, response, SESSION_COOKIE, result.token)
    _clear_cookie(request, response, LOGIN_COOKIE)
    raise response


async def logout(request: web.Request) -> web.Response:
    await blocking(services(request)["accounts"].sign_out, request["staff"])
    response = web.HTTPSeeOther("/login?signed_out=1")
    _clear_cookie(request, response, SESSION_COOKIE)
    raise response


# --- the queue and one request ------------------------------------------------------


async def queue_page(request: web.Request) -> web.Response:
    casework: Casework = services(request)["casework"]
    filters = {key: request.query.get(key, "")[:40] for key in ("trial", "status", "owner")}
    items = await blocking(casework.queue, filters["trial"] or None, filters["status"] or None,
                           filters["owner"] or None)
    users = await blocking(services(request)["staff"].all)
    message = f"Request {request.query['deleted']} was deleted." if REFERENCE.match(
        request.query.get("deleted", "")) else ""
    return render(
        request, "queue.html", items=items, overdue_count=sum(1 for i in items if i.overdue), filters=filters,
        trials=sorted(services(request)["catalog"].trials), statuses=[(s, LABELS[s]) for s in PIPELINE_ORDER],
        users=[u for u in users if not u.disabled], labels=LABELS, verdicts=VERDICT_LABELS, message=message,
        overdue_days=services(request)["settings"].staff.overdue_working_days,
    )


async def _case_response(request: web.Request, reference: str, status: int = 200, error: str = "",
                         form: Optional[Dict[str, str]] = None, message: str = "") -> web.Response:
    casework: Casework = services(request)["casework"]
    case = await blocking(casework.open, reference, _actor(request))
    if case is None:
        return error_page(request, 404, "No such request", f"There is no contact request {reference}. "
                                                          "It may have been deleted.")
    users = await blocking(services(request)["staff"].all)
    history = await blocking(services(request)["audit"].entries, reference)
    d = case.details
    questions = {qid: q.text_for("self") for qid, q in services(request)["catalog"].questions.items()}
    form = form or {
        "status": "", "reason": "", "owner": case.owner or "", "note": "",
        "next_action_on": case.next_action_on.isoformat() if case.next_action_on else "",
    }
    return render(
        request, "case.html", status=status, case=case, d=d, error=error, message=message, form=form,
        next_statuses=next_statuses(d.status), users=[u for u in users if not u.disabled], labels=LABELS,
        verdicts=VERDICT_LABELS, criterion_labels=CRITERION_LABELS, questions=questions, history=history,
        overdue=casework.pipeline.is_overdue(d.status, d.created_at, casework.clock()),
    )


async def case_page(request: web.Request) -> web.Response:
    message = "Saved." if "saved" in request.query else ""
    return await _case_response(request, _reference(request), message=message)


async def update_case(request: web.Request) -> web.Response:
    reference = _reference(request)
    form = {key: str(request["form"].get(key, "")) for key in ("status", "reason", "owner", "next_action_on", "note")}
    try:
        next_action = dt.date.fromisoformat(form["next_action_on"]) if form["next_action_on"] else None
    except ValueError:
        return await _case_response(request, reference, 400, "The next action date must be a date like 2026-12-31.",
                                    form)
    try:
        changed = await blocking(
            services(request)["casework"].update, reference, _actor(request), status=form["status"] or None,
            reason=form["reason"].strip() or None, owner=form["owner"] or None, next_action_on=next_action,
            note=form["note"],
        )
    except (ValueError, UnknownStaffUser) as problem:
        return await _case_response(request, reference, 400, str(problem), form)
    if changed is None:
        return error_page(request, 404, "No such request", f"There is no contact request {reference}.")
    log.info("request %s updated by %s: %s", reference, _actor(request), ", ".join(changed) or "nothing")
    raise web.HTTPSeeOther(f"/requests/{reference}?saved=1")


async def delete_case(request: web.Request) -> web.Response:
    reference = _reference(request)
    if request["form"].get("confirm") != "yes":
        return await _case_response(request, reference, 400, "Tick the box to confirm the deletion.")
    removed = await blocking(services(request)["casework"].delete, reference, _actor(request))
    if not removed:
        return error_page(request, 404, "No such request", f"There is no contact request {reference}.")
    log.info("request %s deleted by %s", reference, _actor(request))
    raise web.HTTPSeeOther(f"/?deleted={reference}")


async def export(request: web.Request) -> web.Response:
    form = request["form"]
    filters = [str(form.get(key, ""))[:40] or None for key in ("trial", "status", "owner")]
    text = await blocking(services(request)["casework"].export_csv, _actor(request), *filters)
    log.info("requests exported by %s", _actor(request))
    day = services(request)["casework"].today().isoformat()
    return web.Response(text=text, content_type="text/csv", charset="utf-8", headers={
        "Content-Disposition": f'attachment; filename="contact-requests-{day}.csv"'})


# --- audit, funnel, users ----------------------------------------------------------------


async def audit_page(request: web.Request) -> web.Response:
    entries = await blocking(services(request)["audit"].entries)
    return render(request, "audit.html", entries=entries)


async def funnel_page(request: web.Request) -> web.Response:
    report = build_report(await blocking(services(request)["funnel"].counts))
    trials = []
    for trial in services(request)["catalog"].trials.values():
        tid = trial.registry_id
        weeks = sorted(report.by_trial.get(tid, {}).items())
        total = report.totals(tid)
        excluded = sorted(total.excluded_by.items(), key=lambda pair: (-pair[1], pair[0]))
        labels = [week for week, _ in weeks]
        trials.append({
            "id": tid, "title": trial.title, "weeks": weeks, "excluded": excluded,
            "charts": [
                weekly_bars(f"weekly-{tid}", "Screenings started, finished and handed off, per week", labels, {
                    "Started": [w.started for _, w in weeks],
                    "Finished": [w.finished for _, w in weeks],
                    "Handed off": [w.handed_off for _, w in weeks],
                }),
                horizontal_bars(f"verdicts-{tid}", "Results of finished screenings (all weeks)",
                                [(VERDICT_LABELS[v], total.verdicts.get(v, 0)) for v in VERDICTS]),
                horizontal_bars(f"excluded-chart-{tid}", "People each criterion excluded (all weeks)", excluded),
                horizontal_bars(f"states-{tid}", "Follow-up states reached (all weeks)",
                                [(LABELS[s], total.states.get(s, 0)) for s in PIPELINE_ORDER
                                 if s not in ("new", "notified")]),
            ],
        })
    return render(request, "funnel.html", trials=trials)


async def funnel_download(request: web.Request) -> web.Response:
    report = build_report(await blocking(services(request)["funnel"].counts))
    return web.Response(text=funnel_csv(report), content_type="text/csv", charset="utf-8", headers={
        "Content-Disposition": 'attachment; filename="funnel.csv"'})


async def _users_response(request: web.Request, status: int = 200, error: str = "", message: str = ""):
    users = await blocking(services(request)["staff"].all)
    return render(request, "users.html", status=status, users=users, error=error, message=message,
                  now=services(request)["casework"].clock())


@require_admin
async def users_page(request: web.Request) -> web.Response:
    return await _users_response(request)


@require_admin
async def add_user(request: web.Request) -> web.Response:
    form = request["form"]
    try:
        username = await blocking(
            services(request)["accounts"].add_user, str(form.get("username", "")), str(form.get("display_name", "")),
            str(form.get("password", "")), form.get("is_admin") == "yes",
        )
    except (AccountError, UsernameTaken) as problem:
        return await _users_response(request, 400, error=str(problem))
    await blocking(services(request)["audit"].record, services(request)["casework"].clock(), _actor(request),
                   "user_added", None, f"user {username}")
    return await _users_response(request, message=f"User {username} added.")


@require_admin
async def unlock_user(request: web.Request) -> web.Response:
    username = request.match_info["username"][:40]
    if not await blocking(services(request)["staff"].change, username, unlock=True):
        return await _users_response(request, 404, error=f"There is no user called {username}.")
    await blocking(services(request)["audit"].record, services(request)["casework"].clock(), _actor(request),
                   "user_unlocked", None, f"user {username}")
    return await _users_response(request, message=f"User {username} unlocked.")
