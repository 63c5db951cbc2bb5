"""The exported Word report: complete, accessible, verbatim and safe."""

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import pytest
from docx.oxml.ns import qn

from eia_app.domain.assessment import Assessment
from eia_app.export.docx import ReportTemplateError
from eia_app.services.export import export_assessment
from eia_app.services.reach import analyse_survey
from eia_app.services.reference import clear_registry_cache
from tests.export.builders import final_data
from tests.export.docx_checks import all_text, heading_levels, open_docx, table_rows_text

HOSTILE = "Tom & Jerry <b>bold</b> \"quoted\" 'single' {{ 7*7 }} {% for x in y %}{% endfor %} 🦄"
CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20)])


@pytest.fixture
def report(final_assessment, consultation_assessment, reach_result) -> bytes:
    """The final assessment exported without charts (no browser needed)."""
    result = export_assessment(
        final_assessment, reach=reach_result, previous=consultation_assessment, with_charts=False
    )
    assert result.warnings == []
    return result.docx


def test_report_opens_with_python_docx_and_has_every_section(report):
    doc = open_docx(report)
    # Numbered headings: "2 Key details"; the number is checked in test_structure.py.
    headings = [
        p.text.split(" ", 1)[1]
        for p in doc.paragraphs
        if p.style.name == "Heading 1" and p.text[:1].isdigit()
    ]
    for section in (
        "Key details",
        "Screening",
        "Evidence",
        "Engagement and consultation",
        "What changed after consultation",
        "Impact on each group",
        "Public Sector Equality Duty",
        "Human rights",
        "Decision",
        "Action plan",
        "Monitoring and review",
        "Sign-off",
        "Version and quality control",
    ):
        assert section in headings
    assert doc.paragraphs[0].style.name == "Title"
    assert doc.paragraphs[0].text == "Home to school transport for children with SEND"


def test_headings_start_at_the_title_and_never_skip_a_level(report):
    levels = heading_levels(open_docx(report))
    assert levels[0] == 0
    assert levels.count(0) == 1
    assert {1, 2, 3} <= set(levels)
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, f"heading level jumps from {before} to {after}"


def test_every_table_has_a_repeating_header_row(report):
    doc = open_docx(report)
    assert len(doc.tables) >= 10
    for table in doc.tables:
        first = table.rows[0]._tr
        assert first.trPr is not None
        assert first.trPr.find(qn("w:tblHeader")) is not None
        assert all(
            row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None
            for row in table.rows[1:]
        )


def test_title_and_language_are_set(report):
    doc = open_docx(report)
    assert doc.core_properties.title == "Home to school transport for children with SEND"
    assert doc.core_properties.language == "en-GB"
    lang = doc.styles.element.find(qn("w:docDefaults")).find(f".//{qn('w:lang')}")
    assert lang.get(qn("w:val")) == "en-GB"


def test_no_empty_paragraphs_are_used_for_spacing(report):
    body = open_docx(report).element.body
    for paragraph in body.findall(qn("w:p")):
        text = "".join(t.text or "" for t in paragraph.iter(qn("w:t"))).strip()
        has_picture = paragraph.find(f".//{qn('w:drawing')}") is not None
        between_tables = paragraph.getprevious() is not None and paragraph.getprevious().tag == qn(
            "w:tbl"
        )
        # A section break (portrait to landscape) is a paragraph holding only its properties.
        section_break = paragraph.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
        assert text or has_picture or between_tables or section_break


def test_lists_are_real_list_paragraphs(report):
    doc = open_docx(report)
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "More independence" in bullets
    assert "British Sign Language" in bullets


def test_impact_table_shows_rating_reasoning_evidence_and_mitigation(report):
    rows = table_rows_text(open_docx(report))
    assert [
        "Disability",
        "Negative",
        "Some children cannot travel independently.",
        "EV1",
        "Keep taxis for children with complex needs.",
    ] in rows


