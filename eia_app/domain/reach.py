"""The respondent-reach result (``eia.reach/1``): who answered a consultation, by group.

Built once by the services layer from the survey engine's figures and read by every
consumer (terminal, spreadsheet, charts, Word export, app). It is serialised only at
the edges: JSON output, storage and the Word context. Every figure is aggregate; a
withheld (suppressed) figure is ``None``. Shares are fractions from 0 to 1 and gaps
are percentage points.
"""

from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

REACH_SCHEMA = "eia.reach/1"
DEFAULT_SMALL_GROUP = 30  # below this, a group's answers are too few to show a difference


class SurveyLayout(StrEnum):
    """The survey platforms whose export layouts the engine reads."""

    CITIZEN_SPACE = "citizen_space"
    SMARTSURVEY = "smartsurvey"
    SURVEYMONKEY = "surveymonkey"
    QUALTRICS = "qualtrics"
    MICROSOFT_FORMS = "microsoft_forms"
    GOOGLE_FORMS = "google_forms"
    PLAIN = "plain"


class RepresentationFlag(StrEnum):
    """How a category's share of respondents compares with its population share."""

    UNDER = "under"
    OVER = "over"

    @property
    def words(self) -> str:
        """The flag in words, as a reader sees it."""
        return f"{self.value}-represented"


class OpinionFlag(StrEnum):
    """How a group's answers to an opinion question differ from everyone else's."""

    MORE_AGREE = "more_agree"
    LESS_AGREE = "less_agree"
    DIFFERS = "differs"

    @property
    def words(self) -> str:
        """The flag in words, as a reader sees it."""
        return {"more_agree": "agree more", "less_agree": "agree less"}.get(
            self.value, "answer differently"
        )


def _described(description: str, default: Any = ..., **kwargs: Any) -> Any:
    return Field(default, description=description, **kwargs)


Share = Annotated[float, Field(ge=0.0, le=1.0)]
Count = Annotated[int, Field(ge=0)]


class ReachModel(BaseModel):
    """Base of the reach models: strict types, immutable, no unknown fields."""

    model_config = ConfigDict(
        strict=True,
        frozen=True,
        extra="forbid",
        allow_inf_nan=False,
        populate_by_name=True,
        serialize_by_alias=True,
    )


class ReachSource(ReachModel):
    """Where the survey data came from."""

    file: str = _described("File name only, never its folder.")
    layout: SurveyLayout = _described("Platform layout recognised.")
    encoding: str | None = _described("Text encoding of a CSV file; null for a workbook.")
    sheet: str | None = _described("Sheet read from a workbook; null for a CSV file.")


class ReachBaseline(ReachModel):
    """The population the respondents were compared with."""

    id: str = _described("Baseline id as listed by `eia baselines`, or the file name of one's own.")
    label: str = _described("Its name, for example 'Leicestershire: Census 2021'.")
    universe: str = _described(
        "Which people it counts, in words: the commonest universe, exceptions in brackets."
    )
    universes: dict[str, str | None] = _described(
        "Characteristic id -> universe used for it, in words (null without figures).",
        default_factory=dict,
    )
    default: bool = _described("True when no baseline was chosen and the default was used.", False)
    note: str = _described("How the baseline was chosen, and its caveats.", "")
    source: str = _described("Citations of the tables the baseline was built from.", "")


class ReachThresholds(ReachModel):
    """The rule that flags a category as under- or over-represented."""

    rr_under: float = _described("Flag 'under' when the representation ratio is below this.")
    rr_over: float = _described("Flag 'over' when the ratio is above this.")
    min_gap_pp: float = _described("And the gap is at least this many percentage points.")
    require_ci_excludes_population: bool = _described(
        "And the interval of the respondent share excludes the population share."
    )
    confidence: Share = _described("Level of the Wilson intervals.")
    small_group: Count = _described(
        "Groups with fewer answers than this are reported as too few to detect a difference.",
        DEFAULT_SMALL_GROUP,
    )


class CharacteristicThresholds(ReachModel):
    """The flagging rule, repeated in each characteristic under the engine's own names."""

    ratio_under: float = _described("Same as rr_under.")
    ratio_over: float = _described("Same as rr_over.")
    require_ci: bool = _described("Same as require_ci_excludes_population.")
    min_gap_pp: float = _described("Same as the top-level min_gap_pp.")
    confidence: Share = _described("Same as the top-level confidence.")


class QuestionEntry(ReachModel):
    """One survey column and what it was read as."""

    column: str = _described("Header of the column.")
    target: str = _described("What it asks: a registry id, respondent_type or opinion.")
    confidence: Share = _described("0 to 1; 1.0 for columns set with --map or a mapping file.")
    part: str | None = _described(
        "For disability: condition, activity or self; for gender identity: same or reversed.",
        None,
    )
    reversed: bool = _described(
        "True for a gender-identity question asked the other way round.", False
    )
    reason: str = _described("Why the column was read this way.", "")


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


