"""The doors, tried as an attacker and a careless client would, against live servers
on loopback with the limits a clinic would run (issue 13).

Own servers, own database and own logs, so the files and logs searched hold only
what these tests typed. Expected values are written by hand.
"""

from __future__ import annotations

import http.client
import json
import os
import secrets
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path
from typing import Dict, Iterator, List, Mapping, Optional, Tuple

import pytest

from tests.e2e.conftest import Chat, SmtpServer, run_module
from tests.e2e.servers import PROJECT_ROOT, RASA, Servers, free_port, start_servers
from tests.e2e.test_conversations import NPC_BUTTONS

# What a person types in the hand-off: searched for afterwards in every file and log.
FIRST, LAST = "Quillon", "Vexbridge"
EMAIL = "quillon.vexbridge@example.net"
PHONE_TYPED, PHONE_STORED = "+44 20 7946 0321", "+442079460321"
LANGUAGE = "Vexlandic"  # the language the study team should speak, typed: a detail like the others
SECRETS = (FIRST, LAST, "quillon.vexbridge", "7946 0321", "79460321", LANGUAGE)

SERVICE_DOWN = "Your answers so far are safe. Please try again in a few minutes."
RATE_LIMITED = "You are sending messages faster than I can answer. Please wait a minute, then try again."
PER_CONVERSATION = 60
PER_CLIENT = 600
SLOW_SECONDS = 2.0
MAX_REQUEST_BYTES = 1024 * 1024  # widget/guard.py; bigger bodies are refused by their length


# --- servers and clients -----------------------------------------------------------------


@pytest.fixture(scope="module")
def guarded_env(tmp_path_factory: pytest.TempPathFactory, smtp_server: SmtpServer) -> Dict[str, str]:
    folder = tmp_path_factory.mktemp("security-db")
    env = {
        "DATABASE_URL": f"sqlite:///{folder / 'prescreen.db'}",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        "STUDY_TEAM_EMAIL_NCT06839066": "npc-team@example.com",
        "RATE_LIMIT_PER_CLIENT": str(PER_CLIENT),
        "RATE_LIMIT_PER_CONVERSATION": str(PER_CONVERSATION),
    }
    run_module("bot.storage.migrate", env=env)
    return env


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory, guarded_env: Dict[str, str]) -> Iterator[Servers]:
    running = start_servers(Path(tmp_path_factory.mktemp("security-servers")), extra_env=guarded_env)
    yield running
    running.stop()


def app_db(env: Mapping[str, str]) -> Path:
    return Path(env["DATABASE_URL"].removeprefix("sqlite:///"))


