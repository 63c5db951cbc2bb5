"""Post-processing that makes a rendered Word document accessible."""

from typing import Any

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# Elements that give a paragraph content even when it has no text.
_CONTENT_TAGS = (
    "w:drawing",
    "w:pict",
    "w:object",
    "w:br",
    "w:tab",
    "w:fldSimple",
    "w:fldChar",
    "w:sym",
    "m:oMath",
    "w:sectPr",
)


def set_language(document: Document, language: str) -> None:
    """Set the document's language in its properties and in the default run style.

    Args:
        document: The document.
        language: A language tag such as ``en-GB``.
    """
    document.core_properties.language = language
    defaults = document.styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        document.styles.element.insert(0, defaults)
    run_defaults = defaults.find(qn("w:rPrDefault"))
    if run_defaults is None:
        run_defaults = OxmlElement("w:rPrDefault")
        defaults.insert(0, run_defaults)
    properties = run_defaults.find(qn("w:rPr"))
    if properties is None:
        properties = OxmlElement("w:rPr")
        run_defaults.append(properties)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    for attribute in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attribute), language)


def mark_header_rows(document: Document) -> None:
    """Mark the first row of every table as a header row that repeats on each page.

    Args:
        document: The document.
    """
    for row in document.element.body.iter(qn("w:tr")):
        table = row.getparent()
        if table.find(qn("w:tr")) is not row:
            continue
        properties = row.get_or_add_trPr()
        if properties.find(qn("w:tblHeader")) is None:
            header = OxmlElement("w:tblHeader")
            header.set(qn("w:val"), "true")
            properties.append(header)


def missing_alt_text(document: Document) -> int:
    """Count pictures without a description.

    Args:
        document: The document.

    Returns:
        How many drawings have no (or blank) alt text.
    """
    return sum(
        1
        for doc_pr in document.element.body.iter(qn("wp:docPr"))
        if not (doc_pr.get("descr") or "").strip()
    )


def _is_empty(paragraph: Any) -> bool:
    if any(paragraph.find(f".//{qn(tag)}") is not None for tag in _CONTENT_TAGS):
        return False
    return not "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()


def _separates_tables(paragraph: Any) -> bool:
    before, after = paragraph.getprevious(), paragraph.getnext()
    return (before is not None and before.tag == qn("w:tbl")) and (
        after is None or after.tag in (qn("w:tbl"), qn("w:sectPr"))
    )


def remove_empty_paragraphs(document: Document) -> int:
    """Remove paragraphs that hold nothing (spacing made of empty paragraphs).

    A paragraph is kept where Word needs one: as a table cell's last paragraph,
    between two tables, and after a table that ends the document.

    Args:
        document: The document.

    Returns:
        How many paragraphs were removed.
    """
    removed = 0
    for paragraph in list(document.element.body.iter(qn("w:p"))):
        parent = paragraph.getparent()
        if not _is_empty(paragraph) or _separates_tables(paragraph):
            continue
        if parent.tag == qn("w:tc") and len(parent.findall(qn("w:p"))) == 1:
            continue
        parent.remove(paragraph)
        removed += 1
    return removed


def make_accessible(document: Document, *, title: str, language: str = "en-GB") -> list[str]:
    """Apply every accessibility fix to a rendered document.

    Args:
        document: The rendered document, changed in place.
        title: The document title for its properties (and a PDF's title).
        language: The document language.

    Returns:
        Warnings about problems that cannot be fixed here, such as a picture
        in a custom template that has no alt text.
    """
    document.core_properties.title = title
    set_language(document, language)
    mark_header_rows(document)
    remove_empty_paragraphs(document)
    missing = missing_alt_text(document)
    if missing:
        return [
            f"{missing} picture(s) in the template have no alt text: add a description "
            "to each picture in Word (right-click, View Alt Text)."
        ]
    return []
