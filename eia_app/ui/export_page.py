"""Export: the Word EIA, the PDF, the one-page summary, the Cabinet paragraph and reach tables."""

import streamlit as st

from eia_app.domain.council_files import CouncilFileKind
from eia_app.domain.errors import EIAError
from eia_app.domain.versions import StoredAssessment
from eia_app.services import council_files
from eia_app.services.assessments import version_history
from eia_app.services.downloads import Downloads, export_downloads
from eia_app.services.export_checks import ERRORS_EXPLAINED, consistency_notes
from eia_app.ui import components, state
from eia_app.ui.plain import plain

DOWNLOADS_KEY = "eia.export.downloads"
TEMPLATE_KEY = "eia.export.template"
BUILT_IN = ""
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NO_REACH_NOTE = (
    "No consultation reach was saved with this version, so the report has no reach tables "
    "or charts. Analyse the consultation survey on the Consultation reach page first."
)
NO_THEMES_NOTE = (
    "No free-text themes were saved with this version, so the report has no “What people "
    "told us” section. Find and save them on the Consultation reach page."
)


def render() -> None:
    """Draw the export page for the open assessment."""
    st.title("Export")
    stored = components.load_current()
    if stored is None:
        return
    components.assessment_caption(stored)
    number = _choose(stored)
    if number is None:
        return
    downloads = st.session_state.get(DOWNLOADS_KEY)
    if not (
        isinstance(downloads, Downloads)
        and downloads.reference == stored.info.reference
        and downloads.version == number
        and downloads.template_name == str(st.session_state.get(TEMPLATE_KEY) or BUILT_IN)
    ):
        st.write("Choose the version and select Prepare the downloads.")
        return
    _show(downloads)


def _choose(stored: StoredAssessment) -> int | None:
    st.header("What to export")
    reference = stored.info.reference
    try:
        numbers = [v.version for v in reversed(version_history(state.repository(), reference))]
    except EIAError as problem:
        st.error(f"The versions could not be read: {problem}")
        return None
    number: int = st.selectbox(
        "Version to export",
        numbers,
        key="eia.export.version",
        format_func=lambda n: f"Version {n}" + (" (current)" if n == numbers[0] else ""),
        help="A final-stage version is compared with its latest consultation-stage version.",
    )
    with_pdf = st.checkbox(
        "Also make a PDF (this needs LibreOffice and can take a minute)",
        key="eia.export.pdf",
    )
    template = _template_picker()
    blocked = _consistency(stored, number)
    if st.button(
        "Prepare the downloads", key="eia.export.prepare", type="primary", disabled=blocked
    ):
        with st.spinner("Preparing the downloads. Drawing the charts takes a few seconds."):
            chosen = (
                council_files.council_file(
                    state.council_files_store(), CouncilFileKind.TEMPLATE, template
                )
                if template
                else None
            )
            if template and chosen is None:
                st.error(
                    f"There is a problem: the council's template {plain(template)} has just "
                    "been removed. Choose another template and select Prepare the downloads."
                )
                return number
            st.session_state[DOWNLOADS_KEY] = export_downloads(
                state.repository(),
                reference,
                number,
                with_pdf=with_pdf,
                person=state.actor(),
                exported_by=state.saved_by(),
                actor_email=state.actor().email,
                template=chosen,
            )
    return number


