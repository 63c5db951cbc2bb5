"""The reach service end to end: the synthetic SEND export through ``analyse_survey``."""

import csv
import io
import json
from pathlib import Path

import openpyxl
import pytest

from eia_app.domain.publication import RARE_ANSWERS
from eia_app.export.reach_spreadsheet import build_workbook, neutralise, render_csv
from eia_app.services.reach import ReachError, analyse_survey, save_mapping
from eia_app.services.reference import get_registry

ROOT = Path(__file__).resolve().parents[2]
SEND = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
TYPE_QUESTION = "In what capacity are you responding to this consultation?"
ETHNIC = "What is your ethnic group?"
INJECTED = "=cmd|' /C calc'!A0"
CHARACTERISTICS = {
    "age", "disability", "gender_reassignment", "marriage_civil_partnership",
    "pregnancy_maternity", "race", "religion_belief", "sex", "sexual_orientation",
    "carers", "armed_forces",
}  # fmt: skip
CATEGORY_KEYS = {
    "id", "label", "count", "share", "ci_low", "ci_high", "baseline_share", "ratio",
    "gap_pp", "needed_for_parity", "flag", "suppressed",
}  # fmt: skip


def as_json(*args, **kwargs):
    """The result as ``eia reach --format json`` writes it (the document's contract)."""
    return json.loads(analyse_survey(*args, **kwargs).model_dump_json())


@pytest.fixture(scope="module")
def send():
    """The SEND example analysed with every default (computed once for the module)."""
    return as_json(SEND)


def category(document, characteristic, category_id, part="categories"):
    block = document["characteristics"][characteristic]
    return next(c for c in block[part] if c["id"] == category_id)


