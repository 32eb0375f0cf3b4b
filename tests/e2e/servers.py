"""Start the action server and the Rasa server on free loopback ports, and stop them.

Used by the end-to-end tests and by the benchmark. Each server's output goes to
a log file so that a failure can be read afterwards (and so the privacy tests
can check what was logged).
"""

from __future__ import annotations

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parents[2]
RASA = str(Path(sys.executable).with_name("rasa"))
# The Rasa server runs through scripts/rasa_cli.py (Rasa's CLI with a performance fix).
RASA_SERVER = [sys.executable, str(PROJECT_ROOT / "scripts" / "rasa_cli.py")]
START_TIMEOUT_SECONDS = 240
TEST_LIMITS = {
    "RATE_LIMIT_PER_CLIENT": "100000", "RATE_LIMIT_PER_CONVERSATION": "1000", "RASA_TELEMETRY_ENABLED": "false",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def latest_model(models_dir: Path = PROJECT_ROOT / "models") -> Optional[Path]:
    models = sorted(models_dir.glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def ensure_model() -> Path:
    """Train when no model exists; Rasa reuses a model whose inputs did not change."""
    model = latest_model()
    if model is None:
        subprocess.run([RASA, "train", "--num-threads", "2"], cwd=PROJECT_ROOT, check=True)
        model = latest_model()
    assert model is not None, "training produced no model"
    return model


def _wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early; see {log}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.5)
    raise RuntimeError(f"server did not answer {url} within {START_TIMEOUT_SECONDS} s; see {log}")


@dataclass
class Servers:
    rasa_url: str
    action_url: str
    logs: Dict[str, Path]
    processes: List[subprocess.Popen] = field(default_factory=list)
    commands: Dict[str, List[str]] = field(default_factory=dict)
    env: Dict[str, str] = field(default_factory=dict)
    tracker_db: Optional[Path] = None

    def _start(self, name: str) -> subprocess.Popen:
        return subprocess.Popen(
            self.commands[name], cwd=PROJECT_ROOT, env=self.env, stdout=self.logs[name].open("a"),
            stderr=subprocess.STDOUT, start_new_session=True,
        )

    def restart_rasa(self) -> None:
        """Stop the Rasa server and start it again (the action server keeps running)."""
        old = self.processes[1]
        os.killpg(old.pid, signal.SIGTERM)
        old.wait(timeout=30)
        self.processes[1] = self._start("rasa")
        _wait_for(f"{self.rasa_url}/", self.processes[1], self.logs["rasa"])

    def stop_actions(self) -> None:
        """Stop the action server (the Rasa server keeps running)."""
        old = self.processes[0]
        os.killpg(old.pid, signal.SIGTERM)
        old.wait(timeout=30)

    def start_actions(self) -> None:
        self.processes[0] = self._start("actions")
        _wait_for(f"{self.action_url}/health", self.processes[0], self.logs["actions"])

    def stop(self) -> None:
        for process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


TRACKER_STORE = "actions.cached_tracker_store.CachedSQLTrackerStore"


def start_servers(
    work_dir: Path, extra_env: Optional[Dict[str, str]] = None, cors_origin: Optional[str] = None,
    tracker_store: str = TRACKER_STORE,
) -> Servers:
    """Start both servers; the caller must call ``stop()``.

    ``cors_origin``: another site allowed to embed the widget (rasa run --cors);
    ``tracker_store``: the class Rasa keeps conversations with (the benchmark compares two)."""
    model = ensure_model()
    action_port, rasa_port = free_port(), free_port()
    endpoints = work_dir / "endpoints.yml"
    endpoints.write_text(
        f'action_endpoint:\n  url: "http://127.0.0.1:{action_port}/webhook"\n'
        f"tracker_store:\n  type: {tracker_store}\n"
        f'  dialect: "sqlite"\n  db: "{work_dir / "conversations.db"}"\n'
    )
    # A fresh secret for each pair of servers; the Rasa server sends it (actions/action_token.py).
    # The conversation tests send many messages from one address: their limits are only a backstop.
    env = {
        **os.environ, **TEST_LIMITS, "ACTION_SERVER_TOKEN": secrets.token_hex(32),
        **(extra_env or {}), "PYTHONUNBUFFERED": "1",
    }
    logs = {"actions": work_dir / "actions.log", "rasa": work_dir / "rasa.log"}
    servers = Servers(
        f"http://127.0.0.1:{rasa_port}", f"http://127.0.0.1:{action_port}", logs, env=env,
        tracker_db=work_dir / "conversations.db",
    )
    servers.commands = {
        "actions": [RASA, "run", "actions", "--actions", "actions", "--port", str(action_port)],
        "rasa": [
            *RASA_SERVER, "run", "--model", str(model), "--endpoints", str(endpoints), "--credentials",
            str(PROJECT_ROOT / "credentials.yml"), "--port", str(rasa_port), "--interface", "127.0.0.1",
            *(["--cors", cors_origin] if cors_origin else []),
        ],
    }
    try:
        for name in ("actions", "rasa"):
            servers.processes.append(servers._start(name))
        _wait_for(f"{servers.action_url}/health", servers.processes[0], logs["actions"])
        _wait_for(f"{servers.rasa_url}/", servers.processes[1], logs["rasa"])
    except Exception:
        servers.stop()
        raise
    return servers


def send_message(rasa_url: str, sender: str, text: str, timeout: float = 30) -> List[dict]:
    body = json.dumps({"sender": sender, "message": text}).encode()
    request = urllib.request.Request(
        f"{rasa_url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read())
