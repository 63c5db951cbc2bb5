"""The figures of one survey (or one split group): reach by characteristic, and opinions.

Turns the tallies of the survey side into the ``characteristics`` and ``opinions``
of an ``eia.reach/1`` result, using the representation, suppression and crosstab
code of the analysis layer, with the registry's categories and labels.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from eia_app.analysis.baselines import Baseline
from eia_app.analysis.category_counts import CategoryTally, CharacteristicTally
from eia_app.analysis.opinion_stats import crosstab_opinion
from eia_app.analysis.published_figures import characteristic_reach, opinion_crosstab
from eia_app.analysis.representation import Thresholds, analyse_characteristic
from eia_app.analysis.suppression import suppress_opinion, suppress_result
from eia_app.analysis.survey import (
    QuestionMatch,
    SurveyData,
    opinion_columns,
    opinion_crosstab_counts,
    tally_survey,
)
from eia_app.domain.errors import ReachError
from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    OpinionCrosstab,
    Opinions,
    ReachThresholds,
    SplitReach,
    Subject,
)
from eia_app.domain.registry import GroupDefinition, Registry
from eia_app.services.reach_baselines import baseline_shares, compared_tally, population_words

# Names used in the document -> fields of ``Thresholds``.
THRESHOLD_NAMES = {
    "rr_under": "ratio_under",
    "rr_over": "ratio_over",
    "min_gap_pp": "min_gap_pp",
    "require_ci_excludes_population": "require_ci",
    "confidence": "confidence",
    "small_group": "small_group",
}


def _thresholds(values: Mapping[str, Any] | None) -> Thresholds:
    """Build the flagging rule from document names (or ``Thresholds`` field names)."""
    known = {f.name for f in fields(Thresholds)}
    chosen: dict[str, Any] = {}
    for name, value in (values or {}).items():
        field_name = THRESHOLD_NAMES.get(name, name)
        if field_name not in known:
            raise ReachError(f"Threshold '{name}' is not known; use {', '.join(THRESHOLD_NAMES)}.")
        chosen[field_name] = value
    return Thresholds(**chosen)


@dataclass(frozen=True)
class ReachSettings:
    """Everything that decides the figures, shared by the whole survey and its splits.

    Attributes:
        baseline: Population to compare with.
        thresholds: Flagging rule.
        min_count: Suppression threshold.
        assignments: Characteristic -> raw answer -> category id.
        registry: The groups, their categories and labels.
        children_invited: Whether under-16s were invited (age is then compared over all ages).
    """

    baseline: Baseline
    thresholds: Thresholds
    min_count: int
    assignments: Mapping[str, Mapping[str, str]]
    registry: Registry
    children_invited: bool = False

    @classmethod
    def build(
        cls,
        baseline: Baseline,
        assignments: Mapping[str, Mapping[str, str]] | None,
        min_count: int,
        thresholds: Mapping[str, Any] | None,
        registry: Registry,
        children_invited: bool = False,
    ) -> ReachSettings:
        """Validate and gather the settings.

        Args:
            baseline: Baseline chosen with :func:`choose_baseline`.
            assignments: User placements of unrecognised answers.
            min_count: Suppression threshold.
            thresholds: Overrides of the flagging rule.
            registry: The registry the categories and labels come from.
            children_invited: Whether the consultation invited children under 16.

        Returns:
            The settings.
        """
        return cls(
            baseline,
            _thresholds(thresholds),
            min_count,
            dict(assignments or {}),
            registry,
            children_invited,
        )

    def published_thresholds(self) -> ReachThresholds:
        """The flagging rule under the names the document uses."""
        values = {name: getattr(self.thresholds, f) for name, f in THRESHOLD_NAMES.items()}
        floats = {
            k: float(v) for k, v in values.items() if not isinstance(v, bool) and k != "small_group"
        }
        return ReachThresholds.model_validate({**values, **floats})


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


def characteristic_sections(
    tallies: Mapping[str, CharacteristicTally], settings: ReachSettings
) -> dict[str, CharacteristicReach]:
    """Analyse and suppress every tally.

    Args:
        tallies: Characteristic id -> tally, in registry order.
        settings: Baseline, thresholds, suppression and registry.

    Returns:
        Characteristic id -> its ``characteristics`` entry.
    """
    sections = {}
    for cid, whole in tallies.items():
        # A cohort (children with EHC plans) is compared over its own ages, children included.
        cohort = settings.baseline.level == "cohort"
        tally, outside = (whole, ()) if cohort else compared_tally(whole, settings.children_invited)
        shares, universe, notes = baseline_shares(settings.baseline, tally)
        result = analyse_characteristic(
            tally, shares, thresholds=settings.thresholds, universe=universe, notes=notes
        )
        published = suppress_result(result, settings.min_count)
        entry = characteristic_reach(published, settings.registry.label(cid))
        entry = entry.model_copy(
            update={"population": population_words(settings.baseline, entry.universe)}
        )
        sections[cid] = _with_complement(
            entry, _complement(settings.registry, cid), outside, settings.min_count
        )
    return sections


def _complement(registry: Registry, cid: str) -> str | None:
    try:
        return registry.get(cid).complement
    except KeyError:
        return None


def _with_complement(
    entry: CharacteristicReach,
    complement: str | None,
    outside: Sequence[CategoryTally],
    min_count: int,
) -> CharacteristicReach:
    """Mark the registry's complement category, and record answers outside the comparison."""
    categories = tuple(
        c.model_copy(update={"complement": c.id == complement}) for c in entry.categories
    )
    # A small count outside the comparison is withheld like any other (null).
    left_out = tuple(
        CategoryFigures(
            id=t.id,
            label=t.label,
            count=None if 0 < t.count < min_count else t.count,
            share=None,
            ci_low=None,
            ci_high=None,
            suppressed=0 < t.count < min_count,
        )  # fmt: skip
        for t in outside
    )
    return entry.model_copy(update={"categories": categories, "outside_universe": left_out})


def survey_sections(
    survey: SurveyData, matches: Sequence[QuestionMatch], settings: ReachSettings
) -> SplitReach:
    """The figures of one survey or split group: characteristics and opinions.

    Args:
        survey: The survey (or one split group of it).
        matches: Recognised columns (of the whole survey).
        settings: Baseline, thresholds, suppression, assignments and registry.

    Returns:
        The group's respondents, characteristics and opinion crosstabs.
    """
    groups = settings.registry.groups
    tallies = tally_survey(survey, matches, settings.assignments, groups=groups)
    opinions: Opinions = opinion_sections(
        survey,
        matches,
        opinion_columns(matches),
        [settings.registry.get(cid) for cid in tallies],
        settings.min_count,
    )
    sections = characteristic_sections(tallies, settings)
    return SplitReach(
        respondents=survey.respondents,
        characteristics={cid: _about(entry, matches) for cid, entry in sections.items()},
        opinions=opinions,
    )


def _about(entry: CharacteristicReach, matches: Sequence[QuestionMatch]) -> CharacteristicReach:
    """Record whom the counted question asks about (the child, against a cohort)."""
    match = characteristic_match(matches, entry.characteristic)
    first = match[0] if isinstance(match, tuple) else match
    if first is None or first.about != Subject.CHILD:
        return entry
    return entry.model_copy(update={"about": Subject.CHILD})
