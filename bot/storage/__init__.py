"""Where screenings, contact requests, their e-mails and the staff console's records are kept.

One repository per aggregate: ``requests`` (screenings and contact requests),
``outbox`` (e-mails), ``followup`` (the study team's pipeline, owners, notes),
``staff_accounts`` (console users and sessions), ``audit`` (who did and viewed
what) and ``funnel`` (anonymous counts). ``Repository`` joins the first two for
the chat and the terminal tools.
"""

from bot.storage.records import (
    CriterionLine,
    EmailText,
    EmailWriter,
    NotificationSummary,
    PendingNotification,
    RequestDetails,
    RequestSummary,
    new_reference,
    normalise_reference,
)
from bot.storage.repository import Repository

__all__ = [
    "CriterionLine", "EmailText", "EmailWriter", "NotificationSummary", "PendingNotification", "Repository",
    "RequestDetails", "RequestSummary", "new_reference", "normalise_reference",
]
