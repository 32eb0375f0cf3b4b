"""Who is answering, decided the same way in every language from that language's words."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Pattern


@dataclass(frozen=True)
class VoiceWords:
    """A language's words for answering for someone else, for oneself, and "not for me"."""

    caregiver: Pattern
    self_: Pattern
    not_self: Pattern
    # What the caregiver words are replaced by before the self words are looked for; a
    # language whose self words look ahead (我是患者 but not 我是患者家属) needs a visible mark.
    mask: str = " "
    # Someone who only types or reads for the one answering ("my son is helping me type"): the
    # relative named there is not the one the answers are about, so those words are taken out first.
    typing_helper: Optional[Pattern] = None

    def read(self, text: str) -> Optional[str]:
        """"self" or "caregiver", or None when the words say neither or both."""
        if self.typing_helper is not None:
            text = self.typing_helper.sub(self.mask, text)
        caregiver = bool(self.caregiver.search(text)) or bool(self.not_self.search(text))
        rest = self.caregiver.sub(self.mask, self.not_self.sub(" ", text))
        self_ = bool(self.self_.search(rest))
        if caregiver and not self_:
            return "caregiver"
        if self_ and not caregiver:
            return "self"
        return None
