"""The daily digest: one e-mail per study team address listing its overdue requests.

Queued through the outbox (so a mail server that is down delays it and it is
retried, and it is sent once): the key ``digest:<day>:<address>`` is unique,
so a second run the same day, by the console's timer or by
``python -m bot.staff digest`` from cron, queues nothing. Nothing is queued
before ``STAFF_DIGEST_HOUR`` (the study team's time) or when nothing is
overdue. The e-mail names references, trials, dates and owners, never a
person's name or contact details: those stay in the console.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass
from typing import Dict, List

from bot.handoff.notify import DeliveryReport, deliver_pending
from bot.settings import Settings
from bot.staff.casework import Casework, QueueItem
from bot.staff.pipeline import LABELS
from bot.storage.outbox import OutboxRepository

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DigestReport:
    queued: int
    delivery: DeliveryReport


def digest_text(items: List[QueueItem], day: str, settings: Settings) -> tuple:
    n = settings.staff.overdue_working_days
    subject = f"Overdue pre-screening requests: {len(items)} on {day}"
    lines = [
        f"These contact requests have waited more than {n} working days for a first contact ({day}):",
        "",
    ]
    for item in items:
        row = item.row
        lines.append(
            f"  {row.reference}  {row.trial_id}  came in {row.created_at.date().isoformat()}  "
            f"{item.working_days_waited} working days  {LABELS.get(row.status, row.status)}  "
            f"owner: {row.owner or 'nobody'}"
        )
    lines += [
        "",
        f"Open the staff console to follow them up: {settings.staff.public_url}/",
        "This e-mail lists references only. Names and contact details are in the console.",
    ]
    return subject, "\n".join(lines) + "\n"


def queue_digests(casework: Casework, outbox: OutboxRepository, settings: Settings) -> int:
    """Queue today's digests that are due and not queued yet; returns how many were queued."""
    now = casework.clock()
    local = now.astimezone(casework.pipeline.zone)
    if local.hour < settings.staff.digest_hour:
        return 0
    by_recipient: Dict[str, List[QueueItem]] = defaultdict(list)
    no_address = set()
    for item in casework.overdue():
        recipient = settings.study_team_email(item.row.trial_id)
        if recipient:
            by_recipient[recipient].append(item)
        else:
            no_address.add(item.row.trial_id)
    if no_address:
        log.warning("overdue requests of %s are in no digest: no STUDY_TEAM_EMAIL_ set", ", ".join(sorted(no_address)))
    day = local.date().isoformat()
    queued = 0
    for recipient, items in sorted(by_recipient.items()):
        subject, body = digest_text(items, day, settings)
        if outbox.queue_digest(f"digest:{day}:{recipient}", recipient, subject, body):
            queued += 1
            log.info("digest for %s queued: %d overdue request(s)", day, len(items))
    return queued


def run_digest(casework: Casework, outbox: OutboxRepository, settings: Settings) -> DigestReport:
    """Queue what is due, then send everything pending (digests and any e-mail still waiting)."""
    queued = queue_digests(casework, outbox, settings)
    return DigestReport(queued=queued, delivery=deliver_pending(outbox, settings.smtp))
