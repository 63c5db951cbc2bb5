"""The consultation reach page: who answered a survey, against the population.

Respondent-level survey data is special category personal data. The uploaded file
lives only in the uploader widget and in local variables while the page runs; the
session keeps aggregated results (``ReachResult``) keyed by a hash of the file, so
that a new baseline or split redraws at once, and nothing is logged. Only the
aggregated result is saved, with the assessment version and the mapping used.
"""

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import streamlit as st

from eia_app.domain.errors import EIAError
from eia_app.domain.issues import Issue, IssueLevel
from eia_app.domain.permissions import Action
from eia_app.domain.publication import RARE_ANSWERS
from eia_app.domain.reach import ReachResult
from eia_app.domain.versions import SavedReach, StoredAssessment
from eia_app.services.reach_tables import view_of
from eia_app.services.reach_upload import (
    SURVEY_FILE_TYPES,
    analyse_upload,
    category_choices,
    mapping_targets,
    save_reach_for,
    saved_reach,
    used_mapping,
)
from eia_app.ui import state, themes_view
from eia_app.ui.components import (
    assessment_caption,
    error_summary,
    focus_alert,
    heading,
    load_current,
)
from eia_app.ui.plain import plain
from eia_app.ui.reach_choices import (
    SHEET_KEY,
    baseline_picker,
    cohort_picker,
    sheet_picker,
)
from eia_app.ui.reach_results import short_key, show_reach, show_source

UPLOAD_KEY = "eia.reach.upload"
RESULTS_KEY = "eia.reach.results"
FILE_KEY = "eia.reach.file"
DIGESTS_KEY = "eia.reach.digests"
OVERRIDES_KEY = "eia.reach.overrides"
ASSIGNMENTS_KEY = "eia.reach.assignments"
SPLIT_KEY = "eia.reach.split_by"
MAX_RESULTS = 8
NO_SPLIT = ""
ALL_RESPONDENTS = ""
UNPLACED = ""


def render() -> None:
    """Draw the page: upload, what was read, corrections, choices, figures, save."""
    st.title("Consultation reach")
    stored = load_current()
    if stored is None:
        return
    assessment_caption(stored)
    saved = saved_reach(state.repository(), stored.info.reference, stored.info.version)
    limit = int(st.get_option("server.maxUploadSize"))
    st.markdown(
        "Upload the responses exported from your survey platform to see who answered, "
        "compared with the population. Files can be CSV, text (TSV) or a spreadsheet "
        f"(XLSX, XLS or ODS), up to {limit} MB. The file is read in memory for the "
        "analysis only: only counts by group are saved, never individual responses."
    )
    upload = st.file_uploader("Survey responses file", type=list(SURVEY_FILE_TYPES), key=UPLOAD_KEY)
    if upload is None:
        _show_saved(saved)
        themes_view.show_saved(stored)
        return
    data = upload.getvalue()
    if _analyse_and_show(stored, upload.name, data, saved, upload.file_id):
        digest = _digest(data, upload.file_id)
        themes_view.show_themes(stored, upload.name, data, digest, st.session_state.get(SHEET_KEY))


def _show_saved(saved: SavedReach | None) -> None:
    if saved is None:
        st.info("No survey has been analysed for this assessment yet.")
        return
    heading("Saved result", 2)
    st.markdown(
        f"Analysed by {plain(saved.saved_by)} on {saved.saved_at:%d %B %Y at %H:%M} UTC and saved "
        f"with version {saved.version}, from the file {saved.reach.source.file}. "
        "Upload the file again to change the analysis."
    )
    show_source(saved.reach, _target_labels())
    show_reach(saved.reach, view_of(saved.reach, _group_picker(saved.reach)))


def _digest(data: bytes, file_id: str) -> str:
    """The file's SHA-256, worked out once per upload.

    Hashing a large file on every rerun would slow each change of split or population.
    """
    known: dict[str, str] = st.session_state.setdefault(DIGESTS_KEY, {})
    if file_id not in known:
        known.clear()  # only the current upload is kept
        known[file_id] = hashlib.sha256(data).hexdigest()
    return known[file_id]


