"""What the person reads while asking the study team to contact them: consent, prompts, read-back, thank-you.

Every sentence is in the conversation's language (domain ``handoff``;
``locale/zh/LC_MESSAGES/handoff.po``). The consent follows China's Personal
Information Protection Law, in both languages: what is collected (health
answers are sensitive personal information), who receives it, why, how long it
is kept, how to withdraw, and a separate yes or no for the sponsor (a third party).
"""

from __future__ import annotations

from collections.abc import Mapping as MappingABC
from typing import Iterator, Mapping, Optional

import phonenumbers

from bot.handoff.contact import CANTONESE, ENGLISH, MANDARIN, OTHER_LANGUAGE, name_fields
from bot.i18n import N_, current_language, domain
from bot.screening.catalog import Trial
from bot.screening.messages import SELF, Button, ChatMessage, answer_payload

_ = domain("handoff").gettext

CONTACT_LABELS = {
    "first_name": N_("First name"),
    "last_name": N_("Last name"),
    "full_name": N_("Full name"),
    "email": N_("Email"),
    "phone": N_("Phone"),
    "language": N_("Language"),
    "city_or_site": N_("Nearest city or site"),
    "best_time": N_("Good time to call"),
}
SPONSOR_LABEL = N_("Shared with the sponsor")
# The study team's languages as the person reads them (the stored value is the code).
TEAM_LANGUAGE_LABELS = {MANDARIN: N_("Mandarin"), CANTONESE: N_("Cantonese"), ENGLISH: N_("English")}

_PROMPTS = {
    "first_name": N_("What first name should the study team use?"),
    "last_name": N_("And the last name?"),
    "full_name": N_("What is your full name? Please write it the way it is on your ID card, family name first."),
    "email": N_("What email address should the study team use?"),
    "phone": N_("What phone number should they call? If it is not a local number, start with + and the country code."),
    "language": N_("Which language would you like the study team to speak?"),
    "city_or_site": N_("Which city or study site are you nearest to? You can say \"skip\"."),
    "best_time": N_("When is a good time to call? You can say \"skip\"."),
    "wants_confirmation": N_("Would you like a copy of your request by email?"),
}
# A Chinese conversation's default region is CN: the study team calls a mainland mobile.
_CHINESE_PHONE_PROMPT = N_(
    "What mobile number should they call? Please type the 11 digits. "
    "For a number outside mainland China, start with + and the country code."
)


class _Prompts(MappingABC):
    """Field -> its prompt, written in the language in use when it is looked up."""

    def __getitem__(self, field: str) -> ChatMessage:
        text = _PROMPTS[field]
        if field == "phone" and current_language() == "zh":
            text = _CHINESE_PHONE_PROMPT
        return ChatMessage(_(text), _buttons(field))

    def __iter__(self) -> Iterator[str]:
        return iter(_PROMPTS)

    def __len__(self) -> int:
        return len(_PROMPTS)


CONTACT_PROMPTS: Mapping[str, ChatMessage] = _Prompts()


def _buttons(field: str) -> tuple:
    if field in ("city_or_site", "best_time"):
        return (Button(_("Skip"), answer_payload("skip")),)
    if field == "wants_confirmation":
        return (Button(_("Yes"), "/affirm"), Button(_("No"), "/deny"))
    if field == "language":
        choices = [(code, _(label)) for code, label in TEAM_LANGUAGE_LABELS.items()]
        return tuple(Button(title, answer_payload(code)) for code, title in [*choices, (OTHER_LANGUAGE, _("Other"))])
    return ()


def consent_message(trial: Trial, voice: str, retention_days: Optional[int] = None) -> ChatMessage:
    """What is collected, who receives it, why, for how long and how to withdraw: before any detail is asked."""
    days = _retention_days(retention_days)
    if voice == SELF:
        shared = _("I would share your contact details, the answers from this chat and the summary.")
    else:
        shared = _("I would share your and their contact details, the answers from this chat and the summary.")
    lines = [
        _("I can pass your contact details to the study team of {study}. The study is run by {sponsor}.").format(
            study=trial.short_name, sponsor=trial.sponsor),
        shared,
        _("Answers about health are sensitive personal information. I treat them with care."),
        _("The study team uses them only to contact you about this study."),
        _("We keep them for up to {days} days, then delete them.").format(days=days),
        _("I only save them if you say yes. You can ask me to delete them at any time: just say \"delete my data\"."),
        _("You can also reach the study team yourself. {contact}").format(contact=trial.contact),
        _("Do you agree to share your details with the study team?"),
    ]
    buttons = (Button(_("Yes, I agree"), "/affirm"), Button(_("No, thank you"), "/deny"))
    return ChatMessage(text="\n".join(lines), buttons=buttons, custom={"consent_question": True})


