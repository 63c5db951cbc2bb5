"""Text typed by people, made safe to put inside Streamlit Markdown.

Streamlit escapes HTML in ``st.markdown``, but still reads Markdown: an image written
into a field (``![x](https://tracker.example/p.png)``) would be fetched by every
reader's browser, and a link could be disguised. Every backslash-escapable Markdown
character that could make an image, a link, emphasis or a heading is escaped, so the
text is shown exactly as typed.
"""

import re

# The characters that start Markdown of any effect mid-line: emphasis, code, links and
# images, headings, tables, strikethrough and maths. HTML is escaped by Streamlit already,
# and ordinary punctuation (". : - > _") is left alone, so sentences and ids such as
# gender_reassignment read as written (an underscore inside a word is never emphasis).
_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*{}\[\]#!|~$])")


def plain(text: object) -> str:
    """Return text to show as typed inside Markdown, with no Markdown of its own.

    Args:
        text: What a person typed (or any value; it is shown as ``str(text)``).

    Returns:
        The text with each such character backslash-escaped.
    """
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", str(text))


def plain_rows(rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Return table rows for ``st.table`` (which reads Markdown in cells), every cell plain.

    Args:
        rows: Column heading -> cell text, row by row.

    Returns:
        The same rows with each cell passed through :func:`plain`.
    """
    return [{heading: plain(cell) for heading, cell in row.items()} for row in rows]
