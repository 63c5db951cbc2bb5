"""Helpers that inspect a rendered .docx for the accessibility tests."""

import io

from docx import Document
from docx.document import Document as DocumentType
from docx.oxml.ns import qn


def open_docx(data: bytes) -> DocumentType:
    return Document(io.BytesIO(data))


def heading_levels(doc: DocumentType) -> list[int]:
    levels = []
    for paragraph in doc.paragraphs:
        name = paragraph.style.name
        if name == "Title":
            levels.append(0)
        elif name.startswith("Heading "):
            levels.append(int(name.split()[1]))
    return levels


def all_text(doc: DocumentType) -> str:
    return "\n".join(t.text or "" for t in doc.element.body.iter(qn("w:t")))


def table_rows_text(doc: DocumentType) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for table in doc.tables for row in table.rows]