def sponsor_consent_message(trial: Trial) -> ChatMessage:
    """The separate consent for the sponsor, a third party: its own yes or no."""
    lines = [
        _("One more question, on its own. The study team may want to pass your details to {sponsor}, "
          "the company that runs the study.").format(sponsor=trial.sponsor),
        _("It would use them for the same reason only: this study."),
        _("If you say no, only the study team gets your details. They can still contact you."),
        _("Do you agree that the study team may share your details with {sponsor}?").format(sponsor=trial.sponsor),
    ]
    buttons = (Button(_("Yes, the sponsor too"), "/affirm"), Button(_("No, only the study team"), "/deny"))
    return ChatMessage(text="\n".join(lines), buttons=buttons, custom={"sponsor_consent_question": True})


def sponsor_declined_message(trial: Trial) -> str:
    """Said right after a no to the sponsor: what that no means."""
    return _("That is fine. Only the study team will get your details. "
             "They will not pass them to {sponsor}.").format(sponsor=trial.sponsor)


def display_phone(e164: str, home_region: str) -> str:
    """A stored phone number the way people read it: national format at home, else +country code with spaces."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    home = number.country_code == phonenumbers.country_code_for_region(home_region.upper())
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def display_team_language(value: str) -> str:
    """The language the study team should speak, in the person's words ("粤语"), or the name as typed."""
    label = TEAM_LANGUAGE_LABELS.get(value)
    return _(label) if label else value


def read_back_fields(language: Optional[str] = None) -> tuple:
    """The details shown and asked in a conversation in ``language``, in order."""
    return (*name_fields(language or current_language()), "email", "phone", "language", "city_or_site", "best_time")


def contact_read_back(
    details: Mapping[str, str], wants_confirmation: bool, home_region: str = "GB",
    sponsor: Optional[str] = None, sponsor_consent: Optional[bool] = None,
) -> ChatMessage:
    shown = dict(details)
    if shown.get("phone"):
        shown["phone"] = display_phone(shown["phone"], home_region)
    if shown.get("language"):
        shown["language"] = display_team_language(shown["language"])
    yes, no, skipped = _("yes"), _("no"), _("(skipped)")
    lines = [_("Please check your details:")]
    lines += [
        _("- {label}: {value}").format(label=_(CONTACT_LABELS[field]), value=shown.get(field) or skipped)
        for field in read_back_fields()
    ]
    lines.append(_("- Copy by email: {answer}").format(answer=yes if wants_confirmation else no))
    if sponsor is not None and sponsor_consent is not None:
        lines.append(_("- Shared with {sponsor}: {answer}").format(sponsor=sponsor, answer=yes if sponsor_consent else no))
    lines.append(_("Is this right?"))
    buttons = (Button(_("Yes, send it"), "/affirm"), Button(_("No, change something"), "/deny"))
    return ChatMessage(text="\n".join(lines), buttons=buttons, custom={"read_back": True})


def which_detail_message(with_sponsor: bool = False) -> ChatMessage:
    buttons = [Button(_(CONTACT_LABELS[field]), answer_payload(field)) for field in read_back_fields()]
    if with_sponsor:
        buttons.append(Button(_(SPONSOR_LABEL), answer_payload("sponsor_consent")))
    return ChatMessage(text=_("Which detail should I change?"), buttons=tuple(buttons))


def contact_saved_message(
    reference: str, delivered: bool, trial: Optional[Trial] = None, expected_within: str = "within 3 working days"
) -> ChatMessage:
    """The thank-you: the reference, when to expect contact, and what to do if nobody calls."""
    if delivered:
        lines = [_("Thank you. The study team will contact you. Your reference number is {reference}. "
                   "Please keep it.").format(reference=reference)]
    else:
        lines = [_("Thank you. Your request is saved, and we will send it to the study team as soon as we can. "
                   "Your reference number is {reference}. Please keep it.").format(reference=reference)]
    lines.append(_("The study team usually gets in touch {expected_within}.").format(
        expected_within=_expected_within(expected_within)))
    if trial is not None:
        lines.append(_("If nobody has contacted you by then, give them your reference number. {contact}").format(
            contact=trial.contact))
    return ChatMessage(text="\n".join(lines), custom={"reference": reference, "delivered": delivered})


# The default of CONTACT_EXPECTED_WITHIN, translated; a site's own wording is shown as set.
_DEFAULT_EXPECTED_WITHIN = N_("within 3 working days")


def _expected_within(setting: str) -> str:
    return _(_DEFAULT_EXPECTED_WITHIN) if setting == _DEFAULT_EXPECTED_WITHIN else setting


def _retention_days(days: Optional[int]) -> int:
    if days is not None:
        return days
    from bot.settings import get_settings  # read once, on first use

    return get_settings().contact_retention_days

