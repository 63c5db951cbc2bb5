"""House style of the default template: fonts, page set-up, language and footer."""

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

FONT = "Arial"
HEADING_COLOUR = RGBColor(0x1D, 0x35, 0x57)  # 11.9:1 contrast on white


def set_language(doc, tag="en-GB"):
    """Set the language of every run by default (w:lang in the style defaults).

    Args:
        doc: The document.
        tag: BCP 47 language tag written to the style defaults and core properties.
    """
    rpr = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), tag)
    doc.core_properties.language = tag


def _text_styles(doc):
    """Arial body text, dark upright headings and the small "Table Text" style.

    Args:
        doc: The document.
    """
    normal = doc.styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(11)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    normal.paragraph_format.space_after = Pt(6)
    for name, size in (
        ("Title", 24),
        ("Heading 1", 16),
        ("Heading 2", 13),
        ("Heading 3", 12),
        ("TOC Heading", 16),
    ):
        style = doc.styles[name]
        style.font.name, style.font.size = FONT, Pt(size)
        style.font.color.rgb = HEADING_COLOUR
        style.font.italic = False
        # A heading never ends a page: it stays with the paragraph, chart or table after it.
        style.paragraph_format.keep_with_next = True
    for name in ("List Bullet", "Subtitle"):
        doc.styles[name].font.name = FONT
    table_text = doc.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = Pt(9.5)
    table_text.paragraph_format.space_after = Pt(2)
    note = doc.styles.add_style("Table Note", WD_STYLE_TYPE.PARAGRAPH)
    note.base_style = normal
    note.font.size = Pt(9)
    note.paragraph_format.space_before = Pt(3)
    _contents_styles(doc)


def _contents_styles(doc):
    """The "TOC 1" and "TOC 2" styles of the contents lines: page numbers at the right margin.

    Args:
        doc: The document.
    """
    normal = doc.styles["Normal"]
    for level, indent in ((1, 0), (2, 0.6)):
        style = doc.styles.add_style(f"TOC {level}", WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.left_indent = Cm(indent)
        style.paragraph_format.space_after = Pt(2 if level == 2 else 4)
        style.paragraph_format.tab_stops.add_tab_stop(
            Cm(17), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
        if level == 1:
            style.font.bold = True


def page_size(section, landscape=False):
    """Set A4 with 2 cm margins, portrait or landscape.

    Args:
        section: The python-docx section, or a section-properties wrapper.
        landscape: Whether the page is turned on its side (for wide tables).
    """
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    width, height = (Cm(29.7), Cm(21)) if landscape else (Cm(21), Cm(29.7))
    section.page_width, section.page_height = width, height
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))


def _page_setup(doc):
    """Portrait A4 with 2 cm margins.

    Args:
        doc: The document.
    """
    page_size(doc.sections[0])


def house_style(doc):
    """Arial throughout, dark headings, A4 with 2 cm margins.

    Args:
        doc: The document.
    """
    _text_styles(doc)
    _page_setup(doc)


def page_number_footer(doc):
    """A footer reading "Page N" with a PAGE field.

    Args:
        doc: The document.
    """
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
