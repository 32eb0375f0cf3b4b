"""Answers to "why are you asking this?" and "what does X mean?"."""

from __future__ import annotations

from typing import Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.safety import SafeAction
from bot.i18n import N_, domain
from bot.screening.messages import join_sentences, term_help, why_message

_ = domain("messages").gettext

WHY_VOICE = N_("I ask so that I can word the questions the right way, for you or for the person you care for.")
WHY_TRIAL = N_("The two studies have different questions. I only ask the ones for the study that fits.")
WHY_CONTACT = N_(
    "The study team needs a way to reach you. They use these details only to contact you about this study."
)
WHY_GENERAL = N_(
    "I ask these questions to see if one of two studies could fit. "
    "Each question comes from the study's own rules. Only the study team decides who can take part."
)
NO_TERM = N_("Sorry, I do not know that word. The study team or your own doctor can explain it.")
WHY_RULE = N_("The study has this rule because: {reasons}")


class ActionExplainQuestion(SafeAction):
    def name(self) -> Text:
        return "action_explain_question"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        requested = tracker.get_slot("requested_slot") if tracker.active_loop else None
        state = context.screening_state(tracker)
        if requested == "voice":
            text = _(WHY_VOICE)
        elif requested == "trial_id":
            text = _(WHY_TRIAL)
        elif requested and tracker.active_loop.get("name") == "contact_form":
            text = _(WHY_CONTACT)
        elif requested == "answer" and state is not None:
            question_id = context.current_question(tracker)
            text = why_message(context.catalog().trial(state.trial_id), question_id) if question_id else _(WHY_GENERAL)
        elif state is not None and state.result(context.catalog()).reasons:
            reasons = state.result(context.catalog()).reasons
            text = _(WHY_RULE).format(reasons=join_sentences(r.criterion.explanation for r in reasons))
        else:
            text = _(WHY_GENERAL)
        dispatcher.utter_message(text=text)
        return []


class ActionExplainTerm(SafeAction):
    def name(self) -> Text:
        return "action_explain_term"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        text = (tracker.latest_message.get("text") or "")[:500]
        help_text = term_help(context.catalog(), text, context.current_question(tracker))
        dispatcher.utter_message(text=help_text or _(NO_TERM))
        return []
