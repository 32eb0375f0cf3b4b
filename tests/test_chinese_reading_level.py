"""Every Chinese text a patient reads in the seed files is plain: a CLDC score of 30 or below.

The score (bot/plain_chinese) is the average sentence length in words plus the
HSK level 3+ words per 100 words; above 30 is difficult. The texts are the
ones the issue names, every question text (both voices), help text and choice
label and every criterion's explanation: from the catalog in Chinese once every seed
file holds Chinese, and until then from the zh blocks of the files that declare
zh. A file that does not declare zh yet is reported, never passed over silently.
"""

from __future__ import annotations

import shutil
import warnings

import pytest
import yaml

from bot.plain_chinese import DIFFICULT_ABOVE, read
from bot.plain_chinese.seed_texts import chinese_seed_texts
from bot.screening.catalog import CatalogError, load_catalog
from tests.conftest import SEEDS_DIR
from tests.i18n.test_seed_translations import _with_zh_blocks

HARDEST_SHOWN = 10


def test_every_chinese_seed_text_scores_30_or_below():
    found = chinese_seed_texts(SEEDS_DIR)
    if found.untranslated:
        warnings.warn(f"seed files without Chinese yet, not scored: {', '.join(found.untranslated)}")
    assert found.texts, "no seed file holds Chinese texts"
    readings = sorted(((read(text), where) for where, text in found.texts), key=lambda item: -item[0].score)
    hardest = "\n".join(
        f"  {reading.score:5.1f}  {where}: {' '.join(reading.text.split())}  [hard: {' '.join(reading.hard_words)}]"
        for reading, where in readings[:HARDEST_SHOWN]
    )
    difficult = [where for reading, where in readings if reading.score > DIFFICULT_ABOVE]
    assert not difficult, (
        f"{len(difficult)} Chinese text(s) score above {DIFFICULT_ABOVE}: {', '.join(difficult)}\n"
        f"The hardest {HARDEST_SHOWN}:\n{hardest}"
    )


def test_every_translated_trial_file_gives_a_text_for_each_criterion():
    """Nothing is dropped on the way: one explanation per criterion of each file that declares zh."""
    found = chinese_seed_texts(SEEDS_DIR)
    names = {where for where, _ in found.texts}
    for path in sorted(SEEDS_DIR.glob("NCT*.yml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "zh" not in data.get("languages", []):
            assert path.name in found.untranslated
            continue
        for criterion in data["criteria"]:
            assert f"{data['registry_id']} {criterion['id']} explanation" in names


def test_once_every_file_holds_chinese_the_texts_come_from_the_catalog(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    _with_zh_blocks(seeds)  # the files without Chinese get stand-in "中…" texts
    found = chinese_seed_texts(seeds)
    assert found.untranslated == ()
    catalog = load_catalog(seeds).in_language("zh")
    where = dict(found.texts)
    age = catalog.questions["age"]
    assert where["question age text (self)"] == age.text["self"]
    assert where["question age text (caregiver)"] == age.text["caregiver"]
    assert where["question age help"] == age.help
    hr = catalog.questions["hr_status"]
    assert where["question hr_status choice positive"] == hr.choice("positive").label
    for trial in catalog.trials.values():
        for criterion in trial.criteria:
            assert where[f"{trial.registry_id} {criterion.id} explanation"] == criterion.explanation


def test_a_missing_chinese_text_fails_rather_than_being_skipped(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, seeds)
    _with_zh_blocks(seeds)
    path = seeds / "NCT06839066.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    del data["criteria"][0]["zh"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    with pytest.raises(CatalogError, match=r"NCT06839066.yml: criterion NPC-I01: \[zh\] missing translation block"):
        chinese_seed_texts(seeds)
