"""Who is answering, from the words of a reply: "for my husband" is a caregiver."""

from __future__ import annotations

import re
from typing import Optional

from bot.understanding.voice_words import VoiceWords

_RELATIVES = (
    r"mother|mum|mom|mommy|mummy|mama|father|dad|daddy|papa|husband|wife|partner|spouse|son|daughter|sister|brother"
    r"|friend|aunt|auntie|uncle|niece|nephew|cousin|grandmother|grandfather|grandma|grandpa|granny|gran|nan|nana"
    r"|grandson|granddaughter|patient|child|kid|boyfriend|girlfriend|fiance|fiancee|neighbour|neighbor|relative"
    r"|parent|parents|in-law|mother-in-law|father-in-law|sibling|family member|loved one|client"
)
_CAREGIVER = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?(?:{_RELATIVES})\b|\b(?:for|helping) (?:a|an|one of my)\s+(?:\w+\s+)?(?:{_RELATIVES})s?\b"
    r"|\bhelp(?:ing)? (?:him|her|them) (?:with|fill|answer|to)\b|\b(?:caregiver|care giver|carer|caretaker|someone else|somebody else"
    r"|another person|someone i care for|someone i look after|on behalf of|on their behalf|for him|for her|for them"
    r"|i am his|i am her|i am their|i look after|i care for)\b"
)
# "me" as the one answering; "she asked me to", "told me" are someone else's request, not the patient.
_SELF = re.compile(r"\b(?:myself|for me|me myself|i am the patient|it is me|it is for me|about me|my own|self|just me"
                   r"|(?<!asked )(?<!told )(?<!wants )(?<!wanted )(?<!begged )me)\b")
_NOT_SELF = re.compile(r"\b(?:not (?:for )?(?:me|myself)|not about me|not the patient)\b")


_WORDS = VoiceWords(caregiver=_CAREGIVER, self_=_SELF, not_self=_NOT_SELF)


def read_voice(text: str) -> Optional[str]:
    """"self" or "caregiver", or None when the words say neither or both."""
    return _WORDS.read(text)
