"""A legend under every table that uses a table symbol ([c], [x], [z]).

The symbols and their words are written once, in :mod:`eia_app.domain.publication`;
this adds, after each table of a rendered document, one short line explaining
the symbols that table actually uses, so a reader never meets one unexplained.
"""

from collections.abc import Mapping

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from eia_app.domain.publication import SUPPRESSED, SYMBOL_LEGEND

LEGEND_STYLE = "Table Note"


def legend_words(min_count: int | None = None) -> dict[str, str]:
    """The legend of each symbol, saying how small a withheld count is when known.

    Args:
        min_count: The smallest count shown in the reach figures, if any.

    Returns:
        Words by symbol.
    """
    words = dict(SYMBOL_LEGEND)
    if min_count and min_count > 1:
        words[SUPPRESSED] += f" (a count below {min_count})"
    return words


def _paragraph(document: Document, text: str) -> object:
    paragraph = OxmlElement("w:p")
    properties = OxmlElement("w:pPr")
    known = {s.name: s.style_id for s in document.styles}
    if LEGEND_STYLE in known:
        style = OxmlElement("w:pStyle")
        style.set(qn("w:val"), known[LEGEND_STYLE])
        properties.append(style)
    paragraph.append(properties)
    run = OxmlElement("w:r")
    element = OxmlElement("w:t")
    element.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    element.text = text
    run.append(element)
    paragraph.append(run)
    return paragraph


def add_table_legends(document: Document, words: Mapping[str, str] | None = None) -> int:
    """Write, after every table of the body that uses a symbol, the legend of those symbols.

    Args:
        document: The rendered document, changed in place.
        words: Legend words by symbol; :data:`SYMBOL_LEGEND` if None.

    Returns:
        How many legends were added.
    """
    legend = dict(words or SYMBOL_LEGEND)
    added = 0
    for table in list(document.element.body.iterchildren(qn("w:tbl"))):
        text = "".join(t.text or "" for t in table.iter(qn("w:t")))
        used = [symbol for symbol in legend if symbol in text]
        if not used:
            continue
        line = "; ".join(f"{symbol} {legend[symbol]}" for symbol in used) + "."
        table.addnext(_paragraph(document, line))
        added += 1
    return added
