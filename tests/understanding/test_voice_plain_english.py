"""Who is answering, in the English of people who write it as a second language (round 7's English blind set)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, voice", [
    ("I am the patient myself, my daughter help me typing", "self"),
    ("for me, my daughter put this on my phone for me", "self"),
    ("my daughter put this on my phone, its for her", "caregiver"),
    ("my son help me typing, answers are for my mum", "caregiver"),
    ("for a friend, she ask me help because her english not so good", "caregiver"),
    ("she ask me to do it for her", "caregiver"),
])
def test_help_with_the_phone_or_a_request_is_not_who_the_answers_are_about(reader, text, voice):
    assert reader.read_voice(text) == voice


def test_me_and_a_relative_both_answering_is_asked_again(reader):
    assert reader.read_voice("for me and my mum") is None
