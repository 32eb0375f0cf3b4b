"""The seed texts: faithful to the listings, complete, and easy to read.

These tests read the YAML and listing files themselves (not through
``bot.screening.catalog``), so a loader bug cannot hide a problem in the seed files.

(a) every criterion's ``source`` is word for word in its listing;
(b) every numbered or bulleted item of each listing is the source of exactly
    one criterion of the right kind;
(c) every text a patient reads (question texts in both voices, choice labels,
    help texts, criterion explanations) has a Flesch-Kincaid grade of 8 or below;
and the listings in ``seeds/`` are the untouched copies of the shared originals.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, Iterator, List, Tuple

import pytest
import yaml

from tests.conftest import MAX_GRADE, PROJECT_ROOT, SEEDS_DIR, as_sentences

NPC_LISTING = SEEDS_DIR / "NCT06839066.txt"
BREAST_LISTING = SEEDS_DIR / "NCT06561607.txt"
BREAST_HEADER_BULLET = "Tumor-related symptoms and treatments:"
# Criteria taken from the breast listing's summary paragraph, not from a bullet.
BREAST_SUMMARY_CRITERIA = {"BC-S01", "BC-S02"}


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def trial_files() -> List[Path]:
    return sorted(SEEDS_DIR.glob("NCT*.yml"))


def criteria_of(trial_file: Path) -> List[dict]:
    return read_yaml(trial_file)["criteria"]


def listing_of(trial_file: Path) -> str:
    return (trial_file.parent / read_yaml(trial_file)["listing"]).read_text(encoding="utf-8")


def section(text: str, start: str, end: str) -> str:
    """The lines strictly between the line ``start`` and the next line ``end``."""
    lines = text.splitlines()
    first = lines.index(start)
    last = lines.index(end, first + 1)
    return "\n".join(lines[first + 1 : last])


# --------------------------------------------------- (a) sources are verbatim


@pytest.mark.parametrize("trial_file", trial_files(), ids=lambda path: path.stem)
def test_every_source_is_verbatim_in_the_listing(trial_file: Path) -> None:
    listing = listing_of(trial_file)
    missing = [c["id"] for c in criteria_of(trial_file) if str(c["source"]).strip() not in listing]
    assert not missing, f"source text not found word for word in {trial_file.stem}'s listing: {missing}"


# ------------------------------------------- (b) every listing item is a criterion


def npc_items() -> List[Tuple[str, str]]:
    """(kind, text) of the numbered items under Inclusion/Exclusion Criteria."""
    text = NPC_LISTING.read_text(encoding="utf-8")
    items: List[Tuple[str, str]] = []
    for kind, start, end, count in (
        ("inclusion", "Inclusion Criteria:", "Exclusion Criteria:", 11),
        ("exclusion", "Exclusion Criteria:", "Study details", 20),
    ):
        numbered = re.findall(r"^  (\d+)\. (.+)$", section(text, start, end), flags=re.MULTILINE)
        assert [int(number) for number, _ in numbered] == list(range(1, count + 1)), f"NPC {kind} numbering"
        items += [(kind, item.rstrip()) for _, item in numbered]
    return items


def breast_items() -> List[Tuple[str, str]]:
    """(kind, text) of the bullets and the numbered tumour-related items."""
    text = BREAST_LISTING.read_text(encoding="utf-8")
    items: List[Tuple[str, str]] = []

    inclusion = re.findall(r"^  • (.+)$", section(text, "Inclusion criteria", "Exclusion criteria"), flags=re.MULTILINE)
    assert len(inclusion) == 7, "breast inclusion bullets"
    items += [("inclusion", item.rstrip()) for item in inclusion]

    exclusion = section(text, "Exclusion criteria", "Trial design")
    bullets = [b.rstrip() for b in re.findall(r"^  • (.+)$", exclusion, flags=re.MULTILINE)]
    assert BREAST_HEADER_BULLET in bullets, "the tumour-related header bullet"
    bullets.remove(BREAST_HEADER_BULLET)
    assert len(bullets) == 22, "breast exclusion bullets, without the header"
    numbered = re.findall(r"^    (\d+)\. (.+)$", exclusion, flags=re.MULTILINE)
    assert [int(number) for number, _ in numbered] == [1, 2, 3, 4, 5], "tumour-related numbered items"
    items += [("exclusion", item) for item in bullets]
    items += [("exclusion", item.rstrip()) for _, item in numbered]
    return items


LISTINGS = [
    pytest.param("NCT06839066.yml", npc_items, 31, id="NPC"),
    pytest.param("NCT06561607.yml", breast_items, 34, id="breast"),
]


@pytest.mark.parametrize("trial_name, parse, expected_items", LISTINGS)
def test_every_listing_item_is_exactly_one_criterion(trial_name: str, parse, expected_items: int) -> None:
    criteria = criteria_of(SEEDS_DIR / trial_name)
    items = parse()
    assert len(items) == expected_items

    problems = []
    for kind, text in items:
        matches = [c for c in criteria if str(c["source"]).strip() == text]
        if len(matches) != 1:
            problems.append(f"{len(matches)} criteria have the source {text!r} (ids {[c['id'] for c in matches]})")
        elif matches[0]["kind"] != kind:
            problems.append(f"{matches[0]['id']} is {matches[0]['kind']} but its listing item is {kind}")
    assert not problems, "\n".join(problems)


def test_npc_criteria_are_exactly_the_listing_items() -> None:
    sources = sorted(str(c["source"]).strip() for c in criteria_of(SEEDS_DIR / "NCT06839066.yml"))
    assert sources == sorted(text for _, text in npc_items())


def test_breast_criteria_beyond_the_bullets_come_from_the_summary() -> None:
    criteria = criteria_of(SEEDS_DIR / "NCT06561607.yml")
    item_texts = {text for _, text in breast_items()}
    extra = {c["id"]: str(c["source"]).strip() for c in criteria if str(c["source"]).strip() not in item_texts}
    assert set(extra) == BREAST_SUMMARY_CRITERIA
    about = section(BREAST_LISTING.read_text(encoding="utf-8"), "About", "Enrollment")
    for criterion_id, source in extra.items():
        assert source in about, f"{criterion_id}'s source is not in the listing's summary"
    assert BREAST_HEADER_BULLET not in {str(c["source"]).strip() for c in criteria}


# ------------------------------------------------------- the listings are untouched


def _shared_seeds_dir() -> Path:
    for candidate in (PROJECT_ROOT.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if candidate.is_dir():
            return candidate
    pytest.skip("the shared seeds folder is not here")


@pytest.mark.parametrize(
    "listing, original",
    [
        pytest.param(NPC_LISTING, "000_e568c4a35867ff0c.txt", id="NPC"),
        pytest.param(BREAST_LISTING, "002_c993aa3bfbe56fbd.txt", id="breast"),
    ],
)
def test_listing_is_byte_identical_to_the_shared_original(listing: Path, original: str) -> None:
    shared = _shared_seeds_dir() / original
    assert shared.is_file(), f"{shared} is missing"
    assert listing.read_bytes() == shared.read_bytes(), f"{listing.name} differs from {shared}"


# ------------------------------------------------------------- (c) reading level


def patient_texts() -> Iterator[Tuple[str, str]]:
    """(where, text) of every text a patient or caregiver reads."""
    for question in read_yaml(SEEDS_DIR / "questions.yml")["questions"]:
        qid = question["id"]
        for voice in ("self", "caregiver"):
            yield f"questions.yml {qid} text ({voice})", as_sentences(question["text"][voice])
        yield f"questions.yml {qid} help", question["help"]
        for choice in question.get("choices") or []:
            yield f"questions.yml {qid} choice {choice['id']} label", str(choice["label"])
    for trial_file in trial_files():
        for criterion in criteria_of(trial_file):
            yield f"{trial_file.name} {criterion['id']} explanation", criterion["explanation"]


def _too_hard(fk_grade) -> Dict[str, Tuple[float, str]]:
    return {
        where: (grade, text)
        for where, text in patient_texts()
        for grade in [fk_grade(text)]
        if grade > MAX_GRADE
    }


def test_reading_level(fk_grade) -> None:
    too_hard = _too_hard(fk_grade)
    report = "\n".join(f"{grade:5.2f}  {where}: {text!r}" for where, (grade, text) in sorted(too_hard.items()))
    assert not too_hard, f"Flesch-Kincaid grade above {MAX_GRADE:g}:\n{report}"


def test_every_kind_of_text_is_checked() -> None:
    kinds = {re.sub(r"^\S+ \S+ ", "", where).split(" ")[0] for where, _ in patient_texts()}
    assert {"text", "help", "choice", "explanation"} <= kinds
    bulleted = dict(patient_texts())["questions.yml npc_health_screen text (self)"]
    assert bulleted.count(".") >= 10, "each bullet line is read as its own sentence"
