"""``eia reach`` and ``eia baselines`` as a user runs them."""

import csv
import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli, main
from eia_app.services.reference import get_registry

ROOT = Path(__file__).resolve().parents[2]
SEND = str(ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv")
TYPE_QUESTION = "In what capacity are you responding to this consultation?"
ETHNIC = "What is your ethnic group?"
INJECTED = "=cmd|' /C calc'!A0"


def run(*args: str):
    return CliRunner().invoke(cli, ["reach", *args])


def run_main(capsys, *args: str) -> tuple[int, str, str]:
    """Run the real entry point (which prints user errors as one line)."""
    with pytest.raises(SystemExit) as stopped:
        main(list(args))
    captured = capsys.readouterr()
    return stopped.value.code, captured.out, captured.err


def injected_survey(path: Path) -> str:
    rows = [["Response ID", ETHNIC]]
    answers = (
        ["White: Irish"] * 12 + [INJECTED] * 6 + ["Asian, Asian British or Asian Welsh: Indian"] * 7
    )
    rows += [[f"R{n}", answer] for n, answer in enumerate(answers)]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return str(path)


@pytest.fixture(scope="module")
def send_json():
    result = run(SEND, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_the_documented_schema(send_json):
    assert send_json["schema"] == "eia.reach/1"
    assert send_json["respondents"] == 1538
    assert set(send_json["characteristics"]) == {
        "age", "disability", "gender_reassignment", "marriage_civil_partnership",
        "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation",
        "carers", "armed_forces",
    }  # fmt: skip
    registry = get_registry()
    for cid, block in send_json["characteristics"].items():
        if cid != "age":
            assert [c["id"] for c in block["categories"]] == [
                c.id for c in registry.get(cid).categories
            ]
        for entry in block["categories"] + block["detail"]:
            assert (entry["count"] is None) == entry["suppressed"]


def test_suppressed_counts_are_null(send_json):
    detail = {c["id"]: c for c in send_json["characteristics"]["race"]["detail"]}
    assert detail["white_roma"]["count"] is None
    assert detail["other_arab"]["count"] is None
    assert detail["asian_indian"]["count"] == 28


def test_table_is_a_readable_summary():
    result = run(SEND)
    assert result.exit_code == 0
    text = result.stdout
    assert "Reach of send_consultation_responses.csv: 1,538 respondents" in text
    assert (
        "No baseline was chosen, so the default, Leicestershire: Census 2021, was used" in text
    )  # for you
    assert "choose another area with --baseline" in text
    assert "Race (race): What is your ethnic group?" in text
    roma = next(line for line in text.splitlines() if "White: Roma" in line)
    assert roma.split()[2:5] == ["[c]", "[c]", "[c]"]  # count, share, interval withheld
    assert "Symbols: [c] confidential" in text
    assert "Human" not in text  # two people wrote it: too few to name
    assert "Rare answers are not shown; --min-count 0 lists them" in text
    assert "Opinion questions: how groups' views differed from other respondents'" in text
    opinions = text.split("Opinion questions:")[1]
    # Young people agreed less with early identification: said as proportions, no statistic.
    under_16 = next(line for line in opinions.splitlines() if "aged under 16" in line)
    assert under_16.startswith("    About 7 in 10 respondents aged under 16 agreed")
    assert "about 9 in 10 other respondents" in under_16
    assert "chi-squared" not in opinions
    assert "p =" not in opinions
    # A group under the small-group threshold is never said to agree like the others.
    assert (
        "Gender identity different from sex registered at birth: too few responses to "
        "detect a difference, n = 19." in opinions
    )


def test_map_override_changes_recognition():
    result = run(SEND, "--format", "json", "--map", "What is your religion?=none")
    assert result.exit_code == 0
    assert "religion_belief" not in json.loads(result.stdout)["characteristics"]


def test_split_by_respondent_type():
    result = run(SEND, "--format", "json", "--split-by", TYPE_QUESTION)
    assert result.exit_code == 0
    splits = json.loads(result.stdout)["splits"]
    assert splits["As a young person with SEND"]["respondents"] == 153
    assert sum(part["respondents"] for part in splits.values()) == 1538


def test_preset_sets_the_threshold():
    result = run(SEND, "--format", "json", "--preset", "strict")
    assert json.loads(result.stdout)["min_count"] == 10


def test_csv_output_is_neutralised(tmp_path):
    out = tmp_path / "reach.csv"
    result = run(injected_survey(tmp_path / "s.csv"), "--format", "csv", "-o", str(out))
    assert result.exit_code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    labels = [r["category_label"] for r in rows if r["level"] == "unrecognised"]
    assert labels == ["'" + INJECTED]
    white = next(r for r in rows if r["level"] == "category" and r["category_id"] == "white")
    assert float(white["gap_pp"]) < 0  # 12 of 19 answers against 88.6%: a true negative number


def test_xlsx_output_is_neutralised(tmp_path):
    out = tmp_path / "reach.xlsx"
    result = run(injected_survey(tmp_path / "s.csv"), "--format", "xlsx", "-o", str(out))
    assert result.exit_code == 0
    workbook = openpyxl.load_workbook(out)
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert "'" + INJECTED in [cell.value for cell in cells]
    assert not [cell for cell in cells if cell.data_type == "f"]


def test_save_mapping_then_reuse(tmp_path):
    mapping = tmp_path / "mapping.json"
    first = run(SEND, "--format", "json", "--map", "What is your sex?=none",
                "--save-mapping", str(mapping))  # fmt: skip
    assert first.exit_code == 0
    assert json.loads(mapping.read_text())["columns"]["What is your age?"] == "age"
    second = run(SEND, "--format", "json", "--mapping-file", str(mapping))
    assert "sex" not in json.loads(second.stdout)["characteristics"]


def test_a_saved_mapping_over_the_json_size_limit_is_refused_in_one_line(
    capsys, tmp_path, monkeypatch
):
    mapping = tmp_path / "mapping.json"
    mapping.write_text(json.dumps({"columns": {"What is your age?": "age"}}), encoding="utf-8")
    monkeypatch.setenv("EIA_MAX_JSON_BYTES", "10")
    code, out, err = run_main(capsys, "reach", SEND, "--mapping-file", str(mapping))
    assert code == 1
    assert out == ""
    line = err.strip()
    assert "\n" not in line
    assert "Traceback" not in line
    assert line.startswith("Error: --mapping-file: mapping.json: file size is")
    assert "EIA_MAX_JSON_BYTES" in line


def test_a_saved_mapping_nested_too_deep_is_refused_before_it_is_parsed(capsys, tmp_path):
    mapping = tmp_path / "deep.json"
    mapping.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    code, _, err = run_main(capsys, "reach", SEND, "--mapping-file", str(mapping))
    assert code == 1
    assert "deep.json: nesting depth is at least" in err
    assert "Traceback" not in err


def test_sheet_of_a_workbook(tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.title = "Notes"
    workbook.active.append(["Exported from a survey tool"])
    sheet = workbook.create_sheet("Responses")
    sheet.append(["Response ID", "What is your sex?"])
    for number in range(18):
        sheet.append([f"R{number}", "Female" if number < 12 else "Male"])
    path = tmp_path / "survey.xlsx"
    workbook.save(path)
    result = run(str(path), "--sheet", "Responses", "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["source"]["sheet"] == "Responses"
    assert document["source"]["encoding"] is None
    assert [c["count"] for c in document["characteristics"]["sex"]["categories"]] == [12, 6]


def test_bad_file_is_one_line_naming_the_file(capsys, tmp_path):
    code, out, err = run_main(capsys, "reach", str(tmp_path / "missing.csv"))
    assert code == 1
    assert out == ""
    assert err == "Error: missing.csv: file not found; check the name and folder.\n"


def test_bad_map_header_lists_close_headers(capsys):
    code, _, err = run_main(capsys, "reach", SEND, "--map", "What is your ethnicity=race")
    assert code == 1
    assert err.count("\n") == 1
    assert "did you mean 'What is your ethnic group?'" in err
    assert "Traceback" not in err


def test_bad_assign_shape_is_a_usage_error():
    result = run(SEND, "--assign", "race=white")
    assert result.exit_code == 2
    assert "CHARACTERISTIC:RAW ANSWER=CATEGORY" in result.output


def test_min_count_and_preset_together_are_refused():
    result = run(SEND, "--min-count", "3", "--preset", "nhs")
    assert result.exit_code == 2
    assert "either --min-count or --preset" in result.output


def test_xlsx_needs_an_output_file():
    result = run(SEND, "--format", "xlsx")
    assert result.exit_code == 2
    assert "--format xlsx needs -o" in result.output


def test_baselines_lists_and_searches():
    result = CliRunner().invoke(cli, ["baselines", "leicestershire"])
    assert result.exit_code == 0
    first = result.stdout.splitlines()[0]
    assert first.split()[0] == "census2021-e10000018"
    missing = CliRunner().invoke(cli, ["baselines", "atlantis"])
    assert missing.exit_code == 1
    assert "No baseline matches 'atlantis'" in missing.output
