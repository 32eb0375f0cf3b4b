"""What every repository shares: an engine, and one transaction per method.

One method is one transaction in its own session, so nothing is held open
between chat turns or page views and no database is opened at import time.
Methods return plain frozen dataclasses, never ORM objects, so callers cannot
touch the database by accident after the session has closed.
"""

from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator, Type, TypeVar

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from bot.storage.database import make_engine

StoreType = TypeVar("StoreType", bound="Store")


class Store:
    def __init__(self, engine: Engine):
        self.engine = engine

    @classmethod
    def from_url(cls: Type[StoreType], url: str) -> StoreType:
        return cls(make_engine(url))

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        # expire_on_commit=False: values read inside stay readable after the commit.
        with Session(self.engine, future=True, expire_on_commit=False) as session, session.begin():
            yield session
