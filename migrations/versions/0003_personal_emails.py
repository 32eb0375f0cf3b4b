"""E-mails a person sends to themselves (summary, link to come back), and resume links.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "personal_emails",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(254), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("consent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(300)),
        sa.Column("claimed_until", sa.DateTime(timezone=True)),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_personal_emails")),
        sa.CheckConstraint("kind IN ('summary', 'resume_link')", name=op.f("ck_personal_emails_kind")),
    )
    op.create_index(op.f("ix_personal_emails_conversation_id"), "personal_emails", ["conversation_id"])
    op.create_table(
        "resume_tokens",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("used_at", sa.DateTime(timezone=True)),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_resume_tokens")),
    )
    op.create_index(op.f("ix_resume_tokens_conversation_id"), "resume_tokens", ["conversation_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_resume_tokens_conversation_id"), table_name="resume_tokens")
    op.drop_table("resume_tokens")
    op.drop_index(op.f("ix_personal_emails_conversation_id"), table_name="personal_emails")
    op.drop_table("personal_emails")
