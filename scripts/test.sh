#!/usr/bin/env bash
# Every test: install what is missing (Python packages, Debian's Chromium), train
# if needed, then pytest runs the unit tests, `rasa data validate`, the NLU
# held-out test, the story tests, whole conversations against running servers,
# the web widget in a headless browser, and two replicas behind HAProxy
# (Redis, PostgreSQL and HAProxy from Debian, installed when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/setup_browser.sh
scripts/setup_cluster.sh
scripts/train.sh
exec .venv/bin/python -m pytest tests "$@"
