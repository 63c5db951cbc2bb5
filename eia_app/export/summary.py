"""The "Equality implications" paragraph for a committee report, and a one-page summary."""

import io
from collections.abc import Mapping
from typing import Any

from docx import Document
from docx.shared import Pt

from eia_app.domain.assessment import Assessment
from eia_app.domain.decision import OUTCOME_LABELS
from eia_app.domain.impact import ImpactRating
from eia_app.export.accessibility import make_accessible
from eia_app.export.sections import rating_label
from eia_app.export.text import clean, fmt_date, humanise, join_words

SUMMARY_RATINGS = (ImpactRating.NEGATIVE, ImpactRating.UNKNOWN, ImpactRating.POSITIVE)


def _label(labels: Mapping[str, str], group_id: str) -> str:
    return clean(labels.get(group_id) or humanise(group_id))


def _impacts_sentence(assessment: Assessment, labels: Mapping[str, str]) -> str:
    parts = []
    for rating in SUMMARY_RATINGS:
        names = [_label(labels, i.group_id) for i in assessment.impacts if i.rating is rating]
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
        f"Mitigation is set out for {mitigated} group(s), and the action plan has "
        f"{actions} action(s)."
    )


def _reach_sentence(reach: Mapping[str, Any] | None, labels: Mapping[str, str]) -> str:
    if not reach:
        return ""
    under = [
        clean(str(c.get("label")))
        for result in reach.get("characteristics", {}).values()
        for c in result.get("categories") or []
        if c.get("flag") == "under"
    ]
    text = f"The consultation received {int(reach.get('respondents') or 0):,} responses"
    if under:
        names = join_words(under)
        return text + f"; these groups were under-represented among respondents: {names}."
    return text + "; no group was found to be under-represented among respondents."


def build_equality_implications(
    assessment: Assessment,
    *,
    reach: Mapping[str, Any] | None = None,
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
        _reach_sentence(reach, labels),
        outcome,
        summary,
        duty,
    ]
    return " ".join(s for s in sentences if s)


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
    doc = Document()
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(11)
    doc.add_heading(f"Equality implications: {clean(assessment.title)}", level=0)
    doc.add_paragraph(paragraph)
    doc.add_heading("Impact on each group", level=1)
    table = doc.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Group", "Impact", "Mitigation"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for impact in assessment.impacts:
        cells = table.add_row().cells
        cells[0].text = _label(labels, impact.group_id)
        cells[1].text = rating_label(impact.rating)
        cells[2].text = clean(impact.mitigation or "–")
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
