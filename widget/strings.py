"""The words of the web page and the chat widget, in each language (translation domain ``widget``).

English is the source text here; ``locale/zh/LC_MESSAGES/widget.po`` holds the
Chinese. The widget's script holds no words of its own: it asks
``GET /widget/strings/<language>`` (``widget/channel.py``) for ``widget_text``
and shows those. Sentences with a ``{name}`` are filled in by the script, so
each language keeps its own word order.
"""

from __future__ import annotations

from typing import Dict

from bot.i18n import LANGUAGE_NAMES, LANGUAGES, N_, SOURCE_LANGUAGE, domain, normalise_language, use_language

_ = domain("widget").gettext

# The language tag each language is written with in HTML (`<html lang>`, `lang="..."`).
HTML_LANG = {"en": "en", "zh": "zh-CN"}

WIDGET_TEXT: Dict[str, str] = {
    "title": N_("Study pre-screening chat"),
    "about": N_("The studies"),
    "menu": N_("Menu"),
    "language": N_("Language"),
    "saveForLater": N_("Save and come back later"),
    "print": N_("Print or save as PDF"),
    "startOver": N_("Start over"),
    "deleteData": N_("Delete my data"),
    "log": N_("Conversation"),
    "you": N_("You said:"),
    "assistant": N_("Assistant said:"),
    "typing": N_("The assistant is typing…"),
    "inputLabel": N_("Type your answer or question"),
    "placeholder": N_("Type here"),
    "send": N_("Send"),
    "choices": N_("Answer choices"),
    "tickLegend": N_("Tick each one that applies, then press \"Send my answer\"."),
    "sendTicks": N_("Send my answer"),
    "noTicks": N_("Please tick at least one, or choose \"None of these\"."),
    "ticked": N_("These apply: {labels}"),
    # Between the ticked items of "These apply: ...".
    "tickedSeparator": N_("; "),
    "numberLabel": N_("Your answer, as a number"),
    "numberLabelUnit": N_("Your answer, in {unit}"),
    "numberRange": N_("A number from {minimum} to {maximum}."),
    "startOverTitle": N_("Start over?"),
    "startOverText": N_("This clears the answers you have given so far in this chat."),
    "startOverYes": N_("Yes, start over"),
    "deleteDataTitle": N_("Delete your data?"),
    "deleteDataText": N_(
        "This deletes your answers, your summary and any contact request from this chat. It cannot be undone."
    ),
    "deleteDataYes": N_("Yes, delete my data"),
    "cancel": N_("Cancel"),
    "nextStep": N_("Next step"),
    "emailSummary": N_("Email me this summary"),
    "emailLink": N_("Email me a link to carry on on another device"),
    "emailLabel": N_("Your email address"),
    "consentSummary": N_("Send my summary to this address once. The address is deleted after the email is sent."),
    "consentLink": N_(
        "Send a link to this address once. The link works once, for 7 days. "
        "The address is deleted after the email is sent."
    ),
    "sendEmail": N_("Send the email"),
    "resumed": N_("Welcome back. Here is your conversation so far."),
    "lost": N_("The connection was lost. Trying to connect again… Your answers are kept."),
    "back": N_("Connected again."),
    "tooLong": N_("That message is too long. Please keep it under {limit} characters."),
    "serverError": N_("Sorry, something went wrong on our side. Please try again in a minute."),
}

# The home page around the widget (widget/page.py).
PAGE_TITLE = N_("Research study pre-screening")
CHAT_TITLE = N_("Could a study fit you?")
STUDIES_TITLE = N_("The two studies")
STUDIES_INTRO = N_(
    "The chat asks plain questions to see if one of these studies might fit you or someone you care for. "
    "It takes about 10 minutes. This is not medical advice. Only the study team can decide who can take part."
)
TRIAL_FACTS = N_("{phase} study by {sponsor}.")
LISTING = N_("Listing: {listing}")
BACK_TO_CHAT = N_("Back to the chat")


def chosen_language(tag: object) -> str:
    """A supported language for a tag from a request ("zh-CN", "en"), English when it is not one."""
    return normalise_language(tag if isinstance(tag, str) else None) or SOURCE_LANGUAGE


def widget_text(language: str) -> Dict[str, object]:
    """Everything the widget's script shows, in ``language``, with the names the language chooser offers."""
    with use_language(language) as chosen:
        text = {key: _(sentence) for key, sentence in WIDGET_TEXT.items()}
    return {
        "language": chosen,
        "html_lang": HTML_LANG[chosen],
        "text": text,
        # Each language's name in its own words, and how HTML tags it (the chooser's buttons).
        "languages": [{"code": code, "name": LANGUAGE_NAMES[code], "html_lang": HTML_LANG[code]} for code in LANGUAGES],
    }


def page_text(language: str) -> Dict[str, str]:
    """The home page's own sentences in ``language`` (not yet HTML-escaped)."""
    with use_language(language):
        return {
            "page_title": _(PAGE_TITLE),
            "chat_title": _(CHAT_TITLE),
            "studies_title": _(STUDIES_TITLE),
            "studies_intro": _(STUDIES_INTRO),
            "trial_facts": _(TRIAL_FACTS),
            "listing": _(LISTING),
            "back_to_chat": _(BACK_TO_CHAT),
        }
