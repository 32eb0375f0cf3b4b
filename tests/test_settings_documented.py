"""Every setting the code or the scripts read is documented in .env.example."""

from __future__ import annotations

import re

from tests.conftest import PROJECT_ROOT

READ_IN_PYTHON = re.compile(r'(?:os\.environ\.get|_text|_flag|_number|_dates|_optional_path|_time_zone)\("([A-Z][A-Z0-9_]+)"')
READ_IN_SHELL = re.compile(r"\$\{([A-Z][A-Z0-9_]+)[:}]")
NOT_SETTINGS = {"PYTHONUNBUFFERED"}


def settings_read() -> set:
    names = set()
    for path in [*PROJECT_ROOT.glob("bot/**/*.py"), *PROJECT_ROOT.glob("actions/*.py"),
                 *PROJECT_ROOT.glob("widget/*.py"), *PROJECT_ROOT.glob("tests/e2e/*.py")]:
        names |= set(READ_IN_PYTHON.findall(path.read_text()))
    for path in PROJECT_ROOT.glob("scripts/*.sh"):
        names |= set(READ_IN_SHELL.findall(path.read_text()))
    return names - NOT_SETTINGS


def test_every_setting_read_is_in_env_example():
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]+)=", (PROJECT_ROOT / ".env.example").read_text(), re.MULTILINE))
    read = settings_read()
    assert {"DATABASE_URL", "RASA_PORT", "WIDGET_ALLOWED_ORIGINS", "CHROMIUM_PATH"} <= read  # the scan works
    assert read - documented == set()
