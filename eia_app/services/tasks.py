"""The task list: every section of an assessment with its status, for one stage.

Pure: no Streamlit. It follows the GOV.UK Design System's "complete multiple
tasks" pattern. The order is :data:`eia_app.services.sections.SECTIONS`, and
the status of each section comes from the completeness rules for the stage, so
the task list, the check page and ``eia validate`` never disagree (the consistency
checks of :mod:`eia_app.domain.consistency` are among those rules, so a status
that disagrees with its dates counts against the quality-control section):

- a section whose fields all still hold a new draft's values is *not started*;
- one with content and a blocking issue under its fields is *in progress*;
- one with content and no blocking issue is *completed*;
- a section after screening *cannot start yet* until screening is completed;
- when screening concludes that no full assessment is needed, the list holds only
  the sections of the short path (screening, its reasons and the sign-off, after
  the key details that come before screening).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from eia_app.domain.assessment import Assessment
from eia_app.domain.completeness import SHORT_PATH_FIELDS, check_completeness, takes_short_path
from eia_app.domain.details import Stage
from eia_app.domain.issues import Issue
from eia_app.domain.labels import parse_path
from eia_app.services.sections import SECTIONS, Section, section_values

SCREENING_SECTION = "screening"
"""The section every later section waits for."""


class TaskStatus(StrEnum):
    """Where a section stands, in the words of the GOV.UK task list pattern."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANNOT_START_YET = "cannot_start_yet"


TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.NOT_STARTED: "Not started",
    TaskStatus.IN_PROGRESS: "In progress",
    TaskStatus.COMPLETED: "Completed",
    TaskStatus.CANNOT_START_YET: "Cannot start yet",
}


@dataclass(frozen=True)
class TaskEntry:
    """One row of the task list.

    Attributes:
        section_id: Id of the section, as in :data:`SECTIONS` (also its page's path).
        title: The section's title.
        status: Where the section stands.
        problems: Number of blocking issues under the section's fields.
        warnings: Number of non-blocking issues under them.
    """

    section_id: str
    title: str
    status: TaskStatus
    problems: int
    warnings: int

    @property
    def status_label(self) -> str:
        """The status as the task list shows it, for example "Cannot start yet"."""
        return TASK_STATUS_LABELS[self.status]


def sections_for(assessment: Assessment) -> tuple[Section, ...]:
    """Return the sections the assessment asks for, in order.

    Args:
        assessment: The assessment.

    Returns:
        Every section, or on the short path only those whose fields it asks for.
    """
    if not takes_short_path(assessment):
        return SECTIONS
    return tuple(s for s in SECTIONS if set(s.fields) <= SHORT_PATH_FIELDS)


def task_list(
    assessment: Assessment,
    stage: Stage | None,
    local_group_ids: Iterable[str],
    today: date | None = None,
) -> list[TaskEntry]:
    """Return the task list of an assessment for a stage.

    Args:
        assessment: The assessment (a draft is fine).
        stage: The stage whose rules apply; None for the assessment's own stage.
        local_group_ids: Local groups of interest the registry asks to be assessed,
            as for :func:`check_completeness`.
        today: Reference date for date checks; None skips them.

    Returns:
        One entry per section the assessment asks for, in the order of the form.
    """
    issues = check_completeness(assessment, stage, local_group_ids=local_group_ids, today=today)
    fresh = Assessment()
    entries: list[TaskEntry] = []
    screening_done = False
    for section in sections_for(assessment):
        under = [issue for issue in issues if _top_field(issue) in section.fields]
        errors = sum(1 for issue in under if issue.blocking)
        if _waits_for_screening(section) and not screening_done:
            status = TaskStatus.CANNOT_START_YET
        elif section_values(assessment, section) == section_values(fresh, section):
            status = TaskStatus.NOT_STARTED
        else:
            status = TaskStatus.IN_PROGRESS if errors else TaskStatus.COMPLETED
        if section.id == SCREENING_SECTION:
            screening_done = status is TaskStatus.COMPLETED
        entries.append(TaskEntry(section.id, section.title, status, errors, len(under) - errors))
    return entries


def _waits_for_screening(section: Section) -> bool:
    order = [s.id for s in SECTIONS]
    return order.index(section.id) > order.index(SCREENING_SECTION)


def _top_field(issue: Issue) -> str:
    parts = parse_path(issue.field)
    return str(parts[0]) if parts else ""
