"""A catalog in Chinese for the action tests.

The real Chinese seed texts arrive on other branches (I18N.md); until every seed
file declares ``languages: [en, zh]``, a copy of the seeds gets zh blocks made
of Chinese stand-in text (only Chinese characters and the item's id), so that a
test can tell the assistant's own Chinese sentences from the seeds' and find any
English left in them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from bot.screening.catalog import Catalog, load_catalog

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _stand_in_text(question_id: str, text: str) -> str:
    lines, item = [], 0
    for line in text.splitlines():
        if line.startswith("- "):
            item += 1
            lines.append(f"- 清单第{item}项")
        else:
            lines.append(f"问题（{question_id}）的中文说法")
    return "\n".join(lines)


def _add_stand_in_blocks(seeds: Path) -> None:
    bank = yaml.safe_load((seeds / "questions.yml").read_text(encoding="utf-8"))
    bank["languages"] = ["en", "zh"]
    for question in bank["questions"]:
        if "zh" in question:
            continue
        qid = question["id"]
        block = {"text": {voice: _stand_in_text(qid, words) for voice, words in question["text"].items()},
                 "help": f"问题（{qid}）的说明"}
        if question.get("terms"):
            block["terms"] = [f"术语{n}号" for n, _ in enumerate(question["terms"], 1)]
        if "unit" in question:
            block["unit"] = "单位"
        if question.get("checklist"):
            block["checklist"] = [f"清单第{n}项" for n, _ in enumerate(question["checklist"], 1)]
        if question.get("choices"):
            block["choices"] = {c["id"]: {"label": f"选项{n}号", "synonyms": [f"第{n}个选项"]}
                                for n, c in enumerate(question["choices"], 1)}
        question["zh"] = block
    (seeds / "questions.yml").write_text(yaml.safe_dump(bank, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for path in seeds.glob("NCT*.yml"):
        trial = yaml.safe_load(path.read_text(encoding="utf-8"))
        trial["languages"] = ["en", "zh"]
        if "zh" not in trial:
            trial["zh"] = {key: f"研究的{words}" for key, words in (
                ("short_name", "简称"), ("one_line", "一句话介绍"), ("summary", "简介"), ("sponsor", "申办方"),
                ("phase", "分期"), ("status", "招募状态"), ("condition", "疾病"), ("contact", "联系方式"))}
            trial["zh"]["arms"] = [{"name": "研究组", "description": "研究组的中文说明"} for _ in trial["arms"]]
        for criterion in trial["criteria"]:
            if "zh" not in criterion:
                criterion["zh"] = {"explanation": f"标准（{criterion['id']}）的中文解释。"}
                if "study_team_reason" in criterion:
                    criterion["zh"]["study_team_reason"] = "由研究团队核实。"
        path.write_text(yaml.safe_dump(trial, allow_unicode=True, sort_keys=False), encoding="utf-8")


def chinese_catalog(workdir: Path) -> Catalog:
    """The seeds' catalog holding Chinese: the real translations when the seeds have them all."""
    real = load_catalog(SEEDS)
    if "zh" in real.languages:
        return real
    seeds = workdir / "seeds"
    shutil.copytree(SEEDS, seeds)
    _add_stand_in_blocks(seeds)
    return load_catalog(seeds)
