"""Opening sections: front matter, screening, purpose, previous review and evidence."""

from template_parts.blocks import (
    bullets,
    contents_anchor,
    control,
    headed_text_blocks,
    label_table,
    new_section,
    table,
    text_block,
)


def summary_block(doc):
    """The one-page summary on the first page: the same content as the separate summary.

    Args:
        doc: The document.
    """
    doc.add_heading("Summary", level=1)
    doc.add_paragraph("Conclusion: {{ summary.conclusion }}")
    control(doc, "if summary.decision_summary")
    doc.add_paragraph("{{ summary.decision_summary }}")
    control(doc, "endif")
    doc.add_heading("Impact on each group", level=2)
    table(
        doc,
        "summary.ratings",
        [("Impact", "rating", 3.5), ("Groups", "groups", 13.5)],
        caption="Impact ratings",
    )
    control(doc, "if summary.changed_note")
    doc.add_paragraph("{{ summary.changed_note }}", style="Table Note")
    control(doc, "endif")
    doc.add_heading("Main risks", level=2)
    bullets(doc, "summary.risks")
    doc.add_heading("Actions that address them", level=2)
    bullets(doc, "summary.actions")
    doc.add_heading("Decision", level=2)
    doc.add_paragraph("Decision by: {{ summary.decision_by }}. Next review: {{ summary.review }}.")


def section_front(doc):
    """Title and summary, the contents, version control, key details and contributors.

    Args:
        doc: The document.
    """
    doc.add_heading("{{ doc.title }}", level=0)
    doc.add_paragraph("{{ doc.subtitle }}: {{ doc.reference }}", style="Subtitle")
    summary_block(doc)
    contents = doc.add_paragraph("Contents", style="TOC Heading")
    contents.paragraph_format.page_break_before = True
    contents_anchor(doc)
    first = doc.add_heading("Version and quality control", level=1)
    first.paragraph_format.page_break_before = True
    label_table(doc, "quality.rows", "Version and quality control")
    doc.add_heading("Key details", level=1)
    label_table(doc, "details.rows", "Key details")
    doc.add_heading("Contributors", level=2)
    table(
        doc,
        "details.contributors",
        [
            ("Name", "name", 4),
            ("Role in the assessment", "role", 4),
            ("Job title", "job_title", 4.5),
            ("Organisation", "organisation", 4.5),
        ],
        caption="Contributors",
    )
    doc.add_heading("How due regard is paid", level=2)
    text_block(doc, "details.due_regard_approach")


def _screening(doc):
    """The screening table, the two screening answers and the reasons.

    Args:
        doc: The document.
    """
    doc.add_heading("Screening", level=1)
    table(
        doc,
        "screening.rows",
        [("Group", "group", 4.5), ("Likely relevance", "relevance", 3), ("Why", "note", 9.5)],
        caption="Screening of relevance to each group",
    )
    doc.add_paragraph(
        "Commits or removes significant resources: {{ screening.significant_resources }}"
    )
    doc.add_paragraph("Full assessment needed: {{ screening.full_assessment_required }}")
    doc.add_heading("Reasons for the screening decision", level=2)
    text_block(doc, "screening.reasons")


def _purpose(doc):
    """Purpose, aims and scope, ending with the decision route.

    Args:
        doc: The document.
    """
    doc.add_heading("Purpose, aims and scope", level=1)
    headed_text_blocks(
        doc,
        2,
        (
            ("Description of the proposal", "purpose.summary"),
            ("What is new or changing, and why", "purpose.what_is_changing"),
        ),
    )
    doc.add_heading("Intended outcomes", level=2)
    bullets(doc, "purpose.intended_outcomes")
    headed_text_blocks(
        doc,
        2,
        (
            ("How the outcomes will be achieved", "purpose.how_achieved"),
            ("Who is affected", "purpose.who_is_affected"),
        ),
    )
    doc.add_heading("Related policies and duties", level=2)
    bullets(doc, "purpose.related_policies")
    doc.add_heading("Decision route", level=2)
    label_table(doc, "purpose.route_rows", "Decision route")


def _previous_review(doc):
    """Review of a previous assessment of the same policy.

    Args:
        doc: The document.
    """
    doc.add_heading("Review of a previous assessment", level=1)
    doc.add_paragraph("Is there a previous assessment? {{ previous_review.applicable }}")
    doc.add_paragraph("Previous assessment: {{ previous_review.previous_reference }}")
    headed_text_blocks(
        doc,
        2,
        (
            ("Actions planned last time", "previous_review.actions_planned"),
            ("What improved", "previous_review.what_improved"),
            ("Further actions needed", "previous_review.further_actions"),
        ),
    )


def section_screening_purpose(doc):
    """Screening, purpose, aims and scope, and the review of a previous assessment.

    Args:
        doc: The document.
    """
    _screening(doc)
    _purpose(doc)
    _previous_review(doc)


def section_evidence(doc):
    """The evidence table and the gaps in the evidence.

    Args:
        doc: The document.
    """
    new_section(doc, landscape=True)
    doc.add_heading("Evidence", level=1)
    table(
        doc,
        "evidence.rows",
        [
            ("Ref", "id", 1.4),
            ("Evidence", "title", 5),
            ("Source", "source", 5.3),
            ("Groups", "groups", 3.8),
            ("What it tells us", "summary", 7.8),
            ("Strength", "quality", 2.4),
        ],
        caption="Evidence",
    )
    doc.add_heading("Gaps in the evidence", level=2)
    text_block(doc, "evidence.no_evidence_statement")
    new_section(doc, landscape=False)
