#!/usr/bin/env bash
# Train the Rasa model. Rasa fingerprints its inputs (config, domain, data), so
# when nothing changed since the last model it says so and reuses it in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/rasa train --num-threads 2 --quiet
