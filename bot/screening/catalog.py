"""The trial catalog: the question bank and each trial's criteria, loaded from ``seeds/``.

Loading is strict. A study coordinator edits these files by hand, and a silent
mistake would screen real people against the wrong rule, so every problem stops
the load with a message naming the file, the criterion and what is wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Tuple

import yaml

from bot.screening.answers import NOT_SURE, VOICES, AnswerType, ChecklistItem, Choice, Question
from bot.i18n import LANGUAGES, SOURCE_LANGUAGE
from bot.screening.rules import Rule, RuleError
from bot.screening.seed_translations import (
    MissingTranslation,
    file_languages,
    translate_criterion_texts,
    translate_question,
    translate_trial_texts,
)

QUESTION_BANK_FILE = "questions.yml"
# "How long ago" answers are whole days; a century bounds typing mistakes.
MAX_DAYS_AGO = Decimal(36500)


class CatalogError(ValueError):
    """A seed file that cannot be used."""

    def __init__(self, path: Path, where: Optional[str], problem: str):
        self.path, self.where, self.problem = path, where, problem
        location = f"{path}: {where}" if where else str(path)
        super().__init__(f"{location}: {problem}")


@dataclass(frozen=True)
class Criterion:
    id: str
    kind: str  # "inclusion" or "exclusion"
    source: str  # verbatim text from the listing
    check: str  # "ask" or "study_team"
    explanation: str  # why the trial has this criterion, in plain words
    questions: Tuple[str, ...] = ()
    rule: Optional[Rule] = None
    study_team_reason: Optional[str] = None  # why a patient cannot answer it
    washout: bool = False  # a waiting time: "not yet" rather than "never"


@dataclass(frozen=True)
class Arm:
    name: str
    description: str


@dataclass(frozen=True)
class Trial:
    registry_id: str
    title: str
    short_name: str
    one_line: str  # the plain one-line summary shown when a person picks a study
    summary: str
    sponsor: str
    phase: str
    status: str
    condition: str
    arms: Tuple[Arm, ...]
    minimum_age: int
    maximum_age: Optional[int]
    contact: str
    question_order: Tuple[str, ...]
    criteria: Tuple[Criterion, ...]
    listing_path: Path

    def criterion(self, criterion_id: str) -> Criterion:
        for criterion in self.criteria:
            if criterion.id == criterion_id:
                return criterion
        raise KeyError(criterion_id)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: one catalog per process
class Catalog:
    """The questions and trials in one language; ``in_language`` gives the same catalog in another."""

    questions: Mapping[str, Question]
    trials: Mapping[str, Trial] = field(default_factory=dict)
    language: str = SOURCE_LANGUAGE
    # The same catalog in every language the seed files hold, this one included; one mapping
    # shared by all of them (empty for a catalog built by hand: it speaks only its own language).
    versions: Mapping[str, "Catalog"] = field(default_factory=dict, repr=False)

    @property
    def languages(self) -> Tuple[str, ...]:
        """Every language all seed files hold, the source language first."""
        return tuple(language for language in LANGUAGES if language == self.language or language in self.versions)

    def in_language(self, language: str) -> "Catalog":
        """The same ids, rules and numbers, with every text in ``language``."""
        if language == self.language:
            return self
        try:
            return self.versions[language]
        except KeyError:
            raise KeyError(f"the seed files do not hold language {language!r} (they hold {list(self.languages)})") from None

    def trial(self, registry_id: str) -> Trial:
        try:
            return self.trials[registry_id]
        except KeyError:
            known = ", ".join(sorted(self.trials))
            raise KeyError(f"unknown trial id {registry_id!r} (known: {known})") from None


class _UniqueKeyLoader(yaml.SafeLoader):
    """PyYAML keeps the last of two equal keys silently; a seed file must not."""


def _construct_unique_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode, deep: bool = False) -> Dict:
    seen = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicated key {key!r}", key_node.start_mark
            )
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_unique_mapping)


_ITEM_ID = re.compile(r"^  - id:\s*[\"']?([\w-]+)")


def _enclosing_item(path: Path, line_index: int) -> Optional[str]:
    """The question or criterion around a line of a seed file ("criterion NPC-I02")."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()[: line_index + 1]
    except OSError:
        return None
    for line in reversed(lines):
        match = _ITEM_ID.match(line)
        if match:
            kind = "question" if path.name == QUESTION_BANK_FILE else "criterion"
            return f"{kind} {match.group(1)}"
    return None


