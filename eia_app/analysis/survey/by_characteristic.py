"""Counting normalised answers into tallies, and the helpers other parts of the engine use."""

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pandas as pd

from eia_app.analysis.category_counts import CategoryTally, CharacteristicTally
from eia_app.analysis.survey.age import Band
from eia_app.analysis.survey.answer_coders import (
    AgeCoder,
    CodedAnswer,
    ColumnCoder,
    TwoPartDisabilityCoder,
)
from eia_app.analysis.survey.model import QuestionMatch, SurveyData
from eia_app.analysis.survey.normalise import SPECIAL_CODES, Question, lookup
from eia_app.analysis.survey.vocabulary import DONT_KNOW, NOT_ANSWERED, PREFER_NOT_TO_SAY
from eia_app.domain.errors import SurveyReadError
from eia_app.domain.registry import GroupDefinition

SELF_IDENTIFIED_NOTE = "self-identified; indicative comparison only"


def _best(
    matches: Sequence[QuestionMatch], target: str, part: str | None = None
) -> QuestionMatch | None:
    found = [m for m in matches if m.target == target and (part is None or m.part == part)]
    return max(found, key=lambda match: match.confidence) if found else None


def build_coder(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    group: GroupDefinition,
    assignments: Mapping[str, str] | None = None,
    age_bands: Sequence[Band] | None = None,
) -> ColumnCoder | None:
    """Build the coder for one characteristic from the best matching column(s).

    Disability uses the two GSS parts together when both were recognised.

    Args:
        survey: The survey.
        matches: Recognised columns.
        group: The registry's definition of the characteristic.
        assignments: Raw answer -> category id chosen by the user.
        age_bands: Bands for raw ages (five-year bands when None).

    Returns:
        The coder, or None when no column asks about the characteristic.
    """
    assigned = dict(assignments or {})
    target = group.id
    if target == "disability":
        condition = _best(matches, target, "condition")
        activity = _best(matches, target, "activity")
        if condition and activity:
            return TwoPartDisabilityCoder(survey, (condition, activity), group, assigned)
    match = _best(matches, target)
    if match is None:
        return None
    if target == "age":
        return AgeCoder(survey, match, group, assigned, age_bands)
    return ColumnCoder(survey, match, group, assigned)


class _Counts:
    """Running totals of outcomes, weighted by how many rows gave each raw answer."""

    def __init__(self) -> None:
        self.categories: Counter[str] = Counter()
        self.detail: Counter[str] = Counter()
        self.special: Counter[str] = Counter()
        self.unrecognised: Counter[str] = Counter()
        self.several = 0

    def add(self, outcome: CodedAnswer, count: int) -> None:
        for category in outcome.categories:
            self.categories[category] += count
        for category in outcome.detail:
            self.detail[category] += count
        if outcome.special:
            self.special[outcome.special] += count
        for raw in outcome.unknown:
            self.unrecognised[raw] += count
        if len(outcome.categories) > 1:
            self.several += count


def _notes(coder: ColumnCoder, match: QuestionMatch | None, totals: _Counts) -> tuple[str, ...]:
    notes = []
    if isinstance(coder, TwoPartDisabilityCoder):
        notes.append("derived from the two GSS questions (Equality Act definition)")
    elif match is not None and match.target == "disability" and match.part == "self":
        notes.append(SELF_IDENTIFIED_NOTE)
    elif match is not None and match.target == "disability":
        notes.append(f"only the {match.part} part of the GSS question was asked; indicative")
    if match is not None and match.target == "sex" and "gender" in match.column.casefold():
        notes.append("the question asked about gender; answers counted as sex")
    if totals.several:
        notes.append(
            f"respondents who chose more than one category are counted in each ({totals.several})"
        )
    if totals.special[DONT_KNOW]:
        notes.append(
            f'"don\'t know" answers are counted as not answered ({totals.special[DONT_KNOW]})'
        )
    return tuple(notes)


def _tally(
    survey: SurveyData, coder: ColumnCoder, match: QuestionMatch | None
) -> CharacteristicTally:
    totals = _Counts()
    for raw, count in survey.counts(*coder.columns).items():
        totals.add(coder.code(raw), int(count))
    categories = tuple(
        CategoryTally(c, coder.label(c), totals.categories[c]) for c in coder.category_ids()
    )
    detail = tuple(
        CategoryTally(c, coder.detail_labels[c], totals.detail[c], parent)
        for c, parent in coder.parents.items()
    )
    return CharacteristicTally(
        characteristic=coder.target,
        question=coder.question_text,
        respondents=survey.respondents,
        categories=categories,
        detail=detail,
        prefer_not_to_say=totals.special[PREFER_NOT_TO_SAY],
        not_answered=totals.special[NOT_ANSWERED] + totals.special[DONT_KNOW],
        unrecognised=dict(totals.unrecognised.most_common()),
        notes=_notes(coder, match, totals),
    )


