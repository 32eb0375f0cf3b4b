"""What the person reads while asking the study team to contact them: consent, prompts, read-back, thank-you."""

from __future__ import annotations

from typing import Dict, Mapping, Optional

import phonenumbers

from bot.screening.catalog import Trial
from bot.screening.messages import SELF, Button, ChatMessage, answer_payload


CONTACT_LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "email": "Email",
    "phone": "Phone",
    "language": "Language",
    "city_or_site": "Nearest city or site",
    "best_time": "Good time to call",
}


_SKIP = (Button("Skip", answer_payload("skip")),)
_YES_NO = (Button("Yes", "/affirm"), Button("No", "/deny"))
CONTACT_PROMPTS: Dict[str, ChatMessage] = {
    "first_name": ChatMessage("What first name should the study team use?"),
    "last_name": ChatMessage("And the last name?"),
    "email": ChatMessage("What email address should the study team use?"),
    "phone": ChatMessage("What phone number should they call? If it is not a local number, start with + and the country code."),
    "language": ChatMessage("Which language would you like the study team to speak?"),
    "city_or_site": ChatMessage("Which city or study site are you nearest to? You can say \"skip\".", _SKIP),
    "best_time": ChatMessage("When is a good time to call? You can say \"skip\".", _SKIP),
    "wants_confirmation": ChatMessage("Would you like a copy of your request by email?", _YES_NO),
}


def consent_message(trial: Trial, voice: str) -> ChatMessage:
    """What is shared, with whom and why, before any detail is asked."""
    whose = "your" if voice == SELF else "your and their"
    text = (
        f"I can pass your contact details to the study team of {trial.short_name}. "
        f"The study is run by {trial.sponsor}.\n"
        f"I would share {whose} contact details, the answers from this chat and the summary. "
        "The study team uses them only to contact you about this study.\n"
        "I only save them if you say yes. You can ask me to delete them at any time: just say \"delete my data\".\n"
        f"You can also reach the study team yourself. {trial.contact}\n"
        "Do you agree to share your details with the study team?"
    )
    buttons = (Button("Yes, I agree", "/affirm"), Button("No, thank you", "/deny"))
    return ChatMessage(text=text, buttons=buttons, custom={"consent_question": True})


def display_phone(e164: str, home_region: str) -> str:
    """A stored phone number the way people read it: national format at home, else +country code with spaces."""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    home = number.country_code == phonenumbers.country_code_for_region(home_region.upper())
    style = phonenumbers.PhoneNumberFormat.NATIONAL if home else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def contact_read_back(details: Mapping[str, str], wants_confirmation: bool, home_region: str = "GB") -> ChatMessage:
    shown = dict(details)
    if shown.get("phone"):
        shown["phone"] = display_phone(shown["phone"], home_region)
    lines = ["Please check your details:"]
    lines += [f"- {label}: {shown.get(field) or '(skipped)'}" for field, label in CONTACT_LABELS.items()]
    lines.append(f"- Copy by email: {'yes' if wants_confirmation else 'no'}")
    lines.append("Is this right?")
    buttons = (Button("Yes, send it", "/affirm"), Button("No, change something", "/deny"))
    return ChatMessage(text="\n".join(lines), buttons=buttons, custom={"read_back": True})


def which_detail_message() -> ChatMessage:
    buttons = tuple(Button(label, answer_payload(field)) for field, label in CONTACT_LABELS.items())
    return ChatMessage(text="Which detail should I change?", buttons=buttons)


def contact_saved_message(
    reference: str, delivered: bool, trial: Optional[Trial] = None, expected_within: str = "within 3 working days"
) -> ChatMessage:
    """The thank-you: the reference, when to expect contact, and what to do if nobody calls."""
    if delivered:
        text = f"Thank you. The study team will contact you. Your reference number is {reference}. Please keep it."
    else:
        text = (
            f"Thank you. Your request is saved, and we will send it to the study team as soon as we can. "
            f"Your reference number is {reference}. Please keep it."
        )
    text += f"\nThe study team usually gets in touch {expected_within}."
    if trial is not None:
        text += f"\nIf nobody has contacted you by then, give them your reference number. {trial.contact}"
    return ChatMessage(text=text, custom={"reference": reference, "delivered": delivered})
