"""Render a report context into a Word document, safely and accessibly.

Templates are rendered in a sandboxed Jinja environment with autoescaping and
strict undefined variables, so text from an assessment is always shown
verbatim and a template (which an organisation may supply) cannot reach
Python internals. The rendered document is then post-processed for
accessibility: alt text on every picture, title and language, repeating
table header rows and no empty paragraphs.
"""

import io
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage
from jinja2 import StrictUndefined, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup, escape

from eia_app.analysis.file_limits import ZipLimitNames, check_size, check_zip
from eia_app.domain.errors import EIAError
from eia_app.domain.limits import TemplateLimits
from eia_app.export.accessibility import make_accessible
from eia_app.export.contents import build_contents, mark_update_on_open
from eia_app.export.legends import add_table_legends
from eia_app.export.reach_context import ChartSlot
from eia_app.export.text import clean_tree

CHART_WIDTH = Mm(165)
README_HINT = "templates/README.md lists the variables a template can use"
TEMPLATE_ZIP_LIMITS = ZipLimitNames(
    "max_template_uncompressed_bytes", "max_template_compression_ratio", "max_template_parts"
)


class ReportTemplateError(EIAError):
    """A report template cannot be read or rendered; the message says how to fix it."""


class AltTextImage(InlineImage):  # type: ignore[misc]
    """An inline picture whose drawing carries a description (alt text) and a title.

    docxtpl's ``InlineImage`` has no alt-text parameter, so this sets the
    ``descr`` and ``title`` attributes of ``wp:docPr`` as the picture is inserted.
    """

    def __init__(self, tpl: DocxTemplate, image: bytes, alt: str, title: str, width: Any) -> None:
        super().__init__(tpl, io.BytesIO(image), width=width)
        self.alt, self.title = alt, title

    def _insert_image(self) -> str:
        part = self.tpl.current_rendering_part
        inline = part.new_pic_inline(self.image_descriptor, self.width, self.height)
        inline.docPr.set("descr", self.alt)  # lxml escapes &, < and quotes itself
        inline.docPr.set("title", self.title)
        drawing = f"<w:drawing>{inline.xml}</w:drawing>"
        return f'</w:t></w:r><w:r>{drawing}</w:r><w:r><w:t xml:space="preserve">'


def make_environment() -> SandboxedEnvironment:
    """Return the Jinja environment every report template is rendered in.

    Returns:
        A sandboxed environment with autoescaping on and undefined variables as errors.
    """
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def open_template(
    template: Path, *, built_in: bool = False, limits: TemplateLimits | None = None
) -> DocxTemplate:
    """Open a template and check that it is a Word document within the limits.

    The size on disk, and the inflated size, compression ratio and number of parts
    read from the zip's central directory, are checked before anything is inflated.

    Args:
        template: The .docx template.
        built_in: Whether it is the toolkit's own template (the ``template_path``
            setting), which changes the advice when it is missing.
        limits: The template limits (default: the defaults).

    Returns:
        The template, ready to render.

    Raises:
        ReportTemplateError: If the file is missing, over a limit or not a .docx file.
    """
    path = template
    if built_in and not path.is_file():
        raise ReportTemplateError(
            f"The built-in template {path.name} is missing from this installation: "
            "reinstall the toolkit, or set EIA_TEMPLATES_DIR or pass --template to use your own."
        )
    if not path.is_file():
        raise ReportTemplateError(f"Template {path} does not exist: check the path given.")
    check_template(path, limits or TemplateLimits())
    tpl = DocxTemplate(str(path))
    try:
        tpl.init_docx()
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise ReportTemplateError(_not_word(path)) from None
    return tpl


def check_template(path: Path, limits: TemplateLimits) -> None:
    """Check a template's size, and from its zip directory its parts, inflating nothing.

    Args:
        path: The .docx template (an existing file).
        limits: The template limits.

    Raises:
        ReportTemplateError: If it is over a limit or is not a zip archive at all.
    """
    check_size(path, limits, "max_template_bytes", ReportTemplateError)
    check_zip(path, limits, TEMPLATE_ZIP_LIMITS, ReportTemplateError, _not_word(path))


def _not_word(path: Path) -> str:
    return (
        f"Template {path.name} cannot be read as a Word document: save it as .docx "
        "(Word Document) and try again."
    )


def _protect(text: str) -> Markup:
    # Escape the text for XML ourselves and write braces as character references:
    # after rendering, docxtpl turns "{_{" into "{{" (and the like) in the whole
    # part, which would alter text such as "{_{ x }_}" typed into a field.
    escaped = str(escape(text)).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(escaped)


def _prepare(value: Any, tpl: DocxTemplate, images: Mapping[str, bytes]) -> Any:
    if isinstance(value, str):
        return _protect(value)
    if isinstance(value, ChartSlot):
        png = images.get(value.key)
        if png is None:
            return value
        return AltTextImage(tpl, png, alt=value.alt, title=value.title, width=CHART_WIDTH)
    if isinstance(value, dict):
        return {key: _prepare(child, tpl, images) for key, child in value.items()}
    if isinstance(value, list):
        return [_prepare(child, tpl, images) for child in value]
    return value


def _name(template: Path) -> str:
    return template.name


def _syntax_error(template: Path, bad: TemplateSyntaxError) -> ReportTemplateError:
    return ReportTemplateError(
        f"Template {_name(template)} has a tag Word or Jinja cannot read ({bad.message}): "
        "retype the tag in one go so that Word keeps it in one piece."
    )


def _translate(template: Path, bad: TemplateError) -> ReportTemplateError:
    name = _name(template)
    if isinstance(bad, SecurityError):
        return ReportTemplateError(
            f"Template {name} tries something report templates may not do ({bad}): "
            "use only the variables listed in templates/README.md."
        )
    if isinstance(bad, UndefinedError):
        return ReportTemplateError(
            f"Template {name} uses a variable the report does not provide ({bad.message}): "
            f"correct or remove it; {README_HINT}."
        )
    if isinstance(bad, TemplateSyntaxError):
        return _syntax_error(template, bad)
    return ReportTemplateError(f"Template {name} could not be rendered: {bad}.")


def render_report(
    context: Mapping[str, Any],
    *,
    images: Mapping[str, bytes] | None = None,
    template: Path,
    built_in: bool = False,
    title: str,
    language: str = "en-GB",
    legend: Mapping[str, str] | None = None,
    limits: TemplateLimits | None = None,
) -> tuple[bytes, list[str]]:
    """Render the report and return the .docx file as bytes, with any warnings.

    Args:
        context: The report context (see :mod:`eia_app.export.context`).
        images: PNG charts by chart key; slots without an image are left out.
        template: The .docx template.
        built_in: Whether it is the toolkit's own template.
        title: Document title stored in the file's properties.
        language: Language tag of the document.
        legend: Words of each table symbol, written under every table using it.
        limits: The template limits (default: the defaults).

    Returns:
        The rendered Word document and warnings about accessibility problems
        that come from the template itself.

    Raises:
        ReportTemplateError: If the template is unreadable, uses an unknown
            variable, or tries something the sandbox forbids.
    """
    tpl = open_template(template, built_in=built_in, limits=limits)
    filled = _prepare(clean_tree(dict(context)), tpl, images or {})
    try:
        tpl.render(filled, jinja_env=make_environment(), autoescape=True)
    except TemplateError as bad:
        raise _translate(template, bad) from None
    add_table_legends(tpl.docx, legend)
    if build_contents(tpl.docx):
        mark_update_on_open(tpl.docx)
    warnings = make_accessible(tpl.docx, title=clean_tree(title), language=language)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue(), warnings
