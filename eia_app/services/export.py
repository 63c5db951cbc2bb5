"""Use cases for exporting an assessment: the Word report, the Cabinet summary and a PDF."""

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from eia_app.charts.flagged import build_flagged_figure, flagged_groups
from eia_app.charts.reach import build_reach_figure
from eia_app.domain.assessment import Assessment
from eia_app.domain.audit import AuditEvent
from eia_app.domain.changes import build_changes
from eia_app.domain.errors import EIAError
from eia_app.domain.reach import ReachResult
from eia_app.domain.themes import ThemesResult, published
from eia_app.export.cohort_context import cohort_characteristics
from eia_app.export.context import build_report_context, make_label_lookup
from eia_app.export.docx import check_template, render_report
from eia_app.export.flagged_context import FLAGGED_CHART_KEY
from eia_app.export.images import ChartRenderingError, RenderedCharts, render_pngs
from eia_app.export.legends import legend_words
from eia_app.export.methods_context import author_notes
from eia_app.export.pdf import PdfTimeoutError, convert_to_pdf
from eia_app.export.summary import build_equality_implications, render_summary_docx
from eia_app.export.summary_content import SummaryContent, build_summary_content
from eia_app.export.themes_context import themes_figures
from eia_app.services.export_sources import (
    ExportSource,
    latest_consultation_version,
    load_export_source,
    record_export,
    stored_export_source,
)
from eia_app.services.progress import Steps, TimeBudgetError, give_up_message
from eia_app.services.reference import get_registry
from eia_app.settings import load_settings


@dataclass(frozen=True)
class ExportResult:
    """A rendered report with what went wrong along the way and how long it took.

    Attributes:
        docx: The Word document.
        warnings: Problems that did not stop the export, one sentence each.
        notes: What the author should know about the document (shown on screen or
            printed by the command, never written into the document).
        timings: Seconds spent on ``charts`` (browser start included),
            ``browser_start``, ``document`` (context and rendering) and ``total``.
        chart_seconds: Seconds per chart, by characteristic id.
    """

    docx: bytes
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    chart_seconds: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class SummaryResult:
    """The Cabinet report text and a one-page summary document.

    Attributes:
        paragraph: The "Equality implications" paragraph.
        docx: The one-page summary as a Word document.
        notes: What the author should know, such as parts cut to fit the page.
    """

    paragraph: str
    docx: bytes
    notes: list[str] = field(default_factory=list)


def group_labels() -> tuple[dict[str, str], list[str]]:
    """Return the labels of every registry group, and a warning if the registry is unusable.

    Returns:
        Labels by id (empty if the registry cannot be read) and warnings.
    """
    try:
        registry = get_registry()
    except (EIAError, OSError) as problem:
        return {}, [f"Group names come from their ids because the registry failed: {problem}"]
    return {group.id: group.label for group in registry.groups}, []


def _draw_charts(
    reach: ReachResult | None, themes: ThemesResult | None, browser_path: str | None
) -> RenderedCharts:
    figures = {}
    if reach is not None:
        # The same characteristics as the appendix, the cohort's (about the child)
        # included, so that each of its tables has its chart.
        blocks = [*reach.characteristics.items(), *cohort_characteristics(reach)]
        figures = {
            char_id: build_reach_figure(result.label, result)
            for char_id, result in blocks
            if result.categories
        }
        flagged = flagged_groups(reach)
        if flagged:
            figures[FLAGGED_CHART_KEY] = build_flagged_figure(flagged)
    if themes is not None:
        figures.update(themes_figures(themes))
    return render_pngs(figures, browser_path=browser_path)


def summary_notes(content: SummaryContent) -> list[str]:
    """Tell the author which parts of the summary were cut to fit one page.

    Args:
        content: The summary content.

    Returns:
        A sentence, or nothing when everything fitted.
    """
    if not content.shortened:
        return []
    parts = ", ".join(content.shortened)
    return [
        f"The summary was shortened to fit one page ({parts}); it points readers to the "
        "full assessment. Shorter text in those fields would be shown whole."
    ]


