"""``eia export`` on JSON files: report, summary, comparison and clear errors."""

import json

import pytest

from eia_app.cli import main
from tests.export.builders import consultation_data, final_data
from tests.export.docx_checks import all_text, open_docx


@pytest.fixture
def files(tmp_path):
    final = tmp_path / "final.json"
    final.write_text(json.dumps(final_data()), encoding="utf-8")
    consultation = tmp_path / "consultation.json"
    consultation.write_text(json.dumps(consultation_data()), encoding="utf-8")
    return final, consultation


def run(argv, capsys):
    try:
        main(argv)
        code = 0
    except SystemExit as done:
        code = done.code
    out = capsys.readouterr()
    return code, out.out, out.err


def test_export_writes_a_report_with_changes(files, reach_result, tmp_path, capsys):
    final, consultation = files
    out = tmp_path / "report.docx"
    saved = tmp_path / "reach.json"
    saved.write_text(reach_result.model_dump_json(), encoding="utf-8")
    code, stdout, _ = run(
        [
            "export",
            str(final),
            "--compare-with",
            str(consultation),
            "--reach",
            str(saved),
            "--no-charts",
            "-o",
            str(out),
        ],
        capsys,
    )
    assert code == 0
    assert f"Wrote {out}." in stdout
    text = all_text(open_docx(out.read_bytes()))
    assert "What changed after consultation" in text
    assert "Under-represented: Male (" in text


def test_a_reach_file_that_breaks_the_schema_is_refused_naming_the_field(
    files, reach_result, tmp_path, capsys
):
    document = json.loads(reach_result.model_dump_json())
    document["source"]["layout"] = "wide"
    document["characteristics"]["sex"]["categories"][0]["count"] = "many"
    saved = tmp_path / "reach.json"
    saved.write_text(json.dumps(document), encoding="utf-8")
    out = tmp_path / "report.docx"
    code, _, stderr = run(["export", str(files[0]), "--reach", str(saved), "-o", str(out)], capsys)
    assert code == 1
    assert "reach.json is not a valid eia.reach/1 result: field 'source.layout'" in stderr
    assert "(and 1 more problems)" in stderr
    assert "Traceback" not in stderr
    assert not out.exists()


def test_summary_prints_the_equality_implications(files, tmp_path, capsys):
    out = tmp_path / "summary.docx"
    code, stdout, _ = run(["export", str(files[0]), "--summary", "-o", str(out)], capsys)
    assert code == 0
    assert stdout.startswith("An Equality Impact Assessment (EIA-2026-0042, final stage)")
    assert out.is_file()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--template", "no-such-template.docx"], "Template no-such-template.docx does not exist"),
        (["--compare-with", "latest"], "is neither a JSON file nor a version number"),
    ],
    ids=["missing-template", "bad-compare-with"],
)
def test_errors_are_one_clear_line(files, tmp_path, capsys, extra, message):
    code, _, stderr = run(["export", str(files[0]), *extra, "-o", str(tmp_path / "x.docx")], capsys)
    assert code == 1
    assert message in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1


@pytest.fixture
def send_survey(project_root):
    return project_root / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"


def test_a_survey_file_is_analysed_into_the_report(files, send_survey, tmp_path, capsys):
    out = tmp_path / "x.docx"
    code, stdout, stderr = run(
        ["export", str(files[0]), "--survey", str(send_survey), "--no-charts", "-o", str(out)],
        capsys,
    )
    assert code == 0, stderr
    assert f"Wrote {out}." in stdout
    text = all_text(open_docx(out.read_bytes()))
    assert "The survey had 1,538 respondents." in text
    # How the baseline was chosen is the author's business: said on the terminal, not in the EIA.
    note = "No baseline was chosen, so the default, Leicestershire: Census 2021, was used"
    assert note in stderr
    assert note not in text
    assert "send_consultation_responses" not in text
    assert "Leicestershire: Census 2021" in text


def test_a_failure_inside_the_survey_analysis_is_reported_as_itself(
    files, send_survey, tmp_path, capsys, monkeypatch
):
    def missing_library(*args, **kwargs):
        raise ImportError("No module named 'pyarrow'")

    monkeypatch.setattr("eia_app.services.reach.analyse_survey", missing_library)
    monkeypatch.delenv("EIA_DEBUG", raising=False)
    out = tmp_path / "x.docx"
    code, _, stderr = run(
        ["export", str(files[0]), "--survey", str(send_survey), "--no-charts", "-o", str(out)],
        capsys,
    )
    assert code == 1
    assert stderr.strip() == (
        "Error: unexpected problem (ImportError: No module named 'pyarrow'). "
        "Run again with EIA_DEBUG=1 for details and report it."
    )
    assert not out.exists()


def test_export_a_stored_reference_compares_with_its_consultation_version(
    files, tmp_path, capsys, monkeypatch
):
    monkeypatch.setenv("EIA_DATABASE_URL", f"sqlite:///{(tmp_path / 'eia.sqlite').as_posix()}")
    final, consultation = files
    assert run(["import", str(consultation)], capsys)[0] == 0
    assert run(["import", str(final)], capsys)[0] == 0
    out = tmp_path / "stored.docx"
    code, _, stderr = run(["export", "EIA-2026-0042", "--no-charts", "-o", str(out)], capsys)
    assert code == 0, stderr
    doc = open_docx(out.read_bytes())
    text = all_text(doc)
    assert "What changed after consultation" in text
    assert "Review travel budgets for under-8s" in text
    rows = [row for table in doc.tables for row in table.rows]
    version = next(r for r in rows if r.cells[0].text == "Version")
    assert version.cells[1].text.startswith("2 (saved ")
