"""Criterion rules: expressions parsed by ``rule-engine``, evaluated in three values.

A rule is a boolean expression over question ids, true when a person meets the
criterion (for an exclusion: when they do *not* have the excluding condition),
for example ``age >= 18`` or ``lung_screen == "no" or lung_inflammation == "no"``.

``rule-engine`` parses the text, resolves every symbol against the question bank
with its type, and evaluates each comparison. Screening happens on *partial*
answers, so the ``and`` / ``or`` / ``not`` on top are evaluated here in Kleene's
three-valued logic: a comparison whose answer is missing or "not sure" is
undecided, ``False and <undecided>`` is still ``False``, and so on. Alongside the
value, evaluation returns the unanswered questions that could still decide the
rule, which is how the screener avoids asking questions that no longer matter.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Dict, FrozenSet, Iterator, Mapping, Optional, Tuple

import rule_engine
from rule_engine import ast

from bot.screening.answers import NOT_SURE, AnswerType, AnswerValue, Question

_RULE_TYPES = {
    AnswerType.YES_NO: rule_engine.DataType.STRING,
    AnswerType.CHOICE: rule_engine.DataType.STRING,
    AnswerType.NUMBER: rule_engine.DataType.FLOAT,
    AnswerType.TIME_SINCE: rule_engine.DataType.FLOAT,
}


class RuleError(ValueError):
    """A rule that cannot be used; the message names the problem."""


@dataclass(frozen=True)
class Evaluation:
    """``value`` is True, False or None (undecided); ``deciding`` lists the
    unanswered questions whose answers could still settle it."""

    value: Optional[bool]
    deciding: FrozenSet[str] = frozenset()


class Rule:
    def __init__(self, text: str, questions: Mapping[str, Question]):
        self.text = text
        context = rule_engine.Context(
            type_resolver=rule_engine.type_resolver_from_dict(
                {qid: _RULE_TYPES[q.type] for qid, q in questions.items()}
            )
        )
        try:
            self._root = rule_engine.Rule(text, context=context).statement.expression
        except rule_engine.errors.SymbolResolutionError as error:
            raise RuleError(f"rule names unknown answer {error.symbol_name!r}") from None
        except rule_engine.errors.RuleSyntaxError as error:
            raise RuleError(f"rule does not parse ({error.message}): {text!r}") from None
        except rule_engine.errors.EngineError as error:
            raise RuleError(f"rule is not valid ({error.message}): {text!r}") from None
        if self._root.result_type is not rule_engine.DataType.BOOLEAN:
            raise RuleError(f"rule must be a true/false test, such as answer == \"yes\": {text!r}")
        self.symbols: FrozenSet[str] = frozenset(_symbols(self._root))
        self.numbers: Tuple[Decimal, ...] = tuple(sorted(set(_number_literals(self._root))))
        _check_literals(self._root, questions)

    def evaluate(self, known: Mapping[str, AnswerValue], unanswered: FrozenSet[str]) -> Evaluation:
        """``known`` maps question ids to rule values; ids in neither argument
        were answered "not sure"."""
        return _evaluate(self._root, known, unanswered)


def _children(node: ast.ExpressionBase) -> Iterator[ast.ExpressionBase]:
    for name in ("left", "right", "member", "container", "value"):
        child = getattr(node, name, None)
        if isinstance(child, ast.ExpressionBase):
            yield child
        elif isinstance(child, (tuple, list)):
            yield from (item for item in child if isinstance(item, ast.ExpressionBase))


def _walk(node: ast.ExpressionBase) -> Iterator[ast.ExpressionBase]:
    yield node
    for child in _children(node):
        yield from _walk(child)


def _symbols(node: ast.ExpressionBase) -> Iterator[str]:
    return (n.name for n in _walk(node) if isinstance(n, ast.SymbolExpression))


def _number_literals(node: ast.ExpressionBase) -> Iterator[Decimal]:
    return (n.value for n in _walk(node) if isinstance(n, ast.FloatExpression))


def _literals(node: ast.ExpressionBase) -> Iterator[ast.LiteralExpressionBase]:
    if isinstance(node, ast.ArrayExpression):
        for item in node.value:
            yield from _literals(item)
    elif isinstance(node, ast.LiteralExpressionBase):
        yield node


def _compared_pairs(node: ast.ExpressionBase):
    """(symbol, literal side) for every comparison or ``in`` test of one answer."""
    for n in _walk(node):
        if isinstance(n, ast.ContainsExpression):
            pairs = [(n.member, n.container)]
        elif isinstance(n, (ast.ComparisonExpression, ast.ArithmeticComparisonExpression)):
            pairs = [(n.left, n.right), (n.right, n.left)]
        else:
            continue
        for symbol, other in pairs:
            if isinstance(symbol, ast.SymbolExpression):
                yield symbol.name, other


def _check_literals(root: ast.ExpressionBase, questions: Mapping[str, Question]) -> None:
    """Refuse comparisons with values a question can never have (typos, out of range)."""
    for name, other in _compared_pairs(root):
        question = questions[name]
        for literal in _literals(other):
            value = literal.value
            if isinstance(value, str):
                if value == NOT_SURE:
                    raise RuleError(
                        f"rule compares {name} with 'not_sure'; a not-sure answer always makes the criterion unknown"
                    )
                if value not in question.string_values:
                    allowed = ", ".join(question.string_values) or "numbers only"
                    raise RuleError(f"value {value!r} is not an answer to {name} (allowed: {allowed})")
            elif isinstance(value, Decimal):
                if question.type not in (AnswerType.NUMBER, AnswerType.TIME_SINCE):
                    raise RuleError(f"{name} is compared with the number {value}, but its answers are words")
                low, high = question.minimum, question.maximum
                if (low is not None and value < low) or (high is not None and value > high):
                    raise RuleError(f"value {value} is outside the allowed range of {name} ({low} to {high})")


def _evaluate(node: ast.ExpressionBase, known: Mapping[str, AnswerValue], unanswered: FrozenSet[str]) -> Evaluation:
    if isinstance(node, ast.LogicExpression):
        left = _evaluate(node.left, known, unanswered)
        right = _evaluate(node.right, known, unanswered)
        if node.type == "and":
            if left.value is False or right.value is False:
                return Evaluation(False)
            if left.value and right.value:
                return Evaluation(True)
        elif node.type == "or":
            if left.value is True or right.value is True:
                return Evaluation(True)
            if left.value is False and right.value is False:
                return Evaluation(False)
        else:  # pragma: no cover - rule-engine has no other logic operators
            raise RuleError(f"unsupported logic operator {node.type!r}")
        return Evaluation(None, left.deciding | right.deciding)
    if isinstance(node, ast.UnaryExpression) and node.type == "not":
        inner = _evaluate(node.right, known, unanswered)
        return inner if inner.value is None else Evaluation(not inner.value)
    needed = set(_symbols(node))
    missing = needed - known.keys()
    if missing:
        return Evaluation(None, frozenset(missing & unanswered))
    values: Dict[str, AnswerValue] = {name: known[name] for name in needed}
    return Evaluation(bool(node.evaluate(values)))
