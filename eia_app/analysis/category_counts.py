"""Counts of normalised answers for one characteristic: the hand-off from reading to statistics.

The survey side (readers, recognition, normalisation) produces a
:class:`CharacteristicTally` per characteristic; the statistics side (baselines,
representation, suppression) consumes only tallies, so it never sees a
respondent-level row.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class CategoryTally:
    """How many respondents gave one canonical answer.

    Attributes:
        id: Canonical category id, for example ``female`` or ``18-24``.
        label: Label to show, for example "Female" or "18 to 24".
        count: Number of respondents.
        parent: For a detailed category (race detail), the broad category id.
    """

    id: str
    label: str
    count: int
    parent: str | None = None


@dataclass(frozen=True)
class CharacteristicTally:
    """Everything counted for one characteristic (or local group) in one survey.

    Attributes:
        characteristic: Registry id, for example ``sex`` or ``carers``.
        question: The header text of the question (or questions, joined by " + ").
        respondents: Number of rows in the survey (all respondents).
        categories: Substantive answers by canonical category, in display order,
            including categories nobody chose (count 0).
        detail: Finer categories where they exist (race: the 19 Census groups).
        prefer_not_to_say: Respondents who declined to answer.
        not_answered: Respondents who left the question blank.
        unrecognised: Raw answers that could not be placed, with their counts.
        notes: Caveats to show with the result (for example "self-identified
            disability: indicative comparison with the Census measure").
    """

    characteristic: str
    question: str
    respondents: int
    categories: tuple[CategoryTally, ...]
    detail: tuple[CategoryTally, ...] = ()
    prefer_not_to_say: int = 0
    not_answered: int = 0
    unrecognised: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def answered(self) -> int:
        """Respondents who gave a substantive, recognised answer."""
        return sum(category.count for category in self.categories)
