#!/usr/bin/env bash
# Every test: install what is missing, train if needed, then pytest runs the
# unit tests, `rasa data validate`, the NLU held-out test, the story tests and
# whole conversations against running servers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
exec .venv/bin/python -m pytest tests "$@"
