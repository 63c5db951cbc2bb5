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
from eia_app.export.summary_content import SummaryContent
from eia_app.export.text import clean, count_of, humanise, join_words

SUMMARY_RATINGS = (
    ImpactRating.NEGATIVE,
    ImpactRating.POSITIVE_WITH_RISK,
    ImpactRating.UNKNOWN,
    ImpactRating.POSITIVE,
)


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
            parts.append(f"{rating.phrase} on {join_words(names)}")
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
    # A4 with 2 cm margins and compact type: the content's budgets are set for this page.
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    doc.styles["Normal"].font.name = "Arial"
    doc.styles["Normal"].font.size = Pt(10)
    doc.styles["Normal"].paragraph_format.space_after = Pt(3)
    doc.styles["Title"].font.size = Pt(17)
    doc.styles["Heading 1"].font.size = Pt(12.5)
    doc.styles["Heading 1"].paragraph_format.space_before = Pt(8)
    for name in ("Title", "Heading 1", "List Bullet"):
        doc.styles[name].font.name = "Arial"
    return doc


def _ratings_table(doc: Any, content: SummaryContent) -> None:
    table = doc.add_table(rows=1, cols=2)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Impact", "Groups"), strict=True):
        cell.paragraphs[0].add_run(text).bold = True
    for line in content.ratings:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = line.rating, line.groups
    for row in table.rows:
        row.cells[0].width, row.cells[1].width = Cm(3.5), Cm(13.5)


def render_summary_docx(content: SummaryContent) -> bytes:
    """Build the one-page summary as a Word document.

    It shows the same content as the first page of the full report, built by
    :func:`eia_app.export.summary_content.build_summary_content`, whose budgets
    keep it to one A4 page.

    Args:
        content: The summary content.

    Returns:
        The document as bytes.
    """
    doc = _page_setup(Document())
    title = f"Equality impact assessment summary: {content.title}"
    doc.add_heading(title, level=0)
    doc.add_paragraph(f"Reference {content.reference}. Conclusion: {content.conclusion}")
    if content.decision_summary:
        doc.add_paragraph(content.decision_summary)
    doc.add_heading("Impact on each group", level=1)
    _ratings_table(doc, content)
    if content.changed_note:
        doc.add_paragraph(content.changed_note)
    for heading, lines in (
        ("Main risks", content.risks),
        ("Actions that address them", content.actions),
    ):
        doc.add_heading(heading, level=1)
        for line in lines:
            doc.add_paragraph(line, style="List Bullet")
    doc.add_heading("Decision", level=1)
    doc.add_paragraph(f"Decision by: {content.decision_by}. Next review: {content.review}.")
    make_accessible(doc, title=title)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
