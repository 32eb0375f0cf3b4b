"""`python -m bot.staff serve` as its own process: loopback by default, refuses plain HTTP beyond
it, answers only with a session, limits request sizes, and logs nothing personal; and the
`digest` command for cron."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request

from tests.conftest import PROJECT_ROOT
from tests.e2e.servers import free_port
from tests.handoff.conftest import JANE
from tests.staff.conftest import NPC_TEAM, save_at


def staff_env(url: str, **extra) -> dict:
    return {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1", **extra}


def test_serve_listens_on_loopback_and_refuses_without_a_session(sqlite_console, sqlite_url, tmp_path):
    reference = save_at(sqlite_console, dt.datetime.now(dt.timezone.utc))
    port = free_port()
    log = tmp_path / "console.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "bot.staff", "serve"], cwd=PROJECT_ROOT,
                                   env=staff_env(sqlite_url, STAFF_PORT=str(port)), stdout=output,
                                   stderr=subprocess.STDOUT)
    try:
        for _ in range(120):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
                    assert response.read() == b"ok"
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.5)
        else:
            raise AssertionError(log.read_text())
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5) as response:
            headers = response.headers
        assert headers["Content-Security-Policy"].startswith("default-src 'none'; style-src 'self';")
        assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
        assert (headers["Cache-Control"], headers["Referrer-Policy"], headers["X-Frame-Options"]) == (
            "no-store", "no-referrer", "DENY")
        assert "HttpOnly" in headers["Set-Cookie"] and "Secure" in headers["Set-Cookie"]
        assert "SameSite=Strict" in headers["Set-Cookie"]
        for path in ("/", f"/requests/{reference}", "/funnel", "/audit"):
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
                assert response.url.endswith("/login")  # redirected to sign in
                assert reference not in response.read().decode()
        big = urllib.request.Request(f"http://127.0.0.1:{port}/login", data=b"x" * 100_000, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        try:
            urllib.request.urlopen(big, timeout=5)
            raise AssertionError("a 100 KB form was accepted")
        except urllib.error.HTTPError as error:
            assert error.code == 413
    finally:
        process.terminate()
        process.wait(30)
    logged = log.read_text()
    assert f"listening on 127.0.0.1:{port}" in logged
    for value in JANE.values():
        assert value not in logged


def test_serve_refuses_plain_http_beyond_loopback(sqlite_url):
    result = subprocess.run([sys.executable, "-m", "bot.staff", "serve"], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=60, env=staff_env(sqlite_url, STAFF_HOST="0.0.0.0",
                                                                 STAFF_PORT=str(free_port())))
    assert result.returncode == 2
    assert "refusing to serve the console on 0.0.0.0 over plain HTTP" in result.stderr


def test_the_digest_command_for_cron(sqlite_console, sqlite_url, smtp_server):
    mailbox, smtp = smtp_server
    reference = save_at(sqlite_console, dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=14),
                        study_team_email=None, wants_confirmation=False)
    env = staff_env(sqlite_url, SMTP_HOST="127.0.0.1", SMTP_PORT=str(smtp.port), STAFF_DIGEST_HOUR="0",
                    STUDY_TEAM_EMAIL_NCT06839066=NPC_TEAM)
    runs = [subprocess.run([sys.executable, "-m", "bot.staff", "digest"], cwd=PROJECT_ROOT, env=env,
                           capture_output=True, text=True, timeout=60) for _ in range(2)]
    assert [r.stdout for r in runs] == ["Digests queued: 1. E-mails sent 1, failed 0.\n",
                                        "Digests queued: 0. E-mails sent 0, failed 0.\n"]
    assert len(mailbox.messages) == 1 and reference.encode() in mailbox.messages[0]["data"]
