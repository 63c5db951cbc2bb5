"""Everything the app's Export page offers for download, built from the export services.

One call builds every artefact for a stored version from the same source the
command line uses (:func:`eia_app.services.export.stored_export_source`): the same
version to compare with for "what changed" and the same saved reach result.
"""

import io
import re
import tempfile
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from eia_app.domain.permissions import Actor
from eia_app.domain.repository import AssessmentRepository
from eia_app.export.pdf import PdfConversionError
from eia_app.export.reach_spreadsheet import build_workbook, render_csv
from eia_app.services.access import check_suppression
from eia_app.services.council_file_checks import file_on_disk
from eia_app.services.council_files import CouncilFile
from eia_app.services.export import (
    export_assessment,
    export_pdf,
    export_summary,
    record_export,
    stored_export_source,
)

PDF_NOT_ASKED = "The PDF was not asked for."
NO_REACH = (
    "No consultation reach was saved with this version, so the report has no reach "
    "tables or charts and there are no reach spreadsheets."
)


@dataclass(frozen=True)
class Downloads:
    """The files and text offered on the Export page for one version.

    Attributes:
        reference: The assessment's reference.
        version: The version exported.
        docx: The full EIA as a Word document.
        summary_docx: The one-page summary as a Word document.
        paragraph: The "Equality implications" paragraph for the Cabinet report.
        compared: Whether the report has a "what changed after consultation" section.
        reach_csv: The reach tables as CSV (UTF-8 with a byte order mark, for
            Excel), or None when no reach was saved.
        reach_xlsx: The reach tables as an XLSX workbook, or None.
        pdf: The report as a tagged PDF, or None.
        pdf_reason: Why there is no PDF, or None when there is one.
        warnings: Problems that did not stop the export, one sentence each.
        notes: What the author should know about the documents (kept out of them).
        told_us: Whether free-text themes were saved with this version (or an earlier
            one), so that the report says "What people told us".
        template_name: The council template the report was built from; empty for the
            built-in template.
    """

    reference: str
    version: int
    docx: bytes
    summary_docx: bytes
    paragraph: str
    compared: bool
    reach_csv: bytes | None = None
    reach_xlsx: bytes | None = None
    pdf: bytes | None = None
    pdf_reason: str | None = PDF_NOT_ASKED
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    told_us: bool = False
    template_name: str = ""

    @property
    def file_stem(self) -> str:
        """The start of every file name, such as ``EIA-2025-0001_v3``."""
        return download_stem(self.reference, self.version)

    @property
    def has_reach(self) -> bool:
        """Whether a reach result was saved with this version (or an earlier one)."""
        return self.reach_csv is not None


_UNSAFE_IN_NAMES = re.compile(r"[^A-Za-z0-9_-]+")


def download_stem(reference: str, version: int) -> str:
    """Return the start of a download's file name, safe whatever the reference holds.

    A stored reference always has the EIA-YYYY-NNNN form, but a file name must not
    trust that: anything but letters, digits, ``-`` and ``_`` becomes ``_``, so no
    name can climb out of a folder (``..``, a slash or a backslash) or hide its type.

    Args:
        reference: The assessment's reference.
        version: The version number.

    Returns:
        A name such as ``EIA-2025-0001_v3``.
    """
    return f"{_UNSAFE_IN_NAMES.sub('_', reference).strip('_') or 'assessment'}_v{version}"


def _pdf(docx: bytes, name: str) -> tuple[bytes | None, str | None]:
    with tempfile.TemporaryDirectory(prefix="eia-pdf-") as folder:
        path = Path(folder) / f"{name}.docx"
        path.write_bytes(docx)
        try:
            return export_pdf(path).read_bytes(), None
        except PdfConversionError as problem:
            return None, str(problem)


def export_downloads(
    repo: AssessmentRepository,
    reference: str,
    version: int | None = None,
    *,
    with_pdf: bool = False,
    with_charts: bool = True,
    today: date | None = None,
    person: Actor | None = None,
    exported_by: str = "",
    actor_email: str = "",
    template: CouncilFile | None = None,
) -> Downloads:
    """Build every download for a stored version of an assessment.

    Args:
        repo: Where assessments are stored.
        reference: The assessment's reference.
        version: The version to export; None for the current one.
        with_pdf: Whether to make a PDF as well (LibreOffice; it takes a while).
        with_charts: Whether to draw the reach charts (the tables are always there).
        today: The generation date printed in the report.
        person: Who asks for the downloads; reach figures saved with suppression off
            are published only for an administrator. None checks nothing.
        exported_by: Who asked for the downloads, recorded in the audit trail;
            empty records nothing.
        actor_email: Their e-mail address, when known.
        template: The council's own Word template to build the report from; None for
            the built-in one.

    Returns:
        The files and the paragraph. Without LibreOffice there is no PDF, and
        ``pdf_reason`` says so.

    Raises:
        NotFoundError: If the reference or version does not exist.
        ReportTemplateError: If the Word template cannot be used.
        PermissionDeniedError: If the reach has suppression off and ``person`` is not
            an administrator.
    """
    stored = repo.get(reference, version)
    number = stored.info.version
    source = stored_export_source(repo, reference, number)
    if source.reach is not None:
        check_suppression(person, source.reach.min_count)
    with ExitStack() as stack:
        # The report builder reads a template from a file: the stored bytes are copied
        # to a private folder for as long as it takes, then deleted.
        path = (
            stack.enter_context(file_on_disk(template.info.name, template.content))
            if template
            else None
        )
        report = export_assessment(
            source.assessment,
            reach=source.reach,
            previous=source.previous,
            template=path,
            with_charts=with_charts,
            version=source.version,
            today=today,
            history=source.history,
            themes=source.themes,
        )
    summary = export_summary(source.assessment, reach=source.reach, previous=source.previous)
    reach_csv = reach_xlsx = None
    if source.reach is not None:
        reach_csv = render_csv(source.reach).encode("utf-8-sig")
        buffer = io.BytesIO()
        build_workbook(source.reach).save(buffer)
        reach_xlsx = buffer.getvalue()
    pdf, pdf_reason = (
        _pdf(report.docx, download_stem(reference, number)) if with_pdf else (None, PDF_NOT_ASKED)
    )
    if exported_by:
        made = (
            "Word EIA, summary" + (", reach tables" if reach_csv else "") + (", PDF" if pdf else "")
        )
        if template is not None:
            made += f" (council template {template.info.name})"
        record_export(repo, source, by=exported_by, what=made, actor_email=actor_email)
    return Downloads(
        reference=reference,
        version=number,
        docx=report.docx,
        summary_docx=summary.docx,
        paragraph=summary.paragraph,
        compared=source.previous is not None,
        reach_csv=reach_csv,
        reach_xlsx=reach_xlsx,
        pdf=pdf,
        pdf_reason=pdf_reason,
        warnings=report.warnings,
        notes=list(dict.fromkeys(report.notes + summary.notes)),
        told_us=source.themes is not None,
        template_name=template.info.name if template else "",
    )
