"""Working requests on SQLite and PostgreSQL: the queue's order, the pipeline, notes, owners,
audit entries, anonymous funnel events, export and delete."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from sqlalchemy import text

from bot.storage.followup import UnknownStaffUser
from tests.handoff.conftest import JANE
from tests.staff.conftest import MONDAY, PASSWORD, save_at


def audit_rows(console):
    with console.engine.connect() as connection:
        return connection.execute(text("SELECT actor, action, reference, detail FROM audit_log ORDER BY id")).all()


def test_the_queue_puts_overdue_first_longest_wait_at_the_top(console, clock):
    oldest = save_at(console, MONDAY - dt.timedelta(days=7))  # the Monday before: 5 working days ago
    tuesday = save_at(console, MONDAY - dt.timedelta(days=6))  # 4 working days ago
    thursday = save_at(console, MONDAY - dt.timedelta(days=4))  # 2: not overdue yet
    newest = save_at(console, MONDAY)
    contacted = save_at(console, MONDAY - dt.timedelta(days=14))
    console.casework.update(contacted, "li.wei", status="contacted")
    clock.set(MONDAY + dt.timedelta(hours=2))
    assert [(i.row.reference, i.overdue, i.working_days_waited) for i in console.casework.queue()] == [
        (oldest, True, 5), (tuesday, True, 4), (newest, False, 0), (thursday, False, 2), (contacted, False, 10)]
    assert [i.row.reference for i in console.casework.queue(status="overdue")] == [oldest, tuesday]
    assert [i.row.reference for i in console.casework.queue(status="contacted")] == [contacted]
    assert console.casework.queue(trial="NCT06561607") == []


def test_a_request_worked_through_the_pipeline_is_audited_and_counted(console, clock):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    reference = save_at(console, MONDAY)
    clock.set(MONDAY + dt.timedelta(days=1))
    assert console.casework.update(reference, "li.wei", status="contacted", owner="li.wei",
                                   next_action_on=dt.date(2026, 12, 4), note="Called; she will book a call.") == [
        "status", "owner", "next_action_on", "note"]
    assert console.casework.update(reference, "li.wei", status="call_done") == ["status"]
    with pytest.raises(ValueError, match="cannot move"):
        console.casework.update(reference, "li.wei", status="contacted")
    with pytest.raises(UnknownStaffUser):
        console.casework.update(reference, "li.wei", owner="nobody")
    assert console.casework.update(reference, "li.wei", status="not_eligible", reason="NPC-E05") == ["status"]
    case = console.casework.open(reference, "li.wei")
    assert (case.details.status, case.outcome_reason, case.owner) == ("not_eligible", "NPC-E05", "li.wei")
    assert [(n.author, n.body) for n in case.notes] == [("li.wei", "Called; she will book a call.")]
    assert audit_rows(console) == [
        ("li.wei", "status", reference, "new -> contacted"),
        ("li.wei", "owner", reference, "owner: li.wei"),
        ("li.wei", "next_action", reference, "next action: 2026-12-04"),
        ("li.wei", "note", reference, "note added"),
        ("li.wei", "status", reference, "contacted -> call_done"),
        ("li.wei", "status", reference, "call_done -> not_eligible"),
        ("li.wei", "viewed", reference, "personal details shown"),
    ]
    counts = {(c.event, c.detail): c.count for c in console.funnel.counts()}
    assert counts == {("state", "contacted"): 1, ("first_contact", "1"): 1, ("state", "call_done"): 1,
                      ("state", "not_eligible"): 1}
    assert {c.week_start for c in console.funnel.counts()} == {dt.date(2026, 11, 30)}


def test_export_is_formula_guarded_and_audited_then_delete_is_audited(console):
    reference = save_at(console, MONDAY, contact={**JANE, "last_name": "=HYPERLINK(\"x\")"})
    rows = list(csv.reader(io.StringIO(console.casework.export_csv("li.wei"))))
    assert rows[0][:5] == ["reference", "created_at", "trial", "verdict", "status"]
    assert rows[1][0] == reference and rows[1][6] == "'=HYPERLINK(\"x\")"
    assert console.casework.delete(reference, "li.wei") == 4  # the request, 2 e-mails, the screening
    assert console.casework.delete(reference, "li.wei") == 0
    assert console.casework.queue() == []
    assert [row[1:] for row in audit_rows(console)] == [
        ("exported", None, "1 requests exported to CSV"), ("deleted", reference, "4 rows removed")]


def test_the_audit_log_never_holds_personal_details(console):
    console.accounts.add_user("li.wei", "Li Wei", PASSWORD, is_admin=False)
    reference = save_at(console, MONDAY)
    console.casework.update(reference, "li.wei", status="not_eligible", reason="NPC-E05",
                            note=f"Spoke to {JANE['first_name']} on {JANE['phone']}")
    console.casework.open(reference, "li.wei")
    console.casework.export_csv("li.wei")
    console.casework.delete(reference, "li.wei")
    logged = repr(audit_rows(console))
    for value in JANE.values():
        assert value not in logged


def test_the_export_follows_the_queues_filters(console):
    npc = save_at(console, MONDAY)
    breast = save_at(console, MONDAY, trial_id="NCT06561607", statuses={"BC-I01": "study_team"})

    def exported(**filters):
        return [row[0] for row in list(csv.reader(io.StringIO(console.casework.export_csv("li.wei", **filters))))[1:]]
    assert sorted(exported()) == sorted([npc, breast])
    assert exported(trial="NCT06561607") == [breast]
    assert exported(status="contacted") == []
