"""``eia themes`` on the SEND example: recognisable themes, the known bias, nothing unapproved."""

import json
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli

pytest.importorskip("sklearn")
pytest.importorskip("wordllama")

ROOT = Path(__file__).resolve().parents[2]
SEND = str(ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv")
EFFECT = "How would the proposals in the draft strategy affect you or your family?"
COMMENT_BOX = "Is there anything else you would like to tell us about the draft strategy"


@pytest.fixture(scope="module")
def published():
    result = CliRunner().invoke(cli, ["themes", SEND, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_send_example_themes_are_the_known_ones(published):
    assert published["schema"] == "eia.themes/1"
    assert [c["column"] for c in published["free_text_columns"]] == [EFFECT]
    (question,) = published["questions"]
    phrases = " ".join(p for t in question["themes"] for p in t["key_phrases"])
    for word in ("transport", "ehcp", "mainstream", "interpret", "respite"):
        assert word in phrases


def test_send_example_names_asian_respondents_for_translation(published):
    (question,) = published["questions"]
    findings = [(t["key_phrases"], f) for t in question["themes"] for f in t["findings"]]
    asian = [(p, f) for p, f in findings if "Asian" in f]
    assert asian
    assert all(
        any(w in " ".join(p) for w in ("english", "interpret", "translat", "language"))
        for p, _ in asian
    )


def test_published_json_has_no_comment_text_and_no_unapproved_quote(published):
    text = json.dumps(published)
    assert published["internal"] is False
    assert all(not t["quotes"] for q in published["questions"] for t in q["themes"])
    comments = Path(SEND).read_text(encoding="utf-8-sig")
    assert "Home to school transport is a nightmare" in comments
    assert "nightmare" not in text


def test_internal_lists_candidates_and_approve_publishes_only_those():
    internal = CliRunner().invoke(cli, ["themes", SEND, "--internal", "--format", "json"])
    document = json.loads(internal.output)
    quotes = [q for t in document["questions"][0]["themes"] for q in t["quotes"]]
    assert document["internal"] is True
    assert quotes
    assert not any(q["approved"] for q in quotes)
    chosen = quotes[0]["id"]
    approved = CliRunner().invoke(cli, ["themes", SEND, "--approve", chosen, "--format", "json"])
    shown = [q for t in json.loads(approved.output)["questions"][0]["themes"] for q in t["quotes"]]
    assert [q["id"] for q in shown] == [chosen]
    assert shown[0]["approved"]


def test_table_and_xlsx(tmp_path):
    table = CliRunner().invoke(cli, ["themes", SEND, "--themes", "5"])
    assert table.exit_code == 0
    assert "Key phrases" in table.output
    assert "Other comments" in table.output
    out = tmp_path / "themes.xlsx"
    done = CliRunner().invoke(cli, ["themes", SEND, "--format", "xlsx", "-o", str(out)])
    assert done.exit_code == 0, done.output
    assert openpyxl.load_workbook(out).sheetnames == ["Themes", "By group", "Quotes"]


def test_a_closed_column_or_unknown_header_is_refused_in_one_line():
    unknown = CliRunner().invoke(cli, ["themes", SEND, "--column", "Nope"])
    assert unknown.exit_code != 0
    assert "no column 'Nope'" in str(unknown.exception or unknown.output)
    box = next(
        h
        for h in Path(SEND).read_text(encoding="utf-8-sig").splitlines()[0].split('"')
        if h.startswith(COMMENT_BOX)
    )
    named = CliRunner().invoke(cli, ["themes", SEND, "--column", box, "--format", "json"])
    assert named.exit_code == 0, named.output
    assert json.loads(named.output)["questions"][0]["column"] == box


def test_saved_edits_are_reapplied(tmp_path, published):
    (question,) = published["questions"]
    first = question["themes"][0]
    edits = tmp_path / "edits.json"
    edits.write_text(json.dumps([{"column": EFFECT, "renames": {first["id"]: "School transport"}}]))
    again = CliRunner().invoke(cli, ["themes", SEND, "--edits", str(edits), "--format", "json"])
    assert again.exit_code == 0, again.output
    renamed = json.loads(again.output)["questions"][0]["themes"][0]
    assert renamed["label"] == "School transport"
    assert renamed["count"] == first["count"]
    bad = tmp_path / "bad.json"
    bad.write_text('{"column": 1}')
    refused = CliRunner().invoke(cli, ["themes", SEND, "--edits", str(bad)])
    assert refused.exit_code != 0
    assert "not a list of theme edits" in str(refused.exception)


def test_saved_splits_are_reapplied_before_merges_and_renames(tmp_path, published):
    (question,) = published["questions"]
    first, *_, last = question["themes"]
    edits = tmp_path / "edits.json"
    split = {"column": EFFECT, "splits": {first["id"]: 2}, "renames": {f"{first['id']}.2": "B"}}
    edits.write_text(json.dumps([split]))
    again = CliRunner().invoke(cli, ["themes", SEND, "--edits", str(edits), "--format", "json"])
    assert again.exit_code == 0, again.output
    themes = json.loads(again.output)["questions"][0]["themes"]
    one, two = themes[:2]
    assert (one["id"], two["id"], two["label"]) == (f"{first['id']}.1", f"{first['id']}.2", "B")
    assert one["count"] + two["count"] == first["count"]
    assert len(themes) == len(question["themes"]) + 1
    edits.write_text(json.dumps([{"column": EFFECT, "splits": {last["id"]: 4}}]))
    refused = CliRunner().invoke(cli, ["themes", SEND, "--edits", str(edits), "--min-count", "40"])
    assert refused.exit_code != 0
    assert "cannot be split into 4 parts" in str(refused.exception)


def test_the_schema_of_a_themes_document_validates_the_published_send_themes(published):
    jsonschema = pytest.importorskip("jsonschema")
    result = CliRunner().invoke(cli, ["schema", "--themes"])
    assert result.exit_code == 0, result.output
    schema = json.loads(result.output)
    assert schema["$id"] == "eia.themes/1"
    assert {"schema", "questions", "free_text_columns"} <= set(schema["properties"])
    jsonschema.validate(published, schema)
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**published, "comments": ["a respondent's words"]}, schema)
    both = CliRunner().invoke(cli, ["schema", "--themes", "--reach"])
    assert both.exit_code == 2
    assert "not both" in both.output
