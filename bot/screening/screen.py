"""Screen a file of answers against one trial, from the command line.

    python -m bot.screening.screen NCT06839066 answers.yml           # readable report
    python -m bot.screening.screen NCT06561607 answers.yml --json    # for machines

The answers file is YAML::

    answered_on: 2026-11-22   # optional: the day "how long ago" counts back from
    answers:
      age: 54
      npc_recurrent_metastatic: yes
      last_treatment_days: 35        # days ago, or a date, or never, or not_sure

Any problem with the input prints one line on stderr and exits with status 2.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import List, Mapping, Optional, Sequence, Tuple

from bot.screening.answers import AnswerValue, InvalidAnswer, normalise_answers
from bot.screening.catalog import Catalog, CatalogError, load_catalog, read_yaml
from bot.screening.evaluation import CriterionResult, ScreeningResult, Status, screen
from bot.settings import get_settings

USAGE_ERROR = 2

VERDICT_TEXT = {
    "likely_ineligible": "May not be a match: at least one requirement is not met (see NOT MET below).",
    "incomplete": "Not finished: some questions are still to be answered.",
    "needs_review": "Nothing rules this person out, but some answers were 'not sure'. The study team will check them.",
    "likely_eligible": "May be a good match. The study team still does the checks marked STUDY TEAM.",
}


class InputError(ValueError):
    """Bad input to the command; the message is printed as one line."""


def read_answers_file(path: Path, catalog: Catalog, today: dt.date) -> Tuple[dict, dt.date]:
    data = read_yaml(path)  # refuses duplicated keys: "age" twice must not silently keep the last
    if not isinstance(data, dict) or not isinstance(data.get("answers", {}), dict):
        raise InputError(f"{path}: expected a mapping with an 'answers' mapping of question id to answer")
    unknown_keys = sorted(set(map(str, data)) - {"answers", "answered_on"})
    if unknown_keys:
        raise InputError(f"{path}: unknown key(s) {', '.join(unknown_keys)} (allowed: answers, answered_on)")
    answered_on = data.get("answered_on", today)
    if isinstance(answered_on, str):
        try:
            answered_on = dt.date.fromisoformat(answered_on)
        except ValueError:
            raise InputError(f"{path}: answered_on must be a date (YYYY-MM-DD)") from None
    if isinstance(answered_on, dt.datetime):
        answered_on = answered_on.date()
    if not isinstance(answered_on, dt.date):
        raise InputError(f"{path}: answered_on must be a date (YYYY-MM-DD)")
    if answered_on > today:
        raise InputError(f"{path}: answered_on {answered_on.isoformat()} is in the future")
    try:
        answers = normalise_answers(catalog.questions, data.get("answers") or {}, answered_on)
    except InvalidAnswer as error:
        raise InputError(f"{path}: {error}") from None
    return answers, answered_on


def status_label(result: CriterionResult) -> str:
    if result.status is Status.NOT_MET and result.not_yet:
        return f"NOT YET (until {result.wait_until.isoformat()})" if result.wait_until else "NOT YET"
    return result.status.value.replace("_", " ").upper()


def as_json(result: ScreeningResult) -> dict:
    return {
        "trial": result.trial.registry_id,
        "verdict": result.verdict.value,
        "criteria": [
            {
                "id": r.criterion.id,
                "kind": r.criterion.kind,
                "status": r.status.value,
                "source": r.criterion.source,
                "explanation": r.criterion.explanation,
                "not_yet": r.not_yet,
                "wait_until": r.wait_until.isoformat() if r.wait_until else None,
            }
            for r in result.criteria
        ],
        "next_question": result.next_question,
    }


def as_report(result: ScreeningResult, answers: Mapping[str, AnswerValue], catalog: Catalog) -> str:
    trial = result.trial
    lines: List[str] = [
        f"{trial.registry_id}: {trial.short_name}",
        f"Verdict: {result.verdict.value} - {VERDICT_TEXT[result.verdict.value]}",
    ]
    if result.next_question:
        question = catalog.questions[result.next_question]
        lines.append(f"Next question: {result.next_question} - {question.text_for('self').splitlines()[0]}")
    else:
        lines.append("Next question: none")
    lines.append(f"Answers given: {len(answers)}")
    for r in result.criteria:
        lines.append("")
        lines.append(f"[{status_label(r)}] {r.criterion.id} ({r.criterion.kind})")
        lines.append(f"    {r.criterion.source}")
        if r.status is Status.NOT_MET:
            lines.append(f"    Why: {r.criterion.explanation}")
        elif r.status is Status.STUDY_TEAM:
            lines.append(f"    Checked by the study team: {r.criterion.study_team_reason}")
    return "\n".join(lines)


def main(argv: Optional[Sequence[str]] = None, today: Optional[dt.date] = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot.screening.screen", description=__doc__.split("\n\n")[0])
    parser.add_argument("trial", help="registry id, for example NCT06839066")
    parser.add_argument("answers", type=Path, help="YAML file of answers (see the module docstring)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a readable report")
    args = parser.parse_args(argv)
    try:
        catalog = load_catalog(get_settings().seeds_dir)
        trial = catalog.trial(args.trial)
        answers, answered_on = read_answers_file(args.answers, catalog, today or dt.date.today())
    except (CatalogError, InputError) as error:
        print(f"error: {error}", file=sys.stderr)
        return USAGE_ERROR
    except KeyError as error:
        print(f"error: {error.args[0]}", file=sys.stderr)
        return USAGE_ERROR
    result = screen(trial, catalog.questions, answers, answered_on)
    if args.json:
        print(json.dumps(as_json(result), ensure_ascii=False, indent=2))
    else:
        print(as_report(result, answers, catalog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
