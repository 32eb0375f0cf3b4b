"""Score the answer readers on sets of typed answers: per answer type,
understood / asked again / wrong / opposite.

``tests/answers/blind2.yml`` and ``tests/answers/blind.yml`` were each written by
someone who never saw the reader and scored once blind; each was then used to fix
the reader, so both are development sets now, like ``tests/answers/dev.yml``.
A new blind set goes through the same command. Each file says which it is on its
"# Status:" line.

"Understood" is a reading used as it is, and right. "Asked again" is a reply
the assistant asks about: not understood (re-asked with what is expected), or
read with low confidence (a short "Just to be sure" check). "Wrong" is a
reading used as it is that is not what the writer meant: the one outcome that
must not happen. "Opposite" counts the wrong readings that are the reverse of
what was meant: a yes read as a no or a no as a yes, "never" read as a time or a
time as "never", a choice's plain yes or no read as the other.

A set in Chinese (``language: zh`` at its top, or ``--language zh``) is read
by the Chinese reader against the Chinese question bank.

By default only the words are read. ``--with-nlu`` also passes each reply
through the trained Rasa model, as the assistant does; the model can only add
checks (when it disagrees with the words, or when the words say nothing).

    .venv/bin/python scripts/evaluate_answers.py tests/answers/blind2.yml tests/answers/blind.yml tests/answers/dev.yml
    .venv/bin/python scripts/evaluate_answers.py tests/answers/blind2.yml --with-nlu
    .venv/bin/python scripts/evaluate_answers.py tests/answers/blind_zh.yml tests/answers/dev_zh.yml
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.screening.answers import NEVER, NO, YES, AnswerType, Question  # noqa: E402
from bot.screening.catalog import load_questions, load_translated_questions  # noqa: E402
from bot.understanding import reader_for  # noqa: E402

UNDERSTOOD, ASKED_AGAIN, WRONG = "understood", "asked again", "wrong"
OPPOSITE = "opposite"  # counted on its own, and among the wrong ones too


def canonical_expected(expected: Any) -> Any:
    # YAML 1.1 reads a bare yes / no as a boolean.
    if expected is True:
        return "yes"
    if expected is False:
        return "no"
    return expected


def matches(question: Question, value: Any, expected: Any) -> bool:
    expected = canonical_expected(expected)
    if isinstance(expected, dict):
        if question.type is not AnswerType.TIME_SINCE or not isinstance(value, Decimal):
            return False
        low = expected.get("days_min")
        high = expected.get("days_max")
        return (low is None or value >= Decimal(str(low))) and (high is None or value <= Decimal(str(high)))
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        return isinstance(value, Decimal) and value == Decimal(str(expected))
    return str(value) == str(expected)


def is_opposite(question: Question, value: Any, expected: Any) -> bool:
    """A reading that says the reverse of what was meant (see the module's docstring)."""
    expected = canonical_expected(expected)
    if question.type is AnswerType.TIME_SINCE:
        said_a_time = isinstance(expected, (dict, int, float)) and not isinstance(expected, bool)
        return (expected == NEVER and isinstance(value, Decimal)) or (said_a_time and value == NEVER)
    if question.type is AnswerType.CHOICE:
        polarity = {choice.id: choice.polarity for choice in question.choices}
        if str(value) not in polarity or str(expected) not in polarity:
            return False  # "not sure" is never the opposite of anything
        meant, read = polarity[str(expected)], polarity[str(value)]
        if YES not in polarity.values():
            # Only a "no" choice (no other cancer): every other choice is a kind of yes.
            return NO in (meant, read) and meant != read
        return {meant, read} == {YES, NO}
    return {str(value), str(expected)} == {YES, NO}


def type_of(question_id: str, questions: Dict[str, Question]) -> str:
    if question_id == "voice":
        return "voice"
    return questions[question_id].type.value


def score(
    answers: List[dict],
    questions: Dict[str, Question],
    today: dt.date,
    intent_of: Optional[Callable] = None,
    language: str = "en",
) -> Tuple[Dict[str, collections.Counter], List[dict]]:
    reader = reader_for(language)
    reader.prepare(questions.values())  # as the action server does when it loads the catalog
    table: Dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    details = []
    for item in answers:
        question_id, text, expected = item["question"], str(item["text"]), item.get("expected")
        kind = type_of(question_id, questions)
        if kind == "voice":
            value = reader.read_voice(text)
            outcome = ASKED_AGAIN if value is None else UNDERSTOOD if value == expected else WRONG
            checked = None
        else:
            intent, confidence = intent_of(text) if intent_of else (None, 0.0)
            reading = reader.read(questions[question_id], text, today, intent, confidence)
            value = reading.value
            checked = reading.needs_check
            if value is None or reading.needs_check:
                outcome = ASKED_AGAIN
            else:
                outcome = UNDERSTOOD if matches(questions[question_id], value, expected) else WRONG
                if outcome == WRONG and is_opposite(questions[question_id], value, expected):
                    table[kind][OPPOSITE] += 1
        table[kind][outcome] += 1
        details.append({
            "question": question_id, "text": text, "expected": canonical_expected(expected), "read": str(value),
            "check": checked, "outcome": outcome,
        })
    return table, details


def nlu_parser(model: Optional[str]) -> Callable:
    import asyncio

    from rasa.core.agent import Agent
    from rasa.model import get_local_model

    agent = Agent.load(model or get_local_model(str(ROOT / "models")))
    loop = asyncio.new_event_loop()

    def intent_of(text: str):
        parsed = loop.run_until_complete(agent.parse_message(text))
        return parsed["intent"]["name"], float(parsed["intent"]["confidence"])

    return intent_of


def report(table: Dict[str, collections.Counter], details: List[dict]) -> str:
    lines = ["| Answer type | Answers | Understood | Asked again | Wrong | Opposite |", "|---|---|---|---|---|---|"]
    total = collections.Counter()
    for kind in sorted(table):
        counts = table[kind]
        n = counts[UNDERSTOOD] + counts[ASKED_AGAIN] + counts[WRONG]
        total.update(counts)
        lines.append(
            f"| {kind} | {n} | {counts[UNDERSTOOD]} ({100 * counts[UNDERSTOOD] / n:.1f}%) | {counts[ASKED_AGAIN]} | "
            f"{counts[WRONG]} | {counts[OPPOSITE]} |"
        )
    n = total[UNDERSTOOD] + total[ASKED_AGAIN] + total[WRONG]
    lines.append(
        f"| **all** | **{n}** | **{total[UNDERSTOOD]} ({100 * total[UNDERSTOOD] / n:.1f}%)** | "
        f"**{total[ASKED_AGAIN]}** | **{total[WRONG]}** | **{total[OPPOSITE]}** |"
    )
    wrong = [d for d in details if d["outcome"] == WRONG]
    if wrong:
        lines.append("")
        lines.append("Wrong readings:")
        lines += [f"- {d['question']}: {d['text']!r} read as {d['read']}, meant {d['expected']}" for d in wrong]
    return "\n".join(lines)


def summary(table: Dict[str, collections.Counter]) -> Dict[str, float]:
    total = collections.Counter()
    for counts in table.values():
        total.update(counts)
    n = total[UNDERSTOOD] + total[ASKED_AGAIN] + total[WRONG]
    return {
        "answers": n, "understood": total[UNDERSTOOD] / n, "asked_again": total[ASKED_AGAIN], "wrong": total[WRONG],
        "opposite": total[OPPOSITE],
    }


def status(path: Path) -> str:
    """The file's "# Status:" line: whether the set is blind or used for tuning."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith("# Status:"):
            return line[len("# Status:"):].strip()
    return "(no status line)"


def load(path: Path) -> Tuple[dt.date, List[dict]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    answered_on = data.get("answered_on")
    if isinstance(answered_on, str):
        answered_on = dt.date.fromisoformat(answered_on)
    return answered_on or dt.date.today(), list(data["answers"])


def language_of(path: Path) -> str:
    """The set's language: ``language:`` at its top, else English."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return str(data.get("language") or "en") if isinstance(data, dict) else "en"


def questions_in(language: str) -> Dict[str, Question]:
    """The question bank in ``language`` (the trial files are not needed to read answers)."""
    path = ROOT / "seeds" / "questions.yml"
    if language == "en":
        return load_questions(path)
    return load_translated_questions(path)[1][language]


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", type=Path, nargs="*", default=[ROOT / "tests" / "answers" / "blind2.yml"])
    parser.add_argument("--with-nlu", action="store_true", help="also ask the trained Rasa model, as the assistant does")
    parser.add_argument("--model", help="the model file (default: the newest in models/)")
    parser.add_argument("--details", type=Path, help="write every reading to this JSON file (one set only)")
    parser.add_argument("--language", choices=("en", "zh"), help="the sets' language (default: each set's `language:`, else en)")
    args = parser.parse_args(argv)
    intent_of = nlu_parser(args.model) if args.with_nlu else None
    for number, path in enumerate(args.answers):
        today, answers = load(path)
        language = args.language or language_of(path)
        table, details = score(answers, questions_in(language), today, intent_of, language)
        if len(args.answers) > 1:
            print(("\n" if number else "") + f"## {path.name}: {status(path)}\n")
        print(report(table, details))
        if args.details and len(args.answers) == 1:
            args.details.write_text(json.dumps(details, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
