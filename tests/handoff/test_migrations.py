"""The Alembic migrations: a fresh database gets every table, a second run changes nothing,
and the tables match the models."""

from __future__ import annotations

import os
import subprocess
import sys

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text

from bot.storage.database import make_engine
from bot.storage.migrate import current_revision, upgrade
from bot.settings import PROJECT_ROOT
from bot.storage.models import Base
from tests.handoff.conftest import save_request

TABLES = {
    "alembic_version", "trials", "criteria", "screenings", "contact_requests", "notifications",
    "request_notes", "staff_users", "staff_sessions", "audit_log", "funnel_events",
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
    assert current_revision(engine) == "0004"
    first = schema(engine)
    assert set(first) == TABLES
    assert first["contact_requests"] == sorted([
        "id", "reference", "screening_id", "first_name", "last_name", "email", "phone", "language",
        "city_or_site", "best_time", "wants_confirmation", "consent_at", "status", "created_at",
        "owner_id", "next_action_on", "outcome_reason", "first_contact_at", "status_changed_at",
        "full_name", "chat_language", "sponsor_consent",
    ])
    assert first["funnel_events"] == ["detail", "event", "id", "trial_id", "week_start"]
    upgrade(engine)
    assert current_revision(engine) == "0004"
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
        for table in ("contact_requests", "notifications", "request_notes", "staff_sessions")
        for key in inspector.get_foreign_keys(table)
    }
    assert cascades == {("contact_requests", "screenings"): "CASCADE",
                        ("contact_requests", "staff_users"): "SET NULL",
                        ("notifications", "contact_requests"): "CASCADE",
                        ("request_notes", "contact_requests"): "CASCADE",
                        ("staff_sessions", "staff_users"): "CASCADE"}
    engine.dispose()


def run_migrate(url: str, smtp_port: int):
    environment = {**os.environ, "DATABASE_URL": url, "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(smtp_port),
                   "SMTP_TIMEOUT_SECONDS": "2"}
    return subprocess.run([sys.executable, "-m", "bot.storage.migrate"], cwd=PROJECT_ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def test_python_m_bot_migrate_on_a_fresh_sqlite_file_twice(tmp_path, smtp_down):
    url = f"sqlite:///{tmp_path / 'var' / 'prescreen.db'}"
    for _ in range(2):
        result = run_migrate(url, smtp_down.port)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines() == [
            "Database is at version 0004.",
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
    assert current_revision(engine) == "0004"
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


def test_upgrading_from_0001_keeps_requests_and_their_emails_and_downgrade_works(database_url, catalog):
    from alembic import command

    from bot.storage.migrate import alembic_config
    from bot.storage import Repository

    repository = Repository.from_url(database_url)
    config = alembic_config()

    def migrate(step, revision):
        with repository.engine.begin() as connection:
            config.attributes["connection"] = connection
            step(config, revision)

    migrate(command.upgrade, "0001")
    repository_0001_rows = """INSERT INTO trials (registry_id, title, sponsor) VALUES ('NCT06839066', 't', 's')"""
    with repository.engine.begin() as connection:
        connection.execute(text(repository_0001_rows))
        connection.execute(text(
            "INSERT INTO screenings (id, conversation_id, trial_id, voice, answers, criteria_status, verdict, "
            "created_at, updated_at) VALUES ('s1', 'c1', 'NCT06839066', 'self', '{}', '{}', 'incomplete', "
            "'2026-11-30 09:00:00', '2026-11-30 09:00:00')"))
        for number, status in ((1, "notified"), (2, "closed")):
            connection.execute(text(
                "INSERT INTO contact_requests (id, reference, screening_id, first_name, last_name, email, phone, "
                "language, city_or_site, best_time, wants_confirmation, consent_at, status, created_at) VALUES "
                f"({number}, 'PS-AAAA-AAA{number}', 's1', 'A', 'B', 'a@example.com', '+441', 'English', '', '', "
                f"false, '2026-11-30 09:00:00', '{status}', '2026-11-30 09:00:00')"))
        connection.execute(text(
            "INSERT INTO notifications (contact_request_id, kind, recipient, subject, body, status, attempts, "
            "created_at) VALUES (1, 'study_team', 'team@example.com', 'subject', 'body', 'sent', 1, "
            "'2026-11-30 09:00:00')"))
    migrate(command.upgrade, "head")
    with repository.engine.connect() as connection:
        assert connection.execute(text("SELECT reference, status FROM contact_requests ORDER BY id")).all() == [
            ("PS-AAAA-AAA1", "notified"), ("PS-AAAA-AAA2", "withdrew")]
        assert connection.execute(text("SELECT contact_request_id, recipient FROM notifications")).all() == [
            (1, "team@example.com")]
    migrate(command.downgrade, "0001")
    assert current_revision(repository.engine) == "0001"
    with repository.engine.connect() as connection:
        assert connection.execute(text("SELECT status FROM contact_requests ORDER BY id")).scalars().all() == [
            "notified", "closed"]
        assert connection.execute(text("SELECT count(*) FROM notifications")).scalar() == 1
    repository.engine.dispose()
