"""Mapping of answers to canonical category ids, one distinct answer at a time.

Also the per-column helpers that recognition and coding share: a column's
separator, its answer mapper and its most common answers.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import pandas as pd

from eia_app.analysis.survey import vocab_race, vocabulary
from eia_app.analysis.survey.model import MERGED_SEPARATOR, SurveyData
from eia_app.analysis.survey.text import fold, key_of, keyed
from eia_app.analysis.survey.vocabulary import DONT_KNOW, NOT_ANSWERED, PREFER_NOT_TO_SAY

_QUALIFIER: Final = re.compile(r"\([^()]*\)")
SPECIAL_CODES: Final = frozenset({PREFER_NOT_TO_SAY, NOT_ANSWERED, DONT_KNOW})

_NON_RESPONSES: Final = keyed(vocabulary.NON_RESPONSES)
_LABELS: Final = {target: keyed(labels) for target, labels in vocabulary.LABELS.items()}
_LABELS["race"] = keyed(vocab_race.RACE_LABELS)
for _part, _labels in vocabulary.DISABILITY_PART_LABELS.items():
    _LABELS[f"disability:{_part}"] = keyed(_labels)
_PREFIXES: Final = {
    target: sorted(keyed(labels).items(), key=lambda item: -len(item[0]))
    for target, labels in vocabulary.PREFIX_LABELS.items()
}
_RACE_PREFIXES: Final = sorted(
    keyed(vocab_race.RACE_PREFIXES).items(), key=lambda item: -len(item[0])
)
_RACE_GROUP_LABELS: Final = {
    group: keyed(labels) for group, labels in vocab_race.RACE_GROUP_LABELS.items()
}
_RESPONDENT_KEYWORDS: Final = tuple(
    (key_of(word), category) for word, category in vocabulary.RESPONDENT_KEYWORDS
)


@dataclass(frozen=True)
class Question:
    """What a column asks, as far as normalisation needs to know.

    Attributes:
        target: Registry id, or ``respondent_type``.
        part: Disability part (``condition``, ``activity``, ``self``) or None.
        reversed: "Yes" means "different from the sex at birth".
    """

    target: str
    part: str | None = None
    reversed: bool = False

    @property
    def vocabulary_id(self) -> str:
        """Key of this question's vocabulary: the target, with the part if any."""
        return f"{self.target}:{self.part}" if self.part else self.target


def _by_prefix(key: str, table: list[tuple[str, str]]) -> str | None:
    for prefix, category in table:
        if key == prefix or key.startswith(prefix + " "):
            return category
    return None


def _race_code(key: str) -> str | None:
    labels = _LABELS["race"]
    if key in labels:
        return labels[key]
    for prefix, group in _RACE_PREFIXES:
        if key.startswith(prefix + " "):
            rest = key[len(prefix) + 1 :]
            code = _RACE_GROUP_LABELS[group].get(rest) or labels.get(rest)
            if code:
                return code
    return _by_prefix(key, _PREFIXES["race"])


def _yes_no(key: str, question: Question) -> str | None:
    table = vocabulary.YES_NO.get(question.vocabulary_id)
    first = key.split(" ", 1)[0] if key else ""
    if table is None or first not in table:
        return None
    code = table[first]
    return vocabulary.REVERSED_YES_NO.get(code, code) if question.reversed else code


def _respondent_type(key: str) -> str | None:
    padded = f" {key} "
    found = [
        (padded.find(f" {word} "), -len(word), category)
        for word, category in _RESPONDENT_KEYWORDS
        if f" {word} " in padded
    ]
    return min(found)[2] if found else None


@lru_cache(maxsize=1 << 16)
def lookup(answer: str, question: Question) -> str | None:
    """Return the code of one whole answer, or None if it cannot be placed.

    Args:
        answer: Raw answer text (one option, not a joined multi-select cell).
        question: What the column asks.

    Returns:
        A category id, an intermediate code of a disability part, one of
        ``SPECIAL_CODES``, or None.
    """
    code = _lookup_key(key_of(answer), question)
    if code is None and "(" in answer:
        # Forms add qualifiers such as "Christianity (all denominations)" or
        # "Other (not listed)"; the answer without them is often a known label.
        code = _lookup_key(key_of(_QUALIFIER.sub(" ", answer)), question)
    return code


def _lookup_key(key: str, question: Question) -> str | None:
    if key in _NON_RESPONSES:
        return _NON_RESPONSES[key]
    if question.target == "race":
        return _race_code(key)
    if question.target == "respondent_type":
        return _respondent_type(key)
    code = _LABELS.get(question.vocabulary_id, {}).get(key)
    if code is None:
        code = _by_prefix(key, _PREFIXES.get(question.target, []))
    return code if code is not None else _yes_no(key, question)


