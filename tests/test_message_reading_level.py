"""Reading level of every user-facing sentence outside seeds/: the domain's
responses, the actions' fixed messages, messages built from results, and the
web page and widget."""

from __future__ import annotations

import html
import re
from typing import Iterator, Tuple

import pytest
import yaml

from actions import contact, control, form, guidance, help as help_action, results, safety
from bot.screening import replies
from bot.screening.answers import NOT_SURE
from bot.screening.catalog import Catalog
from bot.screening.messages import (
    CHECK_NOT_CLEAR, CHECK_REFUSED, check_message, read_back_message, understood_message, waiting_time_notice,
    contact_message, exclusion_message, progress_message, save_message, summary_message, trial_choice_message,
    voice_message, why_message,
)
from bot.handoff.messages import (
    CONTACT_PROMPTS, consent_message, contact_read_back, contact_saved_message, which_detail_message,
)
from bot.handoff.keep import resume_email, summary_email
from bot.screening.progress import Progress
from widget import keep_routes
from tests.conftest import MAX_GRADE, PROJECT_ROOT, ScreenFn, as_sentences
from widget import channel
from widget import strings as widget_strings
from widget.page import home_page

NPC, BREAST = "NCT06839066", "NCT06561607"
# Names the reader already knows (their diagnosis, the drugs, the sponsors) are
# read as one short word: the grade formula would count their syllables as hard words.
NAMES = re.compile(
    r"nasopharyngeal|HLX43|TQB2102|Shanghai Henlius Biotech|CTTQ \(Chia Tai Tianqing\)|Qingyuan Zhang|NCT\d{8}",
    re.IGNORECASE,
)


def domain_responses() -> Iterator[Tuple[str, str]]:
    """The fixed replies (they were the domain's responses: bot/screening/replies.py), greeting included."""
    domain = yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text())
    assert not domain.get("responses"), "fixed replies live in bot/screening/replies.py, in every language"
    for name, value in vars(replies).items():
        if name.isupper() and isinstance(value, str) and " " in value:
            yield f"replies.{name}", value
    yield "greeting", replies.greeting_message().text


def action_constants() -> Iterator[Tuple[str, str]]:
    for module in (contact, control, form, guidance, help_action, results, safety):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and " " in value:
                yield f"{module.__name__}.{name}", value


