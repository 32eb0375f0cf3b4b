"""The repository, on SQLite and on PostgreSQL: screenings, contact requests, deletion, staff queries."""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import func, select, text

from bot.screening.catalog import Catalog
from bot.storage import EmailText, Repository, new_reference
from bot.storage.models import ContactRequest, Criterion, Notification, Screening, Trial
from bot.storage.records import REFERENCE_ALPHABET
from tests.handoff.conftest import JANE, NPC, NPC_ANSWERS, NPC_STATUSES, STUDY_TEAM_EMAIL, save_request

REFERENCE = re.compile(r"^PS-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{4}$")


def count(repository: Repository, model) -> int:
    with repository.engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(model)).scalar()


def counts(repository: Repository):
    return tuple(count(repository, model) for model in (Screening, ContactRequest, Notification))


# --- the catalog -----------------------------------------------------------------


def test_sync_catalog_is_idempotent(repository: Repository, catalog: Catalog):
    assert (count(repository, Trial), count(repository, Criterion)) == (2, 67)
    repository.sync_catalog(catalog)
    assert (count(repository, Trial), count(repository, Criterion)) == (2, 67)
    with repository.engine.connect() as connection:
        row = connection.execute(
            select(Criterion.kind, Criterion.check_kind, Criterion.source)
            .where(Criterion.trial_id == NPC, Criterion.criterion_id == "NPC-I02")
        ).one()
        sponsor = connection.execute(select(Trial.sponsor).where(Trial.registry_id == NPC)).scalar()
    assert row == ("inclusion", "ask", "Age ≥ 18 years at the time of signing the ICF, regardless of gender;")
    assert sponsor == "Shanghai Henlius Biotech"


def test_sync_catalog_removes_criteria_gone_from_the_seeds(repository: Repository, catalog: Catalog):
    with repository.engine.begin() as connection:
        connection.execute(Criterion.__table__.insert().values(
            trial_id=NPC, criterion_id="NPC-I99", kind="inclusion", source="old", check_kind="ask"))
    repository.sync_catalog(catalog)
    assert count(repository, Criterion) == 67


# --- screenings --------------------------------------------------------------------


def test_record_screening_creates_then_updates_one_row(repository: Repository):
    first = repository.record_screening("conv-1", NPC, "self", {"age": "54"}, {"NPC-I02": "met"}, "incomplete")
    second = repository.record_screening(
        "conv-1", NPC, "caregiver", {"age": "16"}, {"NPC-I02": "not_met"}, "likely_ineligible"
    )
    assert first == second
    assert count(repository, Screening) == 1
    with repository.engine.connect() as connection:
        row = connection.execute(select(Screening)).one()
    assert (row.voice, row.verdict) == ("caregiver", "likely_ineligible")
    assert json.loads(row.answers) == {"age": "16"}
    assert json.loads(row.criteria_status) == {"NPC-I02": "not_met"}
    # A second trial in the same conversation is its own row.
    other = repository.record_screening("conv-1", "NCT06561607", "self", {}, {}, "incomplete")
    assert other != first and count(repository, Screening) == 2


def test_times_are_utc(repository: Repository):
    reference = save_request(repository)
    request = repository.get_request(reference)
    now = dt.datetime.now(dt.timezone.utc)
    assert request.created_at.tzinfo is not None and request.created_at.utcoffset() == dt.timedelta(0)
    assert abs(now - request.created_at) < dt.timedelta(minutes=1)
    assert request.consent_at == request.created_at


@pytest.mark.parametrize(
    "change, message",
    [
        ({"trial_id": "NCT00000000"}, "unknown trial"),
        ({"voice": "robot"}, "unknown voice"),
        ({"verdict": "eligible"}, "unknown verdict"),
        ({"criteria_status": {"NPC-I02": "passed"}}, "unknown criterion status"),
    ],
)
def test_record_screening_refuses_unknown_values(repository: Repository, change, message):
    arguments = dict(conversation_id="c", trial_id=NPC, voice="self", answers={}, criteria_status={},
                     verdict="incomplete")
    arguments.update(change)
    with pytest.raises(ValueError, match=message):
        repository.record_screening(**arguments)
    assert count(repository, Screening) == 0


