"""The command line: ``python -m bot.screening.screen TRIAL ANSWERS.yml [--json]``.

Most tests call ``bot.screening.screen.main(argv, today=TODAY)`` and read what it printed;
one runs the real command in a subprocess. Bad input must give exit status 2
and exactly one line, starting with ``error:``, on stderr.
"""

from __future__ import annotations

import datetime as dt

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import List, Optional, Tuple

import pytest

from bot.screening.catalog import Catalog
from bot.screening.screen import USAGE_ERROR, main
from tests.conftest import PROJECT_ROOT, TODAY

NPC = "NCT06839066"
BREAST = "NCT06561607"

# Two weeks before TODAY (2026-11-22): NPC-I07's 4-week wait ends on 2026-12-06.
NOT_YET_ANSWERS = """\
answered_on: 2026-11-22
answers:
  npc_recurrent_metastatic: yes
  age: 52
  chemo_lines: 2
  platinum_chemo: yes
  pd1_therapy: yes
  daily_activity: light_work
  last_treatment_days: 2026-11-08
  days_since_chemotherapy: 2026-11-08
  side_effects_more_than_mild: no
"""

STATUS_LABELS = {"met": "MET", "not_met": "NOT MET", "unknown": "UNKNOWN", "pending": "PENDING", "study_team": "STUDY TEAM"}


