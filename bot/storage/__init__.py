"""Where screenings, contact requests and their e-mails are kept (see repository.py)."""

from bot.storage.repository import (
    CriterionLine,
    EmailText,
    EmailWriter,
    NotificationSummary,
    PendingNotification,
    Repository,
    RequestDetails,
    RequestSummary,
    new_reference,
    normalise_reference,
)

__all__ = [
    "CriterionLine", "EmailText", "EmailWriter", "NotificationSummary", "PendingNotification", "Repository",
    "RequestDetails", "RequestSummary", "new_reference", "normalise_reference",
]