# --- contact requests ----------------------------------------------------------------


def test_create_contact_request_saves_everything(repository: Repository):
    reference = save_request(repository, wants_confirmation=True, study_team_email=STUDY_TEAM_EMAIL)
    assert REFERENCE.match(reference)
    assert counts(repository) == (1, 1, 2)
    request = repository.get_request(reference)
    assert (request.first_name, request.last_name, request.email, request.phone) == (
        "Jane", "O'Neil", "jane.oneil@example.com", "+447911123456")
    assert (request.language, request.city_or_site, request.best_time) == ("English", "Leeds", "Weekday mornings")
    assert (request.trial_id, request.voice, request.verdict, request.status) == (NPC, "self", "needs_review", "new")
    assert request.answers == NPC_ANSWERS
    assert request.wants_confirmation is True
    statuses = {line.criterion_id: line.status for line in request.criteria}
    assert len(statuses) == 31
    assert {cid: statuses[cid] for cid in NPC_STATUSES} == NPC_STATUSES
    assert statuses["NPC-E20"] == "not recorded"
    assert [(n.kind, n.recipient, n.status, n.attempts) for n in request.notifications] == [
        ("study_team", "npc-team@example.com", "pending", 0),
        ("confirmation", "jane.oneil@example.com", "pending", 0),
    ]
    pending = repository.pending_notifications(reference)
    assert pending[0].subject == f"Pre-screening contact request {reference} for {NPC}"
    assert pending[1].subject == f"Your request to the study team ({reference})"


def test_without_study_team_address_or_confirmation_the_request_is_still_saved(repository: Repository):
    reference = save_request(repository, wants_confirmation=False, study_team_email=None)
    assert counts(repository) == (1, 1, 0)
    assert [r.reference for r in repository.list_requests()] == [reference]


def test_only_the_confirmation_when_no_study_team_address(repository: Repository):
    reference = save_request(repository, wants_confirmation=True, study_team_email=None)
    assert [n.kind for n in repository.pending_notifications(reference)] == ["confirmation"]


def test_optional_fields_may_be_left_out(repository: Repository):
    contact = {k: v for k, v in JANE.items() if k not in ("city_or_site", "best_time")}
    reference = save_request(repository, contact=contact)
    request = repository.get_request(reference)
    assert (request.city_or_site, request.best_time) == ("", "")


@pytest.mark.parametrize(
    "contact, message",
    [
        ({**JANE, "phone": ""}, "missing contact field"),
        ({**JANE, "age": "54"}, "unknown contact field"),
    ],
)
def test_incomplete_contact_is_refused_before_anything_is_written(repository: Repository, contact, message):
    with pytest.raises(ValueError, match=message):
        save_request(repository, contact=contact)
    assert counts(repository) == (0, 0, 0)


def test_a_failure_while_inserting_leaves_nothing(repository: Repository):
    written = []

    def write_then_fail(kind, request):
        # The screening, the request and the study team's e-mail are in the session by now.
        written.append(kind)
        if kind == "confirmation":
            raise RuntimeError("disk full")
        return EmailText("subject", "body")

    with pytest.raises(RuntimeError, match="disk full"):
        save_request(repository, write=write_then_fail)
    assert written == ["study_team", "confirmation"]
    assert counts(repository) == (0, 0, 0)


def test_a_database_error_mid_transaction_leaves_nothing_not_even_the_screening_update(repository: Repository):
    repository.record_screening("conv-1", NPC, "self", {"age": "54"}, {"NPC-I02": "met"}, "incomplete")

    sqlite = repository.engine.dialect.name == "sqlite"

    def bad_confirmation(kind, request):
        if kind != "confirmation":
            return EmailText("ok", "body")
        # PostgreSQL refuses a subject longer than its column; SQLite does not check
        # lengths, so there a missing subject (a NOT NULL column) fails instead.
        return EmailText(None if sqlite else "x" * 5000, "body")

    with pytest.raises(Exception) as caught:
        save_request(repository, conversation_id="conv-1", write=bad_confirmation)
    assert type(caught.value).__name__ in ("IntegrityError", "DataError")
    assert counts(repository) == (1, 0, 0)
    with repository.engine.connect() as connection:
        answers = connection.execute(select(Screening.answers)).scalar()
    assert json.loads(answers) == {"age": "54"}  # the update of the screening was rolled back too