def write(tmp_path: Path, text: str, name: str = "answers.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run(capsys: pytest.CaptureFixture, *argv: str) -> Tuple[int, str, str]:
    status = main(list(argv), today=TODAY)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def criterion_lines(out: str) -> dict:
    """criterion id -> the status label in brackets, from the readable report."""
    found = {}
    for line in out.splitlines():
        match = re.match(r"^\[(?P<label>[^\]]+)\] (?P<id>\S+) \((?P<kind>inclusion|exclusion)\)$", line)
        if match:
            assert match["id"] not in found, f"{match['id']} is shown twice"
            found[match["id"]] = match["label"]
    return found


# ------------------------------------------------------------------ readable report


def test_readable_report(tmp_path: Path, capsys: pytest.CaptureFixture, catalog: Catalog) -> None:
    answers = write(tmp_path, "answers:\n  age: 54\n  npc_recurrent_metastatic: yes\n")
    status, out, err = run(capsys, NPC, str(answers))
    assert status == 0
    assert err == ""
    lines = out.splitlines()
    assert lines[0].startswith(NPC)
    assert lines[0] == f"{NPC}: {catalog.trial(NPC).short_name}"
    assert "Verdict: incomplete - " in out
    assert any(line.startswith("Verdict: incomplete") for line in lines)
    assert "Next question: chemo_lines - " in out

    shown = criterion_lines(out)
    trial = catalog.trial(NPC)
    assert list(shown) == [criterion.id for criterion in trial.criteria]
    assert shown["NPC-I01"] == "STUDY TEAM"
    assert shown["NPC-I02"] == "MET"
    assert shown["NPC-I03"] == "MET"
    assert shown["NPC-I04"] == "PENDING"
    for criterion in trial.criteria:
        assert f"    {criterion.source}" in lines


def test_readable_report_shows_not_met_and_not_yet(tmp_path: Path, capsys: pytest.CaptureFixture, catalog: Catalog) -> None:
    answers = write(tmp_path, NOT_YET_ANSWERS.replace("age: 52", "age: 17"))
    status, out, err = run(capsys, NPC, str(answers))
    assert status == 0
    assert err == ""
    assert out.startswith(f"{NPC}: ")
    assert "Verdict: likely_ineligible - " in out
    assert "Next question: none" in out
    shown = criterion_lines(out)
    assert shown["NPC-I02"] == "NOT MET"
    assert shown["NPC-I07"] == "NOT YET (until 2026-12-06)"
    assert f"    Why: {catalog.trial(NPC).criterion('NPC-I02').explanation}" in out.splitlines()


def test_answered_on_is_the_day_waits_count_from(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    later = NOT_YET_ANSWERS.replace("answered_on: 2026-11-22", "answered_on: 2026-12-06")
    status = main([NPC, str(write(tmp_path, later))], today=dt.date(2026, 12, 6))
    out = capsys.readouterr().out
    assert status == 0
    assert criterion_lines(out)["NPC-I07"] == "MET"


def test_answered_on_in_the_future_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    later = NOT_YET_ANSWERS.replace("answered_on: 2026-11-22", "answered_on: 2026-12-06")
    status, out, err = run(capsys, NPC, str(write(tmp_path, later)))
    assert_one_error_line(status, out, err, "in the future")


def test_breast_trial_report(tmp_path: Path, capsys: pytest.CaptureFixture, catalog: Catalog) -> None:
    answers = write(tmp_path, "answers:\n  age: 80\n")
    status, out, err = run(capsys, BREAST, str(answers))
    assert status == 0
    assert out.startswith(f"{BREAST}: ")
    assert "Verdict: likely_ineligible" in out
    shown = criterion_lines(out)
    assert list(shown) == [criterion.id for criterion in catalog.trial(BREAST).criteria]
    assert shown["BC-I02"] == "NOT MET"


# ------------------------------------------------------------------------- JSON


def test_json_output(tmp_path: Path, capsys: pytest.CaptureFixture, catalog: Catalog) -> None:
    answers = write(tmp_path, "answers:\n  age: 54\n  npc_recurrent_metastatic: yes\n")
    status, out, err = run(capsys, NPC, str(answers), "--json")
    assert status == 0
    assert err == ""
    data = json.loads(out)
    assert set(data) == {"trial", "verdict", "criteria", "next_question"}
    assert data["trial"] == NPC
    assert data["verdict"] == "incomplete"
    assert data["next_question"] == "chemo_lines"

    trial = catalog.trial(NPC)
    assert [item["id"] for item in data["criteria"]] == [criterion.id for criterion in trial.criteria]
    for item, criterion in zip(data["criteria"], trial.criteria, strict=True):
        assert {"id", "kind", "status", "source", "explanation"} <= set(item)
        assert item["kind"] == criterion.kind
        assert item["source"] == criterion.source
        assert item["explanation"] == criterion.explanation
        assert item["status"] in STATUS_LABELS
    by_id = {item["id"]: item for item in data["criteria"]}
    assert by_id["NPC-I02"]["status"] == "met"
    assert by_id["NPC-I01"]["status"] == "study_team"
    assert by_id["NPC-I04"]["status"] == "pending"


def test_json_output_not_yet(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, NPC, str(write(tmp_path, NOT_YET_ANSWERS)), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["verdict"] == "likely_ineligible"
    # A waiting time that is not over is "not yet": the remaining questions are still asked.
    assert data["next_question"] == "measurable_lesion"
    item = next(item for item in data["criteria"] if item["id"] == "NPC-I07")
    assert item["status"] == "not_met"
    assert item["not_yet"] is True
    assert item["wait_until"] == "2026-12-06"


def test_empty_answers_file_is_allowed(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    status, out, _ = run(capsys, NPC, str(write(tmp_path, "answers: {}\n")), "--json")
    assert status == 0
    data = json.loads(out)
    assert data["verdict"] == "incomplete"
    assert data["next_question"] == "npc_recurrent_metastatic"


# ------------------------------------------------------------------- bad input

# (trial, answers file, fragments the error line must contain, compared case-insensitively).
# The fragments name the question and the bad value rather than quote the wording.
BAD_INPUT = [
    pytest.param(NPC, "answers:\n  age: [54\n", ["not valid yaml"], id="malformed-yaml"),
    pytest.param(NPC, "- age: 54\n- npc_recurrent_metastatic: yes\n", ["expected a mapping"], id="list-not-mapping"),
    pytest.param(NPC, "answers:\n  - age\n", ["expected a mapping"], id="answers-is-a-list"),
    pytest.param("NCT00000000", "answers:\n  age: 54\n", ["unknown trial id", "NCT00000000"], id="unknown-trial"),
    pytest.param(
        NPC, "answers:\n  favourite_colour: blue\n", ["unknown question id", "favourite_colour"], id="unknown-question"
    ),
    pytest.param(NPC, "answers:\n  age: 250\n", ["age: ", "250", "0 to 120"], id="age-out-of-range"),
    pytest.param(NPC, "answers:\n  age: old\n", ["age: ", "'old'", "number"], id="age-wrong-type"),
    pytest.param(NPC, "answers:\n  age: not sure\n", ["age: ", "not sure"], id="age-not-sure"),
    pytest.param(NPC, "answers:\n  pd1_therapy: maybe\n", ["pd1_therapy: ", "'maybe'"], id="yes-no-wrong-value"),
    pytest.param(NPC, "answers:\n  daily_activity: jogging\n", ["daily_activity: ", "'jogging'"], id="unknown-choice"),
    pytest.param(
        NPC,
        "answers:\n  last_treatment_days: 2027-01-15\n",
        ["last_treatment_days: ", "2027-01-15", "future"],
        id="future-date",
    ),
    pytest.param(NPC, "answers:\n  last_treatment_days: -3\n", ["last_treatment_days: ", "-3"], id="negative-days"),
    pytest.param(NPC, "answer:\n  age: 54\n", ["unknown key(s) answer"], id="unknown-top-level-key"),
    pytest.param(NPC, "answered_on: yesterday\nanswers:\n  age: 54\n", ["answered_on must be a date"], id="bad-answered-on"),
]


def assert_one_error_line(status: int, out: str, err: str, *fragments: str) -> None:
    assert status == USAGE_ERROR == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert err.endswith("\n")
    assert lines[0].startswith("error: ")
    for fragment in fragments:
        assert fragment.lower() in lines[0].lower()


@pytest.mark.parametrize("trial, content, fragments", BAD_INPUT)
def test_bad_input_gives_one_error_line(
    tmp_path: Path, capsys: pytest.CaptureFixture, trial: str, content: str, fragments: List[str]
) -> None:
    status, out, err = run(capsys, trial, str(write(tmp_path, content)))
    assert_one_error_line(status, out, err, *fragments)


def test_missing_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = tmp_path / "no_such_answers.yml"
    status, out, err = run(capsys, NPC, str(missing))
    assert_one_error_line(status, out, err, "cannot read file")
    assert str(missing) in err


def test_error_names_the_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = write(tmp_path, "answers:\n  age: 250\n", name="patient_7.yml")
    _, _, err = run(capsys, NPC, str(path))
    assert err.startswith(f"error: {path}: ")


def test_answers_file_that_is_not_utf8(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    path = tmp_path / "answers.yml"
    path.write_bytes(b"answers:\n  age: \xff\xfe54\n")
    status, out, err = run(capsys, NPC, str(path))
    assert_one_error_line(status, out, err, "not valid YAML")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param("answers:\n  last_treatment_days: 2026-02-30\n", id="answer"),
        pytest.param("answered_on: 2026-13-01\nanswers:\n  age: 54\n", id="answered-on"),
    ],
)
def test_impossible_date_gives_one_error_line(tmp_path: Path, capsys: pytest.CaptureFixture, content: str) -> None:
    status, out, err = run(capsys, NPC, str(write(tmp_path, content)))
    assert_one_error_line(status, out, err)


def test_answered_on_with_a_time_does_not_crash(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    content = "answered_on: 2026-11-22 10:00:00\nanswers:\n  last_treatment_days: 2026-11-01\n"
    status, out, err = run(capsys, NPC, str(write(tmp_path, content)))
    assert (status, err) == (0, "")  # the time of day is ignored: answers count from that day


def test_duplicated_answer_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    status, out, err = run(capsys, NPC, str(write(tmp_path, "answers:\n  age: 54\n  age: 17\n")))
    assert_one_error_line(status, out, err, "age")


# ------------------------------------------------------------- the real command


def _run_module(*args: str, timeout: Optional[float] = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot.screening.screen", *args],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def test_python_dash_m_bot_screen(tmp_path: Path) -> None:
    answers = write(tmp_path, NOT_YET_ANSWERS)
    result = _run_module(NPC, str(answers))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(NPC)
    assert "[NOT YET (until 2026-12-06)] NPC-I07 (inclusion)" in result.stdout


def test_python_dash_m_bot_screen_bad_input_exits_2(tmp_path: Path) -> None:
    result = _run_module(NPC, str(tmp_path / "missing.yml"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("error: ")
