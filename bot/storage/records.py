"""The plain values repositories return, and the contact request's reference."""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass
from typing import Callable, Mapping, Optional, Tuple

# Read aloud on the phone: no 0/O, no 1/I/L. 31 symbols, 8 of them: about 8.5e11 references.
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_PREFIX = "PS"
MAX_REFERENCE_TRIES = 20


def new_reference() -> str:
    """A random reference such as "PS-7K3Q-9WXM"."""
    symbols = "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(8))
    return f"{REFERENCE_PREFIX}-{symbols[:4]}-{symbols[4:]}"


def normalise_reference(text: str) -> str:
    """What staff type ("ps-7k3q-9wxm ") as stored ("PS-7K3Q-9WXM")."""
    return "".join(text.split()).upper()


@dataclass(frozen=True)
class EmailText:
    """The subject and plain-text body of one outgoing e-mail (written by bot.handoff.notify)."""

    subject: str
    body: str


@dataclass(frozen=True)
class CriterionLine:
    criterion_id: str
    kind: str  # inclusion or exclusion
    check_kind: str  # ask or study_team
    source: str  # verbatim text from the listing
    status: str  # met, not_met, unknown, pending, study_team, or "not recorded"


@dataclass(frozen=True)
class NotificationSummary:
    id: int
    kind: str
    recipient: str
    status: str
    attempts: int
    last_error: Optional[str]
    created_at: dt.datetime
    sent_at: Optional[dt.datetime]


@dataclass(frozen=True)
class RequestSummary:
    reference: str
    trial_id: str
    verdict: str
    status: str
    created_at: dt.datetime


@dataclass(frozen=True)
class RequestDetails:
    """One contact request with its screening: what e-mails and the staff tool show."""

    reference: str
    status: str
    created_at: dt.datetime
    consent_at: dt.datetime
    trial_id: str
    trial_title: str
    voice: str
    verdict: str
    answers: Mapping[str, str]
    criteria: Tuple[CriterionLine, ...]
    first_name: str
    last_name: str
    email: str
    phone: str
    language: str
    city_or_site: str
    best_time: str
    wants_confirmation: bool
    notifications: Tuple[NotificationSummary, ...] = ()
    full_name: str = ""  # 姓名 as one field; first_name and last_name are "" then
    chat_language: str = "en"  # the language of the chat, and of the person's own e-mail
    sponsor_consent: bool = False  # the separate consent to share with the trial's sponsor
    trial_sponsor: str = ""  # as the listing names it (English)

    @property
    def name(self) -> str:
        """The name as the person gave it: the one field, or first and last name."""
        return self.full_name or " ".join(part for part in (self.first_name, self.last_name) if part)

    @property
    def team_language_name(self) -> str:
        """The language to call in, as staff read it: "Cantonese (yue)", or another as typed."""
        from bot.handoff.contact import team_language_name  # the codes belong to the contact form

        return team_language_name(self.language)

    @property
    def chat_language_name(self) -> str:
        """The language the person chatted in (and reads their own e-mails in): "Simplified Chinese (zh)"."""
        from bot.handoff.contact import CHAT_LANGUAGE_NAMES

        return CHAT_LANGUAGE_NAMES.get(self.chat_language, self.chat_language)

    @property
    def sponsor_sharing(self) -> str:
        """The separate consent for the sponsor, as staff read it."""
        sponsor = self.trial_sponsor or "the sponsor"
        if self.sponsor_consent:
            return f"Agreed: the study team may share these details with {sponsor}"
        return f"Not agreed: for the study team only, do not pass them to {sponsor}"


@dataclass(frozen=True)
class PendingNotification:
    id: int
    reference: str  # "digest" for the staff console's digest, which has no request
    kind: str
    recipient: str
    subject: str
    body: str
    attempts: int


# (kind, the saved request) -> the e-mail's subject and body; bot.handoff.notify.write_email is one.
EmailWriter = Callable[[str, RequestDetails], EmailText]
