"""The "Equality implications" paragraph for a committee report, and a one-page summary."""

import io
from collections.abc import Mapping
from typing import Any

from docx import Document
from docx.shared import Cm, Pt

from eia_app.domain.assessment import Assessment
from eia_app.domain.decision import OUTCOME_LABELS
from eia_app.domain.impact import ImpactRating
from eia_app.domain.reach import ReachResult
from eia_app.export.accessibility import make_accessible
from eia_app.export.implications import reach_sentence
from eia_app.export.sections import rating_label
from eia_app.export.text import clean, count_of, fmt_date, humanise, join_words

MAX_ACTIONS = 3
SUMMARY_RATINGS = (ImpactRating.NEGATIVE, ImpactRating.UNKNOWN, ImpactRating.POSITIVE)


def _label(labels: Mapping[str, str], group_id: str) -> str:
    return clean(labels.get(group_id) or humanise(group_id))


def _in_sentence(label: str) -> str:
    """Lower-case a label's first letter unless it starts an acronym (such as "LGBT")."""
    if len(label) > 1 and label[:2].isupper():
        return label
    return label[:1].lower() + label[1:]


def _impacts_sentence(assessment: Assessment, labels: Mapping[str, str]) -> str:
    parts = []
    for rating in SUMMARY_RATINGS:
        # Mid-sentence, group names read as ordinary words ("impact on race").
        names = [
            _in_sentence(_label(labels, i.group_id))
            for i in assessment.impacts
            if i.rating is rating
        ]
        if names:
            parts.append(f"{rating_label(rating).lower()} impact on {join_words(names)}")
    if not parts:
        return "It identified no positive, negative or unknown impact on any group."
    return f"It identified a {join_words(parts)}."


def _mitigation_sentence(assessment: Assessment) -> str:
    mitigated = sum(1 for i in assessment.impacts if i.mitigation)
    actions = len(assessment.actions)
    if not (mitigated or actions):
        return ""
    return (
        f"Mitigation is set out for {count_of(mitigated, 'group')}, and the action plan has "
        f"{count_of(actions, 'action')}."
    )


def _reach_sentence(reach: ReachResult | None) -> str:
    return reach_sentence(reach)


def build_equality_implications(
    assessment: Assessment,
    *,
    reach: ReachResult | None = None,
    labels: Mapping[str, str] | None = None,
) -> str:
    """Write the "Equality implications" paragraph of a committee report.

    Args:
        assessment: The assessment.
        reach: Respondent-reach results, if any.
        labels: Labels of registry ids.

    Returns:
        One paragraph built only from the assessment's data.
    """
    labels = labels or {}
    decision = assessment.decision
    reference = assessment.key_details.reference or "without a reference"
    opening = (
        f"An Equality Impact Assessment ({reference}, {assessment.stage.value} stage) "
        f"has been carried out for {clean(assessment.title)}."
    )
    outcome = (
        f"Its conclusion is: {OUTCOME_LABELS[decision.outcome]}."
        if decision.outcome
        else "Its conclusion has not yet been recorded."
    )
    summary = clean(decision.summary or "").strip()
    duty = (
        "Members must have due regard to the Public Sector Equality Duty (section 149 of "
        "the Equality Act 2010) when making this decision, and should read the full "
        "assessment before doing so."
    )
    sentences = [
        opening,
        _impacts_sentence(assessment, labels),
        _mitigation_sentence(assessment),
        _reach_sentence(reach),
        outcome,
        summary,
        duty,
    ]
    return " ".join(s for s in sentences if s)


def _page_setup(doc: Any) -> Any:
    # A4 with 2 cm margins and compact type, so that the summary fits on one page.
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.styles["Title"].font.size = Pt(18)
    for name in ("Title", "Heading 1", "List Bullet"):
        doc.styles[name].font.name = "Arial"
    return doc


def _ratings_table(doc: Any, assessment: Assessment, labels: Mapping[str, str]) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Impact", "Groups"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for rating in (*ImpactRating, None):
        names = [_label(labels, i.group_id) for i in assessment.impacts if i.rating == rating]
        if names:
            cells = table.add_row().cells
            cells[0].text = rating_label(rating)
            cells[1].text = ", ".join(names)
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(3.5), Cm(13.5)


def render_summary_docx(
    assessment: Assessment, paragraph: str, *, labels: Mapping[str, str] | None = None
) -> bytes:
    """Build the one-page summary as a Word document.

    Args:
        assessment: The assessment.
        paragraph: The "Equality implications" paragraph.
        labels: Labels of registry ids.

    Returns:
        The document as bytes.
    """
    labels = labels or {}
    doc = _page_setup(Document())
    doc.add_heading(f"Equality implications: {clean(assessment.title)}", level=0)
    doc.add_paragraph(paragraph)
    doc.add_heading("Impact by group", level=1)
    _ratings_table(doc, assessment, labels)
    if assessment.actions:
        doc.add_heading("Main actions", level=1)
        for action in assessment.actions[:MAX_ACTIONS]:
            due = f" (by {fmt_date(action.due_date)})" if action.due_date else ""
            doc.add_paragraph(
                f"{clean(action.id)}: {clean(action.action)}{due}", style="List Bullet"
            )
        if len(assessment.actions) > MAX_ACTIONS:
            more = len(assessment.actions) - MAX_ACTIONS
            doc.add_paragraph(f"And {more} more in the full assessment's action plan.")
    doc.add_heading("Key dates", level=1)
    route = assessment.purpose.decision_route
    doc.add_paragraph(
        f"Decision by: {clean(route.decision_maker or 'Not recorded')}, "
        f"{fmt_date(route.meeting_date)}",
        style="List Bullet",
    )
    doc.add_paragraph(
        f"Next review: {fmt_date(assessment.monitoring.review_date)}", style="List Bullet"
    )
    make_accessible(doc, title=f"Equality implications: {clean(assessment.title)}")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
