"""Plain-language messages built from the catalog and a screening result.

Nothing here knows about Rasa: each function returns text (and, for questions,
buttons and a machine-readable payload) that any chat channel can show. Every
sentence aims at a grade-8 reading level, never says a person is eligible, and
gives no medical advice.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import List, Mapping, Optional, Tuple

from bot.screening.answers import NEVER, NO, NOT_SURE, AnswerType, AnswerValue, Question
from bot.screening.catalog import Catalog, Trial
from bot.screening.checklist import ticked_payload
from bot.screening.progress import Progress
from bot.screening.evaluation import CriterionResult, ScreeningResult, Status, Verdict

SELF, CAREGIVER = "self", "caregiver"

# "How long ago" buttons. Each sends the *shortest* time in its range, so every
# waiting time of 7, 14 or 28 days is judged correctly and a wait-until date is
# never too early.
TIME_SINCE_BUTTONS: Tuple[Tuple[str, str], ...] = (
    ("Less than 1 week ago", "0"),
    ("1 to 2 weeks ago", "7"),
    ("2 to 4 weeks ago", "14"),
    ("More than 4 weeks ago", "28"),
    ("Never", NEVER),
)
COUNT_BUTTONS: Tuple[Tuple[str, str], ...] = (("0", "0"), ("1", "1"), ("2", "2"), ("3 or more", "3"))


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class ChatMessage:
    text: str
    buttons: Tuple[Button, ...] = ()
    custom: Optional[dict] = None


def answer_payload(value: str) -> str:
    """The button payload that answers the current question with ``value``."""
    return '/inform{"answer": "%s"}' % value


def _subject(voice: str) -> str:
    return "you" if voice == SELF else "the person you care for"


def format_date(date: dt.date) -> str:
    return f"{date.day} {date.strftime('%B %Y')}"


def question_buttons(question: Question) -> List[Button]:
    if question.type is AnswerType.YES_NO:
        options = [("Yes", "yes"), ("No", "no")]
    elif question.type is AnswerType.CHOICE:
        options = [(choice.label, choice.id) for choice in question.choices]
    elif question.type is AnswerType.TIME_SINCE:
        options = list(TIME_SINCE_BUTTONS)
    elif question.maximum is not None and question.maximum <= 30 and question.minimum == 0:
        options = list(COUNT_BUTTONS)  # small counts: "how many treatment plans"
    else:
        options = []  # free numbers such as age: the widget shows a number field
    if question.allows_not_sure:
        options.append(("Not sure", NOT_SURE))
    return [Button(title, answer_payload(value)) for title, value in options]


def question_message(question: Question, voice: str, number: int, progress: Optional[Progress] = None) -> ChatMessage:
    """The message that asks ``question``; ``number`` counts questions asked so far.

    ``progress`` (from :mod:`bot.screening.progress`) lets a widget show "Question 6 of about 15".
    A question with a checklist carries its items, so a widget can show boxes to tick;
    its buttons still answer yes or no for every other client."""
    custom = {
        "question_id": question.id,
        "answer_type": question.type.value,
        "voice": voice,
        "number": progress.number if progress else number,
        "choices": [{"value": b.payload, "label": b.title} for b in question_buttons(question)],
    }
    if progress is not None:
        custom["progress"] = {"number": progress.number, "total": progress.total, "label": progress_label(progress)}
    if question.type is AnswerType.NUMBER:
        custom.update(unit=question.unit, minimum=float(question.minimum), maximum=float(question.maximum))
    if question.checklist:
        custom["checklist"] = {
            "prompt": _first_line(question.text_for(voice)),
            "items": [{"id": item.id, "label": item.label} for item in question.checklist],
            "payload": answer_payload(ticked_payload(["{items}"])),  # the widget puts the ticked ids in {items}
            "none": {"label": "None of these", "payload": answer_payload(NO)},
        }
    return ChatMessage(text=question.text_for(voice), buttons=tuple(question_buttons(question)), custom=custom)


def progress_label(progress: Progress) -> str:
    return f"Question {progress.number} of about {progress.total}"


# Measured by scripts/screening_time.py over the hand-written patient profiles
# (reading at 150 words a minute and about 10 seconds to answer): see the README.
SECONDS_PER_QUESTION = 36


def minutes_for(questions: int) -> int:
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))


def progress_message(progress: Optional[Progress]) -> ChatMessage:
    """The answer to "how many questions are left?"."""
    if progress is None:
        return ChatMessage(
            text="We have not started the study questions yet. Most people answer about 15 of them, "
            f"in about {minutes_for(15)} minutes."
        )
    if progress.left == 0:
        return ChatMessage(text="There are no questions left. You can see your summary now.",
                           buttons=(Button("See the summary", "/show_summary"),))
    more = "question" if progress.left == 1 else "questions"
    return ChatMessage(
        text=(
            f"You are on question {progress.number}. About {progress.left} {more} are left, counting this one. "
            f"That takes about {minutes_for(progress.left)} more minutes. The number can change a little with your answers."
        )
    )


def understood_message(echo: str) -> str:
    """Said before the next question when free text (not a plain yes or no) was read."""
    return f"Got it: {echo}."


def _confirm_buttons() -> Tuple[Button, ...]:
    return (Button("Yes", answer_payload("yes")), Button("No", answer_payload("no")))


def check_message(question: Question, value: AnswerValue, echo: Optional[str]) -> ChatMessage:
    """A short check when the reader is not sure it understood ("Just to be sure: is that a no?")."""
    if value == NOT_SURE:
        what = "is that a \"not sure\"?"
    elif question.type is AnswerType.YES_NO:
        what = f"is that a {value}?"
    else:
        what = f"did you mean: {echo or value}?"
    return ChatMessage(
        text=f"Just to be sure: {what}",
        buttons=_confirm_buttons(),
        custom={"check": {"question_id": question.id, "value": str(value)}},
    )


def read_back_message(question: Question, value: AnswerValue, echo: Optional[str], voice: str) -> ChatMessage:
    """Before a typed answer rules the study out, it is read back: a wrong reading must not end the screening."""
    said = echo or ("yes" if value == "yes" else "no" if value == "no" else str(value))
    text = (
        f"I read your answer as: {said}. The question was: {_first_line(question.text_for(voice))}\n"
        "This answer may rule the study out, so I want to be sure I read it right. Is that right?"
    )
    return ChatMessage(
        text=text,
        buttons=_confirm_buttons(),
        custom={"read_back": {"question_id": question.id, "value": str(value)}},
    )


CHECK_NOT_CLEAR = "Sorry, I did not catch that. Please answer yes or no."
CHECK_REFUSED = "Thank you for checking. Let's try that question again."


def waiting_time_notice(result: CriterionResult, voice: str) -> str:
    """Said when an answer means a waiting time is not over yet; the questions go on."""
    whom = "" if voice == SELF else " for them"
    when = f", which ends around {format_date(result.wait_until)}" if result.wait_until else ""
    return (
        f"Thank you. That means a waiting time{when}.\n{result.criterion.explanation}\n"
        f"I will ask the other questions too. Then you will know if anything else is in the way{whom}."
    )


def voice_message() -> ChatMessage:
    return ChatMessage(
        text="Are you answering for yourself or for someone you care for?",
        buttons=(Button("For myself", "/self_voice"), Button("For someone I care for", "/caregiver_voice")),
    )


# The two trials, in the order they are offered, with their button.
TRIAL_BUTTONS: Tuple[Tuple[str, Button], ...] = (
    ("NCT06839066", Button("Nasopharyngeal cancer", "/choose_npc")),
    ("NCT06561607", Button("Breast cancer", "/choose_breast")),
)


def trial_choice_message(catalog: Catalog, voice: str) -> ChatMessage:
    who = "do you have" if voice == SELF else "does the person you care for have"
    lines = [f"Which condition {who}? I can check these two studies:"]
    lines += [f"- {button.title}: {catalog.trial(trial_id).one_line}" for trial_id, button in TRIAL_BUTTONS]
    buttons = tuple(button for _, button in TRIAL_BUTTONS) + (Button("Neither of these", "/choose_neither"),)
    return ChatMessage(text="\n".join(lines), buttons=buttons)


def _wait_text(result: CriterionResult) -> str:
    if not result.not_yet:
        return ""
    # Some explanations already say "not yet"; it is said once, not twice.
    said = "not yet" in result.criterion.explanation.lower()
    if result.wait_until:
        opening = "" if said else " This is a waiting time, so it may mean \"not yet\" rather than \"never\"."
        return f"{opening} The wait may end around {format_date(result.wait_until)}."
    return "" if said else " This may change with time, so it may mean \"not yet\" rather than \"never\"."


CONTACT_BUTTON = Button("Ask the study team to contact me", "/request_contact")


def exclusion_message(result: ScreeningResult, voice: str) -> ChatMessage:
    """Said at once when an answer means a requirement is not met (for good, if any is)."""
    reason = next((r for r in result.reasons if not r.not_yet), result.reasons[0])
    if voice == SELF:
        opening = "Thank you. That answer means you may not meet one of this study's requirements."
    else:
        opening = "Thank you. That answer means the person you care for may not meet one of this study's requirements."
    text = (
        f"{opening}\n{reason.criterion.explanation}{_wait_text(reason)}\n"
        "Only the study team makes the final decision. What would you like to do?"
    )
    buttons = (
        Button("Change my answer", "/go_back"),
        Button("See the summary", "/show_summary"),
        CONTACT_BUTTON,
    )
    return ChatMessage(text=text, buttons=buttons, custom={"verdict": result.verdict.value, "reasons": [reason.criterion.id]})


_VERDICT_TEXT = {
    (Verdict.LIKELY_ELIGIBLE, SELF): "Based on your answers, you may be a good match. The study team will confirm this.",
    (Verdict.LIKELY_ELIGIBLE, CAREGIVER): (
        "Based on your answers, the person you care for may be a good match. The study team will confirm this."
    ),
    (Verdict.NEEDS_REVIEW, SELF): (
        "Nothing you told me rules you out. Some answers were \"not sure\", so the study team will check them."
    ),
    (Verdict.NEEDS_REVIEW, CAREGIVER): (
        "Nothing you told me rules the person you care for out. "
        "Some answers were \"not sure\", so the study team will check them."
    ),
    (Verdict.LIKELY_INELIGIBLE, SELF): "Based on your answers, this study may not be a match for you right now.",
    (Verdict.LIKELY_INELIGIBLE, CAREGIVER): "Based on your answers, this study may not be a match for them right now.",
    (Verdict.INCOMPLETE, SELF): "We have not finished the questions yet.",
    (Verdict.INCOMPLETE, CAREGIVER): "We have not finished the questions yet.",
}


def verdict_sentence(result: ScreeningResult, voice: str) -> str:
    return _VERDICT_TEXT[(result.verdict, voice)]


def summary_message(
    result: ScreeningResult, voice: str, answers: Mapping[str, AnswerValue], questions: Mapping[str, Question]
) -> ChatMessage:
    """The summary: the verdict first, then the reasons, the "not sure" answers, the
    study team's own checks and the next step. ``custom["card"]`` holds the same
    parts for a widget that shows them as a result card."""
    trial = result.trial
    waits = [r for r in result.reasons if r.not_yet]
    lasting = [r for r in result.reasons if not r.not_yet]
    if waits and not lasting and result.next_question is None:
        verdict = _only_waiting_sentence(waits)
        reasons_title = "What is in the way for now"
    else:
        verdict = verdict_sentence(result, voice)
        reasons_title = "What may rule this out"
    sections = []
    if result.reasons:
        items = [f"{r.criterion.explanation}{_wait_text(r)}" for r in result.reasons]
        sections.append({"title": reasons_title, "items": items})
    unsure = [qid for qid, value in answers.items() if value == NOT_SURE and qid in trial.question_order]
    if unsure and result.with_status(Status.UNKNOWN):
        items = [_first_line(questions[qid].text_for(voice)) for qid in unsure]
        sections.append({"title": "Answers the study team will check, because you were not sure", "items": items})
    checks = result.with_status(Status.STUDY_TEAM)
    if checks:
        sections.append({
            "title": "The study team will also check these, with tests, scans or the doctor's view",
            "items": [r.criterion.explanation for r in checks],
        })
    not_a_decision = "This is not medical advice, and it is not a decision. Only the study team can decide who can take part."
    next_step = (
        "I can pass your details to the study team, so that they can contact you. "
        f"You can also reach them yourself. {trial.contact}"
    )
    parts = [verdict, f"This is your summary for {trial.short_name}."]
    for section in sections:
        parts.append(section["title"] + ":")
        parts += [f"- {item}" for item in section["items"]]
    parts += [not_a_decision, f"Next step: {next_step}"]
    custom = {
        "trial": trial.registry_id,
        "verdict": result.verdict.value,
        "reasons": [r.criterion.id for r in result.reasons],
        "not_yet": [r.criterion.id for r in waits],
        "unknown": [r.criterion.id for r in result.with_status(Status.UNKNOWN)],
        "study_team_checks": [r.criterion.id for r in checks],
        "card": {
            "verdict": verdict,
            "title": f"Your summary: {trial.short_name}",
            "sections": sections,
            "not_a_decision": not_a_decision,
            "next_step": next_step,
        },
    }
    return ChatMessage(text="\n".join(parts), buttons=(CONTACT_BUTTON,), custom=custom)


def _only_waiting_sentence(waits: List[CriterionResult]) -> str:
    ends = [r.wait_until for r in waits]
    if all(ends):
        last = max(ends)
        return (
            "Based on your answers, the only thing in the way is a waiting time, "
            f"which ends around {format_date(last)}."
        )
    return (
        "Based on your answers, the only thing in the way is a waiting time. "
        "The study team can tell you when it ends."
    )


def _first_line(text: str) -> str:
    return text.splitlines()[0]


def contact_message(trial: Trial) -> ChatMessage:
    return ChatMessage(
        text=(
            f"{trial.short_name[0].upper()}{trial.short_name[1:]} is run by {trial.sponsor}.\n{trial.contact}\n"
            "When you talk to them, you can share the summary from this chat."
        )
    )


def save_message() -> ChatMessage:
    """Asked to save and come back later."""
    return ChatMessage(
        text=(
            "Your answers are kept in this web browser on this device. Come back to this page later, "
            "and we carry on where you stopped. Nothing is sent to anyone.\n"
            "If you use a shared computer, say \"delete my data\" when you are done."
        ),
        custom={"save_for_later": True},
    )


def why_message(trial: Trial, question_id: str) -> str:
    """Why a question is asked: the explanation of the criteria that use it."""
    criteria = [c for c in trial.criteria if question_id in c.questions]
    if len(criteria) > 2:
        return (
            "Each item on this list can make the study unsafe, so the study has a rule about it. "
            "If none of them apply, answering \"no\" lets us skip the detailed questions."
        )
    explanations = list(dict.fromkeys(c.explanation for c in criteria))
    return "I ask because: " + " ".join(explanations)


def term_help(catalog: Catalog, text: str, current_question: Optional[str]) -> Optional[str]:
    """Explain the medical word named in ``text``, else help for the current question."""
    lowered = text.lower()
    best: Optional[Tuple[int, str, Question]] = None
    for question in catalog.questions.values():
        for term in question.terms:
            if re.search(rf"(?<![\w-]){re.escape(term.lower())}(?![\w-])", lowered):
                if best is None or len(term) > best[0]:
                    best = (len(term), term, question)
    if best is not None:
        return f"{best[1]}: {best[2].help}"
    if current_question is not None:
        return f"Here is some help with this question: {catalog.questions[current_question].help}"
    return None
