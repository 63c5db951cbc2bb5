"""Reach statistics for one survey (or one split group): baseline choice, results, crosstabs.

Turns the tallies of the survey side into the ``characteristics`` and
``opinions`` sections of an ``eia.reach/1`` document, using the representation
and suppression code of the analysis layer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from eia_app.analysis.baselines import (
    DEFAULT_BASELINE_ID,
    Baseline,
    BaselineError,
    BaselineLibrary,
    match_universe,
    regroup_age,
)
from eia_app.analysis.reach_output import characteristic_reach
from eia_app.analysis.representation import Thresholds, analyse_characteristic
from eia_app.analysis.suppression import suppress_result
from eia_app.analysis.survey import QuestionMatch, SurveyData, opinion_columns, tally_survey
from eia_app.analysis.tally import CharacteristicTally
from eia_app.domain.errors import EIAError
from eia_app.domain.reach import (
    CharacteristicReach,
    Opinions,
    ReachBaseline,
    ReachThresholds,
    SplitReach,
)
from eia_app.domain.registry import Registry
from eia_app.services.reach_opinions import opinion_sections
from eia_app.settings import load_settings

DEFAULT_BASELINE = DEFAULT_BASELINE_ID
ADULT_UNIVERSE = "16+"
# Names used in the document -> fields of ``Thresholds``.
THRESHOLD_NAMES = {
    "rr_under": "ratio_under",
    "rr_over": "ratio_over",
    "min_gap_pp": "min_gap_pp",
    "require_ci_excludes_population": "require_ci",
    "confidence": "confidence",
}


class ReachError(EIAError):
    """A reach option (baseline, column, assignment, threshold) cannot be used.

    The message is one line naming the option and the file or value at fault.
    """


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
    """

    baseline: Baseline
    thresholds: Thresholds
    min_count: int
    assignments: Mapping[str, Mapping[str, str]]
    registry: Registry

    @classmethod
    def build(
        cls,
        baseline: Baseline,
        assignments: Mapping[str, Mapping[str, str]] | None,
        min_count: int,
        thresholds: Mapping[str, Any] | None,
        registry: Registry,
    ) -> ReachSettings:
        """Validate and gather the settings.

        Args:
            baseline: Baseline chosen with :func:`choose_baseline`.
            assignments: User placements of unrecognised answers.
            min_count: Suppression threshold.
            thresholds: Overrides of the flagging rule.
            registry: The registry the categories and labels come from.

        Returns:
            The settings.
        """
        return cls(
            baseline, _thresholds(thresholds), min_count, dict(assignments or {}), registry
        )

    def published_thresholds(self) -> ReachThresholds:
        """The flagging rule under the names the document uses."""
        values = {name: getattr(self.thresholds, f) for name, f in THRESHOLD_NAMES.items()}
        floats = {k: float(v) for k, v in values.items() if not isinstance(v, bool)}
        return ReachThresholds.model_validate({**values, **floats})


def baseline_library() -> BaselineLibrary:
    """The baselines of the ``baselines_dir`` setting (``EIA_BASELINES_DIR``)."""
    return BaselineLibrary(load_settings().baselines_dir)


def _search(library: BaselineLibrary, query: str) -> Baseline:
    """Load the one shipped baseline a name search points to."""
    everything = library.find(query)
    found = [info for info in everything if info.level != "cohort"] or everything
    exact = [info for info in found if info.area_name.casefold() == query.strip().casefold()]
    if len(exact) == 1 or len(found) == 1:
        return library.load((exact or found)[0].id)
    if not found:
        raise ReachError(
            f"--baseline: no baseline matches '{query}'; run `eia baselines` to list them."
        )
    listed = ", ".join(f"{info.id} ({info.area_name})" for info in found[:4])
    raise ReachError(f"--baseline: '{query}' matches several baselines ({listed}); use an id.")


def choose_baseline(baseline: str | Path | None) -> Baseline:
    """Load the baseline named by an id, area code, file path or area name.

    Args:
        baseline: What the user gave; None for the default (Leicestershire, Census 2021).

    Returns:
        The baseline.

    Raises:
        BaselineError: If nothing matches, several baselines match, or a file is unusable.
    """
    library = baseline_library()
    if baseline is None:
        return library.load(DEFAULT_BASELINE_ID)
    if isinstance(baseline, Path) or Path(baseline).is_file():
        return library.load(Path(baseline))
    try:
        return library.load(baseline)
    except BaselineError:
        if str(baseline).lower().endswith(".csv"):
            raise
    return _search(library, str(baseline))


