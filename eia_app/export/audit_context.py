"""The audit trail summarised for the Word EIA's version table: who did what to each version."""

from collections.abc import Sequence

from eia_app.domain.audit import AuditAction, AuditEvent
from eia_app.export.text import fmt_date

# The steps that make a version a record; comments and exports stay in the full trail.
RECORDED_STEPS = (
    AuditAction.CREATED,
    AuditAction.SAVED,
    AuditAction.SUBMITTED,
    AuditAction.RETURNED,
    AuditAction.APPROVED,
    AuditAction.PUBLISHED,
)
# A long history would swamp the table: the latest versions, and a note of the rest.
MAX_VERSIONS = 12


def version_record_rows(events: Sequence[AuditEvent]) -> list[tuple[str, str]]:
    """Return one (label, value) row per version: who created, saved, approved or published it.

    Args:
        events: The assessment's audit trail, oldest first.

    Returns:
        Rows such as ("Version 3", "approved by Sam Jones on 2 March 2026"), the
        newest last; an opening row says how many earlier versions were left out.
    """
    by_version: dict[int, list[str]] = {}
    for event in events:
        if event.version is None or event.action not in RECORDED_STEPS:
            continue
        by_version.setdefault(event.version, []).append(
            f"{event.action.value} by {event.actor} on {fmt_date(event.at.date())}"
        )
    numbers = sorted(by_version)
    shown = numbers[-MAX_VERSIONS:]
    rows = [(f"Version {number}", "; ".join(by_version[number])) for number in shown]
    if len(numbers) > len(shown):
        left_out = len(numbers) - len(shown)
        rows.insert(0, ("Earlier versions", f"{left_out} more, in the audit trail"))
    return rows
