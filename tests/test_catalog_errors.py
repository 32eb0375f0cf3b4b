"""The catalog loader refuses broken seed files with a message that says where and what.

Each test copies the real ``seeds/`` into a temporary folder, breaks one thing
with a small text edit (or removes a file), and checks the ``CatalogError``: the
file (``.path``), the criterion or question (``.where``), a phrase of the problem
(``.problem``) and that ``str(error)`` is "<path>: <where>: <problem>".
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Optional

import pytest

from bot.screening.catalog import CatalogError, load_catalog
from tests.conftest import SEEDS_DIR

NPC = "NCT06839066.yml"
NPC_LISTING = "NCT06839066.txt"
BREAST = "NCT06561607.yml"
QUESTIONS = "questions.yml"


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    """A private copy of the real seeds that a test may break."""
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS_DIR, target)
    return target


def edit(path: Path, old: str, new: str) -> str:
    """Replace ``old`` (which must occur exactly once) by ``new``; returns the new text."""
    text = path.read_text(encoding="utf-8")
    count = text.count(old)
    assert count == 1, f"test set-up: {old!r} occurs {count} times in {path.name}, expected once"
    text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return text


def load_error(seeds_dir: Path) -> CatalogError:
    with pytest.raises(CatalogError) as info:
        load_catalog(seeds_dir)
    return info.value


def check_error(error: CatalogError, seeds_dir: Path, file_name: str, where: Optional[str], phrase: str) -> None:
    assert error.path.name == file_name
    assert error.path.parent == seeds_dir
    assert error.where == where
    assert phrase in error.problem
    location = f"{error.path}: {where}" if where else str(error.path)
    assert str(error) == f"{location}: {error.problem}"
    assert file_name in str(error)
    if where:
        assert where in str(error)


# ---------------------------------------------------------------- the real seeds


def test_real_seeds_load_without_error() -> None:
    catalog = load_catalog(SEEDS_DIR)
    assert set(catalog.trials) == {"NCT06839066", "NCT06561607"}

    npc = catalog.trial("NCT06839066")
    kinds = [criterion.kind for criterion in npc.criteria]
    assert len(npc.criteria) == 31
    assert kinds.count("inclusion") == 11
    assert kinds.count("exclusion") == 20

    breast = catalog.trial("NCT06561607")
    assert len(breast.criteria) == 36


# ------------------------------------------------------------ criteria: questions


def test_unknown_question_id_in_criterion_questions(seeds: Path) -> None:
    edit(seeds / NPC, "    questions: [age]\n", "    questions: [agge]\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "unknown question id 'agge'")


def test_questions_list_not_matching_the_rule(seeds: Path) -> None:
    edit(seeds / NPC, "    questions: [age]\n", "    questions: [age, chemo_lines]\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "do not match the answers the rule uses")
    assert "chemo_lines" in error.problem


# ---------------------------------------------------------------- criteria: rules


def test_rule_that_does_not_parse(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: age >= = 18\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "rule does not parse")


def test_rule_with_unclosed_bracket(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: (age >= 18\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "rule does not parse")


def test_rule_naming_an_unknown_answer(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: agee >= 18\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "rule names unknown answer 'agee'")


def test_rule_number_outside_the_allowed_range(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: age >= 200\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "value 200 is outside the allowed range of age (0 to 120)")


def test_rule_number_below_the_allowed_range(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: age >= -1\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "outside the allowed range of age")


def test_rule_comparing_yes_no_with_a_value_that_is_not_an_answer(seeds: Path) -> None:
    edit(seeds / NPC, 'rule: npc_recurrent_metastatic == "yes"\n', 'rule: npc_recurrent_metastatic == "maybe"\n')
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I03", "value 'maybe' is not an answer to npc_recurrent_metastatic")


def test_rule_listing_a_choice_id_that_does_not_exist(seeds: Path) -> None:
    edit(
        seeds / NPC,
        'rule: daily_activity in ["fully_active", "light_work"]\n',
        'rule: daily_activity in ["fully_active", "light_wrk"]\n',
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I08", "value 'light_wrk' is not an answer to daily_activity")


def test_rule_comparing_a_yes_no_answer_with_a_number(seeds: Path) -> None:
    edit(seeds / NPC, 'rule: npc_recurrent_metastatic == "yes"\n', "rule: npc_recurrent_metastatic == 1\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I03", "compared with the number 1, but its answers are words")
    assert "npc_recurrent_metastatic" in error.problem


def test_rule_mentioning_not_sure(seeds: Path) -> None:
    edit(
        seeds / NPC,
        'rule: pregnant_or_breastfeeding == "no"\n',
        'rule: pregnant_or_breastfeeding == "no" or pregnant_or_breastfeeding == "not_sure"\n',
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-E19", "compares pregnant_or_breastfeeding with 'not_sure'")


def test_rule_that_is_not_a_true_false_test(seeds: Path) -> None:
    edit(seeds / NPC, 'rule: npc_recurrent_metastatic == "yes"\n', "rule: npc_recurrent_metastatic\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I03", "must be a true/false test")


# ----------------------------------------------------------- criteria: structure


def test_duplicated_criterion_id(seeds: Path) -> None:
    edit(seeds / NPC, "  - id: NPC-I03\n", "  - id: NPC-I02\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "duplicated criterion id")


def _duplicate_rule_key(seeds: Path) -> int:
    """Give NPC-I02 a second ``rule:`` key; returns the 1-based line of the duplicate."""
    text = edit(seeds / NPC, "    rule: age >= 18\n", "    rule: age >= 18\n    rule: age >= 21\n")
    return text.splitlines().index("    rule: age >= 21") + 1


def test_duplicated_yaml_key_inside_one_criterion(seeds: Path) -> None:
    line = _duplicate_rule_key(seeds)
    error = load_error(seeds)
    assert error.path.name == NPC
    assert "duplicated key 'rule'" in error.problem
    assert f"(line {line})" in error.problem


def test_duplicated_yaml_key_names_the_criterion(seeds: Path) -> None:
    _duplicate_rule_key(seeds)
    error = load_error(seeds)
    assert error.where == "criterion NPC-I02"


def test_missing_source_text(seeds: Path) -> None:
    edit(
        seeds / NPC,
        "    source: |-\n      Age ≥ 18 years at the time of signing the ICF, regardless of gender;\n",
        "",
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "missing source")


def test_empty_source_text(seeds: Path) -> None:
    edit(
        seeds / NPC,
        "    source: |-\n      Age ≥ 18 years at the time of signing the ICF, regardless of gender;\n",
        '    source: "  "\n',
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "missing source")


def test_source_text_not_word_for_word_in_listing(seeds: Path) -> None:
    edit(seeds / NPC, "      Age ≥ 18 years at the time of signing", "      Age >= 18 years at the time of signing")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "not found word for word in the listing")


def test_unknown_key_in_criterion(seeds: Path) -> None:
    edit(
        seeds / NPC,
        "    explanation: The study is only for adults, aged 18 or older.\n",
        "    explenation: The study is only for adults, aged 18 or older.\n",
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "unknown key(s) explenation")


def test_unknown_kind(seeds: Path) -> None:
    edit(seeds / NPC, "  - id: NPC-I02\n    kind: inclusion\n", "  - id: NPC-I02\n    kind: inclusive\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "kind must be inclusion or exclusion")


def test_unknown_check(seeds: Path) -> None:
    edit(seeds / NPC, "    check: ask\n    questions: [age]\n", "    check: asked\n    questions: [age]\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "check must be ask or study_team")


def test_ask_criterion_without_a_rule(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "needs questions and a rule")


def test_ask_criterion_with_a_study_team_reason(seeds: Path) -> None:
    edit(seeds / NPC, "    rule: age >= 18\n", "    rule: age >= 18\n    study_team_reason: The team checks it.\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I02", "study_team_reason is only for criteria the study team checks")


def test_study_team_criterion_without_a_reason(seeds: Path) -> None:
    edit(seeds / NPC, "    study_team_reason: Only the study doctor can judge this, from the medical records.\n", "")
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I09", "missing study_team_reason")


def test_study_team_criterion_with_a_rule(seeds: Path) -> None:
    edit(
        seeds / NPC,
        "    study_team_reason: Only the study doctor can judge this, from the medical records.\n",
        "    study_team_reason: Only the study doctor can judge this, from the medical records.\n    rule: age >= 18\n",
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-I09", "has no questions or rule")


def test_washout_that_is_not_true_or_false(seeds: Path) -> None:
    edit(
        seeds / NPC,
        "    washout: true\n    explanation: A serious infection",
        "    washout: sometimes\n    explanation: A serious infection",
    )
    error = load_error(seeds)
    check_error(error, seeds, NPC, "criterion NPC-E10", "washout must be true or false")


# ------------------------------------------------------------------ question_order


def test_question_order_missing_a_used_question(seeds: Path) -> None:
    edit(seeds / NPC, "\n  - measurable_lesion\n", "\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "question_order: missing measurable_lesion")


def test_question_order_with_an_unknown_question(seeds: Path) -> None:
    edit(seeds / NPC, "\n  - age\n", "\n  - age\n  - agee\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "question_order: unknown question id 'agee'")


def test_question_order_listing_a_question_twice(seeds: Path) -> None:
    edit(seeds / NPC, "\n  - age\n", "\n  - age\n  - age\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "question_order: a question is listed twice")


def test_question_order_with_an_unused_question(seeds: Path) -> None:
    edit(seeds / NPC, "\n  - age\n", "\n  - age\n  - days_since_trial_drug\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "days_since_trial_drug not used by any criterion")


# -------------------------------------------------------------------- the question bank


def test_duplicated_question_id(seeds: Path) -> None:
    path = seeds / QUESTIONS
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.rstrip("\n")
        + "\n\n"
        + "  - id: age\n"
        + "    type: number\n"
        + "    unit: years\n"
        + "    minimum: 0\n"
        + "    maximum: 120\n"
        + "    text:\n"
        + "      self: How old are you?\n"
        + "      caregiver: How old is the person you care for?\n"
        + "    help: Please give the age in years.\n",
        encoding="utf-8",
    )
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, "question age", "duplicated question id")


def test_question_with_an_unknown_type(seeds: Path) -> None:
    edit(seeds / QUESTIONS, "  - id: age\n    type: number\n", "  - id: age\n    type: numeric\n")
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, "question age", "unknown type 'numeric'")


def test_question_missing_the_caregiver_voice(seeds: Path) -> None:
    edit(seeds / QUESTIONS, "      caregiver: How old is the person you care for?\n", "")
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, "question age", "missing caregiver")


def test_unknown_key_in_question(seeds: Path) -> None:
    edit(seeds / QUESTIONS, "    help: Please give the age in years, for example 62.\n", "    hlep: Please give the age.\n")
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, "question age", "unknown key(s) hlep")


# ----------------------------------------------------------------- whole files


def test_trial_file_that_is_not_valid_yaml(seeds: Path) -> None:
    edit(seeds / NPC, "    questions: [age]\n", "    questions: [age\n")
    error = load_error(seeds)
    # The YAML error is reported at the next line, which belongs to the same criterion.
    check_error(error, seeds, NPC, "criterion NPC-I02", "not valid YAML")


def test_question_bank_that_is_not_valid_yaml(seeds: Path) -> None:
    (seeds / QUESTIONS).write_text("questions:\n  - id: age\n   type: [number\n", encoding="utf-8")
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, "question age", "not valid YAML")


def test_trial_file_that_is_a_list(seeds: Path) -> None:
    (seeds / NPC).write_text("- registry_id: NCT06839066\n", encoding="utf-8")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "expected a mapping, got list")


def test_missing_listing_file(seeds: Path) -> None:
    (seeds / NPC_LISTING).unlink()
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, f"cannot read listing {NPC_LISTING}")


def test_listing_named_wrongly(seeds: Path) -> None:
    edit(seeds / NPC, "listing: NCT06839066.txt\n", "listing: NCT06839066.text\n")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "cannot read listing NCT06839066.text")


def test_missing_question_bank(seeds: Path) -> None:
    (seeds / QUESTIONS).unlink()
    error = load_error(seeds)
    check_error(error, seeds, QUESTIONS, None, "cannot read file")


def test_two_files_with_the_same_trial_id(seeds: Path) -> None:
    # Sorted by name, the copy loads first, so the real file is the duplicate.
    shutil.copy(seeds / NPC, seeds / "NCT00000001.yml")
    error = load_error(seeds)
    check_error(error, seeds, NPC, None, "duplicated trial id NCT06839066")


def test_folder_without_trial_files(seeds: Path) -> None:
    (seeds / NPC).unlink()
    (seeds / BREAST).unlink()
    error = load_error(seeds)
    assert error.path == seeds
    assert error.where is None
    assert "no trial files" in error.problem


def test_error_in_the_breast_trial_names_that_file(seeds: Path) -> None:
    edit(seeds / BREAST, "    rule: anti_her2_therapy == \"no\"\n", "    rule: anti_her2_therapy == \"none\"\n")
    error = load_error(seeds)
    check_error(error, seeds, BREAST, "criterion BC-E19", "value 'none' is not an answer to anti_her2_therapy")
    assert re.match(rf"^{re.escape(str(seeds / BREAST))}: criterion BC-E19: ", str(error))


# ------------------------------------------------------------ choices: their words


def test_a_bare_no_among_synonyms_is_refused_and_names_the_question(seeds: Path) -> None:
    # YAML reads a bare no as the boolean false: it would silently never match.
    edit(seeds / QUESTIONS, 'synonyms: ["no", none, no other cancer,', "synonyms: [no, none, no other cancer,")
    check_error(load_error(seeds), seeds, QUESTIONS, "question other_cancer", "choice none: every item of synonyms must be text")


def test_a_number_among_examples_is_refused(seeds: Path) -> None:
    edit(seeds / QUESTIONS, "          - completely bedridden\n", "          - 4\n")
    check_error(load_error(seeds), seeds, QUESTIONS, "question daily_activity", "choice bed_bound: every item of examples must be text")


def test_an_unknown_polarity_is_refused(seeds: Path) -> None:
    edit(seeds / QUESTIONS, '        polarity: "no"\n      - id: over_5_years', '        polarity: maybe\n      - id: over_5_years')
    check_error(load_error(seeds), seeds, QUESTIONS, "question other_cancer", "polarity must be yes or no")


def test_a_time_band_that_is_not_two_numbers_is_refused(seeds: Path) -> None:
    edit(seeds / QUESTIONS, "years_ago: [2, 5]", "years_ago: [two, 5]")
    check_error(load_error(seeds), seeds, QUESTIONS, "question other_cancer", "years_ago must be [from, to]")


def test_a_context_term_that_yaml_reads_as_a_boolean_is_refused(seeds):
    edit(seeds / QUESTIONS, "context_terms: [chemotherapy, chemo,", "context_terms: [no, chemo,")
    check_error(load_error(seeds), seeds, QUESTIONS, "question platinum_chemo", "every item of context_terms must be text")


def test_context_terms_belong_to_yes_no_questions_only(seeds):
    terms = "    terms: [hormone receptor, HR, HR positive, estrogen receptor, progesterone receptor, ER, PR]"
    edit(seeds / QUESTIONS, terms, terms + "\n    context_terms: [test]")
    check_error(load_error(seeds), seeds, QUESTIONS, "question hr_status", "only a yes/no question has context_terms")