def test_suppressed_counts_show_the_marker_not_a_number(report):
    rows = table_rows_text(open_docx(report))
    black = next(r for r in rows if r[0].startswith("Black, Black British"))
    assert black[1:4] == ["[c]", "[c]", "[c]"]
    assert black[4] == "1.1%"  # the population share is public, so it is shown
    assert black[-1] == "Withheld"
    text = all_text(open_docx(report))
    assert "Under-represented: Male (" in text
    assert "Under-represented: Asian, Asian British or Asian Welsh (" in text
    assert "counts below 5 are shown as [c]" in text
    # The legend under the table explains each symbol it uses.
    assert "[c] confidential: a small number withheld to protect respondents' privacy" in text
    assert "Leicestershire: Census 2021" in text


def test_changes_section_lists_rating_action_and_evidence_changes(report):
    doc = open_docx(report)
    rows = table_rows_text(doc)
    assert ["Age", "Unknown (no evidence yet)", "Negative"] in rows
    assert ["A3", "Review travel budgets for under-8s", "Priya Shah"] in rows
    assert ["EV2", "Consultation survey 2026", "412 responses."] in rows
    assert ["Young children cannot travel alone.", "Taxis stay for under-8s."] in rows
    assert "No action was removed." in all_text(doc)


def test_without_a_previous_version_there_is_no_changes_section(final_assessment):
    doc = open_docx(export_assessment(final_assessment, with_charts=False).docx)
    assert "What changed after consultation" not in all_text(doc)
    assert "No survey results were analysed" in all_text(doc)


def test_hostile_text_appears_verbatim_and_is_never_evaluated():
    data = final_data()
    long_text = "Long field " + "x" * 20_000
    data["key_details"]["title"] = "Fares & <Tram> " + HOSTILE
    data["purpose"]["summary"] = HOSTILE + CONTROL + " end"
    data["purpose"]["how_achieved"] = long_text
    data["impacts"][0]["reasoning"] = HOSTILE
    data["actions"][0]["action"] = "{%p if x %}{{r y }}{%tr endfor %}"
    data["actions"][1]["action"] = "docxtpl escapes {_{ a }_} and {_% b %_}"
    result = export_assessment(Assessment.model_validate(data), with_charts=False)
    doc = open_docx(result.docx)
    text = all_text(doc)
    assert HOSTILE + " end" in text  # control characters removed, the rest kept
    assert long_text in text
    assert "{%p if x %}{{r y }}{%tr endfor %}" in text
    assert "docxtpl escapes {_{ a }_} and {_% b %_}" in text
    assert any(HOSTILE in row for row in table_rows_text(doc))
    assert doc.core_properties.title == "Fares & <Tram> " + HOSTILE
    assert not re.search(r"\b49\b", text)


def test_missing_chromium_gives_tables_without_charts_and_a_warning(
    final_assessment, reach_result, tmp_path
):
    result = export_assessment(
        final_assessment, reach=reach_result, browser_path=str(tmp_path / "no-such-chromium")
    )
    assert len(result.warnings) == 1
    assert "no Chromium browser was found" in result.warnings[0]
    assert "tables but no charts" in result.warnings[0]
    doc = open_docx(result.docx)
    assert len(doc.inline_shapes) == 0
    assert any(r[0] == "Female" and r[1] == "301" for r in table_rows_text(doc))


def test_every_chart_has_alt_text_and_a_title(charted_report):
    doc = open_docx(charted_report)
    # The flagged-groups chart in the body, then one chart per characteristic in the appendix.
    assert len(doc.inline_shapes) == 4
    flagged, *reach = doc.inline_shapes
    assert flagged._inline.docPr.get("descr").startswith("Bar chart of the 4 groups")
    assert flagged._inline.docPr.get("title") == "Groups under- or over-reached"
    for shape in reach:
        doc_pr = shape._inline.docPr
        assert doc_pr.get("descr", "").startswith("Bar chart comparing the share of respondents")
        assert doc_pr.get("title", "").endswith("reach chart")
    descriptions = [s._inline.docPr.get("descr") for s in doc.inline_shapes]
    assert any("Black, Black British" in d and "withheld" in d for d in descriptions)


def test_each_chart_is_followed_by_its_table(charted_report):
    body = open_docx(charted_report).element.body
    for drawing in body.iter(qn("w:drawing")):
        paragraph = next(a for a in drawing.iterancestors() if a.tag == qn("w:p"))
        assert paragraph.getnext().tag == qn("w:tbl")