def count(env: Mapping[str, str], table: str) -> int:
    with sqlite3.connect(app_db(env)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608


def call(url: str, body: Optional[bytes] = None, method: Optional[str] = None,
         headers: Optional[Mapping[str, str]] = None, timeout: float = 60) -> Tuple[int, bytes, float]:
    """Status, body and seconds taken; never raises for an HTTP error status."""
    request = urllib.request.Request(url, data=body, method=method or ("POST" if body is not None else "GET"),
                                     headers={"Content-Type": "application/json", **(headers or {})})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as reply:
            return reply.status, reply.read(), time.monotonic() - started
    except urllib.error.HTTPError as error:
        return error.code, error.read(), time.monotonic() - started


def oversized(url: str, body: bytes) -> Tuple[int, bytes, float]:
    """Offer a body too large for the server (``Expect: 100-continue``) and read its refusal.

    A server that refuses a body by its length answers before reading it, then
    closes the connection; a client still writing 10 MB would only see the reset."""
    parsed = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parsed.hostname, parsed.port, timeout=30)
    started = time.monotonic()
    connection.putrequest("POST", parsed.path + (f"?{parsed.query}" if parsed.query else ""))
    for name, value in (("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                        ("Expect", "100-continue")):
        connection.putheader(name, value)
    connection.endheaders()
    reply = connection.getresponse()
    raw = reply.read()
    connection.close()
    return reply.status, raw, time.monotonic() - started


def post_json(url: str, payload) -> Tuple[int, object]:
    status, raw, _ = call(url, json.dumps(payload).encode())
    return status, json.loads(raw)


class WidgetChat(Chat):
    """One person's conversation through the widget's route, as the browser sends it."""

    def __init__(self, rasa_url: str):
        super().__init__(rasa_url)
        self.sender = secrets.token_hex(16)

    def say(self, text: str, shown: Optional[str] = None) -> "WidgetChat":
        status, reply = post_json(f"{self.rasa_url}/widget/message", {
            "conversation_id": self.sender, "message": text, "shown": text if shown is None else shown,
            "message_id": uuid.uuid4().hex,
        })
        assert status == 200, reply
        self.replies = reply["messages"]
        return self


def stored_files(servers: Servers, env: Mapping[str, str]) -> bytes:
    """Every byte of both databases, journals and write-ahead logs included."""
    paths = [*servers.tracker_db.parent.glob("conversations.db*"), *app_db(env).parent.glob("prescreen.db*")]
    return b"".join(path.read_bytes() for path in paths)


def all_logs(servers: Servers) -> str:
    return "".join(path.read_text(errors="replace") for path in servers.logs.values())


def hand_off(chat: Chat, first: str = FIRST, last: str = LAST, email: str = EMAIL, phone: str = PHONE_TYPED,
             on_read_back=None, language: str = LANGUAGE) -> str:
    chat.start("self", "npc")
    chat.answer_all(NPC_BUTTONS)
    chat.say("/request_contact").say("yes").say("yes")
    chat.say(first).say(last).say(email).say(phone).say(language).say("skip").say("evenings").say("yes")
    assert f"- Email: {email}" in chat.text  # the read-back
    if on_read_back is not None:
        on_read_back()
    chat.say("/affirm")
    assert "The study team will contact you" in chat.text, chat.text
    return chat.custom("reference")["reference"]


# --- forged calls ---------------------------------------------------------------------------


def test_forged_action_calls_are_refused_and_change_nothing(guarded: Servers, guarded_env):
    victim = WidgetChat(guarded.rasa_url)
    hand_off(victim, "Maren", "Oakhurst", "maren.oakhurst@example.net", "+44 20 7946 0777", language="Welsh")
    before = (count(guarded_env, "contact_requests"), count(guarded_env, "screenings"))
    assert before == (1, 1)
    forged = json.dumps({
        "next_action": "action_delete_my_data", "sender_id": victim.sender, "version": "3.6.21",
        "tracker": {"sender_id": victim.sender, "slots": {}, "latest_message": {}, "events": []}, "domain": {},
    }).encode()
    for query in ("", "?token=", "?token=not-the-secret", f"?token={'0' * 64}"):
        status, raw, _ = call(f"{guarded.action_url}/webhook{query}", forged)
        assert status == 401, raw
        assert json.loads(raw)["error"] in ("Refused: no token.", "Refused: wrong token.")
    status, _, _ = call(f"{guarded.action_url}/actions")
    assert status == 401  # not even the list of actions

    # From the REST side: another conversation's id, with a deletion or a new contact request.
    for text in ("/delete_data", "please delete my data", "/request_contact"):
        status, reply = post_json(f"{guarded.rasa_url}/webhooks/rest/webhook", {"sender": victim.sender, "message": text})
        assert (status, reply) == (403, {"error": "Refused: this conversation belongs to another chat."})
    # Nor the reverse: the widget's route cannot drive or read a REST conversation.
    rest_chat = Chat(guarded.rasa_url).say("hi")
    status, reply = post_json(f"{guarded.rasa_url}/widget/message", {
        "conversation_id": rest_chat.sender, "message": "/delete_data", "shown": "", "message_id": "m-1"})
    assert (status, reply) == (403, {"error": "Refused: this conversation belongs to another chat."})
    assert call(f"{guarded.rasa_url}/widget/history/{rest_chat.sender}")[0] == 403
    assert (count(guarded_env, "contact_requests"), count(guarded_env, "screenings")) == before
    logs = all_logs(guarded)
    assert "action call refused: no token" in logs and "action call refused: wrong token" in logs
    assert "not-the-secret" not in logs  # refusals are logged by reason, never by content


def test_the_action_server_does_not_start_without_its_secret():
    result = subprocess.run(
        [RASA, "run", "actions", "--actions", "actions", "--port", str(free_port())], cwd=PROJECT_ROOT,
        env={**os.environ, "ACTION_SERVER_TOKEN": "", "RASA_TELEMETRY_ENABLED": "false"},
        capture_output=True, text=True, timeout=180,
    )
    assert result.returncode != 0
    assert "ACTION_SERVER_TOKEN is not set" in result.stdout + result.stderr


def test_the_action_server_listens_on_loopback_only(guarded: Servers):
    port = int(guarded.action_url.rsplit(":", 1)[1])
    with open("/proc/net/tcp") as table:
        listening = [line.split()[1] for line in table.readlines()[1:] if line.split()[3] == "0A"]
    addresses = {address for address in listening if int(address.split(":")[1], 16) == port}
    assert addresses == {"0100007F:" + format(port, "04X")}  # 127.0.0.1, not 0.0.0.0


# --- hostile input ---------------------------------------------------------------------------

MARKUP = [
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "javascript:alert(1)", "'; DROP TABLE events;--",
    "{{7*7}}", "${jndi:ldap://example.com/a}", "\u202egnp.exe", "😀" * 50, "%00%0d%0a", "<svg onload=alert(1)>",
]
CONTROL = ["\x00", "\x1b[31mred\x1b[0m", "a\r\nSet-Cookie: x=1", "\x07\x08\x0b\x0c", "\ud7ff\ufffe"]
SLASH = ["/restart", "/back", "/session_start", "/help", "/", "//", "/ greet", "/inform{\"answer\": \"<script>\"}",
         "/affirm{\"email\": \"x@example.com\"}", "/action_delete_my_data"]
NOT_OBJECTS = [b"[]", b"\"text\"", b"1", b"null", b"true", b"", b"{", b"nan", b"{\"a\": }", b"\xff\xfe\xfd"]


def widget_body(**fields) -> bytes:
    body = {"conversation_id": secrets.token_hex(16), "message": "hi", "shown": "hi", "message_id": "m-1"}
    body.update(fields)
    return json.dumps({k: v for k, v in body.items() if v is not ...}).encode()


def rest_body(**fields) -> bytes:
    body = {"sender": uuid.uuid4().hex[:20], "message": "hi"}
    body.update(fields)
    return json.dumps({k: v for k, v in body.items() if v is not ...}).encode()


def hostile_cases() -> List[Tuple[str, str, Optional[bytes], Dict[str, str]]]:
    """(method, path, body, headers): at least 150 of them over every route."""
    cases = []
    post_routes = (("/widget/message", widget_body, "message"), ("/webhooks/rest/webhook", rest_body, "message"))
    for path, make, field in post_routes:
        for size in (70_000, 1_000_001, 5_000_000, 10_000_000):
            cases.append(("POST", path, make(**{field: "x" * size}), {}))
        cases.append(("POST", path, make(**{field: "y" * 10_001}), {}))
        for text in MARKUP + CONTROL + SLASH:
            cases.append(("POST", path, make(**{field: text}), {}))
        for value in (1, 2.5, [], {}, None, True, "", "   "):
            cases.append(("POST", path, make(**{field: value}), {}))
        cases.append(("POST", path, make(**{field: ...}), {}))
        for raw in NOT_OBJECTS:
            cases.append(("POST", path, raw, {}))
        cases.append(("POST", path, b'{"message": "\xff\xfe"}', {}))
        cases.append(("POST", path, make(), {"Content-Type": "text/plain"}))
        cases.append(("POST", path, b"message=hi&sender=x", {"Content-Type": "application/x-www-form-urlencoded"}))
        for method in ("GET", "PUT", "DELETE"):
            cases.append((method, path, None, {}))
    for value in ("", " ", 1, [], None, "../../etc/passwd", "a" * 65, "..", "a/b", "x\x00y", "<b>x</b>", ...):
        cases.append(("POST", "/webhooks/rest/webhook", rest_body(sender=value), {}))
    for value in ("", "ABCDEF" * 6, "a" * 31, "a" * 33, "../" * 11, 12345, None, [], "%2e%2e%2f" * 4, ...):
        cases.append(("POST", "/widget/message", widget_body(conversation_id=value), {}))
    for value in ("", "a" * 65, "a/b", 1, None, ...):
        cases.append(("POST", "/widget/message", widget_body(message_id=value), {}))
    for value in (1, [], {}, "z" * 10_001, "<script>alert(1)</script>"):
        cases.append(("POST", "/widget/message", widget_body(shown=value), {}))
    for path in ("/widget/history/..%2F..%2Fetc%2Fpasswd", "/widget/history/" + "a" * 33, "/widget/history/%00",
                 "/widget/history/' or 1=1--", "/widget/history/", "/widget/history/ABCDEF0123456789ABCDEF0123456789",
                 "/widget/../../etc/passwd", "/widget/%2e%2e/%2e%2e/etc/passwd", "/widget/widget.js/../../credentials.yml",
                 "/webhooks/rest/../../endpoints.yml", "/widget/static/../channel.py", "/widget/.env", "/.env",
                 "/var/conversations.db", "/webhooks/rest/", "/widget/health", "/widget/widget.js", "/widget/page.css",
                 "/", "/favicon.ico", "/conversations/x/tracker", "/model/parse", "/status", "/webhooks/widget/message"):
        cases.append(("GET", path, None, {}))
    cases.append(("GET", "/widget/health", None, {"X-Long": "h" * 20_000}))
    cases.append(("POST", "/model/parse", b'{"text": "hi"}', {}))
    return cases


def _one_plain_line(raw: bytes) -> Optional[str]:
    try:
        body = json.loads(raw)
    except ValueError:
        return None
    if not (isinstance(body, dict) and set(body) == {"error"} and isinstance(body["error"], str)):
        return None
    line = body["error"]
    return line if "\n" not in line and 0 < len(line) <= 200 else None


class Probe:
    """Another person's conversation taking turns all along, timed."""

    def __init__(self, rasa_url: str):
        self.chat = Chat(rasa_url)
        self.times: List[float] = []
        self.failures: List[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        self.chat.start("self", "npc")
        while not self._stop.is_set():
            started = time.monotonic()
            try:
                self.chat.say("why are you asking this?")
            except Exception as error:  # noqa: BLE001 - recorded and asserted by the test
                self.failures.append(type(error).__name__)
            self.times.append(time.monotonic() - started)
            time.sleep(0.3)

    def __enter__(self) -> "Probe":
        self._thread.start()
        return self

    def __exit__(self, *_) -> None:
        self._stop.set()
        self._thread.join(timeout=30)


def test_hostile_input_corpus_gets_plain_refusals_and_stalls_no_one(guarded: Servers):
    cases = hostile_cases()
    assert len(cases) >= 150
    results = []
    with Probe(guarded.rasa_url) as probe:
        time.sleep(1.0)
        for method, path, body, headers in cases:
            url = guarded.rasa_url + path.replace(" ", "%20")
            try:
                if body is not None and len(body) > MAX_REQUEST_BYTES:
                    status, raw, _ = oversized(url, body)
                else:
                    status, raw, _ = call(url, body, method, headers)
            except (urllib.error.URLError, ConnectionError) as error:
                status, raw = -1, type(error).__name__.encode()  # the server dropped the connection
            results.append((method, path, body, status, raw))
        for body in (b"x" * 9_000_000, b"x" * 70_000, b"[]", b"\xff"):  # straight to the action server
            send = oversized if len(body) > 8 * 1024 * 1024 else call
            status, raw, _ = send(guarded.action_url + "/webhook?token=x", body)
            results.append(("POST", "actions/webhook", body, status, raw))
    server_errors = [(m, p, s) for m, p, _, s, _ in results if s >= 500 or s < 0]
    assert server_errors == []
    for method, path, body, status, raw in results:
        if status >= 400:
            line = _one_plain_line(raw)
            assert line is not None, (method, path, status, raw[:200])
            assert "<" not in line and "got '" not in line
        elif path == "/widget/message":
            bubbles = json.loads(raw)["messages"]
            assert bubbles, (path, body[:100])  # never silence
            for bubble in bubbles:
                assert "<script>" not in bubble["text"] and "got '" not in bubble["text"], bubble
        elif path == "/webhooks/rest/webhook":
            replies = json.loads(raw)
            assert [reply.get("text") for reply in replies if reply.get("text")], (path, body[:100])  # never silence
            for reply in replies:
                assert "<script>" not in (reply.get("text") or "") and "got '" not in (reply.get("text") or "")
    assert probe.failures == [] and probe.times, probe.failures
    assert max(probe.times) < SLOW_SECONDS, sorted(probe.times)[-5:]
    for url in (f"{guarded.rasa_url}/widget/health", f"{guarded.action_url}/health"):
        assert call(url)[0] == 200
    assert all(process.poll() is None for process in guarded.processes)
    # Some refusals, by hand: a typed slash command in the widget, and an empty sender.
    chat = WidgetChat(guarded.rasa_url)
    chat.say("hi")
    assert "Are you answering for yourself" in chat.text
    chat.say("/restart")
    assert chat.text.startswith("Sorry, commands that start with \"/\" do not work here.")
    chat.say("/help")
    assert "At any time you can say" in chat.text
    chat.say("/self_voice", shown="For myself")  # a button the assistant offered still works
    assert "Which condition" in chat.text
    assert post_json(f"{guarded.rasa_url}/webhooks/rest/webhook", {"message": "hi"})[0] == 400
    assert post_json(f"{guarded.rasa_url}/webhooks/rest/webhook", {"sender": "", "message": "hi"})[0] == 400


# --- contact details after the hand-off and after a deletion -------------------------------------


def test_no_contact_detail_is_kept_in_the_conversation_store_history_or_logs(guarded: Servers, guarded_env):
    chat = WidgetChat(guarded.rasa_url)

    def nothing_readable_while_the_form_is_open() -> None:
        files = b"".join(p.read_bytes() for p in guarded.tracker_db.parent.glob("conversations.db*"))
        assert [secret for secret in SECRETS if secret.encode() in files] == []

    reference = hand_off(chat, on_read_back=nothing_readable_while_the_form_is_open)
    with sqlite3.connect(app_db(guarded_env)) as connection:
        row = connection.execute("SELECT first_name, email, phone FROM contact_requests WHERE reference = ?",
                                 (reference,)).fetchone()
    assert row == (FIRST, EMAIL, PHONE_STORED)  # kept where it belongs: the contact request

    status, raw, _ = call(f"{guarded.rasa_url}/widget/history/{chat.sender}")
    assert status == 200 and "[contact detail]" in raw.decode()
    with sqlite3.connect(guarded.tracker_db) as connection:
        events = "".join(data for (data,) in connection.execute("SELECT data FROM events"))
    conversation_files = b"".join(p.read_bytes() for p in guarded.tracker_db.parent.glob("conversations.db*"))
    for secret in SECRETS:
        assert secret not in raw.decode(), secret
        assert secret not in events, secret
        assert secret.encode() not in conversation_files, secret
        assert secret not in all_logs(guarded), secret
    for path in guarded.tracker_db.parent.glob("conversations.db*"):
        assert path.stat().st_mode & 0o777 == 0o600, path

    chat.say("/delete_data", shown="Delete my data")
    assert "I have deleted your answers and any contact request" in chat.text
    everything = stored_files(guarded, guarded_env)
    for secret in SECRETS:
        assert secret.encode() not in everything, secret
        assert secret not in all_logs(guarded), secret
    history = call(f"{guarded.rasa_url}/widget/history/{chat.sender}")[1].decode()
    assert [secret for secret in SECRETS if secret in history] == []
    assert "Are you answering for yourself" not in history  # the whole conversation is forgotten


def test_stop_in_the_contact_form_keeps_no_detail(guarded: Servers):
    chat = Chat(guarded.rasa_url)
    chat.start("self", "npc")
    chat.answer_all(NPC_BUTTONS)
    chat.say("/request_contact").say("yes").say("yes").say("Ysolde").say("Brannigax").say("ysolde.b@example.net")
    chat.say("/stop")
    assert "I have not kept your answers" in chat.text
    with sqlite3.connect(guarded.tracker_db) as connection:
        events = "".join(data for (data,) in connection.execute("SELECT data FROM events WHERE sender_id = ?",
                                                               (chat.sender,)))
    for secret in ("Ysolde", "Brannigax", "ysolde.b"):
        assert secret not in events and secret not in all_logs(guarded)


# --- parts down ------------------------------------------------------------------------------------


def test_action_server_down_mid_screening_then_back(guarded: Servers):
    reference = Chat(guarded.rasa_url).start("self", "npc")
    reference.say(NPC_BUTTONS["npc_recurrent_metastatic"]).say(NPC_BUTTONS["age"])
    expected_next = reference.say(NPC_BUTTONS["chemo_lines"]).question_id

    chat = Chat(guarded.rasa_url).start("self", "npc")
    chat.say(NPC_BUTTONS["npc_recurrent_metastatic"]).say(NPC_BUTTONS["age"])
    assert chat.question_id == "chemo_lines"
    widget = WidgetChat(guarded.rasa_url)
    widget.say("hi")
    guarded.stop_actions()
    try:
        chat.say(NPC_BUTTONS["chemo_lines"])
        assert SERVICE_DOWN in chat.text
        widget.say("/self_voice", shown="For myself")
        assert SERVICE_DOWN in widget.text
    finally:
        guarded.start_actions()
    chat.say(NPC_BUTTONS["chemo_lines"])
    assert chat.question_id == expected_next
    assert chat.custom("question_id")["number"] == 4  # nothing given before was lost
    widget.say("/self_voice", shown="For myself")
    assert "Which condition" in widget.text


def test_a_locked_database_does_not_slow_another_conversation(guarded: Servers, guarded_env):
    other = Chat(guarded.rasa_url).start("self", "npc")
    normal = []
    for _ in range(4):
        started = time.monotonic()
        other.say("why are you asking this?")
        normal.append(time.monotonic() - started)

    blocked = Chat(guarded.rasa_url).start("self", "npc")
    lock = sqlite3.connect(app_db(guarded_env), isolation_level=None)
    lock.execute("BEGIN EXCLUSIVE")  # as a long staff export or a stuck writer would
    waiting = threading.Thread(target=lambda: blocked.say("please delete my data"), daemon=True)
    try:
        waiting.start()
        time.sleep(1.0)  # the deletion is now waiting for the database
        assert waiting.is_alive()
        during = []
        for _ in range(4):
            started = time.monotonic()
            other.say("why are you asking this?")
            during.append(time.monotonic() - started)
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    waiting.join(timeout=60)
    assert max(during) < max(1.0, 5 * max(normal)), (normal, during)
    assert "deleted" in blocked.text or "Sorry, something went wrong on my side" in blocked.text


def test_a_database_down_at_the_hand_off_loses_nothing(guarded: Servers, guarded_env):
    chat = Chat(guarded.rasa_url)
    email = "orla.penhallow@example.net"
    before = count(guarded_env, "contact_requests")
    lock = sqlite3.connect(app_db(guarded_env), isolation_level=None)
    try:
        def lock_the_database() -> None:
            lock.execute("BEGIN EXCLUSIVE")  # held past the 15 s a writer waits

        with pytest.raises(AssertionError):  # hand_off expects the saved message, which cannot come
            hand_off(chat, "Orla", "Penhallow", email, "+44 20 7946 0999", on_read_back=lock_the_database,
                     language="Welsh")
        assert "Sorry, I could not save your details just now. Nothing you typed is lost." in chat.text
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    assert count(guarded_env, "contact_requests") == before
    chat.say("contact the study team")
    assert f"- Email: {email}" in chat.text  # every detail is still there: only "yes" is asked again
    chat.say("/affirm")
    assert "The study team will contact you" in chat.text
    assert count(guarded_env, "contact_requests") == before + 1


# --- rate limits (last: they use up this client's allowance) -------------------------------------------


def test_one_conversation_sending_too_fast_is_told_to_wait(guarded: Servers):
    sender = uuid.uuid4().hex[:16]
    statuses = []
    for _ in range(PER_CONVERSATION + 2):
        status, reply = post_json(f"{guarded.rasa_url}/webhooks/rest/webhook", {"sender": sender, "message": "hello"})
        statuses.append(status)
    assert statuses[:PER_CONVERSATION] == [200] * PER_CONVERSATION
    assert statuses[PER_CONVERSATION:] == [429, 429]
    assert reply == {"error": RATE_LIMITED}
    # Another conversation is not held up by it.
    assert post_json(f"{guarded.rasa_url}/webhooks/rest/webhook", {"sender": sender + "x", "message": "hi"})[0] == 200


def test_one_client_flooding_is_told_to_wait(guarded: Servers):
    limited = None
    for attempt in range(PER_CLIENT + 10):
        status, raw, _ = call(f"{guarded.rasa_url}/widget/message", b"[]")
        if status == 429:
            limited = (attempt, json.loads(raw))
            break
        assert status == 400
    assert limited is not None and limited[1] == {"error": RATE_LIMITED}
