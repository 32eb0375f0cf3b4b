"""Prepare the database at start-up: ``python -m bot.storage.migrate``.

1. Upgrade the tables to the newest Alembic version (nothing to do the second time).
2. Copy the trials and criteria from ``seeds/`` (the same each time).
3. Send the e-mails still waiting in the outbox, such as those that failed while
   the mail server was down: they are retried on the next start.

Prints one line per step. Exits 2 when the seed files are broken and 1 when the
database cannot be used. The database URL is never printed: it may hold a password.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Optional, Sequence

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from bot.screening.catalog import CatalogError, load_catalog
from bot.handoff.keep import send_pending
from bot.handoff.notify import DeliveryReport, deliver_pending
from bot.handoff.retention import delete_expired_requests
from bot.settings import PROJECT_ROOT, Settings, get_settings
from bot.storage import Repository
from bot.storage.personal import PersonalStore

ALEMBIC_INI = PROJECT_ROOT / "alembic.ini"


@dataclass(frozen=True)
class StartupReport:
    revision: Optional[str]
    trials: int
    criteria: int
    delivery: DeliveryReport
    still_pending: int
    expired: int = 0  # contact requests deleted, past CONTACT_RETENTION_DAYS


def alembic_config() -> Config:
    config = Config(str(ALEMBIC_INI))
    # Absolute, so it works whatever the current directory is.
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return config


def upgrade(engine: Engine) -> None:
    """Upgrade to the newest version in one transaction (DDL is transactional on SQLite and PostgreSQL)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def current_revision(engine: Engine) -> Optional[str]:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def prepare(settings: Settings) -> StartupReport:
    """Upgrade, load the catalog, retry pending e-mails (raises CatalogError or SQLAlchemyError)."""
    catalog = load_catalog(settings.seeds_dir)  # first: broken seed files must not half-prepare anything
    repository = Repository.from_url(settings.database_url)
    try:
        upgrade(repository.engine)
        repository.sync_catalog(catalog)
        expired = delete_expired_requests(repository, settings.contact_retention_days)
        delivery = deliver_pending(repository, settings.smtp)
        send_pending(PersonalStore(repository.engine), settings.smtp)  # e-mails people sent themselves
        return StartupReport(
            revision=current_revision(repository.engine),
            trials=len(catalog.trials),
            criteria=sum(len(trial.criteria) for trial in catalog.trials.values()),
            delivery=delivery,
            still_pending=repository.count_pending(),
            expired=expired,
        )
    finally:
        repository.engine.dispose()


def main(argv: Optional[Sequence[str]] = None, settings: Optional[Settings] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.storage.migrate", description=__doc__.split("\n\n")[0])
    parser.parse_args(argv)
    settings = settings or get_settings()
    try:
        report = prepare(settings)
    except CatalogError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except SQLAlchemyError as error:
        print(f"error: the database cannot be used ({type(error).__name__})", file=sys.stderr)
        return 1
    print(f"Database is at version {report.revision}.")
    print(f"Catalog: {report.trials} trials, {report.criteria} criteria.")
    print(
        f"E-mails: {report.delivery.sent} sent, {report.delivery.failed} failed, "
        f"{report.still_pending} still pending."
    )
    if report.expired:
        print(f"Deleted {report.expired} contact request(s) older than {settings.contact_retention_days} days.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