class OpinionRow(ReachModel):
    """One group's answers to an opinion question."""

    group: str = _described("Category id of the group.")
    count: Count | None = _described("Respondents in the group who answered; null when withheld.")
    counts: dict[str, Count | None] = _described("Answer -> respondents; null when withheld.")
    row_percent: dict[str, float | None] = _described("Answer -> percentage of the group.")
    agree_share: Share | None = _described("Share answering an agree point.", None)
    ci_low: Share | None = _described("Lower end of the Wilson interval of the agree share.", None)
    ci_high: Share | None = _described("Upper end of the interval.", None)
    agree_residual: float | None = _described("Adjusted residual of the agree count.", None)
    flag: OpinionFlag | None = _described("more_agree, less_agree, differs or null.", None)


class OpinionTest(ReachModel):
    """Chi-square test of independence of the answers and the groups."""

    chi2: float | None = _described("Test statistic; null when it cannot be computed.", None)
    df: int | None = _described("Degrees of freedom.", None)
    p_value: float | None = _described("p-value of the test.", None)
    min_expected: float | None = _described("Smallest expected count.", None)


class OpinionCrosstab(ReachModel):
    """One opinion question by one characteristic."""

    answers: tuple[str, ...] = _described("Points of the answer scale, in order.")
    agree_answers: tuple[str, ...] = _described("Points counted as agreement.", ())
    rows: tuple[OpinionRow, ...] = _described("One row per category of the characteristic.")
    test: OpinionTest = _described("Test of independence.", default_factory=OpinionTest)
    notes: tuple[str, ...] = _described("Caveats.", ())


Opinions = dict[str, dict[str, OpinionCrosstab]]


class SplitReach(ReachModel):
    """The analysis of one group of respondents (one answer of the split column)."""

    respondents: Count = _described("Respondents in this group.")
    characteristics: dict[str, CharacteristicReach] = _described(
        "Characteristic id -> reach, suppressed on this group's own counts."
    )
    opinions: Opinions = _described("Opinion question -> characteristic id -> crosstab.")


class ReachResult(ReachModel):
    """The whole ``eia.reach/1`` document."""

    schema_id: Literal["eia.reach/1"] = Field(
        "eia.reach/1",
        alias="schema",
        description="Always 'eia.reach/1'; a change that breaks readers gets a new number.",
    )
    respondents: Count = _described("Rows in the survey: all responses, whatever they answered.")
    source: ReachSource = _described("Where the data came from.")
    baseline: ReachBaseline = _described("The population compared with.")
    min_count: Count = _described(
        "Smallest count shown; counts from 1 to min_count - 1 are suppressed (0: none)."
    )
    thresholds: ReachThresholds = _described("The rules used to flag a category.")
    questions: tuple[QuestionEntry, ...] = _described("Every column recognised, in file order.", ())
    characteristics: dict[str, CharacteristicReach] = _described(
        "Characteristic id -> reach, in registry order."
    )
    opinions: Opinions = _described(
        "Opinion question -> characteristic id -> crosstab.", default_factory=dict
    )
    split_by: str | None = Field(
        None,
        description="Only with --split-by: the header used.",
        exclude_if=lambda value: value is None,
    )
    splits: dict[str, SplitReach] | None = Field(
        None,
        description="Only with --split-by: each answer of the split column -> its analysis.",
        exclude_if=lambda value: value is None,
    )
    children_invited: bool = _described(
        "True when the consultation invited children under 16: age is then compared with "
        "residents of all ages; otherwise with residents aged 16 and over, like the rest.",
        False,
    )
    notes_for_author: tuple[str, ...] = Field(
        (),
        description="Advice to the person running the analysis (how the baseline was chosen, "
        "categories to merge); shown on screen and in the command's output, never in the "
        "document; absent when there is none.",
        exclude_if=lambda value: not value,
    )
    warnings: tuple[str, ...] = Field(
        (),
        description="Repairs made while reading the file (NUL bytes removed, rows read in "
        "another encoding), one line each; absent when there were none.",
        exclude_if=lambda value: not value,
    )

    @property
    def suppression_off(self) -> bool:
        """Whether small counts were shown (internal analysis only)."""
        return self.min_count <= 1


def reach_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of an ``eia.reach/1`` document.

    Returns:
        The schema as a JSON-ready dict, in its serialised (by alias) form.
    """
    schema = ReachResult.model_json_schema(by_alias=True, mode="serialization")
    schema["$id"] = REACH_SCHEMA
    return schema
