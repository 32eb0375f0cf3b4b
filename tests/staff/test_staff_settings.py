"""The console's settings: defaults, and a clear error for a value that cannot be used."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.settings import get_settings

STAFF_NAMES = ("STAFF_HOST", "STAFF_PORT", "STAFF_TIMEZONE", "STAFF_HOLIDAYS", "STAFF_OVERDUE_WORKING_DAYS",
               "STAFF_DIGEST_HOUR", "STAFF_PUBLIC_URL", "STAFF_TLS_CERT_FILE", "STAFF_IDLE_MINUTES")


@pytest.fixture
def environment(monkeypatch):
    for name in STAFF_NAMES:
        monkeypatch.setenv(name, "")
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def test_defaults_keep_the_console_on_loopback(environment):
    staff = get_settings().staff
    assert (staff.host, staff.port, staff.public_url) == ("127.0.0.1", 5090, "http://127.0.0.1:5090")
    assert (staff.idle_minutes, staff.lockout_attempts, staff.overdue_working_days) == (30.0, 5, 2)
    assert (staff.timezone, staff.holidays, staff.digest_hour) == ("UTC", (), 8)


def test_values_are_read(environment):
    environment.setenv("STAFF_TIMEZONE", "Asia/Shanghai")
    environment.setenv("STAFF_HOLIDAYS", "2026-10-02, 2026-10-01")
    environment.setenv("STAFF_OVERDUE_WORKING_DAYS", "3")
    staff = get_settings().staff
    assert staff.timezone == "Asia/Shanghai"
    assert staff.holidays == (dt.date(2026, 10, 1), dt.date(2026, 10, 2))
    assert staff.overdue_working_days == 3


@pytest.mark.parametrize("name, value, message", [
    ("STAFF_TIMEZONE", "Mars/Olympus", "STAFF_TIMEZONE must be a time zone name such as Asia/Shanghai"),
    ("STAFF_HOLIDAYS", "1 October", "STAFF_HOLIDAYS must be dates like 2026-10-01"),
    ("STAFF_PORT", "99999", "STAFF_PORT must be a whole number from 1 to 65535"),
    ("STAFF_DIGEST_HOUR", "24", "STAFF_DIGEST_HOUR must be a whole number from 0 to 23"),
    ("STAFF_IDLE_MINUTES", "0", "STAFF_IDLE_MINUTES must be greater than 0"),
])
def test_a_value_that_cannot_be_used_is_a_clear_error(environment, name, value, message):
    environment.setenv(name, value)
    with pytest.raises(ValueError, match=message):
        get_settings()
