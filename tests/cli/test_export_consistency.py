"""``eia export`` lists the facts that contradict each other before it writes anything."""

from datetime import date

from docx import Document

from tests.cli.assessment_helpers import (
    _isolated_library,  # noqa: F401  (autouse fixture)
    run,
    write,
)
from tests.factories import make_final_assessment

LATE_ACTION = {
    "id": "A2",
    "action": "Report outcomes by sex.",
    "owner": "SEND lead",
    "due_date": date(2029, 3, 31),
}


def _export(tmp_path, assessment, *extra):
    source = write(tmp_path / "eia.json", assessment)
    out = tmp_path / "eia.docx"
    return run("export", str(source), "--no-charts", "-o", str(out), *extra), out


def test_an_error_stops_the_export_and_says_why(tmp_path):
    published_too_soon = make_final_assessment(
        status="in_review", quality__date_published=date(2025, 9, 5)
    )
    result, out = _export(tmp_path, published_too_soon)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1
    assert "The status is 'In review' but a publication date" in errors[0]
    assert "Nothing was written" in result.stderr
    assert "--ignore-consistency" in result.stderr
    assert not out.exists()


def test_ignore_consistency_writes_the_document_but_still_lists_the_problem(tmp_path):
    published_too_soon = make_final_assessment(
        status="in_review", quality__date_published=date(2025, 9, 5)
    )
    result, out = _export(tmp_path, published_too_soon, "--ignore-consistency")
    assert result.exit_code == 0, result.output
    assert any(line.startswith("Error: ") for line in result.stderr.splitlines())
    assert out.exists()
    # The problem is for the author: it is not printed in the document.
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "but a publication date" not in text


def test_a_warning_is_listed_before_the_document_is_written(tmp_path):
    result, out = _export(tmp_path, make_final_assessment(actions=[LATE_ACTION]))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    warning = next(
        i
        for i, line in enumerate(lines)
        if line.startswith("Warning: Monitoring and review > Review date")
    )
    assert "A2 (31 March 2029)" in lines[warning]
    wrote = next(i for i, line in enumerate(lines) if line.startswith("Wrote "))
    assert warning < wrote
    assert out.exists()


def test_a_consistent_assessment_is_exported_without_a_word_about_checks(tmp_path):
    result, out = _export(tmp_path, make_final_assessment())
    assert result.exit_code == 0, result.output
    assert "Error: " not in result.stderr
    assert "Warning: " not in result.stderr


def test_the_version_line_says_which_file_the_document_came_from(tmp_path):
    result, out = _export(tmp_path, make_final_assessment())
    assert result.exit_code == 0, result.output
    cells = [c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells]
    version = cells[cells.index("Version") + 1]
    assert version == "Exported from eia.json"
