#!/usr/bin/env bash
# Install what is missing, train if needed, start the action server and the
# assistant, and say how to talk to it. Ctrl+C stops both.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/train.sh
# Apply database migrations, load the trials, and send e-mails still pending from before.
.venv/bin/python -m bot.storage.migrate
. scripts/servers.sh
start_action_server
# Other web sites allowed to embed the widget (rasa run --cors), from .env.
CORS_ARGS=()
if [ -n "${WIDGET_ALLOWED_ORIGINS:-}" ]; then
  read -ra origins <<< "$WIDGET_ALLOWED_ORIGINS"
  CORS_ARGS=(--cors "${origins[@]}")
fi
cat <<MSG

The assistant is starting (it takes about 20 seconds). Then open this page in a browser:

    http://localhost:${RASA_PORT}/

Staff can also talk to it in a terminal with \`make shell\` (it uses this action server),
or over HTTP:  curl -s -X POST http://localhost:${RASA_PORT}/webhooks/rest/webhook \\
                 -H 'Content-Type: application/json' -d '{"sender": "demo", "message": "hi"}'
Logs: var/actions.log. Press Ctrl+C to stop.

MSG
.venv/bin/python scripts/rasa_cli.py run --endpoints var/endpoints.yml --credentials credentials.yml \
  --port "$RASA_PORT" --interface "${RASA_INTERFACE:-127.0.0.1}" "${CORS_ARGS[@]}"
