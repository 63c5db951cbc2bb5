"""Splitting a theme on the consultation page (AppTest, SEND survey): refuse, undo, reapply."""

import pytest

from tests.ui.test_themes_page import (
    button,
    markdown,
    merge_box,
    session_result,
    survey_with_marker,
    themed,
)

pytest.importorskip("sklearn")


def _split(at, theme_id: str, parts: int) -> None:
    def keyed(widgets, prefix):
        return next(w for w in widgets if (w.key or "").startswith(prefix))

    keyed(at.selectbox, "eia.themes.split_theme.").set_value(theme_id)
    keyed(at.number_input, "eia.themes.split_parts.").set_value(parts)
    button(at, "Split the theme").click().run()
    assert not at.exception, at.exception


def test_a_theme_is_split_refused_when_too_small_undone_and_reapplied(database_url):
    data = survey_with_marker()
    at = themed(data)
    before = session_result(at).questions[0].themes
    first = before[0]
    _split(at, first.id, 2)
    after = session_result(at).questions[0].themes
    parts = [t for t in after if t.id.startswith(f"{first.id}.")]
    assert [t.id for t in parts] == [f"{first.id}.1", f"{first.id}.2"]
    assert sum(t.count for t in parts) == first.count
    assert first.id not in [t.id for t in after]
    assert parts[0].key_phrases != parts[1].key_phrases
    assert not at.error, [e.value for e in at.error]

    # The smallest theme cannot give four parts of the minimum count: refused, nothing changed.
    smallest = after[-1]
    _split(at, smallest.id, 4)
    summary = "\n".join(str(e.value) for e in at.error)
    assert f"“{smallest.label}” cannot be split into 4 parts" in summary
    assert [t.id for t in session_result(at).questions[0].themes] == [t.id for t in after]

    button(at, "Save the themes with this assessment").click().run()
    assert not at.exception, at.exception
    again = themed(data)
    assert any("applied again" in str(i.value) for i in again.info)
    assert [t.id for t in session_result(again).questions[0].themes] == [t.id for t in after]

    button(again, "Undo the splits, merges and names").click().run()
    assert not again.exception, again.exception
    assert [t.id for t in session_result(again).questions[0].themes] == [t.id for t in before]
    assert "Split the theme" in [b.label for b in again.button]
    assert "#### Rename, merge or split themes" in markdown(again)

    # A merged theme is not split: the merge would lose its first id.
    merge_box(again).select(before[0].id).select(before[1].id)
    button(again, "Apply the names and merges").click().run()
    merged = session_result(again).questions[0].themes
    _split(again, before[0].id, 2)
    summary = "\n".join(str(e.value) for e in again.error)
    assert "is a merge of themes: undo the merges to split it." in summary
    assert session_result(again).questions[0].themes == merged
