"""The study staff's tool for contact requests.

    python -m bot.handoff.requests list                      # newest first: reference, date, trial, result, status
    python -m bot.handoff.requests show PS-7K3Q-9WXM         # one request: details, criteria, e-mails
    python -m bot.handoff.requests export --csv FILE         # every request as CSV (the file is readable by you only)
    python -m bot.handoff.requests delete PS-7K3Q-9WXM       # remove a request and its e-mails (and its answers)
    python -m bot.handoff.requests status PS-7K3Q-9WXM contacted   # a pipeline move, as in the staff console
    python -m bot.handoff.requests retry                     # send e-mails still waiting
    python -m bot.handoff.requests purge                     # delete requests older than CONTACT_RETENTION_DAYS

An unknown reference, or a move the pipeline does not allow, prints one line on
stderr and exits with status 2; a database that cannot be used exits with
status 1. Status changes, exports and deletions are written to the audit log
as "terminal:<login name>".
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import getpass
import os
import sys
from pathlib import Path
from typing import List, Optional, Sequence, TextIO

from sqlalchemy.exc import SQLAlchemyError

from bot.handoff.keep import send_pending
from bot.handoff.notify import criterion_status_line, deliver_pending, format_utc
from bot.handoff.retention import delete_expired_requests
from bot.settings import Settings, get_settings
from bot.staff.pipeline import Pipeline
from bot.storage import Repository, RequestDetails, normalise_reference
from bot.storage.followup import FollowUpRepository
from bot.storage.models import REQUEST_STATUSES, utc_now
from bot.storage.personal import PersonalStore

USAGE_ERROR = 2
DATABASE_ERROR = 1

CSV_COLUMNS = (
    "reference", "created_at", "trial", "verdict", "status",
    "first_name", "last_name", "full_name", "email", "phone", "language", "city_or_site", "best_time",
    "chat_language", "sponsor_consent",
)
# A spreadsheet runs a cell starting with one of these as a formula ("=HYPERLINK(...)").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class UnknownReference(LookupError):
    def __init__(self, reference: str):
        super().__init__(f"no contact request with reference {normalise_reference(reference)}")


class ExportFileError(OSError):
    """The CSV file cannot be written."""


class StatusRefused(ValueError):
    """The pipeline does not allow this move."""


def safe_cell(value: str) -> str:
    """A CSV cell a spreadsheet shows as text: formula-like cells get a leading quote."""
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def _when(moment: Optional[dt.datetime]) -> str:
    return format_utc(moment) if moment else "-"


def list_requests(repository: Repository) -> List[str]:
    rows = repository.list_requests()
    if not rows:
        return ["No contact requests."]
    lines = [f"{'REFERENCE':<14}{'CREATED (UTC)':<22}{'TRIAL':<13}{'RESULT':<19}STATUS"]
    for row in rows:
        lines.append(f"{row.reference:<14}{_when(row.created_at):<22}{row.trial_id:<13}{row.verdict:<19}{row.status}")
    return lines


def show_request(repository: Repository, reference: str) -> List[str]:
    request = repository.get_request(reference)
    if request is None:
        raise UnknownReference(reference)
    lines = [
        f"Reference: {request.reference}",
        f"Status: {request.status}",
        f"Created: {_when(request.created_at)}    Consent given: {_when(request.consent_at)}",
        f"Trial: {request.trial_id} - {request.trial_title}",
        f"Answered by: {request.voice}    Result: {request.verdict}",
        "",
        f"Name: {request.name}",
        f"Email: {request.email}",
        f"Phone: {request.phone}",
        f"Language to call in: {request.team_language_name}",
        f"Language of the chat: {request.chat_language_name}",
        f"Sharing with the sponsor: {request.sponsor_sharing}",
        f"City or study site: {request.city_or_site or '-'}",
        f"Best time to call: {request.best_time or '-'}",
        f"Confirmation e-mail wanted: {'yes' if request.wants_confirmation else 'no'}",
        "",
        "Criteria:",
    ]
    lines += [criterion_status_line(line) for line in request.criteria]
    lines += ["", "E-mails:"]
    if not request.notifications:
        lines.append("  none (no study team address was set for this trial, and no confirmation was asked for)")
    for n in request.notifications:
        sent = f", sent {_when(n.sent_at)}" if n.sent_at else ""
        error = f", last error: {n.last_error}" if n.last_error else ""
        lines.append(f"  #{n.id} {n.kind} to {n.recipient}: {n.status}, {n.attempts} attempt(s){sent}{error}")
    return lines


def export_csv(repository: Repository, path: Path) -> int:
    """Write every request to ``path`` (created readable by its owner only); returns the count. Audited."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as error:
        raise ExportFileError(f"cannot write {path}: {error.strerror}") from None
    os.fchmod(descriptor, 0o600)  # O_CREAT's mode applies only to a new file; an old one keeps its own
    with open(descriptor, "w", newline="", encoding="utf-8") as handle:
        return FollowUpRepository(repository.engine).export(
            terminal_user(), utc_now(), lambda requests: write_csv(handle, requests) or len(requests))


