"""Numbered headings and a filled-in contents page for a rendered report.

Numbers are written into the heading text (rather than Word list numbering) so
that they read the same in Word, in LibreOffice, in a PDF and to a screen
reader, and so that the contents can be written out here before any program
updates it. The contents is a real Word TOC field whose result is already
filled in: one line per heading, each a link to a bookmark on the heading with
a PAGEREF field for its page. Word and LibreOffice work out the page numbers
when they lay the document out, and Word can rebuild the whole field.

A template opts in by putting a bookmark named :data:`CONTENTS_BOOKMARK` on the
paragraph where the contents goes; headings after it are numbered.
"""

import string
from dataclasses import dataclass
from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

CONTENTS_BOOKMARK = "eia_contents"
CONTENTS_LEVELS = 1
APPENDIX_WORD = "Appendix"
NUMBERED_STYLES = {"Heading 1": 1, "Heading 2": 2}
TOC_INSTRUCTION = f' TOC \\o "1-{CONTENTS_LEVELS}" \\h \\z \\u '


@dataclass(frozen=True)
class Heading:
    """A numbered heading listed in the contents.

    Attributes:
        level: 1 or 2.
        text: The heading text with its number.
        bookmark: The bookmark on the heading that the contents line links to.
    """

    level: int
    text: str
    bookmark: str


def _style_name(paragraph: Any, document: Document) -> str:
    style_id = paragraph.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    if style_id is None:
        return ""
    for style in document.styles:
        if style.style_id == style_id.get(qn("w:val")):
            return str(style.name)
    return ""


def _text(paragraph: Any) -> str:
    return "".join(t.text or "" for t in paragraph.iter(qn("w:t")))


def _prefix(paragraph: Any, prefix: str) -> None:
    """Write the number before the heading's first text."""
    first = next(paragraph.iter(qn("w:t")), None)
    if first is None:
        return
    first.text = prefix + (first.text or "")
    first.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def _bookmark(paragraph: Any, name: str, number: int) -> None:
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(number))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    properties = paragraph.find(qn("w:pPr"))
    paragraph.insert(0 if properties is None else 1, start)
    paragraph.append(end)


def _contents_paragraph(document: Document) -> Any:
    for start in document.element.body.iter(qn("w:bookmarkStart")):
        if start.get(qn("w:name")) == CONTENTS_BOOKMARK:
            return start.getparent()
    return None


def _number_text(level: int, counters: list[int], appendix: int, text: str) -> str:
    if appendix:
        letter = string.ascii_uppercase[(appendix - 1) % 26]
        if level == 1:
            return f"{APPENDIX_WORD} {letter}: "
        return f"{letter}.{counters[1]} "
    if level == 1:
        return f"{counters[0]} "
    return f"{counters[0]}.{counters[1]} "


def number_headings(document: Document) -> list[Heading]:
    """Number the Heading 1 and Heading 2 paragraphs after the contents, and bookmark them.

    Main sections are numbered 1, 2, ... with sub-sections 1.1, 1.2; a Heading 1
    starting with "Appendix" becomes "Appendix A: ...", its sub-sections A.1, A.2.

    Args:
        document: The rendered document, changed in place.

    Returns:
        The numbered headings in order, for the contents; empty when the
        template has no contents bookmark.
    """
    anchor = _contents_paragraph(document)
    if anchor is None:
        return []
    headings: list[Heading] = []
    counters, appendix = [0, 0], 0
    for paragraph in list(anchor.itersiblings(qn("w:p"))):
        level = NUMBERED_STYLES.get(_style_name(paragraph, document))
        text = _text(paragraph).strip()
        if not level or not text:
            continue
        if level == 1:
            if text.startswith(APPENDIX_WORD):
                appendix += 1
                first = next(paragraph.iter(qn("w:t")))
                first.text = (first.text or "").replace(APPENDIX_WORD, "", 1).lstrip(" :")
            counters = [counters[0] + (0 if appendix else 1), 0]
        else:
            counters[1] += 1
        prefix = _number_text(level, counters, appendix, text)
        _prefix(paragraph, prefix)
        name = f"_Toc_eia_{len(headings) + 1}"
        _bookmark(paragraph, name, 9000 + len(headings))
        headings.append(Heading(level, _text(paragraph).strip(), name))
    return headings


def _run(*children: Any) -> Any:
    run = OxmlElement("w:r")
    for child in children:
        run.append(child)
    return run


def _field_char(kind: str) -> Any:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    return _run(char)


def _instruction(text: str) -> Any:
    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = text
    return _run(instr)


def _text_run(text: str) -> Any:
    element = OxmlElement("w:t")
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = text
    return _run(element)


