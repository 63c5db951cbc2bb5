"""Templates and baselines: an administrator keeps the council's Word template and populations."""

import streamlit as st

from eia_app.domain.council_files import CouncilFileKind
from eia_app.domain.errors import EIAError
from eia_app.domain.permissions import Action, can
from eia_app.services import council_file_checks, council_files
from eia_app.ui import components, state
from eia_app.ui.plain import plain

PROBLEM_KEY = "eia.files.problem"
WARNINGS_KEY = "eia.files.warnings"
UPLOAD_KEYS = {
    CouncilFileKind.TEMPLATE: "eia.files.upload.template",
    CouncilFileKind.BASELINE: "eia.files.upload.baseline",
}
ACTIONS = {
    CouncilFileKind.TEMPLATE: Action.MANAGE_TEMPLATES,
    CouncilFileKind.BASELINE: Action.MANAGE_BASELINES,
}
HEADINGS = {
    CouncilFileKind.TEMPLATE: "The council's Word template",
    CouncilFileKind.BASELINE: "The council's population baselines",
}
EXPLAINED = {
    CouncilFileKind.TEMPLATE: (
        "Upload a Word document (.docx) made from the toolkit's template. The Export page "
        "builds reports from the most recent one, unless the author chooses the built-in "
        "template. It is checked by building a report from it before it is kept, so a "
        "template that cannot be used is refused now rather than when someone exports."
    ),
    CouncilFileKind.BASELINE: (
        "Upload a CSV file of your own population figures, with the columns characteristic, "
        "category_id and count (one row per category; see the baselines guide for the "
        "optional columns). Officers can then compare a consultation's respondents with "
        "it on the Consultation reach page. Each row is checked before it is kept."
    ),
}
UPLOAD_LABELS = {
    CouncilFileKind.TEMPLATE: "Word template to upload (.docx)",
    CouncilFileKind.BASELINE: "Population baseline to upload (.csv)",
}
KEEP_LABELS = {
    CouncilFileKind.TEMPLATE: "Check and keep the template",
    CouncilFileKind.BASELINE: "Check and keep the baseline",
}
NONE_YET = {
    CouncilFileKind.TEMPLATE: "No template has been uploaded: reports use the built-in one.",
    CouncilFileKind.BASELINE: "No baseline has been uploaded: only the shipped ones are offered.",
}


def render() -> None:
    """Draw the templates-and-baselines page, or say why this person may not use it."""
    st.title("Templates and baselines")
    components.show_flash()
    person = state.actor()
    decisions = [can(person, action) for action in ACTIONS.values()]
    if not any(decision.allowed for decision in decisions):
        st.info(decisions[0].reason)
        return
    st.write(
        "Only administrators may change these files. Every upload, replacement and "
        "removal is recorded in the audit trail with your name. A file with the same "
        "name as one already kept replaces it."
    )
    # Messages quote what was uploaded (a name, a cell of the CSV): shown as typed, never
    # read as Markdown.
    problem = st.session_state.pop(PROBLEM_KEY, None)
    if problem:
        st.error(f"There is a problem: {plain(problem)}")
    for warning in st.session_state.pop(WARNINGS_KEY, []):
        st.warning(plain(warning))
    for kind in CouncilFileKind:
        _section(kind)


def _section(kind: CouncilFileKind) -> None:
    st.header(HEADINGS[kind])
    decision = can(state.actor(), ACTIONS[kind])
    if not decision.allowed:
        st.info(decision.reason)
        return
    st.write(EXPLAINED[kind])
    _listing(kind)
    suffix = council_file_checks.SUFFIXES[kind].lstrip(".")
    st.file_uploader(UPLOAD_LABELS[kind], type=[suffix], key=_uploader_key(kind))
    st.button(KEEP_LABELS[kind], key=f"eia.files.keep.{kind.value}", on_click=_upload, args=(kind,))


def _listing(kind: CouncilFileKind) -> None:
    try:
        files = council_files.list_files(state.council_files_store(), kind)
    except EIAError as problem:
        st.error(f"There is a problem: the files could not be read: {problem}")
        return
    if not files:
        st.write(NONE_YET[kind])
        return
    # A data frame shows every value as plain text: no file name is read as HTML.
    st.dataframe(
        [
            {
                "Name": info.name,
                "Uploaded by": info.uploaded_by,
                "E-mail": info.uploaded_by_email,
                "When (UTC)": info.uploaded_at.strftime("%Y-%m-%d %H:%M"),
                "Size (KB)": max(1, round(info.size / 1024)),
            }
            for info in files
        ],
        hide_index=True,
    )
    for info in files:
        # The file name in each label tells a screen reader which file the button deletes;
        # "Remove <name>" is already the uploader's own button for a file chosen, not kept.
        st.button(
            f"Delete {info.name} from the council's files",
            key=f"eia.files.remove.{kind.value}.{info.name}",
            on_click=_remove,
            args=(kind, info.name),
        )


def _uploader_key(kind: CouncilFileKind) -> str:
    """The uploader's key, which changes once a file is kept, so that it is empty again."""
    return f"{UPLOAD_KEYS[kind]}.{st.session_state.get(_round_key(kind), 0)}"


def _round_key(kind: CouncilFileKind) -> str:
    return f"{UPLOAD_KEYS[kind]}.round"


def _upload(kind: CouncilFileKind) -> None:
    upload = st.session_state.get(_uploader_key(kind))
    if upload is None:
        st.session_state[PROBLEM_KEY] = (
            f"choose a file first, with “{UPLOAD_LABELS[kind]}”, then select {KEEP_LABELS[kind]}."
        )
        return
    keep = (
        council_files.upload_template
        if kind is CouncilFileKind.TEMPLATE
        else (council_files.upload_baseline)
    )
    person = state.actor()
    try:
        kept = keep(
            state.council_files_store(),
            state.repository(),
            actor=person,
            file_name=upload.name,
            data=upload.getvalue(),
        )
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    done = "replaced the earlier file of that name" if kept.replaced else "kept"
    state.flash(f"{plain(kept.info.name)} was checked and {done}.")
    st.session_state[WARNINGS_KEY] = kept.warnings
    # Kept: a new, empty uploader, so the same file is not kept twice by a second press.
    st.session_state[_round_key(kind)] = st.session_state.get(_round_key(kind), 0) + 1


def _remove(kind: CouncilFileKind, name: str) -> None:
    try:
        council_files.remove_file(
            state.council_files_store(),
            state.repository(),
            actor=state.actor(),
            kind=kind,
            name=name,
        )
    except EIAError as problem:
        st.session_state[PROBLEM_KEY] = str(problem)
        return
    state.flash(f"{plain(name)} was removed.")