def write_csv(handle: TextIO, requests: Sequence[RequestDetails]) -> None:
    """The export's header and one formula-guarded row per request (also the staff console's download)."""
    writer = csv.writer(handle)
    writer.writerow(CSV_COLUMNS)
    for request in requests:
        writer.writerow([safe_cell(value) for value in _csv_row(request)])


def _csv_row(request: RequestDetails) -> List[str]:
    return [
        request.reference, request.created_at.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        request.trial_id, request.verdict, request.status, request.first_name, request.last_name, request.full_name,
        request.email, request.phone, request.language, request.city_or_site, request.best_time,
        request.chat_language, "yes" if request.sponsor_consent else "no",
    ]


def delete_request(repository: Repository, reference: str) -> List[str]:
    removed = FollowUpRepository(repository.engine).delete(reference, terminal_user(), utc_now())
    if not removed:
        raise UnknownReference(reference)
    return [f"Deleted {normalise_reference(reference)} ({removed} rows)."]


def set_status(repository: Repository, reference: str, status: str, pipeline: Optional[Pipeline] = None) -> List[str]:
    """Move a request along the pipeline (the console's rules apply); audited."""
    pipeline = pipeline or Pipeline(get_settings().staff)
    try:
        changed = FollowUpRepository(repository.engine).update(
            reference, terminal_user(), utc_now(), pipeline, status=status, reason="set with bot.handoff.requests")
    except ValueError as refused:
        raise StatusRefused(str(refused)) from None
    if changed is None:
        raise UnknownReference(reference)
    return [f"{normalise_reference(reference)} is now {status}."]


def terminal_user() -> str:
    """Who the audit log names for the terminal tool: the login name."""
    try:
        name = getpass.getuser()
    except (KeyError, OSError):
        name = "unknown"
    return f"terminal:{name}"[:40]


def retry(repository: Repository, settings: Settings) -> List[str]:
    report = deliver_pending(repository, settings.smtp)
    lines = [f"Sent {report.sent}, failed {report.failed}. Still pending: {repository.count_pending()}."]
    # The summaries and links people asked to have e-mailed to themselves wait in their own table.
    personal = send_pending(PersonalStore(repository.engine), settings.smtp)
    if personal.sent or personal.failed:
        lines.append(f"E-mails people asked for themselves: sent {personal.sent}, failed {personal.failed}.")
    return lines


def purge(repository: Repository, settings: Settings) -> List[str]:
    """Delete the requests past their retention period (the consent's promise); each is audited."""
    deleted = delete_expired_requests(repository, settings.contact_retention_days)
    return [f"Deleted {deleted} contact request(s) older than {settings.contact_retention_days} days."]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.handoff.requests", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("list", help="list requests, newest first")
    commands.add_parser("show", help="show one request").add_argument("reference")
    export = commands.add_parser("export", help="write every request to a CSV file")
    export.add_argument("--csv", type=Path, required=True, metavar="FILE")
    commands.add_parser("delete", help="delete one request").add_argument("reference")
    status = commands.add_parser("status", help="set a request's status")
    status.add_argument("reference")
    status.add_argument("status", choices=REQUEST_STATUSES)
    commands.add_parser("retry", help="send e-mails still waiting")
    commands.add_parser("purge", help="delete requests older than CONTACT_RETENTION_DAYS (for a daily job)")
    return parser


def main(argv: Optional[Sequence[str]] = None, settings: Optional[Settings] = None) -> int:
    args = _parser().parse_args(argv)
    settings = settings or get_settings()
    repository = Repository.from_url(settings.database_url)
    try:
        if args.command == "list":
            lines = list_requests(repository)
        elif args.command == "show":
            lines = show_request(repository, args.reference)
        elif args.command == "export":
            lines = [f"Wrote {export_csv(repository, args.csv)} request(s) to {args.csv}."]
        elif args.command == "delete":
            lines = delete_request(repository, args.reference)
        elif args.command == "status":
            lines = set_status(repository, args.reference, args.status, Pipeline(settings.staff))
        elif args.command == "purge":
            lines = purge(repository, settings)
        else:
            lines = retry(repository, settings)
    except (UnknownReference, ExportFileError, StatusRefused) as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except SQLAlchemyError as error:
        print(
            f"error: the database cannot be used ({type(error).__name__}). "
            "Run `python -m bot.storage.migrate` first.", file=sys.stderr,
        )
        return DATABASE_ERROR
    finally:
        repository.engine.dispose()
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
