"""The published JSON Schema of ``eia.reach/1``, and what engine output it accepts."""

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import eia_app.cli.commands  # noqa: F401  (registers every command on ``cli``)
from eia_app.cli.app import cli
from eia_app.domain.reach import ReachResult

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SEND = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
TYPE_QUESTION = "In what capacity are you responding to this consultation?"
# Output of `eia reach --split-by` written by release 0.1.0 (before the typed model),
# trimmed to three characteristics, one opinion question and one split group.
WRITTEN_BY_0_1_0 = HERE / "reach_written_by_0_1_0.json"


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(scope="module")
def schema() -> dict:
    published = json.loads(invoke("schema", "--reach"))
    jsonschema.Draft202012Validator.check_schema(published)
    return published


def test_eia_reach_json_validates_against_the_published_schema(schema, tmp_path):
    out = tmp_path / "reach.json"
    invoke("reach", str(SEND), "--split-by", TYPE_QUESTION, "--format", "json", "-o", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    assert document["schema"] == "eia.reach/1"
    assert document["splits"]
    assert document["split_by"] == TYPE_QUESTION


def test_json_written_by_the_previous_release_is_still_valid(schema):
    document = json.loads(WRITTEN_BY_0_1_0.read_text(encoding="utf-8"))
    jsonschema.validate(document, schema)
    result = ReachResult.model_validate_json(WRITTEN_BY_0_1_0.read_text(encoding="utf-8"))
    written_again = json.loads(result.model_dump_json())
    assert _keys(document) <= _keys(written_again)  # no key removed or renamed


def test_the_schema_refuses_a_document_the_engine_could_not_write(schema):
    document = json.loads(WRITTEN_BY_0_1_0.read_text(encoding="utf-8"))
    document["source"]["layout"] = "wide"
    with pytest.raises(jsonschema.ValidationError, match="'wide' is not one of"):
        jsonschema.validate(document, schema)
    del document["source"]["layout"]
    document["characteristics"]["race"]["categories"][0].pop("count")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(document, schema)


def test_without_split_by_the_split_keys_are_left_out(tmp_path):
    document = json.loads(invoke("reach", str(SEND), "--format", "json"))
    assert "splits" not in document
    assert "split_by" not in document


def test_docs_publish_the_same_schema(schema):
    docs = (ROOT / "docs" / "reach.md").read_text(encoding="utf-8")
    block = docs.split("<!-- reach-schema -->")[1].split("```json")[1].split("```")[0]
    assert json.loads(block) == schema


def _keys(value, path=""):
    """Every key path in a JSON value, with list positions folded together."""
    if isinstance(value, dict):
        found = set()
        for key, child in value.items():
            # Keys that are data (characteristic ids, answers, split names) are folded.
            here = f"{path}/{key}" if not _is_data_key(path) else f"{path}/*"
            found |= {here} | _keys(child, here)
        return found
    if isinstance(value, list):
        return set().union(*(_keys(item, path + "[]") for item in value)) if value else set()
    return set()


def _is_data_key(path: str) -> bool:
    data_parents = ("characteristics", "opinions", "splits", "universes", "unrecognised",
                    "counts", "row_percent")  # fmt: skip
    last = path.rsplit("/", 1)[-1]
    return last in data_parents or path.endswith(("/opinions/*", "/splits/*/opinions/*"))
