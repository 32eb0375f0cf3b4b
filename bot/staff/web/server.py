"""Running the console: build its services from the settings, listen, and queue the daily digest.

``ConsoleServer`` is used by ``python -m bot.staff serve`` (in the foreground)
and by the tests (in a thread, with a clock they move). The console refuses to
listen beyond loopback over plain HTTP unless it is behind a TLS proxy
(STAFF_BEHIND_TLS_PROXY) or has a certificate (STAFF_TLS_CERT_FILE, STAFF_TLS_KEY_FILE).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import logging
import ssl
import threading
from dataclasses import dataclass
from typing import Optional

from aiohttp import web

from bot.screening.catalog import load_catalog
from bot.storage.database import make_engine
from bot.settings import Settings
from bot.staff.accounts import Accounts
from bot.staff.casework import Casework
from bot.staff.clock import Clock
from bot.staff.digest import run_digest
from bot.staff.pipeline import Pipeline
from bot.staff.web.app import create_app
from bot.storage.audit import AuditRepository
from bot.storage.followup import FollowUpRepository
from bot.storage.funnel import FunnelRepository
from bot.storage.outbox import OutboxRepository
from bot.storage.staff_accounts import StaffAccountRepository

log = logging.getLogger(__name__)

DIGEST_CHECK_SECONDS = 300.0


class UnsafeListen(ValueError):
    pass


@dataclass
class Console:
    """Every service of the console over one engine."""

    settings: Settings
    clock: Clock

    def __post_init__(self):
        self.engine = make_engine(self.settings.database_url)
        self.pipeline = Pipeline(self.settings.staff)
        self.staff = StaffAccountRepository(self.engine)
        self.accounts = Accounts(self.staff, self.settings.staff, self.clock)
        self.casework = Casework(FollowUpRepository(self.engine), self.pipeline, self.clock)
        self.audit = AuditRepository(self.engine)
        self.funnel = FunnelRepository(self.engine)
        self.outbox = OutboxRepository(self.engine)

    def app(self) -> web.Application:
        return create_app(self.settings, load_catalog(self.settings.seeds_dir), self.accounts, self.casework,
                          self.staff, self.audit, self.funnel)

    def digest(self):
        return run_digest(self.casework, self.outbox, self.settings)

    def housekeeping(self):
        """The timer's work: sessions past their time are removed, then the digest."""
        now, staff = self.clock(), self.settings.staff
        self.staff.close_idle_sessions(now - dt.timedelta(minutes=staff.idle_minutes),
                                       now - dt.timedelta(hours=staff.max_session_hours))
        return self.digest()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def tls_context(settings: Settings) -> Optional[ssl.SSLContext]:
    staff = settings.staff
    if not staff.tls_cert_file:
        if not is_loopback(staff.host) and not staff.behind_tls_proxy:
            raise UnsafeListen(
                f"refusing to serve the console on {staff.host} over plain HTTP: set STAFF_TLS_CERT_FILE and "
                "STAFF_TLS_KEY_FILE, or STAFF_BEHIND_TLS_PROXY=true when a TLS proxy is in front"
            )
        return None
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(str(staff.tls_cert_file), str(staff.tls_key_file) if staff.tls_key_file else None)
    return context


async def _digest_timer(console: Console) -> None:
    while True:
        try:
            report = await asyncio.get_running_loop().run_in_executor(None, console.housekeeping)
            if report.queued or report.delivery.sent or report.delivery.failed:
                log.info("digest: %d queued, %d sent, %d failed", report.queued, report.delivery.sent,
                         report.delivery.failed)
        except Exception as error:  # noqa: BLE001 - the console must keep serving; the next check retries
            log.error("digest check failed: %s", type(error).__name__)
        await asyncio.sleep(DIGEST_CHECK_SECONDS)


class ConsoleServer:
    """The console on a host and port, in a thread of its own (tests) or in the foreground (serve)."""

    def __init__(self, console: Console, host: str, port: int, run_digest_timer: bool = True):
        self.console, self.host, self.port = console, host, port
        self.run_digest_timer = run_digest_timer
        self._loop: Optional[asyncio.AbstractEventLoop] = None
        self._runner: Optional[web.AppRunner] = None
        self._thread: Optional[threading.Thread] = None
        self._timer: Optional[asyncio.Task] = None

    async def _start(self) -> None:
        context = tls_context(self.console.settings)
        self._runner = web.AppRunner(self.console.app(), access_log=log)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, ssl_context=context)
        await site.start()
        if self.run_digest_timer:
            self._timer = asyncio.get_running_loop().create_task(_digest_timer(self.console))
        log.info("staff console listening on %s:%d", self.host, self.port)

    async def _stop(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
        if self._runner is not None:
            await self._runner.cleanup()

    def serve_forever(self) -> None:
        loop = asyncio.new_event_loop()
        asyncio.set_event_loop(loop)
        loop.run_until_complete(self._start())
        try:
            loop.run_forever()
        except KeyboardInterrupt:
            pass
        finally:
            loop.run_until_complete(self._stop())
            loop.close()

    def start_in_thread(self) -> None:
        started = threading.Event()
        failure = []

        def run():
            self._loop = asyncio.new_event_loop()
            asyncio.set_event_loop(self._loop)
            try:
                self._loop.run_until_complete(self._start())
            except Exception as error:  # noqa: BLE001 - reported to the caller below
                failure.append(error)
                started.set()
                return
            started.set()
            self._loop.run_forever()
            self._loop.run_until_complete(self._stop())
            self._loop.close()

        self._thread = threading.Thread(target=run, name="staff-console", daemon=True)
        self._thread.start()
        started.wait(30)
        if failure:
            raise failure[0]

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(30)
        self.console.engine.dispose()
