"""One characteristic of a reach result: its categories, test and reconciliation."""

from enum import StrEnum

from pydantic import Field

from eia_app.domain.reach_base import Count, ReachModel, Share
from eia_app.domain.reach_base import described as _described


class Subject(StrEnum):
    """Whom a question asks about: the respondent, or the child they answer for."""

    RESPONDENT = "respondent"
    CHILD = "child"

    @property
    def counted(self) -> str:
        """Who a share is a share of, in words."""
        return (
            "respondents"
            if self is Subject.RESPONDENT
            else "the children respondents answered about"
        )


class RepresentationFlag(StrEnum):
    """How a category's share of respondents compares with its population share."""

    UNDER = "under"
    OVER = "over"

    @property
    def words(self) -> str:
        """The flag in words, as a reader sees it."""
        return f"{self.value}-represented"


class CharacteristicThresholds(ReachModel):
    """The flagging rule, repeated in each characteristic under the engine's own names."""

    ratio_under: float = _described("Same as rr_under.")
    ratio_over: float = _described("Same as rr_over.")
    require_ci: bool = _described("Same as require_ci_excludes_population.")
    min_gap_pp: float = _described("Same as the top-level min_gap_pp.")
    confidence: Share = _described("Same as the top-level confidence.")


class CategoryFigures(ReachModel):
    """The reach figures of one category (or detailed category)."""

    id: str = _described("Category id from the registry, or an age band written LO-HI or LO+.")
    label: str = _described("Label from the registry (or of the age band).")
    count: Count | None = _described("Respondents in the category; null when withheld.")
    share: Share | None = _described("Share of the substantive answers.")
    ci_low: Share | None = _described("Lower end of the Wilson interval of the share.")
    ci_high: Share | None = _described("Upper end of the Wilson interval of the share.")
    baseline_share: Share | None = _described("Population share; null without a figure.", None)
    ratio: float | None = _described("Representation ratio: share / baseline share.", None)
    ratio_ci_low: float | None = _described("Lower Wilson bound / baseline share.", None)
    ratio_ci_high: float | None = _described("Upper Wilson bound / baseline share.", None)
    gap_pp: float | None = _described("Share minus baseline share, percentage points.", None)
    needed_for_parity: Count | None = _described(
        "Extra responses from this group alone to reach its population share.", None
    )
    flag: RepresentationFlag | None = _described("under, over or null.", None)
    suppressed: bool = _described("True when the count is withheld from publication.", False)
    expected: float | None = _described("Answered x baseline share.", None)
    adjusted_residual: float | None = _described(
        "Adjusted residual of the goodness-of-fit test.", None
    )
    parent: str | None = _described("For a detailed category, the broad category id.", None)
    complement: bool = _described(
        "True for the people outside the protected group (such as 'Not a carer'): shown in "
        "tables, never named as under- or over-represented in a finding.",
        False,
    )

    @property
    def withheld(self) -> bool:
        """Whether the count (and what could reveal it) is withheld."""
        return self.suppressed or self.count is None

    @property
    def finding(self) -> "RepresentationFlag | None":
        """The flag to name in a sentence: none for a complement or a withheld row."""
        return None if self.complement or self.withheld else self.flag


class FitTest(ReachModel):
    """Chi-square goodness of fit of the respondents' mix against the baseline's."""

    chi2: float | None = _described("Test statistic; null when no test could be run.", None)
    df: int | None = _described("Degrees of freedom.", None)
    p_value: float | None = _described("Asymptotic p-value.", None)
    method: str | None = _described("How the test was computed.", None)
    compared: tuple[str, ...] = _described("Ids of the categories compared.", ())
    min_expected: float | None = _described("Smallest expected count.", None)
    cohens_w: float | None = _described("Effect size, sqrt(chi2 / n).", None)
    rose_index: float | None = _described("1 = the same mix as the population.", None)
    note: str | None = _described("A caveat, such as small expected counts.", None)


class CharacteristicReach(ReachModel):
    """Who answered one characteristic's question, against the population."""

    label: str = _described("The characteristic's name from the registry.")
    question: str = _described("The header(s) counted, joined by ' + ' for two parts.")
    answered: Count | None = _described(
        "Respondents with a substantive, recognised answer: the denominator of every share."
    )
    prefer_not_to_say: Count | None = _described("Respondents who declined; null when withheld.")
    not_answered: Count | None = _described(
        "Respondents who left it blank or answered 'Don't know'; null when withheld."
    )
    unrecognised: dict[str, Count | None] = _described(
        "Raw answer -> respondents, for answers that could not be placed.", default_factory=dict
    )
    categories: tuple[CategoryFigures, ...] = _described(
        "One entry per category, in registry order, including empty ones.", ()
    )
    detail: tuple[CategoryFigures, ...] = _described(
        "Finer categories where they exist (race: the 19 Census groups).", ()
    )
    test: FitTest = _described("Goodness of fit against the baseline.", default_factory=FitTest)
    characteristic: str = _described("Registry id, repeated so an entry can be read alone.")
    respondents: Count = _described("Rows in the survey, repeated from the top level.")
    universe: str | None = _described("The baseline population compared with, in words.", None)
    population: str | None = _described(
        "The population compared with, naming its area, for example \"Leicestershire's usual "
        'residents aged 16 and over"; the words every finding cites. Null without a figure.',
        None,
    )
    about: Subject = Field(
        Subject.RESPONDENT,
        description="Whom the question asks about: the respondent, or (compared with a "
        "cohort) the child they answer for; absent for the respondent.",
        exclude_if=lambda value: value is Subject.RESPONDENT,
    )
    notes: tuple[str, ...] = _described("Caveats to show with the figures.", ())
    notes_for_author: tuple[str, ...] = Field(
        (),
        description="Advice to the analyst about this table (never printed in the document).",
        exclude_if=lambda value: not value,
    )
    min_count: Count = _described("Smallest count shown, repeated from the top level.")
    thresholds: CharacteristicThresholds = _described("The flagging rule used.")
    outside_universe: tuple[CategoryFigures, ...] = _described(
        "Categories outside the population compared with (such as 'Under 16' when age is "
        "compared with residents aged 16 and over): counts only, not in `answered`.",
        (),
    )

    @property
    def has_baseline(self) -> bool:
        """Whether any category has a population share to compare with."""
        return any(c.baseline_share is not None for c in self.categories)

    @property
    def labels(self) -> dict[str, str]:
        """Category id -> label, for every category, those outside the comparison included."""
        return {c.id: c.label for c in (*self.categories, *self.outside_universe, *self.detail)}

    def reconciliation(self) -> tuple[tuple[str, int], ...]:
        """Rows that take the table's shown counts up to the number of respondents.

        Returns:
            (words, count) rows for answers outside the comparison, prefer not to say,
            other answers, not answered, and what is withheld (the remainder, which
            the published figures already imply, so showing it reveals nothing new).
        """
        rows: list[tuple[str, int]] = []
        for entry in self.outside_universe:
            if entry.count:
                rows.append((f"{entry.label} (not compared)", entry.count))
        other = [n for n in self.unrecognised.values() if n is not None]
        for words, count in (
            ("Preferred not to say", self.prefer_not_to_say),
            ("Gave another answer", sum(other) if other else None),
            ("Did not answer", self.not_answered),
        ):
            if count:
                rows.append((words, count))
        shown = sum(c.count for c in self.categories if not c.withheld and c.count is not None)
        withheld = self.respondents - shown - sum(n for _, n in rows)
        if withheld > 0:
            rows.append(("Withheld to protect privacy (small numbers)", withheld))
        return tuple(rows)
