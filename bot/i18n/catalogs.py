"""Reading the message catalogs (``locale/<language>/LC_MESSAGES/<domain>.po``) with Babel.

A catalog is checked when it is read: a sentence without a translation, a
translation marked fuzzy (a guess an update made), or a translation whose
``{placeholders}`` differ from the English stops the load with a message
naming the file, the sentence and the language. A person must never meet a
half-translated page or a ``{name}`` left in a sentence.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Dict, Tuple

from babel.messages.catalog import Catalog as BabelCatalog
from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


class TranslationError(ValueError):
    """A message catalog that cannot be used."""

    def __init__(self, path: Path, message_id: str, language: str, problem: str):
        self.path, self.message_id, self.language = path, message_id, language
        super().__init__(f"{path}: [{language}] {message_id!r}: {problem}")


def catalog_path(language: str, domain: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{domain}.po"


def placeholders(text: str) -> Tuple[str, ...]:
    """The ``{name}`` fields of a ``str.format`` sentence, sorted."""
    return tuple(sorted({name for _, name, _, _ in string.Formatter().parse(text) if name is not None}))


class MessageCatalog:
    """One language's translations of one domain."""

    def __init__(self, language: str, singular: Dict[str, str], plural: Dict[Tuple[str, str], Tuple[str, ...]]):
        self.language = language
        self._singular = singular
        self._plural = plural

    def __contains__(self, message_id: str) -> bool:
        return message_id in self._singular or any(key[0] == message_id for key in self._plural)

    def gettext(self, message: str) -> str:
        # A sentence missing from the catalog is caught by `python -m bot.i18n check`
        # in the tests; at run time the English is better than an error.
        return self._singular.get(message, message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        forms = self._plural.get((singular, plural))
        if not forms:
            return singular if count == 1 else plural
        # Chinese has one form; a language with more would pick by its plural rule.
        return forms[0] if len(forms) == 1 else forms[0 if count == 1 else 1]


def read_catalog(path: Path, language: str) -> MessageCatalog:
    try:
        with path.open("rb") as handle:
            babel_catalog: BabelCatalog = read_po(handle, locale=None, abort_invalid=True)
    except OSError as error:
        raise TranslationError(path, "", language, f"cannot read the catalog ({error.strerror})") from None
    singular: Dict[str, str] = {}
    plural: Dict[Tuple[str, str], Tuple[str, ...]] = {}
    for entry in babel_catalog:
        if not entry.id:
            continue  # the header
        if entry.fuzzy:
            raise TranslationError(path, _first(entry.id), language, "the translation is marked fuzzy: check it")
        if isinstance(entry.id, tuple):
            forms = tuple(entry.string) if isinstance(entry.string, (tuple, list)) else (entry.string,)
            if not all(forms):
                raise TranslationError(path, entry.id[0], language, "missing translation")
            for form in forms:
                _check_placeholders(path, entry.id[1], form, language)
            plural[(entry.id[0], entry.id[1])] = forms
        else:
            if not entry.string:
                raise TranslationError(path, entry.id, language, "missing translation")
            _check_placeholders(path, entry.id, entry.string, language)
            singular[entry.id] = entry.string
    return MessageCatalog(language, singular, plural)


def _first(message_id) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def _check_placeholders(path: Path, message_id: str, translation: str, language: str) -> None:
    expected, found = placeholders(message_id), placeholders(translation)
    if expected != found:
        raise TranslationError(
            path, message_id, language, f"the translation has placeholders {list(found)}, the English {list(expected)}"
        )


@lru_cache(maxsize=None)
def message_catalog(language: str, domain: str) -> MessageCatalog:
    return read_catalog(catalog_path(language, domain), language)