def write_injected_survey(path: Path) -> Path:
    """A small survey whose ethnicity answers include a spreadsheet formula."""
    rows = [["Response ID", ETHNIC, "What is your sex?"]]
    answers = (
        ["White: English, Welsh, Scottish, Northern Irish or British"] * 20
        + [INJECTED] * 6
        + ["Asian, Asian British or Asian Welsh: Indian"] * 8
    )
    for number, answer in enumerate(answers, start=1):
        rows.append([f"R{number:03d}", answer, "Female" if number % 2 else "Male"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_send_example_gives_the_documented_top_level(send):
    assert send["schema"] == "eia.reach/1"
    assert send["respondents"] == 1538
    assert send["source"] == {
        "file": "send_consultation_responses.csv",
        "layout": "citizen_space",
        "encoding": "utf-8-sig",
        "sheet": None,
    }
    assert send["min_count"] == 5
    assert send["thresholds"]["rr_under"] == 0.8
    assert send["thresholds"]["rr_over"] == 1.25
    assert json.loads(json.dumps(send)) == send  # JSON-ready, nothing lost


def test_default_baseline_is_leicestershire_and_the_document_says_so(send):
    baseline = send["baseline"]
    assert baseline["id"] == "census2021-e10000018"
    assert baseline["label"] == "Leicestershire: Census 2021"
    assert baseline["default"] is True
    # How the baseline was chosen is said to the author, never in the document's note.
    assert "No baseline was chosen" not in baseline["note"]
    assert send["notes_for_author"][0].startswith("No baseline was chosen, so the default")
    assert baseline["universes"]["race"] == "usual residents aged 16 and over"
    # Children were not invited, so age is compared like the rest: residents aged 16+.
    assert baseline["universes"]["age"] == "usual residents aged 16 and over"


def test_every_characteristic_is_found_with_the_documented_keys(send):
    assert set(send["characteristics"]) == CHARACTERISTICS
    for block in send["characteristics"].values():
        assert {"question", "answered", "prefer_not_to_say", "not_answered", "unrecognised",
                "categories", "detail", "test"} <= set(block)  # fmt: skip
        for entry in block["categories"] + block["detail"]:
            assert set(entry) >= CATEGORY_KEYS


@pytest.mark.parametrize("characteristic", sorted(CHARACTERISTICS - {"age"}))
def test_category_ids_are_exactly_the_registry_ids(send, characteristic):
    group = get_registry().get(characteristic)
    block = send["characteristics"][characteristic]
    assert [c["id"] for c in block["categories"]] == [c.id for c in group.categories]
    assert [c["id"] for c in block["detail"]] == [c.id for c in group.detail_categories]


def test_age_categories_are_the_survey_bands(send):
    ages = send["characteristics"]["age"]["categories"]
    assert [c["id"] for c in ages] == [
        "16-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75+",
    ]  # fmt: skip
    assert [c["count"] for c in ages] == [48, 60, 256, 485, 327, 135, 38, 7]
    # The under-16 answers are counted apart, outside the comparison.
    outside = send["characteristics"]["age"]["outside_universe"]
    assert [(c["id"], c["label"], c["count"]) for c in outside] == [("0-15", "Under 16", 72)]


def test_exact_counts_and_the_asian_under_representation(send):
    race = send["characteristics"]["race"]
    assert (race["answered"], race["not_answered"]) == (1379, 110)
    assert [c["count"] for c in race["categories"]] == [1286, 28, 43, 16, 6]
    asian = category(send, "race", "asian")
    assert asian["share"] == round(43 / 1379, 4)
    assert asian["flag"] == "under"
    assert asian["needed_for_parity"] == 72
    sex = send["characteristics"]["sex"]
    assert [c["count"] for c in sex["categories"]] == [1093, 307]
    assert sex["unrecognised"] == {RARE_ANSWERS: None}  # one answer: neither named nor counted


def test_small_counts_are_null_and_marked_suppressed(send):
    roma = category(send, "race", "white_roma", part="detail")
    assert roma["suppressed"] is True
    assert roma["count"] is None
    assert roma["share"] is None
    assert roma["ratio"] is None
    assert category(send, "religion_belief", "jewish")["count"] is None
    for block in send["characteristics"].values():
        for entry in block["categories"] + block["detail"]:
            if entry["suppressed"]:
                assert entry["count"] is None
            else:
                assert entry["count"] == 0 or entry["count"] >= 5


def test_a_stricter_threshold_hides_more(tmp_path):
    strict = as_json(SEND, min_count=10)
    assert strict["min_count"] == 10
    assert category(strict, "race", "asian_pakistani", part="detail")["count"] is None
    assert category(strict, "religion_belief", "sikh")["count"] == 10


def test_opinions_cross_tabulate_each_principle_by_each_characteristic(send):
    opinions = send["opinions"]
    assert len(opinions) == 5
    assert all(question.startswith("To what extent do you agree") for question in opinions)
    for by_characteristic in opinions.values():
        assert set(by_characteristic) == CHARACTERISTICS
    sex = next(iter(opinions.values()))["sex"]
    assert [row["group"] for row in sex["rows"]] == ["female", "male"]
    assert sex["answers"][0] == "Strongly agree"


def test_questions_list_recognised_columns(send):
    targets = {q["column"]: q["target"] for q in send["questions"]}
    assert targets[TYPE_QUESTION] == "respondent_type"
    assert targets[ETHNIC] == "race"
    assert sum(target == "opinion" for target in targets.values()) == 5
    parts = {q["part"] for q in send["questions"] if q["target"] == "disability"}
    assert parts == {"condition", "activity"}


def test_a_mapping_override_changes_recognition():
    document = as_json(SEND, mapping={"What is your religion?": "none", ETHNIC: "race"})
    assert "religion_belief" not in document["characteristics"]
    race = next(q for q in document["questions"] if q["column"] == ETHNIC)
    assert (race["confidence"], race["reason"]) == (1.0, "set by the user")


def test_a_mistyped_map_header_names_the_closest_headers():
    with pytest.raises(ReachError) as raised:
        analyse_survey(SEND, mapping={"What is your ethnicity": "race"})
    message = str(raised.value)
    assert "--map" in message
    assert "send_consultation_responses.csv" in message
    assert "did you mean 'What is your ethnic group?'" in message


def test_assignments_place_unrecognised_answers():
    document = as_json(SEND, assignments={"sex": {"Parent": "female"}})
    sex = document["characteristics"]["sex"]
    assert sex["unrecognised"] == {}
    assert [c["count"] for c in sex["categories"]] == [1094, 307]


def test_split_by_respondent_type_analyses_each_group():
    document = as_json(SEND, split_by=TYPE_QUESTION)
    splits = document["splits"]
    assert document["split_by"] == TYPE_QUESTION
    assert {name: part["respondents"] for name, part in splits.items()} == {
        "As a parent or carer of a child or young person with SEND": 846,
        "As a professional working with children and young people": 382,
        "As a young person with SEND": 153,
        "Other": 81,
        "On behalf of an organisation, school or setting": 76,
    }
    young = splits["As a young person with SEND"]["characteristics"]
    assert [c["id"] for c in young["age"]["categories"]] == ["16-17", "18-24"]
    assert [c["count"] for c in young["age"]["categories"]] == [47, 30]
    assert [c["count"] for c in young["age"]["outside_universe"]] == [70]


def test_saved_mapping_is_reused(tmp_path):
    first = analyse_survey(SEND, mapping={"What is your religion?": "none"})
    saved = save_mapping(first, tmp_path / "mapping.json")
    again = as_json(SEND, mapping_file=saved)
    assert "religion_belief" not in again["characteristics"]
    assert [(q["column"], q["target"]) for q in again["questions"]] == [
        (q.column, q.target) for q in first.questions
    ]


def test_baseline_by_name_and_unknown_baseline():
    assert as_json(SEND, baseline="Rutland")["baseline"]["id"] == "census2021-e06000017"
    with pytest.raises(ReachError, match="no baseline matches 'Atlantis'"):
        analyse_survey(SEND, baseline="Atlantis")


def test_baseline_from_a_council_file(tmp_path):
    baseline = tmp_path / "service_users.csv"
    baseline.write_text(
        "characteristic,universe,category_id,count\nsex,16+,female,600\nsex,16+,male,400\n",
        encoding="utf-8",
    )
    document = as_json(SEND, baseline=baseline)
    assert (document["baseline"]["id"], document["baseline"]["default"]) == ("service_users", False)
    assert category(document, "sex", "female")["baseline_share"] == 0.6
    assert document["characteristics"]["race"]["categories"][0]["baseline_share"] is None


def test_missing_file_is_named(tmp_path):
    with pytest.raises(Exception, match=r"^nope\.csv: file not found"):
        analyse_survey(tmp_path / "nope.csv")


def test_csv_export_neutralises_formulas_but_keeps_negative_numbers(tmp_path):
    document = analyse_survey(write_injected_survey(tmp_path / "injected.csv"))
    assert document.characteristics["race"].unrecognised == {INJECTED: 6}
    text = render_csv(document)
    rows = list(csv.DictReader(io.StringIO(text)))
    unrecognised = next(r for r in rows if r["level"] == "unrecognised")
    assert unrecognised["category_label"] == "'" + INJECTED
    assert unrecognised["count"] == "6"
    white = next(r for r in rows if r["level"] == "category" and r["category_id"] == "white")
    assert float(white["gap_pp"]) < 0  # a true negative number, written as a number
    assert f'"\'{INJECTED}"' in text
    assert not any(cell.startswith("=") for row in rows for cell in row.values())


def test_xlsx_export_neutralises_formulas(tmp_path):
    document = analyse_survey(write_injected_survey(tmp_path / "injected.csv"))
    path = tmp_path / "reach.xlsx"
    build_workbook(document).save(path)
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames[:3] == ["Summary", "race", "sex"]
    cells = [cell for sheet in workbook for row in sheet.iter_rows() for cell in row]
    assert not any(cell.data_type == "f" for cell in cells)
    injected = [cell for cell in cells if cell.value == "'" + INJECTED]
    assert injected
    assert all(cell.data_type == "s" for cell in injected)
    gaps = [c.value for c in cells if isinstance(c.value, float) and c.value < 0]
    assert gaps  # negative gaps stay numbers


@pytest.mark.parametrize(
    ("value", "expected"),
    [("=1+1", "'=1+1"), ("+44", "'+44"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("Female", "Female"), (-2.5, -2.5), (None, None)],
)  # fmt: skip
def test_neutralise(value, expected):
    assert neutralise(value) == expected
