"""Asked in the middle of a screening: how many questions are left, saving to come
back later, and a way to a person. Over the REST channel against running servers."""

from __future__ import annotations

from tests.e2e.conftest import Chat, button


def test_how_many_questions_are_left_is_answered_and_the_question_comes_back(chat: Chat):
    chat.start("self", "npc").say(button("yes")).say("61")
    assert chat.question_id == "chemo_lines"
    assert chat.custom("progress")["progress"]["label"] == "Question 3 of about 15"
    chat.say("how many questions are left?")
    assert "You are on question 3. About 13 questions are left, counting this one." in chat.text
    assert chat.question_id == "chemo_lines"  # asked again, nothing lost


def test_a_ticked_list_clears_the_rest_and_the_count_shrinks(chat: Chat):
    chat.start("self", "npc")
    for answer in ("yes", "61", "2", "yes", "yes", "light_work", "28", "no", "yes"):
        chat.say(button(answer))
    assert chat.question_id == "npc_health_screen"
    assert [item["label"] for item in chat.custom("checklist")["checklist"]["items"]][:1] == [
        "Cancer that spread to the brain or the lining around it"
    ]
    assert chat.custom("progress")["progress"]["label"] == "Question 10 of about 16"
    chat.say(button("ticked:item8"))  # "Active TB, or hepatitis B or C that is active now"
    asked = []
    while chat.question_id in ("active_tuberculosis", "active_hepatitis_b_or_c"):
        asked.append(chat.question_id)
        chat.say(button("no"))
    assert sorted(asked) == ["active_hepatitis_b_or_c", "active_tuberculosis"]
    assert chat.question_id == "other_cancer"  # the other 8 lines were cleared at once
    # 12 asked so far (9, the list, its 2 follow-ups); the list's other 12 follow-ups are not counted.
    # Left: other cancer (and its possible follow-up), the medicines list, sample, pregnancy, contraception.
    assert chat.custom("progress")["progress"]["label"] == "Question 13 of about 18"


def test_saving_to_come_back_later_does_not_undo_an_answer(chat: Chat):
    chat.start("caregiver", "breast").say(button("yes"))
    question = chat.question_id
    chat.say("can I save this and come back later?")
    assert "Your answers are kept in this web browser on this device." in chat.text
    assert chat.question_id == question


def test_asking_for_a_person_mid_screening_starts_the_hand_off_with_the_listings_route(chat: Chat):
    chat.start("self", "npc").say(button("yes"))
    chat.say("can I talk to a real person?")
    assert "I can pass your contact details to the study team" in chat.text
    assert "You can also reach the study team yourself. The listing does not give a phone number" in chat.text
    assert chat.button_titles == ["Yes, I agree", "No, thank you"]


def test_are_you_a_bot_says_how_to_reach_a_person(chat: Chat):
    chat.say("hi").say("are you a bot?")
    assert "To talk to a person, say \"I want to talk to a person\"." in chat.text


def test_saving_for_later_while_giving_contact_details_keeps_the_form_going(chat: Chat):
    chat.start("self", "npc").say(button("yes")).say("17")  # an exclusion ends the questions
    chat.say("/request_contact").say("/affirm").say("/affirm")  # consent, then the sponsor's own consent
    assert "What first name should the study team use?" in chat.text
    chat.say("can I save this and come back later?")
    assert "Your answers are kept in this web browser on this device." in chat.text
    assert "What first name should the study team use?" in chat.text  # asked again, nothing lost