def built_messages(catalog: Catalog, screen_answers: ScreenFn) -> Iterator[Tuple[str, str]]:
    yield "voice question", voice_message().text
    excluded = screen_answers(NPC, {"npc_recurrent_metastatic": "yes", "age": 16})
    waiting = screen_answers(BREAST, {"breast_advanced_unresectable": "yes", "hr_status": "positive", "her2_result": "ihc_1",
                                      "metastatic_chemo": "no", "anti_her2_therapy": "no", "age": 60,
                                      "daily_activity": "fully_active", "progression_on_scan": "yes",
                                      "measurable_lesion": NOT_SURE, "last_treatment_days": 3,
                                      "days_since_chemotherapy": "never", "days_since_radiotherapy": "never",
                                      "days_since_immunotherapy": "never", "days_since_hormone_therapy": 3})
    for voice in ("self", "caregiver"):
        yield f"trial choice ({voice})", trial_choice_message(catalog, voice).text
        for name, result in (("exclusion", excluded), ("waiting time", waiting)):
            yield f"{name} message ({voice})", exclusion_message(result, voice).text
            yield f"{name} summary ({voice})", summary_message(result, voice, {}, catalog.questions).text
    for trial in catalog.trials.values():
        yield f"contact {trial.registry_id}", contact_message(trial).text
        for voice in ("self", "caregiver"):
            yield f"consent {trial.registry_id} ({voice})", consent_message(trial, voice).text
    for field, prompt in CONTACT_PROMPTS.items():
        yield f"contact prompt {field}", prompt.text
    yield "read-back", contact_read_back({"first_name": "Ana", "email": "ana@example.com"}, True).text
    yield "which detail", which_detail_message().text
    age, heart = catalog.questions["age"], catalog.questions["heart_disease"]
    yield "check yes/no", check_message(heart, "no", None).text
    yield "check number", check_message(age, 67, "67 years").text
    yield "understood", understood_message("about 3 weeks ago, around 10 November 2026")
    yield "check not clear", CHECK_NOT_CLEAR
    yield "check refused", CHECK_REFUSED
    for voice in ("self", "caregiver"):
        yield f"read back ({voice})", read_back_message(age, 17, "17 years", voice).text
        yield f"waiting time notice ({voice})", waiting_time_notice(waiting.reasons[0], voice)
    for delivered in (True, False):
        yield f"saved (delivered={delivered})", contact_saved_message("PS-ABCD-EFGH", delivered).text
        yield f"why, umbrella question {trial.registry_id}", why_message(trial, trial.question_order[-4])
        yield f"thank-you with when to expect contact ({delivered})", contact_saved_message(
            "PS-ABCD-EFGH", delivered, trial=catalog.trial(NPC), expected_within="within 3 working days").text
    for where in (None, Progress(number=6, total=15, left=10), Progress(number=15, total=15, left=1),
                  Progress(number=15, total=15, left=0)):
        yield f"progress {where}", progress_message(where).text
    yield "save for later", save_message().text
    yield "summary e-mail", summary_email(excluded, "self", {}, catalog.questions)[1]
    import datetime as dt
    yield "resume e-mail", resume_email("LINK", dt.datetime(2026, 12, 8, tzinfo=dt.timezone.utc))[1]


def widget_texts(catalog: Catalog) -> Iterator[Tuple[str, str]]:
    """The web page's own words, the widget's labels and notices, and the channel's errors."""
    page = home_page(catalog, [NPC, BREAST], "en")
    english = re.sub(r'<section data-psc-lang="(?!en")[a-z]+".*?</section>\s*(?=<section data-psc-lang|</aside>)', "",
                     page.split("<body>")[1], flags=re.S)
    body = re.sub(r"<[^>]+>", "\n", english)
    yield "home page", "\n".join(html.unescape(line).strip() for line in body.splitlines() if line.strip())
    # The widget fills these in; the reading level is of the sentence a person reads.
    examples = {"labels": "Lung problems; Liver problems", "unit": "years", "minimum": "18", "maximum": "120", "limit": "2000"}
    for key, sentence in widget_strings.WIDGET_TEXT.items():
        yield f"widget text {key}", sentence.format(**examples)
    for module in (channel, keep_routes):
        for name, value in vars(module).items():
            if name.isupper() and isinstance(value, str) and " " in value:
                yield f"{module.__name__}.{name}", value


def all_texts(catalog: Catalog, screen_answers: ScreenFn):
    return [*domain_responses(), *action_constants(), *built_messages(catalog, screen_answers), *widget_texts(catalog)]


def test_every_message_is_at_grade_8_or_below(catalog: Catalog, screen_answers: ScreenFn, fk_grade):
    texts = all_texts(catalog, screen_answers)
    assert len(texts) > 30
    too_hard = {}
    for where, text in texts:
        # Each line (a paragraph or a bullet) is graded as a unit, as the seed texts are.
        for line in text.splitlines():
            line = NAMES.sub("it", as_sentences(line))
            if len(line.split()) >= 4 and fk_grade(line) > MAX_GRADE:
                too_hard[f"{where}: {line}"] = round(fk_grade(line), 1)
    assert too_hard == {}


@pytest.mark.parametrize("phrase", ["you are eligible", "you qualify", "you will be accepted"])
def test_no_message_says_anyone_is_eligible(catalog: Catalog, screen_answers: ScreenFn, phrase: str):
    texts = all_texts(catalog, screen_answers)
    assert [where for where, text in texts if phrase in text.lower()] == []
