"""Opinion questions cross-tabulated by characteristic, suppressed, for ``eia.reach/1``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from eia_app.analysis.opinion_stats import crosstab_opinion
from eia_app.analysis.reach_output import opinion_to_dict
from eia_app.analysis.suppression import suppress_opinion
from eia_app.analysis.survey import QuestionMatch, SurveyData, opinion_crosstab_counts

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
    survey: SurveyData, question: str, match: CharacteristicMatch, min_count: int
) -> dict[str, Any]:
    """One opinion question by one characteristic: counts, test and flags, suppressed.

    Args:
        survey: The survey (or a split group).
        question: Header of the opinion question.
        match: The characteristic's column(s).
        min_count: Suppression threshold.

    Returns:
        The ``opinion_to_dict`` shape: answers, agree_answers, rows, test, notes.
    """
    counts = opinion_crosstab_counts(survey, question, match)
    return opinion_to_dict(suppress_opinion(crosstab_opinion(counts), min_count))


def opinion_sections(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    questions: Sequence[str],
    characteristics: Sequence[str],
    min_count: int,
) -> dict[str, dict[str, Any]]:
    """Every opinion question by every characteristic found.

    Args:
        survey: The survey (or a split group).
        matches: Recognised columns.
        questions: Headers of the opinion questions.
        characteristics: Registry ids of the characteristics tallied.
        min_count: Suppression threshold.

    Returns:
        Opinion header -> characteristic id -> crosstab section.
    """
    sections: dict[str, dict[str, Any]] = {}
    for question in questions:
        by_characteristic = {}
        for cid in characteristics:
            match = characteristic_match(matches, cid)
            if match is not None:
                by_characteristic[cid] = crosstab_section(survey, question, match, min_count)
        sections[question] = by_characteristic
    return sections
