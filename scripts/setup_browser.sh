#!/usr/bin/env bash
# Debian's Chromium for the widget's browser tests (Playwright drives it; no
# browser is ever downloaded). Installs the packages chromium and chromium-driver
# when /usr/bin/chromium is missing; a second run does nothing. Also installs
# axe-core (the accessibility checker the tests inject) from npm, exactly as
# pinned in package-lock.json, when node_modules is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi

if [ ! -f node_modules/axe-core/axe.min.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "setup: the browser tests need npm (Debian: apt-get install npm) to install axe-core." >&2
    exit 1
  fi
  echo "setup: installing axe-core for the accessibility tests (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
else
  cat >&2 <<'MSG'
setup: the browser tests need Chromium. Install Debian's packages, then run this command again:
  sudo apt-get update && sudo apt-get install chromium chromium-driver
(or set CHROMIUM_PATH to a Chromium you already have)
MSG
  exit 1
fi

echo "setup: installing Chromium for the browser tests (Debian packages chromium, chromium-driver)..."
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends chromium chromium-driver >/dev/null
echo "setup: $("$CHROMIUM" --version 2>/dev/null | tail -n 1)"
