"""Plain-text views of stored assessments for the terminal: the library table and one record."""

from collections.abc import Sequence
from datetime import datetime

from eia_app.domain.issues import Issue
from eia_app.domain.versions import AssessmentSummary, StoredAssessment, VersionInfo

TABLE_HEADINGS = ("Reference", "Version", "Status", "Stage", "Review date", "Directorate", "Title")
MOST_ISSUES_SHOWN = 10


def _words(value: str) -> str:
    # Enum values are snake_case; people read "in review", not "in_review".
    return value.replace("_", " ")


def format_time(moment: datetime) -> str:
    """Return a UTC timestamp to the minute, for example "2025-06-01 14:05 UTC"."""
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def format_table(summaries: Sequence[AssessmentSummary]) -> str:
    """Lay out library rows as an aligned text table.

    Args:
        summaries: Current versions of the assessments to show.

    Returns:
        The table with a heading row, or a sentence saying nothing matched.
    """
    if not summaries:
        return "No assessments match. Add one with `eia import FILE`."
    rows = [TABLE_HEADINGS] + [
        (
            s.reference,
            str(s.version),
            _words(s.status),
            s.stage.value,
            s.review_date.isoformat() if s.review_date else "-",
            s.directorate or "-",
            s.title,
        )
        for s in summaries
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(len(TABLE_HEADINGS))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    return "\n".join(line.rstrip() for line in lines)


def format_history(history: Sequence[VersionInfo]) -> list[str]:
    """Return one line per saved version, oldest first.

    Args:
        history: The versions of one assessment.

    Returns:
        Lines such as "  v2  2025-06-01 14:05 UTC  by Alex  Changed: Evidence".
    """
    return [
        f"  v{info.version}  {format_time(info.saved_at)}  by {info.saved_by}"
        + (f"  {info.change_summary}" if info.change_summary else "")
        for info in history
    ]


def format_completeness(stage: str, issues: Sequence[Issue], reference: str) -> list[str]:
    """Summarise completeness problems, listing the first few blocking ones.

    Args:
        stage: The stage checked against.
        issues: Every issue found.
        reference: The assessment's reference, for the hint on seeing them all.

    Returns:
        A heading line and up to :data:`MOST_ISSUES_SHOWN` issue lines.
    """
    errors = [issue for issue in issues if issue.blocking]
    warnings = len(issues) - len(errors)
    if not errors:
        return [f"Completeness for the {stage} stage: ready ({_count(warnings, 'warning')})."]
    lines = [
        f"Completeness for the {stage} stage: {_count(len(errors), 'blocking problem')}, "
        f"{_count(warnings, 'warning')}."
    ]
    lines += [f"  - {issue.as_line()}" for issue in errors[:MOST_ISSUES_SHOWN]]
    hidden = len(errors) - MOST_ISSUES_SHOWN
    if hidden > 0:
        lines.append(
            f"  ... and {hidden} more: run `eia export-json {reference} -o FILE` and "
            "`eia validate FILE` to see them all."
        )
    return lines


def format_record(
    stored: StoredAssessment, history: Sequence[VersionInfo], issues: Sequence[Issue]
) -> str:
    """Describe one version of an assessment: key facts, history and completeness.

    Args:
        stored: The version shown.
        history: Every version of the assessment, oldest first.
        issues: Completeness issues of the version shown, for its own stage.

    Returns:
        Several lines of text.
    """
    assessment, info = stored.assessment, stored.info
    review = assessment.monitoring.review_date
    facts = [
        ("Reference", f"{info.reference} (version {info.version} of {len(history)})"),
        ("Status", _words(assessment.status)),
        ("Stage", assessment.stage.value),
        ("Directorate", assessment.key_details.directorate or "-"),
        ("Lead officer", assessment.key_details.lead_officer.name or "-"),
        ("Review date", review.isoformat() if review else "-"),
        ("Saved", f"{format_time(info.saved_at)} by {info.saved_by}"),
    ]
    lines = [assessment.title, ""]
    lines += [f"{label + ':':<14}{value}" for label, value in facts]
    lines += ["", "Version history", *format_history(history), ""]
    lines += format_completeness(assessment.stage.value, issues, info.reference)
    return "\n".join(lines)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")