def _entry(document: Document, heading: Heading) -> Any:
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    style = OxmlElement("w:pStyle")
    style_name = f"TOC {heading.level}"
    known = {s.name: s.style_id for s in document.styles}
    style.set(qn("w:val"), known.get(style_name, "Normal"))
    properties.append(style)
    paragraph.append(properties)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), heading.bookmark)
    link.set(qn("w:history"), "1")
    tab = OxmlElement("w:tab")
    link.append(_text_run(heading.text))
    link.append(_run(tab))
    link.append(_field_char("begin"))
    link.append(_instruction(f" PAGEREF {heading.bookmark} \\h "))
    link.append(_field_char("separate"))
    link.append(_text_run("1"))
    link.append(_field_char("end"))
    paragraph.append(link)
    return paragraph


def fill_contents(document: Document, headings: list[Heading]) -> None:
    """Replace the contents paragraph with a TOC field listing ``headings``.

    Args:
        document: The rendered document, changed in place.
        headings: The headings from :func:`number_headings`.
    """
    anchor = _contents_paragraph(document)
    headings = [h for h in headings if h.level <= CONTENTS_LEVELS]
    if anchor is None or not headings:
        return
    entries = [_entry(document, h) for h in headings]
    # The field starts in the first entry and ends in the last, as Word writes it.
    properties = entries[0].find(qn("w:pPr"))
    begin = _field_char("begin")
    begin[0].set(qn("w:dirty"), "true")  # Word and LibreOffice rebuild a dirty field on opening
    for child in (_field_char("separate"), _instruction(TOC_INSTRUCTION), begin):
        properties.addnext(child)
    entries[-1].append(_field_char("end"))
    for entry in reversed(entries):
        anchor.addnext(entry)
    anchor.getparent().remove(anchor)


def keep_with_next(document: Document) -> int:
    """Keep lead-in paragraphs and charts on the same page as what follows them.

    A paragraph directly before a table (its title or lead-in), a paragraph
    holding a picture, and the paragraph just before a picture are kept with
    the next paragraph, as the heading styles already are.

    Args:
        document: The rendered document, changed in place.

    Returns:
        How many paragraphs were marked.
    """
    marked = 0
    body = document.element.body
    for paragraph in body.iterchildren(qn("w:p")):
        after = paragraph.getnext()
        has_picture = paragraph.find(f".//{qn('w:drawing')}") is not None
        before_picture = (
            after is not None
            and after.tag == qn("w:p")
            and after.find(f".//{qn('w:drawing')}") is not None
        )
        before_table = after is not None and after.tag == qn("w:tbl")
        if (has_picture or before_picture or before_table) and after is not None:
            properties = paragraph.get_or_add_pPr()
            if properties.find(qn("w:keepNext")) is None:
                # keepNext follows pStyle in the schema's order of paragraph properties.
                style = properties.find(qn("w:pStyle"))
                properties.insert(0 if style is None else 1, OxmlElement("w:keepNext"))
                marked += 1
    return marked


def mark_update_on_open(document: Document) -> None:
    """Ask Word to refresh the fields (contents, page references) when it opens the file.

    Args:
        document: The rendered document, changed in place.
    """
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def build_contents(document: Document) -> list[Heading]:
    """Number the headings, fill in the contents and keep headings with what follows.

    Args:
        document: The rendered document, changed in place.

    Returns:
        The headings listed in the contents.
    """
    headings = number_headings(document)
    fill_contents(document, headings)
    keep_with_next(document)
    return headings


def unwrap_contents_field(document: Document) -> bool:
    """Keep the contents lines but drop the TOC field around them.

    LibreOffice shows a TOC field's stored result as it is, so its page numbers
    would stay as written here; the PAGEREF fields inside, once outside a TOC
    field, are worked out when the pages are laid out. The PDF conversion uses
    this on a copy; the Word file keeps its TOC field for Word to rebuild.

    Args:
        document: The document, changed in place.

    Returns:
        Whether a contents field was found and unwrapped.
    """
    body = document.element.body
    chars = list(body.iter(qn("w:fldChar")))
    for index, char in enumerate(chars):
        run = char.getparent()
        following = run.getnext()
        instruction = following.find(qn("w:instrText")) if following is not None else None
        if char.get(qn("w:fldCharType")) != "begin" or instruction is None:
            continue
        if not (instruction.text or "").strip().startswith("TOC"):
            continue
        depth, end = 0, None
        for later in chars[index:]:  # the end that matches this begin, past nested fields
            kind = later.get(qn("w:fldCharType"))
            depth += {"begin": 1, "end": -1}.get(kind, 0)
            if depth == 0:
                end = later.getparent()
                break
        separator = following.getnext()
        for element in (run, following, separator, end):
            if element is not None:
                element.getparent().remove(element)
        return True
    return False
