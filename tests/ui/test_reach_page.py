"""The consultation reach page, driven through AppTest with the SEND example survey.

``AppTest`` (Streamlit 1.67) uploads files through ``file_uploader(...).set_value``,
so these tests use the page's real uploader; the browser test covers the real
``<input type=file>``.
"""

import csv
import html
import json
import re
import sqlite3
from pathlib import Path

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import HeadingBase

import eia_app.ui
from eia_app.services.reach_upload import saved_reach
from eia_app.services.workspace import close_repositories, open_workspace
from eia_app.ui.reach_results import short_key

APP = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")
SEND = "EIA-2025-0001"
ROOT = Path(__file__).resolve().parents[2]
SURVEY = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
RESPONDENT_TYPE = "In what capacity are you responding to this consultation?"
PARENTS = "As a parent or carer of a child or young person with SEND"
FREE_TEXT = (
    "Is there anything else you would like to tell us about the draft strategy, including "
    "how it might affect you, your family or people with protected characteristics?"
)
ASIAN = "Asian, Asian British or Asian Welsh"


def reach_page(reference: str | None = SEND) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).run()
    if reference:
        at.session_state["eia.current_reference"] = reference
    at.session_state["eia.requested_page"] = "reach"
    at.run()
    assert not at.exception, at.exception
    return at


def upload(at: AppTest, data: bytes | None = None, name: str = "send.csv") -> AppTest:
    data = SURVEY.read_bytes() if data is None else data
    at.file_uploader(key="eia.reach.upload").set_value((name, data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    return at


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def table_rows(at: AppTest, caption: str) -> dict[str, list[str]]:
    """The rows of the HTML table with this caption: first cell -> the other cells."""
    for element in at.markdown:
        text = str(element.value)
        if f">{html.escape(caption)}</caption>" in text:
            rows = re.findall(r"<tr>(.*?)</tr>", text.split("<tbody>", 1)[1])
            cells = [
                [html.unescape(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)] for r in rows
            ]
            return {row[0]: row[1:] for row in cells}
    return {}


def race(at: AppTest) -> dict[str, list[str]]:
    return table_rows(at, "Race: respondents compared with the population")


def choose(selectbox, shown: str):
    """Pick the option whose words start with ``shown`` (AppTest sees the formatted options)."""
    return selectbox.select_index(
        next(i for i, o in enumerate(selectbox.options) if o.startswith(shown))
    )


def correct(at: AppTest, key: str, shown: str) -> AppTest:
    choose(at.selectbox(key=key), shown)
    button = next(b for b in at.button if b.label == "Analyse again with these corrections")
    button.click().run()
    assert not at.exception, at.exception
    return at


def test_the_send_survey_shows_asian_respondents_under_represented(database_url):
    at = upload(reach_page())
    assert [t.value for t in at.title] == ["Consultation reach"]
    assert not at.error, [e.value for e in at.error]
    text = markdown(at)
    assert "up to 200 MB" in text
    assert "Layout: Citizen Space" in text
    assert "Encoding: utf-8-sig" in text
    recognised = table_rows(at, "Questions recognised")
    assert recognised["What is your ethnic group?"][:2] == ["Race", "97%"]
    asian = race(at)[ASIAN]
    assert asian[0] == "43"
    assert asian[-1] == "Under-represented"
    # Other ethnic groups are 0.5 points below: under the 2-point floor, so not named.
    assert f"- **Race**: Under-represented: {ASIAN}." in text
    # One interactive chart per characteristic, each with its text alternative beside it.
    charts = at.get("plotly_chart")
    assert len(charts) == 11
    # Drawn with the figure's own colours and hatching, not repainted by Streamlit's theme.
    assert all(chart.proto.theme == "" for chart in charts)
    population = json.loads(charts[1].proto.spec)["data"][1]["marker"]
    assert (population["color"], population["pattern"]["shape"]) == ("#D55E00", "/")
    assert "Bar chart comparing the share of respondents in each Race category" in text
    assert "Opinion questions by group" in [h.value for h in at.header]
    # Views by group in plain words, with the small groups' numbers and no statistic.
    assert "- About 7 in 10 respondents aged under 16 agreed, against about 9 in 10" in text
    assert "too few responses to detect a difference, n = 19." in text
    assert "chi-squared" not in text


def test_headings_never_skip_a_level(database_url):
    at = upload(reach_page())
    levels = [
        {"title": 1, "header": 2, "subheader": 3}[h.type]
        for h in at.main
        if isinstance(h, HeadingBase)
    ]
    assert levels[0] == 1
    assert levels.count(1) == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))


