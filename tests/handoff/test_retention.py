"""How long a request is kept: CONTACT_RETENTION_DAYS, said in the consent and kept true."""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import text

from bot.handoff.messages import consent_message
from bot.handoff.retention import delete_expired_requests
from bot.i18n import use_language
from bot.storage.audit import AuditRepository
from bot.storage.migrate import upgrade
from tests.handoff.conftest import NPC, prepared_repository, save_request


def age_request(repository, reference, days):
    made = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.timezone.utc) - dt.timedelta(days=days)
    stored = made.replace(tzinfo=None) if repository.engine.dialect.name == "sqlite" else made
    with repository.engine.begin() as connection:
        connection.execute(text("UPDATE contact_requests SET created_at = :made WHERE reference = :ref"),
                           {"made": stored, "ref": reference})


def test_requests_older_than_the_retention_are_deleted_and_audited(database_url, catalog):
    repository = prepared_repository(database_url, catalog)
    now = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.timezone.utc)
    old = save_request(repository, conversation_id="old")
    young = save_request(repository, conversation_id="young")
    age_request(repository, old, 181)
    age_request(repository, young, 179)
    assert delete_expired_requests(repository, 180, now) == 1
    assert repository.get_request(old) is None
    assert repository.get_request(young) is not None
    with repository.engine.connect() as connection:  # its e-mails went with it
        assert connection.execute(text("SELECT count(*) FROM notifications n JOIN contact_requests c "
                                       "ON n.contact_request_id = c.id")).scalar() == 2
    entries = AuditRepository(repository.engine).entries(old)
    assert [(e.actor, e.action) for e in entries] == [("retention", "deleted")]
    assert delete_expired_requests(repository, 180, now) == 0  # a second run finds nothing
    repository.engine.dispose()


def test_the_consent_says_the_retention_in_both_languages(catalog):
    trial = catalog.trial(NPC)
    for language in ("en", "zh"):
        with use_language(language):
            said = consent_message(trial, "self", retention_days=90).text
        assert re.search(r"\b90\b", said) and not re.search(r"\b180\b", said)


def test_upgrading_from_0003_keeps_requests_with_one_language_and_no_sponsor_consent(database_url, catalog):
    from alembic import command

    from bot.storage import Repository
    from bot.storage.migrate import alembic_config

    repository = Repository.from_url(database_url)
    config = alembic_config()
    with repository.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    repository.sync_catalog(catalog)
    with repository.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO screenings (id, conversation_id, trial_id, voice, answers, criteria_status, verdict, "
            "created_at, updated_at) VALUES ('s1', 'c1', 'NCT06839066', 'self', '{}', '{}', 'incomplete', "
            "'2026-11-30 09:00:00', '2026-11-30 09:00:00')"))
        connection.execute(text(
            "INSERT INTO contact_requests (id, reference, screening_id, first_name, last_name, email, phone, "
            "language, city_or_site, best_time, wants_confirmation, consent_at, status, created_at) VALUES "
            "(1, 'PS-AAAA-AAA1', 's1', 'A', 'B', 'a@example.com', '+441', 'English', '', '', false, "
            "'2026-11-30 09:00:00', 'new', '2026-11-30 09:00:00')"))
        connection.execute(text(
            "INSERT INTO notifications (contact_request_id, kind, recipient, subject, body, status, attempts, "
            "created_at) VALUES (1, 'study_team', 'team@example.com', 'subject', 'body', 'sent', 1, "
            "'2026-11-30 09:00:00')"))
    upgrade(repository.engine)
    kept = repository.get_request("PS-AAAA-AAA1")
    assert (kept.name, kept.full_name, kept.chat_language, kept.sponsor_consent) == ("A B", "", "en", False)
    with repository.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    with repository.engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM notifications")).scalar() == 1
        assert connection.execute(text("SELECT reference FROM contact_requests")).scalars().all() == ["PS-AAAA-AAA1"]
    repository.engine.dispose()


def test_each_start_deletes_the_expired_requests(sqlite_url, catalog, smtp_down, capsys):
    from bot.settings import Settings
    from bot.storage.migrate import main
    from tests.conftest import SEEDS_DIR

    repository = prepared_repository(sqlite_url, catalog)
    old = save_request(repository, conversation_id="old", study_team_email=None, wants_confirmation=False)
    age_request(repository, old, 31)
    settings = Settings(seeds_dir=SEEDS_DIR, database_url=sqlite_url, smtp=smtp_down, contact_retention_days=30)
    assert main([], settings=settings) == 0
    assert "Deleted 1 contact request(s) older than 30 days." in capsys.readouterr().out.splitlines()
    assert repository.get_request(old) is None
    repository.engine.dispose()
