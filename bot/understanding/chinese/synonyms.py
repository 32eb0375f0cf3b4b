"""Other names of the medical words the Chinese questions use (``seeds/synonyms_zh.yml``).

A question whose Chinese text, help or terms holds one name of a group reads the group's other
names as its own words: 房颤 is 心跳不齐 to the heart question, 强的松 is 泼尼松 to the steroid
questions. The groups are data a coordinator extends; the reader keeps no list of its own.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Iterable, Tuple

import yaml

from bot.understanding.chinese.text import normalise

SYNONYMS_FILE = Path(__file__).resolve().parents[3] / "seeds" / "synonyms_zh.yml"


@lru_cache(maxsize=1)
def groups() -> Tuple[Tuple[str, ...], ...]:
    data = yaml.safe_load(SYNONYMS_FILE.read_text(encoding="utf-8")) or {}
    return tuple(
        tuple(dict.fromkeys(normalise(str(name), limit=None) for name in group if str(name).strip()))
        for group in data.get("groups") or ()
    )


def other_names(texts: Iterable[str]) -> Tuple[str, ...]:
    """The names of every group one of whose names is in ``texts`` (normalised), in the file's order."""
    text = " ".join(texts)
    found = []
    for group in groups():
        if any(name in text for name in group):
            found += [name for name in group if name not in found]
    return tuple(found)
