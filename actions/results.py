"""Telling the person where they stand: at once after an exclusion, and in a summary."""

from __future__ import annotations

from typing import Dict, List, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions import context
from actions.safety import SafeAction, send
from bot.i18n import N_, domain
from bot.screening.messages import ChatMessage, contact_message, exclusion_message, summary_message
from bot.screening.evaluation import Verdict
from bot.screening.session import ScreeningState

_ = domain("messages").gettext

NOT_STARTED = N_("We have not started the questions yet. Say \"start over\" to begin.")


def summary(state: ScreeningState) -> ChatMessage:
    catalog = context.catalog()
    return summary_message(state.result(catalog), state.voice, state.answers, catalog.questions)


class ActionScreeningResult(SafeAction):
    """Runs when the form ends: either an answer ruled the study out, or all questions are done."""

    def name(self) -> Text:
        return "action_screening_result"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        if state is None:
            dispatcher.utter_message(text=_(NOT_STARTED))
            return []
        result = state.result(context.catalog())
        if context.first_result_of_screening(tracker, self.name()):
            context.funnel().screening_finished(state.trial_id, result.verdict.value,
                                                [r.criterion.id for r in result.reasons])
        # A lasting reason is explained at once; waiting times alone go to the summary,
        # which says when the wait ends (the questions went on past them).
        if result.verdict is Verdict.LIKELY_INELIGIBLE and any(not r.not_yet for r in result.reasons):
            send(dispatcher, exclusion_message(result, state.voice))
        else:
            send(dispatcher, summary(state))
        return []


class ActionShowSummary(SafeAction):
    def name(self) -> Text:
        return "action_show_summary"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        state = context.screening_state(tracker)
        if state is None:
            dispatcher.utter_message(text=_(NOT_STARTED))
            return []
        send(dispatcher, summary(state))
        return []


class ActionContactInfo(SafeAction):
    def name(self) -> Text:
        return "action_contact_info"

    async def act(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> List[Dict]:
        catalog = context.catalog()
        trial_id = tracker.get_slot("trial_id")
        trials = [catalog.trial(trial_id)] if trial_id in catalog.trials else list(catalog.trials.values())
        for trial in trials:
            send(dispatcher, contact_message(trial))
        return []
