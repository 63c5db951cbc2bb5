"""Parents and carers reported apart from professionals, and the cohort comparison.

A consultation about children's services is answered by parents and carers and by
the professionals who work with the children: their reach and their views can differ,
so each group is analysed on its own when both are large enough to publish. When a
consultation targeted a service cohort (children with EHC plans), the questions about
the child are compared with that cohort, beside the respondents' own questions
compared with the area.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from eia_app.analysis.baselines import Baseline
from eia_app.analysis.survey import QuestionMatch, SurveyData, respondent_type_groups
from eia_app.domain.reach import CohortReach, RespondentGroups, Subject
from eia_app.services.reach_baselines import baseline_section
from eia_app.services.reach_figures import ReachSettings, survey_sections

# The kinds of respondent reported apart (the respondent-type vocabulary's ids), by name.
REPORTED_APART = {"parent_carer": "Parents and carers", "professional": "Professionals"}
_PLURALS = {"parent_carer": "parents and carers", "professional": "professionals"}


def about_respondent(matches: Sequence[QuestionMatch]) -> list[QuestionMatch]:
    """The columns compared with the area: everything but the questions about the child."""
    return [m for m in matches if m.about != Subject.CHILD]


def about_child(matches: Sequence[QuestionMatch]) -> list[QuestionMatch]:
    """The questions about the child, compared with the cohort."""
    return [m for m in matches if m.about == Subject.CHILD]


def _why_not(sizes: dict[str, int], smallest: int) -> str:
    """Say why the groups are not reported apart, without revealing a suppressed count."""
    parts = []
    for kind, count in sizes.items():
        if count == 0:
            parts.append(f"no {_PLURALS[kind]} answered")
        elif count < smallest:
            parts.append(f"fewer than {smallest} {_PLURALS[kind]} answered")
    return (
        "Parents and carers are not reported apart from professionals: "
        + " and ".join(parts)
        + f", and groups under {smallest} cannot be published."
    )


def respondent_groups(
    survey: SurveyData, matches: Sequence[QuestionMatch], settings: ReachSettings
) -> RespondentGroups | None:
    """Parents and carers, and professionals, each analysed on their own.

    Args:
        survey: The survey.
        matches: The columns compared with the area (the respondents' own questions).
        settings: The settings of the whole analysis (the same baseline and rules).

    Returns:
        Both groups' reach figures (no opinion crosstabs) when each has at least
        ``min_count`` respondents (1 with suppression off); otherwise no figures and a
        note saying why; None when no respondent-type question was recognised.
    """
    column = next((m.column for m in matches if m.target == "respondent_type"), None)
    if column is None:
        return None
    parts = respondent_type_groups(survey, column)
    sizes = {kind: parts[kind].respondents if kind in parts else 0 for kind in REPORTED_APART}
    smallest = max(settings.min_count, 1)
    if any(count < smallest for count in sizes.values()):
        return RespondentGroups(column=column, groups={}, note=_why_not(sizes, smallest))
    # Reach only: crossing every opinion question with every characteristic again, for
    # each group, would treble the time of the analysis for figures nobody reads there.
    reach_only = [m for m in matches if m.target != "opinion"]
    groups = {
        name: survey_sections(parts[kind], reach_only, settings)
        for kind, name in REPORTED_APART.items()
    }
    return RespondentGroups(column=column, groups=groups)


def cohort_section(
    survey: SurveyData,
    matches: Sequence[QuestionMatch],
    settings: ReachSettings,
    cohort: Baseline,
) -> CohortReach:
    """The questions about the child, compared with the cohort.

    Args:
        survey: The survey.
        matches: Every recognised column (only those about the child are used).
        settings: The settings of the whole analysis; the cohort replaces the baseline.
        cohort: The cohort baseline, such as children with EHC plans in the area.

    Returns:
        The cohort, the respondents and the children's characteristics.
    """
    child = about_child(matches)
    section = survey_sections(survey, child, replace(settings, baseline=cohort))
    universes = {cid: entry.universe for cid, entry in section.characteristics.items()}
    return CohortReach(
        baseline=baseline_section(cohort, False, universes),
        respondents=survey.respondents,
        characteristics=section.characteristics,
    )


def cohort_note(cohort: CohortReach | None) -> list[str]:
    """Advice for the author when a cohort was given but no question about a child was found."""
    if cohort is None or cohort.characteristics:
        return []
    return [
        f"--cohort: no question about the child was recognised, so nothing is compared with "
        f"{cohort.baseline.label}; say which column asks it with "
        '--map "HEADER=age@child" (or sex@child, race@child).'
    ]
