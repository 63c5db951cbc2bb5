"""The task list: each section of the open assessment with its status.

It follows the GOV.UK Design System's "complete multiple tasks" pattern.

Statuses come from :func:`eia_app.services.tasks.task_list`, which uses the
same completeness rules as the check page and ``eia validate``.
"""

from datetime import date

import streamlit as st

from eia_app.domain.completeness import takes_short_path
from eia_app.domain.details import Stage
from eia_app.services.assessments import check_assessment
from eia_app.services.reference import local_group_ids
from eia_app.services.tasks import TaskEntry, TaskStatus, task_list
from eia_app.ui import components
from eia_app.ui.form_fields import option_label

STAGE_KEY = "eia.tasks.stage"


def render() -> None:
    """Draw the task list for the open assessment."""
    st.title("Task list")
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_summary(stored)
    components.show_flash()
    stages = list(Stage)
    stage = st.selectbox(
        "Show the tasks for the stage",
        stages,
        index=stages.index(stored.assessment.stage),
        format_func=option_label,
        key=STAGE_KEY,
        help="Each stage asks for everything the earlier stages do, and more.",
    )
    today = date.today()
    entries = task_list(stored.assessment, stage, local_group_ids(), today=today)
    completed = sum(1 for entry in entries if entry.status is TaskStatus.COMPLETED)
    st.markdown(f"You have completed {completed} of {len(entries)} sections.")
    if takes_short_path(stored.assessment):
        st.markdown(
            "Screening says no full assessment is needed, so only the screening "
            "and sign-off sections are listed."
        )
    st.header("Sections")
    for entry in entries:
        _task(entry)
    st.header("Check for the stage")
    issues = check_assessment(stored.assessment, stage, today=today)
    if issues:
        components.issue_summary(issues, level=3)
    else:
        st.markdown(f"Nothing is missing for the {option_label(stage).lower()} stage.")


def _task(entry: TaskEntry) -> None:
    """One row: the section (a link unless it cannot start yet), then its status in words."""
    name, status = st.columns([3, 2])
    with name:
        if entry.status is TaskStatus.CANNOT_START_YET:
            st.markdown(entry.title)
        else:
            components.page_link(entry.section_id, entry.title)
    status.markdown(f"{entry.status_label}{_counts(entry)}")


def _counts(entry: TaskEntry) -> str:
    """The problems and warnings in words, for example ", 1 problem, 2 things to check"."""
    parts = []
    if entry.problems:
        parts.append(f"{entry.problems} problem{'' if entry.problems == 1 else 's'}")
    if entry.warnings:
        parts.append(f"{entry.warnings} thing{'' if entry.warnings == 1 else 's'} to check")
    return "".join(f", {part}" for part in parts)
