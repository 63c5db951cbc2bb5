"""The working copy on a section page: keep what was typed, bring it back, settle clashes.

What a person types is kept at the start of the next run (Streamlit has the new
widget values by then, whichever page that run draws), restored when a page is
drawn afresh, and set against versions someone else saved meanwhile.
"""

from typing import Any

import streamlit as st

from eia_app.domain.versions import RowDraft, StoredAssessment, VersionInfo, WorkingCopy
from eia_app.services.clashes import compare_with_latest
from eia_app.services.working_copies import (
    discard_changes,
    json_ready,
    keep_changes,
    keep_mine,
    newer_version,
)
from eia_app.ui import components, state
from eia_app.ui.form_fields import FieldKind, entered_value
from eia_app.ui.plain import plain, plain_rows
from eia_app.ui.state import widget_key


def keep_typing() -> None:
    """Keep what was typed on the section page drawn last as the person's working copy.

    Called by the entrypoint at the start of every run, before any page is
    drawn: Streamlit has put the new widget values in session state by then,
    even when the person has moved to another page (whose run would otherwise
    drop them).
    """
    editing = state.take_editing()
    if editing is None:
        return
    entered: dict[str, Any] = {}
    saved: dict[str, Any] = {}
    for path, drawn in editing.fields.items():
        present, raw = state.widget_value(drawn.key)
        if present:
            entered[path] = json_ready(entered_value(FieldKind(drawn.kind), raw))
            saved[path] = drawn.saved
    keep_changes(
        state.repository(),
        editing.reference,
        state.saved_by(),
        based_on_version=editing.based_on_version,
        entered=entered,
        saved=saved,
        rows={path: _row_draft(row) for path, row in editing.rows.items()},
    )


def _row_draft(row: state.RowEditing) -> RowDraft | None:
    """Return what was typed in a row editor, or None if it shows what it showed at first."""
    typed: dict[str, Any] = {}
    for name, drawn in row.fields.items():
        present, raw = state.widget_value(drawn.key)
        value = json_ready(entered_value(FieldKind(drawn.kind), raw)) if present else None
        if present and value != drawn.saved:
            typed[name] = value
    return RowDraft(row=row.row, values=typed) if typed else None


def start_editing(section_id: str, stored: StoredAssessment, copy: WorkingCopy | None) -> int:
    """Return the version the person's changes start from, and drop stale messages.

    It is the working copy's version if there is one; else the version a
    freshly drawn page shows.
    """
    prefix = widget_key(section_id, "")
    fresh = not any(str(key).startswith(prefix) for key in st.session_state)
    if fresh or base_key(section_id) not in st.session_state:
        st.session_state[base_key(section_id)] = stored.info.version
        st.session_state.pop(problems_key(section_id), None)
        if copy is None:
            st.session_state.pop(conflict_key(section_id), None)
    if copy is not None:
        return copy.based_on_version
    return int(st.session_state[base_key(section_id)])


def show_conflict(section_id: str, copy: WorkingCopy | None) -> None:
    """Say plainly when someone saved a newer version, and offer: keep mine, or discard."""
    message = st.session_state.get(conflict_key(section_id))
    newer = newer_version(state.repository(), copy) if copy is not None else None
    if not message and newer is None:
        return
    if message:
        st.error(message)
    elif newer is not None and copy is not None:
        st.warning(
            f"{plain(newer.saved_by)} saved version {newer.version} on "
            f"{components.when(newer.saved_at)} "
            f"after you started your changes to version {copy.based_on_version}. Your changes "
            "are still here. Keep them to save yours over theirs where you both changed "
            "something, or discard them to see the latest version."
        )
    if copy is not None:
        _compare(copy, newer)
    with st.container(horizontal=True):
        st.button("Keep my changes", key="eia.keep_mine", on_click=_keep_mine, args=(section_id,))
        st.button(
            "Discard my changes and show the latest version",
            key="eia.discard",
            on_click=_discard,
            args=(section_id,),
        )


def _compare(copy: WorkingCopy, newer: VersionInfo | None) -> None:
    """Each field the person changed: the text stored now beside their own, to merge."""
    differences = compare_with_latest(state.repository(), copy)
    if not differences:
        return
    stored = f"Version {newer.version} (saved by {newer.saved_by})" if newer else "Saved now"
    with st.expander(f"Compare your changes with the latest version ({len(differences)})"):
        st.write(
            "Your text is kept. To merge, copy what you need from the latest version into "
            "the fields below, then save."
        )
        rows = [{"Field": d.label, stored: d.before, "Your text": d.after} for d in differences]
        st.table(plain_rows(rows), hide_index=True)


def _keep_mine(section_id: str) -> None:
    reference = state.current_reference()
    if reference is not None:
        keep_mine(state.repository(), reference, state.saved_by())
    st.session_state.pop(conflict_key(section_id), None)


def _discard(section_id: str) -> None:
    reference = state.current_reference()
    if reference is not None:
        discard_changes(state.repository(), reference, state.saved_by())
    # Every page's typing is discarded with the working copy, not only this page's.
    state.forget_form_values()
    for key in [k for k in st.session_state if str(k).startswith(MESSAGE_PREFIXES)]:
        del st.session_state[key]


def base_key(section_id: str) -> str:
    """Return the session key of the version a page's changes start from."""
    return f"eia.base_version.{section_id}"


def conflict_key(section_id: str) -> str:
    """Return the session key of the message about a newer version."""
    return f"eia.conflict.{section_id}"


def problems_key(section_id: str) -> str:
    """Return the session key of the problems of the last failed save on a section page."""
    return f"eia.problems.{section_id}"


# Every page's messages and start versions, dropped with the working copy.
MESSAGE_PREFIXES = ("eia.base_version.", "eia.conflict.", "eia.problems.")
