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
    # what families in Singapore, Malaysia, Hong Kong and the Philippines call their elders
    r"|ah ?ma|ah ?mah|ah ?gong|ah ?kong|ah ?pa|ah ?ba|ah ?mm|ah ?yi|po ?po|gong ?gong|kong ?kong|lola|lolo|nanay|tatay"
    r"|inay|itay|tita|tito|kuya|nenek|atuk|ayah|ibu|emak"
)
# The relatives, without "patient" and "client" ("the patient is me" is the one answering).
_FAMILY = _RELATIVES.replace("|patient|", "|").replace("|client", "")
_CAREGIVER = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?(?:{_RELATIVES})\b|\b(?:for|helping) (?:a|an|one of my)\s+(?:\w+\s+)?(?:{_RELATIVES})s?\b"
    # "for ah ma", "for grandma" (no "my" in a short reply), "a friend of mine"
    rf"|\bfor (?:{_RELATIVES})\b|\b(?:{_RELATIVES})s? of (?:mine|ours)\b"
    # "dad", "mum here": a short reply that names a relative (and no "I"). Only the words up to the relative are
    # taken, so "mum and me" keeps its "me" and is asked again.
    rf"|^(?!.*\bi\b)(?=(?:\w+ ){{0,2}}(?:{_FAMILY})(?: \w+){{0,2}}\s*$)(?:\w+ ){{0,2}}?(?:{_FAMILY})\b"
    r"|\bhelp(?:ing)? (?:him|her|them) (?:with|fill|answer|to)\b|\b(?:caregiver|care giver|carer|caretaker|someone else|somebody else"
    r"|another person|someone i care for|someone i look after|on behalf of|on their behalf|for him|for her|for them"
    r"|i am his|i am her|i am their|i look after|i care for)\b"
)
# "me" as the one answering; "she asked me to", "told me" are someone else's request, not the patient.
_SELF = re.compile(r"\b(?:myself|for me|me myself|i am the patient|it is me|it is for me|about me|my own|self|just me"
                   r"|i am the one (?:with|who has|who is|who was|that has|that is|that was) (?:the )?(?:\w+ )?(?:cancer|tumou?r|ill|sick|diagnosed|patient)"
                   # "I have nasopharyngeal cancer", "I was diagnosed last year", "answering as the patient"
                   r"|i (?:have|have got|had|got) (?:\w+ ){0,2}?(?:cancer|carcinoma|tumou?r|npc)|i (?:was|am|have been|got) diagnosed"
                   r"|as the patient(?=\s*$|\s+(?:myself|here|and|but|so|because|i|me|now|today)\b)"
                   # "he's sitting next to me", "she is here with me": where someone is, not who answers
                   r"|(?<!asked )(?<!ask )(?<!asks )(?<!told )(?<!wants )(?<!wanted )(?<!begged )(?<!next to )(?<!beside )(?<!with )me)\b")
_NOT_SELF = re.compile(r"\b(?:not (?:for )?(?:me|myself)|not about me|not the patient)\b")


# "my son is just helping me type", "my daughter reads the questions to me": help with the typing, while
# the answers are the writer's own ("me" is the patient). Help with answering ("helping me answer for
# mum") is not in it: there the relative is the patient.
_TYPING_HELPER = re.compile(
    rf"\b(?:my|our)\s+(?:\w+\s+)?(?:{_RELATIVES})\s+(?:is\s+|are\s+)?(?:just\s+|only\s+)?"
    r"(?:help(?:s|ing|ed)?\s+me\s+(?:to\s+)?(?:type|typing|write|writing|spell|read|with (?:the )?(?:typing|phone|computer|app|screen|english))"
    r"|(?:typ(?:es|ing)|writ(?:es|ing)|read(?:s|ing)(?: the questions| it)?(?: out)? to me|doing the typing)(?:\s+for me)?"
    # "my son set up this phone for me": help with the phone, not the answers
    r"|(?:(?:set|sets|setting) up|(?:put|puts|putting|installed|installs) (?:this|it) on) (?:this|the|my) (?:phone|app|chat|account|whatsapp)(?:\s+for me)?"
    r"(?!.*\b(?:answer|answers|answering|fill|fills|filling|typing|types|doing)\b)"
    r"|help(?:s|ing|ed)?\s+me(?:\s+(?:with (?:this|it|the form|the questions|the phone)|fill (?:this|it) in|out))?"
    r"(?=\s*$|\s+(?:but|and|because|as|since|so)\b))\b"
)
_WORDS = VoiceWords(caregiver=_CAREGIVER, self_=_SELF, not_self=_NOT_SELF, typing_helper=_TYPING_HELPER)


def read_voice(text: str) -> Optional[str]:
    """"self" or "caregiver", or None when the words say neither or both."""
    return _WORDS.read(text)
