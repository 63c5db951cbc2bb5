"""Closing sections: impacts, equality duty, human rights, decision, actions and sign-off."""

from template_parts.blocks import bullets, control, table, text_block


def _impacts_and_duty(doc):
    """The impact table and the Public Sector Equality Duty table.

    Args:
        doc: The document.
    """
    doc.add_heading("Impact on each group", level=1)
    table(
        doc,
        "impacts",
        [
            ("Group", "group", 2.8),
            ("Impact", "rating", 2),
            ("What the impact is and why", "reasoning", 5.2),
            ("Evidence", "evidence", 1.8),
            ("Mitigation", "mitigation", 5.2),
        ],
        caption="Impact on each group",
    )
    doc.add_heading("Public Sector Equality Duty", level=1)
    table(
        doc,
        "psed",
        [("Aim", "aim", 5), ("How the proposal helps or hinders this aim", "analysis", 12)],
        caption="Public Sector Equality Duty",
    )


def _human_rights(doc):
    """The human rights table and its conclusion.

    Args:
        doc: The document.
    """
    doc.add_heading("Human rights", level=1)
    table(
        doc,
        "human_rights.rows",
        [
            ("Article", "article", 3.5),
            ("Kind", "right_type", 2),
            ("Engaged", "engaged", 1.8),
            ("Analysis", "analysis", 5),
            ("Lawful, necessary and proportionate", "proportionality", 4.7),
        ],
        caption="Human rights",
    )
    doc.add_heading("Conclusion on human rights", level=2)
    text_block(doc, "human_rights.conclusion")


def section_impacts(doc):
    """Impacts, equality duty, human rights, and intersectional and cumulative impact.

    Args:
        doc: The document.
    """
    _impacts_and_duty(doc)
    _human_rights(doc)
    doc.add_heading("Intersectional and cumulative impact", level=1)
    doc.add_heading("Intersectional impact", level=2)
    text_block(doc, "combined.intersectional")
    doc.add_heading("Cumulative impact", level=2)
    text_block(doc, "combined.cumulative")


def _decision(doc):
    """The decision: outcome, summary, reasons and any justification.

    Args:
        doc: The document.
    """
    doc.add_heading("Decision", level=1)
    doc.add_paragraph("Outcome: {{ decision.outcome }}")
    doc.add_heading("Summary of impacts", level=2)
    text_block(doc, "decision.summary")
    doc.add_heading("Reasons", level=2)
    text_block(doc, "decision.reasons")
    control(doc, "if decision.justification")
    doc.add_heading("Justification for continuing", level=2)
    text_block(doc, "decision.justification")
    control(doc, "endif")


def _action_plan(doc):
    """The action plan table.

    Args:
        doc: The document.
    """
    doc.add_heading("Action plan", level=1)
    table(
        doc,
        "actions",
        [
            ("Ref", "id", 1.3),
            ("Action", "action", 4.5),
            ("Issue", "issue", 3),
            ("Owner", "owner", 2.5),
            ("Due", "due", 2),
            ("Success measure", "measure", 2.5),
            ("Status", "status", 1.7),
        ],
        caption="Action plan",
    )


def _monitoring(doc):
    """Monitoring arrangements, indicators and the next review date.

    Args:
        doc: The document.
    """
    doc.add_heading("Monitoring and review", level=1)
    doc.add_heading("Monitoring arrangements", level=2)
    text_block(doc, "monitoring.arrangements")
    doc.add_heading("Indicators", level=2)
    bullets(doc, "monitoring.indicators")
    doc.add_paragraph("Next review: {{ monitoring.review_date }}")


def _sign_off(doc):
    """The sign-off table and the closing line.

    Args:
        doc: The document.
    """
    doc.add_heading("Sign-off", level=1)
    table(
        doc,
        "sign_off",
        [("Step", "step", 3.5), ("Name", "name", 5), ("Role", "role", 5), ("Date", "date", 3.5)],
        caption="Sign-off",
    )
    doc.add_paragraph("Produced with the EIA toolkit on {{ doc.generated_on }}.")


def section_decision(doc):
    """Decision, action plan, monitoring and review, and sign-off.

    Args:
        doc: The document.
    """
    _decision(doc)
    _action_plan(doc)
    _monitoring(doc)
    _sign_off(doc)
