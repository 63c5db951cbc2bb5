"""Every file of the bad-input corpus ends in a one-line message or a report, never a traceback.

The corpus is written by ``tests/data/bad_inputs/make_bad_inputs.py`` into a
temporary folder once per session; each case runs ``eia reach`` through the real
entry point (``main``, which turns errors into ``Error:`` lines) inside click's
``CliRunner`` isolation.
"""

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from eia_app.cli.app import main
from tests.data.bad_inputs.make_bad_inputs import (
    BUILDERS,
    JSON_BUILDERS,
    NOT_FILES,
    TEMPLATE_BUILDERS,
    make_bad_inputs,
)
from tests.entry_point import run_eia

REFUSED, WARNED, READ = "refused", "warned", "read"
# Name -> (outcome, fragment of the message, environment for the run).
CASES: dict[str, tuple[str, str, dict[str, str]]] = {
    "empty.csv": (REFUSED, "the file is empty", {}),
    "whitespace_only.csv": (REFUSED, "the file is empty", {}),
    "header_only.csv": (REFUSED, "has headers but no responses", {}),
    "random_bytes.csv": (REFUSED, "it contains binary data", {}),
    "png_named.xlsx": (REFUSED, "not a readable Excel workbook", {}),
    "truncated.xlsx": (REFUSED, "not a readable Excel workbook (damaged or cut short)", {}),
    "zip_bomb.xlsx": (
        REFUSED,
        "uncompressed size is 600,000,008 bytes, more than the limit of 500,000,000 bytes; "
        "save the workbook as CSV UTF-8, or raise EIA_MAX_UNCOMPRESSED_BYTES.",
        {},
    ),
    "ratio_bomb.xlsx": (REFUSED, "compression ratio is 1,0", {}),
    "nul_bytes.csv": (WARNED, "nul_bytes.csv: removed 3 NUL bytes", {}),
    "mixed_encodings.csv": (
        WARNED,
        "1 row was not UTF-8 and was read as Windows-1252 (line 8)",
        {},
    ),
    "utf16_bom.csv": (READ, "", {}),
    "utf16_no_bom.csv": (READ, "", {}),
    "cp1252.csv": (READ, "", {}),
    "utf8_bom.csv": (READ, "", {}),
    "semicolons.csv": (READ, "", {}),
    "duplicate_headers.csv": (READ, "", {}),
    "blank_headers.csv": (READ, "", {}),
    "merged_header.xlsx": (READ, "", {}),
    "columns_100000.csv": (
        REFUSED,
        "columns_100000.csv: number of columns is 100,000, more than the limit of 2,000; "
        "remove unneeded columns or raise EIA_MAX_COLUMNS.",
        {},
    ),
    "cell_50mb.csv": (
        REFUSED,
        "longest cell is 50,000,000 characters, more than the limit of 100,000 characters",
        {},
    ),
    "formulas_and_html.csv": (READ, "", {}),
    "html_error_page.csv": (REFUSED, "is a web page (HTML), not a survey export", {}),
    "password_protected.xlsx": (REFUSED, "the workbook is password-protected", {}),
    "chart_only.xlsx": (REFUSED, "the workbook has no worksheets", {}),
    "unclosed_quote.csv": (REFUSED, "EOF inside string starting at row 21", {}),
    "blank_lines.csv": (READ, "", {}),
    "no_equality_questions.csv": (
        REFUSED,
        "no equality-monitoring question was recognised among its headers ('Respondent ID'; "
        "'Do you agree?'; 'Any comments?'); say which column asks which question with "
        '--map "HEADER=race"',
        {},
    ),
    "ragged_rows.csv": (REFUSED, "Expected 4 fields in line 22, saw 6", {}),
    "cr_only_newlines.csv": (READ, "", {}),
    "crlf_newlines.csv": (READ, "", {}),
    "plain_survey.xlsx": (READ, "", {}),
    "xlsx_named.csv": (READ, "", {}),
    "rows_over_limit.csv": (
        REFUSED,
        "number of rows is 20, more than the limit of 5; split the file or raise EIA_MAX_ROWS.",
        {"EIA_MAX_ROWS": "5"},
    ),
    "size_over_limit.csv": (
        REFUSED,
        "more than the limit of 100 bytes; split the file or raise EIA_MAX_FILE_BYTES.",
        {"EIA_MAX_FILE_BYTES": "100"},
    ),
    "missing.csv": (REFUSED, "missing.csv: file not found", {}),
    "a_folder.csv": (REFUSED, "a_folder.csv: is a folder, not a file", {}),
}
# Assessment JSON: name -> (fragment of the one-line refusal, environment).
JSON_CASES: dict[str, tuple[str, dict[str, str]]] = {
    "assessment_not_json.json": (
        "assessment_not_json.json is not valid JSON: Expecting value at line 1, column 1.",
        {},
    ),
    "assessment_nested_10000.json": (
        "assessment_nested_10000.json: nesting depth is at least 65, more than the limit of 64; "
        "check it is an assessment exported by the toolkit, or raise EIA_MAX_JSON_DEPTH.",
        {},
    ),
    "assessment_long_text.json": (
        "longest text is 300,000 characters, more than the limit of 200,000 characters; "
        "shorten the text (or link to a document), or raise EIA_MAX_TEXT_CHARS.",
        {},
    ),
    "assessment_binary.json": ("cannot be read ('utf-8' codec can't decode", {}),
    "assessment_oversize.json": (
        "assessment_oversize.json: file size is 51 bytes, more than the limit of 40 bytes; "
        "check it is an assessment exported by the toolkit, or raise EIA_MAX_JSON_BYTES.",
        {"EIA_MAX_JSON_BYTES": "40"},
    ),
}
# Word templates given to ``eia export --template``: name -> (fragment, environment).
TEMPLATE_CASES: dict[str, tuple[str, dict[str, str]]] = {
    "template_zip_bomb.docx": (
        "template_zip_bomb.docx: uncompressed size is 250,000,008 bytes, more than the limit "
        "of 200,000,000 bytes; save the template again in Word, or raise "
        "EIA_MAX_TEMPLATE_UNCOMPRESSED_BYTES.",
        {},
    ),
    "template_ratio_bomb.docx": (
        "template_ratio_bomb.docx: compression ratio is 1,0",
        {},
    ),
    "template_not_a_zip.docx": (
        "Template template_not_a_zip.docx cannot be read as a Word document: save it as .docx",
        {},
    ),
    "template_5000_parts.docx": (
        "template_5000_parts.docx: number of parts is 5,001, more than the limit of 1,000; "
        "save the template again in Word, or raise EIA_MAX_TEMPLATE_PARTS.",
        {},
    ),
    "template_oversize.docx": (
        "more than the limit of 100 bytes; make the pictures in the template smaller, or "
        "raise EIA_MAX_TEMPLATE_BYTES.",
        {"EIA_MAX_TEMPLATE_BYTES": "100"},
    ),
}
SEND_JSON = Path(__file__).resolve().parents[2] / "examples/send_strategy_2024_27"
SECONDS_PER_CASE = 10  # generous for a shared machine; most cases take well under one


