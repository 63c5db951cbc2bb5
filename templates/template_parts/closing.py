"""Closing sections: impacts, equality duty, human rights, decision, actions and sign-off."""

from template_parts.blocks import bullets, control, new_section, table, text_block


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
            ("Group", "group", 3.4),
            ("Impact", "rating", 2.6),
            ("What the impact is and why", "reasoning", 8.6),
            ("Evidence", "evidence", 2.5),
            ("Mitigation", "mitigation", 8.6),
        ],
        caption="Impact on each group",
    )
    doc.add_heading("Public Sector Equality Duty", level=1)
    table(
        doc,
        "psed",
        [("Aim", "aim", 7), ("How the proposal helps or hinders this aim", "analysis", 18.7)],
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
            ("Article", "article", 4.2),
            ("Kind", "right_type", 2.4),
            ("Engaged", "engaged", 2.2),
            ("Analysis", "analysis", 8.5),
            ("Lawful, necessary and proportionate", "proportionality", 8.4),
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
    new_section(doc, landscape=True)
    _impacts_and_duty(doc)
    _human_rights(doc)
    new_section(doc, landscape=False)
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
    new_section(doc, landscape=True)
    doc.add_heading("Action plan", level=1)
    table(
        doc,
        "actions",
        [
            ("Ref", "id", 1.3),
            ("Action", "action", 6.6),
            ("Issue it addresses", "issue", 4.6),
            ("Owner", "owner", 3.2),
            ("Due", "due", 2.4),
            ("Success measure", "measure", 5.1),
            ("Progress", "status", 2.5),
        ],
        caption="Action plan",
    )
    new_section(doc, landscape=False)


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
    doc.add_paragraph("Document produced on {{ doc.generated_on }}.")


def _reach_appendix(doc):
    """Appendix: the reach of the consultation, one characteristic at a time.

    Args:
        doc: The document.
    """
    from template_parts.consultation import reach_characteristics

    control(doc, "if reach.available")
    doc.add_heading("Appendix: Reach of the consultation in full", level=1)
    doc.add_paragraph("{{ reach.summary }}")
    reach_characteristics(doc)
    control(doc, "endif")


def _methods_appendix(doc):
    """Appendix: how the reach figures were worked out, with the test statistics.

    Args:
        doc: The document.
    """
    control(doc, "if methods.available")
    doc.add_heading("Appendix: Methods", level=1)
    text_block(doc, "methods.lines")
    doc.add_heading("Tests of the difference from the population", level=2)
    table(
        doc,
        "methods.tests",
        [
            ("Characteristic", "characteristic", 4),
            ("Test result", "result", 6),
            ("Effect size (Cohen's w)", "effect", 2.5),
            ("Note", "note", 4.5),
        ],
        caption="Tests of the difference from the population",
    )
    doc.add_heading("Symbols in the tables", level=2)
    bullets(doc, "methods.legend")
    control(doc, "endif")


def section_appendices(doc):
    """The appendices: reach in full, then methods.

    Args:
        doc: The document.
    """
    _reach_appendix(doc)
    _methods_appendix(doc)


def section_decision(doc):
    """Decision, action plan, monitoring and review, and sign-off.

    Args:
        doc: The document.
    """
    _decision(doc)
    _action_plan(doc)
    _monitoring(doc)
    _sign_off(doc)
