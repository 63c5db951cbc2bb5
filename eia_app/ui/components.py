"""Pieces shared by every page: headings, the error summary and the open assessment."""

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.domain.issues import Issue
from eia_app.domain.versions import RowDraft, StoredAssessment, WorkingCopy
from eia_app.services.assessments import load_assessment
from eia_app.services.sections import section_for_field
from eia_app.services.working_copies import json_ready
from eia_app.ui import state
from eia_app.ui.form_fields import FieldKind, kept_value, option_label
from eia_app.ui.plain import plain

ERROR_SUMMARY_TITLE = "There is a problem. Nothing was saved; your answers are still here."
PROBLEM_HEADING = "There is a problem"
WARNINGS_HEADING = "Things to check"
ERROR_SUMMARY_KEY = "eia-error-summary"
_FOCUS_ALERT_SCRIPT = """<script>
setTimeout(() => {
  const alert = [...document.querySelectorAll('[data-testid="stAlert"]')]
    .find((candidate) => candidate.textContent.includes(%s));
  if (alert) {
    alert.setAttribute("tabindex", "-1");
    alert.scrollIntoView({block: "center"});
    alert.focus({preventScroll: true});
  }
}, 100);
</script>"""


@dataclass
class FormContext:
    """What the field renderers need besides the values themselves.

    Attributes:
        section_id: The page's section, used in widget keys.
        problems: Messages from the last failed save, keyed by field path.
        group_options: Registry ids offered wherever a group is chosen.
        group_labels: Readable label for each registry id.
        tables: ``(path, field)`` of each list drawn on the page, in order, so
            that the page adds a row editor for it below the form.
        kept: Field path -> value kept in the person's working copy, drawn
            instead of the saved value when a widget is first drawn.
        drawn: Field path -> the widget drawn for it, so that the next run keeps
            what is typed there.
        row_drafts: List path -> the row kept half-typed in the working copy.
        rows_drawn: List path -> its row editor as drawn, so that the next run
            keeps a half-typed row.
    """

    section_id: str
    problems: dict[str, str] = field(default_factory=dict)
    group_options: list[str] = field(default_factory=list)
    group_labels: dict[str, str] = field(default_factory=dict)
    tables: list[tuple[str, Any]] = field(default_factory=list)
    kept: dict[str, Any] = field(default_factory=dict)
    drawn: dict[str, state.EditedField] = field(default_factory=dict)
    row_drafts: dict[str, RowDraft] = field(default_factory=dict)
    rows_drawn: dict[str, state.RowEditing] = field(default_factory=dict)

    def start_value(self, path: str, kind: FieldKind, target: Any, saved: Any) -> Any:
        """Return the value a widget starts from, and note the widget for keeping.

        Args:
            path: The field's path, also the tail of the widget key.
            kind: The widget's kind, which says how to read its value back.
            target: The enum class of a choice, so kept text becomes a choice again.
            saved: The value in the saved version.

        Returns:
            The kept value if the working copy has one for this path, else ``saved``.
        """
        self.drawn[path] = state.EditedField(
            key=state.widget_key(self.section_id, path), kind=kind.value, saved=json_ready(saved)
        )
        if path in self.kept:
            return kept_value(kind, target, self.kept[path])
        return saved

    def group_label(self, group_id: str) -> str:
        """Return the label of a group id, or the id if the registry does not know it."""
        return self.group_labels.get(group_id, group_id)


def heading(text: str, level: int) -> None:
    """Show a heading at a given level (2 to 4); the page title is the only level 1.

    Args:
        text: The heading text.
        level: 2 for a section inside the page, 3 below that, 4 for anything deeper.
    """
    if level <= 2:
        st.header(text)
    elif level == 3:
        st.subheader(text)
    else:
        st.markdown(f"#### {text}")


def error_summary(problems: Iterable[Issue]) -> None:
    """Show the GOV.UK-style error summary: what is wrong, field by field.

    Args:
        problems: The problems to list.
    """
    lines = "\n".join(f"- **{p.label}**: {p.message}" for p in problems)
    st.error(f"**{ERROR_SUMMARY_TITLE}**\n\n{lines}")
    focus_alert(ERROR_SUMMARY_TITLE)


def page_link(page_id: str, label: str) -> None:
    """Link to another page of the app, carrying the open assessment, as the navigation does.

    Args:
        page_id: The page's id in the entrypoint's ``PAGES``.
        label: The link text.
    """
    target = state.page(page_id)
    if target is None:
        st.markdown(label)
    else:
        st.page_link(target, label=label, query_params=state.url_query())


