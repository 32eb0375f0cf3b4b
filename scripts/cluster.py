"""A local cluster on loopback: Redis, PostgreSQL, HAProxy, two Rasa replicas and two action servers.

    .venv/bin/python scripts/cluster.py [--replicas 2]      # or: make cluster

Everything runs as throwaway processes in a temporary folder and stops on
Ctrl+C (the folder is removed). The same pieces and settings make a deployment
on real hosts: see "Running on several machines" in the README and
``deploy/haproxy.cfg``. The cluster tests (``tests/cluster/``) and
``scripts/benchmark_cluster.py`` start it through ``start_cluster``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.e2e.servers import RASA, RASA_SERVER, _wait_for, ensure_model, free_port  # noqa: E402
from tests.handoff import postgres  # noqa: E402

HAPROXY_CONFIG = PROJECT_ROOT / "deploy" / "haproxy.cfg"
# Per replica: a handful of connections is plenty (Rasa's default is 50 + 100 overflow).
SQL_POOL_SIZE, SQL_MAX_OVERFLOW = "5", "10"
LOCK_LIFETIME_SECONDS = 20


class Unavailable(RuntimeError):
    """Why the cluster cannot run on this machine."""


def missing_programs() -> List[str]:
    missing = [name for name in ("redis-server", "haproxy") if shutil.which(name) is None]
    if postgres.find_bin_dir() is None:
        missing.append("postgresql")
    return missing


@dataclass
class Process:
    name: str
    command: List[str]
    env: Dict[str, str]
    log: Path
    url: Optional[str] = None  # what answers once it is ready
    popen: Optional[subprocess.Popen] = None

    def start(self) -> None:
        self.popen = subprocess.Popen(
            self.command, cwd=PROJECT_ROOT, env=self.env, stdout=self.log.open("a"), stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def wait_ready(self) -> None:
        if self.url:
            _wait_for(self.url, self.popen, self.log)

    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def stop(self, sig: int = signal.SIGTERM) -> None:
        if self.alive():
            os.killpg(self.popen.pid, sig)
        if self.popen is not None:
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()


@dataclass
class Cluster:
    folder: Path
    balancer_url: str
    rasa_urls: List[str]
    database_url: str  # contact requests and the outbox
    tracker_database_url: str  # conversations
    redis_url: str
    processes: Dict[str, Process] = field(default_factory=dict)
    postgres_server: Optional[postgres.PostgresServer] = None

    def kill(self, name: str) -> None:
        """Kill one process at once (SIGKILL), as a crash would."""
        self.processes[name].stop(signal.SIGKILL)

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()
        if self.postgres_server is not None:
            self.postgres_server.stop()
        shutil.rmtree(self.folder, ignore_errors=True)


def _endpoints(folder: Path, name: str, actions_url: str, tracker_db: str, pg_port: int, redis_url: str) -> Path:
    path = folder / f"endpoints-{name}.yml"
    path.write_text(
        f'action_endpoint:\n  url: "{actions_url}/webhook"\n'
        "tracker_store:\n  type: actions.cached_tracker_store.CachedSQLTrackerStore\n"
        f'  dialect: "postgresql"\n  url: "127.0.0.1"\n  port: {pg_port}\n'
        f'  username: "{postgres.SUPERUSER}"\n  db: "{tracker_db}"\n'
        "lock_store:\n  type: actions.lock_store.AtomicRedisLockStore\n"
        f'  url: "{redis_url}"\n  lock_lifetime: {LOCK_LIFETIME_SECONDS}\n'
    )
    return path


def start_cluster(replicas: int = 2, extra_env: Optional[Dict[str, str]] = None) -> Cluster:
    """Start everything and wait until the balancer answers; the caller must call ``stop()``."""
    missing = missing_programs()
    if missing:
        raise Unavailable(f"not installed: {', '.join(missing)} (scripts/setup_cluster.sh installs them)")
    if replicas not in (1, 2):
        raise ValueError("deploy/haproxy.cfg names two replicas of each server; use 1 or 2")
    model = ensure_model()
    folder = Path(tempfile.mkdtemp(prefix="prescreen-cluster-"))
    pg = postgres.start()
    try:
        database_url, tracker_url = pg.new_database(), pg.new_database()
    except Exception:
        pg.stop()
        raise
    redis_port, lb_port, actions_lb_port = free_port(), free_port(), free_port()
    redis_url = f"redis://127.0.0.1:{redis_port}/0"
    rasa_ports = [free_port() for _ in range(2)]
    action_ports = [free_port() for _ in range(2)]
    cluster = Cluster(
        folder, f"http://127.0.0.1:{lb_port}", [f"http://127.0.0.1:{p}" for p in rasa_ports[:replicas]],
        database_url, tracker_url, redis_url, postgres_server=pg,
    )
    base_env = {
        **os.environ, **(extra_env or {}), "PYTHONUNBUFFERED": "1", "DATABASE_URL": database_url,
        "REDIS_URL": redis_url, "SQL_POOL_SIZE": SQL_POOL_SIZE, "SQL_MAX_OVERFLOW": SQL_MAX_OVERFLOW,
        # The replicas count messages per person by the address HAProxy forwards.
        "TRUSTED_PROXIES": "127.0.0.1",
    }
    # With one replica the balancer lists it twice: the same configuration file serves both runs.
    rasa_addresses = [f"127.0.0.1:{rasa_ports[i % replicas]}" for i in range(2)]
    action_addresses = [f"127.0.0.1:{action_ports[i % replicas]}" for i in range(2)]
    balancer_env = {
        **os.environ, "LB_BIND": f"127.0.0.1:{lb_port}", "ACTIONS_LB_BIND": f"127.0.0.1:{actions_lb_port}",
        "RASA_1": rasa_addresses[0], "RASA_2": rasa_addresses[1],
        "ACTIONS_1": action_addresses[0], "ACTIONS_2": action_addresses[1],
    }

    def add(process: Process) -> Process:
        cluster.processes[process.name] = process
        return process

    try:
        add(Process("redis", [
            "redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
            "--dir", str(folder),
        ], base_env, folder / "redis.log")).start()
        subprocess.run([sys.executable, "-m", "bot.storage.migrate"], cwd=PROJECT_ROOT, env=base_env, check=True,
                       capture_output=True, timeout=300)
        tracker_db = tracker_url.rsplit("/", 1)[1]
        starting = []
        for index in range(replicas):
            number = index + 1
            starting.append(add(Process(
                f"actions{number}", [RASA, "run", "actions", "--actions", "actions", "--port", str(action_ports[index])],
                base_env, folder / f"actions{number}.log", url=f"http://127.0.0.1:{action_ports[index]}/health",
            )))
            endpoints = _endpoints(folder, f"rasa{number}", f"http://127.0.0.1:{actions_lb_port}", tracker_db,
                                   pg.port, redis_url)
            starting.append(add(Process(
                f"rasa{number}", [
                    *RASA_SERVER, "run", "--model", str(model), "--endpoints", str(endpoints), "--credentials",
                    str(PROJECT_ROOT / "credentials.yml"), "--port", str(rasa_ports[index]), "--interface",
                    "127.0.0.1",
                ], base_env, folder / f"rasa{number}.log", url=f"http://127.0.0.1:{rasa_ports[index]}/widget/health",
            )))
        add(Process("haproxy", ["haproxy", "-db", "-f", str(HAPROXY_CONFIG)], balancer_env,
                    folder / "haproxy.log")).start()
        for process in starting:
            process.start()
        for process in starting:
            process.wait_ready()
        _wait_for(f"{cluster.balancer_url}/widget/health", cluster.processes["haproxy"].popen,
                  cluster.processes["haproxy"].log)
        time.sleep(4.5)  # HAProxy marks a server up after two passed checks, one every 2 s
    except BaseException:
        cluster.stop()
        raise
    return cluster


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replicas", type=int, default=2, choices=(1, 2))
    args = parser.parse_args()
    try:
        print("Starting Redis, PostgreSQL, HAProxy and the servers (about a minute)...", flush=True)
        cluster = start_cluster(args.replicas)
    except Unavailable as reason:
        sys.exit(f"cluster: {reason}")
    print(f"""
The cluster is running. Open {cluster.balancer_url}/ in a browser.

  HAProxy          {cluster.balancer_url}  (routes by conversation id)
  Rasa replicas    {'  '.join(cluster.rasa_urls)}
  Redis            {cluster.redis_url}
  PostgreSQL       {cluster.tracker_database_url} (conversations), {cluster.database_url} (requests, outbox)
  Logs             {cluster.folder}

Press Ctrl+C to stop everything (the folder above is removed).
""", flush=True)
    try:
        while True:
            time.sleep(1)
            dead = [name for name, process in cluster.processes.items() if not process.alive()]
            if dead:
                print(f"cluster: {', '.join(dead)} stopped; see the logs above", file=sys.stderr)
                for name in dead:
                    print(cluster.processes[name].log.read_text(errors="replace")[-2000:], file=sys.stderr)
                break
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
    finally:
        cluster.stop()


if __name__ == "__main__":
    main()