def _template_picker() -> str:
    """Which Word template the report is built from: a council template's name, or built-in.

    The council's most recent upload is the first choice; the author may choose the
    toolkit's built-in template instead.
    """
    try:
        templates = council_files.list_files(state.council_files_store(), CouncilFileKind.TEMPLATE)
    except EIAError as problem:
        st.error(f"There is a problem: the council's templates could not be read: {problem}")
        templates = []
    if not templates:
        st.session_state.pop(TEMPLATE_KEY, None)
        st.write(
            "The report is built from the toolkit's built-in Word template. An administrator "
            "can upload the council's own on the Templates and baselines page."
        )
        return BUILT_IN
    by_name = {info.name: info for info in templates}
    if st.session_state.get(TEMPLATE_KEY) not in [*by_name, BUILT_IN]:
        st.session_state.pop(TEMPLATE_KEY, None)  # that template has been removed
    picked: str = st.radio(
        "Word template",
        [*by_name, BUILT_IN],
        key=TEMPLATE_KEY,
        format_func=lambda name: (
            f"The council's template: {name}" if name else "The toolkit's built-in template"
        ),
    )
    if picked:
        info = by_name[picked]
        st.write(
            f"The report is built from the council's template {plain(info.name)}, uploaded "
            f"by {plain(info.uploaded_by)} at {components.when(info.uploaded_at)}."
        )
    else:
        st.write("The report is built from the toolkit's built-in Word template.")
    return picked


def _consistency(stored: StoredAssessment, number: int) -> bool:
    """List the facts of the chosen version that disagree; True while an error stands.

    The problems are for the author and never go into the document. An error (the
    record would contradict itself) holds the downloads back until the author either
    corrects it or asks for a copy to check anyway.
    """
    try:
        chosen = state.repository().get(stored.info.reference, number).assessment
    except EIAError as problem:
        st.error(f"The version could not be read: {problem}")
        return True
    issues = consistency_notes(chosen)
    if not issues:
        return False
    st.header("Before you export")
    components.issue_summary(issues, 3)
    if not any(issue.blocking for issue in issues):
        st.write("These do not stop the export, but a reader may notice them.")
        return False
    st.write(ERRORS_EXPLAINED)
    anyway = st.checkbox(
        "Prepare the downloads anyway, as a copy to check (not to publish)",
        key="eia.export.anyway",
    )
    return not anyway


def _show(downloads: Downloads) -> None:
    stem = downloads.file_stem
    st.header("The equality impact assessment")
    if downloads.template_name:
        st.write(f"Built from the council's template {plain(downloads.template_name)}.")
    for warning in downloads.warnings:
        st.warning(warning)
    for note in downloads.notes:
        st.info(note)
    if downloads.compared:
        st.write("The report has a section on what changed since the consultation stage.")
    if downloads.told_us:
        st.write("The report says what people told us, from the themes saved with it.")
    else:
        st.info(NO_THEMES_NOTE)
    st.download_button(
        "Download the EIA (Word, .docx)",
        downloads.docx,
        file_name=f"{stem}.docx",
        mime=DOCX,
        key="eia.export.docx",
    )
    if downloads.pdf is not None:
        st.download_button(
            "Download the EIA (PDF)",
            downloads.pdf,
            file_name=f"{stem}.pdf",
            mime="application/pdf",
            key="eia.export.pdf_file",
        )
    else:
        st.info(f"No PDF: {downloads.pdf_reason}")
    st.header("For the Cabinet report")
    st.download_button(
        "Download the one-page summary (Word, .docx)",
        downloads.summary_docx,
        file_name=f"{stem}_summary.docx",
        mime=DOCX,
        key="eia.export.summary",
    )
    st.subheader("Equality implications paragraph")
    st.write("Copy it with the copy button at the top right of the box.")
    st.code(downloads.paragraph, language=None, wrap_lines=True)
    st.header("Consultation reach tables")
    if downloads.reach_csv is None or downloads.reach_xlsx is None:
        st.info(NO_REACH_NOTE)
        return
    st.download_button(
        "Download the reach tables (CSV)",
        downloads.reach_csv,
        file_name=f"{stem}_reach.csv",
        mime="text/csv",
        key="eia.export.csv",
    )
    st.download_button(
        "Download the reach tables (Excel, .xlsx)",
        downloads.reach_xlsx,
        file_name=f"{stem}_reach.xlsx",
        mime=XLSX,
        key="eia.export.xlsx",
    )