def test_without_an_open_assessment_the_page_says_how_to_open_one(database_url):
    at = reach_page(reference=None)
    assert any("No assessment is open" in i.value for i in at.info)


def test_reading_religion_as_no_question_removes_it(database_url):
    at = upload(reach_page())
    assert table_rows(at, "Religion or belief: respondents compared with the population")
    correct(at, f"eia.reach.map.{short_key('What is your religion?')}", "Not a monitoring question")
    assert not table_rows(at, "Religion or belief: respondents compared with the population")
    assert race(at)[ASIAN][0] == "43"


def test_placing_an_unrecognised_answer_changes_the_counts(database_url):
    # Six people wrote "Cornish": enough to be named, so it can be placed. One wrote a
    # village: too few to show, so the page never names it (special category data).
    rows = ["Response ID,What is your ethnic group?,What is your sex?"]
    answers = ["White"] * 60 + ["Asian or Asian British"] * 20 + ["Cornish"] * 6
    answers.append("Romany Gypsy from Shepshed")
    rows += [f"R{n},{a},{'Female' if n % 2 else 'Male'}" for n, a in enumerate(answers)]
    at = upload(reach_page(), "\n".join(rows).encode(), "small.csv")
    assert race(at)["White"][0] == "60"
    assert "“Cornish”" in markdown(at)
    assert "Shepshed" not in markdown(at)
    correct(at, f"eia.reach.assign.race.{short_key('Cornish')}", "White")
    assert race(at)["White"][0] == "66"
    assert "“Cornish”" not in markdown(at)


def test_a_rare_free_text_answer_of_the_send_survey_is_not_shown(database_url):
    at = upload(reach_page())
    assert "Human" not in markdown(at)  # two people wrote it: fewer than the minimum count
    assert "too few people to show" in markdown(at)


def test_another_baseline_changes_the_population_shares(database_url):
    at = upload(reach_page())
    assert race(at)[ASIAN][3] == "7.9%"
    at.text_input(key="eia.reach.baseline_query").set_value("Rutland").run()
    assert not at.exception, at.exception
    assert "**Rutland: Census 2021**" in markdown(at)
    assert race(at)[ASIAN][3] != "7.9%"
    at.text_input(key="eia.reach.baseline_query").set_value("EHC plan").run()
    picker = next(s for s in at.selectbox if s.label == "Compare the respondents with")
    assert picker.value == "ehcp2025-e10000018"
    assert "children and young people with an EHC plan" in markdown(at)


def test_a_split_shows_one_group(database_url):
    at = upload(reach_page())
    at.selectbox(key="eia.reach.split_by").set_value(RESPONDENT_TYPE).run()
    assert not at.exception, at.exception
    group = next(s for s in at.selectbox if s.label == "Show the figures of")
    choose(group, PARENTS).run()
    text = markdown(at)
    match = re.search(rf"Figures for the group “{PARENTS}”: ([\d,]+) responses", text)
    assert match
    assert 0 < int(match.group(1).replace(",", "")) < 1538
    parents_race = race(at)
    assert parents_race
    assert parents_race["White"][0] != "1,286"


def test_a_file_the_engine_cannot_read_shows_its_message_and_keeps_the_page(database_url):
    at = upload(reach_page(), data=b"\x00\x01\x02binary\x00" * 50, name="broken.csv")
    assert len(at.error) == 1
    message = at.error[0].value
    assert "There is a problem" in message
    assert "broken.csv: does not look like a CSV or Excel file" in message
    assert "Traceback" not in message
    assert [t.value for t in at.title] == ["Consultation reach"]
    assert at.get("file_uploader")
    assert at.text_input(key="eia.reach.baseline_query")


def test_saved_result_is_shown_in_a_new_session_without_the_file(database_url):
    at = upload(reach_page())
    at.selectbox(key="eia.reach.split_by").set_value(RESPONDENT_TYPE).run()
    next(b for b in at.button if b.label == "Save with this assessment").click().run()
    assert not at.exception, at.exception
    assert any("Saved the consultation reach with version" in s.value for s in at.success)

    saved = saved_reach(open_workspace(database_url), SEND)
    assert saved is not None
    assert saved.saved_by == "Test Officer"
    assert saved.reach.source.file == "send.csv"
    assert saved.reach.split_by == RESPONDENT_TYPE
    assert saved.mapping["What is your ethnic group?"] == "race"
    close_repositories()

    later = reach_page()  # a new session: nothing uploaded
    text = markdown(later)
    assert "Analysed by Test Officer on" in text
    assert "from the file send.csv" in text
    assert race(later)[ASIAN][-1] == "Under-represented"
    assert len(later.get("plotly_chart")) == len(saved.reach.characteristics)
    choose(next(s for s in later.selectbox if s.label == "Show the figures of"), PARENTS).run()
    assert f"Figures for the group “{PARENTS}”" in markdown(later)


