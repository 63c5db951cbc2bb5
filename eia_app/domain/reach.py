"""The respondent-reach result (``eia.reach/1``): who answered a consultation, by group.

Built once by the services layer from the survey engine's figures and read by every
consumer (terminal, spreadsheet, charts, Word export, app). It is serialised only at
the edges: JSON output, storage and the Word context. Every figure is aggregate; a
withheld (suppressed) figure is ``None``. Shares are fractions from 0 to 1 and gaps
are percentage points.
"""

from enum import StrEnum
from typing import Any, Literal

from pydantic import Field

from eia_app.domain.reach_base import Count, ReachModel, Share
from eia_app.domain.reach_base import described as _described
from eia_app.domain.reach_characteristic import (
    CategoryFigures,
    CharacteristicReach,
    CharacteristicThresholds,
    FitTest,
    RepresentationFlag,
    Subject,
)
from eia_app.domain.reach_opinions import (
    OpinionCrosstab,
    OpinionFlag,
    OpinionRow,
    Opinions,
    OpinionTest,
)

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
    about: Subject = Field(
        Subject.RESPONDENT,
        description="Whom it asks about: the respondent, or the child they answer for (a "
        "question such as 'How old is your child?'); absent for the respondent.",
        exclude_if=lambda value: value is Subject.RESPONDENT,
    )


class SplitReach(ReachModel):
    """The analysis of one group of respondents (one answer of the split column)."""

    respondents: Count = _described("Respondents in this group.")
    characteristics: dict[str, CharacteristicReach] = _described(
        "Characteristic id -> reach, suppressed on this group's own counts."
    )
    opinions: Opinions = _described("Opinion question -> characteristic id -> crosstab.")


class CohortReach(ReachModel):
    """Questions about the child, compared with a service cohort (children with EHC plans)."""

    baseline: ReachBaseline = _described("The cohort compared with.")
    respondents: Count = _described("Rows in the survey, repeated from the top level.")
    characteristics: dict[str, CharacteristicReach] = _described(
        "Characteristic id -> reach of the children respondents answered about."
    )


class RespondentGroups(ReachModel):
    """Parents and carers reported apart from professionals, when both can be published."""

    column: str = _described("Header of the respondent-type question.")
    groups: dict[str, SplitReach] = _described(
        "Group name (for example 'Parents and carers') -> its figures; empty when the "
        "groups could not be reported apart."
    )
    note: str = _described("Why the groups are not reported apart; empty when they are.", "")


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
    cohort: CohortReach | None = Field(
        None,
        description="Only with --cohort: the questions about the child, compared with the "
        "cohort (the top-level characteristics are the respondents', compared with the area).",
        exclude_if=lambda value: value is None,
    )
    respondent_groups: RespondentGroups | None = Field(
        None,
        description="Only when a respondent-type question was recognised: parents and carers "
        "apart from professionals.",
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


__all__ = [
    "DEFAULT_SMALL_GROUP",
    "REACH_SCHEMA",
    "CategoryFigures",
    "CharacteristicReach",
    "CharacteristicThresholds",
    "CohortReach",
    "Count",
    "FitTest",
    "OpinionCrosstab",
    "OpinionFlag",
    "OpinionRow",
    "OpinionTest",
    "Opinions",
    "QuestionEntry",
    "ReachBaseline",
    "ReachModel",
    "ReachResult",
    "ReachSource",
    "ReachThresholds",
    "RespondentGroups",
    "RepresentationFlag",
    "Share",
    "SplitReach",
    "Subject",
    "SurveyLayout",
    "reach_json_schema",
]
