#!/usr/bin/env bash
# Create or update the project's virtual environment in .venv.
#
# Rasa 3.6 needs Python 3.8-3.10. We look for python3.10, python3.9 and
# python3.8 on the PATH, then under pyenv. The install is skipped when
# requirements.txt and constraints.txt are unchanged since the last one, so a
# second run takes a second.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
STAMP="$VENV/.requirements.sha256"

supported() { "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' 2>/dev/null; }

find_python() {
  local candidate
  for candidate in python3.10 python3.9 python3.8; do
    if command -v "$candidate" >/dev/null 2>&1 && supported "$(command -v "$candidate")"; then
      command -v "$candidate"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in $(ls -d "$(pyenv root)"/versions/3.10.* "$(pyenv root)"/versions/3.9.* "$(pyenv root)"/versions/3.8.* 2>/dev/null | sort -rV); do
      if supported "$candidate/bin/python"; then echo "$candidate/bin/python"; return 0; fi
    done
  fi
  return 1
}

if [ -x "$VENV/bin/python" ] && ! supported "$VENV/bin/python"; then
  echo "setup: $VENV uses an unsupported Python; recreating it." >&2
  rm -rf "$VENV"
fi

if [ ! -x "$VENV/bin/python" ]; then
  if ! PYTHON=$(find_python); then
    cat >&2 <<'MSG'
setup: no Python 3.8, 3.9 or 3.10 found. Rasa 3.6 does not run on newer versions.
Install one, for example:
  Debian/Ubuntu:  sudo apt-get install python3.10 python3.10-venv
  pyenv:          pyenv install 3.10.13
then run this command again.
MSG
    exit 1
  fi
  echo "setup: creating $VENV with $PYTHON"
  "$PYTHON" -m venv "$VENV"
fi

# The action server refuses calls without this shared secret (see .env.example).
# .env is git-ignored and owner-only; an existing token is kept.
if ! grep -q -E '^ACTION_SERVER_TOKEN=.+' .env 2>/dev/null; then
  touch .env && chmod 600 .env
  sed -i '/^ACTION_SERVER_TOKEN=/d' .env
  echo "ACTION_SERVER_TOKEN=$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')" >> .env
  echo "setup: wrote a new ACTION_SERVER_TOKEN into .env"
fi

# Rasa's telemetry would send usage events and crash reports (which can quote
# what a person typed) to Rasa's servers. Off for every Rasa command of this user.
telemetry_off() { grep -A1 -E '^metrics:' "$HOME/.config/rasa/global.yml" 2>/dev/null | grep -q 'enabled: false'; }
disable_telemetry() {
  if [ -x "$VENV/bin/rasa" ] && ! telemetry_off; then
    "$VENV/bin/rasa" telemetry disable >/dev/null 2>&1 || true
  fi
}

wanted=$(cat requirements.txt constraints.txt | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$wanted" ]; then
  echo "setup: Python packages are up to date."
  disable_telemetry
  exit 0
fi

echo "setup: installing Python packages (the first time takes about 4 minutes and 2.7 GB)..."
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade "pip<25"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r requirements.txt -c constraints.txt
echo "$wanted" > "$STAMP"
disable_telemetry
echo "setup: done."
