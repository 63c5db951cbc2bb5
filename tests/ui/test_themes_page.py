"""The free-text themes on the consultation page, driven through AppTest with the SEND survey.

Upload, find the themes, approve one quote, rename and merge, save; then the same file
again brings the edits back, and the library holds no comment that was not approved.
"""

import csv
import io
import sqlite3
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import eia_app.ui
from eia_app.export.context import build_report_context
from eia_app.services.export_sources import stored_export_source
from eia_app.services.themes_saved import saved_themes
from eia_app.services.workspace import close_repositories, open_workspace
from eia_app.ui.export_page import DOWNLOADS_KEY
from eia_app.ui.themes_view import RESULTS_KEY
from tests.export.docx_checks import all_text, open_docx
from tests.ui.test_reach_page import headings_never_skip_a_level

pytest.importorskip("sklearn")

APP = str(Path(eia_app.ui.__file__).parent / "streamlit_app.py")
SEND = "EIA-2025-0001"
ROOT = Path(__file__).resolve().parents[2]
SURVEY = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"
QUESTION = "How would the proposals in the draft strategy affect you or your family?"
MARKER = "Quillwort Lantern"


def survey_with_marker() -> bytes:
    """The SEND survey with one answer carrying a marker no other text has."""
    rows = list(csv.reader(io.StringIO(SURVEY.read_text(encoding="utf-8-sig"))))
    column = rows[0].index(QUESTION)
    row = next(r for r in rows[1:] if "taxi" in r[column])
    row[column] = f"The taxi to school is always late and {MARKER} says nothing changes."
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def comments(data: bytes) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    column = rows[0].index(QUESTION)
    return [r[column] for r in rows[1:] if r[column].strip()]


def themed(data: bytes) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=180).run()
    at.session_state["eia.current_reference"] = SEND
    at.session_state["eia.requested_page"] = "reach"
    at.run()
    at.file_uploader(key="eia.reach.upload").set_value(("send.csv", data, "text/csv"))
    at.run()
    assert not at.exception, at.exception
    button(at, "Find the themes").click().run()
    assert not at.exception, at.exception
    return at


def button(at: AppTest, label: str):
    return next(b for b in at.button if b.label == label)


def markdown(at: AppTest) -> str:
    return "\n".join(str(m.value) for m in at.markdown)


def session_result(at: AppTest):
    """The result most recently worked out in the session (the cache keeps a few)."""
    return list(at.session_state[RESULTS_KEY].values())[-1]


def merge_box(at: AppTest):
    return next(m for m in at.multiselect if m.key.startswith("eia.themes.merge."))


def approve_boxes(at: AppTest):
    return [c for c in at.checkbox if c.key.startswith("eia.themes.approve.")]


def every_stored_text(url: str) -> str:
    """Every value of every row of every table of the SQLite library, as one text."""
    with sqlite3.connect(url.removeprefix("sqlite:///")) as connection:
        names = [r[0] for r in connection.execute("SELECT name FROM sqlite_master "
                                                   "WHERE type = 'table'")]  # fmt: skip
        values = [
            str(value)
            for name in names
            for row in connection.execute(f'SELECT * FROM "{name}"')  # noqa: S608 - own names
            for value in row
        ]
    return "\n".join(values)


def test_themes_are_found_approved_saved_and_no_other_comment_is_stored(database_url):
    data = survey_with_marker()
    at = themed(data)
    assert not at.error, [e.value for e in at.error]
    text = markdown(at)
    assert f"Themes of “{QUESTION}”" in text
    assert "Transport" in text
    assert "#### What each group raised more often" in text
    assert "“English, interpreter” was raised by 5" in text
    # The chart of themes by group, with its words beside it.
    assert at.get("plotly_chart")
    assert "The chart in words" in text
    headings_never_skip_a_level(at)
    result = session_result(at)
    candidates = [q for t in result.questions[0].themes for q in t.quotes]
    assert len(approve_boxes(at)) == len(candidates) >= 3
    chosen = candidates[0]
    approve_boxes(at)[0].check().run()
    assert "the 1 quote you approved" in markdown(at)
    button(at, "Save the themes with this assessment").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Saved the themes with version 2."]
    close_repositories()
    repo = open_workspace(database_url)
    saved = saved_themes(repo, SEND)
    quotes = [q for t in saved.themes.questions[0].themes for q in t.quotes]
    assert [q.id for q in quotes] == [chosen.id]
    assert saved.edits[0].approved_quotes == (chosen.id,)
    stored = every_stored_text(database_url)
    assert MARKER not in stored
    assert chosen.text in stored
    # Some comments are part of the approved quote (people wrote the same words).
    left_out = [c for c in comments(data) if c not in chosen.text]
    assert [c for c in left_out if c in stored] == []
    assert [q.text for q in candidates[1:] if q.text in stored] == []

    # The Word EIA of the stored version says what people told us, with that quote only.
    source = stored_export_source(repo, SEND)
    told_us = build_report_context(source.assessment, themes=source.themes)["told_us"]
    paragraphs = "\n".join(told_us["paragraphs"])
    assert f"“{chosen.text}”" in paragraphs
    assert [q.text for q in candidates[1:] if q.text in paragraphs] == []
    at.session_state["eia.requested_page"] = "export"
    at.run()
    button(at, "Prepare the downloads").click().run()
    assert not at.exception, at.exception
    assert "The report says what people told us, from the themes saved with it." in markdown(at)
    document = all_text(open_docx(at.session_state[DOWNLOADS_KEY].docx))
    assert "What people told us" in document
    assert chosen.text in document
    assert [q.text for q in candidates[1:] if q.text in document] == []


