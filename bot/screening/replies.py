"""The assistant's fixed replies: the greeting, and what it says to thanks, goodbye, a
question it cannot help with, a request for medical advice, "are you a bot?".

They were Rasa responses in domain.yml; they live here so that they come from the
message catalog in the conversation's language like every other sentence
(actions/replies.py says them). The English is marked where it is defined and
translated where it is said.
"""

from __future__ import annotations

from bot.i18n import LANGUAGE_NAMES, N_, domain
from bot.screening.messages import Button, ChatMessage

_ = domain("messages").gettext

GREETING = N_(
    "Hello! I can help you check if a research study might fit. There are two studies. One is for "
    "nasopharyngeal cancer. The other is for breast cancer. It takes about 10 minutes. This is not "
    "medical advice. Only the study team can decide who can take part. I use your answers in this "
    "chat to give you a summary. Nothing is sent to anyone unless you ask. You can say \"delete my "
    "data\" at any time."
)
# The greeting's offer of the other language (the buttons below it choose one).
OTHER_LANGUAGE = N_("You can also use this chat in Chinese: press \"中文\".")
NOT_A_MATCH = N_(
    "Thank you for telling me. These two studies are only for nasopharyngeal cancer or breast cancer, so "
    "they are not a match. Your own doctor can tell you about other studies. I wish you all the best."
)
CARRY_ON = N_("Hello! Let's carry on where we were.")
OUT_OF_SCOPE = N_(
    "Sorry, I can't help with that. I can ask the questions for these two studies. I can tell you why "
    "I ask them. I can also tell you how to reach the study team."
)
NO_MEDICAL_ADVICE = N_(
    "I can't give medical advice, and I can't say if a drug is safe or right for anyone. Please ask your "
    "own doctor or the study team. They can answer these questions."
)
I_AM_A_BOT = N_(
    "Yes, I am a computer program (a chatbot), not a person. I only do a first check. A real study team "
    "reads the details and makes every decision. To talk to a person, say \"I want to talk to a person\"."
)
WELCOME = N_("You're welcome.")
GOODBYE = N_("Goodbye, and take care.")
NOT_UNDERSTOOD = N_(
    "Sorry, I did not understand that. You can say \"start over\" to begin a new screening, or "
    "\"summary\" to see your result."
)

# Said on choosing a language, in the language chosen, with how to change it again.
LANGUAGE_CHOSEN = N_("OK, I will write in English from now on.")
HOW_TO_SWITCH = N_("To use Chinese instead, say \"中文\".")
# Said when someone writes Chinese before choosing a language: the chat goes on in Chinese.
CHINESE_NOTICED = N_("You wrote in Chinese, so I will write in Chinese from now on.")
WHICH_LANGUAGE = N_("Which language would you like to use? Please press a button.")


def choose_language_payload(language: str) -> str:
    return '/choose_language{"language": "%s"}' % language


def language_buttons() -> tuple:
    """One button per language, each named in its own words ("English", "中文")."""
    return tuple(Button(name, choose_language_payload(code)) for code, name in LANGUAGE_NAMES.items())


def reply(sentence: str) -> ChatMessage:
    """One of the fixed replies above, in the conversation's language."""
    return ChatMessage(text=_(sentence))


def greeting_message() -> ChatMessage:
    """The greeting, with a button for each language."""
    return ChatMessage(text=f"{_(GREETING)}\n{_(OTHER_LANGUAGE)}", buttons=language_buttons())


def language_chosen_message() -> ChatMessage:
    """Said in the language just chosen."""
    return ChatMessage(text=f"{_(LANGUAGE_CHOSEN)}\n{_(HOW_TO_SWITCH)}")


def chinese_noticed_message() -> ChatMessage:
    return ChatMessage(text=f"{_(CHINESE_NOTICED)}\n{_(HOW_TO_SWITCH)}")


def which_language_message() -> ChatMessage:
    return ChatMessage(text=_(WHICH_LANGUAGE), buttons=language_buttons())
