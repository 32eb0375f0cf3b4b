"""Load test: K concurrent simulated conversations through the REST channel.

    .venv/bin/python scripts/benchmark.py [--concurrency 20] [--rounds 3] [--think-seconds 0]
        [--tracker-store actions.tracker_store.ForgetfulSQLTrackerStore --tracker-store actions.cached_tracker_store.CachedSQLTrackerStore]
        [--compare-speedups]

Starts the action server and the Rasa server on free loopback ports, runs
K x rounds whole screenings (K at a time), and prints the p50/p95 turn latency,
turns per second, the CPU time each server spent per turn (from /proc: on a
shared machine the one figure other people's work does not change), and the
peak memory (VmHWM) of both servers. Nothing leaves
this machine. The README's performance figures come from this script.

With --think-seconds 0 every simulated person answers the moment a reply comes
(a stress test: the servers are never idle). A real person reads and types;
--think-seconds T waits a random 0.5T-1.5T (seeded) before each message.

--compare-speedups runs the same load twice, back to back: first with
RASA_SPEEDUPS=false (Rasa's own functions), then with the performance fixes
of rasa_speedups/ (the default), so before and after come from one run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import List, Optional

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from tests.e2e.servers import TRACKER_STORE, send_message, start_servers  # noqa: E402

ANSWERS = {
    "npc_recurrent_metastatic": "yes", "age": "58", "chemo_lines": "2 lines", "platinum_chemo": "yep",
    "pd1_therapy": '/inform{"answer": "yes"}', "daily_activity": "light housework only",
    "last_treatment_days": "about 6 weeks ago", "side_effects_more_than_mild": "no",
    "measurable_lesion": "not sure", "npc_health_screen": "no", "other_cancer": "none",
    "npc_recent_medicines": "no", "tissue_sample": "yes", "pregnant_or_breastfeeding": "no",
    "contraception": "does not apply",
}


def one_conversation(rasa_url: str, think_seconds: float = 0.0, seed: int = 0) -> List[float]:
    sender = uuid.uuid4().hex
    latencies: List[float] = []
    pauses = random.Random(seed)

    def turn(text: str) -> List[dict]:
        if think_seconds:
            time.sleep(pauses.uniform(0.5, 1.5) * think_seconds)
        start = time.perf_counter()
        replies = send_message(rasa_url, sender, text, timeout=60)
        latencies.append((time.perf_counter() - start) * 1000)
        return replies

    replies = [*turn("hi"), *turn("/self_voice"), *turn("/choose_npc")]
    for _ in range(40):
        question = next((r["custom"]["question_id"] for r in replies if "question_id" in (r.get("custom") or {})), None)
        if question is None:
            break
        replies = turn(ANSWERS[question])
    return latencies


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user + system). On a shared machine this, per turn,
    is what one turn costs, whatever else the cores are doing."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--concurrency", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3, help="conversations per concurrent user")
    parser.add_argument("--think-seconds", type=float, default=0.0, help="mean pause before each message")
    parser.add_argument(
        "--tracker-store", action="append", default=None, metavar="CLASS",
        help=f"tracker store class (default {TRACKER_STORE}); give it twice to compare two in one run",
    )
    parser.add_argument(
        "--compare-speedups", action="store_true",
        help="run without the performance fixes to Rasa (RASA_SPEEDUPS=false), then with them",
    )
    args = parser.parse_args()
    for speedups in (["false", "true"] if args.compare_speedups else [None]):
        for tracker_store in args.tracker_store or [TRACKER_STORE]:
            run(args, tracker_store, speedups)


def run(args: argparse.Namespace, tracker_store: str, speedups: Optional[str] = None) -> None:
    extra_env = {"RASA_SPEEDUPS": speedups} if speedups else None
    with tempfile.TemporaryDirectory() as tmp:
        servers = start_servers(Path(tmp), extra_env=extra_env, tracker_store=tracker_store)
        try:
            one_conversation(servers.rasa_url)  # warm-up, not counted
            actions_pid, rasa_pid = (p.pid for p in servers.processes)
            cpu_before = {"rasa": cpu_seconds(rasa_pid), "actions": cpu_seconds(actions_pid)}
            start = time.perf_counter()
            with ThreadPoolExecutor(args.concurrency) as pool:
                runs = list(pool.map(
                    lambda seed: one_conversation(servers.rasa_url, args.think_seconds, seed),
                    range(args.concurrency * args.rounds),
                ))
            elapsed = time.perf_counter() - start
            cpu_ms = {
                "rasa": (cpu_seconds(rasa_pid) - cpu_before["rasa"]) * 1000,
                "actions": (cpu_seconds(actions_pid) - cpu_before["actions"]) * 1000,
            }
            latencies = sorted(ms for run in runs for ms in run)
            print(json.dumps({
                "tracker_store": tracker_store.rsplit(".", 1)[1],
                "rasa_speedups": speedups or os.environ.get("RASA_SPEEDUPS", "true"),
                "concurrency": args.concurrency,
                "think_seconds": args.think_seconds,
                "conversations": len(runs),
                "turns": len(latencies),
                "turn_p50_ms": round(statistics.median(latencies), 1),
                "turn_p95_ms": round(latencies[int(0.95 * (len(latencies) - 1))], 1),
                "turn_max_ms": round(latencies[-1], 1),
                "turns_per_second": round(len(latencies) / elapsed, 1),
                "cpu_ms_per_turn": {name: round(ms / len(latencies), 1) for name, ms in cpu_ms.items()},
                "peak_rss_mb": {"rasa": round(peak_rss_mb(rasa_pid), 1), "actions": round(peak_rss_mb(actions_pid), 1)},
            }, indent=2))
        finally:
            servers.stop()


if __name__ == "__main__":
    main()
