"""Build the default EIA report template, templates/eia_default.docx.

Run ``python templates/build_template.py`` after changing this script or the
modules in ``template_parts`` and commit the result. Every Jinja tag is written
as the whole text of one run, so Word never splits a tag across runs; headings
use the real Heading styles and every table's first row is a repeating header row.

Usage:
    python templates/build_template.py [OUTPUT.docx]
"""

import sys
from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
OUTPUT = HERE / "eia_default.docx"
if str(HERE) not in sys.path:  # the parts sit beside this script, also when loaded by path
    sys.path.insert(0, str(HERE))

from template_parts.blocks import (  # noqa: E402
    NONE_TEXT,
    bullets,
    control,
    label_table,
    mark_header_row,
    table,
    text_block,
)
from template_parts.closing import (  # noqa: E402
    section_appendices,
    section_decision,
    section_impacts,
)
from template_parts.consultation import (  # noqa: E402
    reach_block,
    section_changes,
    section_consultation,
)
from template_parts.opening import (  # noqa: E402
    section_evidence,
    section_front,
    section_screening_purpose,
)
from template_parts.style import (  # noqa: E402
    FONT,
    HEADING_COLOUR,
    house_style,
    page_number_footer,
    set_language,
)

SECTIONS = (
    section_front,
    section_screening_purpose,
    section_evidence,
    section_consultation,
    section_changes,
    section_impacts,
    section_decision,
    section_appendices,
)

__all__ = [
    "FONT",
    "HEADING_COLOUR",
    "NONE_TEXT",
    "OUTPUT",
    "SECTIONS",
    "build",
    "bullets",
    "control",
    "house_style",
    "label_table",
    "mark_header_row",
    "page_number_footer",
    "reach_block",
    "set_language",
    "table",
    "text_block",
]


def build(path=OUTPUT):
    """Write the template to ``path``.

    Args:
        path: Where to write the .docx file.

    Returns:
        The path written.
    """
    doc = Document()
    house_style(doc)
    set_language(doc)
    page_number_footer(doc)
    for section in SECTIONS:
        section(doc)
    doc.core_properties.title = ""
    doc.core_properties.author = "EIA toolkit"
    doc.save(path)
    return path


def main(argv=None):
    """Build the template to the path given on the command line, or the default.

    Args:
        argv: Command-line arguments after the program name; ``sys.argv[1:]`` if None.
    """
    args = sys.argv[1:] if argv is None else argv
    print(f"Wrote {build(Path(args[0]) if args else OUTPUT)}")


if __name__ == "__main__":
    main()
