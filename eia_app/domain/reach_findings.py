"""Reach findings in plain words: one wording for the document, the terminal and the app.

A finding names a group whose share of respondents differs materially from its
share of the population it is compared with (see ``ReachThresholds``). Findings are
written for a lay reader: "likely range" rather than a confidence level, "27
percentage points below" rather than a signed gap, "about 1 in 3" rather than a
percentage of a percentage, and never a test statistic (those are in the methods).
The complement of a protected group (such as "Not a carer") is never named.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from eia_app.domain.reach import (
    CategoryFigures,
    CharacteristicReach,
    RepresentationFlag,
    Subject,
)

MAX_NAMED = 5  # groups named in one sentence; the rest are counted ("and 3 more")
NO_COMPARISON = "No comparison"


def _number(value: float, places: int = 1) -> str:
    """A number with at most ``places`` decimals and no trailing ".0"."""
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def percent(share: float | None) -> str:
    """A share from 0 to 1 as a percentage, such as "7.9%"."""
    return "no figure" if share is None else f"{_number(100 * share)}%"


def gap_words(gap_pp: float) -> str:
    """A gap in percentage points in words, such as "4.8 percentage points below"."""
    if abs(gap_pp) < 0.05:
        return "the same as"
    side = "below" if gap_pp < 0 else "above"
    return f"{_number(abs(gap_pp))} percentage points {side}"


def range_words(low: float | None, high: float | None) -> str:
    """The likely range of a share, such as "likely range 2.3% to 4.2%"."""
    if low is None or high is None:
        return ""
    return f"likely range {percent(low)} to {percent(high)}"


def one_in(share: float) -> str:
    """A share as a plain proportion: "about 1 in 3", "about 4 in 5", "none", "all"."""
    if share <= 0:
        return "none"
    if share >= 1:
        return "all"
    if share <= 0.5:
        return f"about 1 in {round(1 / share)}"
    tenths = round(share * 10)
    if tenths == 5:
        return "about 1 in 2"  # just over a half reads as a half, not "5 in 10"
    return "about 9 in 10" if tenths >= 10 else f"about {tenths} in 10"


@dataclass(frozen=True)
class Finding:
    """One group named as under- or over-represented, with its figures.

    Attributes:
        characteristic: The characteristic's name, such as "Ethnic group".
        category: The group's figures.
        compared_with: The population compared with, in words, naming its area.
        characteristic_id: The characteristic's registry id.
        about: Whom the question asked about: the respondents, or their children.
    """

    characteristic: str
    category: CategoryFigures
    compared_with: str
    characteristic_id: str = ""
    about: Subject = Subject.RESPONDENT

    @property
    def flag(self) -> RepresentationFlag:
        """Under or over (a finding always has one)."""
        return self.category.flag or RepresentationFlag.UNDER

    @property
    def size(self) -> float:
        """How far from the population share, in percentage points."""
        return abs(self.category.gap_pp or 0.0)

    def words(self) -> str:
        """The group and its numbers, such as "Asian (3.1% of respondents ... below)"."""
        c = self.category
        gap = f", {gap_words(c.gap_pp)}" if c.gap_pp is not None else ""
        # An age band alone ("75 and over") does not read as a group of people.
        people = "Children and young people" if self.about is Subject.CHILD else "People"
        label = (
            f"{people} aged {c.label[:1].lower()}{c.label[1:]}"
            if self.characteristic_id == "age"
            else c.label
        )
        return (
            f"{label} ({percent(c.share)} of {self.about.counted} against "
            f"{percent(c.baseline_share)} of {self.compared_with}{gap})"
        )


def findings(
    characteristics: Iterable[CharacteristicReach], flag: RepresentationFlag | None = None
) -> list[Finding]:
    """Every finding of a set of characteristics, largest gap first.

    Args:
        characteristics: Entries of a reach result.
        flag: Only under- (or only over-) representation; None for both.

    Returns:
        The findings, never a complement, a withheld row or one without a population
        figure: the largest gap of each characteristic first, largest first, then the
        others by size, so that one characteristic's many bands (age) do not crowd
        the others out of a five-group sentence.
    """
    found = [
        Finding(
            block.label,
            c,
            block.population or block.universe or "the population",
            block.characteristic,
            block.about,
        )
        for block in characteristics
        for c in block.categories
        if c.finding is not None
        and c.baseline_share is not None
        and (flag is None or c.finding is flag)
    ]
    ranked = sorted(found, key=lambda f: -f.size)
    first: dict[str, Finding] = {}
    for finding in ranked:
        first.setdefault(finding.characteristic, finding)
    leaders = list(first.values())
    return leaders + [f for f in ranked if f not in leaders]


def named_list(items: Sequence[str], more: int, where: str) -> str:
    """Join names with commas and "and", adding "and N more WHERE" when some are left out."""
    if more:
        return ", ".join(items) + f" and {more} more {where}"
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def findings_sentence(
    found: Sequence[Finding],
    flag: RepresentationFlag,
    *,
    limit: int = MAX_NAMED,
    where: str = "in the appendix",
) -> str:
    """A sentence naming at most ``limit`` groups, largest gap first, each with its numbers.

    Args:
        found: Findings (of one flag), largest first.
        flag: Which flag the sentence is about.
        limit: Most groups to name.
        where: Where the others are, for "and N more in the appendix".

    Returns:
        The sentence, or "" when there is no finding.
    """
    chosen = [f for f in found if f.flag is flag]
    if not chosen:
        return ""
    names = [f.words() for f in chosen[:limit]]
    more = len(chosen) - len(names)
    return f"{flag.words.capitalize()}: {named_list(names, more, where)}."


def flag_sentence(result: CharacteristicReach) -> str:
    """The finding of one characteristic: at most five groups, each with its numbers."""
    found = findings([result])
    sentences = [
        findings_sentence(found, flag, where="in the table") for flag in RepresentationFlag
    ]
    text = " ".join(s for s in sentences if s)
    if text:
        return text
    if not result.has_baseline:
        return "There is no population figure to compare with, so no group is named."
    return "No group was materially under- or over-represented."


def category_finding(category: CategoryFigures) -> str:
    """The "Finding" cell of a table row: the flag, "In line", or "No comparison"."""
    if category.withheld:
        return "Withheld"
    if category.baseline_share is None:
        return NO_COMPARISON
    if category.complement:
        return "Comparison group"
    return category.flag.words.capitalize() if category.flag else "In line"
