"""The shipped template: built by its script, variables documented and provided."""

import re
import zipfile
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn

from eia_app.domain.assessment import Assessment
from eia_app.export.context import CONTEXT_VARIABLES, build_report_context
from eia_app.export.docx import make_environment, open_template
from eia_app.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]


def default_template() -> Path:
    return load_settings().template_path


def template_variables(template: Path) -> set[str]:
    """The top-level variables a template uses, as the report's Jinja environment sees them."""
    return set(open_template(template).get_undeclared_template_variables(make_environment()))


def test_every_template_variable_is_in_the_context(final_assessment, reach_result):
    context = build_report_context(final_assessment, reach=reach_result)
    assert set(context) == set(CONTEXT_VARIABLES)
    used = template_variables(default_template())
    assert used <= set(context), used - set(context)
    assert used == set(CONTEXT_VARIABLES)


def test_an_empty_assessment_still_provides_every_variable():
    context = build_report_context(Assessment())
    assert set(context) == set(CONTEXT_VARIABLES)


def test_readme_documents_every_context_variable():
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    missing = [name for name in CONTEXT_VARIABLES if f"`{name}`" not in readme]
    assert not missing


def used_names() -> set[str]:
    xml = zipfile.ZipFile(default_template()).read("word/document.xml").decode()
    paths = re.findall(r"\{\{\s*([\w.]+)\s*\}\}", xml)
    paths += re.findall(r"\{%p?\s*(?:for \w+ in|if(?: not)?)\s+([\w.]+)", xml)
    return {part for path in paths for part in path.split(".")[1:]}


def test_readme_documents_every_field_the_default_template_uses():
    readme = (ROOT / "templates" / "README.md").read_text(encoding="utf-8")
    names = used_names()
    assert {"title", "rows", "chart"} <= names
    missing = sorted(n for n in names if f"`{n}`" not in readme)
    assert not missing


def test_no_jinja_tag_is_split_across_runs():
    doc = Document(str(default_template()))
    for paragraph in doc.element.body.iter(qn("w:p")):
        runs = [r.text or "" for r in paragraph.iter(qn("w:t"))]
        for text in runs:
            opened = len(re.findall(r"\{[{%]", text))
            closed = len(re.findall(r"[}%]\}", text))
            assert opened == closed, f"tag split in run {text!r}"


def test_committed_template_matches_its_build_script(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "build_template", ROOT / "templates" / "build_template.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(tmp_path / "built.docx")
    for part in ("word/document.xml", "word/styles.xml"):
        assert zipfile.ZipFile(built).read(part) == zipfile.ZipFile(default_template()).read(
            part
        ), f"{part} differs: run python templates/build_template.py and commit the result"


def test_template_declares_british_english():
    doc = Document(str(default_template()))
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"
