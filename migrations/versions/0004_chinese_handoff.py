"""The hand-off the Chinese way: one name field (姓名), the person's chat language, and
the separate consent for sharing with the sponsor.

Earlier requests keep their first and last name (full_name ""), were made in English,
and had no separate sponsor consent (false: the study team only).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A NOT NULL column with a constant default: plain ALTER TABLE ADD COLUMN on SQLite and PostgreSQL alike.
    op.add_column("contact_requests", sa.Column("full_name", sa.String(60), nullable=False, server_default=""))
    op.add_column("contact_requests", sa.Column("chat_language", sa.String(5), nullable=False, server_default="en"))
    op.add_column("contact_requests",
                  sa.Column("sponsor_consent", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    # ALTER TABLE DROP COLUMN (SQLite 3.35 and later): copying the table, as batch mode
    # does, would cascade-delete the requests' e-mails when the old table is dropped.
    for column in ("sponsor_consent", "chat_language", "full_name"):
        op.drop_column("contact_requests", column)
