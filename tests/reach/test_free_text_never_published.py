"""A rare free-text answer to an equality question is never published.

Such an answer ("Romany Gypsy from Shepshed", a name, a street) is special category
personal data and can identify its writer. It may be named only when at least the
minimum count of people gave it; otherwise it is counted under ``RARE_ANSWERS``.
"""

import csv
import json
import zipfile

import openpyxl
import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli
from eia_app.domain.publication import RARE_ANSWERS
from tests.examples.send_revised import REVISED

UNIQUE = "Romany Gypsy from Shepshed"
COMMON = "Cornish"  # given by 6 people: at least the minimum count, so it may be named


@pytest.fixture
def survey(tmp_path):
    path = tmp_path / "survey.csv"
    answers = ["White"] * 60 + ["Asian or Asian British"] * 20 + [COMMON] * 6 + [UNIQUE]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Response ID", "What is your ethnic group?", "What is your sex?"])
        for n, answer in enumerate(answers):
            writer.writerow([f"R{n}", answer, "Female" if n % 2 else "Male"])
    return path


def run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def docx_text(path) -> str:
    return zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")


def test_the_unique_answer_is_in_no_published_output(survey, tmp_path):
    outputs = {
        "table": run("reach", str(survey)),
        "json": run("reach", str(survey), "--format", "json"),
        "csv": run("reach", str(survey), "--format", "csv"),
    }
    xlsx = tmp_path / "reach.xlsx"
    run("reach", str(survey), "--format", "xlsx", "-o", str(xlsx))
    book = openpyxl.load_workbook(xlsx)
    outputs["xlsx"] = " ".join(str(c.value) for s in book for row in s.iter_rows() for c in row)
    word = tmp_path / "eia.docx"
    run("export", str(REVISED), "--survey", str(survey), "--no-charts", "-o", str(word))
    outputs["word"] = docx_text(word)
    for name, text in outputs.items():
        assert UNIQUE not in text, f"the rare answer is in the {name} output"
        assert "Shepshed" not in text, name
    unrecognised = json.loads(outputs["json"])["characteristics"]["race"]["unrecognised"]
    # One person wrote the rare answer: grouped, and its count withheld; Cornish is named,
    # but its count is withheld too, or the rare count could be worked out from the total.
    assert unrecognised == {COMMON: None, RARE_ANSWERS: None}
    assert COMMON in outputs["table"]
    assert RARE_ANSWERS in outputs["csv"]


def test_internal_analysis_lists_every_answer(survey):
    document = json.loads(run("reach", str(survey), "--format", "json", "--min-count", "0"))
    assert document["characteristics"]["race"]["unrecognised"] == {COMMON: 6, UNIQUE: 1}
