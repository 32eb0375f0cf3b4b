"""The chat's side of the funnel: a screening's first result is counted once (rasa_sdk trackers
built by hand with Tracker.from_dict)."""

from __future__ import annotations

from rasa_sdk import Tracker

from actions.context import first_result_of_screening

RESULT = "action_screening_result"


def tracker(*events) -> Tracker:
    return Tracker.from_dict({"sender_id": "s", "slots": {}, "latest_message": {}, "events": list(events),
                              "paused": False, "followup_action": None, "active_loop": {},
                              "latest_action_name": None})


def slot(name, value):
    return {"event": "slot", "name": name, "value": value}


def action(name):
    return {"event": "action", "name": name}


def test_the_first_result_counts_and_a_second_one_does_not():
    started = [slot("trial_id", "NCT06839066"), slot("answers", {}), slot("answers", {"age": "17"})]
    assert first_result_of_screening(tracker(*started), RESULT) is True
    after_first = [*started, action(RESULT), action("action_go_back"), slot("answers", {"age": "61"})]
    assert first_result_of_screening(tracker(*after_first), RESULT) is False


def test_a_new_screening_counts_again():
    earlier = [slot("answers", {"age": "17"}), action(RESULT)]
    assert first_result_of_screening(tracker(*earlier, {"event": "reset_slots"}, slot("answers", {"x": "1"})),
                                     RESULT) is True
    assert first_result_of_screening(tracker(*earlier, slot("answers", {}), slot("answers", {"x": "1"})),
                                     RESULT) is True
