"""Building blocks of the template: control tags, paragraph lists, bullets and tables.

Every Jinja tag is written as the whole text of one run, so Word never splits a
tag across runs, and every table's first row is a repeating header row.
"""

from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm

NONE_TEXT = "None recorded."
HEADER_FILL = "E8EDF3"
CONTENTS_BOOKMARK = "eia_contents"  # eia_app.export.contents fills the contents in here
LANDSCAPE_WIDTH = 25.7  # cm between the margins of a landscape A4 page
PORTRAIT_WIDTH = 17.0


def new_section(doc, landscape):
    """Start a new page in a new section, landscape or portrait.

    The section break ends the section before it, so the earlier pages keep
    their orientation; later sections inherit the page-number footer.

    Args:
        doc: The document.
        landscape: Whether the new section's pages are landscape.
    """
    from template_parts.style import page_size

    page_size(doc.add_section(WD_SECTION.NEW_PAGE), landscape=landscape)


def contents_anchor(doc):
    """The paragraph the contents replaces, marked with a bookmark.

    Args:
        doc: The document.
    """
    paragraph = doc.add_paragraph("The contents lists every numbered section.")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), "0")
    start.set(qn("w:name"), CONTENTS_BOOKMARK)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), "0")
    paragraph._p.insert(0, start)
    paragraph._p.append(end)


def control(doc, tag):
    """A paragraph holding only a {%p ... %} tag; docxtpl removes it when rendering.

    Args:
        doc: The document.
        tag: The Jinja statement, without the ``{%p`` and ``%}`` delimiters.
    """
    doc.add_paragraph("{%p " + tag + " %}")


def text_block(doc, variable):
    """One paragraph per entry of a list of paragraphs.

    Args:
        doc: The document.
        variable: Name of the list variable, for example ``purpose.summary``.
    """
    control(doc, f"for para in {variable}")
    doc.add_paragraph("{{ para }}")
    control(doc, "endfor")


def bullets(doc, variable, empty=NONE_TEXT):
    """A real bulleted list, or a sentence when the list is empty.

    Args:
        doc: The document.
        variable: Name of the list variable.
        empty: Sentence shown instead of the list when it is empty.
    """
    control(doc, f"if {variable}")
    control(doc, f"for item in {variable}")
    doc.add_paragraph("{{ item }}", style="List Bullet")
    control(doc, "endfor")
    control(doc, "else")
    doc.add_paragraph(empty)
    control(doc, "endif")


def mark_header_row(row):
    """Mark a row as the table header that repeats on each page (PDF <TH>).

    Args:
        row: The python-docx table row.
    """
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)
    no_split = OxmlElement("w:cantSplit")
    tr_pr.append(no_split)
    for cell in row.cells:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:fill"), HEADER_FILL)
        cell._tc.get_or_add_tcPr().append(shading)


def _fill_columns(grid, columns):
    """Write the header text, the templated cell and the width of each column.

    Args:
        grid: The four-row table.
        columns: (header text, field name, width in cm) per column.
    """
    for index, (header, field, width) in enumerate(columns):
        cell = grid.rows[0].cells[index]
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
        grid.rows[2].cells[index].text = "{{ row." + field + " }}"
        grid.columns[index].width = Cm(width)  # w:gridCol, which LibreOffice follows
        for row in grid.rows:
            row.cells[index].width = Cm(width)


def _apply_table_text(grid):
    """Give the first paragraph of every cell the "Table Text" style.

    Args:
        grid: The table.
    """
    for row in grid.rows:
        for cell in row.cells:
            cell.paragraphs[0].style = "Table Text"


def _set_caption(grid, caption):
    """Store a table title for assistive technology (w:tblCaption).

    Args:
        grid: The table.
        caption: The title.
    """
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), caption)
    grid._tbl.tblPr.append(element)


def _templated_grid(doc, rows, columns):
    """The table itself: header row, loop-start row, templated row, loop-end row.

    Args:
        doc: The document.
        rows: Name of the list variable the table loops over.
        columns: (header text, field name, width in cm) per column.

    Returns:
        The new python-docx table.
    """
    grid = doc.add_table(rows=4, cols=len(columns))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.LEFT
    grid.autofit = False
    _fill_columns(grid, columns)
    grid.rows[1].cells[0].text = "{%tr for row in " + rows + " %}"
    grid.rows[3].cells[0].text = "{%tr endfor %}"
    mark_header_row(grid.rows[0])
    grid.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    _apply_table_text(grid)
    return grid


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
    grid = _templated_grid(doc, rows, columns)
    if caption:
        _set_caption(grid, caption)
    control(doc, "else")
    doc.add_paragraph(empty)
    control(doc, "endif")


def label_table(doc, rows, caption):
    """A two-column "Item | Detail" table.

    Args:
        doc: The document.
        rows: Name of the list of rows with ``label`` and ``value``.
        caption: Table title stored for assistive technology.
    """
    table(doc, rows, [("Item", "label", 6), ("Detail", "value", 11)], caption=caption)


def headed_text_blocks(doc, level, pairs):
    """A heading followed by a paragraph list, for each (title, variable) pair.

    Args:
        doc: The document.
        level: Heading level of each title.
        pairs: (heading text, list variable name) pairs, in order.
    """
    for title, variable in pairs:
        doc.add_heading(title, level=level)
        text_block(doc, variable)