def read_yaml(path: Path) -> Any:
    """Read YAML, refusing duplicated keys; problems name the file (and item) and line."""
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except OSError as error:
        raise CatalogError(path, None, f"cannot read file ({error.strerror})") from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = _enclosing_item(path, mark.line) if mark else None
        line = f" (line {mark.line + 1})" if mark else ""
        raise CatalogError(path, where, f"not valid YAML: {error.problem or error.context}{line}") from None
    except (yaml.YAMLError, ValueError, UnicodeDecodeError) as error:
        # PyYAML raises ValueError for impossible dates such as 2026-02-30.
        raise CatalogError(path, None, f"not valid YAML: {' '.join(str(error).split())}") from None


class _Fields:
    """Reads one mapping of a seed file, refusing unknown and missing keys."""

    def __init__(self, path: Path, where: Optional[str], data: Any, allowed: Tuple[str, ...]):
        self.path, self.where = path, where
        if not isinstance(data, dict):
            self.fail(f"expected a mapping, got {type(data).__name__}")
        unknown = sorted(set(map(str, data)) - set(allowed))
        if unknown:
            self.fail(f"unknown key(s) {', '.join(unknown)} (allowed: {', '.join(allowed)})")
        self.data = data

    def fail(self, problem: str):
        raise CatalogError(self.path, self.where, problem)

    def text(self, key: str, required: bool = True) -> Optional[str]:
        value = self.data.get(key)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.fail(f"missing {key}")
            return None
        if not isinstance(value, str):
            self.fail(f"{key} must be text")
        return value

    def number(self, key: str, required: bool = True) -> Optional[Decimal]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing {key}")
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(f"{key} must be a number")
        return Decimal(str(value))

    def items(self, key: str, required: bool = True) -> List[Any]:
        value = self.data.get(key)
        if value is None:
            if required:
                self.fail(f"missing {key}")
            return []
        if not isinstance(value, list):
            self.fail(f"{key} must be a list")
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.fail(f"{key} must be true or false")
        return value


def load_catalog(seeds_dir: Path) -> Catalog:
    """Load the question bank and every ``NCT*.yml`` trial file in ``seeds_dir``."""
    seeds_dir = Path(seeds_dir)
    questions_path = seeds_dir / QUESTION_BANK_FILE
    questions, translated_questions = load_translated_questions(questions_path)
    trials: Dict[str, Trial] = {}
    translated_trials: Dict[str, Dict[str, Trial]] = {}
    for path in sorted(seeds_dir.glob("NCT*.yml")):
        trial, translations = load_translated_trial(path, questions)
        if trial.registry_id in trials:
            raise CatalogError(path, None, f"duplicated trial id {trial.registry_id}")
        trials[trial.registry_id] = trial
        translated_trials[trial.registry_id] = translations
    if not trials:
        raise CatalogError(seeds_dir, None, "no trial files (NCT*.yml) found")
    # A language is spoken only when every seed file holds it.
    complete = [
        language
        for language in translated_questions
        if all(language in translations for translations in translated_trials.values())
    ]
    versions: Dict[str, Catalog] = {}
    source = versions[SOURCE_LANGUAGE] = Catalog(questions=questions, trials=trials, versions=versions)
    for language in complete:
        versions[language] = Catalog(
            questions=translated_questions[language],
            trials={tid: translations[language] for tid, translations in translated_trials.items()},
            language=language,
            versions=versions,
        )
    return source


def load_questions(path: Path) -> Dict[str, Question]:
    return load_translated_questions(path)[0]


def load_translated_questions(path: Path) -> Tuple[Dict[str, Question], Dict[str, Dict[str, Question]]]:
    """The question bank in English, and in each other language the file holds."""
    raw = read_yaml(path)
    top = _Fields(path, None, raw, ("languages", "questions"))
    languages = _languages(path, raw)
    questions: Dict[str, Question] = {}
    translated: Dict[str, Dict[str, Question]] = {language: {} for language in languages}
    for index, data in enumerate(top.items("questions"), start=1):
        question = _question(path, index, data)
        if question.id in questions:
            raise CatalogError(path, f"question {question.id}", "duplicated question id")
        questions[question.id] = question
        for language in languages:
            try:
                translated[language][question.id] = translate_question(
                    question, data.get(language), f"question {question.id}", language
                )
            except MissingTranslation as error:
                raise CatalogError(path, error.where, f"[{language}] {str(error).split('] ', 1)[1]}") from None
    questions = {question_id: _with_follow_up_words(question, questions) for question_id, question in questions.items()}
    return questions, translated


