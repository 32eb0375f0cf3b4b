#!/usr/bin/env bash
# Debian's Chromium for the widget's browser tests (Playwright drives it; no
# browser is ever downloaded). Installs the packages chromium and chromium-driver
# when /usr/bin/chromium is missing, a Chinese font (fonts-wqy-microhei, 1.6 MB) so
# the screenshots of the Chinese widget show its characters, and axe-core from npm
# (the widget and console accessibility tests inject it); a second run does nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .env ]; then set -a; . ./.env; set +a; fi

# axe-core (the console's accessibility tests inject it) from npm, exactly as package-lock.json pins it.
if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
  if command -v npm >/dev/null 2>&1; then
    echo "setup: installing axe-core from package-lock.json (npm ci)..."
    npm ci --no-audit --no-fund --loglevel=error >/dev/null
  else
    echo "setup: npm is missing; the staff console's accessibility tests need it (apt-get install npm)" >&2
    exit 1
  fi
fi

CHROMIUM=${CHROMIUM_PATH:-/usr/bin/chromium}
PACKAGES=()
[ -x "$CHROMIUM" ] || PACKAGES+=(chromium chromium-driver)
# A person's own browser has Chinese fonts; a bare Debian has none, and its screenshots show boxes.
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1 || PACKAGES+=(fonts-wqy-microhei)
if [ ${#PACKAGES[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo"
elif [ -x "$CHROMIUM" ]; then
  echo "setup: no Chinese font (sudo apt-get install fonts-wqy-microhei): the tests pass, but screenshots show boxes" >&2
  exit 0
else
  cat >&2 <<'MSG'
setup: the browser tests need Chromium. Install Debian's packages, then run this command again:
  sudo apt-get update && sudo apt-get install chromium chromium-driver
(or set CHROMIUM_PATH to a Chromium you already have)
MSG
  exit 1
fi

echo "setup: installing for the browser tests (Debian packages ${PACKAGES[*]})..."
$SUDO apt-get update -q >/dev/null
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}" >/dev/null
echo "setup: $("$CHROMIUM" --version 2>/dev/null | tail -n 1)"
