"""The staff tool: python -m bot.handoff.requests list | show | export | delete | status | retry."""

from __future__ import annotations

import csv
import os
import stat
import subprocess
import sys

import pytest

from bot.handoff.requests import main, safe_cell
from bot.settings import PROJECT_ROOT, Settings, SmtpSettings
from bot.storage import Repository
from tests.conftest import SEEDS_DIR
from tests.handoff.conftest import JANE, NPC, save_request
from tests.handoff.test_retention import age_request


@pytest.fixture
def run(sqlite_repository: Repository, sqlite_url: str, capsys, smtp_down):
    """run("list") -> (exit status, stdout lines, stderr lines), with the test database."""

    def _run(*argv: str, smtp: SmtpSettings = smtp_down):
        settings = Settings(seeds_dir=SEEDS_DIR, database_url=sqlite_url, smtp=smtp)
        status = main(list(argv), settings=settings)
        out, err = capsys.readouterr()
        return status, out.splitlines(), err.splitlines()

    return _run


def test_list_when_empty(run):
    assert run("list") == (0, ["No contact requests."], [])


def test_list_newest_first_without_personal_details(run, sqlite_repository):
    first = save_request(sqlite_repository, conversation_id="conv-1")
    second = save_request(sqlite_repository, conversation_id="conv-2", verdict="likely_eligible")
    status, lines, errors = run("list")
    assert status == 0 and errors == []
    assert lines[0].split() == ["REFERENCE", "CREATED", "(UTC)", "TRIAL", "RESULT", "STATUS"]
    assert [line.split()[0] for line in lines[1:]] == [second, first]
    assert lines[1].split()[-3:] == [NPC, "likely_eligible", "new"]
    assert "Jane" not in "\n".join(lines)


def test_show(run, sqlite_repository):
    reference = save_request(sqlite_repository)
    status, lines, errors = run("show", reference.lower())
    assert status == 0 and errors == []
    for expected in [
        f"Reference: {reference}",
        "Status: new",
        "Name: Jane O'Neil",
        "Email: jane.oneil@example.com",
        "Phone: +447911123456",
        "City or study site: Leeds",
        "  [MET] NPC-I02 (inclusion)",
        "  [UNKNOWN (answered 'not sure')] NPC-I04 (inclusion)",
    ]:
        assert expected in lines
    assert "Answered by: self    Result: needs_review" in lines
    e_mails = [line for line in lines if line.startswith("  #")]
    assert len(e_mails) == 2
    assert e_mails[0].endswith("study_team to npc-team@example.com: pending, 0 attempt(s)")


def test_show_without_any_email(run, sqlite_repository):
    reference = save_request(sqlite_repository, study_team_email=None, wants_confirmation=False)
    status, lines, _ = run("show", reference)
    assert status == 0
    assert lines[-1].startswith("  none (no study team address")


@pytest.mark.parametrize("command", [("show",), ("delete",), ("status",)])
def test_unknown_reference_is_one_line_and_exit_2(run, sqlite_repository, command):
    save_request(sqlite_repository)
    extra = ("withdrew",) if command == ("status",) else ()
    assert run(*command, "PS-2222-3333", *extra) == (
        2, [], ["error: no contact request with reference PS-2222-3333"])


def test_delete(run, sqlite_repository):
    kept = save_request(sqlite_repository, conversation_id="conv-1")
    gone = save_request(sqlite_repository, conversation_id="conv-2")
    assert run("delete", gone) == (0, [f"Deleted {gone} (4 rows)."], [])
    assert [r.reference for r in sqlite_repository.list_requests()] == [kept]
    assert run("delete", gone)[0] == 2


def test_status(run, sqlite_repository):
    reference = save_request(sqlite_repository)
    assert run("status", reference, "contacted") == (0, [f"{reference} is now contacted."], [])
    assert sqlite_repository.get_request(reference).status == "contacted"


