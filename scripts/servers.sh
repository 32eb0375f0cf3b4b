# Shared by run.sh and shell.sh: settings, and starting the action server.
# shellcheck shell=bash
if [ -f .env ]; then set -a; . ./.env; set +a; fi
# No usage events or crash reports to Rasa's servers (see .env.example).
export RASA_TELEMETRY_ENABLED=${RASA_TELEMETRY_ENABLED:-false}
RASA_PORT=${RASA_PORT:-5005}
ACTION_PORT=${ACTION_PORT:-5055}
TRACKER_STORE_DIALECT=${TRACKER_STORE_DIALECT:-sqlite}
TRACKER_STORE_DB=${TRACKER_STORE_DB:-var/conversations.db}
mkdir -p var
chmod 700 var
# Rasa reads its endpoints from a file; this one follows the settings above.
{
  echo "action_endpoint:"
  echo "  url: \"${ACTION_SERVER_URL:-http://127.0.0.1:${ACTION_PORT}/webhook}\""
  # The shared secret the action server asks for (from .env; var/ is owner-only).
  echo "  token: \"${ACTION_SERVER_TOKEN:-}\""
  echo "tracker_store:"
  echo "  type: actions.cached_tracker_store.CachedSQLTrackerStore"
  echo "  dialect: \"${TRACKER_STORE_DIALECT}\""
  echo "  db: \"${TRACKER_STORE_DB}\""
  # Rasa hands a custom tracker store its host as the endpoint's "url".
  [ -n "${TRACKER_STORE_HOST:-}" ] && echo "  url: \"${TRACKER_STORE_HOST}\""
  for key in port username password; do
    var="TRACKER_STORE_$(echo "$key" | tr '[:lower:]' '[:upper:]')"
    [ -n "${!var:-}" ] && echo "  ${key}: \"${!var}\""
  done
  # Several replicas share one Redis for the conversation locks; one server locks in memory.
  if [ -n "${REDIS_URL:-}" ]; then
    echo "lock_store:"
    echo "  type: actions.lock_store.AtomicRedisLockStore"
    echo "  url: \"${REDIS_URL}\""
    echo "  lock_lifetime: ${LOCK_LIFETIME_SECONDS:-60}"
  fi
} > var/endpoints.yml
# Connections each Rasa process keeps to a PostgreSQL tracker store (Rasa's defaults: 50 + 100).
export SQL_POOL_SIZE=${SQL_POOL_SIZE:-5}
export SQL_MAX_OVERFLOW=${SQL_MAX_OVERFLOW:-10}
chmod 600 var/endpoints.yml

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_action_server() {
  if port_in_use "$ACTION_PORT"; then
    echo "Action server: something already listens on port $ACTION_PORT; using it."
    return
  fi
  .venv/bin/rasa run actions --actions actions --port "$ACTION_PORT" > var/actions.log 2>&1 &
  ACTIONS_PID=$!
  trap 'kill "$ACTIONS_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 1 120); do
    port_in_use "$ACTION_PORT" && return
    kill -0 "$ACTIONS_PID" 2>/dev/null || { echo "The action server stopped; see var/actions.log" >&2; exit 1; }
    sleep 0.5
  done
  echo "The action server did not start; see var/actions.log" >&2
  exit 1
}
