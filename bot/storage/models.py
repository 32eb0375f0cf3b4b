"""Tables for screenings, contact requests and the e-mail outbox.

The schema is created by the Alembic migrations in ``migrations/versions`` (a
test checks they match these models). Written for SQLAlchemy 1.4 in the 2.0
style, so it also runs on 2.0.

* ``trials`` and ``criteria``: a copy of the catalog in ``seeds/``, so that a
  stored screening can be read (criterion texts and all) without the seed files.
* ``screenings``: one row per conversation and trial, updated as answers come in.
* ``contact_requests``: a person asked the study team to contact them.
* ``notifications``: the outbox. An e-mail is written here in the same
  transaction as its request and sent afterwards, so a mail server that is down
  loses nothing: the row stays "pending" and is retried. The staff console's
  daily digest goes through it too (no request of its own; ``dedup_key`` makes
  it once a day).
* ``request_notes``: the study team's notes on a request.
* ``staff_users`` and ``staff_sessions``: the console's named accounts and their
  sign-ins (only a hash of each session token is stored).
* ``audit_log``: who did or viewed what, and when. It names references and
  field names, never personal details, and outlives the requests it names.
* ``funnel_events``: anonymous counts for the funnel: a trial, a week, what
  happened. No conversation, person, answer or exact time is stored.
* ``personal_emails``: the outbox for e-mails a person sends to themselves (their
  summary, a link to come back); ``resume_tokens``: those links, hashed.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import declarative_base, relationship
from sqlalchemy.types import TypeDecorator

# Fixed constraint names: migrations and both databases (SQLite, PostgreSQL) agree on them.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Base = declarative_base(metadata=MetaData(naming_convention=NAMING_CONVENTION))

# Contact request statuses: the follow-up pipeline (bot/staff/pipeline.py says
# which moves are allowed). "notified" is "new" with the study team's e-mail sent.
REQUEST_STATUSES = (
    "new", "notified", "contacted", "call_done", "visit_booked",
    "consented", "not_eligible", "not_reached", "withdrew",
)
STUDY_TEAM, CONFIRMATION, DIGEST = "study_team", "confirmation", "digest"
NOTIFICATION_KINDS = (STUDY_TEAM, CONFIRMATION, DIGEST)
PENDING, SENT = "pending", "sent"
USERNAME_LENGTH = 40
# Funnel events: a screening started, finished (detail: its verdict), a criterion
# excluded (detail: its id), a hand-off, a first contact (detail: working days
# waited), a pipeline state reached (detail: the status).
FUNNEL_EVENTS = ("started", "finished", "excluded_by", "handed_off", "first_contact", "state")
SUMMARY, RESUME_LINK = "summary", "resume_link"
PERSONAL_EMAIL_KINDS = (SUMMARY, RESUME_LINK)
NOTIFICATION_STATUSES = (PENDING, SENT)

REFERENCE_LENGTH = 12  # "PS-7K3Q-9WXM"
MAX_ERROR_LENGTH = 300
MAX_REASON_LENGTH = 200
MAX_NOTE_LENGTH = 4000


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _one_of(column: str, values) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class UtcDateTime(TypeDecorator):
    """A point in time, always given back as an aware UTC datetime.

    PostgreSQL stores it as ``timestamptz``. SQLite has no time zones, so the
    UTC wall time is stored there; naive values are refused so that local time
    can never slip in.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("times must carry a time zone (use UTC)")
        value = value.astimezone(dt.timezone.utc)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


class Trial(Base):
    __tablename__ = "trials"

    registry_id = Column(String(20), primary_key=True)
    title = Column(Text, nullable=False)
    sponsor = Column(Text, nullable=False)


class Criterion(Base):
    __tablename__ = "criteria"
    __table_args__ = (UniqueConstraint("trial_id", "criterion_id"),)

    id = Column(Integer, primary_key=True)
    trial_id = Column(String(20), ForeignKey("trials.registry_id"), nullable=False)
    criterion_id = Column(String(40), nullable=False)
    kind = Column(String(20), nullable=False)  # inclusion or exclusion
    source = Column(Text, nullable=False)  # verbatim text from the listing
    check_kind = Column(String(20), nullable=False)  # ask or study_team


