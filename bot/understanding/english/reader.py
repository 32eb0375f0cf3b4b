"""The English answer reader: one entry point for every question type.

Polarity (yes / no / not sure, negation, hedges) comes from ``polarity.py`` and
is the same for every type; each type then adds what it needs: a number, a
time, a choice. The NLU model's intent is a second opinion only: when it
disagrees with the words, or the words alone say nothing clear, the reading's
confidence drops below :data:`~bot.understanding.reading.CONFIDENT` and the
assistant asks a short check. The intent never overrides the words, and no
word list overrides a negation.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from typing import Iterable, Optional

from bot.screening.answers import NEVER, NO, NOT_SURE, YES, AnswerType, InvalidAnswer, Question
from bot.understanding.english import choices, lab_results
from bot.understanding.english.numbers import read_number
from bot.understanding.english.birth import age_from_birth
from bot.understanding.english.polarity import (
    _NEGATIONS, _NO_LONGER_NOW, Polarity, as_no_longer, clauses_around_contrast, is_wellbeing, names_the_problem,
    names_topic, no_problem_as_state, read_polarity, says_what_can_not_be_done, stem,
)
from bot.understanding.english.question_words import question_words
from bot.understanding.english.since_event import denies_the_window, names_the_asked_thing_in_the_window
from bot.understanding.english.repeated import done_once_or_not_needed
from bot.understanding.english.vaccinated import without_the_vaccine
from bot.understanding.english.own_negation import (
    denies_the_subject_of_cannot, says_the_questions_un_word, states_what_the_question_negates,
)
from bot.understanding.english.statements import names_what_is_not_counted, read_statement, reads_as_not_active
from bot.understanding.english.context import weigh_setting_only
from bot.understanding.english.consent import consents_to_the_stored_one, is_bare_no_problem
from bot.understanding.english.asking_back import asks_about_answer, asks_if_a_listed_thing_counts
from bot.understanding.english.asked_things import bare_no_but_an_asked_thing, denies_one_but_has_another
from bot.understanding.english.thresholds import (
    against_the_threshold, limits_nothing, plans_a_decision_on_it, plans_what_cannot_be_done, says_it_cannot_be_done,
    says_the_scan_was_fine, says_the_treatment_failed,
)
from bot.understanding.english.text import normalise, normalise_clauses, remove_phrases
from bot.understanding.english.time_events import (
    answering_time, denies_the_purpose, event_parts, names_another_persons_event, says_when_it_began,
)
from bot.understanding.english.times import TimeReading, latest_of_several, read_time
from bot.understanding.english.voice import read_voice
from bot.understanding.english.hedges import HEDGE_NOTE, LEAN_NOTE, leans_by_its_reason
from bot.understanding.reading import MAX_ANSWER_CHARS, Reading, confirmation

_INTENT_VALUES = {"affirm": YES, "deny": NO, "not_sure": NOT_SURE}
# A classifier guess below this is no answer at all; between it and CONFIDENT it is a check.
_LOWEST_GUESS = 0.45
_DAYS_PER_YEAR = Decimal("365.25")


class EnglishReader:
    language = "en"

    def read(
        self,
        question: Question,
        text: str,
        today: dt.date,
        intent: Optional[str] = None,
        intent_confidence: float = 0.0,
    ) -> Reading:
        raw = (text or "")[:MAX_ANSWER_CHARS]
        cleaned = normalise(raw)
        if not cleaned:
            return Reading(None, 0.0, problem=self.expected(question))
        parts = normalise_clauses(raw)
        polarity = read_polarity(cleaned, question_words(question).topics, question_words(question).asked,
                                 clauses=parts)
        if question.type is AnswerType.YES_NO:
            if is_bare_no_problem(cleaned) and not question_words(question).asks_consent:
                return Reading(None, 0.0, problem=self.expected(question))
            repeated = _repeats_own_negation(question, cleaned)
            if repeated is not None:
                return repeated
            reading = self._yes_no(question, cleaned, polarity, today, intent, intent_confidence)
            if question.context_terms:  # most questions have none: nothing to weigh
                reading = weigh_setting_only(question, cleaned, reading, _names_asked(question))
            if (reading.value == YES and states_what_the_question_negates(cleaned, question_words(question).own_negations)) \
                    or (reading.value == NO and denies_the_subject_of_cannot(cleaned, tuple(question.text.values()))):
                # "yes it healed ok" to "a wound that has not healed?", "no surgery" to "... surgery cannot remove
                # it?": either way round could be meant. Checked.
                reading = Reading(reading.value, min(reading.confidence, 0.5), reading.echo, reading.note)
        elif question.type is AnswerType.NUMBER:
            reading = self._number(question, raw, cleaned, polarity, today)
        elif question.type is AnswerType.TIME_SINCE:
            reading = self._time_since(question, cleaned, polarity, today, intent, intent_confidence,
                                       _timed_sentences(raw, today), raw)
        else:
            reading = self._choice(question, cleaned, polarity, today, parts)
        double = _NOT_THAT_NOT.search(cleaned)
        if reading.value is not None and double:
            # "it's not that it hasn't spread, it has": a negation of a negation; which way it ends is checked, and
            # where the rest says plainly that it has ("it has, to the liver"), the check asks about a yes.
            value = reading.value
            if question.type is AnswerType.YES_NO and re.match(
                    r"\s*(?:\w+ ){1,3}?(?:it|she|he|they) (?:has|have|is|are|did|does)\b(?! not\b)", cleaned[double.end():]):
                value = YES
            reading = Reading(value, min(reading.confidence, 0.5), reading.echo, reading.note)
        if "?" in raw and reading.value is not None and reading.value != NOT_SURE and asks_about_answer(question, raw) \
                and not (reading.value == YES and asks_if_a_listed_thing_counts(question, raw)):
            # "his immunity is low, is that what you mean?", "a port last week, does that count?",
            # "so I guess positive?": a question back is checked, whatever the answer type.
            reading = Reading(reading.value, min(reading.confidence, 0.5), reading.echo, reading.note)
        if reading.value == NOT_SURE and not question.allows_not_sure:
            return Reading(None, 0.0, problem="This question needs an answer. " + self.expected(question))
        return reading

    # --- yes / no ---------------------------------------------------------------
    def _yes_no(
        self,
        question: Question,
        text: str,
        polarity: Polarity,
        today: dt.date,
        intent: Optional[str],
        intent_confidence: float,
    ) -> Reading:
        opinion = _INTENT_VALUES.get(intent or "")
        words = question_words(question)
        if polarity.hedged and polarity.value == NOT_SURE and words.asks_possibility:
            # The question itself asks about a possibility ("has a scan shown possible signs?"):
            # "there might be some inflammation" is that, not a doubt.
            plain = re.sub(r"\b(?:might|may|could|possibly|possible|perhaps|maybe) (?:be |have )?", "", text)
            if plain != text:
                plain_polarity = read_polarity(plain, question_words(question).topics, question_words(question).asked)
                return self._yes_no(question, plain, plain_polarity, today, intent, intent_confidence)
        if polarity.value == NOT_SURE and not polarity.hedged:
            doubt = _DOUBT_ABOUT_SOMETHING_ELSE.search(text)
            rest = _DOUBT_ABOUT_SOMETHING_ELSE.sub(" ", text).strip()
            # "Yeah, the one with platin in the name, can't remember which": a yes said, only which one is not known.
            # Without the yes ("an immunotherapy in a trial, don't know which one") the one may not be the one asked.
            reported = doubt is not None and (
                (doubt.group("which") and read_polarity(rest).value == YES)
                or (doubt.group("meaning") and read_polarity(rest).value is None))
            if reported and rest and rest != text:
                # Which one, or what the word means, presumes a thing was had or said: only a yes is read. ("No, not
                # sure what that means" may not understand the question.)
                again = self._yes_no(question, rest, read_polarity(rest, words.topics, words.asked), today, intent,
                                     intent_confidence)
                # "a shadow on the lung, don't know what it is": what the thing is, so whether it is the thing
                # asked, is not known, even where the question asks about possible signs.
                identity = doubt.group("meaning") and re.match(r"what (?:it|this|that|they) (?:is|are)\b",
                                                               doubt.group("meaning"))
                if again.value == YES and doubt.group("meaning") and (identity or not words.asks_possibility):
                    # "they mentioned dialysis, not sure what that means": mentioned is not had. Check.
                    again = Reading(again.value, min(again.confidence, 0.5), again.echo, again.note)
                if again.value == YES:
                    return again
        as_state = no_problem_as_state(text) if polarity.value == YES and not words.asks_consent else None
        if as_state is not None:
            return self._yes_no(question, as_state, read_polarity(as_state, words.topics, words.asked), today, None, 0.0)
        leaned = leans_by_its_reason(text, polarity.hedged and polarity.value == NOT_SURE, lambda reason: self._yes_no(
            question, reason, read_polarity(reason, words.topics, words.asked), today, None, 0.0), words.topics)
        if leaned is not None:
            return leaned  # "i think so, the radiologist measured a couple of spots"
        if words.asks_consent and not polarity.hedged and polarity.value in (None, NO):
            one_of_two = consents_to_the_stored_one(text)
            if one_of_two is not None:
                return one_of_two
        if limits_nothing(text, words, polarity):
            return Reading(NO, 0.85)  # "just a bit tired, nothing that stops me"
        threshold = against_the_threshold(text, words, polarity)
        if threshold is not None:
            return threshold
        if says_the_treatment_failed(text, words, polarity):
            return Reading(YES, 0.85)  # "the treatment stopped working" to "has a scan shown your cancer grew?"
        if says_the_scan_was_fine(text, words, polarity):
            return Reading(NO, 0.85)  # "markers went up but the scan was fine" to "has a scan shown your cancer grew?"
        if polarity.value in (None, NO) and polarity.confidence <= 0.5 and not polarity.hedged \
                and says_it_cannot_be_done(text, words.ability_words):
            return Reading(NO, 0.85)  # "too small to measure" to "a tumour that doctors could measure?"
        able = {word[:5] for word in words.ability_words}
        if polarity.value == NO and polarity.confidence <= 0.5 and not words.asks_consent \
                and names_the_problem(text, frozenset(topic for topic in words.topics if topic[:5] not in able)):
            # "he can't swallow tablets", "a sore that won't heal": the negated verb is what the
            # question asks about, so the negation describes the problem: a yes. Not where the question
            # asks whether it can be done: "they can't measure it" to "a tumour doctors could measure?".
            return Reading(YES, 0.8)
        if polarity.value == NO and not polarity.hedged and says_the_questions_un_word(text, tuple(question.text.values())):
            if polarity.confidence <= 0.5:
                return Reading(YES, 0.85)  # "a small spot, not treated yet" to "... untreated, or growing?"
            if re.match(r"(?:no|nope|not|never|nothing|none)\b", text):
                # "not treated yet", "no treatment for it yet, gamma knife next week": the "un-" word said alone. A
                # plain no to "spread to the brain?" or the question's "untreated"? Checked, about the yes.
                return Reading(YES, 0.5)
            if any(names_topic(word, words.topics) for word in text.split()):
                # "one lesion in the brain, she has had no treatment yet": the no may be the answer or the "un-". Check.
                return Reading(YES, 0.5)
        if polarity.value == NO and polarity.confidence <= 0.5 and not polarity.hedged \
                and any(own.startswith("can not") for own in words.own_negations) \
                and says_what_can_not_be_done(text, words.topics):
            return Reading(YES, 0.8)  # "they cannot do an operation" to "... so much that surgery cannot remove it?"
        if polarity.value == NO and polarity.confidence <= 0.5 and denies_one_but_has_another(text, words):
            return Reading(YES, 0.85)  # "not pregnant but still breastfeeding" to "pregnant or breastfeeding?"
        if polarity.value == NO and polarity.confidence > 0.5 and bare_no_but_an_asked_thing(text, words):
            return Reading(NO, 0.5)  # "no, but breastfeeding": which part does the no answer? Check.
        if polarity.value == NO and polarity.confidence <= 0.5 and not polarity.hedged:
            unvaccinated = without_the_vaccine(text, words.topics)
            if unvaccinated is not None:
                rest = read_polarity(unvaccinated, words.topics, words.asked)
                # The rest must deny the thing itself ("never been infected", "never had either", "no TB"), not
                # something else ("never had a test").
                denies_it = re.search(r"\b(?:infect\w*|either|caught|had it|got it)\b", unvaccinated) \
                    or any(names_topic(word, words.topics) for word in unvaccinated.split())
                # "never had a test for hep C" denies a test, not the thing; "never infected until last year" ends.
                if re.search(r"\b(?:test\w*|checked|screened|until|till|but|though|now|since then)\b", unvaccinated):
                    denies_it = False
                if rest.value == NO and rest.confidence > 0.8 and denies_it:
                    return Reading(NO, 0.85)  # "had the hep B vaccine, never been infected": the vaccine is not it
        if polarity.value == NO and polarity.confidence <= 0.5 and not polarity.hedged and words.umbrella \
                and _NOT_ON_THE_LIST.search(text) \
                and not any(names_topic(word, words.topics | words.help_examples)
                            for word in _NOT_ON_THE_LIST.sub(" ", text).split()):
            # "only high blood pressure, which isn't on the list", "just type 2 diabetes, nothing on the list": what
            # is named is nothing the list asks about, and the reply says so. (A thing on the list stays a check.)
            return Reading(NO, 0.85)
        if polarity.value == NO and polarity.confidence > 0.5 and words.umbrella and _NONE_OF_THE_OTHERS.search(text) \
                and any(names_topic(word, words.topics) and word not in ("list", "others", "rest")
                        for word in text[_NONE_OF_THE_OTHERS.search(text).end():].split()):
            # "none of the rest, only my brain mets": the others are denied, then one line is named. Which answers?
            # Check. ("fluid round the heart, none of the others" names it first: a yes, read elsewhere.)
            return Reading(NO, 0.5)
        if polarity.value in (None, NO) and (polarity.confidence <= 0.5 or polarity.since) and not polarity.hedged \
                and done_once_or_not_needed(question.text.get("self", ""), text):
            return Reading(NO, 0.85)  # "drained once in July, not again since" to "drained again and again?"
        if polarity.value == NO and polarity.no_longer and not polarity.hedged and _asks_about_now(question) \
                and _no_longer_what_is_asked(text, normalise(question.text.get("self", ""))) \
                and not any(names_topic(word, words.topics) for word in re.sub(
                    r"\b(?:not|no|never|nor) (?:\w+ )?\w+", " ", re.sub(r"\bstopped \w+", " ", text)).split()):
            # (Not "stopped breastfeeding, 12 weeks pregnant": the rest names another thing asked, not denied.)
            # "no, not now" to "lung inflammation now?", "I stopped breastfeeding last year" to "are you pregnant or
            # breastfeeding?": what the question asks about now has ended.
            return Reading(NO, 0.85)
        if polarity.value == NO and polarity.confidence > 0.5 and words.asks_active and _STILL_TREATED.search(text):
            return Reading(NO, 0.5)  # "nothing now, they are still treating it" to "active right now?": check
        if polarity.value == NO and polarity.confidence > 0.5 \
                and names_the_asked_thing_in_the_window(question.text.get("self", ""), text, words.topics):
            return Reading(NO, 0.5)  # "nothing since it spread, she is on xeloda now": which part answers? Check.
        if polarity.value in (None, NO) and polarity.confidence <= 0.5 and not polarity.hedged \
                and denies_the_window(question.text.get("self", ""), text, words.topics):
            return Reading(NO, 0.85)  # "chemo before her op, nothing since it spread" to "since it spread, any chemo?"
        if polarity.value == NO and polarity.confidence <= 0.5 and reads_as_not_active(text, words) \
                and not re.search(r"\b(?:but|though|however)\b", text):
            return Reading(NO, 0.85)  # "treated, stable since and no symptoms" to "still active?"
        if polarity.value == NO and polarity.no_longer and words.asks_ever and _only_no_longer(text) \
                and not words.own_negations \
                and any(names_topic(word, words.topics | words.help_examples) for word in text.split()):
            # "tislelizumab, 2 cycles, stopped because of a rash" to "have you had a PD-1 drug?": it stopped,
            # so it was had: a yes.
            return Reading(YES, 0.85)
        if polarity.value == YES:
            timed = _answer_from_window(question, text, polarity, today)
            if timed is not None and timed.value == NO:
                return timed
        if polarity.value is not None:
            confidence = polarity.confidence
            # The words and the model disagree: check. A "not sure" from the words stands
            # (it rules nobody out; the study team checks it).
            if polarity.value != NOT_SURE and opinion is not None and intent_confidence >= 0.5 \
                    and opinion != polarity.value:
                confidence = min(confidence, 0.5)  # the words and the model disagree: check
            if polarity.since:
                confidence = min(confidence, _since_confidence(question, text, today))
            note = HEDGE_NOTE if polarity.hedged and polarity.value == NOT_SURE else None
            if polarity.leaned:
                note = LEAN_NOTE.format(answer=polarity.value)
            return Reading(polarity.value, confidence, note=note)
        timed = _answer_from_window(question, text, polarity, today)
        if timed is not None:
            return timed
        if plans_what_cannot_be_done(text, question, words):  # "they will operate" to "surgery cannot remove it?"
            return Reading(NO, 0.85)
        if plans_a_decision_on_it(text, question, words):
            return Reading(NOT_SURE, 0.5)  # "in 2 weeks we see the surgeon": not known yet, checked
        statement = read_statement(text, words)
        if statement.value is not None:
            confidence = statement.confidence
            if statement.value == YES and _named_time_outside_window(question, text, today):
                # "a clot at the start of May, on blood thinners since" to "in the last 6 months?": the
                # event is outside the window, something about it goes on: which one answers? Check.
                confidence = min(confidence, 0.5)
            if opinion is not None and intent_confidence >= 0.5 and opinion != statement.value:
                confidence = min(confidence, 0.5)
            return Reading(statement.value, confidence)
        if opinion in (YES, NO) and intent_confidence >= 0.6 and not is_wellbeing(text):
            return Reading(opinion, 0.6)  # only the model has an opinion: check
        return Reading(None, 0.0, problem=self.expected(question))

    # --- numbers ------------------------------------------------------------------
    def _number(self, question: Question, raw: str, text: str, polarity: Polarity, today: dt.date) -> Reading:
        if polarity.value == NOT_SURE and not polarity.hedged:
            counted = _count_before_which_is_not_known(text)
            if counted is not None:
                # "GP, then gemcitabine, then another one, I forget the name": the count is told; only
                # which drug was given is not known.
                return self._number(question, counted, counted, read_polarity(counted), today)
            return Reading(NOT_SURE, polarity.confidence)
        number = read_number(raw, text, counting=question.unit != "years")
        if number.problem == "year" and question.unit == "years":
            born = age_from_birth(text, today)
            if born is not None:
                return Reading(Decimal(born.years), 0.9, echo=f"{born.years} years (born {born.echo})")
        if number.value is not None:
            stated = number.value - 1 if number.future and question.unit == "years" else number.value
            try:
                value = question.normalise(stated, today)
            except InvalidAnswer as problem:
                return Reading(None, 0.0, problem=str(problem))
            confidence = 0.85 if polarity.hedged else 0.95
            if number.counted:
                confidence = 0.85  # counted from "first ..., second ...": said back
            return Reading(value, confidence, echo=f"{_plain(value)} {question.unit}")
        if number.problem == "none" and polarity.value == NO and question.minimum == 0:
            return Reading(Decimal(0), polarity.confidence, echo=f"none (0 {question.unit})")
        if polarity.value == NOT_SURE:
            return Reading(NOT_SURE, 0.9, note=HEDGE_NOTE if polarity.hedged else None)
        messages = {
            "markup": "Please type just the number.",
            "negative": "A number below zero is not possible here.",
            "range": "Please give one number, not a range.",
            "several": "I found more than one number. Please give just one.",
            "year": "Please give the age in years, not the year of birth.",
            "cycles": "Cycles or doses of one plan count as one plan.",
        }
        lead = messages.get(number.problem or "")
        expected = self.expected(question)
        return Reading(None, 0.0, problem=f"{lead} {expected}" if lead else expected)

    # --- how long ago -------------------------------------------------------------
    def _time_since(
        self,
        question: Question,
        text: str,
        polarity: Polarity,
        today: dt.date,
        intent: Optional[str],
        intent_confidence: float,
        timed_sentences: tuple = (),
        raw: str = "",
    ) -> Reading:
        time = read_time(text, today)
        if time is not None and time.vague:
            return Reading(None, 0.0, problem=self.expected(question))  # "earlier this year": which month?
        answering = answering_time(text, time, today)  # "since 2020, still on it"; "came off it in 2023"
        if answering is not None:
            time = answering
        elif time is not None and len(timed_sentences) > 1:
            # "Only the short pain course last week. The real radiation was in 2023.": the sentence that names
            # what does not count is left out; if more than one time is left, which one answers is for the
            # person to say.
            words = question_words(question)
            counted = _the_one_counted(timed_sentences, words)
            if counted is not None:
                text, time = counted, read_time(counted, today)
                polarity = read_polarity(text, words.topics, words.asked)
            else:
                time = dataclasses.replace(time, several=True)
        if polarity.value in (None, NO) and (time is None or not time.several) \
                and names_what_is_not_counted(text, question_words(question)):
            # Only here, where it is needed, are the reply's comma parts read for times.
            parts = [normalise(part) for part in raw.split(",")]
            timed = [part for part in parts if part and read_time(part, today) is not None]
            counted = _the_one_counted(timed, question_words(question)) if len(timed) >= 2 else None
            if counted is not None:
                # "only the short bone one for pain in nov, the proper rads were 2 yrs ago": the part that names
                # what does not count is left out; the one other part with a time answers.
                return self._time_since(question, counted, read_polarity(counted, question_words(question).topics,
                                        question_words(question).asked), today, None, 0.0, ())
            # "a steroid injection in her knee in October" where the question says not to count joint shots:
            # nothing that counts, so never. (With a second time, "... the real one was in 2022", it is not.)
            return Reading(NEVER, 0.85, echo="never (what you named does not count here)")
        if time is not None and names_another_persons_event(text):
            # "my daughter got the chickenpox vaccine last month, not me": her time, none for this person.
            return Reading(NEVER, 0.85, echo="never (that was someone else)")
        if polarity.value in (None, NO) and denies_the_purpose(question.text.get("self", ""), text):
            return Reading(NEVER, 0.85, echo="never (not for the cancer)")  # "only ginseng tea, not for the cancer"
        if time is None and polarity.value is None and _FIRST_TIME.search(text):
            return Reading(NEVER, 0.85, echo="never (this would be the first time)")  # "this would be my first trial"
        if time is None and polarity.value == NOT_SURE and not polarity.hedged:
            return Reading(NOT_SURE, polarity.confidence)
        if time is not None:
            if time.days < 0:
                return Reading(None, 0.0, problem="That date is in the future. Please give a date in the past.")
            try:
                value = question.normalise(Decimal(time.days), today)
            except InvalidAnswer as problem:
                return Reading(None, 0.0, problem=str(problem))
            confidence = 0.5 if time.several else 0.9  # two times that disagree: which one? Check.
            if time.several and question.umbrella and polarity.value is None \
                    and not re.search(r"\b(?:still|currently|ongoing|now on)\b", text):
                # "the operation was 2 years ago but chemo finished in April" to "when did you last have any
                # treatment or any operation?": each names a treatment, and the last one answers.
                words = question_words(question)
                latest = latest_of_several(text, today, lambda clause: any(
                    names_topic(word, words.topics | words.help_examples) for word in clause.split()))
                if latest is not None:
                    time, confidence = latest, 0.85
                    value = question.normalise(Decimal(time.days), today)
            # "not sure of the date", "can't remember exactly": doubt about the day, not a negation of the event.
            negated = re.search(r"\b(not|no|never|none|nothing)\b", re.sub(
                r"\b(?:not (?:sure|certain)|(?:can|could|do|does|did) not (?:remember|recall|say))\b.*?(?:date|when|exactly|day)\b",
                "", text))
            if negated and polarity.value == NO and polarity.confidence >= 0.95 and re.search(r"\bnever\b", text) \
                    and _ABOUT_ANOTHER_EVENT.search(text):
                # "she's never had any treatment, she was only diagnosed last month": the time is the diagnosis.
                return Reading(NEVER, 0.85, echo="never")
            if negated and time.days_max is not None and not _negation_about_time(text) \
                    and not (question.umbrella and _NOTHING_NOW_LAST_THEN.search(text)):
                confidence = 0.5  # "no chemo, but radiotherapy 3 weeks ago": which one is meant? Check.
            return Reading(value, confidence, echo=time.echo)
        if polarity.value == NO:
            return Reading(NEVER, polarity.confidence, echo="never")
        if polarity.value == NOT_SURE:
            return Reading(NOT_SURE, 0.9, note=HEDGE_NOTE if polarity.hedged else None)
        if polarity.value == YES:
            return Reading(None, 0.0, problem="When was that? " + self.expected(question))
        if intent == "deny" and intent_confidence >= 0.6:
            return Reading(NEVER, 0.6, echo="never")
        return Reading(None, 0.0, problem=self.expected(question))

    # --- choices -------------------------------------------------------------------
    def _choice(self, question: Question, text: str, polarity: Polarity, today: dt.date, parts: str) -> Reading:
        reading = self._choice_words(question, text, polarity, today, parts)
        named = choices.synonym_choice(question, text) is not None or self._lab_choice(question, text) is not None
        if polarity.hedged and polarity.value == NOT_SURE and reading.value not in (None, NOT_SURE) and named:
            # "so I guess positive", "probably HER2 1+": a guess at a named result is checked. (A
            # description with a hedge on one detail, "mostly in bed, maybe up 2 hours", is not a guess.)
            return Reading(reading.value, min(reading.confidence, 0.6), reading.echo, reading.note)
        return reading

    def _choice_words(self, question: Question, text: str, polarity: Polarity, today: dt.date, parts: str) -> Reading:
        exact = choices.exact_choice(question, text)
        if exact is not None:
            return self._chosen(question, exact, 1.0)
        if polarity.value == NOT_SURE and not polarity.hedged:
            return Reading(NOT_SURE, polarity.confidence)
        if _VARIES.search(text):
            # "some days I'm fine and some days I'm in bed all day": which one is for the person to say.
            return Reading(None, 0.0, problem="Please pick the one that fits most days. " + self.expected(question))
        lab = self._lab_choice(question, text)
        if lab is not None:
            return lab
        if any(choice.years_ago for choice in question.choices):
            banded = self._time_band(question, text, polarity, today)
            if banded is not None:
                return banded
        synonym = choices.synonym_choice(question, text)
        if synonym is not None and question.choice(synonym.choice_id).polarity is None:
            return self._chosen(question, synonym.choice_id, synonym.confidence)
        past = _past_childbearing(question, text)
        if past is not None:
            return self._chosen(question, past, 0.85)  # "she's 72", "he's 80 and his wife is 78"
        by_polarity = next((c.id for c in question.choices if c.polarity and c.polarity == polarity.value), None)
        if by_polarity is not None and polarity.confidence >= 0.8:
            if choices.names_another_choice_apart(question, parts, by_polarity):
                # "no pregnancy planned, we use condoms": the no is about something else. Ask.
                return Reading(None, 0.0, problem=self.expected(question))
            return self._chosen(question, by_polarity, polarity.confidence)
        guess = choices.classify(question, text)
        if guess is not None and guess.confidence >= _LOWEST_GUESS:
            if guess.choice_id in choices.negated_choices(question, text):
                return Reading(None, 0.0, problem=self.expected(question))  # "not fully active": not that one
            return self._chosen(question, guess.choice_id, min(guess.confidence, 0.95))
        if synonym is not None and polarity.value is None and choices.says_only(question, synonym.choice_id, text):
            # "only this one" to "another type of cancer?": the words of the "no" choice and nothing else,
            # with no yes or no word of the reply's own to go against them.
            return self._chosen(question, synonym.choice_id, min(synonym.confidence, 0.85))
        if polarity.value == NOT_SURE:
            return Reading(NOT_SURE, 0.9, note=HEDGE_NOTE if polarity.hedged else None)
        return Reading(None, 0.0, problem=self.expected(question))

    def _chosen(self, question: Question, choice_id: str, confidence: float, echo: Optional[str] = None) -> Reading:
        return Reading(choice_id, confidence, echo=echo or question.choice(choice_id).label)

    def _lab_choice(self, question: Question, text: str) -> Optional[Reading]:
        means = {phrase: choice.id for choice in question.choices for phrase in choice.means}
        if not means:
            return None
        if lab_results.conflicting(text):
            # "ER positive on the first biopsy, ER negative on the liver one": which one?
            return Reading(None, 0.0, problem="I see two different results. Which is the latest one? " + self.expected(question))
        for phrase in (lab_results.her2_phrase(text), lab_results.hormone_phrase(text)):
            if phrase is None:
                continue
            if phrase in means:
                return self._chosen(question, means[phrase], 0.95)
            # "FISH negative" with no score: the one choice that has it, but ask to be sure.
            wider = {cid for meaning, cid in means.items() if phrase in meaning}
            if len(wider) == 1:
                return self._chosen(question, wider.pop(), 0.7)
        return None

    def _time_band(self, question: Question, text: str, polarity: Polarity, today: dt.date) -> Optional[Reading]:
        time: Optional[TimeReading] = read_time(text, today)
        if time is None:
            if polarity.value == YES and not choices.synonym_choice(question, text):
                return Reading(None, 0.0, problem="When was it found or last treated? " + self.expected(question))
            return None
        if time.days < 0:
            return Reading(None, 0.0, problem="That date is in the future. Please give a date in the past.")
        low = Decimal(time.days_min) / _DAYS_PER_YEAR
        high = None if time.days_max is None else Decimal(time.days_max) / _DAYS_PER_YEAR
        for choice in question.choices:
            if choice.years_ago is None:
                continue
            start, end = choice.years_ago
            inside_high = end is None or (high is not None and high < end)
            if low >= start and inside_high:
                return self._chosen(question, choice.id, 0.9, echo=f"{choice.label} ({time.echo})")
        return Reading(None, 0.0, problem="Was that more or less than the times on the buttons? " + self.expected(question))

    # --- the rest of the interface ----------------------------------------------------
    def prepare(self, questions: Iterable[Question]) -> None:
        for question in questions:
            if question.type is AnswerType.CHOICE:
                choices.classify(question, "")

    def read_confirmation(self, text: str) -> Optional[bool]:
        polarity = read_polarity(normalise(text))
        return confirmation(polarity.value, polarity.confidence)

    def read_voice(self, text: str) -> Optional[str]:
        return read_voice(normalise(text))

    def expected(self, question: Question) -> str:
        if question.type is AnswerType.YES_NO:
            return "Please answer yes, no or not sure."
        if question.type is AnswerType.CHOICE:
            labels = "; ".join(choice.label for choice in question.choices)
            extra = ", or say not sure" if question.allows_not_sure else ""
            return f"Please pick one of the buttons, or type one of these: {labels}{extra}."
        if question.type is AnswerType.NUMBER:
            return f"Please give a number from {_plain(question.minimum)} to {_plain(question.maximum)} ({question.unit})."
        return (
            "Please say how long ago, like \"3 weeks ago\" or \"2 months ago\", or give a date like 2026-10-01. "
            "You can also say \"never\" or \"not sure\"."
        )


# A doubt about something other than the answer: which one it was ("can't remember which"), or what a word
# the doctor used means ("not sure what that means"). What the rest of the reply says is the answer.
_DOUBT_ABOUT_SOMETHING_ELSE = re.compile(
    r"\b(?:i am |i |we )?(?:not sure|do not know|dont know|no idea|can not remember|do not remember|forget|forgot|"
    r"can not recall|not certain|unsure)\s+(?:(?P<which>which(?: ones?| drugs?| it was| one it was)?|the (?:exact )?names?)"
    r"|(?P<meaning>what (?:that|it|this|they) (?:means?|is|are)|what it meant|what that meant))\s*$")

def _names_asked(question: Question):
    """Whether a word of a reply names something the question asks about (its words, its terms)."""
    words = question_words(question)
    topics = words.topics | words.help_examples
    return lambda word: names_topic(word, topics) or names_topic(stem(word), topics)


def _count_before_which_is_not_known(text: str) -> Optional[str]:
    """The reply before a closing "can't remember which one" / "forget the name", when what comes before
    states a number or a story and is not in doubt itself."""
    doubt = _DOUBT_ABOUT_SOMETHING_ELSE.search(text)
    if doubt is None or not doubt.group("which"):
        return None
    before = text[: doubt.start()].strip()
    if not before or read_polarity(before).value == NOT_SURE:
        return None
    return before


# "It's not that it hasn't spread", "not that she didn't have it": a negated negation.
# "it's not that it hasn't spread", "it's not like it hasn't spread", "not as if he doesn't drink"
_NOT_THAT_NOT = re.compile(r"\bnot (?:that|like|as if|as though) (?:it|she|he|they|i|we|you) "
                           r"(?:is|are|was|were|has|have|had|did|does|do) not\b")

# A reply that says the answer changes from day to day.
_VARIES = re.compile(r"\bsome days\b.*\bsome days\b|\bother days\b|\bit (?:varies|changes|depends)\b|\bgood days and bad days\b"
                     r"|\bdepends on the day\b|\bup and down\b")
# "This would be my first time", "it will be her first study": nothing before.
_FIRST_TIME = re.compile(r"\b(?:would be|will be|is|be) (?:my|her|his|their|our|the) (?:very )?first (?:time|one|trial|study|ever)\b")
# A time that belongs to another event than the one asked about.
_ABOUT_ANOTHER_EVENT = re.compile(r"\b(?:diagnosed|diagnosis|found out|was found|were told|was told|noticed|first saw)\b")


def _timed_sentences(raw: str, today: dt.date) -> tuple:
    """The sentences of the reply that name a time of their own, normalised (normalising the whole
    reply drops the full stops). A reply that corrects itself ("... sorry, last month") is one."""
    sentences = [normalise(part) for part in re.split(r"(?<=[a-z)])[.;!?]+\s+", raw, flags=re.I) if part.strip()]
    if re.search(r"\b(?:sorry|i mean|actually|no wait|correction|scratch that)\b", raw, re.I):
        return ()
    if len(sentences) < 2:
        sentences = [normalise(part) for part in event_parts(raw, today)]  # "mastectomy in 2021, and a biopsy last week"
    return tuple(sentence for sentence in sentences if read_time(sentence, today) is not None)


def _the_one_counted(timed_parts, words) -> Optional[str]:
    """Of the parts of a reply that each name a time, the only one that does not name what the question does
    not count; None when none or several are left."""
    counted = [part for part in timed_parts if not names_what_is_not_counted(part, words)]
    return counted[0] if len(counted) == 1 else None


def _repeats_own_negation(question: Question, text: str) -> Optional[Reading]:
    """"Not well controlled at all" to "... that are not well controlled?" repeats the question's
    own words: a yes, not a no. With another negation too ("no, it is not well controlled")
    it is checked."""
    rest = text
    for phrase in question_words(question).own_negations:
        *lead, last = phrase.split()
        # "not healing" repeats "not healed": the same word, another ending.
        # "not controlled" and "not fully controlled" repeat "not well controlled" too.
        middle = r"(?:(?:well|fully|properly|completely|totally|very well|yet|really) )?"
        rest = re.sub(rf"\b{' '.join(lead)} {re.escape(stem(last))}\w*\b", " ", rest)
        if lead and lead[-1] not in ("not", "never"):
            rest = re.sub(rf"\b(?:can )?not {middle}{re.escape(stem(last))}\w*\b", " ", rest)
    if rest == text:
        return None
    if set(rest.split()) & {"no", "not", "never", "nope", "none", "nothing"} or read_polarity(rest).value not in (None, YES):
        return Reading(YES, 0.5)
    return Reading(YES, 0.85)


# "all better now", "fine since": how it ended, not something going on still.
_BETTER_NOW = re.compile(
    r"\b(?:all |fully |completely |much )?(?:better|fine|recovered|well|ok|okay|clear|cleared up|gone|resolved|healed)"
    r" (?:now|since|since then)\b")
_GOING_ON = re.compile(r"\b(?:since|still|now|has been|have been|ongoing|currently|at the moment)\b")


_NOT_ON_THE_LIST = re.compile(r"\b(?:(?:which|that|it) (?:is|are) not|is not|not|nothing(?: else)?|none)"
                              r" (?:\w+ )?(?:on|in|from) (?:the|your|that|this) list\b|\bnone of the (?:others|rest)\b")


_NONE_OF_THE_OTHERS = re.compile(r"\b(?:no|none|nothing) (?:of )?(?:the )?(?:rest|others|other ones|others on the list)"
                                 r"(?: either)?\b")


# "not having any treatment at the moment, last was chemo 6 weeks ago" to "when did you last have any treatment?":
# the negation is about now, and the time is the last one.
_NOTHING_NOW_LAST_THEN = re.compile(r"\b(?:not|no|nothing|none)\b(?: \w+){0,4} (?:at the moment|right now|currently|now)\b"
                                    r".*\blast (?:was|one was|dose was|treatment was|one|dose|treatment)\b")


# Treatment still going on: whatever "nothing now" says, the thing may be active.
_STILL_TREATED = re.compile(r"\bstill (?:treating|being treated|on treatment|under treatment|having treatment|on (?:the )?"
                            r"(?:tablets|pills|medicine|medication|drugs|antibiotics|antivirals))\b")


def _asks_about_now(question: Question) -> bool:
    """"Are you pregnant or breastfeeding?", "... lung inflammation now?": the present, not "have you ever had"."""
    text = normalise(question.text.get("self", ""))
    return bool(re.match(r"(?:are you|is (?:it|she|he)|do you have|does it)\b", text)
                or re.search(r"\b(?:now|right now|currently|at the moment)\b", text)) \
        and not question_words(question).asks_ever


_NO_LONGER_ANSWER = re.compile(r"^(?:no|nope|not|nothing)\b(?: \w+)?(?: not| nothing| none)? (?:now|any ?more|currently|at the moment)$"
                               r"|^(?:no|nope)?\s*(?:not|no longer) (?:any ?more|now|currently)$")


def _no_longer_what_is_asked(text: str, asked: str) -> bool:
    """"no, not now", "not any more": the whole reply says it has ended. "(I) stopped breastfeeding (in June)": what
    stopped is the very word the question asks ("are you ... breastfeeding?"), right after "stopped" (not "stopped
    the heart pills", nor "the wound stopped weeping", a sign the help names, which says nothing of the healing)."""
    if _NO_LONGER_ANSWER.match(text):
        return True
    stopped = re.search(r"\bstopped (\w+)", text)
    return bool(stopped) and stopped.group(1).endswith("ing") and bool(re.search(rf"\b{stopped.group(1)}\b", asked)) \
        and not re.search(r"\b(?:yes|yeah|still|again|but)\b", text)


def _answer_from_window(question: Question, text: str, polarity: Polarity, today: dt.date) -> Optional[Reading]:
    """"Prednisone, but that was two months ago" to "in the last 4 weeks, ...?" is a no; "a urine
    infection 10 days ago" to "in the last 2 weeks, an infection?" is a yes. Only for a reply
    with no negation, one time, and nothing going on still."""
    words = question_words(question)
    if not words.asks_window or polarity.value not in (None, YES) \
            or re.search(r"\b(?:no|not|never|none|nothing|nobody)\b", text):
        return None
    window = read_time(normalise(question.text.get("self", "")), today)
    then = read_time(text, today)
    if window is None or window.days_max is None or then is None or then.several or then.days < 0:
        return None
    if _GOING_ON.search(_BETTER_NOW.sub(" ", text)):
        return None
    if window.days_max == 0 and says_when_it_began(text):
        return None  # "diagnosed with active TB last month" to "active right now?": when it began, not ended
    if then.days_min > window.days_max:
        # "Yes, in 2019" to "in the last 6 months?": the words say yes, the date says no: check.
        return Reading(NO, 0.5 if polarity.value == YES else 0.85, echo=f"not in that time ({then.echo})")
    named = any(names_topic(word, words.topics) for word in text.split())
    if then.days_max is not None and then.days_max <= window.days_max and (named or polarity.value == YES):
        return Reading(YES, 0.85, echo=then.echo)
    return None


def _named_time_outside_window(question: Question, text: str, today: dt.date) -> bool:
    """The reply names one time, and it is before the question's window (of two weeks or more)."""
    if not question_words(question).asks_window:
        return False
    window = read_time(normalise(question.text.get("self", "")), today)
    then = read_time(text, today)
    return bool(window and window.days_max and window.days_max >= 14 and then and not then.several
                and then.days_min > window.days_max)


_UMBRELLA_WINDOW = re.compile(r"\s*(?:in|within|during) the (?:last|past) \w+ (?:days?|weeks?|months?|years?)\b", re.I)


def _since_confidence(question: Question, text: str, today: dt.date) -> float:
    """"A DVT three years ago, but nothing since" is a no to "in the last 6 months", a check to
    "ever", and a check when the DVT itself may be inside the 6 months."""
    words = question_words(question)
    opening = _UMBRELLA_WINDOW.match(question.text.get("self", "")) if words.umbrella else None
    if not (words.asks_window or opening):
        return 0.7
    # An umbrella list asked inside one window ("In the last 4 weeks, have you had any of these?"): the window
    # opens the question and holds for every line, so "IV antibiotics in September, nothing since" is outside it.
    window = read_time(normalise(opening.group(0) if opening else question.text.get("self", "")), today)
    if window is None or window.days_max is None:
        return 1.0  # "since it came back": the question's own event, not a stretch of time
    before, _ = clauses_around_contrast(text)
    then = read_time(before, today)
    if then is not None and then.days_min > window.days_max:
        return 1.0
    return 0.5


_WOMAN = re.compile(r"\b(?:she|her|wife|woman|lady|mum|mom|mother|girlfriend)\b")


def _past_childbearing(question: Question, text: str) -> Optional[str]:
    """"She's 72", "he's 80 and his wife is 78" where the help says "A woman of 60 or older cannot get pregnant,
    so it does not apply": the choice that says it does not apply. Every number named must be that age or
    more, and a woman must be named ("I'm 65" may be a man whose partner is younger)."""
    threshold = re.search(r"\b(?:a woman|women) (?:of|aged|over) (\d{2}) or (?:older|over)\b.*\bnot apply\b", question.help or "", re.I)
    if not threshold or not _WOMAN.search(text) or re.search(r"\b(?:no|not|never|but|pregnant|pill|condoms?)\b", text):
        return None
    ages = [int(n) for n in re.findall(r"\b(\d{1,3})\b", text)]
    if not ages or min(ages) < int(threshold.group(1)) or max(ages) > 110:
        return None
    return next((c.id for c in question.choices if c.polarity is None and "does not apply" in c.synonyms), None)


def _only_no_longer(text: str) -> bool:
    """The reply's only negation is that something stopped ("stopped", "not any more", "no longer")."""
    rest = remove_phrases(as_no_longer(text), _NO_LONGER_NOW + ("used to", "in the past"))
    return not set(rest.split()) & _NEGATIONS and not re.search(r"\b(?:never|nobody|none)\b", rest)


def _negation_about_time(text: str) -> bool:
    """"not since 2019", "none in the last 6 months": the negation is about the time itself."""
    # "for" only with a stretch of time after it: "not for the cancer" is about what, not when.
    return bool(re.search(r"\b(not|none|nothing|no)\s+(?:\w+\s+){0,3}(since|for(?= (?:\d|an? |one |two |three |several |many |some "
                          r"|the (?:last|past) |long|ages|years|months|weeks|days|a while))|in the last|in the past|within)\b", text))


def _plain(value) -> str:
    number = Decimal(value)
    return str(int(number)) if number == number.to_integral_value() else str(number.normalize())
