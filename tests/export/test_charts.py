"""Reach figures: paired bars with Wilson intervals, text labels, and a text alternative."""

import pytest

from eia_app.charts.reach import build_reach_figure, describe_flags, describe_reach_chart
from eia_app.export.images import ChartRenderingError, render_pngs
from tests.export.builders import require_browser


def test_figure_pairs_respondent_and_population_bars_with_intervals(reach_result):
    race = reach_result["characteristics"]["race"]
    figure = build_reach_figure("Ethnic group", race)
    respondents, population = figure.data
    assert respondents.orientation == "h"
    assert list(respondents.x)[0] == pytest.approx(5.0)
    assert list(respondents.error_x.array)[0] == pytest.approx(2.6)
    assert list(respondents.error_x.arrayminus)[0] == pytest.approx(1.74)
    assert list(population.x)[0] == pytest.approx(12.8)
    assert respondents.x[1] is None  # suppressed: no bar at all
    labels = [note.text for note in figure.layout.annotations]
    assert labels[:4] == ["5.0%", "12.8%", "[c] suppressed", "1.3%"]
    ticks = [t.replace("<br>", " ") for t in figure.layout.yaxis.ticktext]
    assert ticks[0] == "Asian, Asian British or Asian Welsh (under-represented)"
    assert population.marker.pattern.shape == "/"  # not colour alone


def test_without_a_baseline_only_respondent_bars_are_drawn(reach_result):
    figure = build_reach_figure("Pregnancy", reach_result["characteristics"]["pregnancy_maternity"])
    assert len(figure.data) == 1


def test_alt_text_states_the_comparison_figures_and_flags(reach_result):
    alt = describe_reach_chart("Ethnic group", reach_result["characteristics"]["race"])
    assert alt.startswith("Bar chart comparing the share of respondents in each Ethnic group")
    assert "380 respondents" in alt
    assert "Asian, Asian British or Asian Welsh: 5.0% of respondents against 12.8%" in alt
    assert "Mixed or Multiple ethnic groups: respondent figure suppressed" in alt
    assert "Under-represented: Asian, Asian British or Asian Welsh." in alt


def test_flags_sentence_is_empty_when_nothing_is_flagged():
    assert describe_flags([{"label": "Yes", "flag": None}]) == ""


def test_all_charts_render_in_one_browser_session(reach_result):
    require_browser()
    figures = {
        key: build_reach_figure(key, value)
        for key, value in reach_result["characteristics"].items()
    }
    rendered = render_pngs(figures)
    assert set(rendered.images) == set(figures)
    assert all(png.startswith(b"\x89PNG") for png in rendered.images.values())
    assert rendered.startup_seconds > 0


def test_a_missing_browser_is_reported_in_one_sentence(reach_result, tmp_path):
    figure = build_reach_figure("Sex", reach_result["characteristics"]["sex"])
    with pytest.raises(ChartRenderingError, match="no Chromium browser was found at"):
        render_pngs({"sex": figure}, browser_path=str(tmp_path / "missing"))
