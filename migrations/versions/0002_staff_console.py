"""The staff console: the follow-up pipeline, notes, staff accounts and sessions,
the audit log, anonymous funnel events, and digests in the outbox.

SQLite cannot change a CHECK constraint in place, so there the two changed
tables are rebuilt (Alembic's batch mode). Rebuilding ``contact_requests``
drops the old table, and with foreign keys on SQLite deletes the e-mails that
point at it (ON DELETE CASCADE): they are kept aside first and put back after.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

OLD_STATUSES = "status IN ('new', 'notified', 'contacted', 'closed')"
NEW_STATUSES = (
    "status IN ('new', 'notified', 'contacted', 'call_done', 'visit_booked', "
    "'consented', 'not_eligible', 'not_reached', 'withdrew')"
)
OLD_KINDS = "kind IN ('study_team', 'confirmation')"
NEW_KINDS = "kind IN ('study_team', 'confirmation', 'digest')"
FUNNEL_EVENTS = "event IN ('started', 'finished', 'excluded_by', 'handed_off', 'first_contact', 'state')"
NOTIFICATION_COLUMNS = (
    "id, contact_request_id, kind, recipient, subject, body, status, attempts, last_error, claimed_until, "
    "created_at, sent_at"
)


def upgrade() -> None:
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=False),
        sa.Column("password_hash", sa.String(200), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_users")),
        sa.UniqueConstraint("username", name=op.f("uq_staff_users_username")),
    )
    op.create_table(
        "staff_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_staff_sessions")),
        sa.ForeignKeyConstraint(
            ["user_id"], ["staff_users.id"], ondelete="CASCADE", name=op.f("fk_staff_sessions_user_id_staff_users")
        ),
    )
    op.create_index(op.f("ix_staff_sessions_user_id"), "staff_sessions", ["user_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(12), nullable=True),
        sa.Column("detail", sa.String(300), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_at"), "audit_log", ["at"])
    op.create_index(op.f("ix_audit_log_reference"), "audit_log", ["reference"])
    op.create_table(
        "funnel_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("week_start", sa.Date(), nullable=False),
        sa.Column("trial_id", sa.String(20), nullable=False),
        sa.Column("event", sa.String(20), nullable=False),
        sa.Column("detail", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funnel_events")),
        sa.CheckConstraint(FUNNEL_EVENTS, name=op.f("ck_funnel_events_event")),
    )
    op.create_index(op.f("ix_funnel_events_week_start"), "funnel_events", ["week_start"])

    sqlite = op.get_bind().dialect.name == "sqlite"
    if sqlite:
        op.execute(f"CREATE TEMP TABLE notifications_kept AS SELECT {NOTIFICATION_COLUMNS} FROM notifications")
    with op.batch_alter_table("contact_requests") as batch:
        batch.drop_constraint(op.f("ck_contact_requests_status"), type_="check")
        batch.add_column(sa.Column("owner_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("next_action_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("outcome_reason", sa.String(200), nullable=True))
        batch.add_column(sa.Column("first_contact_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("status_changed_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_foreign_key(
            op.f("fk_contact_requests_owner_id_staff_users"), "staff_users", ["owner_id"], ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_contact_requests_owner_id"), ["owner_id"])
    # Requests closed with the old terminal tool had no reason; "withdrew" is the nearest pipeline end.
    op.execute("UPDATE contact_requests SET status = 'withdrew' WHERE status = 'closed'")
    with op.batch_alter_table("contact_requests") as batch:
        batch.create_check_constraint(op.f("ck_contact_requests_status"), sa.text(NEW_STATUSES))
    with op.batch_alter_table("notifications") as batch:
        batch.alter_column("contact_request_id", existing_type=sa.Integer(), nullable=True)
        batch.drop_constraint(op.f("ck_notifications_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_notifications_kind"), sa.text(NEW_KINDS))
        batch.add_column(sa.Column("dedup_key", sa.String(300), nullable=True))
        batch.create_unique_constraint(op.f("uq_notifications_dedup_key"), ["dedup_key"])
    if sqlite:
        op.execute("DELETE FROM notifications")
        op.execute(
            f"INSERT INTO notifications ({NOTIFICATION_COLUMNS}) SELECT {NOTIFICATION_COLUMNS} FROM notifications_kept"
        )
        op.execute("DROP TABLE notifications_kept")

    op.create_table(
        "request_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_request_id", sa.Integer(), nullable=False),
        sa.Column("author", sa.String(40), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_request_notes")),
        sa.ForeignKeyConstraint(
            ["contact_request_id"], ["contact_requests.id"], ondelete="CASCADE",
            name=op.f("fk_request_notes_contact_request_id_contact_requests"),
        ),
    )
    op.create_index(op.f("ix_request_notes_contact_request_id"), "request_notes", ["contact_request_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_request_notes_contact_request_id"), table_name="request_notes")
    op.drop_table("request_notes")
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DELETE FROM notifications WHERE kind = 'digest'")
    if sqlite:
        op.execute(f"CREATE TEMP TABLE notifications_kept AS SELECT {NOTIFICATION_COLUMNS} FROM notifications")
    with op.batch_alter_table("notifications") as batch:
        batch.drop_constraint(op.f("uq_notifications_dedup_key"), type_="unique")
        batch.drop_column("dedup_key")
        batch.drop_constraint(op.f("ck_notifications_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_notifications_kind"), sa.text(OLD_KINDS))
        batch.alter_column("contact_request_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("contact_requests") as batch:
        batch.drop_index(op.f("ix_contact_requests_owner_id"))
        batch.drop_constraint(op.f("fk_contact_requests_owner_id_staff_users"), type_="foreignkey")
        for column in ("status_changed_at", "first_contact_at", "outcome_reason", "next_action_on", "owner_id"):
            batch.drop_column(column)
        batch.drop_constraint(op.f("ck_contact_requests_status"), type_="check")
    op.execute(
        "UPDATE contact_requests SET status = CASE WHEN status IN ('new', 'notified') THEN status "
        "WHEN status IN ('contacted', 'call_done', 'visit_booked') THEN 'contacted' ELSE 'closed' END"
    )
    with op.batch_alter_table("contact_requests") as batch:
        batch.create_check_constraint(op.f("ck_contact_requests_status"), sa.text(OLD_STATUSES))
    if sqlite:
        op.execute("DELETE FROM notifications")
        op.execute(
            f"INSERT INTO notifications ({NOTIFICATION_COLUMNS}) SELECT {NOTIFICATION_COLUMNS} FROM notifications_kept"
        )
        op.execute("DROP TABLE notifications_kept")
    op.drop_index(op.f("ix_funnel_events_week_start"), table_name="funnel_events")
    op.drop_table("funnel_events")
    op.drop_index(op.f("ix_audit_log_reference"), table_name="audit_log")
    op.drop_index(op.f("ix_audit_log_at"), table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_index(op.f("ix_staff_sessions_user_id"), table_name="staff_sessions")
    op.drop_table("staff_sessions")
    op.drop_table("staff_users")