class Screening(Base):
    __tablename__ = "screenings"
    # One row per conversation and trial; the unique index also serves lookups by conversation.
    __table_args__ = (UniqueConstraint("conversation_id", "trial_id"),)

    id = Column(String(36), primary_key=True)  # a random UUID: ids reveal nothing about order or volume
    conversation_id = Column(String(255), nullable=False)
    trial_id = Column(String(20), ForeignKey("trials.registry_id"), nullable=False)
    voice = Column(String(20), nullable=False)  # self or caregiver
    answers = Column(Text, nullable=False)  # JSON {question id: answer}
    criteria_status = Column(Text, nullable=False)  # JSON {criterion id: status}
    verdict = Column(String(30), nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    updated_at = Column(UtcDateTime, nullable=False)

    contact_requests = relationship(
        "ContactRequest", back_populates="screening", cascade="all, delete-orphan", passive_deletes=True
    )


class ContactRequest(Base):
    __tablename__ = "contact_requests"
    __table_args__ = (CheckConstraint(_one_of("status", REQUEST_STATUSES), name="status"),)

    id = Column(Integer, primary_key=True)
    reference = Column(String(REFERENCE_LENGTH), nullable=False, unique=True)
    screening_id = Column(String(36), ForeignKey("screenings.id", ondelete="CASCADE"), nullable=False, index=True)
    first_name = Column(String(60), nullable=False)  # "" when the name was given as one field
    last_name = Column(String(60), nullable=False)
    full_name = Column(String(60), nullable=False, server_default="")  # 姓名, family name first; "" when split
    email = Column(String(254), nullable=False)
    phone = Column(String(20), nullable=False)  # E.164
    language = Column(String(40), nullable=False)  # the study team's: cmn, yue, en, or another as typed
    chat_language = Column(String(5), nullable=False, server_default="en")  # the person's: en or zh
    city_or_site = Column(String(100), nullable=False)  # "" when not given
    best_time = Column(String(100), nullable=False)  # "" when not given
    wants_confirmation = Column(Boolean, nullable=False)
    consent_at = Column(UtcDateTime, nullable=False)  # when the person agreed to share these details
    # The separate consent (PIPL 单独同意) for the study team to share them with the sponsor.
    sponsor_consent = Column(Boolean, nullable=False, server_default=false())
    status = Column(String(20), nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    # The follow-up pipeline (the staff console).
    owner_id = Column(Integer, ForeignKey("staff_users.id", ondelete="SET NULL"), index=True)
    next_action_on = Column(Date)
    outcome_reason = Column(String(MAX_REASON_LENGTH))  # why "not eligible": a criterion id or a few words
    first_contact_at = Column(UtcDateTime)  # when it first left new/notified
    status_changed_at = Column(UtcDateTime)

    screening = relationship("Screening", back_populates="contact_requests")
    notifications = relationship(
        "Notification", back_populates="contact_request", cascade="all, delete-orphan", passive_deletes=True,
        order_by="Notification.id",
    )


class Notification(Base):
    __tablename__ = "notifications"
    __table_args__ = (
        CheckConstraint(_one_of("kind", NOTIFICATION_KINDS), name="kind"),
        CheckConstraint(_one_of("status", NOTIFICATION_STATUSES), name="status"),
    )

    id = Column(Integer, primary_key=True)
    # NULL for a digest, which belongs to no one request.
    contact_request_id = Column(Integer, ForeignKey("contact_requests.id", ondelete="CASCADE"), index=True)
    kind = Column(String(20), nullable=False)
    recipient = Column(String(254), nullable=False)
    subject = Column(String(200), nullable=False)
    body = Column(Text, nullable=False)
    status = Column(String(10), nullable=False)
    attempts = Column(Integer, nullable=False)
    last_error = Column(String(MAX_ERROR_LENGTH))  # error type and short message, never personal data
    # While a sender holds the row (see Repository.claim_notification); NULL when free.
    claimed_until = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False)
    sent_at = Column(UtcDateTime)

    # A digest's "digest:<day>:<recipient>": the unique index makes a second one that day impossible.
    dedup_key = Column(String(300), unique=True)

    contact_request = relationship("ContactRequest", back_populates="notifications")


class RequestNote(Base):
    __tablename__ = "request_notes"

    id = Column(Integer, primary_key=True)
    contact_request_id = Column(
        Integer, ForeignKey("contact_requests.id", ondelete="CASCADE"), nullable=False, index=True
    )
    author = Column(String(USERNAME_LENGTH), nullable=False)
    body = Column(Text, nullable=False)
    created_at = Column(UtcDateTime, nullable=False)


class StaffUser(Base):
    __tablename__ = "staff_users"

    id = Column(Integer, primary_key=True)
    username = Column(String(USERNAME_LENGTH), nullable=False, unique=True)
    display_name = Column(String(100), nullable=False)
    password_hash = Column(String(200), nullable=False)  # argon2id, with its salt and parameters
    is_admin = Column(Boolean, nullable=False)
    disabled = Column(Boolean, nullable=False)
    failed_attempts = Column(Integer, nullable=False)
    locked_until = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False)


