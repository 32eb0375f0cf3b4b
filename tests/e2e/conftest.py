"""Fixtures for conversations with the real servers on loopback."""

from __future__ import annotations

import json
import uuid
from pathlib import Path
from typing import Iterator, List, Mapping, Optional, Tuple

import pytest

from tests.e2e.servers import Servers, send_message, start_servers


@pytest.fixture(scope="session")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    running = start_servers(Path(tmp_path_factory.mktemp("servers")))
    yield running
    running.stop()


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