def _with_follow_up_words(question: Question, questions: Mapping[str, Question]) -> Question:
    """An umbrella's checklist lines with their follow-up questions' terms and help (English only)."""
    if not question.checklist:
        return question
    items = []
    for item in question.checklist:
        follow_ups = [questions[q] for q in item.follow_ups if q in questions]
        items.append(replace(
            item,
            terms=tuple(dict.fromkeys(term for follow_up in follow_ups for term in follow_up.terms)),
            help=" ".join(follow_up.help for follow_up in follow_ups),
        ))
    return replace(question, checklist=tuple(items))


def _languages(path: Path, raw: Any) -> Tuple[str, ...]:
    """The languages besides English a seed file holds."""
    try:
        return tuple(language for language in file_languages(raw, path, LANGUAGES) if language != SOURCE_LANGUAGE)
    except MissingTranslation as error:
        raise CatalogError(path, None, str(error).split(": ", 1)[-1]) from None


def _question(path: Path, index: int, data: Any) -> Question:
    where = f"question {data.get('id', f'#{index}') if isinstance(data, dict) else f'#{index}'}"
    fields = _Fields(
        path,
        where,
        data,
        ("id", "type", "text", "help", "terms", "context_terms", "unit", "minimum", "maximum", "choices", "not_sure",
         "umbrella", "checklist", "checklist_window_days") + LANGUAGES[1:],
    )
    question_id = fields.text("id")
    try:
        answer_type = AnswerType(fields.text("type"))
    except ValueError:
        fields.fail(f"unknown type {data['type']!r} (allowed: {', '.join(t.value for t in AnswerType)})")
    texts = _Fields(path, where, data.get("text"), VOICES)
    text = {voice: texts.text(voice) for voice in VOICES}
    choices = tuple(_choice(path, where, item) for item in fields.items("choices", required=False))
    choice_ids = [choice.id for choice in choices]
    if len(set(choice_ids)) != len(choice_ids):
        fields.fail("duplicated choice id")
    if NOT_SURE in choice_ids:
        fields.fail("'not_sure' is added by not_sure: true, not listed as a choice")
    if answer_type is AnswerType.CHOICE and len(choices) < 2:
        fields.fail("a choice question needs at least two choices")
    if answer_type is not AnswerType.CHOICE and choices:
        fields.fail(f"a {answer_type.value} question has no choices")
    minimum = fields.number("minimum", required=answer_type is AnswerType.NUMBER)
    maximum = fields.number("maximum", required=answer_type is AnswerType.NUMBER)
    if answer_type is AnswerType.TIME_SINCE:
        minimum = Decimal(0) if minimum is None else minimum
        maximum = MAX_DAYS_AGO if maximum is None else maximum
    if minimum is not None and maximum is not None and minimum > maximum:
        fields.fail("minimum is greater than maximum")
    not_sure = data.get("not_sure", True)
    if not isinstance(not_sure, bool):
        fields.fail("not_sure must be true or false")
    terms = tuple(str(term) for term in fields.items("terms", required=False))
    context_terms = _words(fields, question_id, "context_terms", "question")
    if context_terms and answer_type is not AnswerType.YES_NO:
        fields.fail("only a yes/no question has context_terms")
    umbrella = fields.flag("umbrella")
    if umbrella and answer_type not in (AnswerType.YES_NO, AnswerType.TIME_SINCE):
        fields.fail("only a yes/no or how-long-ago question can be an umbrella")
    checklist = _checklist(path, where, fields, text, umbrella and answer_type is AnswerType.YES_NO)
    return Question(
        id=question_id,
        type=answer_type,
        text=text,
        help=fields.text("help"),
        terms=terms,
        context_terms=context_terms,
        unit=fields.text("unit", required=answer_type is AnswerType.NUMBER),
        minimum=minimum,
        maximum=maximum,
        choices=choices,
        allows_not_sure=not_sure,
        umbrella=umbrella,
        checklist=checklist,
        checklist_window_days=fields.number("checklist_window_days", required=False),
    )


def _checklist(path: Path, where: str, fields: _Fields, text: Mapping[str, str], allowed: bool) -> Tuple[ChecklistItem, ...]:
    """The umbrella's list as items to tick; each must be, in order, a "- " line of the question's text."""
    entries = fields.items("checklist", required=False)
    if entries and not allowed:
        fields.fail("only a yes/no umbrella question can have a checklist")
    items = []
    for number, entry in enumerate(entries, start=1):
        item = _Fields(path, where, entry, ("item", "follow_ups"))
        follow_ups = tuple(str(q) for q in item.items("follow_ups"))
        if not follow_ups:
            item.fail(f"checklist item {number} has no follow_ups")
        items.append(ChecklistItem(id=f"item{number}", label=item.text("item").strip(), follow_ups=follow_ups))
    if items:
        for voice, words in text.items():
            lines = [line[2:].strip() for line in words.splitlines() if line.startswith("- ")]
            if lines != [item.label for item in items]:
                fields.fail(f"checklist items do not match the list in the {voice} text, line for line")
    return tuple(items)