def _strings(value: object) -> set[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, dict):
        return set(value) | {s for v in value.values() for s in _strings(v)}
    if isinstance(value, list):
        return {s for v in value for s in _strings(v)}
    return {value} if isinstance(value, str) else set()


def test_only_the_aggregated_result_reaches_the_database(database_url, tmp_path):
    database = tmp_path / "eia.sqlite"
    at = reach_page()
    with sqlite3.connect(database) as connection:
        tables = [
            r[0] for r in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        ]
        before = {
            t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables
        }
    upload(at)
    at.selectbox(key="eia.reach.split_by").set_value(RESPONDENT_TYPE).run()
    next(b for b in at.button if b.label == "Save with this assessment").click().run()
    close_repositories()

    with sqlite3.connect(database) as connection:
        after = {t: connection.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        payload, mapping = connection.execute(
            "SELECT payload, mapping FROM reach_results"
        ).fetchone()
    assert {t: after[t] - before[t] for t in tables if after[t] != before[t]} == {
        "reach_results": 1
    }

    with SURVEY.open(encoding="utf-8-sig", newline="") as file:
        rows = list(csv.reader(file))
    headers, answers = set(rows[0]), {cell for row in rows[1:] for cell in row if cell}
    document = json.loads(payload)
    stored = _strings(document) | _strings(json.loads(mapping))
    # Answers may appear only as what the figures are about: a category, a split group, an answer
    # point of an opinion question, or (until a later issue) an unrecognised answer.
    allowed = set(document["splits"])
    for section in [document, *document["splits"].values()]:
        for block in section["characteristics"].values():
            allowed |= set(block["unrecognised"])
            # Age bands are category ids written as the survey wrote them ("16-17").
            allowed |= {
                c[k]
                for c in block["categories"] + block["detail"] + block["outside_universe"]
                for k in ("id", "label")
            }
        for tables_ in section["opinions"].values():
            allowed |= {a for table in tables_.values() for a in table["answers"]}
    leaked = (answers - headers - allowed) & stored
    assert not leaked, sorted(leaked)[:5]
    comments = {row[rows[0].index(FREE_TEXT)] for row in rows[1:]} - {""}
    assert comments
    assert not comments & stored
    assert not {row[0] for row in rows[1:]} & stored  # no response id


def test_the_session_keeps_no_file_or_rows(database_url):
    at = upload(reach_page())
    for key in at.session_state:
        value = at.session_state[key]
        if key == "eia.reach.upload":
            continue  # the uploader widget's own file, for the page's life
        assert not isinstance(value, bytes | bytearray), key
        assert "pandas" not in type(value).__module__, key
        if key == "eia.reach.results":
            assert all(type(v).__name__ == "ReachResult" for v in value.values())


def test_a_cohort_choice_compares_the_childs_questions_with_it(database_url):
    at = upload(reach_page())
    headers = [h.value for h in at.header]
    # Parents and carers are reported apart from professionals without asking.
    assert "Parents and carers apart from professionals" in headers
    assert "Parents and carers: 846 respondents" in [h.value for h in at.subheader]
    assert "About the child: compared with the cohort" not in headers
    at.selectbox(key="eia.reach.cohort").set_value("ehcp2025-e10000018").run()
    assert not at.exception, at.exception
    assert "About the child: compared with the cohort" in [h.value for h in at.header]
    text = markdown(at)
    assert "the respondents' own answers above with **Leicestershire: Census 2021**" in text
    assert "What is your child's ethnic group?" in text
    assert "of Leicestershire's children and young people with an EHC plan" in text
    captions = [str(c.value) for c in at.caption]
    assert any(c.startswith("Compared with: Leicestershire's children and young") for c in captions)
    assert any(c.startswith("Compared with: Leicestershire's usual residents") for c in captions)
    headings_never_skip_a_level(at)


def headings_never_skip_a_level(at: AppTest) -> None:
    levels = [
        {"title": 1, "header": 2, "subheader": 3}[h.type]
        for h in at.main
        if isinstance(h, HeadingBase)
    ]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False))
