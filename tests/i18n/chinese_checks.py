"""What a Chinese message must be: Chinese, with no English left in it, every placeholder
filled, and no claim that someone qualifies. Used by the action tests and the
conversations over REST (tests/e2e/test_chinese_conversations.py)."""

from __future__ import annotations

import re
from typing import List

from bot.screening.catalog import Catalog

# What may stay in Latin letters in a Chinese message: the abbreviations Chinese
# doctors and reports write (domain-notes.md), drug codes, registry numbers, the
# language button's own name, the listing's contact person, and (added per catalog) ids.
ALLOWED_LATIN = (r"NCT\d{8}|HLX43|TQB2102|TQB2102-III-01|ECOG|HER2|PD-L1|PD-1|IHC|ISH|FISH|RECIST|CTCAE|T-DM1|T-DXd"
                 r"|CYP2D6|CYP3A|QTc|CT|MRI|ADC|ER|PR|HR|HBV|HCV|HIV|TB|ILD|COPD|CDK4|CNS|IV|DVT|NYHA|NMPA|ECG|English"
                 # the central contact, named in the listing in Latin letters
                 r"|Qingyuan Zhang")
CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_DATE = re.compile(r"\d{4}年\d{1,2}月\d{1,2}日")
# The claims the assistant must never make, in Chinese: "you qualify", "you are eligible".
ELIGIBILITY_CLAIMS = ("符合条件", "有资格", "符合入组", "可以入组")


def latin_left(text: str, catalog: Catalog) -> List[str]:
    """The words in Latin letters in ``text`` that are not allowed in a Chinese message."""
    ids = {*catalog.questions, *(c.id for t in catalog.trials.values() for c in t.criteria)}
    allowed = re.compile(r"(?<![A-Za-z0-9_-])(" + "|".join(sorted(map(re.escape, ids), key=len, reverse=True))
                         + "|" + ALLOWED_LATIN + r")(?![A-Za-z0-9_])")
    return re.findall(r"[A-Za-z]+", allowed.sub(" ", text))


def assert_plain_chinese(texts: List[str], catalog: Catalog) -> None:
    for text in texts:
        if text.strip().isdigit() or text.strip() == "English":
            continue  # a count button ("2"), and the English button, named in its own language
        assert CJK.search(text), f"no Chinese in {text!r}"
        assert latin_left(text, catalog) == [], text
        assert "{" not in text and "}" not in text, f"placeholder left in {text!r}"
        assert not any(claim in text for claim in ELIGIBILITY_CLAIMS), text
