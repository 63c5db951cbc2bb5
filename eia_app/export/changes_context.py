"""The "What changed after consultation" part of the report context."""

import re
from collections.abc import Callable
from typing import Any

from eia_app.domain.assessment import Assessment
from eia_app.domain.changes import Changes
from eia_app.domain.decision import Action
from eia_app.domain.evidence import EvidenceItem
from eia_app.domain.publication import NOT_AVAILABLE
from eia_app.domain.version_diff import (
    EMPTY,
    FieldDifference,
    field_differences,
    word_changes,
)
from eia_app.export.sections import rating_label
from eia_app.export.summary_content import fit
from eia_app.export.text import clean, fmt_date, humanise, text_or

ADDED_TEXT_CHARS = 240
# Rows of these lists have their own tables (ratings, mitigations, actions, evidence,
# "you said, we did"); only text rewritten inside an existing row is listed again.
ROW_PATH = re.compile(r"^(impacts|actions|evidence\.items|consultation\.you_said_we_did)\[(\d+)\]")


def _version_label(changes: Changes) -> str:
    previous = changes.previous
    when = previous.quality.date_completed or previous.key_details.date_started
    stage = humanise(previous.stage.value).lower()
    return f"the {stage}-stage version" + (f" of {fmt_date(when)}" if when else "")


def _action_row(action: Action) -> dict[str, str]:
    return {
        "id": clean(action.id),
        "action": clean(action.action),
        "owner": text_or(action.owner, NOT_AVAILABLE),
    }


def _evidence_row(item: EvidenceItem) -> dict[str, str]:
    return {
        "id": clean(item.id),
        "title": clean(item.title),
        "summary": text_or(item.summary, NOT_AVAILABLE),
    }


def marked_change(before: str | None, after: str | None) -> str:
    """Show what changed in a text: the changed words marked, or the text added or removed.

    Args:
        before: The earlier text.
        after: The later text.

    Returns:
        For rewritten text, the unchanged words around each change with
        "[removed: ...]" and "[added: ...]" marks (readable aloud, not colour alone).
    """
    old, new = (before or "").strip(), (after or "").strip()
    if not old:
        return "Added: " + fit(clean(new), ADDED_TEXT_CHARS)[0]
    if not new:
        return "Removed: " + fit(clean(old), ADDED_TEXT_CHARS)[0]
    difference = FieldDifference("", "", old, new, word_changes(old, new))
    return clean(difference.marked)


def _row_name(current: Assessment, kind: str, index: int, label_of: Callable[[str], str]) -> str:
    lists: dict[str, list[Any]] = {
        "impacts": current.impacts,
        "actions": current.actions,
        "evidence.items": current.evidence.items,
        "consultation.you_said_we_did": current.consultation.you_said_we_did,
    }
    rows = lists[kind]
    if index >= len(rows):
        return f"row {index + 1}"
    row = rows[index]
    if kind == "impacts":
        return label_of(row.group_id)
    return clean(getattr(row, "id", "") or f"row {index + 1}")


def _other_change(
    difference: FieldDifference, current: Assessment, label_of: Callable[[str], str]
) -> dict[str, str] | None:
    label = difference.label
    row = ROW_PATH.match(difference.path)
    if row:
        # A new or removed row is already in its own table; a mitigation has its own too.
        if not difference.words or difference.path.endswith(".mitigation"):
            return None
        label = label.replace(
            f"row {int(row.group(2)) + 1}",
            _row_name(current, row.group(1), int(row.group(2)), label_of),
        )
    if difference.words:
        change = clean(difference.marked)
    elif difference.before == EMPTY or difference.after == EMPTY:
        before = None if difference.before == EMPTY else difference.before
        after = None if difference.after == EMPTY else difference.after
        change = marked_change(before, after)
    else:
        was, now = (fit(clean(t), 120)[0] for t in (difference.before, difference.after))
        change = f"Was: {was} Now: {now}"
    return {"field": clean(label), "change": change}


def _other_changes(changes: Changes, label_of: Callable[[str], str]) -> list[dict[str, str]]:
    rows = []
    for difference in field_differences(changes.previous, changes.current):
        if difference.path in ("status", "stage", "schema_version"):
            continue
        row = _other_change(difference, changes.current, label_of)
        if row:
            rows.append(row)
    return rows


def _empty() -> dict[str, Any]:
    return {
        "available": False,
        "intro": "",
        "other": [],
        "ratings": [],
        "mitigations": [],
        "actions_added": [],
        "actions_removed": [],
        "evidence_added": [],
        "evidence_removed": [],
        "you_said_we_did_added": [],
        "nothing_changed": False,
    }


def build_changes_context(
    changes: Changes | None, label_of: Callable[[str], str]
) -> dict[str, Any]:
    """Format the comparison with the consultation-stage version.

    Args:
        changes: The computed differences, or None when there is nothing to compare.
        label_of: Label lookup for registry ids.

    Returns:
        The ``changes`` entry of the context; ``available`` is False without a comparison.
    """
    if changes is None:
        return _empty()
    return {
        "available": True,
        "intro": f"This section lists only what changed since {_version_label(changes)}: "
        "ratings, mitigations, actions, evidence and other text. In rewritten text, the "
        "words taken out are marked [removed: ...] and the words put in [added: ...].",
        "other": _other_changes(changes, label_of),
        "ratings": [
            {
                "group": label_of(r.group_id),
                "before": rating_label(r.before),
                "after": rating_label(r.after),
            }
            for r in changes.ratings
        ],
        "mitigations": [
            {
                "group": label_of(m.group_id),
                "change": humanise(m.kind),
                "what": marked_change(m.before, m.after),
            }
            for m in changes.mitigations
        ],
        "actions_added": [_action_row(a) for a in changes.actions_added],
        "actions_removed": [_action_row(a) for a in changes.actions_removed],
        "evidence_added": [_evidence_row(e) for e in changes.evidence_added],
        "evidence_removed": [_evidence_row(e) for e in changes.evidence_removed],
        "you_said_we_did_added": [
            {"you_said": clean(y.you_said), "we_did": clean(y.we_did)}
            for y in changes.you_said_we_did_added
        ],
        "nothing_changed": changes.is_empty,
    }