def make_template(tmp_path: Path, text: str) -> Path:
    from docx import Document

    doc = Document()
    doc.add_paragraph(text)
    path = tmp_path / "custom.docx"
    doc.save(path)
    return path


def test_custom_template_cannot_reach_python_internals(final_assessment, tmp_path):
    template = make_template(tmp_path, "{{ ''.__class__.__mro__[1].__subclasses__() }}")
    with pytest.raises(ReportTemplateError, match=r"custom\.docx tries something .* may not do"):
        export_assessment(final_assessment, template=template, with_charts=False)


def test_custom_template_with_an_unknown_variable_names_it(final_assessment, tmp_path):
    template = make_template(tmp_path, "{{ doc.title }} {{ doc.nonsense }}")
    with pytest.raises(ReportTemplateError, match=r"custom\.docx uses a variable .*nonsense"):
        export_assessment(final_assessment, template=template, with_charts=False)


def test_custom_template_that_is_not_a_word_file_is_refused(final_assessment, tmp_path):
    template = tmp_path / "broken.docx"
    template.write_text("not a zip", encoding="utf-8")
    with pytest.raises(ReportTemplateError, match=r"broken\.docx cannot be read as a Word"):
        export_assessment(final_assessment, template=template, with_charts=False)


def test_custom_template_renders_verbatim_text(final_assessment, tmp_path):
    template = make_template(tmp_path, "Report: {{ doc.title }} ({{ doc.reference }})")
    result = export_assessment(final_assessment, template=template, with_charts=False)
    assert "Report: Home to school transport for children with SEND (EIA-2026-0042)" in all_text(
        open_docx(result.docx)
    )


def test_report_is_a_valid_zip_with_no_leftover_tags(report):
    xml = zipfile.ZipFile(io.BytesIO(report)).read("word/document.xml").decode()
    assert "{%" not in xml
    assert "{{" not in xml


def tiny_png() -> bytes:
    """A valid 1x1 white PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00\xff\xff\xff")
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def test_a_template_picture_without_alt_text_is_reported(final_assessment, tmp_path):
    from docx import Document

    doc = Document()
    doc.add_picture(io.BytesIO(tiny_png()))
    doc.add_paragraph("{{ doc.title }}")
    template = tmp_path / "with_logo.docx"
    doc.save(template)
    result = export_assessment(final_assessment, template=template, with_charts=False)
    assert result.warnings == [
        "1 picture(s) in the template have no alt text: add a description to each picture "
        "in Word (right-click, View Alt Text)."
    ]


def test_engine_notes_universe_and_suppressed_side_counts_are_shown(report):
    text = all_text(open_docx(report))
    assert "Compared with: Leicestershire's usual residents aged 16 and over." in text
    assert "The question asked about gender; answers counted as sex." in text
    assert "a few gave another answer" in text
    assert "Census 2021 figures are perturbed by ONS" in text
    assert "is its 95% Wilson score interval" in text


def test_the_send_survey_analysed_by_the_reach_engine_exports(project_root, final_assessment):
    survey = project_root / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
    reach = analyse_survey(survey)
    result = export_assessment(final_assessment, reach=reach, with_charts=False)
    doc = open_docx(result.docx)
    # In the reach appendix, each characteristic is a numbered sub-section ("A.1 Age").
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    headings = [h.split(" ", 1)[1] for h in headings if h.startswith("A.")]
    for entry in reach.characteristics.values():
        assert entry.label in headings
    assert any("[c]" in row for row in table_rows_text(doc))


@pytest.fixture
def broken_registry(tmp_path, monkeypatch):
    """Point the registry at a missing folder, and reload the real one afterwards."""
    monkeypatch.setenv("EIA_REGISTRY_DIR", str(tmp_path / "no-such-registry"))
    clear_registry_cache()
    yield
    monkeypatch.undo()
    clear_registry_cache()


@pytest.mark.usefixtures("broken_registry")
def test_a_broken_registry_still_exports_and_says_why_names_are_ids(final_assessment):
    result = export_assessment(final_assessment, with_charts=False)
    assert len(result.warnings) == 1
    assert result.warnings[0].startswith(
        "Group names come from their ids because the registry failed: "
        "The characteristics registry folder"
    )
    assert "Key details" in all_text(open_docx(result.docx))
