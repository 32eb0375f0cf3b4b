"""The reader scored on the answer sets, as `make evaluate-answers` prints them.

tests/answers/blind2.yml was written by someone who never saw the reader and
scored once, blind, when the reader was final (see the README); the bugs that
run showed were then fixed, so it is no longer blind. tests/answers/blind.yml
was blind at its first scoring and was then used for tuning. Both are
development sets now, like tests/answers/dev.yml: the next measurement needs a
new blind set. The thresholds are what the measured runs
achieved (see the README), so any change that reads more of a set wrongly, or
understands less, fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.evaluate_answers import ASKED_AGAIN, OPPOSITE, UNDERSTOOD, WRONG, language_of, load, questions_in, score

ANSWERS = Path(__file__).resolve().parents[1] / "answers"
# (answers, at least understood, at most wrong, at most opposite): the measured figures.
# blind3.yml was scored once blind at the start of issue 9's third round (490 understood, 25 wrong, 6
# opposite); these are the figures after the general fixes of that round, so it is no longer blind.
# The second pass of that round (branch issue-9d) raised them with more general rules, adding no wrong reading.
# blind4.yml was written for round 3's final measurement and scored once (595 understood, 11 wrong, 3
# opposite); round 5's fixes (branches issue-9f, issue-9g) were tuned on it. blind5.yml was written for round
# 5's final measurement before any of that round's changes and scored once when the readers were final (903
# understood, 20 wrong, 6 opposite); the safety pass after it (branch issue-9h) took it as a development set.
# blind8.yml was written for round 6 before any of its changes and scored once at its start (718 understood, 9
# wrong, 1 opposite); the round's fixes were made from it. blind9.yml was written at the same time, kept unseen
# until the readers were final and scored once (726 understood, 8 wrong, 2 opposite); the safety pass after it
# removed its readings of the opposite polarity.
# blind10.yml was written for round 7 before any of its changes, scored once at its start (832 understood, 19 wrong,
# 1 opposite; figures only) and once when the English readers were final (851, 9, 0); then dates in digits (2025.6, "last one 11/24") help with the phone at the voice question and "friday just gone" were fixed.
# Round 7 (branch issue-9k) raised them again with general rules from the misses of blind9, blind8, blind5, blind4
# and blind3, adding no wrong reading anywhere (blind9: 6 wrong to 1).
MEASURED = {
    "blind10.yml": (909, 868, 5, 0),
    "blind9.yml": (788, 754, 1, 0),
    "blind8.yml": (759, 742, 3, 0),
    "blind5.yml": (984, 945, 5, 0),
    "blind4.yml": (668, 649, 1, 0),
    "blind3.yml": (638, 596, 1, 0),
    "blind2.yml": (592, 575, 5, 0),
    "blind.yml": (597, 592, 0, 0),
    "dev.yml": (163, 160, 0, 0),
}


def assert_no_worse(path: Path, language: str, figures) -> None:
    """The set scores at least as well as its measured (answers, understood, wrong, opposite)."""
    total, understood, wrong, opposite = figures
    today, answers = load(path)
    table, details = score(answers, questions_in(language), today, language=language)
    counts = {kind: sum(table[t][kind] for t in table) for kind in (UNDERSTOOD, ASKED_AGAIN, WRONG, OPPOSITE)}
    assert counts[UNDERSTOOD] + counts[ASKED_AGAIN] + counts[WRONG] == total
    assert counts[UNDERSTOOD] >= understood, counts
    assert counts[WRONG] <= wrong, [d for d in details if d["outcome"] == WRONG]
    assert counts[OPPOSITE] <= opposite


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_answer_set_figures_do_not_get_worse(name):
    assert_no_worse(ANSWERS / name, "en", MEASURED[name])


@pytest.mark.parametrize("name", sorted(MEASURED))
def test_every_set_says_how_it_was_written_and_whether_it_is_blind(name):
    from scripts.evaluate_answers import status

    text = (ANSWERS / name).read_text(encoding="utf-8")
    assert name == "dev.yml" or text.splitlines()[0].startswith("# How this set was written:")
    assert "not blind" in status(ANSWERS / name).lower()  # no set is blind any more: each was used for fixes


# The Chinese sets, read by the Chinese reader: (answers, at least understood, at most wrong, at most opposite).
# blind_zh.yml was scored once blind (399 understood, 17 wrong, 7 opposite) and blind3_zh.yml too (470
# understood, 36 wrong, 18 opposite: see the README); these are the figures after the general fixes those
# runs prompted, so neither set is blind any more.
# The safety pass (issue-14t3) made a yes about a thing the question does not name a check: 5 understood
# on blind3_zh and 3 on blind_zh became checks (上周牙龈发炎，吃了几天头孢 …), none wrong.
# probes_zh.yml (tests/understanding/) is the developer's own probe set for wrong readings: 89 wrong before
# that pass, 41 after; the second safety pass (issue-14u: another question's thing to a "how long ago"
# question, the question's word only inside another thing, conditions, questions back) took it to 19 wrong,
# 19 of them the opposite (the holes left are listed in the README); its ceiling only goes down.
# Round 5 (branches issue-14v, issue-14w) took probes_zh.yml to 8 wrong, all the opposite.
# blind4_zh.yml: written for round 3's final measurement and scored once (521 understood, 19 wrong, 1
# opposite), then tuned on in round 5. blind5_zh.yml: written before round 5's changes, scored once at its end
# (812 understood, 25 wrong, 6 opposite), then the safety pass (branch issue-14x) took it as a development set.
# blind8_zh.yml: written for round 6 before any of its changes, scored once at its start (670 understood, 21
# wrong, 4 opposite; half of it by a writer of Cantonese-flavoured replies), then the round's fixes were made from it;
# its second pass (issue-14y: Cantonese words, exact ages, plans beside cycles, 11.20, 七夕/重阳/双十一) took it from
# 689 to 705 understood, adding no wrong reading.
# Round 7's yes/no pass (issue-14z: something else then a no, growth and "found early and removed" said
# otherwise, everyday names in the question's terms, …) took blind9_zh from 659 to 685 understood, blind8_zh 706
# to 722, blind5_zh 832 to 853, adding no wrong reading on any set.
# Round 7 (issue-14za: numbers, times, choices, who answers) took blind9_zh.yml from 659 to 696 understood and
# 7 to 2 wrong, blind8_zh.yml from 706 to 718 (3 to 2 wrong), adding no wrong reading on any set.
# The two passes together: blind9_zh 722 understood and 1 wrong, blind8_zh 734 and 2. The probe of round 7's
# new rules (issue-14zc) took blind8_zh to 735 (非洲 is a place, not a negation), no other figure moved.
# blind10_zh.yml was written for round 7 before any of its changes, scored once at its start (858 understood, 11
# wrong, 3 opposite; figures only) and once when the Chinese readers were final (884, 11, 3); the safety pass after
# it removed its readings of the opposite polarity.
MEASURED_ZH = {
    "blind10_zh.yml": (991, 885, 8, 0),
    "blind9_zh.yml": (774, 723, 1, 0),
    "blind8_zh.yml": (784, 735, 2, 0),
    "blind5_zh.yml": (927, 863, 10, 0),
    # 571 -> 570 (issue-14zb): "吃了几天阿莫西林，没打吊针" denies one route of one line (steroids may be pills), now checked.
    "blind4_zh.yml": (609, 570, 3, 0),
    "blind3_zh.yml": (625, 590, 3, 0),
    "blind_zh.yml": (543, 523, 0, 0),
    "dev_zh.yml": (159, 147, 0, 0),
    "probes_zh.yml": (255, 111, 8, 8),
}
_PROBES = Path(__file__).resolve().parent


def _zh_path(name):
    return _PROBES / name if name == "probes_zh.yml" else ANSWERS / name


@pytest.mark.parametrize("name", sorted(MEASURED_ZH))
def test_chinese_answer_set_figures_do_not_get_worse(name):
    assert language_of(_zh_path(name)) == "zh"
    assert_no_worse(_zh_path(name), "zh", MEASURED_ZH[name])


def test_an_opposite_is_a_yes_for_a_no_or_never_for_a_time():
    from decimal import Decimal

    from scripts.evaluate_answers import is_opposite

    chinese = questions_in("zh")
    assert is_opposite(chinese["heart_disease"], "yes", "no")
    assert not is_opposite(chinese["heart_disease"], "not_sure", "no")
    assert is_opposite(chinese["days_since_chemotherapy"], "never", {"days_min": 18, "days_max": 24})
    assert is_opposite(chinese["days_since_chemotherapy"], Decimal(21), "never")
    assert is_opposite(chinese["other_cancer"], "within_2_years", "none")
    assert not is_opposite(chinese["other_cancer"], "within_2_years", "over_5_years")
    assert is_opposite(chinese["contraception"], "no", "yes")
    assert not is_opposite(chinese["contraception"], "not_applicable", "no")


@pytest.mark.parametrize("name", ["blind_zh.yml", "blind3_zh.yml", "blind4_zh.yml", "blind5_zh.yml"])
def test_the_chinese_blind_set_says_how_it_was_written(name):
    first_line = (ANSWERS / name).read_text(encoding="utf-8").splitlines()[0]
    assert first_line.startswith("# How this set was written:")


def test_a_time_range_is_scored_inclusively(questions):
    from decimal import Decimal

    from scripts.evaluate_answers import matches

    since = questions["days_since_chemotherapy"]
    assert matches(since, Decimal(21), {"days_min": 18, "days_max": 24})
    assert not matches(since, Decimal(25), {"days_min": 18, "days_max": 24})
    assert matches(since, Decimal(400), {"days_min": 181, "days_max": None})
    assert matches(questions["heart_disease"], "no", False)  # a bare YAML no
    assert not matches(questions["age"], Decimal(70), 69)