def test_export_guards_against_formulas_and_leaves_out_deleted_rows(run, sqlite_repository, tmp_path):
    formula = {**JANE, "city_or_site": "=HYPERLINK(\"http://example.com\")", "best_time": "@SUM(A1)"}
    first = save_request(sqlite_repository, conversation_id="conv-1", contact=formula)
    deleted = save_request(sqlite_repository, conversation_id="conv-2", contact={**JANE, "first_name": "Gone"})
    third = save_request(sqlite_repository, conversation_id="conv-3", contact={**JANE, "last_name": "Smith-Jones"})
    run("delete", deleted)
    path = tmp_path / "requests.csv"
    assert run("export", "--csv", str(path)) == (0, [f"Wrote 2 request(s) to {path}."], [])
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600  # personal details: owner only
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == ["reference", "created_at", "trial", "verdict", "status", "first_name", "last_name", "full_name",
                       "email", "phone", "language", "city_or_site", "best_time", "chat_language", "sponsor_consent"]
    assert [row[0] for row in rows[1:]] == [third, first]
    assert rows[1][5:] == ["Jane", "Smith-Jones", "", "jane.oneil@example.com", "'+447911123456", "English", "Leeds",
                           "Weekday mornings", "en", "no"]
    assert rows[2][11:13] == ["'=HYPERLINK(\"http://example.com\")", "'@SUM(A1)"]
    assert rows[2][2:5] == [NPC, "needs_review", "new"]
    assert rows[2][1].endswith("+00:00")
    assert "Gone" not in path.read_text()


@pytest.mark.parametrize(
    "cell, expected",
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-2", "'-2"), ("@A1", "'@A1"), ("\t=1", "'\t=1"), ("Leeds", "Leeds"),
     ("", ""), ("a=b", "a=b")],
)
def test_safe_cell(cell, expected):
    assert safe_cell(cell) == expected


def test_export_over_an_existing_readable_file_makes_it_owner_only(run, sqlite_repository, tmp_path):
    save_request(sqlite_repository, conversation_id="conv-1", contact=JANE)
    path = tmp_path / "old.csv"
    path.write_text("old contents\n")
    path.chmod(0o644)
    assert run("export", "--csv", str(path))[0] == 0
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert "old contents" not in path.read_text()


def test_export_to_an_unwritable_place(run, tmp_path):
    status, lines, errors = run("export", "--csv", str(tmp_path / "missing" / "x.csv"))
    assert (status, lines) == (2, [])
    assert errors == [f"error: cannot write {tmp_path / 'missing' / 'x.csv'}: No such file or directory"]


def test_retry(run, sqlite_repository, smtp_server):
    mailbox, smtp = smtp_server
    save_request(sqlite_repository, wants_confirmation=False)
    assert run("retry") == (0, ["Sent 0, failed 1. Still pending: 1."], [])
    assert run("retry", smtp=smtp) == (0, ["Sent 1, failed 0. Still pending: 0."], [])
    assert run("retry", smtp=smtp) == (0, ["Sent 0, failed 0. Still pending: 0."], [])
    assert len(mailbox.messages) == 1


def test_database_without_tables_says_to_migrate(tmp_path, capsys):
    settings = Settings(seeds_dir=SEEDS_DIR, database_url=f"sqlite:///{tmp_path / 'empty.db'}")
    assert main(["list"], settings=settings) == 1
    assert capsys.readouterr().err.strip() == (
        "error: the database cannot be used (OperationalError). Run `python -m bot.storage.migrate` first.")


def test_the_real_command(sqlite_repository, sqlite_url):
    reference = save_request(sqlite_repository)
    environment = {**os.environ, "DATABASE_URL": sqlite_url}

    def command(*argv):
        return subprocess.run([sys.executable, "-m", "bot.handoff.requests", *argv], cwd=PROJECT_ROOT, env=environment,
                              capture_output=True, text=True, timeout=60)

    listed = command("list")
    assert listed.returncode == 0 and reference in listed.stdout
    unknown = command("show", "PS-2222-3333")
    assert (unknown.returncode, unknown.stdout, unknown.stderr) == (
        2, "", "error: no contact request with reference PS-2222-3333\n")


def test_the_terminal_purge_command(run, sqlite_repository):
    old = save_request(sqlite_repository, conversation_id="old")
    age_request(sqlite_repository, old, 400)
    code, out, err = run("purge")
    assert code == 0 and out == ["Deleted 1 contact request(s) older than 180 days."]
    assert sqlite_repository.get_request(old) is None
