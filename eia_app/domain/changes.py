"""What changed between two versions of an assessment.

Field by field (which fields differ, in words, for version notes and conflicts), and
for the revision after consultation (ratings, mitigations, actions, evidence and
"you said, we did"). Everything is computed from the two versions; nothing is typed
by hand.
"""

from dataclasses import dataclass, field
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.consultation import YouSaidWeDid
from eia_app.domain.decision import Action
from eia_app.domain.evidence import EvidenceItem
from eia_app.domain.impact import ImpactRating
from eia_app.domain.labels import field_label


def flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    """Flatten nested dicts and lists into dotted paths such as ``actions[0].owner``.

    Args:
        value: A ``model_dump(mode="json")`` value.
        prefix: Path of ``value`` itself.

    Returns:
        A mapping of dotted path to scalar value.
    """
    if isinstance(value, dict):
        items: dict[str, Any] = {}
        for key, child in value.items():
            items.update(flatten(child, f"{prefix}.{key}" if prefix else str(key)))
        return items
    if isinstance(value, list) and value and isinstance(value[0], dict | list):
        items = {}
        for index, child in enumerate(value):
            items.update(flatten(child, f"{prefix}[{index}]"))
        return items
    return {prefix: value}


def changed_fields(old: Assessment | None, new: Assessment) -> list[str]:
    """List the dotted paths whose values differ between two versions.

    Args:
        old: The previous version, or None for a first save.
        new: The version being saved.

    Returns:
        Sorted paths that were added, removed or changed.
    """
    before = flatten(old.model_dump(mode="json")) if old else {}
    after = flatten(new.model_dump(mode="json"))
    return sorted(
        path for path in before.keys() | after.keys() if before.get(path) != after.get(path)
    )


def describe_changes(old: Assessment | None, new: Assessment, limit: int = 6) -> str:
    """Summarise in one line which sections changed, for the version history.

    Args:
        old: The previous version, or None for a first save.
        new: The version being saved.
        limit: Most section names to list before "and N more".

    Returns:
        A line such as "Changed: Key details, Evidence" or "First version".
    """
    if old is None:
        return "First version"
    sections = sorted({path.split(".")[0].split("[")[0] for path in changed_fields(old, new)})
    if not sections:
        return "No changes"
    labels = [field_label(section) for section in sections]
    shown = ", ".join(labels[:limit])
    more = len(labels) - limit
    return f"Changed: {shown}" + (f" and {more} more" if more > 0 else "")


@dataclass(frozen=True)
class RatingChange:
    """The impact rating of one group before and after."""

    group_id: str
    before: ImpactRating | None
    after: ImpactRating | None


@dataclass(frozen=True)
class MitigationChange:
    """A group's mitigation that was added, removed or rewritten."""

    group_id: str
    kind: str  # "added", "removed" or "revised"
    before: str | None
    after: str | None


@dataclass(frozen=True)
class Changes:
    """Differences between an earlier and a later version of one assessment.

    Attributes:
        previous: The earlier version.
        current: The later version.
        ratings: Groups whose impact rating changed (including newly assessed groups).
        mitigations: Mitigations added, removed or revised.
        actions_added: Actions in the later version only.
        actions_removed: Actions in the earlier version only.
        evidence_added: Evidence items in the later version only.
        evidence_removed: Evidence items in the earlier version only.
        you_said_we_did_added: Feedback responses in the later version only.
        sections: One line naming the sections that changed at all.
    """

    previous: Assessment
    current: Assessment
    ratings: list[RatingChange] = field(default_factory=list)
    mitigations: list[MitigationChange] = field(default_factory=list)
    actions_added: list[Action] = field(default_factory=list)
    actions_removed: list[Action] = field(default_factory=list)
    evidence_added: list[EvidenceItem] = field(default_factory=list)
    evidence_removed: list[EvidenceItem] = field(default_factory=list)
    you_said_we_did_added: list[YouSaidWeDid] = field(default_factory=list)
    sections: str = ""

    @property
    def is_empty(self) -> bool:
        """Whether none of the tracked parts changed."""
        return not (
            self.ratings
            or self.mitigations
            or self.actions_added
            or self.actions_removed
            or self.evidence_added
            or self.evidence_removed
            or self.you_said_we_did_added
        )


def _rating_changes(old: Assessment, new: Assessment) -> list[RatingChange]:
    before = {i.group_id: i.rating for i in old.impacts}
    changes = []
    for impact in new.impacts:
        previous = before.get(impact.group_id)
        if previous != impact.rating:
            changes.append(RatingChange(impact.group_id, previous, impact.rating))
    return changes


def _mitigation_kind(before: str | None, after: str | None) -> str | None:
    if (before or "") == (after or ""):
        return None
    if not before:
        return "added"
    return "removed" if not after else "revised"


def _mitigation_changes(old: Assessment, new: Assessment) -> list[MitigationChange]:
    before = {i.group_id: i.mitigation for i in old.impacts}
    after = {i.group_id: i.mitigation for i in new.impacts}
    order = [i.group_id for i in new.impacts] + [g for g in before if g not in after]
    changes = []
    for group_id in order:
        kind = _mitigation_kind(before.get(group_id), after.get(group_id))
        if kind:
            changes.append(
                MitigationChange(group_id, kind, before.get(group_id), after.get(group_id))
            )
    return changes


def _feedback_key(entry: YouSaidWeDid) -> tuple[str, str]:
    return (entry.you_said.casefold(), entry.we_did.casefold())


def build_changes(previous: Assessment, current: Assessment) -> Changes:
    """Compare two versions of an assessment.

    Args:
        previous: The earlier version, usually the consultation-stage one.
        current: The version being exported.

    Returns:
        The differences the report's "What changed after consultation" section shows.
    """
    old_actions = {a.id for a in previous.actions}
    new_actions = {a.id for a in current.actions}
    old_evidence = {e.id for e in previous.evidence.items}
    new_evidence = {e.id for e in current.evidence.items}
    old_feedback = {_feedback_key(y) for y in previous.consultation.you_said_we_did}
    return Changes(
        previous=previous,
        current=current,
        ratings=_rating_changes(previous, current),
        mitigations=_mitigation_changes(previous, current),
        actions_added=[a for a in current.actions if a.id not in old_actions],
        actions_removed=[a for a in previous.actions if a.id not in new_actions],
        evidence_added=[e for e in current.evidence.items if e.id not in old_evidence],
        evidence_removed=[e for e in previous.evidence.items if e.id not in new_evidence],
        you_said_we_did_added=[
            y for y in current.consultation.you_said_we_did if _feedback_key(y) not in old_feedback
        ],
        sections=describe_changes(previous, current),
    )