def issue_summary(issues: Sequence[Issue], level: int) -> None:
    """Show the due-regard check as a GOV.UK error summary, each item a link to its page.

    Blocking issues come first, under "There is a problem" in a red-bordered box;
    warnings follow under "Things to check". Each item links to the section page
    that holds the field.

    Args:
        issues: The completeness issues for one stage.
        level: Heading level of the two headings (2 or 3).
    """
    errors = [issue for issue in issues if issue.blocking]
    warnings = [issue for issue in issues if not issue.blocking]
    if errors:
        with st.container(border=True, key=ERROR_SUMMARY_KEY):
            heading(PROBLEM_HEADING, level)
            for issue in errors:
                _issue_link(issue)
    if warnings:
        heading(WARNINGS_HEADING, level)
        for issue in warnings:
            _issue_link(issue)


def _issue_link(issue: Issue) -> None:
    # Messages quote what was typed (a group, a title): shown as typed, never as Markdown.
    label = plain(f"{issue.label}: {issue.message}")
    section_id = section_for_field(issue.field)
    if section_id is None:
        st.markdown(label)
    else:
        page_link(section_id, label)


def focus_alert(text: str) -> None:
    """Move the view and keyboard focus to the message box containing ``text``.

    This is the GOV.UK pattern for error summaries and success banners: after a
    save the person (and their screen reader) is taken to the outcome, wherever
    they were on the page.

    Args:
        text: Text that identifies the message box; shown on this run.
    """
    # No "<" at all inside the script, so no text can close it or open a comment there.
    literal = json.dumps(text).replace("<", "\\u003c")
    st.html(_FOCUS_ALERT_SCRIPT % literal, unsafe_allow_javascript=True)


def inline_problem(context: FormContext, path: str) -> None:
    """Show the error for one field next to it, if the last save found one.

    Args:
        context: The form context holding the problems.
        path: The field's dotted path.
    """
    message = context.problems.get(path)
    if message:
        st.error(f"Error: {message}")


def table_problems(context: FormContext, path: str, label: str) -> None:
    """Show the errors for a table's rows next to the table, if the last save found any.

    Args:
        context: The form context holding the problems.
        path: The table field's dotted path; rows are ``path[n]...``.
        label: The table's title, named in the message.
    """
    found = [
        message
        for where, message in context.problems.items()
        if where == path or where.startswith(f"{path}[")
    ]
    if found:
        st.error(f"Error in {label}: see the list at the top of the page ({len(found)} found).")


def load_current() -> StoredAssessment | None:
    """Load the open assessment, or explain how to open one.

    Returns:
        The current version of the open assessment, or None if none is open or
        it cannot be loaded (a message has been shown).
    """
    reference = state.current_reference()
    if reference is None:
        st.info("No assessment is open. Choose one in the Library, or start a new one there.")
        st.button(
            "Go to the Library",
            key="eia.goto_library",
            on_click=state.request_page,
            args=(state.LIBRARY_PAGE,),
        )
        return None
    try:
        return load_assessment(state.repository(), reference)
    except EIAError as problem:
        st.error(f"The assessment {reference} could not be opened: {problem}")
        return None


def assessment_caption(stored: StoredAssessment) -> None:
    """Say which assessment and version is open, as text."""
    info, assessment = stored.info, stored.assessment
    st.markdown(
        f"**{info.reference}**: {plain(assessment.title)}  \n"
        f"Version {info.version}, saved by {plain(info.saved_by)} on "
        f"{info.saved_at:%d %B %Y at %H:%M} UTC. "
        f"Status: {option_label(assessment.status)}. Stage: {option_label(assessment.stage)}."
    )


def when(moment: datetime) -> str:
    """Say a UTC time in words: "14:05 on 3 March 2025 (UTC)"."""
    return f"{moment:%H:%M} on {moment.day} {moment:%B %Y} (UTC)"


def assessment_summary(stored: StoredAssessment) -> None:
    """Say which assessment is open, with its status and stage (the version is in the status)."""
    assessment = stored.assessment
    st.markdown(
        f"**{stored.info.reference}**: {plain(assessment.title)}  \n"
        f"Status: {option_label(assessment.status)}. Stage: {option_label(assessment.stage)}."
    )


def save_status(stored: StoredAssessment, copy: WorkingCopy | None) -> None:
    """Say when this person's changes were last kept, and when the last version was saved.

    Args:
        stored: The latest saved version.
        copy: This person's working copy, if they have unsaved changes.
    """
    info = stored.info
    kept = (
        f"Your changes were kept at {copy.kept_at:%H:%M} (UTC). They are not saved as a "
        "version until you press Save."
        if copy is not None
        else "You have no unsaved changes."
    )
    st.markdown(
        f"{kept}  \nLast saved as version {info.version} by {plain(info.saved_by)} at "
        f"{when(info.saved_at)}."
    )


def show_flash() -> None:
    """Show, and move focus to, the message kept from the previous run ("Saved as version 2")."""
    message = state.take_flash()
    if message:
        st.success(message)
        focus_alert(message)
