"""Fixtures for running on several machines: a throwaway Redis, and the whole local cluster
(Redis, PostgreSQL, HAProxy, two Rasa replicas, two action servers) started by scripts/cluster.py.

Each is skipped, with the reason printed, where its programs cannot be installed."""

from __future__ import annotations

import sys
from typing import Iterator

import pytest

from tests.cluster import redis_server
from tests.e2e.servers import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "scripts"))
import cluster as cluster_script  # noqa: E402  (scripts/cluster.py, what `make cluster` runs)


def _skip(what: str, reason: object) -> None:
    print(f"\n{what} tests skipped: {reason}", file=sys.stderr)
    pytest.skip(f"{what} not available: {reason}")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    try:
        server = redis_server.start()
    except redis_server.Unavailable as reason:
        _skip("Redis", reason)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def cluster() -> Iterator["cluster_script.Cluster"]:
    try:
        # Every simulated person here comes from 127.0.0.1: lift the per-client limit (its
        # own tests are in tests/e2e/test_security.py), keep the per-conversation one.
        running = cluster_script.start_cluster(replicas=2, extra_env={"RATE_LIMIT_PER_CLIENT": "1000000"})
    except cluster_script.Unavailable as reason:
        _skip("Cluster", reason)
    yield running
    running.stop()