def _split(cell: str, separator: str, is_known: Callable[[str], bool]) -> list[str]:
    """Split a joined cell into options, trying the longest run of pieces first.

    "English, Welsh, Scottish, Northern Irish or British, Irish" split on ", " gives
    two options, because the first five pieces together form a known label.
    """
    pieces = [piece.strip() for piece in cell.split(separator.strip())]
    pieces = [piece for piece in pieces if piece]
    glue = separator if separator.strip() == separator else separator.strip() + " "
    options: list[str] = []
    start = 0
    while start < len(pieces):
        end = len(pieces)
        while end > start + 1 and not is_known(glue.join(pieces[start:end])):
            end -= 1
        options.append(glue.join(pieces[start:end]))
        start = end
    return options


class AnswerMapper:
    """Codes the distinct answers of one column, remembering each option it has seen."""

    def __init__(
        self,
        question: Question,
        separator: str | None = None,
        options: Iterable[str] = (),
        assignments: Mapping[str, str] | None = None,
    ) -> None:
        """Prepare a mapper.

        Args:
            question: What the column asks.
            separator: How several options are joined in one cell, if they may be.
            options: Known options of a multi-select question.
            assignments: Raw answer -> category id chosen by the user; these win.
        """
        self.question = question
        self.separator = separator
        self.options = frozenset(fold(option) for option in options)
        self.assignments = {key_of(raw): code for raw, code in (assignments or {}).items()}
        self._cache: dict[str, str | None] = {}

    def code(self, answer: str) -> str | None:
        """Return the code of one option (assignments first), or None."""
        if answer not in self._cache:
            key = key_of(answer)
            if key in self.assignments:
                self._cache[answer] = self.assignments[key]
            else:
                self._cache[answer] = lookup(answer, self.question)
        return self._cache[answer]

    def is_known(self, option: str) -> bool:
        """Tell whether a piece of a cell is a listed option or can be coded."""
        return fold(option) in self.options or self.code(option) is not None

    def map_cell(self, cell: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Code one cell, splitting a multi-select answer by known options.

        Args:
            cell: Raw cell text.

        Returns:
            (codes, unrecognised pieces); both empty only for a blank cell.
        """
        whole = self.code(cell)
        if whole is not None:
            return (whole,), ()
        if not fold(cell):
            return (NOT_ANSWERED,), ()
        if not self.separator or self.separator.strip() not in cell:
            return (), (cell,)
        pieces = _split(cell, self.separator, self.is_known)
        codes = tuple(dict.fromkeys(c for c in map(self.code, pieces) if c is not None))
        unknown = tuple(piece for piece in pieces if self.code(piece) is None)
        return codes, unknown


# Cap on the distinct answers looked at when weighing evidence (free-text columns can
# have one distinct answer per respondent; the most common answers are enough).
EVIDENCE_SAMPLE = 300


def separator_for(survey: SurveyData, column: str) -> str | None:
    """How options are joined in the cells of a column, if they may be joined.

    Args:
        survey: The survey.
        column: Column name.

    Returns:
        The separator, or None for a single-answer column.
    """
    if column in survey.multi_options and survey.layout in ("surveymonkey", "smartsurvey"):
        return MERGED_SEPARATOR
    return survey.separator


def mapper_for(
    survey: SurveyData,
    column: str,
    question: Question,
    assignments: Mapping[str, str] | None = None,
) -> AnswerMapper:
    """Build the answer mapper for one column.

    Args:
        survey: The survey.
        column: Column name.
        question: What the column asks.
        assignments: Raw answer -> category id chosen by the user.

    Returns:
        A mapper that knows the column's separator and options.
    """
    return AnswerMapper(
        question,
        separator=separator_for(survey, column),
        options=survey.multi_options.get(column, ()),
        assignments=assignments,
    )


Answers = list[tuple[str, int]]


def top_answers(counts: pd.Series, limit: int = EVIDENCE_SAMPLE) -> Answers:
    """The most common non-blank answers, with their counts, as plain Python values.

    Args:
        counts: Counts by raw answer.
        limit: How many distinct answers to keep.

    Returns:
        At most ``limit`` (answer, count) pairs.
    """
    answered = counts[counts.index.notna()]
    if len(answered) > limit:
        answered = answered.nlargest(limit)
    return [(str(answer), int(count)) for answer, count in answered.items()]
