"""Write the question sheets a blind-set writer works from.

A blind set must be written by someone who never sees the readers' rules or the
words the readers know. These sheets give what a patient sees in the chat (each
question in both voices, its help text and its buttons) and leave out every
synonym, example and rule in `seeds/questions.yml`.

Usage: python scripts/write_question_sheets.py OUT_FOLDER
Writes OUT_FOLDER/questions_en.md and OUT_FOLDER/questions_zh.md.
"""
import argparse
import pathlib

import yaml

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds" / "questions.yml"

HEADINGS = {
    "en": (
        "# The assistant's questions (English)",
        "Each question: its id, its answer type, its text as asked of the patient (self) and of a "
        "caregiver, its help text, and for choices the choice ids and labels shown as buttons.",
    ),
    "zh": (
        "# The assistant's questions (Chinese / 中文)",
        "Each question: its id, its answer type, its Chinese text as asked of the patient (self) and "
        "of a caregiver, its help text, and for choices the choice ids and labels shown as buttons.",
    ),
}
ANSWERS_BY_TYPE = {
    "yes_no": "yes / no / not_sure",
    "time_since": "how long ago (a number of days), or never, or not_sure",
}


def _in_language(question: dict, language: str) -> dict:
    """The question's words in one language: English at the top level, others under their code."""
    if language == "en":
        return question
    return question[language]


def _choice_labels(question: dict, language: str) -> list:
    if language == "en":
        return [(choice["id"], choice["label"]) for choice in question["choices"]]
    translated = question[language].get("choices", {})
    return [(choice["id"], translated[choice["id"]]["label"]) for choice in question["choices"]]


def question_sheet(bank: dict, language: str) -> str:
    """One language's sheet as Markdown."""
    title, intro = HEADINGS[language]
    lines = [title, intro, ""]
    for question in bank["questions"]:
        words = _in_language(question, language)
        lines.append(f"## {question['id']}  (type: {question['type']})")
        lines.append(f"- self: {words['text']['self']}")
        lines.append(f"- caregiver: {words['text']['caregiver']}")
        lines.append(f"- help: {' '.join(str(words['help']).split())}")
        if question["type"] == "number":
            unit = words.get("unit", question["unit"])
            lines.append(f"- a number in {unit}, from {question['minimum']} to {question['maximum']}")
        elif question["type"] == "choice":
            for choice_id, label in _choice_labels(question, language):
                lines.append(f"  - choice `{choice_id}`: {label}")
            if question.get("not_sure", True):
                lines.append("  - choice `not_sure`: (not sure)")
        else:
            lines.append(f"- answers: {ANSWERS_BY_TYPE[question['type']]}")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_folder", type=pathlib.Path)
    arguments = parser.parse_args()
    bank = yaml.safe_load(SEEDS.read_text(encoding="utf-8"))
    arguments.out_folder.mkdir(parents=True, exist_ok=True)
    for language in ("en", "zh"):
        sheet = question_sheet(bank, language)
        (arguments.out_folder / f"questions_{language}.md").write_text(sheet, encoding="utf-8")


if __name__ == "__main__":
    main()
