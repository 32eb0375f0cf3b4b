"""`python -m bot.handoff.requests` beside the console: its status moves follow the pipeline, and its
status changes, exports and deletions are in the audit log."""

from __future__ import annotations

import getpass

from sqlalchemy import text

from bot.handoff.requests import main
from tests.staff.conftest import MONDAY, console_settings, save_at


def test_terminal_changes_follow_the_pipeline_and_are_audited(sqlite_console, sqlite_url, capsys, tmp_path):
    reference = save_at(sqlite_console, MONDAY)
    settings = console_settings(sqlite_url)
    assert main(["status", reference, "visit_booked"], settings=settings) == 0
    assert main(["status", reference, "contacted"], settings=settings) == 2
    assert capsys.readouterr().err.splitlines() == [
        'error: A request that is "Visit booked" cannot move to "Contacted".']
    assert main(["export", "--csv", str(tmp_path / "out.csv")], settings=settings) == 0
    assert main(["delete", reference], settings=settings) == 0
    with sqlite_console.engine.connect() as connection:
        rows = connection.execute(text("SELECT actor, action, detail FROM audit_log ORDER BY id")).all()
    actor = f"terminal:{getpass.getuser()}"
    assert rows == [(actor, "status", "new -> visit_booked"), (actor, "exported", "1 requests exported to CSV"),
                    (actor, "deleted", "4 rows removed")]
