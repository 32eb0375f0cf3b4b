"""Alembic's entry point: which database to migrate, and how.

``bot.storage.migrate`` hands over an open connection (``config.attributes["connection"]``)
made by ``bot.storage.database.make_engine``, so file permissions and SQLite's foreign
keys are the same as at run time. The ``alembic`` command line has no
connection: the URL is DATABASE_URL from ``bot.settings``, unless the caller set
``sqlalchemy.url``.
"""

from logging.config import fileConfig

from alembic import context

from bot.storage.database import make_engine
from bot.settings import get_settings
from bot.storage.models import Base

config = context.config
target_metadata = Base.metadata


def database_url() -> str:
    return config.get_main_option("sqlalchemy.url") or get_settings().database_url


def run_on(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: later migrations copy and rebuild tables instead.
        render_as_batch=connection.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    """``alembic upgrade head --sql``: print the SQL instead of running it."""
    context.configure(url=database_url(), target_metadata=target_metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        run_on(connection)
        return
    engine = make_engine(database_url())
    try:
        with engine.connect() as connection:
            run_on(connection)
            connection.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    if config.config_file_name is not None and "connection" not in config.attributes:
        # Only for the alembic command line: a program calling bot.storage.migrate keeps its own logging.
        fileConfig(config.config_file_name, disable_existing_loggers=False)
    run_migrations_online()