def _choice(path: Path, where: str, data: Any) -> Choice:
    fields = _Fields(path, where, data, ("id", "label", "synonyms", "examples", "means", "polarity", "years_ago"))
    choice_id = fields.text("id")
    polarity = fields.text("polarity", required=False)
    if polarity not in (None, "yes", "no"):
        fields.fail(f"choice {choice_id}: polarity must be yes or no, not {polarity!r}")
    band = fields.items("years_ago", required=False)
    years_ago = None
    if band:
        if len(band) != 2 or not all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool)) for v in band):
            fields.fail(f"choice {choice_id}: years_ago must be [from, to] in years (to may be null)")
        years_ago = (Decimal(str(band[0])), None if band[1] is None else Decimal(str(band[1])))
    return Choice(
        id=choice_id,
        label=fields.text("label"),
        synonyms=_words(fields, choice_id, "synonyms"),
        examples=_words(fields, choice_id, "examples"),
        means=_words(fields, choice_id, "means"),
        polarity=polarity,
        years_ago=years_ago,
    )


def _words(fields: _Fields, owner_id: str, key: str, owner: str = "choice") -> Tuple[str, ...]:
    """A list of phrases. YAML reads a bare no, yes, on or 5 as a boolean or number; that is refused."""
    words = []
    for item in fields.items(key, required=False):
        if not isinstance(item, str) or not item.strip():
            fields.fail(
                f"{owner} {owner_id}: every item of {key} must be text; {item!r} is not "
                f"(put quotes around it, like \"no\")"
            )
        words.append(item.strip())
    return tuple(words)


_TRIAL_KEYS = (
    "registry_id", "listing", "title", "short_name", "one_line", "summary", "sponsor", "phase", "status",
    "condition", "arms", "minimum_age", "maximum_age", "contact", "question_order", "criteria", "languages",
) + LANGUAGES[1:]
_CRITERION_KEYS = (
    "id", "kind", "source", "check", "questions", "rule", "explanation", "study_team_reason", "washout",
) + LANGUAGES[1:]


def load_translated_trial(path: Path, questions: Mapping[str, Question]) -> Tuple[Trial, Dict[str, Trial]]:
    """A trial in English, and in each other language its file holds (criteria, rules and ids shared)."""
    raw = read_yaml(path)
    trial = _trial(path, raw, questions)
    translations: Dict[str, Trial] = {}
    for language in _languages(path, raw):
        try:
            texts = translate_trial_texts(raw.get(language), "trial", language, len(trial.arms))
            criteria = []
            for criterion, data in zip(trial.criteria, raw["criteria"]):
                words = translate_criterion_texts(
                    data.get(language), f"criterion {criterion.id}", language, criterion.study_team_reason is not None
                )
                criteria.append(replace(criterion, **words))
        except MissingTranslation as error:
            raise CatalogError(path, error.where, f"[{language}] {str(error).split('] ', 1)[1]}") from None
        arms = tuple(Arm(name=name, description=description) for name, description in texts["arms"])
        fields = {key: value for key, value in texts.items() if key != "arms"}
        translations[language] = replace(trial, arms=arms, criteria=tuple(criteria), **fields)
    return trial, translations


def load_trial(path: Path, questions: Mapping[str, Question]) -> Trial:
    return _trial(path, read_yaml(path), questions)


def _trial(path: Path, raw: Any, questions: Mapping[str, Question]) -> Trial:
    fields = _Fields(path, None, raw, _TRIAL_KEYS)
    listing_path = path.parent / fields.text("listing")
    try:
        listing = listing_path.read_text(encoding="utf-8")
    except OSError as error:
        fields.fail(f"cannot read listing {listing_path.name} ({error.strerror})")
    criteria: List[Criterion] = []
    for index, data in enumerate(fields.items("criteria"), start=1):
        criterion = _criterion(path, index, data, questions, listing)
        if any(c.id == criterion.id for c in criteria):
            raise CatalogError(path, f"criterion {criterion.id}", "duplicated criterion id")
        criteria.append(criterion)
    order = tuple(str(q) for q in fields.items("question_order"))
    _check_question_order(fields, order, criteria, questions)
    arms = tuple(
        Arm(name=a.text("name"), description=a.text("description"))
        for a in (_Fields(path, "arms", item, ("name", "description")) for item in fields.items("arms"))
    )
    maximum_age = fields.number("maximum_age", required=False)
    return Trial(
        registry_id=fields.text("registry_id"),
        title=fields.text("title"),
        short_name=fields.text("short_name"),
        one_line=fields.text("one_line"),
        summary=fields.text("summary"),
        sponsor=fields.text("sponsor"),
        phase=fields.text("phase"),
        status=fields.text("status"),
        condition=fields.text("condition"),
        arms=arms,
        minimum_age=int(fields.number("minimum_age")),
        maximum_age=None if maximum_age is None else int(maximum_age),
        contact=fields.text("contact"),
        question_order=order,
        criteria=tuple(criteria),
        listing_path=listing_path,
    )


