"""Screenings, contact requests and the e-mail outbox.

Written out in full rather than generated at run time, so this version always
creates the same tables whatever the models later become. Constraint names
follow the naming convention in bot/storage/models.py (a test checks that this
migration and the models agree).

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "trials",
        sa.Column("registry_id", sa.String(20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("sponsor", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("registry_id", name=op.f("pk_trials")),
    )
    op.create_table(
        "criteria",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trial_id", sa.String(20), nullable=False),
        sa.Column("criterion_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("check_kind", sa.String(20), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_criteria")),
        sa.ForeignKeyConstraint(["trial_id"], ["trials.registry_id"], name=op.f("fk_criteria_trial_id_trials")),
        sa.UniqueConstraint("trial_id", "criterion_id", name=op.f("uq_criteria_trial_id")),
    )
    op.create_table(
        "screenings",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("trial_id", sa.String(20), nullable=False),
        sa.Column("voice", sa.String(20), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("criteria_status", sa.Text(), nullable=False),
        sa.Column("verdict", sa.String(30), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_screenings")),
        sa.ForeignKeyConstraint(["trial_id"], ["trials.registry_id"], name=op.f("fk_screenings_trial_id_trials")),
        sa.UniqueConstraint("conversation_id", "trial_id", name=op.f("uq_screenings_conversation_id")),
    )
    op.create_table(
        "contact_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reference", sa.String(12), nullable=False),
        sa.Column("screening_id", sa.String(36), nullable=False),
        sa.Column("first_name", sa.String(60), nullable=False),
        sa.Column("last_name", sa.String(60), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("language", sa.String(40), nullable=False),
        sa.Column("city_or_site", sa.String(100), nullable=False),
        sa.Column("best_time", sa.String(100), nullable=False),
        sa.Column("wants_confirmation", sa.Boolean(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_requests")),
        sa.ForeignKeyConstraint(
            ["screening_id"], ["screenings.id"], ondelete="CASCADE",
            name=op.f("fk_contact_requests_screening_id_screenings"),
        ),
        sa.UniqueConstraint("reference", name=op.f("uq_contact_requests_reference")),
        sa.CheckConstraint(
            "status IN ('new', 'notified', 'contacted', 'closed')", name=op.f("ck_contact_requests_status")
        ),
    )
    op.create_index(op.f("ix_contact_requests_screening_id"), "contact_requests", ["screening_id"])
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_request_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(300), nullable=True),
        sa.Column("claimed_until", sa.DateTime(timezone=True), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.ForeignKeyConstraint(
            ["contact_request_id"], ["contact_requests.id"], ondelete="CASCADE",
            name=op.f("fk_notifications_contact_request_id_contact_requests"),
        ),
        sa.CheckConstraint("kind IN ('study_team', 'confirmation')", name=op.f("ck_notifications_kind")),
        sa.CheckConstraint("status IN ('pending', 'sent')", name=op.f("ck_notifications_status")),
    )
    op.create_index(op.f("ix_notifications_contact_request_id"), "notifications", ["contact_request_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_notifications_contact_request_id"), table_name="notifications")
    op.drop_table("notifications")
    op.drop_index(op.f("ix_contact_requests_screening_id"), table_name="contact_requests")
    op.drop_table("contact_requests")
    op.drop_table("screenings")
    op.drop_table("criteria")
    op.drop_table("trials")
