"""Re-aggregate a baseline's age counts to a survey's age bands.

Age ids are ``N`` (one year), ``LO-HI`` (both ages included) or ``LO+`` (open-ended),
the same ids the survey side gives its bands. A survey band can be formed exactly
when its ends fall on the ends of the baseline's own age groups (single years for
Census TS007, so every band is exact; five-year bands would not give ``16-24``).
Otherwise the nearest band that can be formed is used and reported.

Universe rule: shares are computed only over the ages the survey's bands cover.
A survey whose youngest band starts at 18 is compared with residents aged 18 and
over, so a band's share means "of the people of the ages this survey asked".
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

_BAND = re.compile(r"^\s*(\d{1,3})\s*(?:(-)\s*(\d{1,3})|(\+))?\s*$")


@dataclass(frozen=True, order=True)
class AgeInterval:
    """Ages from ``low`` to ``high`` inclusive; ``high`` None means "and over".

    Attributes:
        low: Youngest age in the interval.
        high: Oldest age, or None when open-ended.
    """

    low: int
    high: int | None

    @property
    def id(self) -> str:
        """The interval as an age id: ``7``, ``18-24`` or ``75+``."""
        if self.high is None:
            return f"{self.low}+"
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


def parse_age_id(age_id: str) -> AgeInterval:
    """Read an age id (``17``, ``18-24``, ``75+``).

    Args:
        age_id: The id to read.

    Returns:
        The interval.

    Raises:
        ValueError: If the id is not one of the three forms.
    """
    match = _BAND.match(age_id)
    if not match:
        raise ValueError(f"Age band {age_id!r} is not of the form 17, 18-24 or 75+")
    low = int(match[1])
    if match[4]:
        return AgeInterval(low, None)
    high = int(match[3]) if match[2] else low
    if high < low:
        raise ValueError(f"Age band {age_id!r} ends before it starts")
    return AgeInterval(low, high)


@dataclass(frozen=True)
class RegroupedBand:
    """One survey band and the baseline ages used for it.

    Attributes:
        requested: The survey's band id, for example ``16-24``.
        formed: The band actually formed from the baseline, for example ``15-24``.
        count: Baseline people in the formed band.
        exact: Whether ``formed`` equals ``requested``.
    """

    requested: str
    formed: str
    count: int
    exact: bool


@dataclass(frozen=True)
class AgeRegrouping:
    """A baseline's age counts put into a survey's bands.

    Attributes:
        bands: One entry per survey band, in the survey's order.
        covered: The ages the survey's bands cover, as an age id (``16+``, ``0-17``).
        granularity: The baseline's own age groups, for example "single years".
    """

    bands: tuple[RegroupedBand, ...]
    covered: str
    granularity: str

    @property
    def counts(self) -> dict[str, int]:
        """Baseline count per survey band id."""
        return {band.requested: band.count for band in self.bands}

    @property
    def shares(self) -> dict[str, float]:
        """Share of each survey band among the people of the covered ages."""
        total = sum(band.count for band in self.bands)
        return {b.requested: (b.count / total if total else 0.0) for b in self.bands}

    @property
    def inexact(self) -> tuple[RegroupedBand, ...]:
        """The bands that could only be approximated."""
        return tuple(band for band in self.bands if not band.exact)

    @property
    def notes(self) -> tuple[str, ...]:
        """One sentence per approximated band, for the report."""
        return tuple(
            f"Age band {b.requested} is outside the baseline's ages; its baseline count is 0."
            if b.formed == "none"
            else f"Age band {b.requested} cannot be formed from the baseline's "
            f"{self.granularity}; the nearest band, {b.formed}, is used."
            for b in self.inexact
        )


def _snap(value: int, candidates: Sequence[int]) -> int:
    """Return the candidate nearest to value (the lower one on a tie)."""
    return min(candidates, key=lambda c: (abs(c - value), c))


def _form(band: AgeInterval, groups: Sequence[AgeInterval]) -> AgeInterval | None:
    """Return the nearest interval made of whole baseline groups (None if outside them)."""
    oldest = groups[-1].high
    if oldest is not None and band.low > oldest:
        return None  # for example 35+ against a cohort aged 0 to 25
    starts = [g.low for g in groups]
    low = _snap(band.low, starts)
    if band.high is None:
        return AgeInterval(low, None)
    closed_ends = [g.high for g in groups if g.high is not None and g.high >= low]
    if not closed_ends:
        return AgeInterval(low, None)
    # An end near or past the oldest closed group means the open-ended group is included.
    high = _snap(band.high, closed_ends)
    if groups[-1].high is None and band.high >= groups[-1].low:
        return AgeInterval(low, None)
    return AgeInterval(low, high)


def _sum(interval: AgeInterval, counts: Mapping[AgeInterval, int]) -> int:
    """Add up the baseline groups inside an interval."""

    def inside(group: AgeInterval) -> bool:
        if group.low < interval.low:
            return False
        if interval.high is None:
            return True
        return group.high is not None and group.high <= interval.high

    return sum(n for group, n in counts.items() if inside(group))


def describe_granularity(groups: Sequence[AgeInterval]) -> str:
    """Say in words how fine a baseline's age groups are."""
    if all(g.high == g.low for g in groups[:-1]):
        return "single years of age"
    return "age groups (" + ", ".join(g.id for g in groups) + ")"


def regroup_counts(counts: Mapping[str, int], bands: Sequence[str]) -> AgeRegrouping:
    """Put age counts keyed by age id into the survey's bands.

    Args:
        counts: Baseline counts by age id (single years or bands, not overlapping).
        bands: The survey's band ids, in display order.

    Returns:
        The regrouping, with the exactness of each band.
    """
    by_interval = {parse_age_id(k): int(v) for k, v in counts.items()}
    groups = sorted(by_interval)
    requested = [parse_age_id(b) for b in bands]
    formed = [_form(band, groups) for band in requested]
    result = tuple(
        RegroupedBand(b, f.id, _sum(f, by_interval), f == r)
        if f is not None
        else RegroupedBand(b, "none", 0, False)
        for b, r, f in zip(bands, requested, formed, strict=True)
    )
    return AgeRegrouping(result, covered_ages(bands), describe_granularity(groups))


def covered_ages(bands: Sequence[str]) -> str:
    """Return the ages a set of survey bands covers, as an age id (``18+``, ``0-17``)."""
    intervals = [parse_age_id(b) for b in bands]
    low = min(i.low for i in intervals)
    highs = [i.high for i in intervals]
    return AgeInterval(low, None if None in highs else max(h for h in highs if h is not None)).id


def youngest_age(bands: Sequence[str]) -> int:
    """Return the youngest age any of the survey's bands includes."""
    return min(parse_age_id(b).low for b in bands)
