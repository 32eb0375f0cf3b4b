#!/usr/bin/env bash
# Chat with the assistant in the terminal (for staff trying conversations).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
.venv/bin/python -m bot.storage.migrate
. scripts/servers.sh
start_action_server
echo "Type 'hi' to begin, or /stop to leave. Press Ctrl+C to quit."
.venv/bin/python scripts/rasa_cli.py shell --endpoints var/endpoints.yml