def _criterion(path: Path, index: int, data: Any, questions: Mapping[str, Question], listing: str) -> Criterion:
    where = f"criterion {data.get('id', f'#{index}') if isinstance(data, dict) else f'#{index}'}"
    fields = _Fields(path, where, data, _CRITERION_KEYS)
    criterion_id = fields.text("id")
    kind = fields.text("kind")
    if kind not in ("inclusion", "exclusion"):
        fields.fail(f"kind must be inclusion or exclusion, not {kind!r}")
    source = fields.text("source")
    if source.strip() not in listing:
        fields.fail("source text is not found word for word in the listing")
    check = fields.text("check")
    used = tuple(str(q) for q in fields.items("questions", required=False))
    for question_id in used:
        if question_id not in questions:
            fields.fail(f"unknown question id {question_id!r}")
    rule_text = fields.text("rule", required=False)
    reason = fields.text("study_team_reason", required=False)
    rule = None
    if check == "ask":
        if rule_text is None or not used:
            fields.fail("a criterion checked by asking needs questions and a rule")
        if reason is not None:
            fields.fail("study_team_reason is only for criteria the study team checks")
        try:
            rule = Rule(rule_text, questions)
        except RuleError as error:
            fields.fail(str(error))
        if set(used) != rule.symbols:
            fields.fail(
                f"questions {sorted(used)} do not match the answers the rule uses {sorted(rule.symbols)}"
            )
    elif check == "study_team":
        if rule_text is not None or used:
            fields.fail("a criterion the study team checks has no questions or rule")
        if reason is None:
            fields.fail("missing study_team_reason (why a patient cannot answer this)")
    else:
        fields.fail(f"check must be ask or study_team, not {check!r}")
    return Criterion(
        id=criterion_id,
        kind=kind,
        source=source.strip(),
        check=check,
        explanation=fields.text("explanation"),
        questions=used,
        rule=rule,
        study_team_reason=reason,
        washout=fields.flag("washout"),
    )


def _check_question_order(
    fields: _Fields, order: Tuple[str, ...], criteria: List[Criterion], questions: Mapping[str, Question]
) -> None:
    for question_id in order:
        if question_id not in questions:
            fields.fail(f"question_order: unknown question id {question_id!r}")
    if len(set(order)) != len(order):
        fields.fail("question_order: a question is listed twice")
    used = {q for criterion in criteria for q in criterion.questions}
    missing = sorted(used - set(order))
    if missing:
        fields.fail(f"question_order: missing {', '.join(missing)}")
    unused = sorted(set(order) - used)
    if unused:
        fields.fail(f"question_order: {', '.join(unused)} not used by any criterion")
    _check_checklists(fields, order, criteria, questions)


def _check_checklists(
    fields: _Fields, order: Tuple[str, ...], criteria: List[Criterion], questions: Mapping[str, Question]
) -> None:
    """A checklist must stand for exactly the follow-ups its umbrella's criteria ask, all asked after it."""
    for question_id in order:
        question = questions[question_id]
        if not question.checklist:
            continue
        listed = {q for item in question.checklist for q in item.follow_ups}
        asked = {q for c in criteria if question_id in c.questions for q in c.questions} - {question_id}
        if listed != asked:
            fields.fail(
                f"checklist of {question_id}: follow-ups {sorted(listed)} do not match "
                f"the questions of its criteria {sorted(asked)}"
            )
        for follow_up in sorted(listed):
            kind = questions[follow_up].type
            if kind is AnswerType.TIME_SINCE and question.checklist_window_days is None:
                fields.fail(f"checklist of {question_id}: {follow_up} needs checklist_window_days")
            if kind not in (AnswerType.YES_NO, AnswerType.TIME_SINCE):
                fields.fail(f"checklist of {question_id}: {follow_up} must be a yes/no or how-long-ago question")
            if order.index(follow_up) < order.index(question_id):
                fields.fail(f"checklist of {question_id}: {follow_up} comes before it in question_order")
