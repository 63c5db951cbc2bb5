"""The officer's edits to a question's themes, kept with the assessment as aggregates.

Edits name themes by their ids (``t1``, ``t2`` ...), which are stable for the same
export and seed, so they are reapplied when the same export is read again. They hold
no comment text: only ids, new names and the ids of approved quotes.
"""

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eia_app.domain.reach_findings import named_list
from eia_app.domain.themes import OTHER_LABEL, QuestionThemes, ThemesResult, count_text


class ThemeEdits(BaseModel):
    """Renames, merges and approved quotes for one free-text question."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str = Field(description="The question's header.")
    renames: dict[str, str] = Field(default_factory=dict, description="Theme id -> new name.")
    merges: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Groups of theme ids, each merged into its first id."
    )
    approved_quotes: tuple[str, ...] = Field(default=(), description="Ids of approved quotes.")

    @model_validator(mode="after")
    def _merge_groups_are_disjoint(self) -> "ThemeEdits":
        seen: set[str] = set()
        for group in self.merges:
            if len(group) < 2 or seen & set(group):
                raise ValueError("each merge names two or more themes, each theme once")
            seen |= set(group)
        return self


def merge_indices(edits: ThemeEdits | None, themes: int) -> dict[int, int]:
    """Theme index -> the index it is merged into, for the ids that exist.

    Args:
        edits: The question's edits, or None.
        themes: Number of themes found (ids ``t1`` .. ``tN``).

    Returns:
        Only the merged themes (not the first of each group).
    """
    if edits is None:
        return {}
    valid = {f"t{i + 1}": i for i in range(themes)}
    out = {}
    for group in edits.merges:
        present = [valid[t] for t in group if t in valid]
        for other in present[1:]:
            out[other] = present[0]
    return out


def told_us(question: QuestionThemes) -> list[str]:
    """Paragraphs for "What people told us": themes with counts, findings, approved quotes.

    Args:
        question: A published question (approved quotes only).

    Returns:
        Plain paragraphs, in order.
    """
    lines = [
        f"{question.commenters:,} people answered \u201c{question.column}\u201d. "
        f"Their comments were grouped into {len(question.themes)} themes."
    ]
    for theme in question.themes:
        phrases = named_list([f"\u201c{p}\u201d" for p in theme.key_phrases[:3]], 0, "")
        lines.append(
            f"{theme.label}: {count_text(theme.count)} people; they wrote about {phrases}."
        )
        lines += list(theme.findings)
        lines += [
            f"\u201c{q.text}\u201d" + (f" ({q.attribution})" if q.attribution else "")
            for q in theme.quotes
            if q.approved
        ]
    if question.other:
        lines.append(f"{OTHER_LABEL}: {count_text(question.other)} people.")
    return lines


def told_us_all(result: ThemesResult) -> list[str]:
    """The "What people told us" paragraphs of every question of a published result."""
    return [line for question in result.questions for line in told_us(question)]
