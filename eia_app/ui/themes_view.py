"""The free-text part of the consultation page: pick questions, find themes, approve, save.

The comments never leave the officer's session: the themes result with its redacted
quote candidates is kept in session state, keyed by a hash of the file and the edits,
so a rerun (an Approve box ticked, a chart changed) does not theme the file again.
Saving keeps only the published aggregates and the edits, with the file's fingerprint;
when the same file is uploaded again, the saved edits are applied again.
"""

import json

import streamlit as st

from eia_app.domain.errors import EIAError, ThemeSplitError
from eia_app.domain.issues import Issue, IssueLevel
from eia_app.domain.saved_themes import SavedThemes
from eia_app.domain.themes import FreeTextColumn, ThemesResult
from eia_app.domain.versions import StoredAssessment
from eia_app.services.themes import analyse_themes_upload
from eia_app.services.themes_saved import (
    edits_to_reapply,
    free_text_upload,
    save_themes_for,
    saved_themes,
)
from eia_app.ui import state
from eia_app.ui.components import error_summary, focus_alert, heading
from eia_app.ui.plain import plain
from eia_app.ui.tables import html_table
from eia_app.ui.themes_edit import (
    EDITS_KEY,
    PROBLEMS_KEY,
    current_edits,
    refuse_pending_split,
    show_question,
    split_accepted,
    undo_button,
)

FOUND_KEY = "eia.themes.found"
FILE_KEY = "eia.themes.file"
PICKED_KEY = "eia.themes.columns"
RUN_KEY = "eia.themes.run"
RESULTS_KEY = "eia.themes.results"
REAPPLIED_KEY = "eia.themes.reapplied"
MAX_RESULTS = 4
SECTION = "What people told us: themes in the free text"


def _problem(label: str, message: str) -> None:
    error_summary([Issue(level=IssueLevel.ERROR, field="themes", label=label, message=message)])


def _start_file(digest: str, saved: SavedThemes | None, found: list[FreeTextColumn]) -> None:
    """On a new file, forget the last file's choices and bring back edits saved for this one."""
    if st.session_state.get(FILE_KEY) == digest:
        return
    for key in (PICKED_KEY, RUN_KEY, PROBLEMS_KEY, REAPPLIED_KEY):
        st.session_state.pop(key, None)
    reapplied = edits_to_reapply(saved, digest)
    edits = reapplied.edits
    st.session_state[EDITS_KEY] = edits
    columns = [c.column for c in found]
    st.session_state[PICKED_KEY] = [c for c in columns if c in edits] or columns
    if edits and saved is not None and reapplied.same_file:
        st.session_state[REAPPLIED_KEY] = (
            f"Themes were saved for this file by {plain(saved.saved_by)} on "
            f"{saved.saved_at:%d %B %Y}: their splits, merges, names and approved quotes are "
            "applied again when you find the themes."
        )
    elif edits and saved is not None:
        count = reapplied.quotes
        st.session_state[REAPPLIED_KEY] = (
            f"Themes were saved for an earlier export by {plain(saved.saved_by)} on "
            f"{saved.saved_at:%d %B %Y}. Its {count} approved "
            f"quote{'s stay' if count != 1 else ' stays'} approved wherever the same comment is "
            "chosen as a quote again. Its splits, "
            "merges and names are not carried over, because the themes are found afresh from "
            "this file: check them, and name them again where you need to."
        )
    st.session_state[FILE_KEY] = digest


def _found(digest: str, data: bytes, name: str, sheet: str | None) -> list[FreeTextColumn]:
    known: dict[str, list[FreeTextColumn]] = st.session_state.setdefault(FOUND_KEY, {})
    key = json.dumps([digest, sheet])
    if key not in known:
        known.clear()  # only the current upload is kept
        known[key] = free_text_upload(data, name, sheet)
    return known[key]


def _ask() -> None:
    st.session_state[RUN_KEY] = [str(c) for c in st.session_state.get(PICKED_KEY) or []]


