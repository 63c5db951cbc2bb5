"""The "What changed after consultation" part of the report context."""

from collections.abc import Callable
from typing import Any

from eia_app.domain.changes import Changes
from eia_app.domain.decision import Action
from eia_app.domain.evidence import EvidenceItem
from eia_app.domain.publication import NOT_AVAILABLE
from eia_app.export.sections import rating_label
from eia_app.export.text import clean, fmt_date, humanise, text_or


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


def _empty() -> dict[str, Any]:
    return {
        "available": False,
        "intro": "",
        "sections": "",
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
        "intro": f"This section compares this version with {_version_label(changes)}. "
        f"It is worked out from the stored versions, not written by hand.",
        "sections": clean(changes.sections),
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
                "before": text_or(m.before, NOT_AVAILABLE),
                "after": text_or(m.after, NOT_AVAILABLE),
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
