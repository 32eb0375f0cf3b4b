"""Throughput and latency against one and then two replicas behind HAProxy, in one run.

    .venv/bin/python scripts/benchmark_cluster.py [--concurrency 20 50] [--rounds 1]   # or: make benchmark-cluster

For each replica count it starts the local cluster (scripts/cluster.py: Redis,
PostgreSQL, HAProxy, Rasa and action-server replicas on loopback), runs whole NPC
screenings through the balancer with no pause between messages (the servers are
never idle), and prints turns per second and p50/p95 per concurrency level, then
the two-replica figures divided by the one-replica ones. Nothing leaves this machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Dict, List

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT / "scripts"))

from benchmark import one_conversation  # noqa: E402
from cluster import start_cluster  # noqa: E402


def measure(url: str, concurrency: int, rounds: int) -> Dict[str, float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(concurrency) as pool:
        runs = list(pool.map(lambda seed: one_conversation(url, 0.0, seed), range(concurrency * rounds)))
    elapsed = time.perf_counter() - start
    latencies = sorted(ms for run in runs for ms in run)
    return {
        "turns": len(latencies),
        "turns_per_second": round(len(latencies) / elapsed, 1),
        "turn_p50_ms": round(statistics.median(latencies), 1),
        "turn_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, nargs="+", default=[20, 50])
    parser.add_argument("--rounds", type=int, default=1, help="conversations per concurrent user")
    args = parser.parse_args()
    results: Dict[int, Dict[int, Dict[str, float]]] = {}
    for replicas in (1, 2):
        # Every simulated person comes from 127.0.0.1: lift the per-client and per-conversation limits.
        cluster = start_cluster(replicas, extra_env={"RATE_LIMIT_PER_CLIENT": "1000000", "RATE_LIMIT_PER_CONVERSATION": "100000"})
        try:
            for _ in range(2):
                one_conversation(cluster.balancer_url)  # warm-up (both replicas), not counted
            results[replicas] = {c: measure(cluster.balancer_url, c, args.rounds) for c in args.concurrency}
        finally:
            cluster.stop()
        print(json.dumps({"replicas": replicas, "results": results[replicas]}), flush=True)
    ratios: List[dict] = [
        {
            "concurrency": c,
            "turns_per_second_2_over_1": round(results[2][c]["turns_per_second"] / results[1][c]["turns_per_second"], 2),
            "p95_2_over_1": round(results[2][c]["turn_p95_ms"] / results[1][c]["turn_p95_ms"], 2),
        }
        for c in args.concurrency
    ]
    print(json.dumps({"ratios": ratios}, indent=2))


if __name__ == "__main__":
    main()
