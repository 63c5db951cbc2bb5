"""The themes-by-group chart and its text alternative; the app's upload entry point."""

from pathlib import Path

import pytest

from eia_app.charts.themes import themes_by_group_figure, themes_by_group_text
from eia_app.domain.themes import ByCharacteristic, GroupRow, QuestionThemes, Theme
from eia_app.services.themes import analyse_themes_upload, publishable

ROOT = Path(__file__).resolve().parents[2]
SEND = ROOT / "examples" / "send_strategy_2024_27" / "send_consultation_responses.csv"


def _row(category, ratio, flag=None, complement=False):
    return GroupRow(
        category=category, label=category.title(), commenters=60, raised=20,
        share_of_theme=0.3, share_of_commenters=0.1, ratio=ratio, rate=0.33,
        overall_rate=0.1, flag=flag, complement=complement,
    )  # fmt: skip


def _question():
    rows = (_row("asian", 3.3, "over"), _row("white", 0.9), _row("not_carer", 2.0, "over", True))
    theme = Theme(
        id="t1", label="Interpreters", key_phrases=("interpreter",), count=60, share=0.2,
        by_characteristic=(ByCharacteristic(characteristic="race", label="Ethnic group",
                                             rows=rows),),
    )  # fmt: skip
    return QuestionThemes(
        column="Q", commenters=300, themes=(theme,), other=0, chosen_k=3, k_range=(3, 12)
    )


def test_chart_has_one_bar_per_shown_group_and_never_a_complement():
    figure = themes_by_group_figure(_question(), "race")
    (bar,) = figure.data
    assert list(bar.x) == [3.3, 0.9]
    assert list(bar.y[1]) == ["Asian", "White"]


def test_text_alternative_names_the_flagged_group_only():
    text = themes_by_group_text(_question(), "race")
    assert text.startswith("Interpreters: raised more often by Asian (33")
    assert "White" not in text
    assert "Not_Carer" not in text
    assert themes_by_group_text(_question(), "sex") == (
        "No group raised any theme disproportionately often."
    )


def test_upload_is_themed_and_leaves_no_file_behind(tmp_path, monkeypatch):
    pytest.importorskip("sklearn")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    result = analyse_themes_upload(SEND.read_bytes(), "../../evil/send.csv")
    assert result.file == "send.csv"
    assert result.questions[0].themes
    assert list(tmp_path.iterdir()) == []
    assert not any(q for t in publishable(result).questions[0].themes for q in t.quotes)
