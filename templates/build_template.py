"""Build the default EIA report template, templates/eia_default.docx.

Run ``python templates/build_template.py`` after changing this script and commit
both files. Every Jinja tag is written as the whole text of one run, so Word
never splits a tag across runs; headings use the real Heading styles and every
table's first row is a repeating header row.
"""

import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "eia_default.docx"
FONT = "Arial"
HEADING_COLOUR = RGBColor(0x1D, 0x35, 0x57)  # 11.9:1 contrast on white
NONE_TEXT = "None recorded."


def set_language(doc, tag="en-GB"):
    """Set the language of every run by default (w:lang in the style defaults)."""
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    doc.core_properties.language = tag


def house_style(doc):
    """Arial throughout, dark headings, A4 with 2 cm margins."""
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (("Title", 24), ("Heading 1", 16), ("Heading 2", 13), ("Heading 3", 12)):
        style = doc.styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.color.rgb = HEADING_COLOUR
        style.font.italic = False
    for name in ("List Bullet", "Subtitle"):
        doc.styles[name].font.name = FONT
    table_text = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(2)
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))


def page_number_footer(doc):
    """A footer reading "Page N" with a PAGE field."""
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.add_run("Page ")
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def control(doc, tag):
    """A paragraph holding only a {%p ... %} tag; docxtpl removes it when rendering."""
    doc.add_paragraph("{%p " + tag + " %}")


def text_block(doc, variable):
    """One paragraph per entry of a list of paragraphs."""
    control(doc, f"for para in {variable}")
    doc.add_paragraph("{{ para }}")
    control(doc, "endfor")


def bullets(doc, variable, empty=NONE_TEXT):
    """A real bulleted list, or a sentence when the list is empty."""
    control(doc, f"if {variable}")
    control(doc, f"for item in {variable}")
    doc.add_paragraph("{{ item }}", style="List Bullet")
    control(doc, "endfor")
    control(doc, "else")
    doc.add_paragraph(empty)
    control(doc, "endif")


