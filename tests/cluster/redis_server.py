"""A throwaway Redis server on a free loopback port, for the tests (nothing saved to disk)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.handoff.postgres import free_port


class Unavailable(RuntimeError):
    """Why no Redis server can be started here."""


@dataclass
class RedisServer:
    process: subprocess.Popen
    folder: Path
    port: int

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def start() -> RedisServer:
    program = shutil.which("redis-server")
    if program is None:
        raise Unavailable("redis-server was not found (apt-get install redis-server; scripts/setup_cluster.sh)")
    import redis

    folder, port = Path(tempfile.mkdtemp(prefix="prescreen-redis-")), free_port()
    process = subprocess.Popen(
        [program, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
    )
    server = RedisServer(process, folder, port)
    for _ in range(100):
        try:
            redis.Redis(port=port).ping()
            return server
        except redis.ConnectionError:
            if process.poll() is not None:
                break
            time.sleep(0.05)
    server.stop()
    raise Unavailable("redis-server did not start")