def _analyse_and_show(
    stored: StoredAssessment, name: str, data: bytes, saved: SavedReach | None, file_id: str
) -> bool:
    """Analyse and draw the reach; False when the file could not be read (the error is shown)."""
    digest = _digest(data, file_id)
    if st.session_state.get(FILE_KEY) != digest:
        # Corrections belong to one file; a new file starts from what is recognised.
        for key in (OVERRIDES_KEY, ASSIGNMENTS_KEY, SPLIT_KEY, SHEET_KEY):
            st.session_state.pop(key, None)
        st.session_state[FILE_KEY] = digest
    heading("Compare and split", 2)
    try:
        sheet = sheet_picker(data, name)
        baseline = baseline_picker()
        cohort = cohort_picker()
        choices = st.container()
        result = _analysed(digest, data, name, sheet, baseline, cohort)
    except EIAError as problem:
        issue = Issue(level=IssueLevel.ERROR, field="survey", label=name, message=str(problem))
        error_summary([issue])
        _show_saved(saved)
        return False
    with choices:
        _split_picker(result)
        view = view_of(result, _group_picker(result))
    heading("What was recognised", 2)
    show_source(result, _target_labels())
    _corrections(result)
    show_reach(result, view)
    _save(stored, result, saved)
    return True


def _analysed(
    digest: str, data: bytes, name: str, sheet: str | None, baseline: str, cohort: str | None
) -> ReachResult:
    """The aggregated result for these options: from the session, else a new analysis."""
    overrides: dict[str, str] = st.session_state.get(OVERRIDES_KEY, {})
    assignments: dict[str, dict[str, str]] = st.session_state.get(ASSIGNMENTS_KEY, {})
    split_by = str(st.session_state.get(SPLIT_KEY) or "") or None
    options = [digest, sheet, baseline, cohort, overrides, assignments, split_by]
    key = json.dumps(options, sort_keys=True)
    results: dict[str, ReachResult] = st.session_state.setdefault(RESULTS_KEY, {})
    if key in results:
        return results[key]
    with st.status(f"Analysing {name}", expanded=True) as status:
        status.write("Reading the file, recognising the questions and counting the answers.")
        try:
            result = analyse_upload(
                data,
                name,
                sheet=sheet,
                baseline=baseline,
                mapping=overrides,
                assignments=assignments,
                split_by=split_by,
                cohort=cohort,
                council=state.council_files_store(),
            )
        except EIAError:
            status.update(label=f"Could not analyse {name}", state="error", expanded=False)
            raise
        status.update(label=f"Analysed {name}", state="complete", expanded=False)
    results[key] = result
    while len(results) > MAX_RESULTS:  # the oldest go first: dicts keep insertion order
        results.pop(next(iter(results)))
    return result


def _split_picker(result: ReachResult) -> None:
    columns = [q.column for q in result.questions if q.target != "opinion"]
    columns.sort(key=lambda column: column not in _respondent_type_columns(result))
    current = str(st.session_state.get(SPLIT_KEY) or NO_SPLIT)
    options = [NO_SPLIT, *columns, *([current] if current and current not in columns else [])]
    st.selectbox(
        "Split the respondents by",
        options,
        key=SPLIT_KEY,
        format_func=lambda column: column or "No split: all respondents together",
        help="For example by who is responding, to show parents and carers only.",
    )


def _respondent_type_columns(result: ReachResult) -> set[str]:
    return {q.column for q in result.questions if q.target == "respondent_type"}


def _group_picker(result: ReachResult) -> str | None:
    if not result.splits or not result.split_by:
        return None
    groups = [ALL_RESPONDENTS, *result.splits]
    picked = st.selectbox(
        "Show the figures of",
        groups,
        key=f"eia.reach.group.{short_key(result.split_by)}",
        format_func=lambda group: (
            f"{group} ({result.splits[group].respondents:,})"
            if result.splits and group
            else f"All respondents ({result.respondents:,})"
        ),
    )
    return str(picked) or None


def _target_labels() -> dict[str, str]:
    return {choice.id: choice.label for choice in mapping_targets()}