def tally_survey(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    assignments: Mapping[str, Mapping[str, str]] | None = None,
    age_bands: Sequence[Band] | None = None,
    *,
    groups: Sequence[GroupDefinition],
) -> dict[str, CharacteristicTally]:
    """Count each recognised characteristic's answers by canonical category.

    Only distinct answers are normalised; counts come from one ``value_counts`` per
    column (or one group-by for the two disability parts).

    Args:
        survey: The survey.
        matches: Recognised (and user-checked) columns.
        assignments: Characteristic -> raw answer -> category id, for answers the
            vocabulary cannot place.
        age_bands: Bands for a column of raw ages, as (lowest, highest) with None
            for an open top band, e.g. ``[(0, 17), (18, 64), (65, None)]``; five-year
            bands when None. A survey's own band answers keep their bands.
        groups: The registry's groups, in display order: they give the categories,
            their labels and order, and the detailed categories' broad groups.

    Returns:
        Characteristic id -> tally, in registry order, for the groups asked about.

    Raises:
        SurveyReadError: If an assignment names a category that does not exist.
    """
    check_columns(survey, matches)
    tallies = {}
    for group in groups:
        target = group.id
        coder = build_coder(survey, matches, group, (assignments or {}).get(target), age_bands)
        if coder is not None:
            match = None if isinstance(coder, TwoPartDisabilityCoder) else _best(matches, target)
            tally = _tally(survey, coder, match)
            unused = _unused_columns(matches, target, coder.columns)
            tallies[target] = replace(tally, notes=(*tally.notes, *unused))
    return tallies


def check_columns(survey: SurveyData, matches: Sequence[QuestionMatch]) -> None:
    """Check that every matched column is in the survey (a mapping may be stale).

    Raises:
        SurveyReadError: Naming the file and the first missing column.
    """
    for match in matches:
        if match.target != "none" and match.column not in survey.frame.columns:
            raise SurveyReadError(
                f"{survey.file}: no column called '{match.column}'; recognise the questions "
                "of this file again or fix the saved mapping."
            )


def _unused_columns(
    matches: Sequence[QuestionMatch], target: str, used: Sequence[str]
) -> tuple[str, ...]:
    """Notes naming other columns that looked like the same characteristic."""
    return tuple(
        f"'{match.column}' also looked like this question and was not counted; map it to "
        "'none' or to the right question to silence this note"
        for match in matches
        if match.target == target and match.column not in used
    )


def split_survey(survey: SurveyData, column: str) -> dict[str, SurveyData]:
    """Split a survey into one survey per answer of a column (for --split-by).

    Args:
        survey: The survey.
        column: Column whose answers define the groups; blank rows form the group
            "(no answer)".

    Returns:
        Answer -> survey holding only those rows, in order of first appearance.

    Raises:
        SurveyReadError: If the column does not exist.
    """
    if column not in survey.frame.columns:
        raise SurveyReadError(
            f"{survey.file}: no column called '{column}'; choose one of the survey's headers."
        )
    keys = survey.frame[column].astype(object).fillna("(no answer)")
    parts = {}
    for key, rows in survey.frame.groupby(keys, sort=False):
        parts[str(key)] = SurveyData(
            survey.file,
            survey.layout,
            survey.encoding,
            survey.sheet,
            rows.reset_index(drop=True),
            dict(survey.multi_options),
        )
    return parts


def opinion_columns(matches: Sequence[QuestionMatch]) -> list[str]:
    """Headers of the questions recognised as opinion (agree/disagree, Likert) questions."""
    return [match.column for match in matches if match.target == "opinion"]


def respondent_type_groups(survey: SurveyData, column: str) -> dict[str, SurveyData]:
    """Split a survey by the kind of respondent its respondent-type answers name.

    Answers are placed with the respondent-type vocabulary ("As a parent or carer of a
    child ..." is ``parent_carer``, "As a professional working with ..." is
    ``professional``), so differently worded options of the same kind are counted
    together; answers it cannot place, and blanks, are left out.

    Args:
        survey: The survey.
        column: Header of the respondent-type question.

    Returns:
        Kind (``parent_carer``, ``professional``, ``young_person``, ``organisation``,
        ``other``) -> survey holding only those rows.

    Raises:
        SurveyReadError: If the column does not exist.
    """
    parts = split_survey(survey, column)
    question = Question("respondent_type")
    grouped: dict[str, list[SurveyData]] = {}
    for answer, part in parts.items():
        kind = lookup(answer, question)
        if kind is not None and kind not in SPECIAL_CODES:
            grouped.setdefault(kind, []).append(part)
    return {kind: _joined(survey, found) for kind, found in grouped.items()}


def _joined(survey: SurveyData, parts: Sequence[SurveyData]) -> SurveyData:
    frame = pd.concat([part.frame for part in parts], ignore_index=True)
    return SurveyData(
        survey.file, survey.layout, survey.encoding, survey.sheet, frame, dict(survey.multi_options)
    )
