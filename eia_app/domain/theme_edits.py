"""The officer's edits to a question's themes, kept with the assessment as aggregates.

Edits name themes by their ids (``t1``, ``t2`` ...), which are stable for the same
export and seed, so they are reapplied when the same export is read again. They hold
no comment text: only ids, new names, numbers of parts and the ids of approved quotes.

Edits are applied in a fixed order: splits, then merges, then renames. A split gives
its parts the ids ``<id>.1``, ``<id>.2`` ..., so a merge or a rename may name a part,
and a later split may split a part again (splits are applied in the order given).
"""

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field, model_validator

from eia_app.domain.reach_findings import named_list
from eia_app.domain.themes import OTHER_LABEL, QuestionThemes, ThemesResult, count_text

SPLIT_PARTS = 2  # the parts a theme is split into unless the officer asks for more
MAX_SPLIT_PARTS = 4


class ThemeEdits(BaseModel):
    """Splits, merges, renames and approved quotes for one free-text question."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    column: str = Field(description="The question's header.")
    renames: dict[str, str] = Field(default_factory=dict, description="Theme id -> new name.")
    merges: tuple[tuple[str, ...], ...] = Field(
        default=(), description="Groups of theme ids, each merged into its first id."
    )
    approved_quotes: tuple[str, ...] = Field(default=(), description="Ids of approved quotes.")
    splits: dict[str, int] = Field(
        default_factory=dict,
        description="Theme id -> number of parts it is split into, applied in this order.",
    )

    @model_validator(mode="after")
    def _merge_groups_are_disjoint(self) -> "ThemeEdits":
        for theme_id, parts in self.splits.items():
            if not SPLIT_PARTS <= parts <= MAX_SPLIT_PARTS:
                raise ValueError(
                    f"theme {theme_id} is split into {SPLIT_PARTS} to {MAX_SPLIT_PARTS} parts"
                )
        seen: set[str] = set()
        for group in self.merges:
            if len(group) < 2 or seen & set(group):
                raise ValueError("each merge names two or more themes, each theme once")
            seen |= set(group)
        if seen & set(self.splits):
            # Splits come first, so the old id is gone by the time merges are applied.
            raise ValueError("a split theme is merged by the ids of its parts, not its own")
        return self


def merged_ids(edits: ThemeEdits) -> set[str]:
    """Every theme id named in a merge (a theme shown for a group, or merged away)."""
    return {theme_id for group in edits.merges for theme_id in group}


def merged_with(edits: ThemeEdits, ids: Sequence[str]) -> ThemeEdits:
    """The edits with one more merge, joined to any earlier merge it shares a theme with.

    A theme shown after a merge is the first of its group, so merging it again must
    extend that group rather than name the theme twice (which the model refuses).

    Args:
        edits: The question's edits so far.
        ids: Two or more theme ids to merge, the one to keep first.

    Returns:
        New edits; the first id of the first group touched keeps its place.
    """
    joined = list(dict.fromkeys(ids))
    kept = []
    touched = False
    for group in edits.merges:
        if set(group) & set(joined):
            order = [*joined, *group] if touched else [*group, *joined]
            joined, touched = list(dict.fromkeys(order)), True
        else:
            kept.append(group)
    return edits.model_copy(update={"merges": (*kept, tuple(joined))})


def split_with(edits: ThemeEdits, theme_id: str, parts: int = SPLIT_PARTS) -> ThemeEdits:
    """The edits with one more split, applied after the earlier ones.

    The theme's own name is dropped: its id no longer exists once it is split, and each
    part is named afresh by its key phrases, for the officer to rename.

    Args:
        edits: The question's edits so far.
        theme_id: The theme to split (an id shown now, perhaps a part of an earlier split).
        parts: How many parts.

    Returns:
        New edits.

    Raises:
        ValueError: For a number of parts out of range, or a theme that holds a merge
            (splits are applied before merges: undo the merge to split the theme).
    """
    splits = {k: v for k, v in edits.splits.items() if k != theme_id}
    renames = {k: v for k, v in edits.renames.items() if k != theme_id}
    return ThemeEdits.model_validate(
        {**edits.model_dump(), "renames": renames, "splits": {**splits, theme_id: parts}}
    )


def merge_indices(edits: ThemeEdits | None, ids: Sequence[str]) -> dict[int, int]:
    """Theme index -> the index it is merged into, for the ids that exist.

    Args:
        edits: The question's edits, or None.
        ids: The id of each theme index, after any splits (``t1`` .. ``tN``, ``t2.1`` ...).

    Returns:
        Only the merged themes (not the first of each group).
    """
    if edits is None:
        return {}
    valid = {theme_id: i for i, theme_id in enumerate(ids)}
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
