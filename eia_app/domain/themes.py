"""The themes result (``eia.themes/1``): what people said in free text, and who said it.

Built by the services layer from the themes engine and read by the CLI, the app and
the Word export. It holds only aggregates: theme names, key phrases, counts by group
and, once the officer has approved them, redacted quotes. Comments themselves are
never part of it, so it is safe to store and to publish. A withheld count is None.
"""

from collections.abc import Collection
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from eia_app.domain.publication import DEFAULT_MIN_COUNT, SUPPRESSED
from eia_app.domain.reach_findings import named_list, percent
from eia_app.domain.themes_defaults import DEFAULT_MAX_THEMES, DEFAULT_MIN_THEMES

THEMES_SCHEMA = "eia.themes/1"
OTHER_LABEL = "Other comments"


__all__ = ["DEFAULT_MAX_THEMES", "DEFAULT_MIN_THEMES", "THEMES_SCHEMA"]


class ThemesModel(BaseModel):
    """Frozen, strict about unknown fields."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class FreeTextColumn(ThemesModel):
    """A column read as free text, with how many answered it."""

    column: str
    answers: int = Field(description="Non-blank answers.")
    distinct_share: float = Field(description="Distinct answers / answers (1 = all different).")
    mean_length: float = Field(description="Mean length of an answer, in characters.")


class GroupRow(ThemesModel):
    """One category of one characteristic within one theme."""

    category: str
    label: str
    commenters: int | None = Field(description="People in the category who answered the question.")
    raised: int | None = Field(description="Of them, how many raised the theme.")
    share_of_theme: float | None = Field(description="raised / all who raised it (known group).")
    share_of_commenters: float | None = Field(description="commenters / all commenters.")
    ratio: float | None = Field(
        description="share_of_theme / share_of_commenters, the same as rate / overall_rate."
    )
    rate: float | None = Field(default=None, description="raised / commenters.")
    overall_rate: float | None = Field(
        default=None, description="Share of all commenters (of a known group) who raised it."
    )
    ci_low: float | None = None
    ci_high: float | None = None
    flag: Literal["over"] | None = Field(
        default=None, description="Raised the theme disproportionately often (reach rule)."
    )
    complement: bool = Field(default=False, description="The people outside a group: never named.")

    @property
    def finding(self) -> bool:
        """Whether a sentence may name this row: flagged, shown and not a complement."""
        return self.flag == "over" and not self.complement and self.raised is not None


class ByCharacteristic(ThemesModel):
    """One theme broken down by the categories of one characteristic."""

    characteristic: str
    label: str
    rows: tuple[GroupRow, ...]


class Quote(ThemesModel):
    """A redacted comment near a theme's centre; published only once approved."""

    id: str = Field(description="Stable id (a hash of the redacted text), for approval.")
    text: str = Field(description="The comment with identifiers redacted.")
    attribution: str | None = Field(
        default=None, description="A group named with the quote, only if large enough."
    )
    approved: bool = False


class Theme(ThemesModel):
    """One theme of one question."""

    id: str
    label: str
    key_phrases: tuple[str, ...]
    count: int | None = Field(description="Commenters whose comment is in the theme.")
    share: float | None = Field(description="count / commenters on the question.")
    by_characteristic: tuple[ByCharacteristic, ...] = ()
    findings: tuple[str, ...] = Field(default=(), description="Plain sentences, flagged groups.")
    quotes: tuple[Quote, ...] = Field(
        default=(), description="Approved quotes only, when published."
    )


class QuestionThemes(ThemesModel):
    """The themes of one free-text question."""

    column: str
    commenters: int
    themes: tuple[Theme, ...]
    other: int | None = Field(description="Comments in no theme.")
    chosen_k: int
    k_range: tuple[int, int]
    silhouette: dict[int, float] = Field(default_factory=dict)


class ThemesResult(ThemesModel):
    """The whole themes document."""

    schema_: str = Field(default=THEMES_SCHEMA, alias="schema")
    file: str
    respondents: int
    embedding: str = Field(description="wordllama or tfidf-svd.")
    seed: int
    min_count: int = DEFAULT_MIN_COUNT
    free_text_columns: tuple[FreeTextColumn, ...]
    questions: tuple[QuestionThemes, ...]
    internal: bool = Field(
        default=False, description="True when unapproved quote candidates are included."
    )
    notes: tuple[str, ...] = ()

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


def count_text(value: int | None) -> str:
    """A count as shown in a table: the number, or the suppression symbol."""
    return SUPPRESSED if value is None else f"{value:,}"


def row_sentence(theme_label: str, row: GroupRow) -> str:
    """One finding in plain words: how often a group raised a theme, against everyone.

    Args:
        theme_label: The theme's name.
        row: A flagged, shown row.

    Returns:
        The sentence, for example "“Interpreters” was raised by 52% of commenters
        in the group “Asian” (44 of 85), 2.5 times the rate among all who commented (21%)."
    """
    times = f"{row.ratio:.1f}".rstrip("0").rstrip(".") if row.ratio else "?"
    return (
        f"\u201c{theme_label}\u201d was raised by {percent(row.rate)} of commenters in the "
        f"group \u201c{row.label}\u201d ({row.raised} of {row.commenters}), {times} times "
        f"the rate among all who commented ({percent(row.overall_rate)})."
    )


def theme_findings(theme_label: str, blocks: tuple[ByCharacteristic, ...]) -> tuple[str, ...]:
    """Every finding of one theme, never naming a complement or a withheld row."""
    return tuple(
        row_sentence(theme_label, row) for block in blocks for row in block.rows if row.finding
    )


def question_summary(question: QuestionThemes) -> str:
    """One sentence on a question's themes, largest first."""
    names = [f"{t.label} ({count_text(t.count)})" for t in question.themes]
    if not names:
        return f"No theme was found among {question.commenters:,} comments."
    return f"{question.commenters:,} people commented; the themes were {named_list(names, 0, '')}."


def _approved_only(question: QuestionThemes, approved: Collection[str]) -> QuestionThemes:
    themes = tuple(
        t.model_copy(
            update={
                "quotes": tuple(
                    q.model_copy(update={"approved": True})
                    for q in t.quotes
                    if q.approved or q.id in approved
                )
            }
        )
        for t in question.themes
    )
    return question.model_copy(update={"themes": themes})


def published(result: ThemesResult, approved: Collection[str] = ()) -> ThemesResult:
    """The result with only the quotes the officer approved, ready to publish.

    Args:
        result: From ``services.themes.analyse_themes`` (quotes approved in its edits stay).
        approved: Ids of further approved quotes.

    Returns:
        The same themes and counts; every quote not approved removed.
    """
    questions = tuple(_approved_only(q, set(approved)) for q in result.questions)
    return result.model_copy(update={"questions": questions, "internal": False})
