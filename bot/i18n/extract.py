"""Finding the sentences the code marks for translation, and keeping the catalogs in step.

A module joins a domain by binding ``domain("<name>")``; every ``_()``,
``gettext()``, ``ngettext()`` and ``N_()`` call with a literal sentence in it
belongs to that domain. Babel's Python extractor reads them, as ``pybabel
extract`` would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Tuple, Union

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.pofile import read_po, write_po

from bot.i18n.catalogs import LOCALE_DIR, TranslationError, catalog_path, read_catalog

PROJECT_DIR = LOCALE_DIR.parent
SOURCE_DIRS = ("bot", "actions", "widget")
_DOMAIN_BINDING = re.compile(r"""\bdomain\(\s*["']([a-z_]+)["']\s*\)""")

MessageId = Union[str, Tuple[str, str]]


@dataclass(frozen=True)
class Marked:
    """One marked sentence and where it is."""

    id: MessageId
    path: Path
    line: int


def domain_sources(project_dir: Path = PROJECT_DIR) -> Dict[str, List[Path]]:
    """Each domain and the modules that bind it."""
    found: Dict[str, List[Path]] = {}
    for directory in SOURCE_DIRS:
        for path in sorted((project_dir / directory).rglob("*.py")):
            if path.parent.name == "i18n":
                continue  # this package names domains in its own documentation
            names = set(_DOMAIN_BINDING.findall(path.read_text(encoding="utf-8")))
            if len(names) > 1:
                raise ValueError(f"{path}: binds more than one translation domain ({', '.join(sorted(names))})")
            for name in names:
                found.setdefault(name, []).append(path)
    return found


def marked_sentences(paths: Iterable[Path]) -> List[Marked]:
    marked: List[Marked] = []
    for path in paths:
        for line, message, _comments, _context in extract_from_file("python", str(path), keywords=DEFAULT_KEYWORDS):
            if isinstance(message, tuple):
                message = (message[0], message[1]) if len(message) > 1 and message[1] else message[0]
            if message:
                marked.append(Marked(message, path, line))
    return marked


def check(languages: Iterable[str], project_dir: Path = PROJECT_DIR) -> List[str]:
    """Every problem with the catalogs, one line each (empty when all is well)."""
    problems: List[str] = []
    locale_dir = project_dir / "locale"
    for name, paths in sorted(domain_sources(project_dir).items()):
        marked = marked_sentences(paths)
        ids = {_key(m.id) for m in marked}
        for language in languages:
            path = catalog_path(language, name, locale_dir)
            if not path.exists():
                problems.append(f"{path}: [{language}] missing catalog for domain {name!r}")
                continue
            try:
                catalog = read_catalog(path, language)
            except TranslationError as error:
                problems.append(str(error))
                continue
            for sentence in marked:
                if _key(sentence.id) not in catalog:
                    problems.append(
                        f"{path}: [{language}] {_key(sentence.id)!r} (from {sentence.path.relative_to(project_dir)}:"
                        f"{sentence.line}) missing translation"
                    )
            with path.open("rb") as handle:
                stale = sorted(_key(e.id) for e in read_po(handle) if e.id and _key(e.id) not in ids)
            problems.extend(f"{path}: [{language}] {message!r} is no longer in the code: remove it" for message in stale)
    return problems


def update(languages: Iterable[str], project_dir: Path = PROJECT_DIR) -> List[Path]:
    """Add every new sentence (untranslated) to each catalog and drop the ones the code no longer has."""
    written: List[Path] = []
    locale_dir = project_dir / "locale"
    for name, paths in sorted(domain_sources(project_dir).items()):
        template = BabelCatalog(domain=name, project="trial-prescreening")
        for sentence in marked_sentences(paths):
            location = (str(sentence.path.relative_to(project_dir)), sentence.line)
            template.add(sentence.id, locations=[location])
        for language in languages:
            path = catalog_path(language, name, locale_dir)
            if path.exists():
                with path.open("rb") as handle:
                    catalog = read_po(handle, locale=language)
            else:
                catalog = BabelCatalog(locale=language, domain=name, project="trial-prescreening")
            catalog.update(template, no_fuzzy_matching=True)
            catalog.obsolete.clear()
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as handle:
                write_po(handle, catalog, width=100, omit_header=False, sort_output=False, include_lineno=False)
            written.append(path)
    return written


def _key(message_id: MessageId) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id