def test_references_are_retried_on_a_clash(repository: Repository):
    first = save_request(repository)
    fresh = "PS-2345-6789"
    candidates = iter([first, first, fresh])
    clashing = Repository(repository.engine, make_reference=lambda: next(candidates))
    assert save_request(clashing, conversation_id="conv-2") == fresh


def test_new_references_are_readable_and_random():
    references = {new_reference() for _ in range(2000)}
    assert len(references) == 2000
    assert all(REFERENCE.match(r) for r in references)
    used = set("".join(r[3:7] + r[8:] for r in references))
    assert used <= set(REFERENCE_ALPHABET) and not used & set("0O1IL")


def test_reference_lookup_forgives_case_and_spaces(repository: Repository):
    reference = save_request(repository)
    assert repository.get_request(f"  {reference.lower()} ").reference == reference
    assert repository.get_request("PS-2222-2222") is None


# --- deletion ----------------------------------------------------------------------------


def test_delete_conversation_data_removes_everything_of_that_conversation(repository: Repository):
    save_request(repository, conversation_id="conv-1")
    save_request(repository, conversation_id="conv-1")  # asked twice
    repository.record_screening("conv-1", "NCT06561607", "self", {}, {}, "incomplete")
    kept = save_request(repository, conversation_id="conv-2")
    assert counts(repository) == (3, 3, 6)
    assert repository.delete_conversation_data("conv-1") == 2 + 2 + 4
    assert counts(repository) == (1, 1, 2)
    assert [r.reference for r in repository.list_requests()] == [kept]
    assert repository.delete_conversation_data("conv-1") == 0
    assert repository.delete_conversation_data("never-seen") == 0


def test_delete_request_removes_its_screening_unless_shared(repository: Repository):
    first = save_request(repository, conversation_id="conv-1")
    second = save_request(repository, conversation_id="conv-1")
    assert repository.delete_request(first) == 1 + 2  # the request and its two e-mails; the screening is shared
    assert counts(repository) == (1, 1, 2)
    assert repository.delete_request(second) == 1 + 2 + 1
    assert counts(repository) == (0, 0, 0)
    assert repository.delete_request(second) == 0


def test_database_cascade_removes_requests_and_emails_with_their_screening(repository: Repository):
    # Even a delete that bypasses the repository leaves no orphans (foreign keys are on for SQLite too).
    save_request(repository)
    with repository.engine.begin() as connection:
        connection.execute(text("DELETE FROM screenings"))
    assert counts(repository) == (0, 0, 0)


# --- staff queries and statuses -----------------------------------------------------------


def test_list_requests_newest_first(repository: Repository):
    references = [save_request(repository, conversation_id=f"conv-{i}") for i in range(3)]
    listed = repository.list_requests()
    assert [r.reference for r in listed] == references[::-1]
    assert (listed[0].trial_id, listed[0].verdict, listed[0].status) == (NPC, "needs_review", "new")
    assert listed[0].created_at >= listed[-1].created_at


def test_status_moves_to_notified_when_the_study_team_email_is_sent(repository: Repository):
    reference = save_request(repository)
    study_team, confirmation = repository.pending_notifications(reference)
    repository.mark_sent(confirmation.id)
    assert repository.get_request(reference).status == "new"
    repository.mark_sent(study_team.id)
    request = repository.get_request(reference)
    assert request.status == "notified"
    assert [(n.status, n.attempts) for n in request.notifications] == [("sent", 1), ("sent", 1)]
    assert all(n.sent_at is not None for n in request.notifications)
    assert repository.pending_notifications() == []
    assert repository.set_status(reference, "contacted") is True
    assert repository.get_request(reference).status == "contacted"
    assert repository.set_status("PS-2222-2222", "withdrew") is False
    with pytest.raises(ValueError, match="unknown status"):
        repository.set_status(reference, "eligible")