class StaffSession(Base):
    __tablename__ = "staff_sessions"

    token_hash = Column(String(64), primary_key=True)  # SHA-256 of the cookie's token: a stolen table signs no one in
    user_id = Column(Integer, ForeignKey("staff_users.id", ondelete="CASCADE"), nullable=False, index=True)
    csrf_token = Column(String(64), nullable=False)
    created_at = Column(UtcDateTime, nullable=False)
    last_seen_at = Column(UtcDateTime, nullable=False)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id = Column(Integer, primary_key=True)
    at = Column(UtcDateTime, nullable=False, index=True)
    actor = Column(String(USERNAME_LENGTH), nullable=False)  # a name, not a key: entries outlive accounts
    action = Column(String(40), nullable=False)
    reference = Column(String(REFERENCE_LENGTH), index=True)
    detail = Column(String(300), nullable=False)  # field names and statuses, never personal details


class FunnelEvent(Base):
    __tablename__ = "funnel_events"
    __table_args__ = (CheckConstraint(_one_of("event", FUNNEL_EVENTS), name="event"),)

    id = Column(Integer, primary_key=True)
    week_start = Column(Date, nullable=False, index=True)  # the Monday of the week: no exact time
    trial_id = Column(String(20), nullable=False)
    event = Column(String(20), nullable=False)
    detail = Column(String(40), nullable=False)  # a verdict, a criterion id, a status, or a number of days
class PersonalEmail(Base):
    """An e-mail a person asked for, to themselves: their summary, or a link to come back.

    The outbox for these: written first, then sent; a row is deleted once sent,
    so the address is kept only until the e-mail has gone (or "delete my data")."""

    __tablename__ = "personal_emails"
    __table_args__ = (CheckConstraint(_one_of("kind", PERSONAL_EMAIL_KINDS), name="kind"),)

    id = Column(Integer, primary_key=True)
    conversation_id = Column(String(255), nullable=False, index=True)
    kind = Column(String(20), nullable=False)
    recipient = Column(String(254), nullable=False)
    subject = Column(String(200), nullable=False)
    body = Column(Text, nullable=False)
    consent_at = Column(UtcDateTime, nullable=False)  # when the person asked for it and agreed
    attempts = Column(Integer, nullable=False)
    last_error = Column(String(MAX_ERROR_LENGTH))  # error type and short message, never personal data
    claimed_until = Column(UtcDateTime)
    created_at = Column(UtcDateTime, nullable=False)


class ResumeToken(Base):
    """A single-use link to carry on a conversation on another device. Only a hash of
    the token is stored, so the database alone cannot be used to take over a chat."""

    __tablename__ = "resume_tokens"

    token_hash = Column(String(64), primary_key=True)  # SHA-256, hex
    conversation_id = Column(String(255), nullable=False, index=True)
    expires_at = Column(UtcDateTime, nullable=False)
    used_at = Column(UtcDateTime)
