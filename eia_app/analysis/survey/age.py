"""Age answers: the survey's own bands, or raw ages put into bands.

Band ids are ``LO-HI`` (both ages included) or ``LO+``; "Under 18" is ``0-17``.

Convention for "Over N": it means ``N+`` unless another band of the same question
ends at N ("65-75" next to "Over 75"), in which case it means ``(N+1)+``. Forms that
offer "65-74" and "Over 75" mean 75 and over; the literal reading would leave
75-year-olds with no band.
"""

import re
from collections.abc import Iterable
from typing import Final

from eia_app.analysis.survey.text import fold

Band = tuple[int, int | None]

_AGED: Final = r"(?:aged\s+|age\s+)?"
_YEARS: Final = r"(?:\s*(?:years?|yrs?)(?:\s+old)?)?"
_RANGE: Final = re.compile(rf"^{_AGED}(\d{{1,3}})\s*(?:-|to|–)\s*(\d{{1,3}}){_YEARS}$")
_UNDER: Final = re.compile(
    rf"^{_AGED}(?:under|less than|below|younger than)\s+(\d{{1,3}}){_YEARS}$"
)
_AND_UNDER: Final = re.compile(rf"^{_AGED}(\d{{1,3}}){_YEARS}\s*(?:and|or)\s+(?:under|younger)$")
_AND_OVER: Final = re.compile(
    rf"^{_AGED}(\d{{1,3}}){_YEARS}\s*(?:\+|plus|(?:and|or)\s+(?:over|older|above|more))$"
)
_OVER: Final = re.compile(rf"^{_AGED}(?:over|older than|more than|above)\s+(\d{{1,3}}){_YEARS}$")
_NUMBER: Final = re.compile(r"^(\d{1,3})(?:\.0+)?$")
FIVE_YEAR_BANDS: Final[tuple[Band, ...]] = (
    *((lo, lo + 4) for lo in range(0, 85, 5)),
    (85, None),
)
MAX_AGE: Final = 120


def band_id(band: Band) -> str:
    """Return the id of a band: ``LO-HI`` or ``LO+``."""
    low, high = band
    return f"{low}+" if high is None else f"{low}-{high}"


def band_label(band: Band) -> str:
    """Return a label for a band, such as "18 to 24", "Under 18" or "75 and over"."""
    low, high = band
    if high is None:
        return f"{low} and over"
    if low == 0:
        return f"Under {high + 1}"
    return f"{low} to {high}"


def parse_band(answer: str) -> tuple[str, Band] | None:
    """Read one age answer.

    Args:
        answer: Raw answer text.

    Returns:
        ("band", band) for a band, ("over", (N, None)) for "Over N" (resolved later),
        ("age", (N, N)) for a single age, or None if the text is not an age.
    """
    text = fold(answer)
    if match := _RANGE.match(text):
        low, high = int(match[1]), int(match[2])
        return ("band", (low, high)) if low <= high else None
    if match := _UNDER.match(text):
        return "band", (0, int(match[1]) - 1)
    if match := _AND_UNDER.match(text):
        return "band", (0, int(match[1]))
    if match := _AND_OVER.match(text):
        return "band", (int(match[1]), None)
    if match := _OVER.match(text):
        return "over", (int(match[1]), None)
    if (match := _NUMBER.match(text)) and int(match[1]) <= MAX_AGE:
        return "age", (int(match[1]), int(match[1]))
    return None


def _place_age(age: int, bands: Iterable[Band]) -> Band | None:
    for low, high in bands:
        if low <= age and (high is None or age <= high):
            return (low, high)
    return None


def age_bands(answers: Iterable[str], bands: Iterable[Band] | None = None) -> dict[str, Band]:
    """Place each distinct age answer in a band.

    Band answers keep their own band; "Over N" follows the module convention; single
    ages go into ``bands`` when given, else into the survey's own bands when one
    holds them, else into five-year bands (0-4 ... 80-84, 85+).

    Args:
        answers: Distinct raw answers of one age question.
        bands: Bands to put single ages into, if the caller wants particular ones.

    Returns:
        Answer -> band, for every answer that is an age; other answers are left out.
    """
    parsed = {answer: parse_band(answer) for answer in answers}
    own = {found[1] for found in parsed.values() if found is not None and found[0] == "band"}
    upper_ends = {high for _, high in own if high is not None}
    placing = tuple(bands) if bands is not None else None
    result: dict[str, Band] = {}
    for answer, kind_band in parsed.items():
        if kind_band is None:
            continue
        kind, band = kind_band
        if kind == "band":
            result[answer] = band
        elif kind == "over":
            low = band[0] + 1 if band[0] in upper_ends else band[0]
            result[answer] = (low, None)
        else:
            placed = _place_age(band[0], placing or sorted(own)) or _place_age(
                band[0], FIVE_YEAR_BANDS
            )
            if placed is not None:
                result[answer] = placed
    return result


def ordered_bands(bands: Iterable[Band], filled: bool = False) -> list[Band]:
    """Order bands by their lower age; optionally fill gaps with five-year bands.

    Args:
        bands: Bands seen.
        filled: When the bands are five-year bands of raw ages, add the empty
            five-year bands between the youngest and the oldest seen.

    Returns:
        Bands sorted by lower age (ties by upper age).
    """
    unique = set(bands)
    if filled and unique and unique <= set(FIVE_YEAR_BANDS):
        lows = [low for low, _ in unique]
        unique = {band for band in FIVE_YEAR_BANDS if min(lows) <= band[0] <= max(lows)}
    return sorted(unique, key=lambda band: (band[0], band[1] if band[1] is not None else 999))