def test_failed_attempts_are_counted_and_keep_the_row_pending(repository: Repository):
    reference = save_request(repository, wants_confirmation=False)
    (notification,) = repository.pending_notifications()
    repository.record_failed_attempt(notification.id, "ConnectionRefusedError: Connection refused")
    repository.record_failed_attempt(notification.id, "x" * 1000)
    (again,) = repository.pending_notifications()
    assert again.attempts == 2
    (summary,) = repository.get_request(reference).notifications
    assert (summary.status, summary.attempts, summary.last_error) == ("pending", 2, "x" * 300)
    assert repository.count_pending() == 1


def test_a_notification_is_claimed_by_one_sender_only(repository: Repository):
    save_request(repository, wants_confirmation=False)
    (notification,) = repository.pending_notifications()
    soon = dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)
    assert repository.claim_notification(notification.id, soon) is True
    assert repository.claim_notification(notification.id, soon) is False
    repository.record_failed_attempt(notification.id, "Timeout")  # frees it
    assert repository.claim_notification(notification.id, soon) is True
    repository.mark_sent(notification.id)
    assert repository.claim_notification(notification.id, soon) is False


def test_an_expired_claim_can_be_taken_over(repository: Repository):
    save_request(repository, wants_confirmation=False)
    (notification,) = repository.pending_notifications()
    past = dt.datetime.now(dt.timezone.utc) - dt.timedelta(seconds=1)
    assert repository.claim_notification(notification.id, past) is True  # its sender died
    assert repository.claim_notification(notification.id, past + dt.timedelta(minutes=10)) is True


# --- isolation, concurrency, privacy ------------------------------------------------------


def test_concurrent_conversations_never_see_each_others_data(repository: Repository):
    def one_person(number: int):
        conversation = f"conv-{number}"
        contact = {**JANE, "first_name": f"Person{'abcdefghij'[number]}", "email": f"p{number}@example.com"}
        answers = {"age": str(40 + number)}
        repository.record_screening(conversation, NPC, "self", answers, {"NPC-I02": "met"}, "incomplete")
        reference = save_request(repository, conversation_id=conversation, contact=contact, answers=answers)
        return number, reference

    with ThreadPoolExecutor(max_workers=6) as pool:
        saved = list(pool.map(one_person, range(10)))
    assert len({reference for _, reference in saved}) == 10
    for number, reference in saved:
        request = repository.get_request(reference)
        assert request.first_name == f"Person{'abcdefghij'[number]}"
        assert request.email == f"p{number}@example.com"
        assert request.answers == {"age": str(40 + number)}
        assert {n.recipient for n in request.notifications} == {STUDY_TEAM_EMAIL, f"p{number}@example.com"}
    assert counts(repository) == (10, 10, 20)
    # Deleting one conversation leaves every other intact.
    repository.delete_conversation_data("conv-3")
    assert counts(repository) == (9, 9, 18)
    assert repository.get_request(saved[3][1]) is None
    assert repository.get_request(saved[4][1]).first_name == "Persone"


def test_logs_hold_no_personal_details(repository: Repository, caplog):
    caplog.set_level(logging.DEBUG)
    reference = save_request(repository)
    repository.delete_request(reference)
    # Our loggers only (the test SMTP server logs whole conversations at DEBUG).
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("bot"))
    assert reference in logged
    for value in (*JANE.values(), *NPC_ANSWERS.values(), "conv-1"):
        if len(value) > 3:
            assert value not in logged


def test_sql_text_in_free_text_is_stored_as_typed(repository: Repository):
    contact = {**JANE, "best_time": "'; DROP TABLE contact_requests;--"}
    reference = save_request(repository, contact=contact)
    assert repository.get_request(reference).best_time == "'; DROP TABLE contact_requests;--"
    assert counts(repository) == (1, 1, 2)
