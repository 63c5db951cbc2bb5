"""Consultation sections: the plan, the reach of the consultation and what changed after it."""

from template_parts.blocks import bullets, control, headed_text_blocks, table, text_block

REACH_COLUMNS = [
    ("Category", "label", 3.4),
    ("Count", "count", 1.5),
    ("Share", "share", 1.5),
    ("Likely range", "interval", 2.4),
    ("Population", "baseline", 2.1),
    ("Difference", "gap", 1.8),
    ("More needed for parity", "parity", 2.0),
    ("Finding", "flag", 2.3),
]
FLAGGED_COLUMNS = [
    ("Group", "group", 4.2),
    ("Characteristic", "characteristic", 2.9),
    ("Respondents", "count", 2.2),
    ("Share of respondents", "share", 2.2),
    ("Share of population", "baseline", 2.2),
    ("Difference", "difference", 3.3),
]
ACTION_COLUMNS = [("Ref", "id", 2), ("Action", "action", 10), ("Owner", "owner", 5)]
EVIDENCE_COLUMNS = [
    ("Ref", "id", 2),
    ("Evidence", "title", 6),
    ("What it tells us", "summary", 9),
]


def reach_characteristics(doc):
    """Each characteristic of the reach analysis: chart, comparison tables and notes.

    Args:
        doc: The document.
    """
    control(doc, "for c in reach.characteristics")
    doc.add_heading("{{ c.label }}", level=2)
    doc.add_paragraph("Question asked: {{ c.question }}")
    doc.add_paragraph("{{ c.flag_sentence }}")
    control(doc, "if c.chart")
    doc.add_paragraph("{{ c.chart }}")
    control(doc, "endif")
    table(doc, "c.rows", REACH_COLUMNS, caption="Respondents compared with the population")
    control(doc, "if c.detail_rows")
    doc.add_paragraph("Detailed categories for {{ c.label }}:")
    table(doc, "c.detail_rows", REACH_COLUMNS, caption="Detailed categories")
    control(doc, "endif")
    text_block(doc, "c.notes")
    control(doc, "endfor")


def reach_block(doc):
    """Reach of the consultation in short: the flagged groups, the rest in an appendix.

    Args:
        doc: The document.
    """
    doc.add_heading("Reach of the consultation", level=2)
    control(doc, "if reach.available")
    doc.add_paragraph("{{ flagged.intro }}")
    control(doc, "if flagged.chart")
    doc.add_paragraph("{{ flagged.chart }}")
    control(doc, "endif")
    control(doc, "if flagged.available")
    table(doc, "flagged.rows", FLAGGED_COLUMNS, caption="Groups under- or over-represented")
    control(doc, "endif")
    control(doc, "if flagged.more")
    doc.add_paragraph("{{ flagged.more }}")
    control(doc, "endif")
    text_block(doc, "reach.apart")
    control(doc, "else")
    doc.add_paragraph("No survey results were analysed for this version of the assessment.")
    control(doc, "endif")


def opinions_block(doc):
    """How views differed between groups: plain sentences under each opinion question.

    Args:
        doc: The document.
    """
    control(doc, "if reach.opinions")
    doc.add_heading("How views differed between groups", level=2)
    doc.add_paragraph("{{ reach.opinions_intro }}")
    control(doc, "for o in reach.opinions")
    question = doc.add_paragraph()
    question.add_run("{{ o.question }}").bold = True
    question.paragraph_format.keep_with_next = True  # the question stays with its findings
    bullets(doc, "o.sentences", empty="No group's answers differed beyond chance.")
    control(doc, "endfor")
    control(doc, "endif")


def _consultation_plan(doc):
    """Dates, methods, formats, groups targeted and lived experience.

    Args:
        doc: The document.
    """
    doc.add_heading("Consultation plan", level=2)
    doc.add_paragraph("Open from {{ consultation.start_date }} to {{ consultation.end_date }}.")
    for title, variable in (
        ("Methods", "consultation.methods"),
        ("Accessible formats", "consultation.accessible_formats"),
        ("Groups targeted", "consultation.groups_targeted"),
    ):
        doc.add_heading(title, level=3)
        bullets(doc, variable)
    doc.add_heading("Involvement of people with lived experience", level=3)
    text_block(doc, "consultation.lived_experience")