def _universe_summary(universes: Mapping[str, str | None]) -> str:
    """The universes used, in words: the commonest first, then exceptions by characteristic."""
    used = [u for u in universes.values() if u]
    if not used:
        return "no characteristic compared"
    main = max(dict.fromkeys(used), key=used.count)
    others = [f"{cid}: {u}" for cid, u in universes.items() if u and u != main]
    return main + (f" ({'; '.join(others)})" if others else "")


def baseline_section(
    baseline: Baseline, is_default: bool, universes: Mapping[str, str | None]
) -> ReachBaseline:
    """The ``baseline`` section of the document.

    Args:
        baseline: The baseline used.
        is_default: Whether the user left the choice to the toolkit.
        universes: Universe (in words) used for each characteristic analysed.

    Returns:
        Id, label, universe in words, universes by characteristic, default flag and note.
    """
    how = (
        f"No baseline was chosen, so the default, {baseline.label}, was used."
        if is_default
        else f"Baseline chosen: {baseline.label}."
    )
    return ReachBaseline(
        id=baseline.id,
        label=baseline.label,
        universe=_universe_summary(universes),
        universes=dict(universes),
        default=is_default,
        note=" ".join([how, *baseline.caveats]),
        source=baseline.source,
    )


def _age_shares(
    baseline: Baseline, tally: CharacteristicTally
) -> tuple[dict[str, float] | None, str | None, tuple[str, ...]]:
    """Baseline shares of the survey's own age bands, over the ages the bands cover."""
    bands = [category.id for category in tally.categories]
    if baseline.table("age") is None or not bands:
        return None, None, ()
    try:
        regrouped = regroup_age(baseline, bands)
    except (BaselineError, ValueError):
        return None, None, ("The age answers are not bands the baseline can be grouped into.",)
    universe = match_universe(bands)
    label = f"{baseline.universe_label('age', universe)}, ages {regrouped.covered}"
    return regrouped.shares, label, regrouped.notes


def baseline_shares(
    baseline: Baseline, tally: CharacteristicTally
) -> tuple[dict[str, float] | None, str | None, tuple[str, ...]]:
    """Population shares to compare one tally with, the universe in words, and notes.

    Age is compared with the ages the survey's bands cover (all ages when there is
    an under-16 band); every other characteristic with residents aged 16 and over
    where the baseline has such a table, since the monitoring questions (sexual
    orientation and gender identity in particular) are asked of adults.

    Args:
        baseline: The baseline.
        tally: The characteristic's counts.

    Returns:
        (shares by category id or None, universe in words or None, notes).
    """
    if tally.characteristic == "age":
        return _age_shares(baseline, tally)
    ids = [c.id for c in (*tally.categories, *tally.detail)]
    shares = baseline.shares(tally.characteristic, ids, universe=ADULT_UNIVERSE)
    if shares is None:
        return None, None, ()
    return shares, baseline.universe_label(tally.characteristic, ADULT_UNIVERSE), ()


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
    for cid, tally in tallies.items():
        shares, universe, notes = baseline_shares(settings.baseline, tally)
        result = analyse_characteristic(
            tally, shares, thresholds=settings.thresholds, universe=universe, notes=notes
        )
        published = suppress_result(result, settings.min_count)
        sections[cid] = characteristic_reach(published, settings.registry.label(cid))
    return sections


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
    return SplitReach(
        respondents=survey.respondents,
        characteristics=characteristic_sections(tallies, settings),
        opinions=opinions,
    )


def baseline_rows(query: str | None = None) -> list[dict[str, str]]:
    """Shipped baselines for ``eia baselines``: id, label and tables with universes.

    Args:
        query: Words to search for in ids, area codes and names; None lists all.

    Returns:
        One row per baseline, in catalogue order (or best match first).
    """
    library = baseline_library()
    infos = library.catalogue() if not query else library.find(query)
    return [
        {
            "id": info.id,
            "label": info.label,
            "tables": ", ".join(f"{c}@{u}" for c, u in info.tables),
        }
        for info in infos
    ]
