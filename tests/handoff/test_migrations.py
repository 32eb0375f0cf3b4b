"""The Alembic migrations: a fresh database gets every table, a second run changes nothing,
and the tables match the models."""

from __future__ import annotations

import os
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.database import make_engine
from bot.migrate import current_revision, upgrade
from bot.settings import PROJECT_ROOT
from bot.storage.models import Base
from tests.handoff.conftest import save_request

TABLES = {
    "alembic_version", "trials", "criteria", "screenings", "contact_requests", "notifications",
    "personal_emails", "resume_tokens",
}


def schema(engine):
    inspector = inspect(engine)
    return {
        table: sorted(column["name"] for column in inspector.get_columns(table))
        for table in inspector.get_table_names()
    }


def test_upgrade_creates_every_table_then_is_a_no_op(database_url):
    engine = make_engine(database_url)
    assert current_revision(engine) is None
    upgrade(engine)
    assert current_revision(engine) == "0002"
    first = schema(engine)
    assert set(first) == TABLES
    assert first["contact_requests"] == sorted([
        "id", "reference", "screening_id", "first_name", "last_name", "email", "phone", "language",
        "city_or_site", "best_time", "wants_confirmation", "consent_at", "status", "created_at",
    ])
    upgrade(engine)
    assert current_revision(engine) == "0002"
    assert schema(engine) == first
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 1
    engine.dispose()


def test_migration_matches_the_models(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_cascading_deletes_are_in_the_schema(database_url):
    engine = make_engine(database_url)
    upgrade(engine)
    inspector = inspect(engine)
    cascades = {
        (table, key["referred_table"]): key["options"].get("ondelete")
        for table in ("contact_requests", "notifications")
        for key in inspector.get_foreign_keys(table)
    }
    assert cascades == {("contact_requests", "screenings"): "CASCADE",
                        ("notifications", "contact_requests"): "CASCADE"}
    engine.dispose()


def run_migrate(url: str, smtp_port: int):
    environment = {**os.environ, "DATABASE_URL": url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
                   "SMTP_TIMEOUT_SECONDS": "2"}
    return subprocess.run([sys.executable, "-m", "bot.migrate"], cwd=PROJECT_ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_python_m_bot_migrate_on_a_fresh_sqlite_file_twice(tmp_path, smtp_down):
    url = f"sqlite:///{tmp_path / 'var' / 'prescreen.db'}"
    for _ in range(2):
        result = run_migrate(url, smtp_down.port)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "Database is at version 0002.",
            "Catalog: 2 trials, 67 criteria.",
            "E-mails: 0 sent, 0 failed, 0 still pending.",
        ]
    engine = make_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM trials")).scalar() == 2
        assert connection.execute(text("SELECT count(*) FROM criteria")).scalar() == 67
    engine.dispose()


def test_alembic_command_line_uses_database_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    environment = {**os.environ, "DATABASE_URL": url}
    alembic = os.path.join(os.path.dirname(sys.executable), "alembic")
    result = subprocess.run([alembic, "upgrade", "head"], cwd=PROJECT_ROOT, env=environment,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    engine = make_engine(url)
    assert current_revision(engine) == "0002"
    engine.dispose()


def test_unusable_database_is_one_line_and_exit_1(tmp_path):
    result = run_migrate("postgresql+psycopg2://nobody@127.0.0.1:1/none", 1)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["error: the database cannot be used (OperationalError)"]
    assert "nobody" not in result.stderr


def test_python_m_bot_migrate_retries_pending_emails(sqlite_repository, sqlite_url, smtp_down, smtp_server):
    mailbox, smtp = smtp_server
    save_request(sqlite_repository)
    failed = run_migrate(sqlite_url, smtp_down.port)  # the mail server is down at this start...
    assert failed.returncode == 0, failed.stderr
    assert failed.stdout.splitlines()[-1] == "E-mails: 0 sent, 2 failed, 2 still pending."
    retried = run_migrate(sqlite_url, smtp.port)  # ...and back for the next one
    assert retried.stdout.splitlines()[-1] == "E-mails: 2 sent, 0 failed, 0 still pending."
    assert sorted(m["to"][0] for m in mailbox.messages) == ["jane.oneil@example.com", "npc-team@example.com"]