def section_consultation(doc):
    """Engagement and consultation, including reach and "You said, we did".

    Args:
        doc: The document.
    """
    doc.add_heading("Engagement and consultation", level=1)
    _consultation_plan(doc)
    headed_text_blocks(
        doc,
        2,
        (
            ("Engagement so far", "consultation.prior_engagement"),
            ("Who responded", "consultation.respondents_summary"),
        ),
    )
    reach_block(doc)
    opinions_block(doc)
    doc.add_heading("What people said", level=2)
    text_block(doc, "consultation.what_people_said")
    # Written from the free-text themes (eia themes): counts by group, approved quotes only.
    control(doc, "if told_us.available")
    doc.add_heading("What people told us", level=2)
    text_block(doc, "told_us.paragraphs")
    # A chart per question and characteristic with a group that stood out; its text
    # alternative says the same as the findings above.
    control(doc, "for t in told_us.charts")
    control(doc, "if t.chart")
    doc.add_paragraph("{{ t.caption }}")
    doc.add_paragraph("{{ t.chart }}")
    control(doc, "endif")
    control(doc, "endfor")
    control(doc, "endif")
    doc.add_heading("You said, we did", level=2)
    table(
        doc,
        "consultation.you_said_we_did",
        [("You said", "you_said", 7), ("We did", "we_did", 7), ("Groups concerned", "groups", 3)],
        caption="You said, we did",
    )
    doc.add_heading("Fair consultation", level=2)
    text_block(doc, "consultation.gunning_statement")


def _changed_ratings_and_mitigations(doc):
    """Tables of the impact ratings and mitigations that changed.

    Args:
        doc: The document.
    """
    doc.add_heading("Impact ratings that changed", level=2)
    table(
        doc,
        "changes.ratings",
        [("Group", "group", 6), ("Before", "before", 5.5), ("After", "after", 5.5)],
        empty="No impact rating changed.",
        caption="Changed ratings",
    )
    doc.add_heading("Mitigations added, removed or revised", level=2)
    table(
        doc,
        "changes.mitigations",
        [
            ("Group", "group", 3.5),
            ("Change", "change", 2.2),
            ("What changed", "what", 11.3),
        ],
        empty="No mitigation changed.",
        caption="Changed mitigations",
    )


def _changed_actions_and_evidence(doc):
    """Tables of the actions and evidence added or removed.

    Args:
        doc: The document.
    """
    for title, variable, columns, empty in (
        ("Actions added", "changes.actions_added", ACTION_COLUMNS, "No action was added."),
        ("Actions removed", "changes.actions_removed", ACTION_COLUMNS, "No action was removed."),
        ("Evidence added", "changes.evidence_added", EVIDENCE_COLUMNS, "No evidence was added."),
        (
            "Evidence removed",
            "changes.evidence_removed",
            EVIDENCE_COLUMNS,
            "No evidence was removed.",
        ),
    ):
        doc.add_heading(title, level=2)
        table(doc, variable, columns, empty=empty, caption=title)


def section_changes(doc):
    """What changed after consultation, shown only when there is a version to compare with.

    Args:
        doc: The document.
    """
    control(doc, "if changes.available")
    doc.add_heading("What changed after consultation", level=1)
    doc.add_paragraph("{{ changes.intro }}")
    _changed_ratings_and_mitigations(doc)
    _changed_actions_and_evidence(doc)
    doc.add_heading("Other text that changed", level=2)
    table(
        doc,
        "changes.other",
        [("Where", "field", 5), ("What changed", "change", 12)],
        empty="No other text changed.",
        caption="Other text that changed",
    )
    doc.add_heading("You said, we did: new entries", level=2)
    table(
        doc,
        "changes.you_said_we_did_added",
        [("You said", "you_said", 8.5), ("We did", "we_did", 8.5)],
        empty="No new entries.",
        caption="New feedback responses",
    )
    control(doc, "endif")
