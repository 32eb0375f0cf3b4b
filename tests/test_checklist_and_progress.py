"""Umbrella lists answered by ticking (bot.screening.checklist), the progress count
(bot.screening.progress) and the loader's checks of the checklists in seeds/questions.yml.
Expected values are worked out by hand from the seed files."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from bot.screening.answers import InvalidAnswer
from bot.screening.catalog import CatalogError, load_catalog
from bot.screening.checklist import read_ticked, ticked_payload
from bot.screening.progress import progress
from bot.screening.evaluation import screen
from tests.conftest import PROJECT_ROOT

TODAY = dt.date(2026, 11, 22)
NPC, BREAST = "NCT06839066", "NCT06561607"


def test_none_ticked_is_a_no_to_the_whole_list(catalog):
    answer = read_ticked(catalog.questions["npc_health_screen"], ticked_payload([]), catalog.questions)
    assert answer.answers == {"npc_health_screen": "no"}
    assert answer.to_ask == frozenset()


def test_a_ticked_line_asks_its_follow_ups_and_clears_the_others(catalog):
    answer = read_ticked(catalog.questions["npc_health_screen"], ticked_payload(["item6"]), catalog.questions)
    assert answer.to_ask == {"organ_transplant", "transplant_waiting"}
    assert answer.answers["npc_health_screen"] == "yes"
    assert answer.answers["active_tuberculosis"] == "no"
    assert "organ_transplant" not in answer.answers
    assert len(answer.answers) == 1 + 12  # the umbrella, and the 14 follow-ups of the list less the 2 of line 6
    assert list(answer.answers)[-1] == "npc_health_screen"  # last, so "go back" undoes the list itself


def test_an_unticked_time_line_means_not_in_the_lists_4_weeks(catalog):
    answer = read_ticked(catalog.questions["npc_recent_medicines"], ticked_payload(["item3"]), catalog.questions)
    assert answer.to_ask == {"days_since_live_vaccine"}
    assert answer.answers["days_since_steroids"] == Decimal(28)
    assert answer.answers["days_since_iv_antibiotics"] == Decimal(28)


def test_an_unknown_item_is_refused(catalog):
    with pytest.raises(InvalidAnswer):
        read_ticked(catalog.questions["npc_health_screen"], ticked_payload(["item11"]), catalog.questions)


@pytest.mark.parametrize("trial_id, expected", [(NPC, 15), (BREAST, 14)])
def test_the_first_estimate_is_a_typical_screening(catalog, trial_id, expected):
    # The typical eligible patients of tests/test_profiles.py answer 15 and 14 questions.
    where = progress(screen(catalog.trial(trial_id), catalog.questions, {}, TODAY), catalog.questions, {})
    assert (where.number, where.total, where.left) == (1, expected, expected)


def test_an_exclusion_leaves_nothing_to_ask(catalog):
    answers = {"npc_recurrent_metastatic": "yes", "age": Decimal(17)}
    where = progress(screen(catalog.trial(NPC), catalog.questions, answers, TODAY), catalog.questions, answers)
    assert (where.number, where.total, where.left) == (2, 2, 0)


def test_a_checklist_that_does_not_match_its_text_stops_the_load(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    bank = seeds / "questions.yml"
    text = bank.read_text()
    assert text.count("      - item: An organ transplant\n") == 1
    bank.write_text(text.replace("      - item: An organ transplant\n", "      - item: A transplant\n"))
    with pytest.raises(CatalogError, match="checklist items do not match the list in the self text"):
        load_catalog(seeds)


def test_a_checklist_missing_a_follow_up_stops_the_load(tmp_path: Path):
    seeds = tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    bank = seeds / "questions.yml"
    old = "        follow_ups: [organ_transplant, transplant_waiting]\n"
    assert bank.read_text().count(old) == 1
    bank.write_text(bank.read_text().replace(old, "        follow_ups: [organ_transplant]\n"))
    with pytest.raises(CatalogError, match="checklist of npc_health_screen"):
        load_catalog(seeds)
