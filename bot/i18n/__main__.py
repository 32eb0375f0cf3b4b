"""``python -m bot.i18n check`` (every marked sentence has a translation) or ``update`` (add new ones, untranslated)."""

from __future__ import annotations

import argparse
import sys

from bot.i18n import LANGUAGES, SOURCE_LANGUAGE
from bot.i18n.extract import check, update


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.i18n", description=__doc__)
    parser.add_argument("command", choices=("check", "update"))
    args = parser.parse_args(argv)
    languages = [language for language in LANGUAGES if language != SOURCE_LANGUAGE]
    if args.command == "update":
        for path in update(languages):
            print(f"updated {path}")
        return 0
    problems = check(languages)
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "every marked sentence has a translation")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
