#!/usr/bin/env bash
# Debian's Redis, HAProxy and PostgreSQL for `make cluster` and the cluster tests.
# Installs the packages redis-server, haproxy and postgresql when a program is
# missing; a second run does nothing. Where they cannot be installed (no root, no
# sudo) it says so and exits 0: the tests that need them are skipped with the reason.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || packages+=(haproxy)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || packages+=(postgresql)
[ ${#packages[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  echo "setup: the cluster needs ${packages[*]}; install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install ${packages[*]}" >&2
  echo "setup: until then the cluster tests are skipped." >&2
  exit 0
fi

echo "setup: installing ${packages[*]} for the cluster (Debian packages; no service is started)..."
if ! { $SUDO apt-get update -q >/dev/null &&
       DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${packages[@]}" >/dev/null; }; then
  echo "setup: could not install ${packages[*]}; the cluster tests are skipped." >&2
fi
# Debian starts the services it installs; the cluster runs its own throwaway ones.
for service in redis-server haproxy postgresql; do
  $SUDO systemctl disable --now "$service" >/dev/null 2>&1 || $SUDO service "$service" stop >/dev/null 2>&1 || true
done