def mark_header_row(row):
    """Mark a row as the table header that repeats on each page (PDF <TH>)."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), "E8EDF3")
        cell._tc.get_or_add_tcPr().append(shading)


def table(doc, rows, columns, empty=NONE_TEXT, caption=None):
    """A table with a header row and one templated row per entry of ``rows``.

    Args:
        doc: The document.
        rows: Name of the list variable, for example ``actions``.
        columns: (header text, field name, width in cm) per column.
        empty: Sentence shown instead of the table when the list is empty.
        caption: Table title stored for assistive technology.
    """
    control(doc, f"if {rows}")
    grid = doc.add_table(rows=4, cols=len(columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    for index, (header, field, width) in enumerate(columns):
        cell = grid.rows[0].cells[index]
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
        grid.rows[2].cells[index].text = "{{ row." + field + " }}"
        grid.columns[index].width = Cm(width)  # w:gridCol, which LibreOffice follows
        for row in grid.rows:
            row.cells[index].width = Cm(width)
    grid.rows[1].cells[0].text = "{%tr for row in " + rows + " %}"
    grid.rows[3].cells[0].text = "{%tr endfor %}"
    mark_header_row(grid.rows[0])
    grid.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for row in grid.rows:
        for cell in row.cells:
            cell.paragraphs[0].style = "Table Text"
    if caption:
        element = OxmlElement("w:tblCaption")
        element.set(qn("w:val"), caption)
        grid._tbl.tblPr.append(element)
    control(doc, "else")
    doc.add_paragraph(empty)
    control(doc, "endif")


def label_table(doc, rows, caption):
    """A two-column "Item | Detail" table."""
    table(doc, rows, [("Item", "label", 6), ("Detail", "value", 11)], caption=caption)


def section_front(doc):
    doc.add_heading("{{ doc.title }}", level=0)
    doc.add_paragraph("{{ doc.subtitle }}: {{ doc.reference }}", style="Subtitle")
    doc.add_heading("Version and quality control", level=1)
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


def section_screening_purpose(doc):
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
    doc.add_heading("Purpose, aims and scope", level=1)
    for title, variable in (
        ("Description of the proposal", "purpose.summary"),
        ("What is new or changing, and why", "purpose.what_is_changing"),
    ):
        doc.add_heading(title, level=2)
        text_block(doc, variable)
    doc.add_heading("Intended outcomes", level=2)
    bullets(doc, "purpose.intended_outcomes")
    for title, variable in (
        ("How the outcomes will be achieved", "purpose.how_achieved"),
        ("Who is affected", "purpose.who_is_affected"),
    ):
        doc.add_heading(title, level=2)
        text_block(doc, variable)
    doc.add_heading("Related policies and duties", level=2)
    bullets(doc, "purpose.related_policies")
    doc.add_heading("Decision route", level=2)
    label_table(doc, "purpose.route_rows", "Decision route")
    doc.add_heading("Review of a previous assessment", level=1)
    doc.add_paragraph("Is there a previous assessment? {{ previous_review.applicable }}")
    doc.add_paragraph("Previous assessment: {{ previous_review.previous_reference }}")
    for title, variable in (
        ("Actions planned last time", "previous_review.actions_planned"),
        ("What improved", "previous_review.what_improved"),
        ("Further actions needed", "previous_review.further_actions"),
    ):
        doc.add_heading(title, level=2)
        text_block(doc, variable)


def section_evidence(doc):
    doc.add_heading("Evidence", level=1)
    table(
        doc,
        "evidence.rows",
        [
            ("Ref", "id", 1.5),
            ("Evidence", "title", 3.5),
            ("Source", "source", 3),
            ("Groups", "groups", 2.5),
            ("What it tells us", "summary", 4),
            ("Strength", "quality", 2),
        ],
        caption="Evidence",
    )
    doc.add_heading("Gaps in the evidence", level=2)
    text_block(doc, "evidence.no_evidence_statement")


def reach_block(doc):
    doc.add_heading("Reach of the consultation", level=2)
    control(doc, "if reach.available")
    doc.add_paragraph("{{ reach.summary }}")
    doc.add_paragraph("{{ reach.source }}")
    doc.add_heading("How the figures were worked out", level=3)
    bullets(doc, "reach.assumptions")
    control(doc, "for c in reach.characteristics")
    doc.add_heading("{{ c.label }}", level=3)
    doc.add_paragraph("Question asked: {{ c.question }}")
    doc.add_paragraph("{{ c.flag_sentence }}")
    control(doc, "if c.chart")
    doc.add_paragraph("{{ c.chart }}")
    control(doc, "endif")
    columns = [
        ("Category", "label", 3.1),
        ("Count", "count", 1.4),
        ("Share", "share", 1.4),
        ("95% interval", "interval", 2.5),
        ("Population", "baseline", 2.3),
        ("Gap", "gap", 1.6),
        ("More needed for parity", "parity", 1.9),
        ("Finding", "flag", 2.8),
    ]
    table(doc, "c.rows", columns, caption="Respondents compared with the population")
    control(doc, "if c.detail_rows")
    doc.add_paragraph("Detailed categories for {{ c.label }}:")
    table(doc, "c.detail_rows", columns, caption="Detailed categories")
    control(doc, "endif")
    text_block(doc, "c.notes")
    control(doc, "endfor")
    control(doc, "else")
    doc.add_paragraph("No survey results were analysed for this version of the assessment.")
    control(doc, "endif")


def section_consultation(doc):
    doc.add_heading("Engagement and consultation", level=1)
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
    for title, variable in (
        ("Engagement so far", "consultation.prior_engagement"),
        ("Who responded", "consultation.respondents_summary"),
    ):
        doc.add_heading(title, level=2)
        text_block(doc, variable)
    reach_block(doc)
    doc.add_heading("What people said", level=2)
    text_block(doc, "consultation.what_people_said")
    doc.add_heading("You said, we did", level=2)
    table(
        doc,
        "consultation.you_said_we_did",
        [("You said", "you_said", 7), ("We did", "we_did", 7), ("Groups concerned", "groups", 3)],
        caption="You said, we did",
    )
    doc.add_heading("Fair consultation", level=2)
    text_block(doc, "consultation.gunning_statement")


def section_changes(doc):
    control(doc, "if changes.available")
    doc.add_heading("What changed after consultation", level=1)
    doc.add_paragraph("{{ changes.intro }}")
    doc.add_paragraph("{{ changes.sections }}")
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
            ("Change", "change", 2.5),
            ("Before", "before", 5.5),
            ("After", "after", 5.5),
        ],
        empty="No mitigation changed.",
        caption="Changed mitigations",
    )
    action_columns = [("Ref", "id", 2), ("Action", "action", 10), ("Owner", "owner", 5)]
    evidence_columns = [
        ("Ref", "id", 2),
        ("Evidence", "title", 6),
        ("What it tells us", "summary", 9),
    ]
    for title, variable, columns, empty in (
        ("Actions added", "changes.actions_added", action_columns, "No action was added."),
        ("Actions removed", "changes.actions_removed", action_columns, "No action was removed."),
        ("Evidence added", "changes.evidence_added", evidence_columns, "No evidence was added."),
        (
            "Evidence removed",
            "changes.evidence_removed",
            evidence_columns,
            "No evidence was removed.",
        ),
    ):
        doc.add_heading(title, level=2)
        table(doc, variable, columns, empty=empty, caption=title)
    doc.add_heading("You said, we did: new entries", level=2)
    table(
        doc,
        "changes.you_said_we_did_added",
        [("You said", "you_said", 8.5), ("We did", "we_did", 8.5)],
        empty="No new entries.",
        caption="New feedback responses",
    )
    control(doc, "endif")


def section_impacts(doc):
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
    doc.add_heading("Intersectional and cumulative impact", level=1)
    doc.add_heading("Intersectional impact", level=2)
    text_block(doc, "combined.intersectional")
    doc.add_heading("Cumulative impact", level=2)
    text_block(doc, "combined.cumulative")


def section_decision(doc):
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
    doc.add_heading("Monitoring and review", level=1)
    doc.add_heading("Monitoring arrangements", level=2)
    text_block(doc, "monitoring.arrangements")
    doc.add_heading("Indicators", level=2)
    bullets(doc, "monitoring.indicators")
    doc.add_paragraph("Next review: {{ monitoring.review_date }}")
    doc.add_heading("Sign-off", level=1)
    table(
        doc,
        "sign_off",
        [("Step", "step", 3.5), ("Name", "name", 5), ("Role", "role", 5), ("Date", "date", 3.5)],
        caption="Sign-off",
    )
    doc.add_paragraph("Produced with the EIA toolkit on {{ doc.generated_on }}.")


def build(path=OUTPUT):
    """Write the template to ``path``."""
    doc = Document()
    house_style(doc)
    set_language(doc)
    page_number_footer(doc)
    for section in (
        section_front,
        section_screening_purpose,
        section_evidence,
        section_consultation,
        section_changes,
        section_impacts,
        section_decision,
    ):
        section(doc)
    doc.core_properties.title = ""
    doc.core_properties.author = "EIA toolkit"
    doc.save(path)
    return path


if __name__ == "__main__":
    print(f"Wrote {build(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT)}")