def test_names_and_merges_are_applied_saved_and_brought_back_for_the_same_file(database_url):
    data = survey_with_marker()
    at = themed(data)
    first, second = session_result(at).questions[0].themes[:2]
    at.text_input(key=next(t.key for t in at.text_input if t.key.endswith(f".{first.id}"))).input(
        "Getting to school"
    )
    merge_box(at).select(first.id).select(second.id)
    button(at, "Apply the names and merges").click().run()
    assert not at.exception, at.exception
    merged = session_result(at).questions[0].themes
    assert [t.id for t in merged if t.id in (first.id, second.id)] == [first.id]
    top = next(t for t in merged if t.id == first.id)
    assert (top.label, top.count) == ("Getting to school", first.count + second.count)
    assert merge_box(at).value == []
    approve_boxes(at)[0].check().run()
    button(at, "Save the themes with this assessment").click().run()
    assert not at.exception, at.exception

    again = themed(data)
    assert any("applied again" in str(i.value) for i in again.info)
    assert "are already kept; saving these puts them in the report instead." in markdown(again)
    back = session_result(again).questions[0].themes
    assert next(t for t in back if t.id == first.id).label == "Getting to school"
    assert second.id not in [t.id for t in back]
    assert [c.value for c in approve_boxes(again)][0] is True

    other_file = themed(SURVEY.read_bytes())
    assert not any("applied again" in str(i.value) for i in other_file.info)
    assert second.id in [t.id for t in session_result(other_file).questions[0].themes]


def test_a_name_left_blank_and_a_merge_of_one_theme_are_listed_in_the_error_summary(
    database_url,
):
    at = themed(survey_with_marker())
    first = session_result(at).questions[0].themes[0]
    at.text_input(key=next(t.key for t in at.text_input if t.key.endswith(f".{first.id}"))).input(
        "  "
    )
    merge_box(at).select(first.id)
    button(at, "Apply the names and merges").click().run()
    summary = "\n".join(str(e.value) for e in at.error)
    assert "Enter a name for the theme, or keep the name shown." in summary
    assert "Choose two or more themes to merge, or none." in summary
    assert session_result(at).questions[0].themes[0].label == first.label


def test_saved_themes_are_shown_without_the_file(database_url):
    at = themed(survey_with_marker())
    approve_boxes(at)[0].check().run()
    button(at, "Save the themes with this assessment").click().run()
    reopened = AppTest.from_file(APP, default_timeout=180).run()
    reopened.session_state["eia.current_reference"] = SEND
    reopened.session_state["eia.requested_page"] = "reach"
    reopened.run()
    text = markdown(reopened)
    assert "Themed by Test Officer on" in text
    assert f"Themes of “{QUESTION}”" in text
    assert "#### Approved quotes" in text
    assert not approve_boxes(reopened)


def test_a_quote_is_shown_as_typed_never_as_a_link_or_formatting():
    from eia_app.ui.themes_edit import plain

    assert plain("See [my page](http://x.test) **now** <b>") == (
        "See \\[my page\\]\\(http://x.test\\) \\*\\*now\\*\\* \\<b\\>"
    )


def test_an_updated_export_keeps_the_approved_quotes_but_not_the_names(database_url):
    at = themed(survey_with_marker())
    result = session_result(at).questions[0]
    quotes = {q.id: q.text for t in result.themes for q in t.quotes}
    # A comment both exports hold: the updated export is the original, without the marker.
    box = next(b for b in approve_boxes(at) if MARKER not in quotes[b.key.rsplit(".", 1)[-1]])
    approved = box.key.rsplit(".", 1)[-1]
    box.check().run()
    first = result.themes[0]
    name_box = next(t.key for t in at.text_input if t.key.endswith(f".{first.id}"))
    at.text_input(key=name_box).input("Getting to school")
    button(at, "Apply the names and merges").click().run()
    button(at, "Save the themes with this assessment").click().run()
    assert not at.exception, at.exception

    updated = themed(SURVEY.read_bytes())
    [told] = [str(i.value) for i in updated.info if "earlier export" in str(i.value)]
    assert "Its 1 approved quote stays approved wherever the same comment is chosen" in told
    assert "splits, merges and names are not carried over" in told
    boxes = {b.key.rsplit(".", 1)[-1]: b.value for b in approve_boxes(updated)}
    assert boxes[approved] is True
    assert [qid for qid, ticked in boxes.items() if ticked] == [approved]
    labels = [t.label for t in session_result(updated).questions[0].themes]
    assert "Getting to school" not in labels