@pytest.fixture(scope="session")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return make_bad_inputs(tmp_path_factory.mktemp("bad_inputs"))


def run_reach(path: Path, env: dict[str, str]) -> tuple[int, str, str]:
    """Run ``eia reach PATH`` through the real entry point; exit code, stdout, stderr."""
    return run_eia(["reach", str(path)], env)


def test_the_corpus_covers_every_case_and_at_least_thirty_files():
    assert set(CASES) == set(BUILDERS) | set(NOT_FILES)
    assert len(CASES) >= 30
    assert set(JSON_CASES) == set(JSON_BUILDERS)
    assert set(TEMPLATE_CASES) == set(TEMPLATE_BUILDERS)


def assert_refused_in_one_line(code: int, out: str, err: str, fragment: str) -> None:
    assert "Traceback" not in out + err
    assert "unexpected problem" not in err
    assert code == 1, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("Error: "), err
    assert fragment in lines[0], err


@pytest.mark.parametrize("command", ["validate", "import", "export"])
@pytest.mark.parametrize("name", sorted(JSON_CASES))
def test_each_bad_assessment_file_is_refused_in_one_line(corpus, tmp_path, name, command):
    fragment, env = JSON_CASES[name]
    env = {**env, "EIA_DATABASE_URL": f"sqlite:///{tmp_path / 'eia.sqlite'}"}
    args = [command, str(corpus[name])]
    if command == "export":
        args += ["--no-charts", "-o", str(tmp_path / "out.docx")]
    started = time.perf_counter()
    code, out, err = run_eia(args, env)
    assert time.perf_counter() - started < SECONDS_PER_CASE
    assert_refused_in_one_line(code, out, err, fragment)
    assert not (tmp_path / "out.docx").exists()


