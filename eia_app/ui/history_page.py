"""Check and history: completeness for a stage, the version history, and older versions."""

from datetime import date

import streamlit as st

from eia_app.domain.details import Stage
from eia_app.domain.errors import EIAError
from eia_app.domain.versions import StoredAssessment
from eia_app.services.assessments import (
    assessment_to_json,
    check_assessment,
    load_assessment,
    version_history,
)
from eia_app.services.downloads import download_stem
from eia_app.services.review import compare_versions as compare_stored_versions
from eia_app.services.sections import compare_versions
from eia_app.ui import components, state
from eia_app.ui.audit_view import render_audit_trail
from eia_app.ui.form_fields import option_label
from eia_app.ui.plain import plain, plain_rows


def render() -> None:
    """Draw the check-and-history page for the open assessment."""
    st.title("Check and history")
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_caption(stored)
    _completeness(stored)
    _history(stored)
    render_audit_trail(stored.info.reference)


def _completeness(stored: StoredAssessment) -> None:
    st.header("Completeness check")
    stages = list(Stage)
    stage = st.selectbox(
        "Check against the stage",
        stages,
        index=stages.index(stored.assessment.stage),
        format_func=option_label,
        key="eia.history.stage",
        help="Each stage asks for everything the earlier stages do, and more.",
    )
    issues = check_assessment(stored.assessment, stage, today=date.today())
    errors = [i for i in issues if i.blocking]
    warnings = [i for i in issues if not i.blocking]
    st.write(
        f"For the {option_label(stage).lower()} stage: {len(errors)} problem"
        f"{'' if len(errors) == 1 else 's'} to fix and {len(warnings)} warning"
        f"{'' if len(warnings) == 1 else 's'}."
    )
    components.issue_summary(issues, level=3)
    if not issues:
        st.success("Nothing is missing for this stage.")


def _history(stored: StoredAssessment) -> None:
    st.header("Version history")
    reference = stored.info.reference
    try:
        versions = version_history(state.repository(), reference)
    except EIAError as problem:
        st.error(f"The history could not be read: {problem}")
        return
    rows = [
        {
            "Version": str(v.version),
            "Saved": f"{v.saved_at:%d/%m/%Y %H:%M}",
            "Saved by": v.saved_by,
            "What changed": v.change_summary or "Not recorded",
        }
        for v in reversed(versions)
    ]
    st.table(plain_rows(rows), hide_index=True)
    numbers = [v.version for v in reversed(versions)]
    _older_version(stored, numbers)
    _comparison(reference, numbers)


def _older_version(stored: StoredAssessment, numbers: list[int]) -> None:
    st.header("Read a version")
    number = st.selectbox(
        "Version to read",
        numbers,
        key="eia.history.version",
        format_func=lambda n: f"Version {n}",
        help="Read any saved version; saving never overwrites one.",
    )
    try:
        older = load_assessment(state.repository(), stored.info.reference, number)
    except EIAError as problem:
        st.error(f"Version {number} could not be read: {problem}")
        return
    st.write(
        f"Version {number} was saved by {plain(older.info.saved_by)} on "
        f"{older.info.saved_at:%d %B %Y at %H:%M} UTC."
    )
    differences = compare_versions(older.assessment, stored.assessment)
    if number == stored.info.version:
        st.write("This is the current version.")
    elif differences:
        st.markdown(
            f"Fields that differ from the current version ({stored.info.version}):\n"
            + "\n".join(f"- {label}" for label in differences)
        )
    else:
        st.write("It has the same content as the current version.")
    with st.expander(f"Full content of version {number}"):
        st.json(older.assessment.model_dump(mode="json"), expanded=True)
    st.download_button(
        f"Download version {number} as JSON",
        assessment_to_json(older.assessment),
        file_name=f"{download_stem(stored.info.reference, number)}.json",
        mime="application/json",
        key="eia.history.download",
    )


def _comparison(reference: str, numbers: list[int]) -> None:
    st.header("Compare two versions")
    if len(numbers) < 2:
        st.write("There is only one version, so there is nothing to compare yet.")
        return
    left, right = st.columns(2)
    first = left.selectbox(
        "Earlier version",
        numbers,
        index=1,
        key="eia.history.compare_from",
        format_func=lambda n: f"Version {n}",
    )
    second = right.selectbox(
        "Later version",
        numbers,
        index=0,
        key="eia.history.compare_to",
        format_func=lambda n: f"Version {n}",
    )
    if first == second:
        st.write("Choose two different versions to compare.")
        return
    try:
        differences = compare_stored_versions(state.repository(), reference, first, second)
    except EIAError as problem:
        st.error(f"The versions could not be compared: {problem}")
        return
    older, newer = sorted((first, second))
    if not differences:
        st.write(f"Versions {older} and {newer} have the same content.")
        return
    st.write(
        f"{len(differences)} field{'' if len(differences) == 1 else 's'} differ between "
        f"version {older} and version {newer}. For long text, the last column shows the "
        "words removed and added."
    )
    rows = [
        {
            "Field": d.label,
            f"Version {older}": d.before,
            f"Version {newer}": d.after,
            "Words removed and added": d.marked or "Shown in full",
        }
        for d in differences
    ]
    st.table(plain_rows(rows), hide_index=True)
