"""Which population a consultation's respondents are compared with, and its shares.

Chooses a baseline from what the user gave (an id, an area name, a council's own
file, or nothing for the default), finds the population shares to compare each
characteristic with, and writes the ``baseline`` section of an ``eia.reach/1`` result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from eia_app.analysis.age_bands import parse_age_id
from eia_app.analysis.baselines import (
    ADULT_AGE,
    DEFAULT_BASELINE_ID,
    Baseline,
    BaselineError,
    BaselineLibrary,
    match_universe,
    regroup_age,
)
from eia_app.analysis.category_counts import CategoryTally, CharacteristicTally
from eia_app.domain.errors import ReachError
from eia_app.domain.reach import ReachBaseline
from eia_app.settings import load_settings

DEFAULT_BASELINE = DEFAULT_BASELINE_ID
ADULT_UNIVERSE = "16+"


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


def choose_baseline(baseline: str | Path | Baseline | None) -> Baseline:
    """Load the baseline named by an id, area code, file path or area name.

    Args:
        baseline: What the user gave; None for the default (Leicestershire, Census 2021).
            A baseline already read (a council's file kept in the library) is used as it is.

    Returns:
        The baseline.

    Raises:
        BaselineError: If nothing matches, several baselines match, or a file is unusable.
    """
    if isinstance(baseline, Baseline):
        return baseline
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


def choose_cohort(cohort: str | Path | Baseline) -> Baseline:
    """Load the service cohort that questions about the child are compared with.

    Args:
        cohort: A cohort baseline id (``ehcp2025-e10000018``), a council's own file
            (a path, or a baseline already read from the library), or a name that
            picks out one cohort (for example "EHC plan Leicestershire").

    Returns:
        The cohort baseline.

    Raises:
        ReachError: If it is not a cohort (an area's Census figures, say).
    """
    chosen = cohort if isinstance(cohort, Baseline) else _load_cohort(cohort)
    if chosen.level not in ("cohort", "custom"):
        raise ReachError(
            f"--cohort: {chosen.id} is {chosen.label}, an area; give the area with --baseline "
            "and a cohort (see `eia baselines EHC`) with --cohort."
        )
    return chosen


def _load_cohort(cohort: str | Path) -> Baseline:
    """Load a cohort by file path, id or a name that picks out one cohort."""
    library = baseline_library()
    if isinstance(cohort, Path) or Path(cohort).is_file():
        return library.load(Path(cohort))
    try:
        chosen = library.load(cohort)
    except BaselineError:
        found = [info for info in library.find(str(cohort)) if info.level == "cohort"]
        if len(found) != 1:
            raise ReachError(
                f"--cohort: '{cohort}' does not pick out one cohort; use an id listed by "
                "`eia baselines EHC`."
            ) from None
        return library.load(found[0].id)
    return chosen


def population_words(baseline: Baseline, universe: str | None) -> str | None:
    """The population a finding cites, naming its area: "Leicestershire's usual residents ...".

    Args:
        baseline: The baseline compared with (its area name is the one source of it).
        universe: The universe of the table used, in words (from the same baseline).

    Returns:
        The words, or None without a population figure.
    """
    if universe is None:
        return None
    area = baseline.area_name.strip()
    return f"{area}'s {universe}" if area else universe


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
    # How the baseline was chosen is for the author (see ``author_note``), not the document.
    return ReachBaseline(
        id=baseline.id,
        label=baseline.label,
        universe=_universe_summary(universes),
        universes=dict(universes),
        default=is_default,
        note=" ".join(baseline.caveats),
        source=baseline.source,
    )


def author_note(baseline: Baseline, is_default: bool) -> str:
    """Say to the author how the baseline was chosen (screen and command output only).

    Args:
        baseline: The baseline used.
        is_default: Whether the user left the choice to the toolkit.

    Returns:
        One sentence.
    """
    if is_default:
        return (
            f"No baseline was chosen, so the default, {baseline.label}, was used; "
            "choose another area with --baseline (see `eia baselines`)."
        )
    return f"Baseline chosen: {baseline.label}."


def _band_ages(band_id: str) -> tuple[int, int | None] | None:
    try:
        band = parse_age_id(band_id)
    except ValueError:
        return None
    return band.low, band.high


def compared_tally(
    tally: CharacteristicTally, children_invited: bool
) -> tuple[CharacteristicTally, tuple[CategoryTally, ...]]:
    """The part of a tally compared with the population, and the answers left out.

    Every characteristic is compared with residents aged 16 and over. For age, bands
    wholly under 16 are therefore left out of the comparison (and reported apart)
    unless the consultation invited children, when age is compared over all ages.

    Args:
        tally: The characteristic's counts.
        children_invited: Whether the consultation invited children under 16.

    Returns:
        (the tally to compare, the categories left out of the comparison).
    """
    if tally.characteristic != "age" or not tally.categories:
        return tally, ()
    ages = {c.id: _band_ages(c.id) for c in tally.categories}
    young = [
        c for c in tally.categories if (a := ages[c.id]) and a[1] is not None and a[1] < ADULT_AGE
    ]
    if children_invited:
        note = (
            "Children under 16 were invited to respond, so age is compared with residents "
            "of all ages, the 0 to 15 population included."
        )
        return replace(tally, notes=(*tally.notes, note)), ()
    if not young:
        return tally, ()
    straddles = any(a and a[0] < ADULT_AGE and (a[1] is None or a[1] >= ADULT_AGE)
                    for a in ages.values())  # fmt: skip
    if straddles:
        return tally, ()
    kept = tuple(c for c in tally.categories if c not in young)
    note = (
        "The consultation did not invite children, so age is compared with residents aged "
        "16 and over, like the other characteristics; answers under 16 are counted apart."
    )
    return replace(tally, categories=kept, notes=(*tally.notes, note)), tuple(young)


def _age_universe_words(universe: str | None, covered: str) -> str:
    """The people an age comparison counts, such as "usual residents aged 16 and over"."""
    if universe == "all usual residents":
        if covered.endswith("+"):
            return f"usual residents aged {covered[:-1]} and over"
        return f"usual residents aged {covered.replace('-', ' to ')}"
    return f"{universe}, ages {covered}"


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
    label = _age_universe_words(baseline.universe_label("age", universe), regrouped.covered)
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
