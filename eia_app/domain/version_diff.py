"""A readable comparison of two versions: field by field, and word by word in long text.

The version comparison shows each field that differs with its label, its value
before and after, and for long text which words were removed and added, so a
reviewer reading a rewritten paragraph need not spot the change themselves.
Every field is labelled by :func:`eia_app.domain.labels.field_label`, the same
name the form and the completeness check use.
"""

import difflib
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.changes import flatten
from eia_app.domain.labels import field_label

LONG_TEXT_WORDS = 12
"""Text with at least this many words (before or after) is compared word by word."""

CONTEXT_WORDS = 5
"""Unchanged words kept either side of a change; longer unchanged runs are cut to "..."."""

EMPTY = "(empty)"


class WordKind(StrEnum):
    """Whether a run of words is unchanged, removed or added."""

    SAME = "same"
    REMOVED = "removed"
    ADDED = "added"


@dataclass(frozen=True)
class WordChange:
    """A run of words that is unchanged, removed or added.

    Attributes:
        kind: Unchanged, removed or added.
        text: The words, separated by single spaces.
    """

    kind: WordKind
    text: str


@dataclass(frozen=True)
class FieldDifference:
    """One field whose value differs between two versions.

    Attributes:
        path: Dotted path such as ``impacts[0].mitigation``.
        label: The field's label, for example "Impact on each group > row 1 > Mitigation".
        before: The earlier value as text, or "(empty)".
        after: The later value as text, or "(empty)".
        words: For long text, the runs of unchanged, removed and added words; empty otherwise.
    """

    path: str
    label: str
    before: str
    after: str
    words: tuple[WordChange, ...] = ()

    @property
    def marked(self) -> str:
        """The word changes as text a screen reader reads well, or "" for short values.

        For example ``... the panel [removed: meets monthly] [added: meets every
        fortnight] to agree ...``: the change is in words, not in colour alone.
        """
        parts = []
        for index, run in enumerate(self.words):
            if run.kind is WordKind.SAME:
                parts.append(
                    _shorten(run.text, first=index == 0, last=index == len(self.words) - 1)
                )
            else:
                parts.append(f"[{run.kind.value}: {run.text}]")
        return " ".join(part for part in parts if part)


def as_text(value: Any) -> str:
    """Write a flattened field value as text for the comparison.

    Args:
        value: A scalar or a list of scalars from ``model_dump(mode="json")``.

    Returns:
        The text; "(empty)" for nothing, "Yes"/"No" for a tick box, "; " between list items.
    """
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return "; ".join(as_text(item) for item in value)
    return str(value)


def word_changes(before: str, after: str) -> tuple[WordChange, ...]:
    """Compare two texts word by word.

    Args:
        before: The earlier text.
        after: The later text.

    Returns:
        Runs of unchanged, removed and added words, in reading order; a replaced
        run is given as the removed words, then the added ones.
    """
    old, new = before.split(), after.split()
    runs: list[WordChange] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(WordChange(WordKind.SAME, " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(WordChange(WordKind.REMOVED, " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(WordChange(WordKind.ADDED, " ".join(new[j1:j2])))
    return tuple(runs)


def field_differences(old: Assessment, new: Assessment) -> list[FieldDifference]:
    """List every field that differs between two versions, in the form's order.

    Args:
        old: The earlier version.
        new: The later version.

    Returns:
        One entry per differing field: fields of the later version in model
        order, then fields only the earlier version had.
    """
    before = flatten(old.model_dump(mode="json"))
    after = flatten(new.model_dump(mode="json"))
    paths = list(after) + [path for path in before if path not in after]
    differences = []
    for path in paths:
        if before.get(path) == after.get(path):
            continue
        old_text, new_text = as_text(before.get(path)), as_text(after.get(path))
        long = max(len(old_text.split()), len(new_text.split())) >= LONG_TEXT_WORDS
        # Only text rewritten in place gains from a word comparison: added or
        # emptied text is already shown whole in the before and after.
        rewritten = long and EMPTY not in (old_text, new_text)
        words = word_changes(old_text, new_text) if rewritten else ()
        differences.append(FieldDifference(path, field_label(path), old_text, new_text, words))
    return differences


def _shorten(text: str, *, first: bool, last: bool) -> str:
    words = text.split()
    if len(words) <= 2 * CONTEXT_WORDS:
        return text
    head = [] if first else words[:CONTEXT_WORDS]
    tail = [] if last else words[-CONTEXT_WORDS:]
    return " ".join([*head, "...", *tail])
