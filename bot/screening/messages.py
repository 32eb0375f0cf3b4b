"""Plain-language messages built from the catalog and a screening result.

Nothing here knows about Rasa: each function returns text (and, for questions,
buttons and a machine-readable payload) that any chat channel can show. Every
sentence aims at a grade-8 reading level, never says a person is eligible, and
gives no medical advice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, List, Mapping, Optional, Tuple

from bot.i18n import N_, current_language, domain
from bot.i18n import format_date  # noqa: F401 - the date as the conversation's language writes it (bot.handoff.keep)
from bot.screening.answers import NEVER, NO, NOT_SURE, AnswerType, AnswerValue, Question
from bot.screening.catalog import Catalog, Trial
from bot.screening.checklist import ticked_payload
from bot.screening.progress import Progress
from bot.screening.evaluation import CriterionResult, ScreeningResult, Status, Verdict

_ = domain("messages").gettext

SELF, CAREGIVER = "self", "caregiver"

# "How long ago" buttons. Each sends the *shortest* time in its range, so every
# waiting time of 7, 14 or 28 days is judged correctly and a wait-until date is
# never too early.
TIME_SINCE_BUTTONS: Tuple[Tuple[str, str], ...] = (
    (N_("Less than 1 week ago"), "0"),
    (N_("1 to 2 weeks ago"), "7"),
    (N_("2 to 4 weeks ago"), "14"),
    (N_("More than 4 weeks ago"), "28"),
    (N_("Never"), NEVER),
)
COUNT_BUTTONS: Tuple[Tuple[str, str], ...] = (("0", "0"), ("1", "1"), ("2", "2"), (N_("3 or more"), "3"))


@dataclass(frozen=True)
class Button:
    title: str
    payload: str


@dataclass(frozen=True)
class ChatMessage:
    text: str
    buttons: Tuple[Button, ...] = ()
    custom: Optional[dict] = None


def sentence_gap() -> str:
    """What goes between two whole sentences: a space in English, nothing in Chinese."""
    return "" if current_language() == "zh" else " "


def join_sentences(sentences: Iterable[str]) -> str:
    """Whole sentences one after another (never pieces of one sentence: each is translated whole)."""
    return sentence_gap().join(sentence for sentence in sentences if sentence)


def answer_payload(value: str) -> str:
    """The button payload that answers the current question with ``value``."""
    return '/inform{"answer": "%s"}' % value


def question_buttons(question: Question) -> List[Button]:
    if question.type is AnswerType.YES_NO:
        options = [(N_("Yes"), "yes"), (N_("No"), "no")]
    elif question.type is AnswerType.CHOICE:
        # Choice labels come from the catalog, already in the conversation's language.
        return [Button(choice.label, answer_payload(choice.id)) for choice in question.choices] + (
            [Button(_("Not sure"), answer_payload(NOT_SURE))] if question.allows_not_sure else [])
    elif question.type is AnswerType.TIME_SINCE:
        options = list(TIME_SINCE_BUTTONS)
    elif question.maximum is not None and question.maximum <= 30 and question.minimum == 0:
        options = list(COUNT_BUTTONS)  # small counts: "how many treatment plans"
    else:
        options = []  # free numbers such as age: the widget shows a number field
    if question.allows_not_sure:
        options.append((N_("Not sure"), NOT_SURE))
    return [Button(_(title), answer_payload(value)) for title, value in options]


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
            "none": {"label": _("None of these"), "payload": answer_payload(NO)},
        }
    return ChatMessage(text=question.text_for(voice), buttons=tuple(question_buttons(question)), custom=custom)


def progress_label(progress: Progress) -> str:
    return _("Question {number} of about {total}").format(number=progress.number, total=progress.total)


# Measured by scripts/screening_time.py over the hand-written patient profiles
# (reading at 150 words a minute and about 10 seconds to answer): see the README.
SECONDS_PER_QUESTION = 36


def minutes_for(questions: int) -> int:
    return max(1, round(questions * SECONDS_PER_QUESTION / 60))


def progress_message(progress: Optional[Progress]) -> ChatMessage:
    """The answer to "how many questions are left?"."""
    if progress is None:
        return ChatMessage(
            text=_("We have not started the study questions yet. Most people answer about {count} of them, "
                   "in about {minutes} minutes.").format(count=15, minutes=minutes_for(15))
        )
    if progress.left == 0:
        return ChatMessage(text=_("There are no questions left. You can see your summary now."),
                           buttons=(Button(_("See the summary"), "/show_summary"),))
    left = domain("messages").ngettext(
        "You are on question {number}. About {left} question is left, counting this one.",
        "You are on question {number}. About {left} questions are left, counting this one.",
        progress.left,
    ).format(number=progress.number, left=progress.left)
    more = _("That takes about {minutes} more minutes. The number can change a little with your answers.").format(
        minutes=minutes_for(progress.left))
    return ChatMessage(text=join_sentences((left, more)))


def understood_message(echo: str) -> str:
    """Said before the next question when free text (not a plain yes or no) was read."""
    return _("Got it: {echo}.").format(echo=echo)


def _confirm_buttons() -> Tuple[Button, ...]:
    return (Button(_("Yes"), answer_payload("yes")), Button(_("No"), answer_payload("no")))


def check_message(question: Question, value: AnswerValue, echo: Optional[str]) -> ChatMessage:
    """A short check when the reader is not sure it understood ("Just to be sure: is that a no?")."""
    if value == NOT_SURE:
        text = _("Just to be sure: is that a \"not sure\"?")
    elif question.type is AnswerType.YES_NO and value == "yes":
        text = _("Just to be sure: is that a yes?")
    elif question.type is AnswerType.YES_NO:
        text = _("Just to be sure: is that a no?")
    else:
        text = _("Just to be sure: did you mean: {answer}?").format(answer=echo or value)
    return ChatMessage(
        text=text,
        buttons=_confirm_buttons(),
        custom={"check": {"question_id": question.id, "value": str(value)}},
    )


def read_back_message(question: Question, value: AnswerValue, echo: Optional[str], voice: str) -> ChatMessage:
    """Before a typed answer rules the study out, it is read back: a wrong reading must not end the screening."""
    said = echo or (_("yes") if value == "yes" else _("no") if value == "no" else str(value))
    text = (
        _("I read your answer as: {answer}. The question was: {question}").format(
            answer=said, question=_first_line(question.text_for(voice)))
        + "\n" + _("This answer may rule the study out, so I want to be sure I read it right. Is that right?")
    )
    return ChatMessage(
        text=text,
        buttons=_confirm_buttons(),
        custom={"read_back": {"question_id": question.id, "value": str(value)}},
    )


CHECK_NOT_CLEAR = N_("Sorry, I did not catch that. Please answer yes or no.")
CHECK_REFUSED = N_("Thank you for checking. Let's try that question again.")


def waiting_time_notice(result: CriterionResult, voice: str) -> str:
    """Said when an answer means a waiting time is not over yet; the questions go on."""
    if result.wait_until:
        opening = _("Thank you. That means a waiting time, which ends around {date}.").format(
            date=format_date(result.wait_until))
    else:
        opening = _("Thank you. That means a waiting time.")
    if voice == SELF:
        closing = _("I will ask the other questions too. Then you will know if anything else is in the way.")
    else:
        closing = _("I will ask the other questions too. Then you will know if anything else is in the way for them.")
    return f"{opening}\n{result.criterion.explanation}\n{closing}"


def voice_message() -> ChatMessage:
    return ChatMessage(
        text=_("Are you answering for yourself or for someone you care for?"),
        buttons=(Button(_("For myself"), "/self_voice"), Button(_("For someone I care for"), "/caregiver_voice")),
    )


# The two trials, in the order they are offered, with their button (its title
# marked here and translated where it is shown).
TRIAL_BUTTONS: Tuple[Tuple[str, Button], ...] = (
    ("NCT06839066", Button(N_("Nasopharyngeal cancer"), "/choose_npc")),
    ("NCT06561607", Button(N_("Breast cancer"), "/choose_breast")),
)


def trial_choice_message(catalog: Catalog, voice: str) -> ChatMessage:
    if voice == SELF:
        lines = [_("Which condition do you have? I can check these two studies:")]
    else:
        lines = [_("Which condition does the person you care for have? I can check these two studies:")]
    lines += [
        _("- {condition}: {study}").format(condition=_(button.title), study=catalog.trial(trial_id).one_line)
        for trial_id, button in TRIAL_BUTTONS
    ]
    buttons = tuple(Button(_(button.title), button.payload) for _id, button in TRIAL_BUTTONS)
    buttons += (Button(_("Neither of these"), "/choose_neither"),)
    return ChatMessage(text="\n".join(lines), buttons=buttons)


# How an explanation says "not yet" itself, in each language ("这是“还要等”，不是“不能参加”").
NOT_YET_SAID = ("not yet", "还要等", "暂时", "还不能")


def _wait_text(result: CriterionResult) -> str:
    if not result.not_yet:
        return ""
    # Some explanations already say "not yet"; it is said once, not twice.
    said = any(words in result.criterion.explanation.lower() for words in NOT_YET_SAID)
    # Said after the criterion's explanation, so it starts with the gap between sentences.
    after = sentence_gap()
    if result.wait_until:
        opening = "" if said else _("This is a waiting time, so it may mean \"not yet\" rather than \"never\".")
        ends = _("The wait may end around {date}.").format(date=format_date(result.wait_until))
        return after + join_sentences((opening, ends))
    return "" if said else after + _("This may change with time, so it may mean \"not yet\" rather than \"never\".")


CONTACT_BUTTON = Button(N_("Ask the study team to contact me"), "/request_contact")


def contact_button() -> Button:
    return Button(_(CONTACT_BUTTON.title), CONTACT_BUTTON.payload)


def exclusion_message(result: ScreeningResult, voice: str) -> ChatMessage:
    """Said at once when an answer means a requirement is not met (for good, if any is)."""
    reason = next((r for r in result.reasons if not r.not_yet), result.reasons[0])
    if voice == SELF:
        opening = _("Thank you. That answer means you may not meet one of this study's requirements.")
    else:
        opening = _("Thank you. That answer means the person you care for may not meet one of this study's requirements.")
    text = (
        f"{opening}\n{reason.criterion.explanation}{_wait_text(reason)}\n"
        + _("Only the study team makes the final decision. What would you like to do?")
    )
    buttons = (
        Button(_("Change my answer"), "/go_back"),
        Button(_("See the summary"), "/show_summary"),
        contact_button(),
    )
    return ChatMessage(text=text, buttons=buttons, custom={"verdict": result.verdict.value, "reasons": [reason.criterion.id]})


_VERDICT_TEXT = {
    (Verdict.LIKELY_ELIGIBLE, SELF): N_("Based on your answers, you may be a good match. The study team will confirm this."),
    (Verdict.LIKELY_ELIGIBLE, CAREGIVER): N_(
        "Based on your answers, the person you care for may be a good match. The study team will confirm this."
    ),
    (Verdict.NEEDS_REVIEW, SELF): N_(
        "Nothing you told me rules you out. Some answers were \"not sure\", so the study team will check them."
    ),
    (Verdict.NEEDS_REVIEW, CAREGIVER): N_(
        "Nothing you told me rules the person you care for out. "
        "Some answers were \"not sure\", so the study team will check them."
    ),
    (Verdict.LIKELY_INELIGIBLE, SELF): N_("Based on your answers, this study may not be a match for you right now."),
    (Verdict.LIKELY_INELIGIBLE, CAREGIVER): N_("Based on your answers, this study may not be a match for them right now."),
    (Verdict.INCOMPLETE, SELF): N_("We have not finished the questions yet."),
    (Verdict.INCOMPLETE, CAREGIVER): N_("We have not finished the questions yet."),
}


def verdict_sentence(result: ScreeningResult, voice: str) -> str:
    return _(_VERDICT_TEXT[(result.verdict, voice)])


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
        reasons_title = _("What is in the way for now")
    else:
        verdict = verdict_sentence(result, voice)
        reasons_title = _("What may rule this out")
    sections = []
    if result.reasons:
        items = [f"{r.criterion.explanation}{_wait_text(r)}" for r in result.reasons]
        sections.append({"title": reasons_title, "items": items})
    unsure = [qid for qid, value in answers.items() if value == NOT_SURE and qid in trial.question_order]
    if unsure and result.with_status(Status.UNKNOWN):
        items = [_first_line(questions[qid].text_for(voice)) for qid in unsure]
        sections.append({"title": _("Answers the study team will check, because you were not sure"), "items": items})
    checks = result.with_status(Status.STUDY_TEAM)
    if checks:
        sections.append({
            "title": _("The study team will also check these, with tests, scans or the doctor's view"),
            "items": [r.criterion.explanation for r in checks],
        })
    not_a_decision = _(
        "This is not medical advice, and it is not a decision. Only the study team can decide who can take part.")
    next_step = _(
        "I can pass your details to the study team, so that they can contact you. "
        "You can also reach them yourself. {contact}").format(contact=trial.contact)
    parts = [verdict, _("This is your summary for {study}.").format(study=trial.short_name)]
    for section in sections:
        parts.append(_("{title}:").format(title=section["title"]))
        parts += [f"- {item}" for item in section["items"]]
    parts += [not_a_decision, _("Next step: {next_step}").format(next_step=next_step)]
    custom = {
        "trial": trial.registry_id,
        "verdict": result.verdict.value,
        "reasons": [r.criterion.id for r in result.reasons],
        "not_yet": [r.criterion.id for r in waits],
        "unknown": [r.criterion.id for r in result.with_status(Status.UNKNOWN)],
        "study_team_checks": [r.criterion.id for r in checks],
        "card": {
            "verdict": verdict,
            "title": _("Your summary: {study}").format(study=trial.short_name),
            "sections": sections,
            "not_a_decision": not_a_decision,
            "next_step": next_step,
        },
    }
    return ChatMessage(text="\n".join(parts), buttons=(contact_button(),), custom=custom)


def _only_waiting_sentence(waits: List[CriterionResult]) -> str:
    ends = [r.wait_until for r in waits]
    if all(ends):
        last = max(ends)
        return _(
            "Based on your answers, the only thing in the way is a waiting time, "
            "which ends around {date}."
        ).format(date=format_date(last))
    return _(
        "Based on your answers, the only thing in the way is a waiting time. "
        "The study team can tell you when it ends."
    )


def _first_line(text: str) -> str:
    return text.splitlines()[0]


def contact_message(trial: Trial) -> ChatMessage:
    study = f"{trial.short_name[0].upper()}{trial.short_name[1:]}"
    return ChatMessage(
        text=(
            _("{study} is run by {sponsor}.").format(study=study, sponsor=trial.sponsor)
            + f"\n{trial.contact}\n"
            + _("When you talk to them, you can share the summary from this chat.")
        )
    )


def save_message() -> ChatMessage:
    """Asked to save and come back later."""
    return ChatMessage(
        text=(
            _("Your answers are kept in this web browser on this device. Come back to this page later, "
              "and we carry on where you stopped. Nothing is sent to anyone.")
            + "\n" + _("If you use a shared computer, say \"delete my data\" when you are done.")
        ),
        custom={"save_for_later": True},
    )


def why_message(trial: Trial, question_id: str) -> str:
    """Why a question is asked: the explanation of the criteria that use it."""
    criteria = [c for c in trial.criteria if question_id in c.questions]
    if len(criteria) > 2:
        return _(
            "Each item on this list can make the study unsafe, so the study has a rule about it. "
            "If none of them apply, answering \"no\" lets us skip the detailed questions."
        )
    explanations = list(dict.fromkeys(c.explanation for c in criteria))
    return _("I ask because: {reasons}").format(reasons=join_sentences(explanations))


# A term is found as a whole word in Latin letters ("ecog", not inside "ecography"); Chinese
# is written without spaces, so a Chinese term is found anywhere ("体能状态是什么意思").
WORD_EDGE_BEFORE, WORD_EDGE_AFTER = r"(?<![a-z0-9_-])", r"(?![a-z0-9_-])"


def term_help(catalog: Catalog, text: str, current_question: Optional[str]) -> Optional[str]:
    """Explain the medical word named in ``text``, else help for the current question."""
    lowered = text.lower()
    best: Optional[Tuple[int, str, Question]] = None
    for question in catalog.questions.values():
        for term in question.terms:
            if re.search(rf"{WORD_EDGE_BEFORE}{re.escape(term.lower())}{WORD_EDGE_AFTER}", lowered):
                if best is None or len(term) > best[0]:
                    best = (len(term), term, question)
    if best is not None:
        return _("{term}: {help}").format(term=best[1], help=best[2].help)
    if current_question is not None:
        return _("Here is some help with this question: {help}").format(help=catalog.questions[current_question].help)
    return None
