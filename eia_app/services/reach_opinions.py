"""Opinion questions cross-tabulated by characteristic, suppressed, for ``eia.reach/1``."""

from __future__ import annotations

from collections.abc import Sequence

from eia_app.analysis.opinion_stats import crosstab_opinion
from eia_app.analysis.reach_output import opinion_crosstab
from eia_app.analysis.suppression import suppress_opinion
from eia_app.analysis.survey import QuestionMatch, SurveyData, opinion_crosstab_counts
from eia_app.domain.reach import OpinionCrosstab, Opinions
from eia_app.domain.registry import GroupDefinition

CharacteristicMatch = QuestionMatch | tuple[QuestionMatch, QuestionMatch]


def characteristic_match(
    matches: Sequence[QuestionMatch], target: str
) -> CharacteristicMatch | None:
    """The column(s) that ask about one characteristic, as the crosstab wants them.

    Args:
        matches: Recognised columns.
        target: Registry id.

    Returns:
        The most confident match; for the two-part GSS disability question the
        (condition, activity) pair; None when no column asks about it.
    """
    found = [m for m in matches if m.target == target]
    if not found:
        return None
    if target == "disability":
        parts = {m.part: m for m in sorted(found, key=lambda m: m.confidence)}
        if "condition" in parts and "activity" in parts:
            return parts["condition"], parts["activity"]
    return max(found, key=lambda m: m.confidence)


def crosstab_section(
    survey: SurveyData,
    question: str,
    match: CharacteristicMatch,
    group: GroupDefinition,
    min_count: int,
) -> OpinionCrosstab:
    """One opinion question by one characteristic: counts, test and flags, suppressed.

    Args:
        survey: The survey (or a split group).
        question: Header of the opinion question.
        match: The characteristic's column(s).
        group: The registry's definition of the characteristic.
        min_count: Suppression threshold.

    Returns:
        Answers, agree answers, rows, test and notes.
    """
    counts = opinion_crosstab_counts(survey, question, match, group=group)
    return opinion_crosstab(suppress_opinion(crosstab_opinion(counts), min_count))


def opinion_sections(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    questions: Sequence[str],
    characteristics: Sequence[GroupDefinition],
    min_count: int,
) -> Opinions:
    """Every opinion question by every characteristic found.

    Args:
        survey: The survey (or a split group).
        matches: Recognised columns.
        questions: Headers of the opinion questions.
        characteristics: The registry groups tallied, in order.
        min_count: Suppression threshold.

    Returns:
        Opinion header -> characteristic id -> crosstab section.
    """
    sections: Opinions = {}
    for question in questions:
        by_characteristic = {}
        for group in characteristics:
            match = characteristic_match(matches, group.id)
            if match is not None:
                by_characteristic[group.id] = crosstab_section(
                    survey, question, match, group, min_count
                )
        sections[question] = by_characteristic
    return sections