def test_a_bad_reach_file_for_export_is_refused_in_one_line(corpus, tmp_path):
    args = ["export", str(SEND_JSON / "eia_consultation_stage.json"), "--no-charts"]
    args += ["--reach", str(corpus["assessment_nested_10000.json"]), "-o", str(tmp_path / "o.docx")]
    code, out, err = run_eia(args, {})
    assert_refused_in_one_line(code, out, err, "--reach: assessment_nested_10000.json: nesting")


@pytest.mark.parametrize("name", sorted(TEMPLATE_CASES))
def test_each_bad_template_is_refused_in_one_line_before_any_work(corpus, tmp_path, name):
    fragment, env = TEMPLATE_CASES[name]
    out_file = tmp_path / "out.docx"
    args = ["export", str(SEND_JSON / "eia_consultation_stage.json"), "--no-charts"]
    args += ["--template", str(corpus[name]), "-o", str(out_file)]
    started = time.perf_counter()
    code, out, err = run_eia(args, env)
    assert time.perf_counter() - started < SECONDS_PER_CASE
    assert_refused_in_one_line(code, out, err, fragment)
    assert not out_file.exists()


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_bad_input_has_its_outcome_and_message(corpus, name):
    outcome, fragment, env = CASES[name]
    started = time.perf_counter()
    code, out, err = run_reach(corpus[name], env)
    elapsed = time.perf_counter() - started
    assert "Traceback" not in out + err
    assert "unexpected problem" not in err
    assert elapsed < SECONDS_PER_CASE
    if outcome == REFUSED:
        assert code == 1, err
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        assert lines[0].startswith("Error: "), err
        assert fragment in lines[0]
        assert out == ""
    else:
        assert code == 0, err
        assert out.startswith(f"Reach of {name}: ")
        warnings = [line for line in out.splitlines() if line.startswith("Warning: ")]
        if outcome == WARNED:
            assert len(warnings) == 1, out
            assert fragment in warnings[0], out
        else:
            assert warnings == [], out


def test_a_warning_goes_to_stderr_and_into_the_json(corpus, tmp_path):
    out_file = tmp_path / "reach.json"
    with CliRunner().isolation() as (out, err, *_), pytest.raises(SystemExit) as done:
        main(["reach", str(corpus["nul_bytes.csv"]), "--format", "json", "-o", str(out_file)])
    assert done.value.code == 0
    assert "Warning: nul_bytes.csv: removed 3 NUL bytes" in err.getvalue().decode()
    assert '"warnings": [\n    "nul_bytes.csv: removed 3 NUL bytes' in out_file.read_text()


def test_a_clean_file_has_no_warnings_key(corpus, tmp_path):
    out_file = tmp_path / "reach.json"
    with CliRunner().isolation() as (out, err, *_), pytest.raises(SystemExit):
        main(["reach", str(corpus["utf8_bom.csv"]), "--format", "json", "-o", str(out_file)])
    assert '"warnings"' not in out_file.read_text()


def test_repaired_rows_keep_both_encodings_right(corpus):
    from eia_app.analysis.survey import read_survey

    survey = read_survey(corpus["mixed_encodings.csv"])
    answers = set(survey.frame["What is your ethnic group?"].dropna())
    assert "Café owner “mixed”" in answers
    assert "£25" in set(survey.frame["What is your age?"].dropna())  # not "Â£25"
    nul = read_survey(corpus["nul_bytes.csv"])
    assert not nul.frame.astype(str).apply(lambda col: col.str.contains("\0")).any().any()


def test_a_huge_cell_is_refused_by_the_byte_scan_before_any_parse(corpus):
    from eia_app.analysis.survey.limits import scan_text
    from eia_app.domain.errors import SurveyReadError
    from eia_app.domain.limits import SurveyLimits

    with pytest.raises(SurveyReadError, match="longest cell is 50,000,000 characters"):
        scan_text(corpus["cell_50mb.csv"], SurveyLimits(), "utf-8")
    assert scan_text(corpus["plain_survey.xlsx"], SurveyLimits(), "utf-8").nul_bytes > 0
