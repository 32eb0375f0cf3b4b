"""Settings, read once from the environment after loading a local ``.env`` file.

Every setting is documented in ``.env.example``. Nothing here opens a file or a
connection: callers decide when to use the values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from dotenv import load_dotenv

PROJECT_ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    seeds_dir: Path


def _path(value: str) -> Path:
    path = Path(value)
    return path if path.is_absolute() else PROJECT_ROOT / path


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    # A real environment variable wins over the .env file (override=False).
    load_dotenv(PROJECT_ROOT / ".env", override=False)
    return Settings(
        seeds_dir=_path(os.environ.get("PRESCREEN_SEEDS_DIR", "seeds")),
    )
