"""The exported report converts to a tagged PDF with headings, tables and figure alt text."""

import re
import subprocess
from pathlib import Path

import pytest

from eia_app.services.export import export_pdf
from tests.export.builders import require_program

pytestmark = pytest.mark.slow


def pdf_alt_texts(pdf: Path) -> list[str]:
    """Decode every /Alt entry of the PDF's structure tree (LibreOffice writes UTF-16 hex)."""
    texts = []
    for raw in re.findall(rb"/Alt\s*<([0-9A-Fa-f]+)>", pdf.read_bytes()):
        texts.append(bytes.fromhex(raw.decode()).decode("utf-16"))
    for raw in re.findall(rb"/Alt\s*\(((?:\\.|[^\\)])*)\)", pdf.read_bytes()):
        texts.append(raw.decode("latin-1"))
    return texts


@pytest.fixture(scope="module")
def tagged_pdf(charted_report, tmp_path_factory) -> Path:
    require_program("soffice")
    require_program("pdfinfo")
    folder = tmp_path_factory.mktemp("pdf")
    docx = folder / "report.docx"
    docx.write_bytes(charted_report)
    return export_pdf(docx)


def run(*command: str) -> str:
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def test_pdf_is_tagged_and_titled(tagged_pdf):
    info = run("pdfinfo", str(tagged_pdf))
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^Title:\s+Home to school transport for children with SEND$", info, re.M)


def test_pdf_structure_has_headings_tables_and_figures(tagged_pdf):
    structure = run("pdfinfo", "-struct", str(tagged_pdf))
    for tag in ("H1", "H2", "H3", "Table", "TH", "TD", "Figure", "L", "LI"):
        assert re.search(rf"^\s*{tag}\b", structure, re.M), f"no {tag} in the PDF structure"


def test_pdf_text_has_headings_and_table_headers(tagged_pdf):
    text = run("pdftotext", "-layout", str(tagged_pdf), "-")
    for expected in (
        "Impact on each group",
        "What changed after consultation",
        "Reach of the consultation",
        "You said, we did",
        "Action plan",
        "Likely range",
        "Population",
        "[c]",
    ):
        assert expected in text


def test_every_figure_has_its_alt_text_in_the_pdf(tagged_pdf):
    alts = pdf_alt_texts(tagged_pdf)
    assert len(alts) == 4
    assert sum("Bar chart of the 4 groups" in alt for alt in alts) == 1
    assert sum("Bar chart comparing the share of respondents" in alt for alt in alts) == 3


def summary_pages(assessment, previous, folder: Path) -> tuple[str, str]:
    """Export the one-page summary, convert it with LibreOffice; return pdfinfo and its text."""
    require_program("soffice")
    require_program("pdfinfo")
    from eia_app.services.export import export_summary

    docx = folder / "summary.docx"
    docx.write_bytes(export_summary(assessment, previous=previous).docx)
    pdf = export_pdf(docx)
    return run("pdfinfo", str(pdf)), run("pdftotext", str(pdf), "-")


def test_summary_of_the_send_example_fits_on_one_page(project_root, tmp_path):
    from eia_app.services.assessments import read_assessment_file

    folder = project_root / "examples" / "send_strategy_2024_27"
    final = read_assessment_file(folder / "eia_revised_post_consultation.json")
    previous = read_assessment_file(folder / "eia_consultation_stage.json")
    info, text = summary_pages(final, previous, tmp_path)
    assert re.search(r"^Pages:\s+1$", info, re.M)
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert "Race (was positive)" in text
    assert "Decision by: Cabinet, 17 June 2025." in text


def test_a_very_long_assessment_is_cut_to_one_page_not_spilled(final_assessment, tmp_path):
    long_words = " ".join(["The impact is described here at great length."] * 80)
    data = final_assessment.model_dump(mode="json")
    data["key_details"]["title"] = "A proposal with a long title " * 6
    data["decision"]["summary"] = long_words
    for index, impact in enumerate(data["impacts"]):
        impact["rating"] = "negative" if index % 2 else "unknown"
        impact["reasoning"] = long_words
    groups = [i["group_id"] for i in data["impacts"]]
    data["actions"] = [
        {"id": f"A{n}", "action": long_words, "owner": "Officer " * 10, "group_ids": groups}
        for n in range(1, 30)
    ]
    long = final_assessment.model_validate(data)
    info, text = summary_pages(long, None, tmp_path)
    assert re.search(r"^Pages:\s+1$", info, re.M)
    # What did not fit is cut, and the reader is sent to the full assessment.
    assert text.count("see the full assessment") >= 3
    assert "more in the action plan: see the full assessment" in text


def test_the_send_reports_summary_is_its_first_page_and_the_contents_its_second(
    project_root, tmp_path
):
    require_program("soffice")
    require_program("pdftotext")
    from eia_app.services.assessments import read_assessment_file
    from eia_app.services.export import export_assessment
    from eia_app.services.reach import analyse_survey

    folder = project_root / "examples" / "send_strategy_2024_27"
    final = read_assessment_file(folder / "eia_revised_post_consultation.json")
    previous = read_assessment_file(folder / "eia_consultation_stage.json")
    reach = analyse_survey(folder / "send_consultation_responses.csv")
    docx = tmp_path / "send.docx"
    docx.write_bytes(
        export_assessment(final, reach=reach, previous=previous, with_charts=False).docx
    )
    pdf = export_pdf(docx)
    first = run("pdftotext", "-f", "1", "-l", "1", str(pdf), "-")
    second = run("pdftotext", "-f", "2", "-l", "2", str(pdf), "-")
    assert "Summary" in first
    # The summary ends on page 1 with the decision; nothing of it spills onto page 2.
    assert "Decision by: Cabinet, 17 June 2025." in first
    assert second.lstrip().startswith("Contents")
