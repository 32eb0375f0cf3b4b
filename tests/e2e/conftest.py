"""Fixtures for conversations with the real servers on loopback: a migrated
database and an SMTP server of their own, in a temporary folder."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
import uuid
from email import message_from_bytes
from email.message import Message
from pathlib import Path
from typing import Iterator, List, Mapping, Optional, Tuple

import pytest
from aiosmtpd.controller import Controller

from tests.e2e.servers import PROJECT_ROOT, Servers, free_port, send_message, start_servers

STUDY_TEAM_EMAILS = {"NCT06839066": "npc-team@example.com", "NCT06561607": "breast-team@example.com"}


class Mailbox:
    """An SMTP server's handler that keeps every message it receives."""

    def __init__(self):
        self.messages: List[Message] = []
        self._lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        with self._lock:
            self.messages.append(message_from_bytes(envelope.content))
        return "250 Message accepted for delivery"

    def about(self, reference: str) -> List[Message]:
        with self._lock:
            return [m for m in self.messages if reference in m["Subject"] or reference in body(m)]


def body(message: Message) -> str:
    """The decoded text of a plain-text e-mail."""
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


class SmtpServer:
    def __init__(self, port: int):
        self.port = port
        self.mailbox = Mailbox()
        self.controller: Optional[Controller] = None

    def start(self) -> None:
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture(scope="session")
def smtp_server() -> Iterator[SmtpServer]:
    server = SmtpServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def app_env(tmp_path_factory: pytest.TempPathFactory, smtp_server: SmtpServer) -> Mapping[str, str]:
    """Settings for the action server and the staff tools: a fresh, migrated database."""
    database = tmp_path_factory.mktemp("database") / "prescreen.db"
    env = {
        "DATABASE_URL": f"sqlite:///{database}",
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": str(smtp_server.port),
        "SMTP_SENDER": "prescreening@example.com",
        **{f"STUDY_TEAM_EMAIL_{trial}": address for trial, address in STUDY_TEAM_EMAILS.items()},
    }
    run_module("bot.storage.migrate", env=env)
    return env


def run_module(module: str, *args: str, env: Mapping[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, "-m", module, *args], cwd=PROJECT_ROOT, env={**os.environ, **env},
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


class QuietFileHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest's output readable
        pass


class OtherSite:
    """A trial's own web site on another origin, for the embed snippet (its pages are written by tests)."""

    def __init__(self, root: Path):
        self.root = root
        handler = functools.partial(QuietFileHandler, directory=str(root))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def other_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OtherSite]:
    site = OtherSite(tmp_path_factory.mktemp("other-site"))
    yield site
    site.stop()


@pytest.fixture(scope="session")
def servers(
    tmp_path_factory: pytest.TempPathFactory, app_env: Mapping[str, str], other_site: OtherSite
) -> Iterator[Servers]:
    running = start_servers(
        Path(tmp_path_factory.mktemp("servers")), extra_env=dict(app_env), cors_origin=other_site.origin
    )
    yield running
    running.stop()


def conversation_events(servers: Servers, sender: str) -> List[dict]:
    """The events the tracker store keeps for one conversation (from its SQLite file)."""
    import sqlite3

    with sqlite3.connect(servers.tracker_db) as connection:
        rows = connection.execute("SELECT data FROM events WHERE sender_id = ? ORDER BY id", (sender,)).fetchall()
    return [json.loads(data) for (data,) in rows]


def button(value: str) -> str:
    """What an answer button sends."""
    return json.dumps({"answer": value}).join(["/inform", ""])


class Chat:
    """One person's conversation over the REST channel."""

    def __init__(self, rasa_url: str):
        self.rasa_url = rasa_url
        self.sender = uuid.uuid4().hex
        self.replies: List[dict] = []

    def say(self, text: str) -> "Chat":
        self.replies = send_message(self.rasa_url, self.sender, text)
        return self

    @property
    def text(self) -> str:
        return "\n".join(reply["text"] for reply in self.replies if reply.get("text"))

    @property
    def button_titles(self) -> List[str]:
        return [b["title"] for reply in self.replies for b in reply.get("buttons") or []]

    def custom(self, key: str) -> Optional[dict]:
        for reply in reversed(self.replies):
            if key in (reply.get("custom") or {}):
                return reply["custom"]
        return None

    @property
    def question_id(self) -> Optional[str]:
        payload = self.custom("question_id")
        return payload["question_id"] if payload else None

    @property
    def result(self) -> Optional[dict]:
        """The verdict payload sent with an exclusion or a summary."""
        return self.custom("verdict")

    def start(self, voice: str, trial: str) -> "Chat":
        """Say hello, choose a voice ("self"/"caregiver") and a trial ("npc"/"breast")."""
        self.say("hi")
        assert "Are you answering for yourself" in self.text
        self.say("/self_voice" if voice == "self" else "/caregiver_voice")
        assert "Which condition" in self.text
        return self.say(f"/choose_{trial}")

    def answer_all(self, profile: Mapping[str, str]) -> Tuple[List[str], Optional[dict]]:
        """Answer every question from ``profile`` (question id -> what to send) until a result comes.

        A question the profile does not cover fails the test: the profile must
        match the questions the assistant really asks."""
        asked: List[str] = []
        while self.result is None:
            question_id = self.question_id
            assert question_id is not None, f"no question and no result; the bot said: {self.text!r}"
            assert question_id in profile, f"unexpected question {question_id}; asked so far {asked}"
            assert len(asked) < 60, "too many questions"
            asked.append(question_id)
            self.say(profile[question_id])
        return asked, self.result


@pytest.fixture
def chat(servers: Servers) -> Chat:
    return Chat(servers.rasa_url)
