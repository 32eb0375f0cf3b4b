"""The study team's side: a web console for contact requests, and the funnel.

No Rasa here. ``accounts`` (sign-in, lock-out, sessions), ``pipeline``
(statuses, allowed moves, working days, overdue), ``casework`` (what a
coordinator does to a request, every step audited), ``digest`` (the daily
e-mail of overdue requests, through the outbox), ``funnel`` (anonymous counts
written during screenings, and the report), ``charts`` (SVG), ``web`` (the
aiohttp app), ``__main__`` (``python -m bot.staff serve | add-user | digest``).
"""