def export_assessment(
    assessment: Assessment,
    *,
    reach: ReachResult | None = None,
    previous: Assessment | None = None,
    template: Path | None = None,
    with_charts: bool = True,
    browser_path: str | None = None,
    version: str | None = None,
    today: date | None = None,
    steps: Steps | None = None,
    themes: ThemesResult | None = None,
    history: Sequence[AuditEvent] = (),
) -> ExportResult:
    """Render an assessment as a Word report.

    Args:
        assessment: The assessment to export.
        reach: Respondent-reach results (``eia.reach/1``) for the consultation section.
        previous: The consultation-stage version to compare with, if any.
        template: A custom .docx template; None for the default one.
        with_charts: Whether to draw charts (tables are always included).
        browser_path: Chromium executable for the charts; None to find one.
        version: The stored version number shown in the report.
        today: The date printed as the generation date.
        steps: Reports slow steps (charts, the Word document) and abandons one past
            its time budget; None runs them silently with no budget.
        themes: Free-text themes (``eia.themes/1``) for "What people told us"; any
            quote not approved is removed before the document is built.
        history: The stored assessment's audit trail, summarised in the version table.

    Returns:
        The document, warnings and timings. If Chromium is missing, the report
        has the tables without charts, and a warning says so.

    Raises:
        ReportTemplateError: If the template cannot be read or rendered.
        TimeBudgetError: If a step runs past the time budget.
    """
    started = time.perf_counter()
    settings, steps = load_settings(), steps or Steps()
    if template is not None and template.is_file():
        # A hostile template is refused before a chart is drawn or a page laid out.
        check_template(template, settings.template_limits)
    labels, warnings = group_labels()
    # Quotes not approved are removed before anything (charts included) is built.
    shown_themes = published(themes) if themes is not None else None
    charts = RenderedCharts()
    if (reach or shown_themes) and with_charts:
        try:
            charts = steps.run(
                "drawing the charts",
                lambda: _draw_charts(reach, shown_themes, browser_path),
                advice="leave them out with --no-charts",
            )
        except ChartRenderingError as problem:
            warnings.append(f"{problem} The report has the tables but no charts.")
    document_started = time.perf_counter()
    summary = build_summary_content(
        assessment, previous=previous, label_of=make_label_lookup(labels)
    )
    context = build_report_context(
        assessment,
        reach=reach,
        changes=build_changes(previous, assessment) if previous else None,
        labels=labels,
        version=version,
        today=today,
        summary=summary,
        themes=shown_themes,
        history=history,
    )
    docx, template_warnings = steps.run(
        "laying out the Word document",
        lambda: render_report(
            context,
            images=charts.images,
            template=template or settings.template_path,
            built_in=template is None,
            title=assessment.title,
            legend=legend_words(reach.min_count if reach else None),
            limits=settings.template_limits,
        ),
    )
    notes = summary_notes(summary) + author_notes(reach)
    if version is None:
        notes.append(
            "The document gives no version: this assessment was not read from the library."
        )
    finished = time.perf_counter()
    timings = {
        "charts": charts.total_seconds,
        "browser_start": charts.startup_seconds,
        "document": finished - document_started,
        "total": finished - started,
    }
    return ExportResult(docx, warnings + template_warnings, notes, timings, charts.chart_seconds)


def export_summary(
    assessment: Assessment,
    *,
    reach: ReachResult | None = None,
    previous: Assessment | None = None,
) -> SummaryResult:
    """Write the "Equality implications" paragraph and a one-page summary.

    Args:
        assessment: The assessment.
        reach: Respondent-reach results, if a survey was analysed.
        previous: The consultation-stage version, to say which ratings changed.

    Returns:
        The paragraph for the committee report, the summary document (the same
        content as the report's first page) and notes for the author.
    """
    labels, _ = group_labels()
    paragraph = build_equality_implications(assessment, reach=reach, labels=labels)
    content = build_summary_content(
        assessment, previous=previous, label_of=make_label_lookup(labels)
    )
    return SummaryResult(paragraph, render_summary_docx(content), summary_notes(content))


def export_pdf(docx_path: Path, out_dir: Path | None = None, steps: Steps | None = None) -> Path:
    """Convert an exported report to a tagged (accessible) PDF with LibreOffice.

    Args:
        docx_path: The Word document.
        out_dir: Folder for the PDF; defaults to the document's folder.
        steps: Reports a slow conversion; LibreOffice itself is stopped at the time
            budget (``steps.budget``), or after 180 s without one.

    Returns:
        The path of the PDF.

    Raises:
        PdfConversionError: If LibreOffice is missing, fails or overruns.
    """
    steps, words = steps or Steps(), "converting to PDF with LibreOffice"
    if steps.budget is None:
        return steps.run(words, lambda: convert_to_pdf(docx_path, out_dir or docx_path.parent))
    # LibreOffice gets the budget as its own timeout, so that it is stopped rather than
    # left running: the step is not abandoned while it runs, only reported.
    budget, reporting = steps.budget, replace(steps, budget=None)
    try:
        return reporting.run(
            words, lambda: convert_to_pdf(docx_path, out_dir or docx_path.parent, timeout=budget)
        )
    except PdfTimeoutError:
        advice = "export the Word document alone (without --pdf)"
        raise TimeBudgetError(give_up_message(words, budget, advice)) from None


# Re-exported: callers have long found the export sources here.
__all__ = [
    "ExportResult",
    "ExportSource",
    "SummaryResult",
    "export_assessment",
    "export_pdf",
    "export_summary",
    "group_labels",
    "latest_consultation_version",
    "load_export_source",
    "record_export",
    "stored_export_source",
    "summary_notes",
]
