"""The staff console's commands.

    python -m bot.staff serve                       # the web console (STAFF_HOST:STAFF_PORT, 127.0.0.1:5090)
    python -m bot.staff add-user NAME --display-name "Dr Li" [--admin]   # asks for the password twice
    python -m bot.staff unlock NAME                 # end a lock-out
    python -m bot.staff set-password NAME           # signs the user out everywhere
    python -m bot.staff disable NAME
    python -m bot.staff digest                      # queue today's digest if due, and send (for cron)

Passwords are read from the terminal, or from standard input when it is not
one (a script). Errors print one line and exit with status 2 (1 when the
database cannot be used: run `python -m bot.storage.migrate` first).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from typing import Optional, Sequence

from sqlalchemy.exc import SQLAlchemyError

from bot.settings import Settings, get_settings
from bot.staff.accounts import AccountError, hash_password
from bot.staff.clock import system_clock
from bot.staff.web.server import Console, ConsoleServer, UnsafeListen
from bot.storage.staff_accounts import UsernameTaken

USAGE_ERROR, DATABASE_ERROR = 2, 1


def _read_password(prompt: str) -> str:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(prompt)
    if getpass.getpass("Once more: ") != first:
        raise AccountError("The two passwords are not the same.")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot.staff", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser("serve", help="run the web console")
    add = commands.add_parser("add-user", help="add a staff user")
    add.add_argument("username")
    add.add_argument("--display-name", default="")
    add.add_argument("--admin", action="store_true", help="may add users and unlock accounts in the console")
    for name, text in (("unlock", "end a lock-out"), ("set-password", "set a new password"),
                       ("disable", "stop a user signing in")):
        commands.add_parser(name, help=text).add_argument("username")
    commands.add_parser("digest", help="queue today's digest of overdue requests if due, then send e-mails")
    return parser


def main(argv: Optional[Sequence[str]] = None, settings: Optional[Settings] = None) -> int:
    args = _parser().parse_args(argv)
    settings = settings or get_settings()
    console = Console(settings, system_clock)
    try:
        if args.command == "serve":
            logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
            print(f"Staff console: {settings.staff.public_url}/", flush=True)
            ConsoleServer(console, settings.staff.host, settings.staff.port).serve_forever()
            return 0
        if args.command == "add-user":
            username = console.accounts.add_user(args.username, args.display_name,
                                                 _read_password("Password (12 characters or more): "), args.admin)
            print(f"Added {username}{' (administrator)' if args.admin else ''}.")
        elif args.command == "digest":
            report = console.digest()
            print(f"Digests queued: {report.queued}. E-mails sent {report.delivery.sent}, "
                  f"failed {report.delivery.failed}.")
        else:
            changes = {"unlock": {"unlock": True}, "disable": {"disabled": True}}.get(args.command)
            if changes is None:
                changes = {"password_hash": hash_password(_read_password("New password: "))}
            if not console.staff.change(args.username, **changes):
                raise AccountError(f"there is no staff user called {args.username}")
            print(f"{args.username}: done.")
    except (AccountError, UsernameTaken, UnsafeListen) as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except SQLAlchemyError as error:
        print(f"error: the database cannot be used ({type(error).__name__}). Run `python -m bot.storage.migrate` first.",
              file=sys.stderr)
        return DATABASE_ERROR
    finally:
        console.engine.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
