"""The e-mail routes cannot be used to send mail to anyone, again and again."""

from __future__ import annotations

from widget.keep_routes import EmailAllowance


def test_a_chat_may_send_three_emails_an_hour_and_no_more():
    clock = [0.0]
    allowance = EmailAllowance(limit=3, window=3600, clock=lambda: clock[0])
    assert [allowance.take("chat-1") for _ in range(4)] == [True, True, True, False]
    assert allowance.take("chat-2") is True  # another chat has its own allowance
    clock[0] = 3599.0
    assert allowance.take("chat-1") is False
    clock[0] = 3600.5
    assert allowance.take("chat-1") is True  # an hour after the first three
