"""The funnel's anonymous counts, from screenings driven through the assistant (both servers on
loopback), read back through the staff console. Expected numbers are written by hand; other
tests share the database, so the checks are on what these conversations add."""

from __future__ import annotations

import csv
import io
import urllib.request
from collections import Counter
from typing import Mapping

import pytest

from bot.staff.clock import system_clock
from bot.staff.web.server import Console, ConsoleServer
from tests.e2e.conftest import Chat
from tests.e2e.servers import Servers, free_port
from tests.e2e.test_contact import REFERENCE, give_details
from tests.e2e.test_conversations import NPC_BUTTONS
from tests.staff.conftest import PASSWORD, console_settings

NPC, BREAST = "NCT06839066", "NCT06561607"


@pytest.fixture(scope="module")
def console(app_env: Mapping[str, str]):
    services = Console(console_settings(app_env["DATABASE_URL"]), system_clock)
    services.accounts.add_user("funnel.reader", "Funnel Reader", PASSWORD, is_admin=False)
    server = ConsoleServer(services, "127.0.0.1", free_port(), run_digest_timer=False)
    server.start_in_thread()
    server.url = f"http://127.0.0.1:{server.port}"
    server.cookie = "__Host-staff-session=" + services.accounts.sign_in("funnel.reader", PASSWORD).token
    yield server
    server.stop()


def console_get(console, path: str) -> str:
    request = urllib.request.Request(f"{console.url}{path}", headers={"Cookie": console.cookie})
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200
        return response.read().decode()


def funnel_totals(console) -> Counter:
    """(trial, event, detail) -> count over all weeks, from the console's CSV download."""
    totals: Counter = Counter()
    for row in csv.DictReader(io.StringIO(console_get(console, "/funnel.csv"))):
        totals[(row["trial"], row["event"], row["detail"])] += int(row["count"])
    return totals


def test_the_funnel_counts_what_happened_in_real_screenings(servers: Servers, console):
    before = funnel_totals(console)

    excluded = Chat(servers.rasa_url).start("self", "npc")
    excluded.say("yes").say("I'm 17").say("yes")  # a typed answer that rules the study out is read back first
    assert excluded.result == {"verdict": "likely_ineligible", "reasons": ["NPC-I02"]}

    corrected = Chat(servers.rasa_url).start("caregiver", "npc")  # excluded, then the answer is changed
    corrected.say("yes").say("she is 17").say("yes")
    assert corrected.result["reasons"] == ["NPC-I02"]
    corrected.say("/go_back")
    assert corrected.question_id == "age"
    corrected.say("61")
    corrected.answer_all(NPC_BUTTONS)
    assert corrected.result["verdict"] == "likely_eligible"  # a second result: not counted again

    handed_off = Chat(servers.rasa_url).start("self", "npc")
    handed_off.answer_all(NPC_BUTTONS)
    handed_off.say("/request_contact").say("yes").say("yes")
    give_details(handed_off, email="wen.zhao@example.com", phone="+44 20 7946 0777")
    handed_off.say("yes")
    reference = REFERENCE.search(handed_off.text).group(0)

    abandoned = Chat(servers.rasa_url).start("self", "breast")
    abandoned.say("yes")
    abandoned.say("stop").say("/affirm")  # a typed stop is asked about first

    added = funnel_totals(console) - before
    assert added == Counter({
        (NPC, "started", ""): 3,
        (NPC, "finished", "likely_ineligible"): 2,
        (NPC, "excluded_by", "NPC-I02"): 2,
        (NPC, "finished", "likely_eligible"): 1,
        (NPC, "handed_off", ""): 1,
        (BREAST, "started", ""): 1,
    })

    # The study team reaches the person the same day: a state and a first contact after 0 working days.
    console.console.casework.update(reference, "funnel.reader", status="contacted")
    assert funnel_totals(console) - before - added == Counter({
        (NPC, "state", "contacted"): 1, (NPC, "first_contact", "0"): 1})
    page = console_get(console, "/funnel")
    assert 'data-criterion="NPC-I02"' in page and 'id="weekly-NCT06839066"' in page
    # Nothing of the conversations is in the counts: only trials, weeks, events, verdicts, criteria, days.
    assert "wen.zhao" not in console_get(console, "/funnel.csv")
    logs = "".join(path.read_text() for path in servers.logs.values())
    assert "funnel event not counted" not in logs
    assert "wen.zhao" not in logs and "20 7946 0777" not in logs and "2079460777" not in logs