def _corrections(result: ReachResult) -> None:
    """The form to correct what a column was read as and to place unrecognised answers."""
    overrides: dict[str, str] = st.session_state.get(OVERRIDES_KEY, {})
    assignments: dict[str, dict[str, str]] = st.session_state.get(ASSIGNMENTS_KEY, {})
    mapping = used_mapping(result, overrides)
    labels = _target_labels()
    targets = list(labels)
    heading("Correct the reading", 3)
    with st.form("eia.reach.corrections"):
        st.markdown("What each column asks. Choose “Not a monitoring question” to leave it out.")
        column_keys = []
        for column, value in mapping.items():
            key = f"eia.reach.map.{short_key(column)}"
            column_keys.append((column, key))
            st.selectbox(
                column,
                targets,
                index=targets.index(value) if value in targets else len(targets) - 1,
                key=key,
                format_func=labels.__getitem__,
            )
        answer_keys = _assignment_widgets(result, assignments)
        st.form_submit_button(
            "Analyse again with these corrections",
            on_click=_apply_corrections,
            args=(column_keys, mapping, answer_keys),
        )


def _assignment_widgets(
    result: ReachResult, assignments: Mapping[str, Mapping[str, str]]
) -> list[tuple[str, str, str]]:
    answer_keys = []
    for cid, block in result.characteristics.items():
        placed = assignments.get(cid, {})
        # Answers too rare to name are grouped under RARE_ANSWERS: nothing to place there.
        shown = [raw for raw in block.unrecognised if raw != RARE_ANSWERS]
        answers = [*shown, *(raw for raw in placed if raw not in block.unrecognised)]
        if not answers:
            continue
        categories = {c.id: c.label for c in category_choices(cid)}
        options = [UNPLACED, *categories]
        names = {UNPLACED: "Leave it unplaced", **categories}
        st.markdown(f"Answers to the {block.label} question that were not recognised:")
        for raw in answers:
            key = f"eia.reach.assign.{cid}.{short_key(raw)}"
            answer_keys.append((cid, raw, key))
            current = placed.get(raw, UNPLACED)
            st.selectbox(
                f"{block.label}: count “{raw}” as",
                options,
                index=options.index(current) if current in options else 0,
                key=key,
                format_func=names.__getitem__,
            )
    return answer_keys


def _apply_corrections(
    column_keys: list[tuple[str, str]],
    mapping: Mapping[str, str],
    answer_keys: list[tuple[str, str, str]],
) -> None:
    """Keep the corrections chosen in the form, for the analysis that the rerun starts."""
    overrides: dict[str, str] = dict(st.session_state.get(OVERRIDES_KEY, {}))
    for column, key in column_keys:
        value: Any = st.session_state.get(key)
        if value and value != mapping.get(column):
            overrides[column] = str(value)
    assignments: dict[str, dict[str, str]] = {}
    for cid, raw, key in answer_keys:
        category = st.session_state.get(key)
        if category:
            assignments.setdefault(cid, {})[raw] = str(category)
    st.session_state[OVERRIDES_KEY] = overrides
    st.session_state[ASSIGNMENTS_KEY] = assignments


def _save(stored: StoredAssessment, result: ReachResult, saved: SavedReach | None) -> None:
    info = stored.info
    heading("Save with this assessment", 2)
    editable = state.may(Action.EDIT, info.reference)
    if not editable.allowed:
        st.info(f"You can look at these figures but not save them: {editable.reason}")
        return
    st.markdown(
        f"Saving keeps the figures above with version {info.version}: counts by group, with "
        "small numbers withheld, and what each column was read as. The file and the "
        "individual responses are not saved."
    )
    if saved is not None:
        st.markdown(
            f"A result analysed by {plain(saved.saved_by)} on {saved.saved_at:%d %B %Y} is already "
            "saved; saving this one shows it instead."
        )
    if st.button("Save with this assessment", key="eia.reach.save"):
        overrides: dict[str, str] = st.session_state.get(OVERRIDES_KEY, {})
        save_reach_for(
            state.repository(),
            info.reference,
            info.version,
            result,
            used_mapping(result, overrides),
            state.saved_by(),
            person=state.actor(),
            people=state.people(),
        )
        message = f"Saved the consultation reach with version {info.version}."
        st.success(message)
        focus_alert(message)