def _themed(
    digest: str, data: bytes, name: str, sheet: str | None, columns: list[str]
) -> ThemesResult:
    """The themes for these questions and edits: from the session, else a new analysis."""
    # Approvals are left out: ticking a box must not theme the file again, and the
    # engine's own approved flags would otherwise outlive an unticked box.
    edits = {c: current_edits(c).model_copy(update={"approved_quotes": ()}) for c in columns}
    key = json.dumps(
        [digest, sheet, columns, {c: e.model_dump(mode="json") for c, e in edits.items()}],
        sort_keys=True,
    )
    results: dict[str, ThemesResult] = st.session_state.setdefault(RESULTS_KEY, {})
    if key in results:
        return results[key]
    with st.status(f"Finding the themes in {name}", expanded=True) as status:
        status.write(
            "Reading the answers, grouping them by meaning and counting each theme by group. "
            "A large file takes up to half a minute."
        )
        try:
            result = analyse_themes_upload(data, name, edits=edits, columns=columns, sheet=sheet)
        except ThemeSplitError as refused:
            if not refuse_pending_split(str(refused)):
                status.update(label=f"Could not find themes in {name}", state="error")
                raise
            status.update(label="The split was not made", state="error", expanded=False)
            return _themed(digest, data, name, sheet, columns)
        except EIAError:
            status.update(label=f"Could not find themes in {name}", state="error")
            raise
        status.update(label=f"Found the themes in {name}", state="complete", expanded=False)
    split_accepted()
    results[key] = result
    while len(results) > MAX_RESULTS:  # the oldest go first
        results.pop(next(iter(results)))
    return result


def show_themes(
    stored: StoredAssessment, name: str, data: bytes, digest: str, sheet: str | None
) -> None:
    """Draw the themes section for an uploaded survey.

    Args:
        stored: The open assessment version.
        name: The file's name as uploaded.
        data: Its bytes (never kept beyond the session).
        digest: Its SHA-256, to cache work and to reapply saved edits.
        sheet: The workbook sheet chosen, if any.
    """
    heading(SECTION, 2)
    st.markdown(
        "Group the answers to the open questions into themes, and see which groups raised "
        "each theme more often than others. The comments are grouped on this computer; "
        "nothing is sent elsewhere. Only the theme names, counts by group and the quotes "
        "you approve are saved."
    )
    info = stored.info
    try:
        found = _found(digest, data, name, sheet)
    except EIAError as problem:
        _problem(name, str(problem))
        return
    saved = saved_themes(state.repository(), info.reference, info.version)
    _start_file(digest, saved, found)
    if not found:
        st.markdown("No free-text question was found in this file (long, varied answers).")
        return
    rows = [(c.column, f"{c.answers:,}") for c in found]
    headers = [("Question", "24em"), ("Answers", "6em")]
    st.markdown(html_table("Free-text questions", headers, rows), unsafe_allow_html=True)
    if st.session_state.get(REAPPLIED_KEY):
        st.info(st.session_state[REAPPLIED_KEY])
    with st.form("eia.themes.pick"):
        st.multiselect(
            "Questions to theme",
            [c.column for c in found],
            key=PICKED_KEY,
            help="Choose one or more. Each is themed on its own.",
        )
        st.form_submit_button("Find the themes", on_click=_ask)
    asked = st.session_state.get(RUN_KEY)
    if asked is None:
        return
    if not asked:
        _problem("Questions to theme", "Choose at least one question to theme.")
        return
    try:
        result = _themed(digest, data, name, sheet, list(asked))
    except EIAError as problem:
        _problem(name, str(problem))
        return
    for question in result.questions:
        show_question(question)
        undo_button(question.column)
    _save(stored, result, digest, saved)


def _save(
    stored: StoredAssessment, result: ThemesResult, digest: str, saved: SavedThemes | None
) -> None:
    info = stored.info
    edits = {q.column: current_edits(q.column) for q in result.questions}
    approved = sum(len(e.approved_quotes) for e in edits.values())
    heading("Save the themes with this assessment", 3)
    st.markdown(
        f"Saving keeps with version {info.version} the theme names, key phrases, counts by "
        f"group and the {approved} quote{'' if approved == 1 else 's'} you approved, with "
        "your splits, merges and names. The comments and the quotes you did not approve are "
        "not saved."
    )
    if saved is not None:
        st.markdown(
            f"Themes saved by {plain(saved.saved_by)} on {saved.saved_at:%d %B %Y} from "
            f"{plain(saved.themes.file)} are already kept; saving these puts them in the "
            "report instead."
        )
    if st.button("Save the themes with this assessment", key="eia.themes.save"):
        save_themes_for(
            state.repository(),
            info.reference,
            info.version,
            result,
            edits,
            source_digest=digest,
            saved_by=state.saved_by(),
        )
        message = f"Saved the themes with version {info.version}."
        st.success(message)
        focus_alert(message)


def show_saved(stored: StoredAssessment) -> None:
    """Draw the themes saved with this version (or an earlier one), without the file."""
    info = stored.info
    saved = saved_themes(state.repository(), info.reference, info.version)
    if saved is None:
        return
    heading(SECTION, 2)
    st.markdown(
        f"Themed by {plain(saved.saved_by)} on {saved.saved_at:%d %B %Y at %H:%M} UTC and saved "
        f"with version {saved.version}, from the file {plain(saved.themes.file)}. Upload the file "
        "again to change the themes or the quotes."
    )
    for question in saved.themes.questions:
        show_question(question, editable=False)
