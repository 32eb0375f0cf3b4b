"""What every action needs: the catalog (loaded once, on first use) and the
screening state read from a Rasa tracker."""

from __future__ import annotations

import datetime as dt
import logging
from functools import lru_cache
from typing import Optional

from rasa_sdk import Tracker

from bot.screening.catalog import Catalog, load_catalog
from bot.i18n import current_language
from bot.screening.session import ScreeningState, answers_from_json, parse_started_on
from bot.settings import get_settings
from bot.staff.clock import system_clock
from bot.staff.funnel import FunnelRecorder
from bot.staff.pipeline import Pipeline
from bot.storage import Repository
from bot.storage.funnel import FunnelRepository
from bot.understanding import reader_for

logger = logging.getLogger(__name__)

# Intents that are never an answer to a screening question: the form steps aside
# and a rule handles them, then the form asks its question again.
INTERRUPTION_INTENTS = frozenset(
    {
        "ask_why", "ask_meaning", "go_back", "start_over", "stop", "out_of_scope", "ask_medical_advice",
        "bot_challenge", "greet", "thank", "goodbye", "show_summary", "request_contact", "delete_data",
        "ask_progress", "save_for_later", "choose_language",
    }
)


@lru_cache(maxsize=1)
def source_catalog() -> Catalog:
    """The catalog in English, holding its translations; loaded once."""
    loaded = load_catalog(get_settings().seeds_dir)
    # Train each answer reader's small classifiers now, not during someone's first answer.
    # A language with no reader yet is spoken with buttons only (actions/safety.py NoReaderError).
    for spoken in loaded.languages:
        try:
            spoken_reader = reader_for(spoken)
        except KeyError:
            logger.warning("no answer reader for %s: typed answers in it are not read", spoken)
            continue
        spoken_reader.prepare(loaded.in_language(spoken).questions.values())
    return loaded


def catalog() -> Catalog:
    """The catalog in the conversation's language (English while the seed files lack that language)."""
    loaded = source_catalog()
    spoken = current_language()
    return loaded.in_language(spoken) if spoken in loaded.languages else loaded


@lru_cache(maxsize=1)
def repository() -> Repository:
    """Opened on first use, never at import: the action server starts even if the database is down."""
    return Repository.from_url(get_settings().database_url)


@lru_cache(maxsize=1)
def funnel() -> FunnelRecorder:
    """Anonymous funnel counts (bot.staff.funnel), on the same database as the requests."""
    return FunnelRecorder(FunnelRepository(repository().engine), Pipeline(get_settings().staff), system_clock)


def first_result_of_screening(tracker: Tracker, action_name: str) -> bool:
    """Whether ``action_name`` has not yet run in this screening (since its answers were last emptied).

    The funnel counts a screening's first result once; changing an answer
    afterwards ends the form again and must not count it twice."""
    for event in reversed(tracker.events):
        if event.get("event") == "action" and event.get("name") == action_name:
            return False
        if event.get("event") == "reset_slots" or (
            event.get("event") == "slot" and event.get("name") == "answers" and not event.get("value")
        ):
            return True
    return True


def today() -> dt.date:
    return dt.date.today()


def language() -> str:
    """The language answers are read in: the conversation's (actions/language.py)."""
    return current_language()


def latest_intent(tracker: Tracker) -> Optional[str]:
    return (tracker.latest_message.get("intent") or {}).get("name")


def button_value(tracker: Tracker) -> Optional[str]:
    """The value sent by an answer button (``/inform{"answer": ...}``), if any."""
    for entity in tracker.latest_message.get("entities") or []:
        if entity.get("entity") == "answer" and entity.get("value") is not None:
            return str(entity["value"])
    return None


def screening_state(tracker: Tracker) -> Optional[ScreeningState]:
    """The state once a voice and a trial are chosen, else None."""
    voice, trial_id = tracker.get_slot("voice"), tracker.get_slot("trial_id")
    if voice not in ("self", "caregiver") or trial_id not in catalog().trials:
        return None
    return ScreeningState(
        trial_id=trial_id,
        voice=voice,
        answers=answers_from_json(catalog().questions, tracker.get_slot("answers")),
        started_on=parse_started_on(tracker.get_slot("screening_date"), today()),
    )


def current_question(tracker: Tracker) -> Optional[str]:
    """The question being asked now, if the form is asking one."""
    if tracker.get_slot("requested_slot") != "answer":
        return None
    state = screening_state(tracker)
    return state.result(catalog()).next_question if state else None
