"""Open the database that keeps screenings and contact requests.

SQLite by default (one file under the git-ignored ``var/`` folder); PostgreSQL
by changing ``DATABASE_URL``. Making an engine connects to nothing: SQLAlchemy
connects on first use, and callers open one session per operation.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Optional

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine, make_url

# The database holds health answers and contact details: only its owner may read it.
FOLDER_MODE = 0o700
FILE_MODE = 0o600
# Seconds a SQLite writer waits for another to finish before giving up.
SQLITE_BUSY_TIMEOUT_SECONDS = 15


def make_engine(url: str) -> Engine:
    """A SQLAlchemy 2.0-style engine for ``url``; SQLite files are prepared first."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        # pool_pre_ping: a server restart must not fail the next person's request.
        return create_engine(url, future=True, pool_pre_ping=True)
    path = sqlite_file(url)
    if path is not None:
        create_private_file(path)
    engine = create_engine(
        url,
        future=True,
        connect_args={"timeout": SQLITE_BUSY_TIMEOUT_SECONDS},
    )
    event.listen(engine, "connect", _configure_sqlite_connection)
    event.listen(engine, "begin", _begin_immediate)
    return engine


def sqlite_file(url: str) -> Optional[Path]:
    """The file behind a SQLite URL, or None for an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().resolve()


def create_private_file(path: Path) -> None:
    """Create ``path`` (and its folder) readable by its owner only, if it does not exist."""
    if not path.parent.exists():
        path.parent.mkdir(mode=FOLDER_MODE, parents=True)
        os.chmod(path.parent, FOLDER_MODE)  # mkdir's mode is reduced by the umask
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    except FileExistsError:
        return
    os.close(descriptor)
    os.chmod(path, FILE_MODE)


def _configure_sqlite_connection(dbapi_connection, connection_record) -> None:
    # SQLite ignores foreign keys (and so ON DELETE CASCADE) unless asked, per connection.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    # Deleted rows (a request removed on "delete my data") are overwritten, not left in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()
    # The sqlite3 module opens transactions late and on its own; hand that to the
    # "begin" event below so each session is exactly one SQLite transaction.
    dbapi_connection.isolation_level = None


def _begin_immediate(connection) -> None:
    # Take the write lock at the start: two transactions that both read and then
    # write would otherwise deadlock, and SQLite fails one at once instead of waiting.
    connection.exec_driver_sql("BEGIN IMMEDIATE")
